#include "cli/output_file.hpp"

#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "registry/error.hpp"

namespace numreg::cli {

void cannot_write(const std::string& path) {
  throw Failure(make_error(ErrorKind::io, "file-write", fmt::format("cannot write {}", path)));
}

void write_file_whole(const std::string& path,
                      const std::function<void(const std::string&)>& write) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream probe(tmp, std::ios::binary | std::ios::trunc);
    if (!probe) {
      throw Failure(
          make_error(ErrorKind::cant_create, "file-create", fmt::format("cannot create {}", path)));
    }
  }
  try {
    write(tmp);
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    cannot_write(path);
  }
}

void write_stream_whole(const std::string& path, const std::function<void(std::ostream&)>& write) {
  write_file_whole(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out)
      cannot_write(path);
  });
}

}  // namespace numreg::cli
