// An input file read as UTF-8 text in chunks: standard input or a file,
// UTF-8 with or without BOM, GB18030 (detected or given), or any encoding
// iconv knows (given), decoded with iconv as it streams; the SHA-256 of the
// raw bytes is computed on the way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "registry/import/encoding.hpp"
#include "registry/import/utf8.hpp"

namespace numreg::import {

class TextSource {
 public:
  /// Open `path` ("-" is standard input); `name` is how errors call it.
  /// Throws a no_input Failure when the file is missing, a data Failure when
  /// it is binary or its encoding cannot be told.
  TextSource(const std::string& path, std::string name, const Encoding& encoding);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  /// The next chunk of UTF-8 text; empty at the end. Throws a data Failure,
  /// at the line and column where it happens, when the text stops being in
  /// the file's encoding.
  std::string_view read();
  /// Everything left, at most `cap` bytes of text (a data Failure beyond).
  std::string read_all(size_t cap);
  /// The SHA-256 of every byte of the file (reads what is left).
  std::string sha256();

  const std::string& name() const { return name_; }
  /// "utf-8", "gb18030" or the name given; "utf-8" while only ASCII was read.
  std::string_view encoding() const;
  size_t bytes_read() const { return raw_bytes_; }
  /// The file's size, or 0 when unknown (standard input, pipes).
  size_t size() const { return size_; }

 private:
  struct State;
  size_t fill_raw();
  void fill_sample();
  void open(const Encoding& forced);
  void check_start();
  void decide(size_t from);
  void use(const std::string& encoding);
  std::string_view emit(size_t n);
  std::string_view read_utf8();
  std::string_view read_iconv();
  void check_lines(size_t n);
  [[noreturn]] void fail_at(std::string_view decoded, std::string code, std::string message);

  std::string name_;
  std::unique_ptr<State> state_;
  size_t raw_bytes_ = 0;
  size_t size_ = 0;
};

}  // namespace numreg::import
