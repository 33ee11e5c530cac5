#include "registry/audit/sampling.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "registry/util/sha256.hpp"

namespace numreg {

namespace {

constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQR";
constexpr int64_t kSizes[] = {2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000};

// Table 1: the lowest lot size of each row, and each level's letters by row.
constexpr int64_t kLotFloors[] = {2,   9,    16,   26,    51,    91,     151,   281,
                                  501, 1201, 3201, 10001, 35001, 150001, 500001};
struct LevelLetters {
  std::string_view level;
  std::string_view letters;
};
constexpr LevelLetters kTable1[] = {
    {"S-1", "AAAABBBBCCCCDDD"}, {"S-2", "AAABBBCCCDDDEEE"}, {"S-3", "AABBCCDDEEFFGGH"},
    {"S-4", "AABCCDEEFGGHJJK"}, {"I", "AABCCDEFGHJKLMN"},   {"II", "ABCDEFGHJKLMNPQ"},
    {"III", "BCDEFGHJKLMNPQR"},
};

// Table 2-A's AQL columns, 0.010 = column 0.
constexpr std::string_view kAqls[] = {"0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15",
                                      "0.25",  "0.40",  "0.65",  "1.0",   "1.5",   "2.5",  "4.0",
                                      "6.5",   "10",    "15",    "25",    "40",    "65",   "100",
                                      "150",   "250",   "400",   "650",   "1000"};
// Along a row, from the 0/1 cell on: 0/1, up, down, then these Ac values, then up.
constexpr int kAcRun[] = {1, 2, 3, 5, 7, 10, 14, 21};

Error plan_error(std::string_view text, std::string_view why) {
  return make_error(ErrorKind::usage, "sample-plan",
                    fmt::format("--sample: '{}' {} (expected N, P% or gb2828:LEVEL[:AQL], "
                                "LEVEL one of S-1, S-2, S-3, S-4, I, II, III)",
                                text, why));
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<int> aql_column(std::string_view aql) {
  double value = 0;
  auto [end, ec] = std::from_chars(aql.data(), aql.data() + aql.size(), value);
  if (ec != std::errc() || end != aql.data() + aql.size())
    return std::nullopt;
  for (int i = 0; i < static_cast<int>(std::size(kAqls)); ++i) {
    if (std::fabs(std::stod(std::string(kAqls[i])) - value) < 1e-9)
      return i;
  }
  return std::nullopt;
}

Result<SamplePlan> parse_gb2828(std::string_view text) {
  SamplePlan plan;
  plan.kind = SamplePlan::Kind::gb2828;
  std::string_view rest = text.substr(7);
  size_t colon = rest.find(':');
  plan.level = upper(rest.substr(0, colon));
  bool known = std::any_of(std::begin(kTable1), std::end(kTable1),
                           [&](const LevelLetters& l) { return l.level == plan.level; });
  if (!known)
    return tl::unexpected(plan_error(text, "has an unknown inspection level"));
  if (colon != std::string_view::npos) {
    auto column = aql_column(rest.substr(colon + 1));
    if (!column) {
      return tl::unexpected(make_error(
          ErrorKind::usage, "sample-aql",
          fmt::format("--sample: AQL '{}' is not in GB/T 2828.1 Table 2-A (0.010 ... 1000)",
                      rest.substr(colon + 1))));
    }
    plan.aql = std::string(kAqls[*column]);
  }
  return plan;
}

}  // namespace

std::string SamplePlan::text() const {
  switch (kind) {
    case Kind::count:
      return std::to_string(count);
    case Kind::percent:
      return fmt::format("{}%", percent);
    case Kind::gb2828:
      return aql.empty() ? "gb2828:" + level : fmt::format("gb2828:{}:{}", level, aql);
  }
  return "";
}

Result<SamplePlan> parse_sample_plan(std::string_view text) {
  if (text.starts_with("gb2828:") || text.starts_with("GB2828:"))
    return parse_gb2828(text);
  SamplePlan plan;
  bool percent = text.ends_with('%');
  std::string_view digits = percent ? text.substr(0, text.size() - 1) : text;
  if (percent) {
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), plan.percent);
    if (ec != std::errc() || end != digits.data() + digits.size() || plan.percent <= 0 ||
        plan.percent > 100) {
      return tl::unexpected(plan_error(text, "is not a percentage in (0, 100]"));
    }
    plan.kind = SamplePlan::Kind::percent;
    return plan;
  }
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), plan.count);
  if (ec != std::errc() || end != digits.data() + digits.size() || plan.count <= 0) {
    return tl::unexpected(plan_error(text, "is not a sampling plan"));
  }
  return plan;
}

char code_letter(std::string_view level, int64_t lot) {
  int row = 0;
  while (row + 1 < static_cast<int>(std::size(kLotFloors)) && lot >= kLotFloors[row + 1])
    ++row;
  for (const auto& l : kTable1) {
    if (l.level == level)
      return l.letters[row];
  }
  return 0;
}

int64_t letter_sample_size(char letter) {
  size_t i = kLetters.find(letter);
  return i == std::string_view::npos ? 0 : kSizes[i];
}

Result<AcceptancePlan> normal_plan(char letter, std::string_view aql) {
  auto column = aql_column(aql);
  int row = static_cast<int>(kLetters.find(letter));
  if (!column || row < 0) {
    return tl::unexpected(
        make_error(ErrorKind::usage, "sample-aql",
                   fmt::format("no GB/T 2828.1 plan for code {} at AQL {}", letter, aql)));
  }
  // Offset k from the row's 0/1 cell (at column 14 - row): below 0 points
  // down, 1 and past the run point up, 2 points down.
  while (row >= 0 && row < static_cast<int>(kLetters.size())) {
    int k = *column - (14 - row);
    if (k < 0 || k == 2) {
      ++row;
    } else if (k == 1 || k > 10) {
      --row;
    } else {
      int ac = k == 0 ? 0 : kAcRun[k - 3];
      return AcceptancePlan{kLetters[row], kSizes[row], ac, ac + 1};
    }
  }
  return tl::unexpected(
      make_error(ErrorKind::usage, "sample-aql",
                 fmt::format("no GB/T 2828.1 plan for code {} at AQL {}", letter, aql)));
}

SampleSize sample_size(const SamplePlan& plan, int64_t population) {
  SampleSize s;
  switch (plan.kind) {
    case SamplePlan::Kind::count:
      s.n = plan.count;
      break;
    case SamplePlan::Kind::percent:
      s.n = static_cast<int64_t>(
          std::ceil(plan.percent * static_cast<double>(population) / 100 - 1e-9));
      break;
    case SamplePlan::Kind::gb2828:
      s.letter = code_letter(plan.level, population);
      s.n = letter_sample_size(s.letter);
      if (!plan.aql.empty()) {
        AcceptancePlan a = value_or_throw(normal_plan(s.letter, plan.aql));
        s.n = a.n;
        s.ac = a.ac;
        s.re = a.re;
      }
      break;
  }
  if (s.n >= population) {
    s.n = population;
    s.all = true;
  }
  return s;
}

std::string sample_rank(std::string_view seed, std::string_view lease) {
  return sha256_hex(fmt::format("{}:{}", seed, lease));
}

void SampleDraw::offer(const std::string& lease, const std::string& tag) {
  if (n_ <= 0)
    return;
  std::string rank = sample_rank(seed_, lease);
  if (static_cast<int64_t>(heap_.size()) < n_) {
    heap_.push_back({std::move(rank), lease, tag});
    std::push_heap(heap_.begin(), heap_.end());
  } else if (rank < heap_.front().rank) {
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.back() = {std::move(rank), lease, tag};
    std::push_heap(heap_.begin(), heap_.end());
  }
}

std::vector<SampleDraw::Drawn> SampleDraw::ranked() const {
  std::vector<Drawn> out = heap_;
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> draw_sample(std::string_view seed, const std::vector<std::string>& leases,
                                     int64_t n) {
  SampleDraw draw(std::string(seed), n);
  for (const auto& id : leases)
    draw.offer(id);
  std::vector<std::string> out;
  for (auto& d : draw.ranked())
    out.push_back(std::move(d.lease));
  return out;
}

}  // namespace numreg
