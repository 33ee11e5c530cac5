#include "registry/rules/rule.hpp"

#include <algorithm>
#include <cctype>

namespace numreg {

namespace {

constexpr Rule kRules[] = {
    {"R001", Severity::warning, "holder",
     "holder's USCC check character is wrong (accepted with an override)",
     "使用主体统一社会信用代码校验码错误（经特批录入）"},
    {"R002", Severity::error, "lease",
     "lease active on D whose holder lacks a credential valid on D for it (marketing or call "
     "centre: call_centre_licence; n95/n96: number_certificate)",
     "D日在用接入的使用主体缺少D日有效的相应资质（营销或呼叫中心：呼叫中心业务许可证；95/"
     "96号码：码号资源使用证书）"},
    {"R003", Severity::error, "lease", "lease active on D whose holder is blacklisted",
     "D日在用接入的使用主体已列入黑名单"},
    {"R004", Severity::error, "lease",
     "a permitted caller number of a lease active on D that the same holder does not hold on D",
     "D日在用接入的允许主叫号码不属于该使用主体D日持有的号码资源"},
    {"R005", Severity::error, "lease",
     "a mobile or fixed-line subscriber number permitted on a lease active on D of a call_centre "
     "holder",
     "呼叫中心D日在用接入允许传送手机或固定电话用户号码"},
    {"R006", Severity::warning, "lease", "lease active on D without access location or region",
     "D日在用接入缺少接入位置或地区"},
    {"R007", Severity::error, "lease",
     "resource in two leases of different holders both active on D",
     "同一资源D日同时接入给不同使用主体"},
    {"R008", Severity::error, "lease",
     "caller number permitted to two holders by leases both active on D",
     "同一主叫号码D日同时允许两个使用主体传送"},
    {"R009", Severity::warning, "lease",
     "lease active on D with purpose marketing whose contract lacks a clause (frequency cap, time "
     "windows, targets, penalty) or has none",
     "D日在用营销接入无合同或合同缺少条款（呼叫频次、时段、对象、违约责任）"},
    {"R010", Severity::warning, "lease",
     "lease active on D in a key region not verified on site within the last N days",
     "重点地区D日在用接入近N日内未经现场核查"},
    {"R011", Severity::warning, "lease", "lease with status active whose end date is before D",
     "接入终止日期早于D日但状态仍为在用"},
    {"R012", Severity::warning, "campaign",
     "campaign missing registration fields (business name, commissioning entity, type, numbers, "
     "targets, content, contact)",
     "营销外呼业务登记信息不全（业务名称、委托主体、类型、号码、对象、内容、联系方式）"},
    {"R013", Severity::error, "lease", "non-canonical or impossible number stored in the ledger",
     "台账中存有不规范或不可能的号码"},
};

}  // namespace

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::span<const Rule> rules() {
  return kRules;
}

const Rule* find_rule(std::string_view id) {
  std::string upper(id);
  for (auto& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = std::find_if(std::begin(kRules), std::end(kRules),
                         [&](const Rule& r) { return r.id == upper; });
  return it == std::end(kRules) ? nullptr : &*it;
}

Finding make_finding(std::string_view id, std::string key, std::string message) {
  const Rule* rule = find_rule(id);
  return Finding{std::string(rule->id), rule->severity, std::string(rule->entity), std::move(key),
                 std::move(message)};
}

}  // namespace numreg
