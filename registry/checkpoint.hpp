// Checkpoints: the journal's head (seq, hash, time, records per kind) as a
// small text file an inspector keeps, optionally signed with an Ed25519 key.
// A registry checked against it must still hold that head at that seq: a
// journal cut back, or an older copy swapped in, no longer does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/replay.hpp"
#include "registry/store/store.hpp"

namespace numreg {

/// What a checkpoint file says.
struct Checkpoint {
  int64_t seq = 0;
  std::string head;  // the hash of entry `seq` (the genesis hash when 0)
  std::string time;  // when it was taken, UTC
  std::vector<KindCount> counts;
  std::optional<std::string> signature;  // base64 Ed25519 over `signed_text`
  std::string signed_text;               // the lines before the signature
};

/// The checkpoint of `db` now: its journal's newest entry and its records.
Checkpoint take_checkpoint(store::Store& db, const std::string& now_utc);

/// The file's text; with `key_pem` (an Ed25519 private key in PEM) signed.
std::string checkpoint_text(const Checkpoint& checkpoint,
                            const std::optional<std::string>& key_pem = std::nullopt);

/// Read a checkpoint file's text; errors name `file` and the line.
Checkpoint parse_checkpoint(const std::string& text, const std::string& file);

/// Check the signature with an Ed25519 public key in PEM; a missing or bad
/// signature is a data Failure.
void check_signature(const Checkpoint& checkpoint, const std::string& public_pem,
                     const std::string& file);

/// Problems with `db`'s journal holding `head` at `seq` (empty when it does).
std::vector<Error> check_head_at(store::Store& db, int64_t seq, const std::string& head);

/// The entry whose hash is `head` or starts with it (at least 12 hex
/// digits, as the audit sheet's manifest prints it, or a prefix); a usage
/// Failure for a malformed hash, a data Failure when no or several entries
/// match.
std::pair<int64_t, std::string> find_head(store::Store& db, const std::string& head);

}  // namespace numreg
