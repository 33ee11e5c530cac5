// Records written once and read back later, in order, by any number of
// readers each from its own place: in memory while short, in an unnamed
// temporary file beyond that, so that memory stays flat.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace numreg {

/// Records appended now and read back in the order appended.
class RecordSpool {
 public:
  RecordSpool() = default;
  RecordSpool(const RecordSpool&) = delete;
  RecordSpool& operator=(const RecordSpool&) = delete;
  ~RecordSpool();

  /// Add `record` at the end; throws an io Failure when the temporary file fails.
  void append(std::string_view record);
  /// Where the next record appended will start.
  uint64_t end() const { return on_file_ + buffer_.size(); }
  /// Drop every record and the temporary file, to start empty again; no
  /// reader made before may be used after.
  void clear();

  /// Reads the records from one place up to another, in order.
  class Reader {
   public:
    /// Set `record` to the next record and return true, or false at the end.
    bool next(std::string& record);

   private:
    friend class RecordSpool;
    Reader(const RecordSpool& spool, uint64_t from, uint64_t to)
        : spool_(&spool), at_(from), to_(to) {}
    void read(char* out, size_t n);

    const RecordSpool* spool_;
    uint64_t at_;
    uint64_t to_;
    std::string chunk_;  // bytes of the file from chunk_at_ on
    uint64_t chunk_at_ = 0;
  };

  /// A reader of the records between `from` and `to` (as end() gave them).
  Reader reader(uint64_t from, uint64_t to) const { return Reader(*this, from, to); }
  /// A reader of every record.
  Reader reader() const { return Reader(*this, 0, end()); }

 private:
  static constexpr size_t kInMemory = 1 << 20;
  std::string buffer_;  // the bytes from on_file_ on
  uint64_t on_file_ = 0;
  std::FILE* file_ = nullptr;  // once the records outgrew the buffer
};

}  // namespace numreg
