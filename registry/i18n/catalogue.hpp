// The one message catalogue: English text -> Chinese. An entry is either a
// whole text ("registry file (env NUMREG_DB)") or a template with named
// placeholders ("no {@entity} '{key}' in the registry" -> "登记库中没有{@entity}“{key}”")
// that matches any message of that pattern. A placeholder whose name starts
// with '@' is itself translated when the catalogue knows its value ("holder"
// -> "使用主体"); the others (keys, numbers, paths, command names) stay as they
// are. Machine output never passes here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/error.hpp"
#include "registry/i18n/language.hpp"

namespace numreg::i18n {

class Catalogue {
 public:
  /// Add an entry; fails when the English is already there with another
  /// Chinese, when two placeholders touch, or when the Chinese names a
  /// placeholder the English lacks.
  Result<void> add(std::string_view english, std::string_view chinese);

  /// The Chinese of `english`, or nullopt when no entry matches. A whole-text
  /// entry wins over templates; among templates the most specific (longest
  /// literal text) wins. An '@' placeholder's value is itself translated when
  /// the catalogue knows it, else kept as it is (and, with words in it, added
  /// to `unknown` when given). A value that is a list ("targets, penalty")
  /// whose items the catalogue all knows reads as a Chinese list (对象、违约责任).
  std::optional<std::string> find(std::string_view english,
                                  std::vector<std::string>* unknown = nullptr) const;

  /// How many entries there are.
  size_t size() const { return exact_.size() + templates_.size(); }

  /// Every English key, whole texts and templates.
  std::vector<std::string> keys() const;

 private:
  struct Template {
    std::string english;
    std::vector<std::string> literals;  // one more than names
    std::vector<std::string> names;
    std::string chinese;
    size_t literal_size = 0;
  };
  std::optional<std::string> find(std::string_view english, int depth,
                                  std::vector<std::string>* unknown) const;
  std::optional<std::string> render(const Template& t, const std::vector<std::string>& values,
                                    int depth, std::vector<std::string>* unknown) const;
  std::string value(const std::string& english, int depth, std::vector<std::string>* unknown) const;
  std::optional<std::string> list(std::string_view english, int depth) const;

  std::unordered_map<std::string, std::string> exact_;
  std::vector<Template> templates_;
};

/// The Chinese catalogue: schemas/i18n/*.toml, the field help and kind titles
/// of schemas/import/*.toml, and the rule texts of the rule catalogue.
const Catalogue& chinese();

/// `english` in `lang`; English, or text the catalogue lacks, comes back as is.
std::string translate(std::string_view english, Lang lang);

/// Build a catalogue from the TOML text of one schemas/i18n file (a table
/// `[messages]` of English = Chinese), adding to `catalogue`.
Result<void> load_toml(Catalogue& catalogue, std::string_view toml_text, std::string_view path);

}  // namespace numreg::i18n
