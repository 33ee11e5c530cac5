#include "cli/diagnostics.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/i18n.hpp"
#include "registry/text/printable.hpp"

namespace numreg::cli {

std::string describe(const Error& e) {
  // "field: value: what was expected"; the value is left out where the
  // message already quotes it.
  if (e.field.empty() || e.message.starts_with(e.field + " ")) {
    return e.message;
  }
  if (e.value.empty() || e.message.find(e.value) != std::string::npos) {
    return fmt::format("{}: {}", e.field, e.message);
  }
  return fmt::format("{}: {}: {}", e.field, e.value, e.message);
}

void print_error(std::ostream& err, const Error& e, bool json) {
  // People read the message in their language; the "error[CODE]" of a file
  // diagnostic stays as editors and scripts parse it.
  Error shown = e;
  shown.message = tr(e.message);
  if (!e.where.file.empty()) {
    err << fmt::format("{}:{}:{}: error[{}]: {}\n", printable(e.where.file), e.where.line,
                       e.where.column, e.code, printable(describe(shown)));
  } else {
    err << tr("numreg: error: ") << printable(describe(shown)) << "\n";
  }
  if (json) {
    nlohmann::ordered_json j{{"code", e.code}, {"message", e.message}};
    if (!e.where.file.empty()) {
      j["file"] = e.where.file;
      j["line"] = e.where.line;
      j["column"] = e.where.column;
    }
    if (!e.field.empty())
      j["field"] = e.field;
    if (!e.value.empty())
      j["value"] = e.value;
    err << j.dump() << "\n";
  }
}

}  // namespace numreg::cli
