// YAML through yaml-cpp, after a scan that bounds nesting (yaml-cpp's parser
// recurses); aliases are counted as they are walked, so an alias bomb stops.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "registry/import/document_reader.hpp"

namespace numreg::import {

namespace {

// The first place where flow or block nesting passes `max`, if any.
std::optional<Location> too_deep(std::string_view text, int max, const std::string& name) {
  int flow = 0;
  long line = 1;
  long column = 1;
  char quote = 0;
  bool comment = false;
  bool line_start = true;
  std::vector<size_t> indents;
  size_t indent = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      column = 1;
      comment = false;
      line_start = true;
      indent = 0;
      if (quote == '\'' || quote == '"')
        continue;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++column;
    if (comment)
      continue;
    if (quote) {
      if (c == quote)
        quote = 0;
      continue;
    }
    if (line_start) {
      if (c == ' ') {
        ++indent;
        continue;
      }
      line_start = false;
      while (!indents.empty() && indents.back() >= indent + 1)
        indents.pop_back();
      if (indents.empty() || indents.back() < indent + 1)
        indents.push_back(indent + 1);
    }
    int dashes = 0;
    if ((c == '-' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ')
      ++dashes;
    if (c == '#')
      comment = true;
    if (c == '"' || c == '\'')
      quote = c;
    if (c == '[' || c == '{')
      ++flow;
    if ((c == ']' || c == '}') && flow > 0)
      --flow;
    if (dashes)
      indents.push_back(indents.back() + 1);  // "- - x" nests too
    if (flow > max || static_cast<int>(indents.size()) > max) {
      return Location{name, line, column - 1};
    }
  }
  return std::nullopt;
}

Location mark_location(const YAML::Mark& m, const std::string& name) {
  return Location{name, m.line >= 0 ? m.line + 1 : 1, m.column >= 0 ? m.column + 1 : 1};
}

class YamlWalker {
 public:
  YamlWalker(DocumentReader& doc, const std::string& name, size_t budget,
             std::vector<Error>& errors)
      : doc_(doc), name_(name), budget_(budget), errors_(errors) {}

  /// Walk the document; false when it expands beyond the budget.
  bool document(const YAML::Node& root, const Kind* hint) {
    if (root.IsMap()) {
      for (const auto& item : root) {
        if (!visit(item.first)) {
          return false;
        }
        const Kind* kind = doc_.top_kind(item.first.Scalar(), where(item.first), errors_);
        if (kind && !records(item.second, *kind)) {
          return false;
        }
      }
    } else if (root.IsSequence()) {
      if (!hint) {
        errors_.push_back(error_at(where(root), "document-kind",
                                   "cannot tell the record kind of a top-level list (name the "
                                   "file after the kind, e.g. leases.yaml, or give --kind)"));
        return true;
      }
      return records(root, *hint);
    } else if (!root.IsNull()) {
      shape(root, "a list per kind (holders:, leases: ...)", "a value");
    }
    return true;
  }

 private:
  bool visit(const YAML::Node&) {
    if (++visited_ <= budget_)
      return true;
    errors_.push_back(error_at(Location{name_, 1, 1}, "yaml-aliases",
                               fmt::format("the document expands to more than {} values "
                                           "(aliases repeated too often)",
                                           budget_)));
    return false;
  }
  Location where(const YAML::Node& n) const { return mark_location(n.Mark(), name_); }
  void shape(const YAML::Node& n, std::string_view expected, std::string_view found) {
    errors_.push_back(error_at(where(n), "document-shape",
                               fmt::format("expected {}, found {}", expected, found)));
  }
  static std::string_view what(const YAML::Node& n) {
    return n.IsMap() ? "a mapping" : n.IsSequence() ? "a list" : "a value";
  }

  bool records(const YAML::Node& list, const Kind& kind) {
    if (list.IsNull())
      return true;
    if (!list.IsSequence()) {
      shape(list, "a list of records", what(list));
      return true;
    }
    for (const auto& item : list) {
      if (!visit(item))
        return false;
      if (!item.IsMap()) {
        shape(item, "a record (a mapping of field: value)", what(item));
        continue;
      }
      Row& row = doc_.add_row(kind, where(item));
      for (const auto& kv : item) {
        if (!visit(kv.second))
          return false;
        auto text = value(kv.second);
        if (!text)
          return false;
        if (*text)
          doc_.add_cell(row, kv.first.Scalar(), **text, where(kv.second), where(kv.first), errors_);
      }
    }
    return true;
  }

  // The text of a field: a scalar as written, or a list of scalars joined by ';'.
  std::optional<std::optional<std::string>> value(const YAML::Node& n) {
    if (n.IsNull())
      return std::optional<std::string>(std::string());
    if (n.IsScalar())
      return std::optional<std::string>(n.Scalar());
    if (n.IsSequence()) {
      std::string out;
      for (const auto& item : n) {
        if (!visit(item))
          return std::nullopt;
        if (!item.IsScalar()) {
          shape(item, "a value", what(item));
          return std::optional<std::string>();
        }
        out += (out.empty() ? "" : ";") + item.Scalar();
      }
      return std::optional<std::string>(out);
    }
    shape(n, "a value or a list of values", what(n));
    return std::optional<std::string>();
  }

  DocumentReader& doc_;
  const std::string& name_;
  size_t budget_;
  size_t visited_ = 0;
  std::vector<Error>& errors_;
};

}  // namespace

std::unique_ptr<DocumentReader> read_yaml(std::string_view text, const std::string& name,
                                          const Kind* hint, const Limits& limits,
                                          std::vector<Error>& errors) {
  auto doc = std::make_unique<DocumentReader>();
  doc->bytes_ = text.size();
  if (auto deep = too_deep(text, limits.max_depth, name)) {
    errors.push_back(error_at(
        *deep, "nesting", fmt::format("values nested deeper than {} levels", limits.max_depth)));
    return doc;
  }
  // A stream of documents (separated by `---`) is read whole: every
  // document's records are imported, none is dropped.
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    errors.push_back(error_at(mark_location(e.mark, name), "yaml-syntax",
                              fmt::format("invalid YAML: {}", e.msg)));
    return doc;
  }
  YamlWalker walker(*doc, name, limits.max_nodes_per_byte * text.size() + 1024, errors);
  for (const auto& root : documents) {
    doc->begin_document();
    if (!walker.document(root, hint)) {
      doc->clear();
      break;
    }
  }
  return doc;
}

}  // namespace numreg::import
