#!/usr/bin/env bash
# The storage seam stays: no SQL statement, no SQLite or libpq call outside
# registry/store/ (issue 14). The core reaches its registry through
# store::Store only (registry/store/store.hpp); a new query goes there.
set -euo pipefail
cd "${NUMREG_SOURCE_DIR:?}"
found=$(grep -rnE 'sqlite3_[a-z_]+\(|\bPQ[a-zA-Z]+\(|"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b' \
  --include='*.cpp' --include='*.hpp' registry cli | grep -v '^registry/store/' || true)
# SQL built up in pieces, and the SQLite layer's own types, outside the store.
pieces=$(grep -rnE '"[^"]*\b(WHERE|JOIN|ORDER BY|GROUP BY) |store::(Database|Statement|Transaction)\b|store::pg::|sqlite3\.h|libpq-fe\.h|registry/store/pg/|registry/store/(database|records|ranges|migrate|replay|screen_source|sqlite_store)\.hpp' \
  --include='*.cpp' --include='*.hpp' registry cli | grep -v '^registry/store/' || true)
if [[ -n "$found$pieces" ]]; then
  echo "SQL, SQLite or libpq outside registry/store/ (move it behind store::Store):" >&2
  printf '%s\n' "$found" "$pieces" | sed '/^$/d' >&2
  exit 1
fi
echo "ok: no SQL outside registry/store/"
