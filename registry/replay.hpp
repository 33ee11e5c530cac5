// The tables proven by the journal: every record rebuilt from the journal
// alone and compared with the tables. A sum of record hashes per kind, kept
// while the chain is checked and again while each table is read, compares
// a million records in one pass over each; a kind whose sums differ is
// replayed again, key by key, into a scratch table to name what differs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "registry/store/journal.hpp"
#include "registry/store/store.hpp"

namespace numreg {

/// One record on which the tables and the journal disagree.
struct RecordDifference {
  enum class What {
    missing,  // the journal wrote it (entry `seq`), the table lacks it
    extra,    // the table holds it, no journal entry wrote it
    removed,  // the table holds it, journal entry `seq` removed it
    field,    // field `field` differs from what entry `seq` wrote
    history,  // entry `seq` found `field` other than entry `prior_seq` left it
  };
  What what = What::field;
  std::string entity;  // "lease"
  std::string key;
  int64_t seq = 0;
  std::string field;
  std::string table_value;    // as written in the journal's JSON (masked); with
                              // history, what entry `seq` found
  std::string journal_value;  // likewise; with history, what entry `prior_seq` left
  int64_t prior_seq = 0;
};

/// Records of one kind in the tables.
struct KindCount {
  std::string kind;  // "leases"
  int64_t records = 0;
};

/// The outcome of comparing the tables with the journal's replay.
struct ReplayCheck {
  std::vector<KindCount> counts;
  std::vector<RecordDifference> differences;  // the first few of each kind
  int64_t unlisted = 0;                       // differences beyond those
  bool ok() const { return differences.empty(); }
};

/// A sum of SHA-256 hashes modulo 2^256: the same for the same multiset of
/// records whatever order they are added in.
struct HashSum {
  std::array<uint64_t, 4> words{};
  void add(std::string_view text);
  void subtract(std::string_view text);
  bool operator==(const HashSum&) const = default;
};

/// Replays the journal entry by entry (hand it every entry, in seq order,
/// while the chain is checked), then compares the tables with it.
class Replay {
 public:
  explicit Replay(store::Store& store);

  /// Take in one journal entry.
  void entry(const store::JournalEntry& entry);
  /// Read every table and compare; name what differs (at most
  /// `listed_per_kind` differences of each kind).
  ReplayCheck compare(size_t listed_per_kind = 50);

 private:
  store::Store& store_;
  std::vector<HashSum> journal_sums_;  // by kind, in kinds() order
  std::string text_;                   // reused
  std::string callers_;                // reused
};

/// The integrity check of `verify`.
struct VerifyReport {
  store::ChainCheck chain;
  ReplayCheck replay;                // the tables against the journal's replay
  store::IntegrityReport integrity;  // the store's check of its own structures
  bool ok() const { return !chain.bad && replay.ok() && integrity.problems.empty(); }
};

/// Check `store` as `numreg verify` does: the journal's chain, the tables
/// against its replay (naming at most `listed_per_kind` differences a kind),
/// the store's own structures.
VerifyReport verify_store(store::Store& store, size_t listed_per_kind = 50);

}  // namespace numreg
