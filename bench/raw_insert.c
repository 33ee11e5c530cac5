/* The raw ceiling: insert the leases of leases.csv and their permits into a
 * numreg registry with prepared statements in one transaction, no
 * validation, no journal. Usage: raw_insert REGISTRY.db leases.csv */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kFields = 12 };

/* "0898-6600 0000" -> "+8689866000000" and its key; returns the length. */
static int canonical(const char* text, size_t n, char* out, int64_t* key) {
  char digits[32];
  int d = 0;
  for (size_t i = 0; i < n && d < 30; ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits[d++] = text[i];
  }
  digits[d] = 0;
  int len = sprintf(out, "+86%s", digits + 1);
  int64_t value = 0;
  for (int i = 0; out[i]; ++i) {
    if (out[i] != '+') value = value * 10 + (out[i] - '0');
  }
  *key = (int64_t)(len - 1 + 20) * 1000000000000000LL + value;
  return len;
}

static int bit_width(uint64_t v) {
  int w = 0;
  while (v) {
    ++w;
    v >>= 1;
  }
  return w;
}

static void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "raw_insert: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
  }
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: raw_insert REGISTRY.db leases.csv\n");
    return 64;
  }
  sqlite3* db;
  check(db, sqlite3_open(argv[1], &db), "open");
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072",
               0, 0, 0);
  FILE* in = fopen(argv[2], "r");
  if (!in) {
    perror(argv[2]);
    return 66;
  }
  sqlite3_stmt *lease, *permit;
  check(db, sqlite3_prepare_v2(db,
                               "INSERT INTO leases (id, resource, holder, carrier, location, region, "
                               "purpose, start, status, contract, verified_on) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                               -1, &lease, 0),
        "prepare");
  check(db, sqlite3_prepare_v2(db,
                               "INSERT INTO permits (lease, first, last, first_key, last_key, "
                               "span_class) VALUES (?,?,?,?,?,?)",
                               -1, &permit, 0),
        "prepare");
  sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
  char line[4096];
  long rows = 0;
  fgets(line, sizeof line, in); /* header */
  while (fgets(line, sizeof line, in)) {
    char* field[kFields];
    int n = 0;
    char* p = line;
    field[n++] = p;
    for (; *p && *p != '\n' && *p != '\r'; ++p) {
      if (*p == ',' && n < kFields) {
        *p = 0;
        field[n++] = p + 1;
      }
    }
    *p = 0;
    if (n != kFields) continue;
    for (int i = 0; i < 11; ++i) sqlite3_bind_text(lease, i + 1, field[i], -1, SQLITE_STATIC);
    check(db, sqlite3_step(lease), "insert lease");
    sqlite3_reset(lease);
    char* dots = strstr(field[11], "..");
    char first[32], last[32];
    int64_t a, b;
    int fl = canonical(field[11], (size_t)(dots - field[11]), first, &a);
    int ll = canonical(dots + 2, strlen(dots + 2), last, &b);
    sqlite3_bind_text(permit, 1, field[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(permit, 2, first, fl, SQLITE_STATIC);
    sqlite3_bind_text(permit, 3, last, ll, SQLITE_STATIC);
    sqlite3_bind_int64(permit, 4, a);
    sqlite3_bind_int64(permit, 5, b);
    sqlite3_bind_int(permit, 6, bit_width((uint64_t)(b - a)));
    check(db, sqlite3_step(permit), "insert permit");
    sqlite3_reset(permit);
    ++rows;
  }
  check(db, sqlite3_exec(db, "COMMIT", 0, 0, 0), "commit");
  sqlite3_finalize(lease);
  sqlite3_finalize(permit);
  sqlite3_close(db);
  printf("%ld\n", rows);
  return 0;
}
