#include "registry/i18n/catalogue.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "registry/embedded.hpp"
#include "registry/model/kind.hpp"
#include "registry/rules/rule.hpp"
#include "registry/screen/summary.hpp"

namespace numreg::i18n {

namespace {

constexpr int kMaxDepth = 3;

struct Pieces {
  std::vector<std::string> literals;
  std::vector<std::string> names;
};

// Split "no {entity} '{key}'" into literals ["no ", " '", "'"] and names [entity, key].
Pieces split(std::string_view text) {
  Pieces p;
  std::string literal;
  size_t i = 0;
  while (i < text.size()) {
    size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    size_t first = i + 1 < text.size() && text[i + 1] == '@' ? i + 2 : i + 1;
    bool is_name = close != std::string_view::npos && close > first &&
                   std::all_of(text.begin() + first, text.begin() + close, [](char c) {
                     return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
                   });
    if (!is_name) {
      literal += text[i++];
      continue;
    }
    p.literals.push_back(literal);
    literal.clear();
    p.names.emplace_back(text.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  p.literals.push_back(literal);
  return p;
}

Error catalogue_error(std::string_view english, const std::string& what) {
  return make_error(ErrorKind::internal, "catalogue", fmt::format("'{}': {}", english, what));
}

// Match `text` from `pos` against the template's pieces from placeholder `i`
// on, filling `values`; tries every place the next literal occurs. A value
// never spans lines: text of several lines is translated line by line.
bool match_from(std::string_view text, size_t pos, const std::vector<std::string>& literals,
                size_t i, std::vector<std::string>& values) {
  if (i + 2 == literals.size()) {
    const std::string& last = literals.back();
    if (text.size() < pos + 1 + last.size() || !text.ends_with(last))
      return false;
    values[i] = std::string(text.substr(pos, text.size() - last.size() - pos));
    return values[i].find('\n') == std::string::npos;
  }
  const std::string& next = literals[i + 1];
  for (size_t at = text.find(next, pos + 1); at != std::string_view::npos;
       at = text.find(next, at + 1)) {
    values[i] = std::string(text.substr(pos, at - pos));
    if (values[i].find('\n') != std::string::npos)
      return false;  // a placeholder's value is one line
    if (match_from(text, at + next.size(), literals, i + 1, values))
      return true;
  }
  return false;
}

// Text with words in it (two Latin letters or more), not a bare key or number.
bool has_words(std::string_view text) {
  int letters = 0;
  for (char c : text)
    letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return letters >= 2;
}

}  // namespace

Result<void> Catalogue::add(std::string_view english, std::string_view chinese) {
  Pieces en = split(english);
  if (en.names.empty()) {
    auto [it, fresh] = exact_.emplace(english, chinese);
    if (!fresh && it->second != chinese) {
      return tl::unexpected(catalogue_error(english, "translated twice, differently"));
    }
    return {};
  }
  for (size_t i = 1; i + 1 < en.literals.size(); ++i) {
    if (en.literals[i].empty()) {
      return tl::unexpected(catalogue_error(english, "two placeholders touch"));
    }
  }
  for (const auto& name : split(chinese).names) {
    if (std::find(en.names.begin(), en.names.end(), name) == en.names.end()) {
      return tl::unexpected(catalogue_error(english, fmt::format("no placeholder {{{}}}", name)));
    }
  }
  for (const auto& t : templates_) {
    if (t.english == english && t.chinese != chinese) {
      return tl::unexpected(catalogue_error(english, "translated twice, differently"));
    }
  }
  size_t literal_size = 0;
  for (const auto& l : en.literals)
    literal_size += l.size();
  templates_.push_back({std::string(english), std::move(en.literals), std::move(en.names),
                        std::string(chinese), literal_size});
  return {};
}

std::optional<std::string> Catalogue::find(std::string_view english,
                                           std::vector<std::string>* unknown) const {
  return find(english, 0, unknown);
}

std::optional<std::string> Catalogue::find(std::string_view english, int depth,
                                           std::vector<std::string>* unknown) const {
  if (auto it = exact_.find(std::string(english)); it != exact_.end())
    return it->second;
  const Template* best = nullptr;
  std::vector<std::string> best_values;
  for (const auto& t : templates_) {
    if (best && t.literal_size <= best->literal_size)
      continue;
    if (!english.starts_with(t.literals.front()))
      continue;
    std::vector<std::string> values(t.names.size());
    if (match_from(english, t.literals.front().size(), t.literals, 0, values)) {
      best = &t;
      best_values = std::move(values);
    }
  }
  if (!best)
    return std::nullopt;
  return render(*best, best_values, depth, unknown);
}

std::optional<std::string> Catalogue::render(const Template& t,
                                             const std::vector<std::string>& values, int depth,
                                             std::vector<std::string>* unknown) const {
  Pieces zh = split(t.chinese);
  std::string out = zh.literals[0];
  for (size_t i = 0; i < zh.names.size(); ++i) {
    size_t k = std::find(t.names.begin(), t.names.end(), zh.names[i]) - t.names.begin();
    bool words = depth < kMaxDepth && zh.names[i].starts_with('@');
    out += words ? value(values[k], depth + 1, unknown) : values[k];
    out += zh.literals[i + 1];
  }
  return out;
}

// The Chinese of an '@' placeholder's value: as a list when it is one whose
// items are all known, else as a whole, else as it is.
std::string Catalogue::value(const std::string& english, int depth,
                             std::vector<std::string>* unknown) const {
  if (auto items = list(english, depth))
    return *items;
  if (auto whole = find(english, depth, unknown))
    return *whole;
  if (unknown && has_words(english))
    unknown->push_back(english);
  return english;
}

std::optional<std::string> Catalogue::list(std::string_view english, int depth) const {
  constexpr std::string_view kComma = ", ";
  if (english.find(kComma) == std::string_view::npos)
    return std::nullopt;
  std::string out;
  size_t start = 0;
  while (true) {
    size_t end = english.find(kComma, start);
    std::vector<std::string> missing;
    auto item = find(english.substr(start, end - start), depth, &missing);
    if (!item || !missing.empty())
      return std::nullopt;
    out += (start ? "、" : "") + *item;
    if (end == std::string_view::npos)
      return out;
    start = end + kComma.size();
  }
}

std::vector<std::string> Catalogue::keys() const {
  std::vector<std::string> out;
  for (const auto& [en, zh] : exact_)
    out.push_back(en);
  for (const auto& t : templates_)
    out.push_back(t.english);
  std::sort(out.begin(), out.end());
  return out;
}

Result<void> load_toml(Catalogue& catalogue, std::string_view toml_text, std::string_view path) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, path);
  } catch (const toml::parse_error& e) {
    return tl::unexpected(
        make_error(ErrorKind::internal, "catalogue", fmt::format("{}: {}", path, e.description())));
  }
  const toml::table* messages = doc["messages"].as_table();
  if (!messages) {
    return tl::unexpected(
        make_error(ErrorKind::internal, "catalogue", fmt::format("{}: no [messages] table", path)));
  }
  for (const auto& [key, value] : *messages) {
    auto zh = value.value<std::string>();
    if (!zh) {
      return tl::unexpected(catalogue_error(key.str(), "the Chinese is not a string"));
    }
    auto added = catalogue.add(key.str(), *zh);
    if (!added)
      return added;
  }
  return {};
}

namespace {

void require(const Result<void>& done) {
  if (!done)
    throw Failure(done.error());
}

Catalogue build_chinese() {
  Catalogue c;
  for (const auto& f : embedded_files()) {
    if (f.path.starts_with("schemas/i18n/") && f.path.ends_with(".toml")) {
      require(load_toml(c, f.data, f.path));
    }
  }
  for (const auto& k : kinds()) {
    // Two kinds may share an English help text; the first Chinese stands.
    if (!k.title_zh.empty())
      (void)c.add(k.title, k.title_zh);
    for (const auto& f : k.fields) {
      if (!f.help_zh.empty())
        (void)c.add(f.help, f.help_zh);
    }
  }
  for (const auto& r : rules())
    require(c.add(r.text_en, r.text_zh));
  for (int r = 0; r < screen::kRules; ++r)
    require(c.add(screen::rule_text(r), screen::rule_text(r, true)));
  for (const auto& k : kinds()) {
    for (const auto& f : k.fields) {
      for (const auto& [value, zh] : f.value_names_zh)
        require(c.add(value, zh));
    }
  }
  return c;
}

}  // namespace

const Catalogue& chinese() {
  static const Catalogue catalogue = build_chinese();
  return catalogue;
}

std::string translate(std::string_view english, Lang lang) {
  if (lang == Lang::en)
    return std::string(english);
  auto zh = chinese().find(english);
  return zh ? *zh : std::string(english);
}

}  // namespace numreg::i18n
