// The refusal (do-not-call) list behind S006.
#include "registry/screen/refusals.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "registry/model/value.hpp"

namespace numreg::screen {

namespace {

// Split one CSV line (RFC 4180 quoting within the line).
std::vector<std::string> csv_fields(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// The field each header column names, by field name or Chinese alias.
std::vector<std::string> header_fields(const Kind& kind, std::string_view line,
                                       const std::string& name) {
  std::vector<std::string> fields;
  std::vector<Error> errors;
  long column = 1;
  for (const std::string& raw : csv_fields(line)) {
    const std::string header(trim(raw));
    const Field* found = nullptr;
    for (const Field& f : kind.fields) {
      if (f.name == header ||
          std::find(f.aliases.begin(), f.aliases.end(), header) != f.aliases.end()) {
        found = &f;
      }
    }
    if (!found) {
      Error e = data_error("header", fmt::format("unknown column '{}' (expected number, holder, "
                                                 "date, channel)",
                                                 header));
      e.where = {name, 1, column};
      errors.push_back(e);
    } else {
      fields.push_back(found->name);
    }
    column += static_cast<long>(raw.size()) + 1;
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  return fields;
}

// The column (1-based, in bytes) where `field`'s value starts on `line`.
long column_of(std::string_view line, const std::vector<std::string>& columns,
               const std::string& field) {
  const auto at = std::find(columns.begin(), columns.end(), field);
  long column = 1;
  size_t index = 0;
  bool quoted = false;
  for (size_t i = 0; i < line.size() && at != columns.end(); ++i) {
    if (index == static_cast<size_t>(at - columns.begin()))
      break;
    if (line[i] == '"')
      quoted = !quoted;
    if (line[i] == ',' && !quoted)
      ++index;
    ++column;
  }
  return at == columns.end() ? 1 : column;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r'))
      line.remove_suffix(1);
    lines.push_back(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

}  // namespace

RefusalImport import_refusals(Ledger& ledger, std::string_view csv, const std::string& name,
                              const Change& change) {
  const Kind& refusals = kind("refusals");
  const std::vector<std::string_view> lines = lines_of(csv);
  if (lines.empty())
    return {};
  const std::vector<std::string> columns = header_fields(refusals, lines[0], name);
  std::vector<std::pair<long, Record>> records;
  std::vector<Error> errors;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]).empty())
      continue;
    const std::vector<std::string> values = csv_fields(lines[i]);
    RawValues raw;
    for (size_t c = 0; c < columns.size() && c < values.size(); ++c) {
      if (!trim(values[c]).empty())
        raw.emplace_back(columns[c], values[c]);
    }
    std::vector<Error> row_errors;
    Record r = ledger.build(refusals, raw, change, row_errors);
    ledger.check(r, row_errors);
    for (Error& e : row_errors) {
      e.where = {name, static_cast<long>(i + 1), column_of(lines[i], columns, e.field)};
      errors.push_back(std::move(e));
    }
    records.emplace_back(static_cast<long>(i + 1), std::move(r));
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  store::Transaction tx(ledger.database());
  ledger.journal().forget_head();
  RefusalImport result;
  for (auto& [line, r] : records) {
    std::vector<Error> ref_errors;
    ledger.check_references(r, ref_errors);
    for (Error& e : ref_errors) {
      e.where = {name, line, 1};
      errors.push_back(std::move(e));
    }
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  for (auto& [line, r] : records) {
    switch (ledger.write(r, true, change)) {
      case Outcome::added:
        ++result.added;
        break;
      case Outcome::changed:
        ++result.changed;
        break;
      case Outcome::unchanged:
        ++result.unchanged;
        break;
    }
  }
  tx.commit();
  return result;
}

RefusalCheck check_refusal(Ledger& ledger, const std::string& number, const std::string& holder,
                           Date date) {
  RefusalCheck check;
  check.number = value_or_throw(parse_number(number)).canonical;
  for (auto& row : store::refusals_of(ledger.database(), check.number)) {
    const bool for_holder = !row.holder || holder.empty() || *row.holder == holder;
    if (for_holder && row.date <= date.iso()) {
      check.rows.push_back(std::move(row));
    }
  }
  check.refused = !check.rows.empty();
  return check;
}

}  // namespace numreg::screen
