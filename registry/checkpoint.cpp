#include "registry/checkpoint.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "registry/model/kind.hpp"
#include "registry/store/store.hpp"

namespace numreg {

namespace {

constexpr std::string_view kTitle =
    "# numreg checkpoint: a registry's journal head, kept to check the registry later";
constexpr size_t kShortestHead = 12;

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Error file_error(const std::string& file, long line, std::string code, std::string message) {
  Error e = data_error(std::move(code), std::move(message));
  e.where = {file, line, 1};
  return e;
}

// A PEM key file: the private key when `is_private`, else the public one.
Key read_key(const std::string& path, bool is_private) {
  std::unique_ptr<std::FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "r"), &std::fclose);
  if (!f) {
    throw Failure(make_error(ErrorKind::no_input, "key-missing",
                             fmt::format("cannot open key file {}", path)));
  }
  Key key(is_private ? PEM_read_PrivateKey(f.get(), nullptr, nullptr, nullptr)
                     : PEM_read_PUBKEY(f.get(), nullptr, nullptr, nullptr),
          &EVP_PKEY_free);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
    throw Failure(make_error(
        ErrorKind::data, "key-form",
        is_private ? fmt::format("{} is not an Ed25519 private key in PEM (make one with "
                                 "`openssl genpkey -algorithm ed25519`)",
                                 path)
                   : fmt::format("{} is not an Ed25519 public key in PEM (write it with "
                                 "`openssl pkey -pubout`)",
                                 path)));
  }
  return key;
}

std::string base64(const std::vector<unsigned char>& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::vector<unsigned char>> unbase64(const std::string& text) {
  if (text.empty() || text.size() % 4 != 0)
    return std::nullopt;
  std::vector<unsigned char> out(3 * text.size() / 4);
  int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0)
    return std::nullopt;
  size_t pad = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

bool is_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
  });
}

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Checkpoint take_checkpoint(store::Store& db, const std::string& now_utc) {
  Checkpoint c;
  store::JournalTail tail = db.journal().tail();
  c.seq = tail.seq;
  c.head = tail.hash;
  c.time = now_utc;
  for (const Kind& k : kinds()) {
    c.counts.push_back({k.name, db.count_records(k)});
  }
  return c;
}

std::string checkpoint_text(const Checkpoint& c, const std::optional<std::string>& key_pem) {
  std::string text =
      fmt::format("{}\nformat 1\nseq {}\nhead {}\ntime {}\n", kTitle, c.seq, c.head, c.time);
  for (const auto& k : c.counts) {
    text += fmt::format("records {} {}\n", k.kind, k.records);
  }
  if (!key_pem)
    return text;
  Key key = read_key(*key_pem, true);
  DigestContext ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, data, text.size()) != 1) {
    throw Failure(make_error(ErrorKind::internal, "sign", "Ed25519 signing failed in libcrypto"));
  }
  std::vector<unsigned char> signature(length);
  if (EVP_DigestSign(ctx.get(), signature.data(), &length, data, text.size()) != 1) {
    throw Failure(make_error(ErrorKind::internal, "sign", "Ed25519 signing failed in libcrypto"));
  }
  signature.resize(length);
  return text + "signature ed25519 " + base64(signature) + "\n";
}

Checkpoint parse_checkpoint(const std::string& text, const std::string& file) {
  Checkpoint c;
  std::istringstream in(text);
  std::string line;
  long number = 0;
  bool seen_seq = false;
  size_t offset = 0;
  std::vector<Error> errors;
  while (std::getline(in, line)) {
    ++number;
    size_t line_start = offset;
    offset += line.size() + 1;
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream words(line);
    std::string word;
    words >> word;
    if (c.signature) {
      errors.push_back(
          file_error(file, number, "checkpoint-form", "nothing may follow the signature line"));
    } else if (word == "format") {
      std::string v;
      words >> v;
      if (v != "1")
        errors.push_back(file_error(file, number, "checkpoint-form",
                                    fmt::format("checkpoint format '{}' is not 1", v)));
    } else if (word == "seq") {
      std::string v;
      words >> v;
      if (v.empty() || !std::all_of(v.begin(), v.end(), ::isdigit) || v.size() > 18) {
        errors.push_back(
            file_error(file, number, "checkpoint-form",
                       fmt::format("'{}' is not a journal sequence number (expected digits)", v)));
      } else {
        c.seq = std::stoll(v);
        seen_seq = true;
      }
    } else if (word == "head") {
      words >> c.head;
      if (c.head.size() != 64 || !is_hex(c.head))
        errors.push_back(
            file_error(file, number, "checkpoint-form",
                       fmt::format("'{}' is not a journal hash (expected 64 hex digits)", c.head)));
    } else if (word == "time") {
      words >> c.time;
    } else if (word == "records") {
      KindCount k;
      words >> k.kind >> k.records;
      c.counts.push_back(k);
    } else if (word == "signature") {
      std::string algorithm, value;
      words >> algorithm >> value;
      if (algorithm != "ed25519" || value.empty()) {
        errors.push_back(
            file_error(file, number, "checkpoint-form", "expected 'signature ed25519 BASE64'"));
      } else {
        c.signature = value;
        c.signed_text = text.substr(0, line_start);
      }
    } else {
      errors.push_back(file_error(
          file, number, "checkpoint-form",
          fmt::format("unknown line '{}' (expected format, seq, head, time, records or signature)",
                      word)));
    }
  }
  if (errors.empty() && (!seen_seq || c.head.empty())) {
    errors.push_back(file_error(file, number > 0 ? number : 1, "checkpoint-form",
                                "a checkpoint needs a 'seq' and a 'head' line"));
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  return c;
}

void check_signature(const Checkpoint& c, const std::string& public_pem, const std::string& file) {
  if (!c.signature) {
    throw Failure(make_error(ErrorKind::data, "checkpoint-unsigned",
                             fmt::format("checkpoint {} is not signed", file)));
  }
  Key key = read_key(public_pem, false);
  auto signature = unbase64(*c.signature);
  DigestContext ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const auto* data = reinterpret_cast<const unsigned char*>(c.signed_text.data());
  if (!signature || !ctx ||
      EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestVerify(ctx.get(), signature->data(), signature->size(), data,
                       c.signed_text.size()) != 1) {
    throw Failure(make_error(
        ErrorKind::data, "checkpoint-signature",
        fmt::format("the signature of checkpoint {} does not match key {}: the file was changed "
                    "or signed with another key",
                    file, public_pem)));
  }
}

std::vector<Error> check_head_at(store::Store& db, int64_t seq, const std::string& head) {
  std::vector<Error> errors;
  if (seq == 0)
    return errors;  // a checkpoint of an empty journal: every chain starts there
  auto hash = db.entry_hash_at(seq);
  if (!hash) {
    errors.push_back(data_error(
        "checkpoint-missing",
        fmt::format("the journal ends at entry {}, before the checkpoint's entry {}: the registry "
                    "was cut back or is an older copy",
                    db.journal().tail().seq, seq)));
  } else if (*hash != head) {
    errors.push_back(data_error(
        "checkpoint-differs",
        fmt::format("journal entry {} is not the checkpoint's head {}: the history up to it was "
                    "rewritten",
                    seq, head)));
  }
  return errors;
}

std::pair<int64_t, std::string> find_head(store::Store& db, const std::string& given) {
  std::string head = lower(given);
  if (head.size() < kShortestHead || head.size() > 64 || !is_hex(head)) {
    throw Failure(make_error(ErrorKind::usage, "head-form",
                             fmt::format("--head {}: expected a journal hash, {} to 64 hex digits",
                                         given, kShortestHead)));
  }
  auto found = db.entries_with_hash_prefix(head, 2);
  if (found.empty()) {
    throw Failure(make_error(
        ErrorKind::data, "head-missing",
        fmt::format("no journal entry has the head {}: the history it ended was rewritten or cut "
                    "back",
                    given)));
  }
  if (found.size() > 1) {
    throw Failure(make_error(ErrorKind::usage, "head-ambiguous",
                             fmt::format("--head {} matches entries {} and {}: give more digits",
                                         given, found[0].first, found[1].first)));
  }
  return found[0];
}

}  // namespace numreg
