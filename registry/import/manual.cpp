#include "registry/import/manual.hpp"

#include <fmt/format.h>

#include "registry/model/kind.hpp"

namespace numreg::import {

namespace {

// Decode one UTF-8 sequence at `i`; returns the code point and advances `i`.
char32_t next_code_point(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += n;
  return cp;
}

// Text for roff: backslashes and hyphens escaped, non-ASCII as \[uXXXX]
// (groff reads its input as Latin-1 unless told otherwise).
std::string roff(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      char32_t cp = next_code_point(text, i);
      // \: lets groff break lines between CJK characters, which have no spaces.
      out += fmt::format("\\[u{:04X}]\\:", static_cast<uint32_t>(cp));
      continue;
    }
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    ++i;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) {
    out.insert(0, "\\&");
  }
  return out;
}

std::string join_roff(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + roff(item);
  }
  return out;
}

std::string field_entry(const Field& f) {
  std::string out = fmt::format(".TP\n.B {}\n", f.name);
  std::string type(to_string(f.type));
  if (f.type == FieldType::ref) {
    type = "key of a " + std::string(kind(f.ref).entity);
  }
  out += fmt::format("({}{}{}) {}\n", roff(type), f.required ? ", required" : "",
                     f.personal ? ", personal data" : "", roff(f.help));
  if (!f.help_zh.empty()) {
    out += ".br\n" + roff(f.help_zh) + "\n";
  }
  if (!f.aliases.empty()) {
    out += ".br\nChinese headers: " + join_roff(f.aliases) + "\n";
  }
  if (!f.values.empty()) {
    out += ".br\nValues: " + join_roff(f.values);
    std::vector<std::string> aliases;
    for (const auto& [alias, value] : f.value_aliases) {
      aliases.push_back(alias + " = " + value);
    }
    out += aliases.empty() ? "\n" : "; also " + join_roff(aliases) + "\n";
  }
  if (f.default_value) {
    out += ".br\nDefault: " + roff(*f.default_value) + "\n";
  }
  return out;
}

std::string kind_section(const Kind& k) {
  std::string out = fmt::format(".SS {} ({})\n", k.name, roff(k.title_zh));
  out += fmt::format("{}.\nKey: {}.\n", roff(k.title), join_roff(k.key));
  for (const auto& f : k.fields) {
    out += field_entry(f);
  }
  return out;
}

constexpr std::string_view kHead = R"(.TH NUMREG-IMPORT 5 "" "numreg" "File Formats"
.ad l
.SH NAME
numreg-import \- the files numreg import reads and numreg export writes
.SH DESCRIPTION
.B numreg import
reads CSV, YAML, TOML, JSON and JSON Lines files.
Every row of every file is checked before anything is written; all files of
one import are written in one transaction, kinds in the order below, so
references between files resolve whatever the order of the files.
Any error leaves the registry unchanged.
.PP
Column headers, keys and JSON members are the field names below, or one of
their Chinese headers.
Field names may be written in any case, with dashes or spaces for
underscores.
.SS CSV
RFC 4180: a header row, then one record a row; fields with commas, quotes or
line breaks are quoted, and a quote inside is doubled.
Lines end in LF or CRLF.
The text is UTF\-8, with or without a byte order mark, or GB18030 (detected
when the file is not valid UTF\-8, or given with
.BR \-\-encoding ).
The kind is the first word of the file name
.RB ( holders.csv ,
.BR leases\-2019q2.csv )
or
.BR \-\-kind .
A leading apostrophe before =, +, \-, @, tab or carriage return (written by
.BR "numreg export \-\-spreadsheet\-safe" )
is dropped.
.SS YAML, TOML and JSON
A document with a list of records per kind:
.RS
.nf
holders:
  \- uscc: 91460400MA5TDR015T
    name: ...
leases:
  \- id: DZ\-2019\-001
    ...
.fi
.RE
.PP
In TOML each record is a table of an array of tables
.RB ( [[holders]] ).
A top\-level list holds records of the kind the file name or
.B \-\-kind
gives.
Values are read as the text they are written as: an unquoted YAML
.B 0898 6612 3456
keeps its leading zero.
A list of values (permitted_callers, numbers) may be written as a list.
TOML and JSON numbers with a fraction or an exponent are refused for
telephone numbers, as are spreadsheet forms such as
.BR 8.98661E+11 .
.SS JSON Lines
One record object a line, all of the kind the file name or
.B \-\-kind
gives.
.SH LIMITS
A field may hold at most 1 MiB; a YAML, TOML or JSON document at most
256 MiB (CSV and JSON Lines are read as streams, of any size); values may
nest at most 64 levels; YAML aliases may not expand a document beyond four
values per byte.
.SH RECORD KINDS
)";

constexpr std::string_view kTail = R"(.SH SEE ALSO
.BR numreg (1)
)";

}  // namespace

std::string import_manual() {
  std::string out(kHead);
  for (const Kind& k : kinds()) {
    out += kind_section(k);
  }
  out += kTail;
  return out;
}

}  // namespace numreg::import
