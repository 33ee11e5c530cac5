// libphonenumber's number patterns as automata over the digits 0-9, for the
// build-time tools that turn its metadata into tables.
//
// The patterns use a small subset of regular expressions: digits, \d,
// classes of digits and ranges ([2-9], [0-35-9]), groups ((...), (?:...)),
// alternation and the quantifiers ?, *, +, {n}, {n,} and {n,m}. Anything else
// (a lazy or possessive quantifier, a negated class, a letter) is refused
// with std::runtime_error, so that a table is never built from a pattern
// read wrongly.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace numreg::tools {

/// A nondeterministic automaton over digits with empty moves.
struct Nfa {
  struct State {
    std::vector<int> empty;                        // states reached without a digit
    std::vector<std::pair<uint16_t, int>> digits;  // (bit d set for digit d, next state)
  };
  std::vector<State> states;

  int add_state() {
    states.emplace_back();
    return static_cast<int>(states.size()) - 1;
  }
};

/// Adds the automaton of `pattern` to `nfa`: {start, accept}. The digits
/// that take start to accept are exactly those that the whole pattern
/// matches (as RegExp::FullMatch does). Throws std::runtime_error on syntax
/// outside the subset above.
std::pair<int, int> add_pattern(Nfa& nfa, const std::string& pattern);

/// `states` and every state reached from them by empty moves, sorted.
std::vector<int> closure(const Nfa& nfa, std::vector<int> states);

/// The closure of the states reached from `states` by the digit `d`.
std::vector<int> step(const Nfa& nfa, const std::vector<int>& states, int d);

}  // namespace numreg::tools
