// The language of this run, and translation of what people read. Machine
// output (--json, CSV, codes) never passes through here.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "registry/i18n/language.hpp"

namespace numreg::cli {

/// Choose the language from argv's --lang, NUMREG_LANG or the config file's
/// `lang` (read from `config_path`, or the default file), then LC_ALL,
/// LC_MESSAGES and LANG.
i18n::Lang detect_language(int argc, char** argv);

/// Set the language of this run.
void set_language(i18n::Lang lang);

/// The language of this run.
i18n::Lang language();

/// `english` in the language of this run, line by line. With NUMREG_I18N_CHECK
/// set, text the Chinese catalogue lacks is remembered for report_untranslated.
std::string tr(std::string_view english);

/// A word of a table cell (an enum value such as "active", a rule's text)
/// in the language of this run. With NUMREG_I18N_CHECK set, any value the
/// Chinese catalogue lacks is remembered, however short ("n95").
std::string tr_value(std::string_view value);

/// Print "numreg: untranslated: TEXT" on `err` for each text tr() could not
/// translate (only with NUMREG_I18N_CHECK set); true when there was any.
bool report_untranslated(std::ostream& err);

}  // namespace numreg::cli
