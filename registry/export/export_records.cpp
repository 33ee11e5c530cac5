#include "registry/export/export_records.hpp"

#include <ostream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "registry/model/value.hpp"

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

}  // namespace

std::string export_format(const std::string& name) {
  if (name == "csv" || name == "json" || name == "yaml")
    return name;
  if (name == "yml")
    return "yaml";
  if (name == "xlsx") {
    throw Failure(make_error(ErrorKind::usage, "format-unsupported",
                             "export to xlsx is not available yet (expected csv, json or yaml)"));
  }
  throw Failure(make_error(ErrorKind::usage, "format-unknown",
                           fmt::format("unknown format '{}' (expected csv, json or yaml)", name)));
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
  std::vector<Record> records = ledger.list(kind, ListQuery{});
  if (options.unmask) {
    store::Transaction tx(ledger.database());
    ledger.journal().forget_head();
    ledger.journal_event("unmask", kind.entity,
                         fmt::format("export {} ({} records)", kind.name, records.size()), change);
    tx.commit();
  }
  if (options.format == "json") {
    write_json(kind, records, options, out);
  } else if (options.format == "yaml") {
    write_yaml(kind, records, options, out);
  } else {
    write_csv(kind, records, options, out);
  }
  return records.size();
}

}  // namespace numreg
