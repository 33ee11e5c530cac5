// A server-side cursor over a query, fetched a chunk of rows at a time, so a
// read of a million rows never holds them all in libpq's memory. It reads
// its current row as SQLite's Statement does (step, then the columns).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

class ChunkCursor {
 public:
  /// Rows fetched per round trip: a few megabytes of leases at most.
  static constexpr int kChunk = 8192;

  /// Declare a cursor over `sql` (with `params`), inside the transaction
  /// under way, or in a read-only one of its own when there is none.
  ChunkCursor(Connection& db, std::string_view sql, const Params& params = {})
      : db_(db), name_(fmt::format("numreg_cursor_{}", ++opened_)) {
    if (PQtransactionStatus(db_.handle()) == PQTRANS_IDLE) {
      db_.script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      own_transaction_ = true;
    }
    try {
      db_.exec(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", name_, sql), params);
    } catch (...) {
      // No destructor runs for a constructor that throws: end the
      // transaction it began, or the connection stays in a failed one.
      if (own_transaction_)
        PQclear(PQexec(db_.handle(), "ROLLBACK"));
      throw;
    }
  }
  ChunkCursor(const ChunkCursor&) = delete;
  ChunkCursor& operator=(const ChunkCursor&) = delete;
  ~ChunkCursor() {
    PGTransactionStatusType status = PQtransactionStatus(db_.handle());
    std::string end;
    if (own_transaction_ && status != PQTRANS_IDLE) {
      end = status == PQTRANS_INTRANS ? "COMMIT" : "ROLLBACK";  // a failed FETCH: roll back
    } else if (!own_transaction_ && status == PQTRANS_INTRANS) {
      end = fmt::format("CLOSE {}", name_);
    } else {
      return;
    }
    PQclear(PQexec(db_.handle(), end.c_str()));
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

  /// The current row.
  const Result& row() const { return *chunk_; }
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
  bool own_transaction_ = false;
  std::optional<Result> chunk_;
  int rows_ = 0;
  int row_ = -1;
  bool done_ = false;
  static inline int opened_ = 0;
};

}  // namespace numreg::store::pg
