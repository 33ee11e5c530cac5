// Reads a libphonenumber number pattern into a syntax tree, then builds its
// automaton (Thompson's construction; repetitions are copied out).
#include "tools/digit_pattern.hpp"

#include <algorithm>
#include <stdexcept>

namespace numreg::tools {

namespace {

constexpr uint16_t kAllDigits = 0x3FF;
constexpr int kUnbounded = -1;

struct Node {
  enum Kind { digits, sequence, choice, repeat } kind = sequence;
  uint16_t set = 0;         // digits: the digits it matches
  std::vector<Node> parts;  // sequence, choice; repeat: the one part repeated
  int min = 0;              // repeat
  int max = 0;              // repeat: kUnbounded for no limit
};

class Parser {
 public:
  explicit Parser(const std::string& pattern) : text_(pattern) {}

  Node parse() {
    Node node = choice();
    if (pos_ != text_.size()) {
      fail("unexpected character");
    }
    return node;
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string(what) + " at " + std::to_string(pos_) + " in pattern " +
                             text_);
  }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  Node choice() {
    Node node{Node::choice};
    node.parts.push_back(sequence());
    while (at('|')) {
      ++pos_;
      node.parts.push_back(sequence());
    }
    return node.parts.size() == 1 ? node.parts.front() : node;
  }

  Node sequence() {
    Node node{Node::sequence};
    while (pos_ < text_.size() && !at('|') && !at(')')) {
      node.parts.push_back(repeated());
    }
    return node;
  }

  int number() {
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) {
      fail("expected a number");
    }
    int value = 0;
    while (pos_ < text_.size() && is_digit(text_[pos_])) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    return value;
  }

  Node repeated() {
    Node node = atom();
    bool quantified = false;
    while (at('?') || at('*') || at('+') || at('{')) {
      if (quantified) {
        fail("a lazy, possessive or repeated quantifier");
      }
      quantified = true;
      Node outer{Node::repeat};
      const char c = text_[pos_++];
      if (c == '?') {
        outer.min = 0, outer.max = 1;
      } else if (c == '*') {
        outer.min = 0, outer.max = kUnbounded;
      } else if (c == '+') {
        outer.min = 1, outer.max = kUnbounded;
      } else {
        outer.min = outer.max = number();
        if (at(',')) {
          ++pos_;
          outer.max = at('}') ? kUnbounded : number();
        }
        if (!at('}') || (outer.max != kUnbounded && outer.max < outer.min)) {
          fail("a malformed {n,m}");
        }
        ++pos_;
      }
      outer.parts.push_back(std::move(node));
      node = std::move(outer);
    }
    return node;
  }

  Node atom() {
    if (pos_ >= text_.size()) {
      fail("unexpected end");
    }
    const char c = text_[pos_++];
    if (c == '(') {
      if (at('?')) {
        if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != ':') {
          fail("a group other than (?:...)");
        }
        pos_ += 2;
      }
      Node inner = choice();
      if (!at(')')) {
        fail("an unclosed group");
      }
      ++pos_;
      return inner;
    }
    if (c == '[') {
      return digit_class();
    }
    if (c == '\\') {
      if (!at('d')) {
        fail("an escape other than \\d");
      }
      ++pos_;
      return Node{Node::digits, kAllDigits};
    }
    if (is_digit(c)) {
      return Node{Node::digits, static_cast<uint16_t>(1u << (c - '0'))};
    }
    --pos_;
    fail("a character outside the subset");
  }

  Node digit_class() {
    Node node{Node::digits};
    if (at('^') || at(']')) {
      fail("a negated or empty class");
    }
    while (!at(']')) {
      if (pos_ >= text_.size()) {
        fail("an unclosed class");
      }
      const char c = text_[pos_++];
      if (c == '\\' && at('d')) {
        ++pos_;
        node.set |= kAllDigits;
        continue;
      }
      if (!is_digit(c)) {
        --pos_;
        fail("a class member other than a digit or \\d");
      }
      char last = c;
      if (at('-') && pos_ + 1 < text_.size() && text_[pos_ + 1] != ']') {
        last = text_[pos_ + 1];
        if (!is_digit(last) || last < c) {
          fail("a malformed range");
        }
        pos_ += 2;
      }
      for (char d = c; d <= last; ++d) {
        node.set |= static_cast<uint16_t>(1u << (d - '0'));
      }
    }
    ++pos_;
    return node;
  }

  const std::string& text_;
  size_t pos_ = 0;
};

// Builds `node` from the state `in`: returns the state where it ends.
int build(Nfa& nfa, const Node& node, int in) {
  switch (node.kind) {
    case Node::digits: {
      const int out = nfa.add_state();
      nfa.states[static_cast<size_t>(in)].digits.emplace_back(node.set, out);
      return out;
    }
    case Node::sequence:
      for (const Node& part : node.parts) {
        in = build(nfa, part, in);
      }
      return in;
    case Node::choice: {
      const int out = nfa.add_state();
      for (const Node& part : node.parts) {
        const int start = nfa.add_state();
        nfa.states[static_cast<size_t>(in)].empty.push_back(start);
        nfa.states[static_cast<size_t>(build(nfa, part, start))].empty.push_back(out);
      }
      return out;
    }
    case Node::repeat: {
      const Node& part = node.parts.front();
      for (int i = 0; i < node.min; ++i) {
        in = build(nfa, part, in);
      }
      if (node.max == kUnbounded) {
        const int loop = nfa.add_state();
        nfa.states[static_cast<size_t>(in)].empty.push_back(loop);
        nfa.states[static_cast<size_t>(build(nfa, part, loop))].empty.push_back(loop);
        return loop;
      }
      for (int i = node.min; i < node.max; ++i) {
        const int start = nfa.add_state();
        nfa.states[static_cast<size_t>(in)].empty.push_back(start);
        const int end = build(nfa, part, start);
        const int out = nfa.add_state();
        nfa.states[static_cast<size_t>(in)].empty.push_back(out);
        nfa.states[static_cast<size_t>(end)].empty.push_back(out);
        in = out;
      }
      return in;
    }
  }
  return in;
}

}  // namespace

std::pair<int, int> add_pattern(Nfa& nfa, const std::string& pattern) {
  const Node tree = Parser(pattern).parse();
  const int start = nfa.add_state();
  const int accept = build(nfa, tree, start);
  return {start, accept};
}

std::vector<int> closure(const Nfa& nfa, std::vector<int> states) {
  // Marks of the states seen, by call: no clearing between calls.
  static std::vector<unsigned> seen;
  static unsigned call = 0;
  seen.resize(nfa.states.size(), 0);
  ++call;
  std::vector<int> todo = states;
  for (int s : states) {
    seen[static_cast<size_t>(s)] = call;
  }
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    for (int t : nfa.states[static_cast<size_t>(s)].empty) {
      if (seen[static_cast<size_t>(t)] != call) {
        seen[static_cast<size_t>(t)] = call;
        states.push_back(t);
        todo.push_back(t);
      }
    }
  }
  std::sort(states.begin(), states.end());
  return states;
}

std::vector<int> step(const Nfa& nfa, const std::vector<int>& states, int d) {
  std::vector<int> next;
  for (int s : states) {
    for (const auto& [set, to] : nfa.states[static_cast<size_t>(s)].digits) {
      if ((set >> d) & 1u) {
        next.push_back(to);
      }
    }
  }
  std::sort(next.begin(), next.end());
  next.erase(std::unique(next.begin(), next.end()), next.end());
  return closure(nfa, std::move(next));
}

}  // namespace numreg::tools
