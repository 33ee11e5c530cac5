#!/usr/bin/env bash
# The audit finds exactly the planted case of every rule in fixtures/audit,
# and nothing else; --fail-on turns them into exit code 1.
set -euo pipefail
NUMREG=$(realpath "$1")
SRC=${NUMREG_SOURCE_DIR:-$(dirname "$0")/../..}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export NUMREG_DB=$TMP/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=inspector
export XDG_CONFIG_HOME=$TMP/config
bash "$SRC/fixtures/audit/build.sh" "$NUMREG" "$NUMREG_DB"

"$NUMREG" --json audit >"$TMP/audit.json"
/usr/bin/python3 - "$TMP/audit.json" "$SRC/fixtures/audit/expected.tsv" <<'PY'
import json, sys
found = ["\t".join([f["rule"], f["severity"], f["entity"], f["key"], f["message"]])
         for f in json.load(open(sys.argv[1]))["findings"]]
expected = open(sys.argv[2], encoding="utf-8").read().splitlines()
missing = [e for e in expected if e not in found]
extra = [f for f in found if f not in expected]
for m in missing: print("missing:", m)
for x in extra: print("unexpected:", x)
rules = {e.split("\t")[0] for e in expected}
want = {f"R{i:03}" for i in range(1, 14)}
if rules != want: print("rules without a planted case:", sorted(want - rules))
sys.exit(1 if missing or extra or rules != want else 0)
PY

# --fail-on: errors are present, so both levels fail; R010 alone is a warning.
set +e
"$NUMREG" --quiet audit --fail-on error >/dev/null; rc_error=$?
"$NUMREG" --quiet audit --rule R010 --fail-on error >/dev/null; rc_warning_only=$?
"$NUMREG" --quiet audit --rule R010 --fail-on warning >/dev/null; rc_warning=$?
set -e
[ "$rc_error" = 1 ] || { echo "--fail-on error: exit $rc_error, expected 1"; exit 1; }
[ "$rc_warning_only" = 0 ] || { echo "R010 --fail-on error: exit $rc_warning_only, expected 0"; exit 1; }
[ "$rc_warning" = 1 ] || { echo "R010 --fail-on warning: exit $rc_warning, expected 1"; exit 1; }

# Scope: a Danzhou audit sees the Danzhou leases only (R010 and the clean one).
"$NUMREG" --json audit --region 儋州 >"$TMP/dz.json"
/usr/bin/python3 - "$TMP/dz.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["population"] == 2, d["population"]
assert sorted(d["sample"]) == ["L-OKDZ", "L-R010"], d["sample"]
keys = sorted((f["rule"], f["key"]) for f in d["findings"])
# The Danzhou holders' own findings come along: GOOD has leases there, BADCHK is registered there.
assert ("R010", "L-R010") in keys and ("R001", "91460400MA5TDR015U") in keys, keys
assert all(f["entity"] != "lease" or f["key"] in ("L-OKDZ", "L-R010") for f in d["findings"]), keys
PY
# Kind and holder: the call centre's 95 number lease alone.
"$NUMREG" --json audit --kind n95 --holder 91469007ma5tdf0204 >"$TMP/n95.json"
/usr/bin/python3 - "$TMP/n95.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["sample"] == ["L-CC95"], d["sample"]
assert sorted((f["rule"], f["key"]) for f in d["findings"]) == [("R012", "C-R012")], d["findings"]
PY
echo "audit fixtures: ok"
