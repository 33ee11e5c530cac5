#include "registry/util/spool.hpp"

#include <string>

namespace numreg {

void Spool::drain_to(std::ostream& out) {
  RecordSpool::Reader reader = pieces_.reader();
  std::string piece;
  while (reader.next(piece))
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  pieces_.clear();
}

}  // namespace numreg
