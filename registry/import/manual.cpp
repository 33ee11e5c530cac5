#include "registry/import/manual.hpp"

#include <fmt/format.h>

#include "registry/i18n/catalogue.hpp"
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

// Non-ASCII as \[uXXXX] (groff reads its input as Latin-1 unless told
// otherwise); the rest, roff requests and escapes included, as it is.
std::string unicode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    char32_t cp = next_code_point(text, i);
    // \: lets groff break lines between CJK characters, which have no spaces.
    out += fmt::format("\\[u{:04X}]\\:", static_cast<uint32_t>(cp));
  }
  return out;
}

// Text for roff: backslashes and hyphens escaped, non-ASCII as \[uXXXX].
std::string roff(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t start = i;
      next_code_point(text, i);
      out += unicode(text.substr(start, i - start));
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

std::string join_roff(const std::vector<std::string>& items, std::string_view comma = ", ") {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : roff(comma)) + roff(item);
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

// The same in Chinese: help, headers and the Chinese name of each value.
std::string field_entry_zh(const Field& f) {
  std::string out = fmt::format(".TP\n.B {}\n", f.name);
  std::string type(to_string(f.type));
  if (f.type == FieldType::ref)
    type = i18n::translate(kind(f.ref).entity, i18n::Lang::zh) + "的键";
  out += roff(fmt::format("（{}{}{}）{}", type, f.required ? "，必填" : "",
                          f.personal ? "，个人信息" : "", f.help_zh)) +
         "\n";
  if (!f.aliases.empty())
    out += ".br\n" + roff("中文表头：") + join_roff(f.aliases, "、") + "\n";
  if (!f.values.empty()) {
    std::vector<std::string> values;
    for (const auto& v : f.values) {
      auto name = f.value_names_zh.find(v);
      values.push_back(name == f.value_names_zh.end() ? v : v + "（" + name->second + "）");
    }
    out += ".br\n" + roff("取值：") + join_roff(values, "、");
    std::vector<std::string> aliases;
    for (const auto& [alias, value] : f.value_aliases) {
      auto name = f.value_names_zh.find(value);
      if (name == f.value_names_zh.end() || name->second != alias)
        aliases.push_back(alias + " = " + value);
    }
    out += aliases.empty() ? "\n" : roff("；也可写作 ") + join_roff(aliases, "、") + "\n";
  }
  if (f.default_value)
    out += ".br\n" + roff("默认值：") + roff(*f.default_value) + "\n";
  return out;
}

std::string kind_section_zh(const Kind& k) {
  std::string out = fmt::format(".SS {} ({})\n", k.name, roff(k.title_zh));
  out += roff("键：") + join_roff(k.key, "、") + roff("。") + "\n";
  for (const auto& f : k.fields)
    out += field_entry_zh(f);
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
What is between the quotes of a quoted field is taken exactly as written.
A quote anywhere else (\fBa,\ "b"\fR, with a blank before the opening quote,
or \fB12"\ pipe\fR) is an error at that quote: quote the whole field and
double the quote inside.
The text is read as the ENCODINGS section says.
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
)";

// The example document both languages show.
constexpr std::string_view kDocumentExample = R"(.RS
.nf
holders:
  \- uscc: 91460400MA5TDR015T
    name: ...
leases:
  \- id: DZ\-2019\-001
    ...
.fi
.RE
)";

constexpr std::string_view kHeadAfterExample = R"(.PP
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
A key given twice in one record (also a field and its Chinese name), or a
kind given twice in one document, is an error at the second: neither value
is taken over the other.
A YAML file may hold several documents, separated by
.BR \-\-\- :
the records of every document are imported.
.SS JSON Lines
One record object a line, all of the kind the file name or
.B \-\-kind
gives.
.SS Blanks around values
Blanks (spaces and tabs) at either end of a value are not part of it, in
every format, quoted or not, and on the command line: a code, number or
date has none, and a name that differs from another only by a trailing blank
could not be told apart from it by the clerks who look it up.
Blanks inside a value are kept.
.SH ENCODINGS
Without
.BR \-\-encoding ,
a file is read as UTF\-8 or GB18030, told from the file itself:
.IP \(bu 2
a UTF\-8 byte order mark makes it UTF\-8, GB18030's makes it GB18030; a
UTF\-16 byte order mark is refused (save the file as CSV UTF\-8, or give
.BR "\-\-encoding utf\-16" );
.IP \(bu 2
otherwise text that is only ASCII is read as it is, and the encoding is told
from the first 64 KiB that start at the first other byte: UTF\-8 when they
are valid UTF\-8; GB18030 when the uchardet library finds them GB18030, or,
for a short text, when they are GB2312 throughout and uchardet names no
other multi\-byte encoding;
.IP \(bu 2
anything else (Big5, Shift_JIS, Latin\-1 ...) is refused with exit 65, at the
first byte that is not UTF\-8, naming the encodings the text may be in and
the
.B \-\-encoding
to give.
.PP
.B \-\-encoding
takes
.BR utf\-8 ,
.B gb18030
(also
.BR gbk ,
.BR gb2312 ,
.BR cp936 )
or any other name
.BR iconv (1)
knows
.RB ( big5 ,
.BR shift_jis ,
.BR iso\-8859\-1 ,
.BR windows\-1252 ,
.BR utf\-16 ;
.B iconv \-l
lists them); the file is then read in that encoding, and a byte it does not
allow is an error.
.PP
The whole file keeps the encoding it began with: a byte that is not in it, or
a line of UTF\-8 Chinese in a file read as another encoding, is an error at
its line and column (a file that mixes encodings), as is a file that ends
inside a character.
Files are read as a stream: detection reads at most 64 KiB ahead.
The encoding a file was read in is in the import's report and journal entry.
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

// The Chinese page; quiet (no warnings for the glyphs it lacks) on a
// terminal that is not UTF-8, as the other Chinese pages are.
constexpr std::string_view kHeadZh = R"(.TH NUMREG\-IMPORT 5 "" "numreg" "文件格式"
.ad l
.if !'\*[.T]'utf8' .if \n[.warn]%2 .warn \n[.warn]-1
.SH 名称
numreg\-import \- numreg import 读取、numreg export 写出的文件
.SH 描述
\fBnumreg import\fR 读取 CSV、YAML、TOML、JSON 和 JSON Lines 文件。写入之前先检查每个文件的每一行；一次导入的所有文件在同一个事务中写入，记录类型按下文的顺序写入，因此无论文件的顺序如何，文件之间的引用都能对上。任何错误都不会改变登记库。
.PP
列标题、键和 JSON 成员名是下文的字段名，或其中文表头之一。字段名不区分大小写，下划线也可以写成短横线或空格。
.SS CSV
RFC 4180：先是一行表头，之后每行一条记录；含逗号、引号或换行的字段加引号，字段中的引号写两遍。行尾为 LF 或 CRLF。加引号的字段，引号之间的内容按原样读取。其他位置的引号（如 \fBa,\ "b"\fR，开头引号前有空格；或 \fB12"\ pipe\fR）在该引号处报错：请给整个字段加引号，字段中的引号写两遍。文本的编码见“编码”一节。记录类型取文件名的第一个词（\fBholders.csv\fR、\fBleases\-2019q2.csv\fR）或 \fB\-\-kind\fR。\fBnumreg export \-\-spreadsheet\-safe\fR 写在 =、+、\-、@、制表符或回车之前的撇号，读入时去掉。
.SS YAML、TOML 和 JSON
一个文档，每种记录类型一个列表：
)";

constexpr std::string_view kHeadZhAfterExample = R"(.PP
TOML 中每条记录是表数组中的一个表（\fB[[holders]]\fR）。顶层是一个列表时，其中的记录属于文件名或 \fB\-\-kind\fR 给出的类型。值按书写的文本读取：YAML 中不加引号的 \fB0898 6612 3456\fR 保留开头的 0。取值列表（permitted_callers、numbers）可以写成列表。电话号码不接受带小数或指数的 TOML 和 JSON 数字，也不接受 \fB8.98661E+11\fR 这样的电子表格写法。
同一条记录中重复的键（包括字段名和它的中文名），或同一文档中重复的记录类型，在第二次出现处报错：不会默默取其中一个值。一个 YAML 文件可以含多个以 \fB\-\-\-\fR 分隔的文档：每个文档的记录都导入。
.SS JSON Lines
每行一个记录对象，类型都是文件名或 \fB\-\-kind\fR 给出的类型。
.SS 值两端的空白
值两端的空白（空格和制表符）不属于值：各种格式都如此，加不加引号都一样，命令行也一样。代码、号码和日期中没有空白；两个名称若只差末尾的空白，查找的人也无法分辨。值中间的空白保留。
.SH 编码
不给 \fB\-\-encoding\fR 时，文件按 UTF\-8 或 GB18030 读取，编码从文件本身判断：
.IP \(bu 2
UTF\-8 字节顺序标记表示 UTF\-8，GB18030 的字节顺序标记表示 GB18030；UTF\-16 字节顺序标记会被拒绝（请另存为“CSV UTF\-8”，或给出 \fB\-\-encoding utf\-16\fR）；
.IP \(bu 2
否则，只有 ASCII 的文本按原样读取，编码从第一个非 ASCII 字节开始的 64 KiB 判断：是有效的 UTF\-8 即为 UTF\-8；uchardet 库判断为 GB18030，或者文本较短、全部是 GB2312 字符且 uchardet 没有指出其他多字节编码时，为 GB18030；
.IP \(bu 2
其他情况（Big5、Shift_JIS、Latin\-1 等）以退出码 65 拒绝，指出第一个不是 UTF\-8 的字节的位置、文本可能的编码以及应给出的 \fB\-\-encoding\fR。
.PP
\fB\-\-encoding\fR 接受 \fButf\-8\fR、\fBgb18030\fR（也可写 \fBgbk\fR、\fBgb2312\fR、\fBcp936\fR）或 \fBiconv\fR(1) 认识的任何其他名称（\fBbig5\fR、\fBshift_jis\fR、\fBiso\-8859\-1\fR、\fBwindows\-1252\fR、\fButf\-16\fR；\fBiconv \-l\fR 列出全部）；文件即按该编码读取，该编码不允许的字节是错误。
.PP
整个文件必须保持开头的编码：不属于该编码的字节，或按其他编码读取的文件中的一行 UTF\-8 中文，都在其行列处报错（文件混用了编码）；文件在一个字符的中间结束也是错误。文件按流读取：判断编码最多向前读 64 KiB。导入报告和日志条目记下每个文件读取时的编码。
.SH 限制
一个字段最多 1 MiB；一个 YAML、TOML 或 JSON 文档最多 256 MiB（CSV 和 JSON Lines 按流读取，大小不限）；值最多嵌套 64 层；YAML 别名展开后每字节最多四个值。
.SH 记录类型
)";

constexpr std::string_view kTailZh = R"(.SH 参见
.BR numreg (1)
)";

}  // namespace

std::string import_manual(i18n::Lang lang) {
  bool zh = lang == i18n::Lang::zh;
  std::string out = zh ? unicode(kHeadZh) : std::string(kHead);
  out += kDocumentExample;
  out += zh ? unicode(kHeadZhAfterExample) : std::string(kHeadAfterExample);
  for (const Kind& k : kinds()) {
    out += zh ? kind_section_zh(k) : kind_section(k);
  }
  out += zh ? unicode(kTailZh) : kTail;
  return out;
}

}  // namespace numreg::import
