// The language numreg speaks to people: English or Chinese. The front end
// gathers the sources (flag, setting, locale variables); the choice is here.
#pragma once

#include <string>
#include <string_view>

namespace numreg::i18n {

/// A language of messages, help and table headers.
enum class Lang { en, zh };

/// "en" or "zh".
std::string_view to_string(Lang lang);

/// Where the language may come from, highest priority first; empty means unset.
struct LanguageSources {
  std::string setting;      // --lang, else NUMREG_LANG or the config file's `lang`
  std::string lc_all;       // LC_ALL
  std::string lc_messages;  // LC_MESSAGES
  std::string lang;         // LANG
};

/// The language to use: the setting when it is "zh" or "en", else the first
/// locale variable set (POSIX order LC_ALL, LC_MESSAGES, LANG): zh_* is
/// Chinese, anything else English.
Lang choose_language(const LanguageSources& sources);

}  // namespace numreg::i18n
