#include "registry/audit/sheet.hpp"

#include <map>

#include <fmt/format.h>

#include "registry/model/value.hpp"
#include "registry/text/strings.hpp"
#include "registry/types/region.hpp"

namespace numreg {

const char* const kInspectorColumns[5] = {"location_confirmed", "contract_sighted",
                                          "callers_confirmed", "notes", "signature"};

namespace {

struct ColumnText {
  const char* id;
  const char* en;
  const char* zh;
  double width;
};

// Widths for A4 landscape, one page wide: identifiers and dates whole on one
// line, long text wrapped into tall rows, and the inspector's columns at the
// right wide enough to tick, write a note and sign by hand.
constexpr ColumnText kSampleColumns[] = {
    {"rank", "Rank", "序号", 5},
    {"lease", "Lease", "接入编号", 12},
    {"holder", "Holder", "使用主体", 11},
    {"uscc", "USCC", "统一社会信用代码", 19},
    {"holder_kind", "Holder kind", "主体类型", 10},
    {"legal_rep_id", "Legal rep ID", "法定代表人身份证号", 10},
    {"contact", "Contact", "联系方式", 10},
    {"credentials", "Credentials (validity)", "资质（有效期）", 16},
    {"resource", "Resource", "资源", 9},
    {"resource_kind", "Resource kind", "资源类型", 8},
    {"carrier", "Carrier", "接入运营商", 8},
    {"location", "Access location", "接入位置", 11},
    {"region", "Region", "地区", 7},
    {"purpose", "Purpose", "用途", 8},
    {"start", "Start", "起始日期", 10.5},
    {"end", "End", "终止日期", 10.5},
    {"permitted_callers", "Permitted callers", "允许主叫号码", 14},
    {"verified_on", "Last on-site check", "最近现场核查", 10.5},
    {"findings", "Findings", "发现问题", 16},
    {"location_confirmed", "Location confirmed", "接入位置已核实", 10},
    {"contract_sighted", "Contract sighted", "合同已查验", 10},
    {"callers_confirmed", "Callers confirmed", "主叫号码已核实", 10},
    {"notes", "Notes", "核查备注", 28},
    {"signature", "Signature", "核查人签名", 20},
};

// Points each sampled lease's row takes at least: four lines, room to sign.
constexpr double kHandwritingHeight = 60;

constexpr ColumnText kFindingColumns[] = {
    {"rule", "Rule", "规则", 6},        {"severity", "Severity", "级别", 8},
    {"entity", "Entity", "对象", 8},    {"key", "Key", "编号", 12},
    {"message", "Message", "说明", 56}, {"rule_text", "Rule text", "规则说明", 52},
};

template <size_t N>
std::vector<SheetColumn> columns(const ColumnText (&texts)[N], bool zh) {
  std::vector<SheetColumn> out;
  for (const auto& c : texts)
    out.push_back({c.id, zh ? c.zh : c.en, c.width});
  return out;
}

Cell text_or_empty(const store::Row& st, int column) {
  if (st.is_null(column))
    return std::monostate{};
  return st.text(column);
}

Cell date_or_empty(const store::Row& st, int column) {
  if (st.is_null(column))
    return std::monostate{};
  auto d = parse_date(st.text(column));
  return d ? Cell{*d} : Cell{st.text(column)};
}

std::string translated(const Translate& translate, std::string_view text) {
  return translate ? translate(text) : std::string(text);
}

Cell translated_or_empty(const store::Row& st, int column, const Translate& translate) {
  if (st.is_null(column))
    return std::monostate{};
  return translated(translate, st.text(column));
}

// Findings per lease: its own and its holder's, "R002 message; R010 ...".
std::map<std::string, std::string> findings_by_key(const std::vector<Finding>& findings,
                                                   const Translate& message) {
  std::map<std::string, std::string> out;
  for (const auto& f : findings) {
    std::string& s = out[f.entity + "\n" + f.key];
    s += fmt::format("{}{}: {}", s.empty() ? "" : "; ", f.rule, translated(message, f.message));
  }
  return out;
}

// "business_licence 91460400MA5TDR015T 2020-01-01..2030-12-31 valid; ...",
// the kind and the validity in the reader's language.
Cell credentials_cell(const store::Row& st, int column, const Translate& translate) {
  if (st.is_null(column))
    return std::monostate{};
  const std::string all = st.text(column);
  std::string cell;
  for (std::string_view credential : split_view(all, '\x1e')) {
    const std::vector<std::string_view> f = split_view(credential, '\x1f');
    if (f.size() != 4)
      continue;
    cell += fmt::format("{}{} {} {} {}", cell.empty() ? "" : "; ", translated(translate, f[0]),
                        f[1], f[2], translated(translate, f[3]));
  }
  return cell;
}

std::vector<Cell> sample_row(const store::Row& st, const SheetOptions& o,
                             const std::map<std::string, std::string>& findings) {
  const Kind& holders = kind("holders");
  auto personal = [&](int column, const char* field) -> Cell {
    if (st.is_null(column))
      return std::monostate{};
    return o.unmask ? st.text(column) : mask_value(*holders.field(field), st.text(column));
  };
  std::string region = st.text(12);
  std::string_view region_label = region_name(region);
  std::string lease_findings;
  for (const auto& key : {"lease\n" + st.text(1), "holder\n" + st.text(3)}) {
    if (auto it = findings.find(key); it != findings.end()) {
      lease_findings += (lease_findings.empty() ? "" : "; ") + it->second;
    }
  }
  std::vector<Cell> row{
      st.integer(0),
      st.text(1),
      st.text(2),
      st.text(3),
      translated(o.value, st.text(4)),
      personal(5, "legal_rep_id"),
      personal(6, "contact"),
      credentials_cell(st, 7, o.value),
      st.text(8),
      translated_or_empty(st, 9, o.value),
      text_or_empty(st, 10),
      text_or_empty(st, 11),
      region.empty()
          ? Cell{}
          : Cell{region_label.empty() ? region : fmt::format("{} {}", region, region_label)},
      translated(o.value, st.text(13)),
      date_or_empty(st, 14),
      date_or_empty(st, 15),
      text_or_empty(st, 16),
      date_or_empty(st, 17),
      lease_findings.empty() ? Cell{} : Cell{lease_findings}};
  row.resize(std::size(kSampleColumns));
  return row;
}

SheetPart sample_part(Ledger& ledger, const AuditReport& report, const SheetOptions& o) {
  SheetPart part{
      "Sample", columns(kSampleColumns, o.chinese), {}, SheetLayout::table, kHandwritingHeight};
  auto findings = findings_by_key(report.findings, o.message);
  ledger.store().sample_sheet_rows(report.sample, report.as_of, [&](const store::Row& st) {
    part.rows.push_back(sample_row(st, o, findings));
  });
  return part;
}

SheetPart findings_part(const AuditReport& report, const SheetOptions& o) {
  SheetPart part{"Findings", columns(kFindingColumns, o.chinese), {}};
  for (const auto& f : report.findings) {
    const Rule* rule = find_rule(f.rule);
    part.rows.push_back({f.rule, translated(o.value, to_string(f.severity)),
                         translated(o.value, f.entity), f.key, translated(o.message, f.message),
                         std::string(o.chinese ? rule->text_zh : rule->text_en)});
  }
  return part;
}

SheetPart summary_part(const AuditReport& report, bool zh) {
  // Labels beside their values on one page; the journal head's 64 hex digits
  // fit the value column's width, and wrap where a wider font is used.
  SheetPart part{"Summary",
                 {{"item", zh ? "项目" : "Item", 26}, {"value", zh ? "内容" : "Value", 72}},
                 {},
                 SheetLayout::form};
  auto add = [&](const char* en, const char* cn, Cell value) {
    part.rows.push_back({std::string(zh ? cn : en), std::move(value)});
  };
  add("Scope", "范围", report.scope.describe());
  add("As of", "核查基准日", report.as_of);
  add("Seed", "随机种子", report.seed ? Cell{*report.seed} : Cell{});
  add("Plan", "抽样方案", report.plan);
  add("Population", "总体数量", report.population);
  add("Sample size", "样本量", static_cast<int64_t>(report.sample.size()));
  if (report.size.letter)
    add("Code letter", "样本量字码", std::string(1, report.size.letter));
  if (report.size.ac) {
    add("Ac", "接收数", static_cast<int64_t>(*report.size.ac));
    add("Re", "拒收数", static_cast<int64_t>(*report.size.re));
  }
  for (const auto& rule : rules()) {
    int64_t n = 0;
    for (const auto& f : report.findings)
      n += f.rule == rule.id ? 1 : 0;
    part.rows.push_back(
        {fmt::format("{} {} ({})", zh ? "问题" : "Findings", rule.id, to_string(rule.severity)),
         n});
  }
  add("Journal head", "日志链头哈希", report.journal_head);
  add("Journal entries", "日志条数", report.journal_entries);
  if (!report.inspection.empty())
    add("Inspection", "核查编号", report.inspection);
  add("numreg version", "numreg 版本", std::string(NUMREG_VERSION));
  return part;
}

// The audit's date, plan, seed and scope head every printed page; the
// journal head, short, foots it: enough to draw the same sample again and
// to know which state of the registry the sheet shows.
PageCaption page_caption(const AuditReport& report, const SheetOptions& o) {
  const std::string head = report.journal_head.substr(0, kShortHead);
  const std::string scope = translated(o.message, report.scope.describe());
  if (o.chinese) {
    return {fmt::format("numreg 检查 基准日 {}；抽样方案 {}；随机种子 {}；{}", report.as_of.iso(),
                        report.plan, report.seed.value_or("无"), scope),
            fmt::format("日志链头 {}", head), true};
  }
  return {fmt::format("numreg audit as of {}; plan {}; seed {}; {}", report.as_of.iso(),
                      report.plan, report.seed.value_or("none"), scope),
          fmt::format("journal head {}", head), false};
}

}  // namespace

AuditSheet build_sheet(Ledger& ledger, const AuditReport& report, const SheetOptions& options) {
  return {summary_part(report, options.chinese), sample_part(ledger, report, options),
          findings_part(report, options), page_caption(report, options)};
}

}  // namespace numreg

namespace numreg {

std::string sample_column_id(std::string_view header) {
  std::string h(trim(header));
  for (auto& c : h)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& c : kSampleColumns) {
    std::string en = c.en;
    for (auto& ch : en)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (h == en || h == c.zh || h == c.id)
      return c.id;
  }
  return "";
}

}  // namespace numreg
