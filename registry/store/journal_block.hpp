// The journal's stored form, apart from any database: consecutive entries
// that share their time, actor, reason and batch are kept as one block, their
// own fields (action, entity, key, before, after) compressed together. Every
// entry keeps its SHA-256 (the same as when each entry was a row of its own);
// a block stores only its last entry's hash, and every other is recomputed
// from the stored bytes when the block is read. The SQLite store
// (journal.cpp) and any other store write and read these same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/store/journal.hpp"

namespace numreg::store {

/// At most this many entries a block.
constexpr size_t kBlockEntries = 256;

/// What every entry of a block shares, and where the block starts.
struct BlockHead {
  int64_t first_seq = 0;
  std::string time;
  std::string actor;
  std::optional<std::string> reason;
  std::optional<std::string> batch;
};

/// Whether `next` may join the block that `first` starts.
bool same_block(const JournalEntry& first, const JournalEntry& next);

/// Whether `next` closes `block` (the entries gathered so far): `block` is
/// full (kBlockEntries) or `next` does not share its time, actor, reason and
/// batch. The one rule of every writer of blocks; an empty block closes never.
bool closes_block(const std::vector<JournalEntry>& block, const JournalEntry& next);

/// The shared fields of the block `first` starts.
BlockHead block_head(const JournalEntry& first);

/// The stored bytes of `entries` (one block): the zlib of their own fields,
/// column by column (every action, then every entity, key, before, after),
/// each field as its length in decimal, ':', and its bytes, or '-' for none.
std::string encode_block(const std::vector<JournalEntry>& entries);

/// A block of sealed entries encoded before it is written (an import encodes
/// its blocks on the thread that seals the entries): all a store writes.
struct EncodedBlock {
  BlockHead head;
  int64_t count = 0;
  std::string entities;                                   // block_entities()
  std::string bytes;                                      // encode_block()
  std::string hash;                                       // its last entry's
  std::vector<std::pair<std::string, std::string>> keys;  // each entry's entity and key
};

/// `entries` (consecutive and sealed, each of the block of the first) encoded.
EncodedBlock encode_entries(const std::vector<JournalEntry>& entries);

/// The distinct entities of `entries`, comma-separated in order of first
/// appearance ("lease", "holder,resource").
std::string block_entities(const std::vector<JournalEntry>& entries);

/// The `count` entries of a block back from its stored `bytes`, each with its
/// seq, the shared fields of `head`, prev_hash and hash recomputed from
/// `prev_hash` (the hash of the entry before the block). Nullopt when the
/// bytes do not decode to `count` entries. Without `hashes`, prev_hash and
/// hash are left empty (a replay reads the records, not the chain).
std::optional<std::vector<JournalEntry>> decode_block(const BlockHead& head, int64_t count,
                                                      std::string_view bytes,
                                                      const std::string& prev_hash,
                                                      bool hashes = true);

}  // namespace numreg::store
