/* The raw ceiling: insert the leases of leases.csv and their permits into a
 * numreg registry with prepared statements in one transaction, no
 * validation, no journal. With "journal", also a journal row per lease of
 * numreg's size (the lease as JSON, two 64-digit hashes, its batch), written
 * after the leases as numreg writes them, but neither chained nor hashed:
 * SQLite's own cost of what numreg stores.
 * Usage: raw_insert REGISTRY.db leases.csv [journal] */
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
    if (text[i] >= '0' && text[i] <= '9')
      digits[d++] = text[i];
  }
  digits[d] = 0;
  int len = sprintf(out, "+86%s", digits + 1);
  int64_t value = 0;
  for (int i = 0; out[i]; ++i) {
    if (out[i] != '+')
      value = value * 10 + (out[i] - '0');
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

/* Split a CSV line of the generator (no quotes) into kFields fields. */
static int split(char* line, char** field) {
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
  return n;
}

/* A journal row per lease of leases.csv, read again from the start. */
static void journal(sqlite3* db, FILE* in) {
  static const char* names[kFields] = {"id",       "resource", "holder",      "carrier",
                                       "location", "region",   "purpose",     "start",
                                       "status",   "contract", "verified_on", "permitted_callers"};
  sqlite3_stmt* st;
  int64_t seq = 0;
  sqlite3_stmt* last;
  check(db, sqlite3_prepare_v2(db, "SELECT coalesce(max(seq), 0) FROM journal", -1, &last, 0),
        "prepare");
  if (sqlite3_step(last) == SQLITE_ROW)
    seq = sqlite3_column_int64(last, 0);
  sqlite3_finalize(last);
  check(db,
        sqlite3_prepare_v2(db,
                           "INSERT INTO journal (seq, time, actor, action, entity, key, "
                           "before, after, reason, batch, prev_hash, hash) "
                           "VALUES (?,?,?,?,?,?,NULL,?,NULL,?,?,?)",
                           -1, &st, 0),
        "prepare");
  char line[4096], after[8192], prev[65], hash[65];
  memset(prev, '0', 64);
  prev[64] = 0;
  rewind(in);
  fgets(line, sizeof line, in); /* header */
  while (fgets(line, sizeof line, in)) {
    char* field[kFields];
    if (split(line, field) != kFields)
      continue;
    int len = 0;
    for (int i = 0; i < kFields; ++i)
      len += snprintf(after + len, sizeof after - len, "%s\"%s\":\"%s\"", i ? "," : "{", names[i],
                      field[i]);
    snprintf(after + len, sizeof after - len, "}");
    ++seq;
    snprintf(hash, sizeof hash, "%064lld", (long long)seq);
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, "2026-11-29T09:30:00Z", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, "bench", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, "add", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, "lease", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, field[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, after, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, "20261129T093000Z-0a1b2c3d", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, prev, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, hash, -1, SQLITE_STATIC);
    check(db, sqlite3_step(st), "insert journal");
    sqlite3_reset(st);
    memcpy(prev, hash, 65);
  }
  sqlite3_finalize(st);
}

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 4 && strcmp(argv[3], "journal") == 0)) {
    fprintf(stderr, "usage: raw_insert REGISTRY.db leases.csv [journal]\n");
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
  check(db,
        sqlite3_prepare_v2(db,
                           "INSERT INTO leases (id, resource, holder, carrier, location, region, "
                           "purpose, start, status, contract, verified_on) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &lease, 0),
        "prepare");
  check(db,
        sqlite3_prepare_v2(db,
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
    if (split(line, field) != kFields)
      continue;
    for (int i = 0; i < 11; ++i)
      sqlite3_bind_text(lease, i + 1, field[i], -1, SQLITE_STATIC);
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
  if (argc == 4)
    journal(db, in);
  check(db, sqlite3_exec(db, "COMMIT", 0, 0, 0), "commit");
  sqlite3_finalize(lease);
  sqlite3_finalize(permit);
  sqlite3_close(db);
  printf("%ld\n", rows);
  return 0;
}
