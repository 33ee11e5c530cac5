// Reading the permit index of a screening run out of a PostgreSQL registry:
// the same ordered scans as SQLite's, each through a server-side cursor
// fetched a chunk at a time, all in one read snapshot. The leases, permits
// and contracts cursors are open together and walked side by side, so no
// whole result set is ever held in memory.
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "registry/store/pg/pg_store.hpp"
#include "registry/store/screen_loader.hpp"

namespace numreg::store::pg {

namespace {

// Rows fetched per round trip: a few megabytes of leases at most.
constexpr int kChunk = 8192;

// A server-side cursor over `sql`, read a chunk at a time; it reads its
// current row as SQLite's Statement does. Lives inside a transaction.
class ChunkCursor {
 public:
  ChunkCursor(Connection& db, std::string_view sql)
      : db_(db), name_(fmt::format("numreg_screen_{}", ++opened_)) {
    db_.script(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", name_, sql));
  }
  ChunkCursor(const ChunkCursor&) = delete;
  ChunkCursor& operator=(const ChunkCursor&) = delete;
  ~ChunkCursor() {
    if (PQtransactionStatus(db_.handle()) == PQTRANS_INTRANS)
      PQclear(PQexec(db_.handle(), fmt::format("CLOSE {}", name_).c_str()));
  }

  bool step() {
    if (++row_ < rows_) {
      chunk_->at(row_);
      return true;
    }
    if (done_)
      return false;
    chunk_.reset();  // the previous chunk goes before the next one comes
    chunk_.emplace(db_.exec(fmt::format("FETCH FORWARD {} FROM {}", kChunk, name_)));
    rows_ = chunk_->rows();
    row_ = 0;
    done_ = rows_ < kChunk;
    if (rows_ == 0)
      return false;
    chunk_->at(0);
    return true;
  }

  bool is_null(int column) const { return chunk_->is_null(column); }
  std::string text(int column) const { return chunk_->text(column); }
  std::string_view view(int column) const { return chunk_->view(column); }
  int64_t integer(int column) const { return chunk_->integer(column); }
  std::optional<std::string> optional_text(int column) const {
    return chunk_->optional_text(column);
  }

 private:
  Connection& db_;
  std::string name_;
  std::optional<Result> chunk_;
  int rows_ = 0;
  int row_ = -1;
  bool done_ = false;
  static inline int opened_ = 0;
};

}  // namespace

screen::ScreenIndex PgStore::load_screen_index() {
  ReadSnapshot snapshot(*this);  // one snapshot for all the scans
  return screen_loading::load<ChunkCursor>(*db_);
}

}  // namespace numreg::store::pg
