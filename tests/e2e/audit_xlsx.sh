#!/usr/bin/env bash
# The XLSX audit sheet opens in openpyxl (Debian python3-openpyxl) with its
# three sheets, typed cells, no formula, a frozen filtered header, Chinese
# headers with --lang zh, and the same content as the JSON sheet; each sheet
# is set up to print (audit_print.sh prints it).
set -euo pipefail
NUMREG=$(realpath "$1")
SRC=${NUMREG_SOURCE_DIR:-$(dirname "$0")/../..}
source "$SRC/tests/e2e/audit_fixture_lib.bash"

"$NUMREG" --quiet audit --sample gb2828:II:1.0 --seed 2026 -o "$TMP/sheet.xlsx"
"$NUMREG" --quiet audit --sample gb2828:II:1.0 --seed 2026 -o "$TMP/sheet.json"
"$NUMREG" --quiet --lang zh audit --sample gb2828:II:1.0 --seed 2026 -o "$TMP/zh.xlsx"
/usr/bin/python3 - "$TMP/sheet.xlsx" "$TMP/sheet.json" "$TMP/zh.xlsx" <<'PY'
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2]))
assert wb.sheetnames == ["Summary", "Sample", "Findings"], wb.sheetnames
for ws in wb:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref, ws.title
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
            assert not (isinstance(cell.value, str) and cell.value.startswith("=")
                        and cell.data_type != "s"), (ws.title, cell.coordinate)
summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)}
assert summary["Seed"] == "2026" and summary["Plan"] == "gb2828:II:1.0", summary
assert summary["Population"] == doc["population"] == 19, summary
assert summary["Sample size"] == len(doc["sample"]), summary
assert summary["Code letter"] == "C" and summary["Ac"] == 0 and summary["Re"] == 1, summary
assert summary["Journal head"] == doc["journal_head"], summary
assert isinstance(summary["As of"], datetime.datetime), summary["As of"]
sample = wb["Sample"]
header = [c.value for c in sample[1]]
assert header[:2] == ["Rank", "Lease"] and header[-5:] == [
    "Location confirmed", "Contract sighted", "Callers confirmed", "Notes", "Signature"], header
for ws in wb:  # plan and seed head every printed page
    assert "plan gb2828:II:1.0; seed 2026" in ws.oddHeader.left.text, ws.oddHeader.left.text
    # A4 landscape, one page wide (the Summary on one page), the header row on
    # every page, the journal head and "page N of M" at the foot.
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape", ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    # (1, the default, is left out of the file and reads as None)
    assert ws.page_setup.fitToWidth in (None, 1), (ws.title, ws.page_setup.fitToWidth)
    assert ws.page_setup.fitToHeight in ((None, 1) if ws.title == "Summary" else (0,)), ws.title
    assert ws.print_title_rows == "$1:$1", (ws.title, ws.print_title_rows)
    assert ws.oddFooter.left.text == "journal head " + doc["journal_head"][:12], ws.oddFooter.left.text
    assert ws.oddFooter.right.text == "page &P of &N", ws.oddFooter.right.text
    assert all(cell.alignment.wrap_text for cell in ws[2] if isinstance(cell.value, str)), ws.title
leases = [r[1].value for r in sample.iter_rows(min_row=2)]
assert leases == doc["sample"], (leases, doc["sample"])
assert [r["lease"] for r in doc["sample_rows"]] == leases
# Long text wraps in its column (the holder's name among it); the
# inspector's Notes and Signature are wide enough to write in.
assert sample["C2"].alignment.wrap_text, sample["C2"].alignment
assert sample.column_dimensions["W"].width > 25 and sample.column_dimensions["X"].width >= 20
findings = [(r[0].value, r[3].value, r[4].value) for r in wb["Findings"].iter_rows(min_row=2)]
assert findings == [(f["rule"], f["key"], f["message"]) for f in doc["findings"]], findings
location = [r[header.index("Access location")].value for r in sample.iter_rows(min_row=2)]
zh = openpyxl.load_workbook(sys.argv[3])
for ws in zh:  # the page header and footer in Chinese
    assert "抽样方案 gb2828:II:1.0；随机种子 2026" in ws.oddHeader.left.text, ws.oddHeader.left.text
    assert ws.oddFooter.left.text.startswith("日志链头 "), ws.oddFooter.left.text
    assert ws.oddFooter.right.text == "第 &P 页，共 &N 页", ws.oddFooter.right.text
assert [c.value for c in zh["Sample"][1]][:3] == ["序号", "接入编号", "使用主体"]
assert zh["Summary"]["A2"].value == "范围"
# Values and finding texts read in Chinese too: 营销, 警告, not marketing, warning.
zh_header = [c.value for c in zh["Sample"][1]]
for name in ("主体类型", "资源类型", "用途"):
    cells = [r[zh_header.index(name)].value for r in zh["Sample"].iter_rows(min_row=2)]
    assert cells and all(v is None or not v.isascii() for v in cells), (name, cells)
zh_findings = list(zh["Findings"].iter_rows(min_row=2, values_only=True))
assert zh_findings and all(not f[1].isascii() and not f[4].isascii() for f in zh_findings), zh_findings
print("sheet ok:", len(leases), "sampled,", len(findings), "findings")
PY

# The formula-looking location, when sampled, stays a string.
"$NUMREG" --quiet audit --sample 100 --seed 1 -o "$TMP/all.xlsx"
/usr/bin/python3 - "$TMP/all.xlsx" <<'PY'
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Sample"]
cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
assert len(cells) == 1 and cells[0].data_type == "s", [(c.coordinate, c.data_type) for c in cells]
PY
# A scope too long for a page header (Excel takes 255 characters) is cut,
# the date, plan and seed before it kept whole.
scope=()
for r in 460100 460200 460300 460400 469001 469002 469005 469006 469007 469021 469022 469023; do
  scope+=(--region $r)
done
for r in R001 R002 R003 R004 R005 R006 R007 R008 R009 R010 R011 R012 R013; do scope+=(--rule $r); done
"$NUMREG" --quiet audit "${scope[@]}" --sample 5 --seed 7 -o "$TMP/long.xlsx"
"$NUMREG" --quiet --lang zh audit "${scope[@]}" --sample 5 --seed 7 -o "$TMP/long-zh.xlsx"
/usr/bin/python3 - "$TMP/long.xlsx" "$TMP/long-zh.xlsx" <<'PY'
import sys
import openpyxl
for book, kept in zip(sys.argv[1:], ("plan 5; seed 7; region 460100", "抽样方案 5；随机种子 7；地区 460100")):
    for ws in openpyxl.load_workbook(book):
        left = ws.oddHeader.left.text
        assert kept in left and left.endswith("..."), left
        assert len("&L" + left + "&R&A") == 255, len(left)
PY
echo "audit xlsx: ok"
