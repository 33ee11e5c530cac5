#include "registry/import/journal_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "registry/error.hpp"

namespace numreg::import {

namespace {

void put_u32(std::string& out, uint32_t v) {
  char bytes[4];
  std::memcpy(bytes, &v, 4);
  out.append(bytes, 4);
}

void put_i64(std::string& out, int64_t v) {
  char bytes[8];
  std::memcpy(bytes, &v, 8);
  out.append(bytes, 8);
}

void put_text(std::string& out, const std::string& s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

void put_optional(std::string& out, const std::optional<std::string>& s) {
  out += s ? '\1' : '\0';
  if (s)
    put_text(out, *s);
}

// Reads back what the put_ functions wrote.
struct Cursor {
  const char* p;

  int64_t i64() {
    int64_t v = 0;
    std::memcpy(&v, p, 8);
    p += 8;
    return v;
  }
  uint32_t u32() {
    uint32_t v = 0;
    std::memcpy(&v, p, 4);
    p += 4;
    return v;
  }
  // Into `s`, reusing its buffer.
  void text(std::string& s) {
    uint32_t n = u32();
    s.assign(p, n);
    p += n;
  }
  void optional(std::optional<std::string>& s) {
    if (*p++ == '\0') {
      s.reset();
      return;
    }
    if (!s)
      s.emplace();
    text(*s);
  }
};

constexpr char kEntry = 'e';
constexpr char kBlock = 'b';

// A record's length, before it: filled in by end_record.
size_t begin_record(std::string& out, char type) {
  size_t start = out.size();
  put_u32(out, 0);
  out += type;
  return start;
}

void end_record(std::string& out, size_t start) {
  auto length = static_cast<uint32_t>(out.size() - start - 4);
  std::memcpy(out.data() + start, &length, 4);
}

// One entry, after its length and type.
void put_entry(std::string& out, const store::JournalEntry& e) {
  size_t start = begin_record(out, kEntry);
  put_i64(out, e.seq);
  for (const std::string* s : {&e.time, &e.actor, &e.action, &e.entity, &e.key}) {
    put_text(out, *s);
  }
  for (const auto* s : {&e.before, &e.after, &e.reason, &e.batch}) {
    put_optional(out, *s);
  }
  put_text(out, e.prev_hash);
  put_text(out, e.hash);
  end_record(out, start);
}

// One encoded block, after its length and type.
void put_block(std::string& out, const store::EncodedBlock& b) {
  size_t start = begin_record(out, kBlock);
  put_i64(out, b.head.first_seq);
  put_i64(out, b.count);
  put_text(out, b.head.time);
  put_text(out, b.head.actor);
  put_optional(out, b.head.reason);
  put_optional(out, b.head.batch);
  for (const std::string* s : {&b.entities, &b.bytes, &b.hash})
    put_text(out, *s);
  for (const auto& [entity, key] : b.keys) {
    put_text(out, entity);
    put_text(out, key);
  }
  end_record(out, start);
}

// Into `e`: one entry read back after another reuses its buffers.
void read_entry(const char* bytes, store::JournalEntry& e) {
  Cursor c{bytes};
  e.seq = c.i64();
  for (std::string* s : {&e.time, &e.actor, &e.action, &e.entity, &e.key}) {
    c.text(*s);
  }
  for (auto* s : {&e.before, &e.after, &e.reason, &e.batch}) {
    c.optional(*s);
  }
  c.text(e.prev_hash);
  c.text(e.hash);
}

// Into `b`, reusing its buffers.
void read_block(const char* bytes, store::EncodedBlock& b) {
  Cursor c{bytes};
  b.head.first_seq = c.i64();
  b.count = c.i64();
  c.text(b.head.time);
  c.text(b.head.actor);
  c.optional(b.head.reason);
  c.optional(b.head.batch);
  for (std::string* s : {&b.entities, &b.bytes, &b.hash})
    c.text(*s);
  b.keys.resize(static_cast<size_t>(b.count));
  for (auto& [entity, key] : b.keys) {
    c.text(entity);
    c.text(key);
  }
}

// An unnamed file in `dir`, gone when closed.
int unnamed_file(const std::string& dir) {
#ifdef O_TMPFILE
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    return fd;
#endif
  std::string name = dir + "/.numreg-import-XXXXXX";
  int fd2 = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd2 >= 0)
    ::unlink(name.c_str());
  return fd2;
}

}  // namespace

JournalSpool::JournalSpool(std::string dir, bool blocks, size_t memory_bytes)
    : dir_(std::move(dir)), blocks_(blocks), memory_bytes_(memory_bytes) {}

JournalSpool::~JournalSpool() {
  if (file_)
    std::fclose(file_);
}

void JournalSpool::add(store::JournalEntry entry) {
  ++count_;
  if (!blocks_) {
    put_entry(buffer_, entry);
    held();
    return;
  }
  // Where the store closes its block (SqliteJournal::insert_sealed).
  if (store::closes_block(block_, entry))
    close_block();
  block_.push_back(std::move(entry));
}

void JournalSpool::close_block() {
  put_block(buffer_, store::encode_entries(block_));
  block_.clear();
  held();
}

void JournalSpool::held() {
  if (buffer_.size() >= memory_bytes_)
    spill();
}

void JournalSpool::spill() {
  if (!file_) {
    int fd = unnamed_file(dir_);
    if (fd >= 0)
      file_ = ::fdopen(fd, "w+b");
    if (!file_) {
      int err = errno;
      if (fd >= 0)
        ::close(fd);
      throw Failure(make_error(
          ErrorKind::io, "import-spool",
          fmt::format("cannot make a temporary file in {} for the import's journal entries: {}",
                      dir_, std::strerror(err))));
    }
  }
  write(buffer_);
  buffer_.clear();
}

void JournalSpool::write(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw Failure(make_error(
        ErrorKind::io, "import-spool",
        fmt::format("cannot write the import's journal entries to a temporary file in {}: {} "
                    "(nothing was imported)",
                    dir_, std::strerror(errno))));
  }
}

void JournalSpool::drain(const std::function<void(const store::EncodedBlock&)>& insert_block,
                         const std::function<void(const store::JournalEntry&)>& insert) {
  store::JournalEntry entry;
  store::EncodedBlock block;
  read_back([&](const char* record) {
    if (record[0] == kBlock) {
      read_block(record + 1, block);
      insert_block(block);
    } else {
      read_entry(record + 1, entry);
      insert(entry);
    }
  });
  for (const auto& e : block_)
    insert(e);
  block_.clear();
  count_ = 0;
}

// Every record held back, from the file and then from memory.
void JournalSpool::read_back(const std::function<void(const char* record)>& each) {
  if (file_) {
    spill();
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
      throw Failure(
          make_error(ErrorKind::io, "import-spool",
                     fmt::format("cannot read back the import's journal entries in {}: {}", dir_,
                                 std::strerror(errno))));
    }
    // Read the file a megabyte at a time; a record may span two reads.
    std::string window;
    size_t at = 0;
    std::string chunk(1 << 20, '\0');
    while (true) {
      size_t n = std::fread(chunk.data(), 1, chunk.size(), file_);
      window.erase(0, at);
      at = 0;
      window.append(chunk, 0, n);
      while (window.size() - at >= 4) {
        uint32_t length = 0;
        std::memcpy(&length, window.data() + at, 4);
        if (window.size() - at - 4 < length)
          break;
        each(window.data() + at + 4);
        at += 4 + length;
      }
      if (n == 0)
        break;
    }
    if (at != window.size() || std::ferror(file_)) {
      throw Failure(make_error(ErrorKind::io, "import-spool",
                               fmt::format("the import's journal entries in {} came back short "
                                           "(nothing was imported)",
                                           dir_)));
    }
    std::fclose(file_);
    file_ = nullptr;
  } else {
    for (size_t at = 0; at < buffer_.size();) {
      uint32_t length = 0;
      std::memcpy(&length, buffer_.data() + at, 4);
      each(buffer_.data() + at + 4);
      at += 4 + length;
    }
  }
  buffer_.clear();
}

}  // namespace numreg::import
