// An input file read as UTF-8 text in chunks: standard input or a file,
// UTF-8 with or without BOM, or GB18030 (detected or forced) decoded with
// iconv; the SHA-256 of the raw bytes is computed on the way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace numreg::import {

/// The encodings an input may have.
enum class Encoding { detect, utf8, gb18030 };

/// Read "utf-8", "gb18030" (also "gbk", "gb2312"), or "" for detect; throws
/// a usage Failure naming the accepted names.
Encoding parse_encoding(std::string_view name);

class TextSource {
 public:
  /// Open `path` ("-" is standard input); `name` is how errors call it.
  /// Throws a no_input Failure when the file is missing, a data Failure when
  /// it is binary.
  TextSource(const std::string& path, std::string name, Encoding encoding);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  /// The next chunk of UTF-8 text; empty at the end.
  std::string_view read();
  /// Everything left, at most `cap` bytes of text (a data Failure beyond).
  std::string read_all(size_t cap);
  /// The SHA-256 of every byte of the file (reads what is left).
  std::string sha256();

  const std::string& name() const { return name_; }
  /// "utf-8" or "gb18030".
  std::string_view encoding() const;
  size_t bytes_read() const { return raw_bytes_; }
  /// The file's size, or 0 when unknown (standard input, pipes).
  size_t size() const { return size_; }

 private:
  struct State;
  size_t fill_raw();
  void detect(Encoding forced);

  std::string name_;
  std::unique_ptr<State> state_;
  size_t raw_bytes_ = 0;
  size_t size_ = 0;
};

/// True when `text` is valid UTF-8, allowing a sequence cut off at its end.
bool valid_utf8_prefix(std::string_view text);
/// The byte offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view text);

}  // namespace numreg::import
