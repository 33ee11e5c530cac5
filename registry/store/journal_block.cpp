#include "registry/store/journal_block.hpp"

#include <algorithm>
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

// Long text is escaped, hashed and compressed in pieces of this size.
constexpr size_t kPiece = 1 << 20;

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

// Compresses a block's text as it is written, a piece at a time, so that a
// block holding a large entry (an inspection's every finding) needs neither
// the whole text nor an output buffer of its size. The bytes are those zlib's
// compress2() gives for the whole text at once.
//
// Z_BEST_SPEED: a block of an import's entries costs a third of the time
// of the default level, for about a third more bytes (journal_blocks is
// about a tenth of a registry); inflate reads either.
class Deflater {
 public:
  explicit Deflater(std::string& text) : text_(text) {
    text_.clear();
    if (deflateInit(&z_, Z_BEST_SPEED) != Z_OK)
      throw std::runtime_error("zlib could not start compressing a journal block");
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// The text written so far and not yet compressed.
  std::string& text() { return text_; }

  /// Compress the text held once it is long.
  void spill() {
    if (text_.size() >= kPiece) {
      run(Z_NO_FLUSH);
      text_.clear();
    }
  }

  /// Compress what is left and return every compressed byte.
  std::string finish() {
    run(Z_FINISH);
    out_.resize(used_);
    return std::move(out_);
  }

 private:
  void run(int flush) {
    z_.next_in = reinterpret_cast<Bytef*>(text_.data());
    z_.avail_in = static_cast<uInt>(text_.size());
    if (out_.size() - used_ < text_.size() / 2 + 64)
      out_.resize(used_ + deflateBound(&z_, z_.avail_in));
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(out_.data() + used_);
      z_.avail_out = static_cast<uInt>(out_.size() - used_);
      int rc = deflate(&z_, flush);
      used_ = out_.size() - z_.avail_out;
      if (rc == Z_STREAM_ERROR)
        throw std::runtime_error("zlib could not compress a journal block");
      if (flush == Z_FINISH ? rc == Z_STREAM_END : z_.avail_out != 0)
        return;
      out_.resize(out_.size() + std::max<size_t>(out_.size() / 2, kPiece));
    }
  }

  std::string& text_;
  z_stream z_{};
  std::string out_;
  size_t used_ = 0;
};

void put(Deflater& out, const std::string& s) {
  std::string& text = out.text();
  std::array<char, 24> digits{};
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), s.size());
  text.append(digits.data(), end);
  text += ':';
  for (size_t at = 0; at < s.size(); at += kPiece) {
    text.append(std::string_view(s).substr(at, kPiece));
    out.spill();
  }
  out.spill();
}

void put(Deflater& out, const std::optional<std::string>& s) {
  if (s) {
    put(out, *s);
  } else {
    out.text() += '-';
  }
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
  // It is hashed a piece at a time as it is written, so that an entry far
  // larger than a record's (an inspection's every finding) is not held
  // twice, once escaped.
  thread_local std::string buffer;  // reused: its capacity outlives the entry
  std::string& text = buffer;
  text.clear();
  Sha256Stream hash;
  fmt::format_to(std::back_inserter(text), "[{}", e.seq);
  auto item = [&](const std::string& s) {
    text += ",\"";
    for (size_t at = 0; at < s.size(); at += kPiece) {
      append_json_escaped(std::string_view(s).substr(at, kPiece), text);
      if (text.size() >= kPiece) {
        hash.update(text);
        text.clear();
      }
    }
    text += '"';
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
  hash.update(text);
  return hash.hex();
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
  Deflater out(text);
  text += kVersion;
  for (const auto& e : entries)
    put(out, e.action);
  for (const auto& e : entries)
    put(out, e.entity);
  for (const auto& e : entries)
    put(out, e.key);
  for (const auto& e : entries)
    put(out, e.before);
  for (const auto& e : entries)
    put(out, e.after);
  return out.finish();
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
