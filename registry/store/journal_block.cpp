#include "registry/store/journal_block.hpp"

#include <array>
#include <charconv>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <zlib.h>

#include "registry/util/json_text.hpp"
#include "registry/util/sha256.hpp"

namespace numreg::store {

namespace {

constexpr char kVersion = '1';

void put(std::string& out, const std::string& s) {
  std::array<char, 24> digits{};
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), s.size());
  out.append(digits.data(), end);
  out += ':';
  out += s;
}

void put(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    put(out, *s);
  } else {
    out += '-';
  }
}

// Reads the fields `put` wrote, in order; fails for good at the first
// malformed one.
class Fields {
 public:
  explicit Fields(std::string_view text) : text_(text) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == text_.size(); }

  std::optional<std::string> next() {
    if (!ok_ || pos_ >= text_.size()) {
      ok_ = false;
      return std::nullopt;
    }
    if (text_[pos_] == '-') {
      ++pos_;
      return std::nullopt;
    }
    size_t length = 0;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    auto [p, ec] = std::from_chars(begin, end, length);
    if (ec != std::errc() || p == begin || p == end || *p != ':' ||
        static_cast<size_t>(end - p - 1) < length) {
      ok_ = false;
      return std::nullopt;
    }
    pos_ = static_cast<size_t>(p + 1 - text_.data());
    std::string out(text_.substr(pos_, length));
    pos_ += length;
    return out;
  }

  std::string next_text() {
    auto s = next();
    if (!s)
      ok_ = false;
    return s.value_or(std::string());
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Z_BEST_SPEED: a block of an import's entries costs a third of the time
// of the default level, for about a third more bytes (journal_blocks is
// about a tenth of a registry); inflate reads either.
std::string deflate_text(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                     reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                     Z_BEST_SPEED);
  if (rc != Z_OK)
    throw std::runtime_error("zlib could not compress a journal block");
  out.resize(size);
  return out;
}

std::optional<std::string> inflate_text(std::string_view bytes) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK)
    return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  std::array<char, size_t{64} * 1024> chunk{};
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_out = static_cast<uInt>(chunk.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END)
      break;
    out.append(chunk.data(), chunk.size() - z.avail_out);
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      rc = Z_BUF_ERROR;  // the stream ends before its end
      break;
    }
  }
  bool whole = rc == Z_STREAM_END && z.avail_in == 0;
  inflateEnd(&z);
  if (!whole)
    return std::nullopt;
  return out;
}

}  // namespace

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

std::string entry_hash(const JournalEntry& e) {
  // The SHA-256 of the JSON array [seq, time, actor, action, entity, key,
  // before, after, reason, batch, prev_hash], written directly (every write
  // journals, and imports write millions): the text nlohmann's dump() gives.
  thread_local std::string buffer;  // reused: its capacity outlives the entry
  std::string& text = buffer;
  text.clear();
  fmt::format_to(std::back_inserter(text), "[{}", e.seq);
  auto item = [&text](const std::string& s) {
    text += ',';
    append_json_string(s, text);
  };
  auto optional_item = [&](const std::optional<std::string>& s) {
    if (s) {
      item(*s);
    } else {
      text += ",null";
    }
  };
  item(e.time);
  item(e.actor);
  item(e.action);
  item(e.entity);
  item(e.key);
  optional_item(e.before);
  optional_item(e.after);
  optional_item(e.reason);
  optional_item(e.batch);
  item(e.prev_hash);
  text += ']';
  std::string hash = sha256_hex(text);
  // An entry far larger than a record's (an inspection's every finding)
  // does not keep its text's memory for the rest of the run.
  constexpr size_t kKept = 16 << 20;
  if (text.capacity() > kKept)
    std::string().swap(text);
  return hash;
}

bool same_block(const JournalEntry& first, const JournalEntry& next) {
  return first.time == next.time && first.actor == next.actor && first.reason == next.reason &&
         first.batch == next.batch;
}

bool closes_block(const std::vector<JournalEntry>& block, const JournalEntry& next) {
  return !block.empty() && (block.size() == kBlockEntries || !same_block(block.front(), next));
}

BlockHead block_head(const JournalEntry& first) {
  return {first.seq, first.time, first.actor, first.reason, first.batch};
}

std::string encode_block(const std::vector<JournalEntry>& entries) {
  thread_local std::string text;  // reused: its capacity outlives the block
  text.clear();
  text += kVersion;
  for (const auto& e : entries)
    put(text, e.action);
  for (const auto& e : entries)
    put(text, e.entity);
  for (const auto& e : entries)
    put(text, e.key);
  for (const auto& e : entries)
    put(text, e.before);
  for (const auto& e : entries)
    put(text, e.after);
  return deflate_text(text);
}

EncodedBlock encode_entries(const std::vector<JournalEntry>& entries) {
  EncodedBlock block;
  block.head = block_head(entries.front());
  block.count = static_cast<int64_t>(entries.size());
  block.entities = block_entities(entries);
  block.bytes = encode_block(entries);
  block.hash = entries.back().hash;
  block.keys.reserve(entries.size());
  for (const auto& e : entries)
    block.keys.emplace_back(e.entity, e.key);
  return block;
}

std::string block_entities(const std::vector<JournalEntry>& entries) {
  std::vector<const std::string*> seen;
  std::string out;
  for (const auto& e : entries) {
    bool known = false;
    for (const auto* s : seen)
      known = known || *s == e.entity;
    if (known)
      continue;
    seen.push_back(&e.entity);
    if (!out.empty())
      out += ',';
    out += e.entity;
  }
  return out;
}

std::optional<std::vector<JournalEntry>> decode_block(const BlockHead& head, int64_t count,
                                                      std::string_view bytes,
                                                      const std::string& prev_hash, bool hashes) {
  if (count <= 0 || static_cast<uint64_t>(count) > kBlockEntries)
    return std::nullopt;  // no block holds more: the row was edited
  auto text = inflate_text(bytes);
  if (!text || text->empty() || (*text)[0] != kVersion)
    return std::nullopt;
  Fields fields(std::string_view(*text).substr(1));
  std::vector<JournalEntry> out(static_cast<size_t>(count));
  for (auto& e : out)
    e.action = fields.next_text();
  for (auto& e : out)
    e.entity = fields.next_text();
  for (auto& e : out)
    e.key = fields.next_text();
  for (auto& e : out)
    e.before = fields.next();
  for (auto& e : out)
    e.after = fields.next();
  if (!fields.ok() || !fields.at_end())
    return std::nullopt;
  const std::string* prev = &prev_hash;
  int64_t seq = head.first_seq;
  for (auto& e : out) {
    e.seq = seq++;
    e.time = head.time;
    e.actor = head.actor;
    e.reason = head.reason;
    e.batch = head.batch;
    if (hashes) {
      e.prev_hash = *prev;
      e.hash = entry_hash(e);
      prev = &e.hash;
    }
  }
  return out;
}

}  // namespace numreg::store
