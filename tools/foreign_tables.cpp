// Writes the tables registry/types/foreign_plan.cpp checks foreign numbers
// with: one deterministic automaton over the digits of the national number
// per country calling code, derived at build time from libphonenumber's
// metadata, whose final state gives PhoneNumberUtil::IsValidNumber's answer
// and, for a number it refuses, GetRegionCodeForNumber's region.
//
// It follows libphonenumber's own steps for a national number N of +C:
//   - the regions of C, in GetRegionCodesForCountryCallingCode's order;
//     with one region (or the non-geographical "001"), that region;
//     with several, the first whose leading_digits match at the start of N
//     (when it has them) or, when it has none, the first for which N has a
//     type (GetRegionCodeForNumberFromRegionList); none: "ZZ", invalid;
//   - N has a type in a region (GetNumberTypeHelper is not UNKNOWN) when it
//     matches general_desc and one of premium_rate, toll_free, shared_cost,
//     voip, personal_number, pager, uan, voicemail, fixed_line, mobile (not
//     asked when same_mobile_and_fixed_line_pattern);
//   - N matches a description (IsNumberMatchingDesc) when its length is one
//     of the description's possible lengths (if it lists any) and its
//     national_number_pattern matches all of N (an empty pattern matches
//     nothing).
// The automata read national numbers of 1 to 17 digits; a longer one ends
// in the state 0 (invalid, "ZZ"), which numreg never asks about.
//
// Output: kForeignStart[c] (0: no table for c, else 1 + c's start state),
// kForeignNext[s][d], kForeignVerdict[s] (0 invalid with region "ZZ",
// 1 valid, 2 + r invalid with region kForeignRegion[r]).
// +86 has no table: numreg reads China's numbers itself.
//
// Usage: foreign_tables OUTPUT
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/digit_pattern.hpp"
#include "tools/phone_metadata.hpp"

namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;
using numreg::tools::Nfa;

constexpr int kMaxLength = 17;  // digits of a national number (libphonenumber's limit)

// A number description: its automaton's accepting state (-1: it matches
// nothing) and its possible lengths (empty: any).
struct Desc {
  int accept = -1;
  std::vector<int> lengths;
};

struct Region {
  std::string id;
  Desc general;
  std::vector<Desc> types;
  int leading_accept = -1;  // -1: no leading_digits (or only one region)
};

// All regions of one calling code, in one automaton.
struct Country {
  Nfa nfa;
  std::vector<int> starts;
  std::vector<Region> regions;
};

Desc add_desc(Country& country, const PhoneNumberDesc& desc) {
  Desc out;
  if (desc.national_number_pattern().empty()) {
    return out;
  }
  const auto [start, accept] =
      numreg::tools::add_pattern(country.nfa, desc.national_number_pattern());
  country.starts.push_back(start);
  out.accept = accept;
  out.lengths.assign(desc.possible_length().begin(), desc.possible_length().end());
  return out;
}

Region add_region(Country& country, const PhoneMetadata& metadata, bool shared) {
  Region region;
  region.id = metadata.id();
  region.general = add_desc(country, metadata.general_desc());
  for (const PhoneNumberDesc* desc :
       {&metadata.premium_rate(), &metadata.toll_free(), &metadata.shared_cost(), &metadata.voip(),
        &metadata.personal_number(), &metadata.pager(), &metadata.uan(), &metadata.voicemail(),
        &metadata.fixed_line(), &metadata.mobile()}) {
    // GetNumberTypeHelper asks mobile only when its pattern is not fixed_line's.
    if (desc == &metadata.mobile() && metadata.same_mobile_and_fixed_line_pattern()) {
      continue;
    }
    Desc type = add_desc(country, *desc);
    if (type.accept >= 0) {
      region.types.push_back(std::move(type));
    }
  }
  if (shared && metadata.has_leading_digits()) {
    // A match of a prefix is enough: once reached, the accepting state stays.
    const auto [start, accept] = numreg::tools::add_pattern(country.nfa, metadata.leading_digits());
    country.nfa.states[static_cast<size_t>(accept)].digits.emplace_back(0x3FF, accept);
    country.starts.push_back(start);
    region.leading_accept = accept;
  }
  return region;
}

bool has(const std::vector<int>& states, int state) {
  return state >= 0 && std::binary_search(states.begin(), states.end(), state);
}

bool matches(const Desc& desc, const std::vector<int>& states, int length) {
  return has(states, desc.accept) &&
         (desc.lengths.empty() ||
          std::find(desc.lengths.begin(), desc.lengths.end(), length) != desc.lengths.end());
}

bool has_type(const Region& region, const std::vector<int>& states, int length) {
  if (!matches(region.general, states, length)) {
    return false;
  }
  return std::any_of(region.types.begin(), region.types.end(),
                     [&](const Desc& type) { return matches(type, states, length); });
}

struct Tables {
  std::vector<std::array<int, 10>> next{{}};  // state 0: too long, invalid
  std::vector<int> verdict{0};
  std::vector<std::string> region_names;

  int region_verdict(const std::string& id) {
    auto it = std::find(region_names.begin(), region_names.end(), id);
    if (it == region_names.end()) {
      region_names.push_back(id);
      it = region_names.end() - 1;
    }
    return 2 + static_cast<int>(it - region_names.begin());
  }
};

// libphonenumber's verdict on the national numbers that leave `country`'s
// automaton in `states` after `length` digits.
int verdict_of(const Country& country, const std::vector<int>& states, int length, Tables& tables) {
  const Region* region = nullptr;
  if (country.regions.size() == 1) {
    region = &country.regions.front();
  } else {
    for (const Region& candidate : country.regions) {
      if (candidate.leading_accept >= 0 ? has(states, candidate.leading_accept)
                                        : has_type(candidate, states, length)) {
        region = &candidate;
        break;
      }
    }
  }
  if (region == nullptr) {
    return 0;
  }
  return has_type(*region, states, length) ? 1 : tables.region_verdict(region->id);
}

// Adds `country`'s automaton to `tables`, its states reached by a breadth-first
// walk over the subsets of its states: returns its start state.
int add_automaton(const Country& country, Tables& tables) {
  std::map<std::pair<int, std::vector<int>>, int> index;
  std::vector<std::pair<int, std::vector<int>>> todo;
  auto state_of = [&](int length, std::vector<int> states) {
    if (length > kMaxLength) {
      return 0;
    }
    auto [it, added] = index.try_emplace({length, std::move(states)}, 0);
    if (added) {
      it->second = static_cast<int>(tables.next.size());
      tables.next.emplace_back();
      tables.verdict.push_back(verdict_of(country, it->first.second, length, tables));
      todo.push_back(it->first);
    }
    return it->second;
  };
  const int start = state_of(0, numreg::tools::closure(country.nfa, country.starts));
  while (!todo.empty()) {
    const auto [length, states] = todo.back();
    todo.pop_back();
    const int from = index.at({length, states});
    for (int d = 0; d < 10; ++d) {
      const int to = state_of(length + 1, numreg::tools::step(country.nfa, states, d));
      tables.next[static_cast<size_t>(from)][static_cast<size_t>(d)] = to;
    }
  }
  return start;
}

// Merges the states no input can tell apart (Moore's refinement): returns
// each state's new number.
std::vector<int> minimise(Tables& tables) {
  const size_t n = tables.next.size();
  std::vector<int> group(tables.verdict.begin(), tables.verdict.end());
  size_t groups = 0;
  for (;;) {
    std::map<std::array<int, 11>, int> signature;
    std::vector<int> refined(n);
    for (size_t s = 0; s < n; ++s) {
      std::array<int, 11> key{group[s]};
      for (size_t d = 0; d < 10; ++d) {
        key[d + 1] = group[static_cast<size_t>(tables.next[s][d])];
      }
      refined[s] = signature.try_emplace(key, static_cast<int>(signature.size())).first->second;
    }
    group = std::move(refined);
    if (signature.size() == groups) {
      break;
    }
    groups = signature.size();
  }
  // Number the groups so that state 0 stays 0.
  std::vector<int> number(groups, -1);
  number[static_cast<size_t>(group[0])] = 0;
  int next_number = 1;
  std::vector<std::array<int, 10>> next(groups);
  std::vector<int> verdict(groups);
  for (size_t s = 0; s < n; ++s) {
    int& g = number[static_cast<size_t>(group[s])];
    if (g < 0) {
      g = next_number++;
    }
  }
  for (size_t s = 0; s < n; ++s) {
    const auto g = static_cast<size_t>(number[static_cast<size_t>(group[s])]);
    verdict[g] = tables.verdict[s];
    for (size_t d = 0; d < 10; ++d) {
      next[g][d] = number[static_cast<size_t>(group[static_cast<size_t>(tables.next[s][d])])];
    }
  }
  std::vector<int> renumber(n);
  for (size_t s = 0; s < n; ++s) {
    renumber[s] = number[static_cast<size_t>(group[s])];
  }
  tables.next = std::move(next);
  tables.verdict = std::move(verdict);
  return renumber;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::fprintf(stderr, "usage: foreign_tables OUTPUT\n");
    return 2;
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneMetadataCollection collection;
  if (!numreg::tools::read_phone_metadata(collection)) {
    std::fprintf(stderr, "foreign_tables: cannot read libphonenumber's metadata\n");
    return 1;
  }
  std::map<std::string, const PhoneMetadata*> by_region;
  std::map<int, const PhoneMetadata*> non_geographic;
  for (const PhoneMetadata& metadata : collection.metadata()) {
    if (metadata.id() == "001") {
      non_geographic[metadata.country_code()] = &metadata;
    } else {
      by_region[metadata.id()] = &metadata;
    }
  }
  std::set<int> codes;
  util.GetSupportedCallingCodes(&codes);
  Tables tables;
  std::vector<int> start(1000, -1);
  for (int code : codes) {
    if (code == 86 || code <= 0 || code >= 1000) {
      continue;
    }
    std::list<std::string> ids;
    util.GetRegionCodesForCountryCallingCode(code, &ids);
    Country country;
    for (const std::string& id : ids) {
      const PhoneMetadata* metadata = id == "001" ? non_geographic.at(code) : by_region.at(id);
      country.regions.push_back(add_region(country, *metadata, ids.size() > 1));
    }
    start[static_cast<size_t>(code)] = add_automaton(country, tables);
  }
  const size_t before = tables.next.size();
  const std::vector<int> renumber = minimise(tables);
  std::printf("foreign_tables: %zu states, %zu after merging, %zu regions named\n", before,
              tables.next.size(), tables.region_names.size());
  if (tables.region_names.size() + 2 > 256) {
    std::fprintf(stderr, "foreign_tables: too many regions for one byte\n");
    return 1;
  }
  const bool narrow = tables.next.size() <= 65536;
  std::string out =
      "// Generated by tools/foreign_tables.cpp from libphonenumber's metadata: do not edit.\n";
  out += narrow ? "using ForeignState = unsigned short;\n" : "using ForeignState = unsigned;\n";
  out += "const unsigned kForeignStart[1000] = {";
  for (int c = 0; c < 1000; ++c) {
    out += (c % 20 == 0 ? "\n" : "");
    const int s = start[static_cast<size_t>(c)];
    out += std::to_string(s < 0 ? 0 : 1 + renumber[static_cast<size_t>(s)]);
    out += ',';
  }
  out += "};\nconst ForeignState kForeignNext[" + std::to_string(tables.next.size()) + "][10] = {";
  for (size_t s = 0; s < tables.next.size(); ++s) {
    out += "\n{";
    for (int to : tables.next[s]) {
      out += std::to_string(to);
      out += ',';
    }
    out += "},";
  }
  out +=
      "};\nconst unsigned char kForeignVerdict[" + std::to_string(tables.verdict.size()) + "] = {";
  for (size_t s = 0; s < tables.verdict.size(); ++s) {
    out += (s % 40 == 0 ? "\n" : "");
    out += std::to_string(tables.verdict[s]);
    out += ',';
  }
  out += "};\nconst char kForeignRegion[" + std::to_string(tables.region_names.size()) + "][4] = {";
  for (size_t r = 0; r < tables.region_names.size(); ++r) {
    out += (r % 16 == 0 ? "\n" : "");
    out += "\"" + tables.region_names[r] + "\",";
  }
  out += "};\n";
  FILE* file = std::fopen(argv[1], "w");
  if (file == nullptr || std::fwrite(out.data(), 1, out.size(), file) != out.size() ||
      std::fclose(file) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "foreign_tables: %s\n", e.what());
  return 1;
}
