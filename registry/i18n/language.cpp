#include "registry/i18n/language.hpp"

namespace numreg::i18n {

std::string_view to_string(Lang lang) {
  return lang == Lang::zh ? "zh" : "en";
}

Lang choose_language(const LanguageSources& s) {
  if (s.setting == "zh" || s.setting == "en") {
    return s.setting == "zh" ? Lang::zh : Lang::en;
  }
  for (const std::string* locale : {&s.lc_all, &s.lc_messages, &s.lang}) {
    if (!locale->empty()) {
      return locale->starts_with("zh") ? Lang::zh : Lang::en;
    }
  }
  return Lang::en;
}

}  // namespace numreg::i18n
