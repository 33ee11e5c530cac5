#include "registry/audit/sheet.hpp"

#include <map>

#include <fmt/format.h>

#include "registry/audit/spooled_audit.hpp"
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

// The Findings cell of each sampled lease: its own findings and its
// holder's, "R002 message; R010 ...", read back from the audit's spools.
// Without a plan the leases come in key order, as each rule's findings do,
// so each rule's findings are read once alongside them; a plan's sample
// comes in rank order and its findings are few: they are looked up. So are
// the holders' findings (R001: at most one a holder).
class LeaseFindings {
 public:
  LeaseFindings(const SpooledAudit& audit, const Translate& message) : message_(message) {
    const bool by_key = !audit.report().seed;
    for (const auto& rule : rules()) {
      const std::string_view entity = rule.entity;
      if (entity != "lease" && entity != "holder")
        continue;
      Cursor c{audit.findings_of(std::string(rule.id)), {}, true};
      if (!c.advance())
        continue;
      if (entity == "lease" && by_key) {
        cursors_.push_back(std::move(c));
        continue;
      }
      auto& keys = entity == "lease" ? leases_ : holders_;
      do {
        add(keys[c.at.key], c.at);
      } while (c.advance());
    }
  }

  /// The cell of lease `lease` of holder `holder` ("" when neither has findings).
  std::string of(const std::string& lease, const std::string& holder) {
    std::string text;
    for (auto& c : cursors_) {
      while (c.more && c.at.key < lease)
        c.advance();
      for (; c.more && c.at.key == lease; c.advance())
        add(text, c.at);
    }
    if (auto it = leases_.find(lease); it != leases_.end())
      text = it->second;
    if (auto it = holders_.find(holder); it != holders_.end())
      text += (text.empty() ? "" : "; ") + it->second;
    return text;
  }

 private:
  struct Cursor {
    FindingReader reader;
    Finding at;
    bool more;
    bool advance() { return more = reader.next(at); }
  };

  void add(std::string& text, const Finding& f) const {
    text +=
        fmt::format("{}{}: {}", text.empty() ? "" : "; ", f.rule, translated(message_, f.message));
  }

  const Translate& message_;
  std::vector<Cursor> cursors_;
  // Bounded already, though not by a constant: leases_ is filled only with a
  // plan, whose findings are its sample's (and the audit holds the sample and
  // its holders already, audit.cpp's SampleFindings); holders_ holds R001's
  // cells, at most one a holder of the registry, whatever the findings.
  std::map<std::string, std::string> leases_;
  std::map<std::string, std::string> holders_;
};

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

std::vector<Cell> sample_row(const store::Row& st, int64_t rank, const SheetOptions& o,
                             LeaseFindings& findings) {
  const Kind& holders = kind("holders");
  auto personal = [&](int column, const char* field) -> Cell {
    if (st.is_null(column))
      return std::monostate{};
    return o.unmask ? st.text(column) : mask_value(*holders.field(field), st.text(column));
  };
  std::string region = st.text(12);
  std::string_view region_label = region_name(region);
  const std::string lease_findings = findings.of(st.text(1), st.text(3));
  std::vector<Cell> row{
      rank,
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

// Sampled leases are read from the registry this many at a time.
constexpr size_t kSampleChunk = 10000;

void write_sample(Ledger& ledger, const SpooledAudit& audit, const SheetOptions& o,
                  SheetWriter& out) {
  out.begin(
      {"Sample", columns(kSampleColumns, o.chinese), {}, SheetLayout::table, kHandwritingHeight});
  LeaseFindings findings(audit, o.message);
  // The chunks are read from one state of the registry, as one query would.
  store::ReadSnapshot snapshot(ledger.store());
  std::vector<std::string> chunk;
  int64_t ranked = 0;
  auto flush = [&] {
    ledger.store().sample_sheet_rows(chunk, audit.report().as_of, [&](const store::Row& st) {
      out.row(sample_row(st, ranked + st.integer(0), o, findings));
    });
    ranked += static_cast<int64_t>(chunk.size());
    chunk.clear();
  };
  audit.each_lease([&](const std::string& id) {
    chunk.push_back(id);
    if (chunk.size() == kSampleChunk)
      flush();
  });
  if (!chunk.empty())
    flush();
  out.end();
}

void write_findings(const SpooledAudit& audit, const SheetOptions& o, SheetWriter& out) {
  out.begin({"Findings", columns(kFindingColumns, o.chinese), {}});
  FindingReader reader = audit.findings();
  Finding f;
  while (reader.next(f)) {
    const Rule* rule = find_rule(f.rule);
    out.row({f.rule, translated(o.value, to_string(f.severity)), translated(o.value, f.entity),
             f.key, translated(o.message, f.message),
             std::string(o.chinese ? rule->text_zh : rule->text_en)});
  }
  out.end();
}

SheetPart summary_part(const SpooledAudit& audit, bool zh) {
  const AuditReport& report = audit.report();
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
  add("Sample size", "样本量", audit.sample_size());
  if (report.size.letter)
    add("Code letter", "样本量字码", std::string(1, report.size.letter));
  if (report.size.ac) {
    add("Ac", "接收数", static_cast<int64_t>(*report.size.ac));
    add("Re", "拒收数", static_cast<int64_t>(*report.size.re));
  }
  for (const auto& rule : rules()) {
    part.rows.push_back(
        {fmt::format("{} {} ({})", zh ? "问题" : "Findings", rule.id, to_string(rule.severity)),
         audit.count(std::string(rule.id))});
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
}  // namespace

PageCaption sheet_caption(const AuditReport& report, const SheetOptions& o) {
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

void write_sheet(Ledger& ledger, const SpooledAudit& audit, const SheetOptions& options,
                 SheetWriter& writer) {
  const SheetPart summary = summary_part(audit, options.chinese);
  write_parts(writer, {&summary});
  write_sample(ledger, audit, options, writer);
  write_findings(audit, options, writer);
}

AuditSheet build_sheet(Ledger& ledger, const AuditReport& report, const SheetOptions& options) {
  SpooledAudit audit;
  replay(report, audit);
  SheetCollector sheets;
  write_sheet(ledger, audit, options, sheets);
  return {std::move(sheets.parts[0]), std::move(sheets.parts[1]), std::move(sheets.parts[2]),
          sheet_caption(report, options)};
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
