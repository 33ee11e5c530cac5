#include "registry/import/document_reader.hpp"

#include <fmt/format.h>

#include "registry/import/columns.hpp"

namespace numreg::import {

namespace {

size_t kind_index(const Kind& kind) {
  auto all = numreg::kinds();
  for (size_t i = 0; i < all.size(); ++i) {
    if (&all[i] == &kind)
      return i;
  }
  return 0;
}

}  // namespace

std::vector<const Kind*> DocumentReader::kinds() const {
  std::vector<const Kind*> out;
  auto all = numreg::kinds();
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (!rows_[i].empty())
      out.push_back(&all[i]);
  }
  return out;
}

bool DocumentReader::next(const Kind& kind, Row& row, std::vector<Error>&) {
  size_t k = kind_index(kind);
  if (k >= rows_.size() || next_[k] >= rows_[k].size())
    return false;
  row = std::move(rows_[k][next_[k]++]);
  return true;
}

Row& DocumentReader::add_row(const Kind& kind, const Location& where) {
  size_t k = kind_index(kind);
  if (rows_.size() <= k) {
    rows_.resize(numreg::kinds().size());
    next_.resize(rows_.size());
  }
  Row& row = rows_[k].emplace_back();
  row.kind = &kind;
  row.where = where;
  return row;
}

void DocumentReader::add_cell(Row& row, std::string_view key, std::string text,
                              const Location& where, const Location& key_where,
                              std::vector<Error>& errors) {
  const Field* f = column_field(*row.kind, key);
  if (!f) {
    errors.push_back(
        error_at(key_where, "field-unknown",
                 fmt::format("{} has no field '{}' (see numreg-import(5))", row.kind->name, key)));
    return;
  }
  for (size_t i = 0; i < row.size; ++i) {
    if (row.cells[i].name == f->name) {
      errors.push_back(error_at(key_where, "key-repeated",
                                fmt::format("repeated key '{}': this record already gives {} on "
                                            "line {}",
                                            key, f->name, row.cells[i].where.line)));
      return;
    }
  }
  Cell& cell = row.add();
  cell.name = f->name;
  cell.text = std::move(text);
  cell.where = where;
}

const Kind* DocumentReader::top_kind(std::string_view key, const Location& where,
                                     std::vector<Error>& errors) {
  const Kind* k = find_kind(key);
  if (!k) {
    std::vector<std::string> names;
    for (const auto& kind : numreg::kinds())
      names.push_back(kind.name);
    errors.push_back(error_at(where, "document-key",
                              fmt::format("unknown record kind '{}' (expected a list of one of: "
                                          "{})",
                                          key, fmt::join(names, ", "))));
    return nullptr;
  }
  for (const auto& [seen, at] : top_keys_) {
    if (seen == k) {
      errors.push_back(error_at(where, "key-repeated",
                                fmt::format("repeated key '{}': this document already has a list "
                                            "of {} on line {}",
                                            key, k->name, at.line)));
      return nullptr;
    }
  }
  top_keys_.emplace_back(k, where);
  return k;
}

}  // namespace numreg::import
