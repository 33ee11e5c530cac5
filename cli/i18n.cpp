#include "cli/i18n.hpp"

#include <cstdlib>
#include <ostream>
#include <set>
#include <vector>

#include "cli/context.hpp"
#include "registry/i18n/catalogue.hpp"

namespace numreg::cli {

namespace {

i18n::Lang g_language = i18n::Lang::en;
std::set<std::string> g_untranslated;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// The value of `option` in argv ("--lang zh" or "--lang=zh"), or "".
std::string argv_value(int argc, char** argv, std::string_view option) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == option && i + 1 < argc)
      return argv[i + 1];
    if (arg.starts_with(option) && arg.size() > option.size() && arg[option.size()] == '=') {
      return std::string(arg.substr(option.size() + 1));
    }
  }
  return "";
}

// Text worth translating: it has a Latin letter (a bare number or key is not).
bool has_words(std::string_view text) {
  int letters = 0;
  for (char c : text)
    letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return letters >= 2;
}

bool checking() {
  static const bool check = !env("NUMREG_I18N_CHECK").empty();
  return check;
}

std::string tr_line(std::string_view line) {
  if (g_language == i18n::Lang::en || line.empty())
    return std::string(line);
  std::vector<std::string> unknown;
  if (auto zh = i18n::chinese().find(line, &unknown)) {
    if (checking())
      g_untranslated.insert(unknown.begin(), unknown.end());
    return *zh;
  }
  if (has_words(line) && checking()) {
    g_untranslated.emplace(line);
  }
  return std::string(line);
}

}  // namespace

i18n::Lang detect_language(int argc, char** argv) {
  i18n::LanguageSources sources;
  sources.setting = argv_value(argc, argv, "--lang");
  if (sources.setting != "zh" && sources.setting != "en") {
    sources.setting = configured_language(argv_value(argc, argv, "--config"));
  }
  sources.lc_all = env("LC_ALL");
  sources.lc_messages = env("LC_MESSAGES");
  sources.lang = env("LANG");
  return i18n::choose_language(sources);
}

void set_language(i18n::Lang lang) {
  g_language = lang;
}

i18n::Lang language() {
  return g_language;
}

std::string tr(std::string_view english) {
  if (g_language == i18n::Lang::en)
    return std::string(english);
  if (english.find('\n') == std::string_view::npos)
    return tr_line(english);
  if (auto zh = i18n::chinese().find(english))
    return *zh;
  std::string out;
  size_t start = 0;
  while (start <= english.size()) {
    size_t end = english.find('\n', start);
    if (end == std::string_view::npos)
      end = english.size();
    out += tr_line(english.substr(start, end - start));
    if (end < english.size())
      out += '\n';
    start = end + 1;
  }
  return out;
}

std::string tr_value(std::string_view value) {
  if (g_language == i18n::Lang::en || value.empty())
    return std::string(value);
  if (auto zh = i18n::chinese().find(value))
    return *zh;
  if (checking())
    g_untranslated.emplace(value);
  return std::string(value);
}

bool report_untranslated(std::ostream& err) {
  for (const auto& text : g_untranslated)
    err << "numreg: untranslated: " << text << "\n";
  return !g_untranslated.empty();
}

}  // namespace numreg::cli
