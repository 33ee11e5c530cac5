// JSON and JSON Lines through nlohmann's SAX parser: no tree is built, and
// each value is located by the parser's position in the text.
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "registry/import/document_reader.hpp"

namespace numreg::import {

namespace {

// An iterator over the text that publishes how far the parser has read.
struct TrackingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char** read_to = nullptr;

  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *read_to = p;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& o) const { return p == o.p; }
  bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_delimiter(char c) {
  return is_blank(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Builds rows from SAX events. Records sit at `record_depth`: 3 in
// {"holders": [{...}]}, 2 in [{...}], 1 for a JSON Lines object.
class RowBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  RowBuilder(DocumentReader& doc, std::string_view text, const std::string& name, const Kind* hint,
             Location origin, int record_depth, const Limits& limits, std::vector<Error>& errors)
      : doc_(doc),
        text_(text),
        name_(name),
        hint_(hint),
        origin_(origin),
        record_depth_(record_depth),
        limits_(limits),
        errors_(errors),
        kind_(record_depth == 1 ? hint : nullptr),
        line_(origin.line),
        column_(origin.column) {}

  const char* read_to = nullptr;
  bool aborted = false;

  bool null() override { return scalar(""); }
  bool boolean(bool b) override { return scalar(b ? "true" : "false"); }
  bool number_integer(number_integer_t) override { return scalar_token(); }
  bool number_unsigned(number_unsigned_t) override { return scalar_token(); }
  bool number_float(number_float_t, const string_t&) override { return scalar_token(); }
  bool string(string_t& s) override { return scalar(std::move(s)); }
  bool binary(binary_t&) override { return true; }

  bool start_object(std::size_t) override {
    if (!enter())
      return false;
    if (skipping())
      return true;
    Location where = token_start('{');
    if (depth_ == 1 && record_depth_ == 3)
      return true;
    if (depth_ == record_depth_ && kind_) {
      row_ = &doc_.add_row(*kind_, where);
      return true;
    }
    return unexpected(where, "an object");
  }
  bool end_object() override {
    if (depth_ == record_depth_)
      row_ = nullptr;
    return leave();
  }
  bool start_array(std::size_t) override {
    if (!enter())
      return false;
    if (skipping())
      return true;
    Location where = token_start('[');
    if (depth_ == 1 && record_depth_ == 2) {
      kind_ = hint_;
      if (!kind_) {
        errors_.push_back(error_at(where, "document-kind",
                                   "cannot tell the record kind of a top-level list (name the "
                                   "file after the kind, e.g. leases.json, or give --kind)"));
        skip_ = 0;
      }
      return true;
    }
    if (depth_ == 2 && record_depth_ == 3 && kind_)
      return true;
    if (depth_ == record_depth_ + 1 && row_) {
      list_ = std::string();
      list_where_ = where;
      return true;
    }
    return unexpected(where, "a list");
  }
  bool end_array() override {
    if (depth_ == record_depth_ + 1 && row_ && list_ && !skipping()) {
      doc_.add_cell(*row_, key_, std::move(*list_), list_where_, key_where_, errors_);
      list_.reset();
    }
    return leave();
  }
  bool key(string_t& k) override {
    if (skipping())
      return true;
    Location where = token_start('"');
    if (depth_ == 1 && record_depth_ == 3) {
      kind_ = doc_.top_kind(k, where, errors_);
      if (!kind_)
        skip_ = 1;  // skip this key's value
      return true;
    }
    key_ = std::move(k);
    key_where_ = where;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    Location where = locate(std::min(position > 0 ? position - 1 : 0, text_.size()));
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error while parsing value - invalid literal; ..." -> "invalid literal; ..."
    std::string what = ex.what();
    if (size_t p = what.find(" - "); p != std::string::npos) {
      what = what.substr(p + 3);
    } else if (size_t q = what.find(": "); q != std::string::npos) {
      what = what.substr(q + 2);
    }
    for (auto& c : what)
      c = static_cast<char>(c == '\n' ? ' ' : c);
    if (!what.empty())
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    errors_.push_back(error_at(where, "json-syntax", fmt::format("invalid JSON: {}", what)));
    return false;
  }

 private:
  bool skipping() const { return skip_ >= 0 && depth_ > skip_; }

  bool enter() {
    if (++depth_ > limits_.max_depth) {
      errors_.push_back(
          error_at(locate(offset() > 0 ? offset() - 1 : 0), "nesting",
                   fmt::format("values nested deeper than {} levels", limits_.max_depth)));
      aborted = true;
      return false;
    }
    return true;
  }
  bool leave() {
    --depth_;
    if (skip_ >= 0 && depth_ <= skip_) {
      skip_ = -1;
    }
    return true;
  }

  bool unexpected(const Location& where, std::string_view found) {
    std::string expected =
        depth_ <= record_depth_ - 1
            ? (record_depth_ == 3 && depth_ == 2 ? "a list of records" : "a list per kind")
        : depth_ == record_depth_ ? "a record object"
                                  : "a value or a list of values";
    errors_.push_back(
        error_at(where, "document-shape", fmt::format("expected {}, found {}", expected, found)));
    skip_ = depth_ - 1;
    return true;
  }

  bool scalar(std::string text) {
    if (skipping())
      return true;
    Location where = token_start(0);
    if (depth_ == record_depth_ && row_) {
      doc_.add_cell(*row_, key_, std::move(text), where, key_where_, errors_);
    } else if (depth_ == record_depth_ + 1 && list_) {
      if (!text.empty())
        *list_ += (list_->empty() ? "" : ";") + text;
    } else if (depth_ == 1 && record_depth_ == 3 && skip_ == 1) {
      skip_ = -1;  // the value of an unknown top-level key
    } else {
      unexpected(where, "a value");
      if (depth_ == 0)
        skip_ = -1;
    }
    return true;
  }
  // A number keeps the text it was written as: 4008108888, 8.98661E+11.
  bool scalar_token() {
    size_t end = token_end();
    size_t start = end;
    while (start > 0 && !is_delimiter(text_[start - 1]))
      --start;
    return scalar(std::string(text_.substr(start, end - start)));
  }

  size_t offset() const { return read_to ? static_cast<size_t>(read_to - text_.data()) : 0; }
  // The end of the token just read: the parser may have read one character past it.
  size_t token_end() const {
    size_t e = std::min(offset(), text_.size());
    while (e > 0 && (is_blank(text_[e - 1]) || text_[e - 1] == ',' || text_[e - 1] == ']' ||
                     text_[e - 1] == '}' || text_[e - 1] == ':')) {
      --e;
    }
    return e;
  }
  // Where the token just read begins: its opening quote or bracket.
  Location token_start(char open) {
    size_t e = offset();
    if (open == '{' || open == '[') {
      while (e > 0 && text_[e - 1] != open)
        --e;
      return locate(e > 0 ? e - 1 : 0);
    }
    e = token_end();
    if (e == 0)
      return locate(0);
    if (text_[e - 1] != '"') {
      size_t s = e;
      while (s > 0 && !is_delimiter(text_[s - 1]))
        --s;
      return locate(s);
    }
    size_t s = e - 1;
    while (s > 0) {
      --s;
      if (text_[s] != '"')
        continue;
      size_t slashes = 0;
      while (s > slashes && text_[s - 1 - slashes] == '\\')
        ++slashes;
      if (slashes % 2 == 0)
        break;
    }
    return locate(s);
  }
  // Line and column of byte `at`; positions only move forward.
  Location locate(size_t at) {
    if (at < cursor_) {
      cursor_ = 0;
      line_ = origin_.line;
      column_ = origin_.column;
    }
    for (; cursor_ < at && cursor_ < text_.size(); ++cursor_) {
      char c = text_[cursor_];
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return Location{name_, line_, column_};
  }

  DocumentReader& doc_;
  std::string_view text_;
  const std::string& name_;
  const Kind* hint_;
  Location origin_;
  int record_depth_;
  Limits limits_;
  std::vector<Error>& errors_;
  const Kind* kind_;
  int depth_ = 0;
  int skip_ = -1;
  Row* row_ = nullptr;
  std::string key_;
  Location key_where_;
  std::optional<std::string> list_;
  Location list_where_;
  size_t cursor_ = 0;
  long line_;
  long column_;
};

// Parse `text` into `doc`; records at `record_depth` (see RowBuilder).
void parse_into(DocumentReader& doc, std::string_view text, const std::string& name,
                const Kind* hint, Location origin, int record_depth, const Limits& limits,
                std::vector<Error>& errors) {
  RowBuilder builder(doc, text, name, hint, origin, record_depth, limits, errors);
  builder.read_to = text.data();
  TrackingIterator begin{text.data(), &builder.read_to};
  TrackingIterator end{text.data() + text.size(), &builder.read_to};
  nlohmann::json::sax_parse(begin, end, &builder);
}

}  // namespace

std::unique_ptr<DocumentReader> read_json(std::string_view text, const std::string& name,
                                          const Kind* hint, const Limits& limits,
                                          std::vector<Error>& errors) {
  auto doc = std::make_unique<DocumentReader>();
  doc->bytes_ = text.size();
  size_t first = text.find_first_not_of(" \t\r\n");
  int depth = first != std::string_view::npos && text[first] == '[' ? 2 : 3;
  parse_into(*doc, text, name, hint, Location{name, 1, 1}, depth, limits, errors);
  return doc;
}

JsonLinesReader::JsonLinesReader(TextSource& source, const Kind& kind, const Limits& limits)
    : source_(source), kind_(&kind), limits_(limits) {}

bool JsonLinesReader::next_line(std::string& line) {
  line.clear();
  while (true) {
    size_t nl = pending_.find('\n');
    if (nl != std::string::npos) {
      line.assign(pending_, 0, nl);
      pending_.erase(0, nl + 1);
      ++line_no_;
      return true;
    }
    if (pending_.size() > limits_.max_field_bytes * 4) {
      throw Failure(error_at(Location{source_.name(), line_no_ + 1, 1}, "line-size",
                             fmt::format("line longer than {} bytes (expected one JSON object a "
                                         "line)",
                                         limits_.max_field_bytes * 4)));
    }
    std::string_view chunk = eof_ ? std::string_view{} : source_.read();
    if (chunk.empty()) {
      eof_ = true;
      if (pending_.empty())
        return false;
      line.swap(pending_);
      pending_.clear();
      ++line_no_;
      return true;
    }
    pending_.append(chunk);
  }
}

bool JsonLinesReader::next(const Kind& kind, Row& row, std::vector<Error>& errors) {
  if (&kind != kind_)
    return false;
  std::string line;
  while (next_line(line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    DocumentReader doc;
    size_t before = errors.size();
    parse_into(doc, line, source_.name(), kind_, Location{source_.name(), line_no_, 1}, 1, limits_,
               errors);
    Row parsed;
    if (doc.next(kind, parsed, errors)) {
      row = std::move(parsed);
      return true;
    }
    if (errors.size() == before) {
      errors.push_back(error_at(Location{source_.name(), line_no_, 1}, "document-shape",
                                "expected a record object on this line"));
    }
    row = Row{};
    row.kind = kind_;
    row.where = Location{source_.name(), line_no_, 1};
    return true;  // an empty row: its errors are reported
  }
  return false;
}

}  // namespace numreg::import
