// Files numreg writes for people (exports, audit sheets): written beside
// the target and renamed over it once whole, so that a failure midway
// leaves no half-written file and the old one, if any, as it was.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace numreg::cli {

/// Write `path` through `write`, which writes the file named by its
/// argument (a temporary one beside `path`); renamed to `path` once
/// `write` returns. cant_create (73) when the file cannot be made, io (74)
/// when it cannot be written.
void write_file_whole(const std::string& path,
                      const std::function<void(const std::string&)>& write);

/// As write_file_whole, for a writer of a stream (binary mode).
void write_stream_whole(const std::string& path, const std::function<void(std::ostream&)>& write);

/// The io Failure for a file (or "standard output") that could not be written.
[[noreturn]] void cannot_write(const std::string& path);

}  // namespace numreg::cli
