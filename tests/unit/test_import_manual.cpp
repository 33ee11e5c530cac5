#include <doctest/doctest.h>

#include "registry/import/manual.hpp"
#include "registry/model/kind.hpp"

using namespace numreg;

TEST_CASE("import_manual has every field of every kind, with its Chinese headers") {
  std::string page = import::import_manual();
  CHECK(page.starts_with(".TH NUMREG-IMPORT 5"));
  for (const Kind& k : kinds()) {
    CHECK(page.find(".SS " + k.name + " (") != std::string::npos);
    for (const auto& f : k.fields) {
      CHECK_MESSAGE(page.find(".B " + f.name + "\n") != std::string::npos, k.name, ".", f.name);
    }
  }
  // 允许主叫号码, escaped for groff, with break points between characters.
  CHECK(page.find("\\[u5141]\\:\\[u8BB8]\\:\\[u4E3B]\\:\\[u53EB]\\:") != std::string::npos);
}

namespace {

// The page as a reader sees its text: \[uXXXX] back to UTF-8, break points gone.
std::string readable(const std::string& roff) {
  std::string out;
  for (size_t i = 0; i < roff.size();) {
    if (roff.compare(i, 3, "\\[u") == 0) {
      auto cp = static_cast<char32_t>(std::stoul(roff.substr(i + 3, 4), nullptr, 16));
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      i += 8;
    } else if (roff.compare(i, 2, "\\:") == 0) {
      i += 2;
    } else {
      out += roff[i++];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("import_manual in Chinese: every field, its help, headers and value names") {
  std::string page = import::import_manual(i18n::Lang::zh);
  CHECK(page.starts_with(".TH NUMREG\\-IMPORT 5"));
  for (const Kind& k : kinds()) {
    CHECK(page.find(".SS " + k.name + " (") != std::string::npos);
    for (const auto& f : k.fields)
      CHECK_MESSAGE(page.find(".B " + f.name + "\n") != std::string::npos, k.name, ".", f.name);
  }
  std::string text = readable(page);
  CHECK(text.find(".SH 名称\nnumreg\\-import \\- numreg import 读取、numreg export 写出的文件\n") !=
        std::string::npos);
  CHECK(
      text.find(".TP\n.B status\n（enum）状态：active（在用）、suspended（暂停）、ended（终止）\n"
                ".br\n中文表头：状态\n"
                ".br\n取值：active（在用）、suspended（已暂停）、ended（已终止）；也可写作 停用 = "
                "suspended、拆机 = ended、暂停 = suspended、终止 = ended\n"
                ".br\n默认值：active\n") != std::string::npos);
  CHECK(text.find(".TP\n.B holder\n（使用主体的键，必填）使用主体的统一社会信用代码\n") !=
        std::string::npos);
}
