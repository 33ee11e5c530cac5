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

// How codes and regions are read; raw text, passed through unicode() for the
// Chinese characters it names.
constexpr std::string_view kCodes = R"(.SH CODES AND REGIONS
A unified social credit code (USCC, GB 32100) or a resident ID number
(GB 11643) is read as people type it: full\-width characters (９１４６,
Ｘ) are read as their ASCII forms, as Unicode NFKC reads them; spaces
(also no\-break and ideographic spaces) and hyphens or dashes are dropped;
lower\-case letters are upper\-cased (a USCC's letters, a resident ID's
final X).
The registry stores the code alone:
.B "9146 0400\-ma5t dr01 5t"
is stored as
.BR 91460400MA5TDR015T .
Any other character is refused, naming its position in the code without
separators.
A holder column that refers to a holder by USCC is read the same way.
.PP
A resident ID number's address code (positions 1\-6) is checked against
GB/T 2260 with its history: a number keeps the code of the county that
issued it, so retired codes are valid.
Hainan is checked in full (current codes and those retired since 1988);
elsewhere only the province.
Residence permits of Hong Kong, Macao and Taiwan residents (810000, 820000,
830000) are accepted.
The birth date must be a calendar date from 1860\-01\-01 to today.
A 15\-digit number (GB 11643\-1989) is stored in its 18\-digit form.
.PP
A region is a GB/T 2260 code, a Chinese name or pinyin.
A Hainan code retired since 1988 (460005 文昌市, 460025 定安县,
469003 儋州市 ...) is stored as the current code of its successor
(469005, 469021, 460400); the journal entry keeps the code as written, under
.BR as_written .
西沙区 and 南沙区, which the civil\-affairs lists show without a code, are
stored as 460321 and 460322, the codes of the island groups they govern.
A retired code that named two places in turn (469031, 469033) is refused.
)";

constexpr std::string_view kCodesZh = R"(.SH 代码和区划
统一社会信用代码（GB 32100）和公民身份号码（GB 11643）按人们书写的样子读取：全角字符（９１４６、Ｘ）按 Unicode NFKC 读作对应的 ASCII 字符；空格（包括不换行空格和全角空格）、连字符和破折号去掉；小写字母改为大写（统一社会信用代码的字母、身份号码末位的 X）。登记库只保存代码本身：\fB9146 0400\-ma5t dr01 5t\fR 保存为 \fB91460400MA5TDR015T\fR。其他字符一律拒绝，并指出它在去掉分隔符后的代码中的位置。以统一社会信用代码引用使用主体的 holder 列也这样读取。
.PP
公民身份号码的地址码（第 1\-6 位）按 GB/T 2260 及其历史核对：号码保留签发地县级行政区当时的代码，因此已撤销的代码仍然有效。海南省完整核对（现行代码和 1988 年以来撤销的代码）；其他省份只核对省级代码。港澳台居民居住证号码（810000、820000、830000）予以接受。出生日期须为 1860\-01\-01 至今天之间的真实日期。15 位号码（GB 11643\-1989）以 18 位形式保存。
.PP
区划可以写成 GB/T 2260 代码、中文名称或拼音。海南省 1988 年以来撤销的代码（460005 文昌市、460025 定安县、469003 儋州市等）保存为其继承区划的现行代码（469005、469021、460400）；日志条目在 \fBas_written\fR 下保留原来书写的代码。民政部名单中没有代码的西沙区和南沙区保存为 460321 和 460322，即其所辖群岛的代码。先后指称过两个地方的已撤销代码（469031、469033）予以拒绝。
)";

// How telephone numbers are read (registry/types/number.cpp), in both languages.
constexpr std::string_view kNumbers = R"(.SH TELEPHONE NUMBERS
Numbers are stored in one canonical form, whatever form a file, a command
line or
.B numreg who
gives them in:
.TP
.B +8689866123456
a fixed line: +86, the area code without its trunk 0, and the subscriber
number;
.TP
.B +8613800138000
a mobile number;
.TP
.BR 95105 ", " 96110
a 95 or 96 number of 5 or 6 digits;
.TP
.B 4008108888
a 400 or 800 number of 10 digits;
.TP
.B +442071234567
another country's number, in E.164 form.
.PP
Spaces, dashes, dots, parentheses and full\-width characters are dropped.
+86, 0086 or 86 before a national number, the trunk 0 before an area code
and a carrier prefix (17951, 17911, 17909, 12593) are dropped; so is the
(0) that international forms write for the trunk prefix, for every country
.RB ( "+44 (0)20 7123 4567"
is +442071234567).
+86 or 0086 before a 400 or 800 number is dropped
.RB ( "+86 400 810 8888"
is 4008108888).
An area code before a 95 number is dropped: 95 numbers are national.
96 numbers are allocated by each province, so an area code before a 96
number is dropped only for Hainan's 0898 and its former 0890 and 0899
.RB ( "0898 96166"
is 96166); another area's 96 number keeps its area code and is a different
number
.RB ( 0755\-96166
is +8675596166, of kind n96, and never matches Hainan's 96166).
.PP
Numbers that do not exist are refused, as libphonenumber's metadata (the
version Debian's libphonenumber package has) knows them: mobile prefixes
not allocated (among them 140 to 144, which lead 13\-digit
machine\-to\-machine numbers, 146, 148, 149, 154, 160, 161, 163, 164, 168, 169,
179, 194, and 174 except 17400 to 17405); area codes that do not exist
.RB ( "0540 3068 8763" );
a subscriber number of the wrong length for its area code (7 or 8 digits,
as the area code has them: 0898 and 0755 take 8, 0543 takes 7); and foreign
numbers that are not valid numbers of their country, or whose country code
does not exist
.RB ( "+999 1234 5678" ).
numreg is stricter than libphonenumber where the numbering plan is: a
subscriber number starts with 2 to 8, and a 95 number has 5 or 6 digits
(libphonenumber's 950 numbers of 10 or 11 digits are refused).
Hainan's former area codes 0890 and 0899 are read with 7 or 8 digits and
marked historical.
)";

constexpr std::string_view kNumbersZh = R"(.SH 电话号码
无论文件、命令行或 \fBnumreg who\fR 给出的是哪种写法，号码都按一种规范形式存储：
.TP
.B +8689866123456
固定电话：+86、去掉长途字冠 0 的区号和用户号码；
.TP
.B +8613800138000
移动电话号码；
.TP
.BR 95105 "、" 96110
5 位或 6 位的 95、96 号码；
.TP
.B 4008108888
10 位的 400、800 号码；
.TP
.B +442071234567
其他国家的号码，按 E.164 形式。
.PP
空格、短横线、点、括号和全角字符都去掉。国内号码前的 +86、0086 或 86，区号前的长途字冠 0，以及运营商 IP 前缀（17951、17911、17909、12593）都去掉；国际写法中代表长途字冠的 (0) 对所有国家都去掉（\fB+44 (0)20 7123 4567\fR 即 +442071234567）。400、800 号码前的 +86 或 0086 去掉（\fB+86 400 810 8888\fR 即 4008108888）。95 号码是全国性的，前面的区号去掉。96 号码由各省分配，只有海南的 0898 及原来的 0890、0899 后面的 96 号码去掉区号（\fB0898 96166\fR 即 96166）；其他地区的 96 号码保留区号，是另一个号码（\fB0755\-96166\fR 即 +8675596166，类型为 n96，永远不会与海南的 96166 相符）。
.PP
不存在的号码一律拒绝，依据是 libphonenumber 的元数据（Debian 的 libphonenumber 软件包所带的版本）：未分配的移动号段（其中 140 至 144 是 13 位物联网号码的号段，还有 146、148、149、154、160、161、163、164、168、169、179、194，以及 17400 至 17405 以外的 174）；不存在的区号（\fB0540 3068 8763\fR）；用户号码位数与区号不符（7 位或 8 位由区号决定：0898、0755 为 8 位，0543 为 7 位）；以及不是其国家有效号码、或国家代码不存在的国外号码（\fB+999 1234 5678\fR）。编号计划比 libphonenumber 更严的地方按编号计划：用户号码以 2 至 8 开头；95 号码为 5 位或 6 位（libphonenumber 接受的 10 位、11 位 950 号码不予接受）。海南原来的区号 0890、0899 后接 7 位或 8 位号码，并标为历史区号。
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
  out += unicode(zh ? kCodesZh : kCodes);
  out += zh ? unicode(kNumbersZh) : kNumbers;
  out += zh ? unicode(kTailZh) : kTail;
  return out;
}

}  // namespace numreg::import
