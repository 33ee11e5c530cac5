// Reproducible audit samples: plans (N, P%, GB/T 2828.1 levels with AQL),
// the GB/T 2828.1 tables, and the SHA-256 ranking anyone can re-derive.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/error.hpp"

namespace numreg {

/// How many leases to draw.
struct SamplePlan {
  enum class Kind { count, percent, gb2828 };
  Kind kind = Kind::count;
  int64_t count = 0;   // Kind::count
  double percent = 0;  // Kind::percent, in (0, 100]
  std::string level;   // Kind::gb2828: S-1 .. S-4, I, II, III
  std::string aql;     // Kind::gb2828, optional: "1.0", "2.5", ...

  /// The canonical text: "20", "10%", "gb2828:II", "gb2828:II:1.0".
  std::string text() const;
};

/// Parse "N", "P%" or "gb2828:LEVEL[:AQL]". Errors: code "sample-plan".
Result<SamplePlan> parse_sample_plan(std::string_view text);

/// GB/T 2828.1 Table 1: the code letter for a lot of `lot` units at `level`.
char code_letter(std::string_view level, int64_t lot);

/// The sample size of a code letter (A 2 ... R 2000).
int64_t letter_sample_size(char letter);

/// A single sampling plan for normal inspection.
struct AcceptancePlan {
  char letter = 'A';  // the letter whose sample size is used, after arrows
  int64_t n = 0;
  int ac = 0;
  int re = 1;
};

/// GB/T 2828.1 Table 2-A for code `letter` and `aql` ("0.65", "1.0", ...),
/// arrows followed. Errors: code "sample-aql".
Result<AcceptancePlan> normal_plan(char letter, std::string_view aql);

/// The sample a plan takes from a population.
struct SampleSize {
  int64_t n = 0;          // how many to draw (at most the population)
  char letter = 0;        // gb2828: the code letter of Table 1, else 0
  std::optional<int> ac;  // with an AQL
  std::optional<int> re;
  bool all = false;  // n reached the population: inspect 100%
};

/// The sample size of `plan` for `population` leases.
SampleSize sample_size(const SamplePlan& plan, int64_t population);

/// The rank of a lease for `seed`: SHA-256 of "<seed>:<lease>" in hex.
std::string sample_rank(std::string_view seed, std::string_view lease);

/// Keeps the `n` leases of lowest rank among those offered, with a tag
/// each (their holder); memory grows with n, not with the population.
class SampleDraw {
 public:
  struct Drawn {
    std::string rank;
    std::string lease;
    std::string tag;
    bool operator<(const Drawn& o) const { return rank < o.rank; }
  };

  SampleDraw(std::string seed, int64_t n) : seed_(std::move(seed)), n_(n) {}
  /// Consider `lease` for the sample.
  void offer(const std::string& lease, const std::string& tag = {});
  /// The leases kept, lowest rank first.
  std::vector<Drawn> ranked() const;

 private:
  std::string seed_;
  int64_t n_;
  std::vector<Drawn> heap_;  // a max-heap on rank
};

/// The `n` leases of lowest rank, in rank order.
std::vector<std::string> draw_sample(std::string_view seed, const std::vector<std::string>& leases,
                                     int64_t n);

}  // namespace numreg
