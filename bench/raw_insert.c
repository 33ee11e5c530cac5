/* The raw ceiling: insert the leases of leases.csv and their permits into a
 * numreg registry with prepared statements in one transaction, no
 * validation, no journal. With "journal", also the journal numreg writes for
 * them (schema 2: blocks of 256 entries, the lease as JSON, compressed;
 * each entry's key row; the batch), written after the leases as numreg
 * writes them, but neither chained nor hashed: SQLite's and zlib's own cost
 * of what numreg stores.
 * With --mix, the rows of a mix (holders, resources and leases CSV files as
 * bench/generate.py writes them, each file's kind told by its name) go into
 * the same tables in one transaction, as numreg stores them but unvalidated:
 * empty cells as NULL, a 400/95/96 resource's key range, a lease's permitted
 * callers as permits rows; no journal.
 * Usage: raw_insert REGISTRY.db leases.csv [journal]
 *        raw_insert REGISTRY.db --mix FILE... */
#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { kFields = 12, kBlockEntries = 256 };

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

/* One block's stored bytes as numreg encodes them (journal_block.cpp):
 * version '1', then every entry's action, entity, key, before and after,
 * column by column, each as its length, ':' and its bytes ('-' for none),
 * compressed with zlib at Z_BEST_SPEED. */
struct Block {
  int count;
  char keys[kBlockEntries][64];
  char* afters[kBlockEntries];
  char* text;
  size_t text_size;
  unsigned char* bytes;
  uLongf bytes_size;
};

static size_t put_field(char* out, const char* s) {
  return (size_t)sprintf(out, "%zu:%s", strlen(s), s);
}

static void encode(struct Block* b) {
  size_t need = 1 + 64;
  for (int i = 0; i < b->count; ++i)
    need += 3 * 32 + strlen(b->keys[i]) + strlen(b->afters[i]) + 24;
  if (need > b->text_size) {
    b->text_size = need * 2;
    b->text = realloc(b->text, b->text_size);
  }
  size_t n = 0;
  b->text[n++] = '1';
  for (int i = 0; i < b->count; ++i)
    n += put_field(b->text + n, "add");
  for (int i = 0; i < b->count; ++i)
    n += put_field(b->text + n, "lease");
  for (int i = 0; i < b->count; ++i)
    n += put_field(b->text + n, b->keys[i]);
  for (int i = 0; i < b->count; ++i)
    b->text[n++] = '-';
  for (int i = 0; i < b->count; ++i)
    n += put_field(b->text + n, b->afters[i]);
  b->bytes_size = compressBound((uLong)n);
  b->bytes = realloc(b->bytes, b->bytes_size);
  if (compress2(b->bytes, &b->bytes_size, (const Bytef*)b->text, (uLong)n, Z_BEST_SPEED) != Z_OK) {
    fprintf(stderr, "raw_insert: zlib failed\n");
    exit(1);
  }
}

/* The journal of the leases of leases.csv, read again from the start, as
 * numreg now stores it: blocks of kBlockEntries entries (journal_blocks),
 * each entry's (entity, key, seq) in journal_keys, the batch once in
 * journal_batches. A block's hash is a placeholder: nothing is chained or
 * hashed. */
static void journal(sqlite3* db, FILE* in) {
  static const char* names[kFields] = {"id",       "resource", "holder",      "carrier",
                                       "location", "region",   "purpose",     "start",
                                       "status",   "contract", "verified_on", "permitted_callers"};
  sqlite3_stmt *block, *key, *last;
  int64_t seq = 0;
  check(db,
        sqlite3_prepare_v2(db, "SELECT coalesce(max(first_seq + count - 1), 0) FROM journal_blocks",
                           -1, &last, 0),
        "prepare");
  if (sqlite3_step(last) == SQLITE_ROW)
    seq = sqlite3_column_int64(last, 0);
  sqlite3_finalize(last);
  check(db,
        sqlite3_exec(db, "INSERT INTO journal_batches (name) VALUES ('20261129T093000Z-0a1b2c3d')",
                     0, 0, 0),
        "insert batch");
  int64_t batch = sqlite3_last_insert_rowid(db);
  check(db,
        sqlite3_prepare_v2(db,
                           "INSERT INTO journal_blocks (first_seq, count, time, actor, reason, "
                           "batch, entities, entries, hash) VALUES (?,?,?,?,NULL,?,?,?,?)",
                           -1, &block, 0),
        "prepare");
  check(db,
        sqlite3_prepare_v2(db, "INSERT INTO journal_keys (entity, key, seq) VALUES (?,?,?)", -1,
                           &key, 0),
        "prepare");
  static struct Block b;
  char line[4096], hash[65];
  rewind(in);
  fgets(line, sizeof line, in); /* header */
  int more = 1;
  while (more) {
    b.count = 0;
    while (b.count < kBlockEntries && (more = fgets(line, sizeof line, in) != 0)) {
      char* field[kFields];
      if (split(line, field) != kFields)
        continue;
      char after[8192];
      int len = 0;
      for (int i = 0; i < kFields; ++i)
        len += snprintf(after + len, sizeof after - len, "%s\"%s\":\"%s\"", i ? "," : "{", names[i],
                        field[i]);
      snprintf(after + len, sizeof after - len, "}");
      snprintf(b.keys[b.count], sizeof b.keys[0], "%s", field[0]);
      free(b.afters[b.count]);
      b.afters[b.count] = strdup(after);
      ++b.count;
    }
    if (b.count == 0)
      break;
    encode(&b);
    snprintf(hash, sizeof hash, "%064lld", (long long)(seq + b.count));
    sqlite3_bind_int64(block, 1, seq + 1);
    sqlite3_bind_int(block, 2, b.count);
    sqlite3_bind_text(block, 3, "2026-11-29T09:30:00Z", -1, SQLITE_STATIC);
    sqlite3_bind_text(block, 4, "bench", -1, SQLITE_STATIC);
    sqlite3_bind_int64(block, 5, batch);
    sqlite3_bind_text(block, 6, "lease", -1, SQLITE_STATIC);
    sqlite3_bind_blob(block, 7, b.bytes, (int)b.bytes_size, SQLITE_STATIC);
    sqlite3_bind_text(block, 8, hash, -1, SQLITE_STATIC);
    check(db, sqlite3_step(block), "insert journal block");
    sqlite3_reset(block);
    for (int i = 0; i < b.count; ++i) {
      sqlite3_bind_text(key, 1, "lease", -1, SQLITE_STATIC);
      sqlite3_bind_text(key, 2, b.keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64(key, 3, seq + 1 + i);
      check(db, sqlite3_step(key), "insert journal key");
      sqlite3_reset(key);
    }
    seq += b.count;
  }
  sqlite3_finalize(block);
  sqlite3_finalize(key);
}

/* --mix ---------------------------------------------------------------- */

enum { kMaxColumns = 16 };

/* A number as the mix writes it ("0898-2300 1200", "(0898) 23001200",
 * "089823001200", "+86 898 2300 1200", or a bare 400/95/96 number) ->
 * canonical text and key (Number::key); returns the length. */
static int mix_canonical(const char* text, size_t n, char* out, int64_t* key) {
  char digits[32];
  int d = 0, plus = 0;
  for (size_t i = 0; i < n && d < 30; ++i) {
    if (text[i] >= '0' && text[i] <= '9')
      digits[d++] = text[i];
    plus |= text[i] == '+';
  }
  digits[d] = 0;
  int len = digits[0] == '0' ? sprintf(out, "+86%s", digits + 1)
            : plus           ? sprintf(out, "+%s", digits)
                             : sprintf(out, "%s", digits);
  int64_t value = 0;
  int count = 0;
  for (int i = 0; out[i]; ++i) {
    if (out[i] != '+') {
      value = value * 10 + (out[i] - '0');
      ++count;
    }
  }
  *key = (int64_t)(count + (out[0] == '+' ? 20 : 0)) * 1000000000000000LL + value;
  return len;
}

/* Split a CSV line of the generator (no quoted fields); returns the count. */
static int split_mix(char* line, char** field) {
  int n = 0;
  char* p = line;
  field[n++] = p;
  for (; *p && *p != '\n' && *p != '\r'; ++p) {
    if (*p == ',') {
      if (n == kMaxColumns)
        return -1;
      *p = 0;
      field[n++] = p + 1;
    }
  }
  *p = 0;
  return n;
}

struct Mix {
  sqlite3* db;
  sqlite3_stmt* permit;
  sqlite3_stmt* span;
  char seen[2][64]; /* span classes noted: resources, permits */
};

static void note_span(struct Mix* m, int table, int c) {
  if (m->seen[table][c])
    return;
  m->seen[table][c] = 1;
  sqlite3_bind_text(m->span, 1, table ? "permits" : "resources", -1, SQLITE_STATIC);
  sqlite3_bind_int(m->span, 2, c);
  check(m->db, sqlite3_step(m->span), "insert span class");
  sqlite3_reset(m->span);
}

/* The permits of a lease: "A..B;C;..." */
static void insert_permits(struct Mix* m, const char* lease, char* callers) {
  for (char* item = strtok(callers, ";"); item; item = strtok(0, ";")) {
    char* dots = strstr(item, "..");
    size_t n = dots ? (size_t)(dots - item) : strlen(item);
    const char* last_text = dots ? dots + 2 : item;
    char first[32], last[32];
    int64_t a, b;
    int fl = mix_canonical(item, n, first, &a);
    int ll = mix_canonical(last_text, strlen(last_text), last, &b);
    int c = bit_width((uint64_t)(b - a));
    sqlite3_bind_text(m->permit, 1, lease, -1, SQLITE_STATIC);
    sqlite3_bind_text(m->permit, 2, first, fl, SQLITE_STATIC);
    sqlite3_bind_text(m->permit, 3, last, ll, SQLITE_STATIC);
    sqlite3_bind_int64(m->permit, 4, a);
    sqlite3_bind_int64(m->permit, 5, b);
    sqlite3_bind_int(m->permit, 6, c);
    check(m->db, sqlite3_step(m->permit), "insert permit");
    sqlite3_reset(m->permit);
    note_span(m, 1, c);
  }
}

/* One file of the mix; returns its rows. */
static long insert_file(struct Mix* m, const char* path) {
  const char* base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  const char* table = strncmp(base, "holders", 7) == 0     ? "holders"
                      : strncmp(base, "resources", 9) == 0 ? "resources"
                      : strncmp(base, "leases", 6) == 0    ? "leases"
                                                           : 0;
  FILE* in = fopen(path, "r");
  if (!table || !in) {
    fprintf(stderr, "raw_insert: %s: %s\n", path,
            in ? "not a holders, resources or leases file" : strerror(errno));
    exit(66);
  }
  char header[1024], line[8192], sql[2048];
  char* name[kMaxColumns];
  if (!fgets(header, sizeof header, in))
    return 0;
  int columns = split_mix(header, name);
  int callers = -1, international = -1, kind = -1;
  int len = sprintf(sql, "INSERT INTO %s (", table);
  int marks = 0;
  for (int i = 0; i < columns; ++i) {
    if (strcmp(name[i], "permitted_callers") == 0) {
      callers = i;
      continue;
    }
    international = strcmp(name[i], "international") == 0 ? i : international;
    kind = strcmp(name[i], "kind") == 0 ? i : kind;
    len += sprintf(sql + len, "%s\"%s\"", marks++ ? ", " : "", name[i]);
  }
  int is_resources = strcmp(table, "resources") == 0;
  if (is_resources)
    len += sprintf(sql + len, ", first_key, last_key, span_class");
  len += sprintf(sql + len, ") VALUES (?");
  for (int i = 1; i < marks + (is_resources ? 3 : 0); ++i)
    len += sprintf(sql + len, ", ?");
  sprintf(sql + len, ")");
  sqlite3_stmt* st;
  check(m->db, sqlite3_prepare_v2(m->db, sql, -1, &st, 0), "prepare");
  long rows = 0;
  while (fgets(line, sizeof line, in)) {
    char* field[kMaxColumns];
    if (split_mix(line, field) != columns) {
      fprintf(stderr, "raw_insert: %s: row %ld has another number of fields\n", path, rows + 2);
      exit(65);
    }
    int at = 1;
    for (int i = 0; i < columns; ++i) {
      if (i == callers)
        continue;
      if (i == international)
        sqlite3_bind_int(st, at++, strcmp(field[i], "true") == 0);
      else if (field[i][0])
        sqlite3_bind_text(st, at++, field[i], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null(st, at++);
    }
    int number = is_resources && field[kind][0] == 'n';
    if (number) {
      char canonical_id[32];
      int64_t key;
      mix_canonical(field[0], strlen(field[0]), canonical_id, &key);
      sqlite3_bind_int64(st, at++, key);
      sqlite3_bind_int64(st, at++, key);
      sqlite3_bind_int(st, at++, 0);
    } else if (is_resources) {
      for (int i = 0; i < 3; ++i)
        sqlite3_bind_null(st, at++);
    }
    check(m->db, sqlite3_step(st), "insert");
    sqlite3_reset(st);
    if (number)
      note_span(m, 0, 0);
    if (callers >= 0 && field[callers][0])
      insert_permits(m, field[0], field[callers]);
    ++rows;
  }
  sqlite3_finalize(st);
  fclose(in);
  return rows;
}

static int insert_mix(const char* registry, int files, char** paths) {
  struct Mix m;
  memset(&m, 0, sizeof m);
  check(m.db, sqlite3_open(registry, &m.db), "open");
  sqlite3_exec(m.db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072", 0,
               0, 0);
  check(m.db,
        sqlite3_prepare_v2(m.db,
                           "INSERT INTO permits (lease, first, last, first_key, last_key, "
                           "span_class) VALUES (?,?,?,?,?,?)",
                           -1, &m.permit, 0),
        "prepare");
  check(m.db,
        sqlite3_prepare_v2(m.db, "INSERT OR IGNORE INTO span_classes (tbl, class) VALUES (?, ?)",
                           -1, &m.span, 0),
        "prepare");
  check(m.db, sqlite3_exec(m.db, "BEGIN IMMEDIATE", 0, 0, 0), "begin");
  long rows = 0;
  for (int i = 0; i < files; ++i)
    rows += insert_file(&m, paths[i]);
  check(m.db, sqlite3_exec(m.db, "COMMIT", 0, 0, 0), "commit");
  sqlite3_finalize(m.permit);
  sqlite3_finalize(m.span);
  sqlite3_close(m.db);
  printf("%ld\n", rows);
  return 0;
}

int main(int argc, char** argv) {
  if (argc >= 4 && strcmp(argv[2], "--mix") == 0)
    return insert_mix(argv[1], argc - 3, argv + 3);
  if (argc != 3 && !(argc == 4 && strcmp(argv[3], "journal") == 0)) {
    fprintf(stderr,
            "usage: raw_insert REGISTRY.db leases.csv [journal]\n"
            "       raw_insert REGISTRY.db --mix FILE...\n");
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
