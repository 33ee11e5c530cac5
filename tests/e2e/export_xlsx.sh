#!/usr/bin/env bash
# `numreg export KIND --format xlsx` for every kind: the workbook opens in
# openpyxl (Debian python3-openpyxl), holds exactly the CSV export's cells
# (dates as dates, integers as numbers, every other cell a typed string, never
# a formula), keeps the header frozen and filtered, masks personal data unless
# --unmask, and comes out whole on a pipe; a workbook is refused on a terminal.
set -euo pipefail
NUMREG=$(realpath "$1")
SRC=${NUMREG_SOURCE_DIR:-$(dirname "$0")/../..}
source "$SRC/tests/e2e/audit_fixture_lib.bash"

kinds="holders credentials resources leases permits contracts campaigns refusals"
for k in $kinds; do
  "$NUMREG" --quiet export "$k" -o "$TMP/$k.xlsx"
  "$NUMREG" --quiet export "$k" -o "$TMP/$k.csv"
done
"$NUMREG" --quiet export holders --unmask --reason "e2e" -o "$TMP/holders-clear.xlsx"
"$NUMREG" --quiet export holders --unmask --reason "e2e" -o "$TMP/holders-clear.csv"
"$NUMREG" export leases --format xlsx > "$TMP/piped.xlsx"

/usr/bin/python3 - "$TMP" $kinds <<'PY'
import csv, datetime, sys
import openpyxl
tmp, kinds = sys.argv[1], sys.argv[2:]

def text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        assert v.time() == datetime.time(0), v
        return v.date().isoformat()
    if isinstance(v, (int, float)):
        assert float(v).is_integer(), v
        return str(int(v))
    return v

def check(book, sheet_csv, name):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == [name], wb.sheetnames
    ws = wb[name]
    assert ws.freeze_panes == "A2", ws.freeze_panes
    assert ws.auto_filter.ref, name
    # Printed on A4 landscape one page wide, the header row on every page.
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape", name
    assert ws.sheet_properties.pageSetUpPr.fitToPage, name
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0, name
    assert ws.print_title_rows == "$1:$1", (name, ws.print_title_rows)
    assert ws.oddHeader.left.text.startswith(f"numreg export {name} ("), ws.oddHeader.left.text
    assert ws.oddFooter.left.text.startswith("journal head "), ws.oddFooter.left.text
    rows = list(ws.iter_rows())
    for row in rows:
        for cell in row:
            assert cell.data_type != "f", (name, cell.coordinate, cell.value)
    got = [[text(c.value) for c in row] for row in rows]
    want = list(csv.reader(open(sheet_csv, newline="", encoding="utf-8")))
    assert got == want, (name, got[:3], want[:3])
    return rows

total = 0
for k in kinds:
    rows = check(f"{tmp}/{k}.xlsx", f"{tmp}/{k}.csv", k)
    total += len(rows) - 1
    header = [c.value for c in rows[0]]
    for row in rows[1:]:
        cells = dict(zip(header, row))
        for field in ("start", "end", "valid_from", "valid_to", "date", "verified_on"):
            if field in cells and cells[field].value is not None:
                assert cells[field].is_date, (k, field, cells[field].value)
        for field in ("first", "last", "number", "permitted_callers", "uscc", "holder"):
            if field in cells and cells[field].value is not None:
                assert cells[field].data_type == "s", (k, field, cells[field].value)
check(f"{tmp}/holders-clear.xlsx", f"{tmp}/holders-clear.csv", "holders")
masked = open(f"{tmp}/holders.csv", encoding="utf-8").read()
clear = open(f"{tmp}/holders-clear.csv", encoding="utf-8").read()
assert "****" in masked and masked != clear
check(f"{tmp}/piped.xlsx", f"{tmp}/leases.csv", "leases")
hyperlink = [c for row in openpyxl.load_workbook(f"{tmp}/leases.xlsx")["leases"].iter_rows()
             for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
assert len(hyperlink) == 1 and hyperlink[0].data_type == "s", hyperlink
assert total > 30, total
print("export xlsx ok:", len(kinds), "kinds,", total, "records")
PY

# On a terminal the workbook is refused, and nothing is written to it.
if command -v script >/dev/null; then
  script -qec "'$NUMREG' export leases --format xlsx" /dev/null > "$TMP/tty.txt" 2>&1 || true
  grep -q "an XLSX workbook is binary: give -o FILE.xlsx or redirect standard output to a file" \
    "$TMP/tty.txt" || { cat "$TMP/tty.txt"; exit 1; }
  if grep -q "PK" "$TMP/tty.txt"; then echo "workbook bytes reached the terminal"; exit 1; fi
fi
# A workbook that cannot be created is exit 73 with the file the user named.
rc=0
"$NUMREG" --quiet export leases -o "$TMP/missing/leases.xlsx" 2> "$TMP/err.txt" || rc=$?
[ "$rc" = 73 ] || { echo "exit $rc, expected 73"; exit 1; }
grep -qx "numreg: error: cannot create $TMP/missing/leases.xlsx" "$TMP/err.txt" || { cat "$TMP/err.txt"; exit 1; }
# No temporary file is left beside a finished one.
[ -z "$(find "$TMP" -name '*.tmp')" ] || { find "$TMP" -name '*.tmp'; exit 1; }
echo "export xlsx: ok"
