/* The bare baseline of the screening bench: a program that maps the call
 * records and checks S001 alone (is the caller inside a permitted range of
 * an active lease of the call's trunk?) by binary search over the trunks,
 * sorted, with no other rule, no summary by trunk or holder, no error
 * reporting and no checks of its input beyond what it needs not to crash.
 * numreg's screen does all seven rules; this says how far a program that
 * does one gets on the same machine in the same minutes.
 *
 *   cc -O2 -o bare_s001 bench/bare_s001.c
 *   sqlite3 -separator , REGISTRY "SELECT l.resource, p.first_key, p.last_key
 *     FROM leases l JOIN permits p ON p.lease = l.id
 *     WHERE l.status = 'active'" > permits.csv
 *   ./bare_s001 permits.csv CDRS.csv
 *
 * Prints the number of records and of callers not permitted; the time to
 * read permits.csv is left out of what it prints (it is printed apart). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A permit under the 64-bit FNV-1a hash of its trunk's ID: the binary
 * search runs over 8-byte keys (a bare program takes a hash collision for a
 * match, which numreg does not). */
typedef struct {
  uint64_t trunk;
  int64_t first, last;
} Permit;

static uint64_t fnv(const char* p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
  return h;
}

static int by_trunk(const void* a, const void* b) {
  const Permit *x = a, *y = b;
  if (x->trunk != y->trunk)
    return x->trunk < y->trunk ? -1 : 1;
  return (x->first > y->first) - (x->first < y->first);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char* map_file(const char* path, size_t* size) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    perror(path);
    exit(1);
  }
  *size = (size_t)st.st_size;
  const char* p = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) {
    perror(path);
    exit(1);
  }
  close(fd);
  return p;
}

/* The key numreg gives a canonical "+86..." caller of 13 digits: 3300, then
 * its digits. */
static int64_t caller_key(const char* p, const char* end) {
  if (end - p < 4 || p[0] != '+' || p[1] != '8' || p[2] != '6')
    return -1;
  int64_t k = 3300;
  for (++p; p < end; ++p) {
    if (*p < '0' || *p > '9')
      return -1;
    k = k * 10 + (*p - '0');
  }
  return k;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bare_s001 PERMITS.csv CDRS.csv\n");
    return 2;
  }
  double t0 = now();
  FILE* in = fopen(argv[1], "r");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  size_t n = 0, cap = 1 << 20;
  Permit* permits = malloc(cap * sizeof *permits);
  char line[256];
  while (fgets(line, sizeof line, in)) {
    if (n == cap)
      permits = realloc(permits, (cap *= 2) * sizeof *permits);
    Permit* p = &permits[n];
    char* comma = strchr(line, ',');
    if (!comma)
      continue;
    p->trunk = fnv(line, (size_t)(comma - line));
    if (sscanf(comma + 1, "%ld,%ld", &p->first, &p->last) == 2)
      ++n;
  }
  fclose(in);
  qsort(permits, n, sizeof *permits, by_trunk);
  /* The keys apart, so that the search reads 8 MB, not 24. */
  uint64_t* keys = malloc((n + 1) * sizeof *keys);
  for (size_t i = 0; i < n; ++i)
    keys[i] = permits[i].trunk;
  double t1 = now();

  size_t size;
  const char* data = map_file(argv[2], &size);
  const char* p = memchr(data, '\n', size) + 1; /* the header */
  const char* end = data + size;
  uint64_t records = 0, unpermitted = 0;
  while (p < end) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    const char* f[4];
    const char* q = p;
    for (int i = 0; i < 4; ++i) {
      const char* c = memchr(q, ',', (size_t)(eol - q));
      f[i] = c ? c : eol;
      q = c ? c + 1 : eol;
    }
    /* time,trunk,caller,...: the trunk lies between f[0] and f[1]. */
    const uint64_t trunk = fnv(f[0] + 1, (size_t)(f[1] - f[0] - 1));
    const int64_t caller = caller_key(f[1] + 1, f[2]);
    size_t lo = 0, hi = n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (keys[mid] < trunk)
        lo = mid + 1;
      else
        hi = mid;
    }
    int ok = 0;
    for (size_t i = lo; i < n && keys[i] == trunk; ++i) {
      if (permits[i].first <= caller && caller <= permits[i].last) {
        ok = 1;
        break;
      }
    }
    unpermitted += !ok;
    ++records;
    p = eol + 1;
  }
  double t2 = now();
  printf("%lu records, %lu callers not permitted (S001 with S003)\n", (unsigned long)records,
         (unsigned long)unpermitted);
  fprintf(stderr,
          "bare_s001: %.2f CPU s to load %zu permits, %.2f CPU s to check: %.0f records/s\n",
          t1 - t0, n, t2 - t1, (double)records / (t2 - t1));
  return 0;
}
