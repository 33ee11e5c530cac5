#include "registry/export/export_records.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "registry/export/xlsx_writer.hpp"
#include "registry/model/value.hpp"
#include "registry/text/strings.hpp"
#include "registry/text/width.hpp"

namespace numreg {

namespace {

std::optional<std::string> shown(const Field& f, const std::optional<std::string>& v, bool unmask) {
  if (!v || unmask || !f.personal)
    return v;
  return mask_value(f, *v);
}

void write_csv(const Kind& kind, const std::vector<Record>& records, const ExportOptions& o,
               std::ostream& out) {
  std::string line;
  for (const auto& f : kind.fields)
    line += (line.empty() ? "" : ",") + f.name;
  out << line << "\n";
  for (const auto& r : records) {
    line.clear();
    for (size_t i = 0; i < kind.fields.size(); ++i) {
      if (i > 0)
        line += ',';
      auto v = shown(kind.fields[i], r.values[i], o.unmask);
      if (v)
        line += csv_cell(*v, o.spreadsheet_safe);
    }
    out << line << "\n";
  }
}

void write_json(const Kind& kind, const std::vector<Record>& records, const ExportOptions& o,
                std::ostream& out) {
  out << "{\n  \"" << kind.name << "\": [";
  for (size_t i = 0; i < records.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << records[i].to_json(o.unmask).dump();
  }
  out << (records.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

void write_yaml(const Kind& kind, const std::vector<Record>& records, const ExportOptions& o,
                std::ostream& out) {
  YAML::Emitter y;
  y << YAML::BeginMap << YAML::Key << kind.name << YAML::Value << YAML::BeginSeq;
  for (const auto& r : records) {
    y << YAML::BeginMap;
    for (size_t i = 0; i < kind.fields.size(); ++i) {
      auto v = shown(kind.fields[i], r.values[i], o.unmask);
      if (!v)
        continue;
      y << YAML::Key << kind.fields[i].name << YAML::Value << YAML::DoubleQuoted << *v;
    }
    y << YAML::EndMap;
  }
  y << YAML::EndSeq << YAML::EndMap;
  out << y.c_str() << "\n";
}

/// A field's text as a typed cell: dates as dates, integers as numbers,
/// everything else (numbers of telephones included) as text.
Cell typed_cell(const Field& f, const std::string& text) {
  if (f.type == FieldType::date) {
    if (auto d = parse_date(text))
      return *d;
  } else if (f.type == FieldType::integer) {
    int64_t n = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, n);
    if (ec == std::errc() && p == end)
      return n;
  }
  return text;
}

/// Records the registry holds of `kind`, journaling an unmasked export.
std::vector<Record> records_for_export(Ledger& ledger, const Kind& kind,
                                       const ExportOptions& options, const Change& change) {
  std::vector<Record> records = ledger.list(kind, ListQuery{});
  if (options.unmask) {
    store::WriteTransaction tx(ledger.store());
    ledger.journal().forget_head();
    ledger.journal_event("unmask", kind.entity,
                         fmt::format("export {} ({} records)", kind.name, records.size()), change);
    tx.commit();
  }
  return records;
}

// The format `name` names, in any case ("yml" is "yaml"), or "".
std::string known_format(std::string_view name) {
  std::string format = ascii_lower(name);
  if (format == "yml")
    return "yaml";
  return format == "csv" || format == "json" || format == "yaml" || format == "xlsx" ? format : "";
}

// An XLSX worksheet holds 1,048,576 rows, the header among them.
constexpr size_t kXlsxRows = 1048575;

}  // namespace

std::string export_format_of_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos)
    return "";
  return known_format(path.substr(dot + 1));
}

std::vector<SheetPart> records_sheets(const Kind& kind, const std::vector<Record>& records,
                                      bool unmask, size_t rows_per_sheet) {
  std::vector<SheetColumn> columns;
  for (const auto& f : kind.fields)
    columns.push_back({f.name, f.name, static_cast<double>(display_width(f.name))});
  std::vector<SheetPart> parts;
  for (size_t first = 0; first < records.size() || parts.empty(); first += rows_per_sheet) {
    std::string name =
        parts.empty() ? kind.name : fmt::format("{} ({})", kind.name, parts.size() + 1);
    SheetPart& part = parts.emplace_back(SheetPart{name, columns, {}});
    size_t last = std::min(records.size(), first + rows_per_sheet);
    for (size_t r = first; r < last; ++r) {
      auto& row = part.rows.emplace_back();
      for (size_t i = 0; i < kind.fields.size(); ++i) {
        auto v = shown(kind.fields[i], records[r].values[i], unmask);
        row.push_back(v ? typed_cell(kind.fields[i], *v) : Cell{});
        if (v) {
          auto& width = columns[i].width;
          width = std::max(width, static_cast<double>(display_width(*v)));
        }
      }
    }
  }
  // Wide enough for the longest cell of any sheet, within reason.
  for (auto& part : parts) {
    for (size_t i = 0; i < columns.size(); ++i)
      part.columns[i].width = std::clamp(columns[i].width + 2, 8.0, 60.0);
  }
  return parts;
}

std::string export_format(const std::string& name) {
  if (std::string format = known_format(name); !format.empty())
    return format;
  throw Failure(
      make_error(ErrorKind::usage, "format-unknown",
                 fmt::format("unknown format '{}' (expected csv, json, yaml or xlsx)", name)));
}

std::string csv_cell(std::string_view text, bool spreadsheet_safe) {
  std::string t(text);
  if (spreadsheet_safe && !t.empty() &&
      (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' || t[0] == '\t' || t[0] == '\r')) {
    t.insert(0, 1, '\'');
  }
  bool quote = t.find_first_of(",\"\r\n") != std::string::npos ||
               (!t.empty() && (t.front() == ' ' || t.back() == ' '));
  if (!quote)
    return t;
  std::string out = "\"";
  for (char c : t) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

size_t export_records(Ledger& ledger, const Kind& kind, const ExportOptions& options,
                      const Change& change, std::ostream& out) {
  std::vector<Record> records = records_for_export(ledger, kind, options, change);
  if (options.format == "json") {
    write_json(kind, records, options, out);
  } else if (options.format == "yaml") {
    write_yaml(kind, records, options, out);
  } else {
    write_csv(kind, records, options, out);
  }
  return records.size();
}

size_t export_records_xlsx(Ledger& ledger, const Kind& kind, const ExportOptions& options,
                           const Change& change, const std::string& path) {
  std::vector<Record> records = records_for_export(ledger, kind, options, change);
  std::vector<SheetPart> sheets = records_sheets(kind, records, options.unmask, kXlsxRows);
  std::vector<const SheetPart*> parts;
  parts.reserve(sheets.size());
  for (const auto& s : sheets)
    parts.push_back(&s);
  // Each printed page says what it is and which state of the registry it shows.
  const std::string head = ledger.journal().head().substr(0, kShortHead);
  PageCaption caption =
      options.chinese
          ? PageCaption{fmt::format("numreg 导出 {}（{} 条记录）", kind.name, records.size()),
                        fmt::format("日志链头 {}", head), true}
          : PageCaption{fmt::format("numreg export {} ({} records)", kind.name, records.size()),
                        fmt::format("journal head {}", head), false};
  write_xlsx(path, parts, caption);
  return records.size();
}

}  // namespace numreg
