#!/usr/bin/env bash
# The demo's Danzhou/Dongfang audit sheet (fixtures/hainan, seed 20261129)
# and its leases workbook printed as inspectors print them: LibreOffice
# turns each workbook into a PDF, in English and in Chinese. The page count
# is the expected one; every page is one page wide, with its caption (date,
# plan, seed, journal head, "page N of M") and its sheet's header row; the
# Summary is one page; and each page of the Sample holds whole rows, every
# character of each sampled lease's cells on the page that holds its ID
# (nothing cut off, nothing spilled to another page).
# Skipped (exit 77) where LibreOffice or poppler-utils are missing.
set -euo pipefail
NUMREG=$(realpath "$1")
SRC=${NUMREG_SOURCE_DIR:-$(dirname "$0")/../..}
for tool in soffice pdfinfo pdftotext; do
  if ! command -v $tool >/dev/null; then
    echo "audit_print: skipped: $tool is missing (scripts/deps.sh installs libreoffice-calc-nogui and poppler-utils)"
    exit 77
  fi
done
if ! /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
  echo "python3-openpyxl is missing (scripts/deps.sh installs it)"
  exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export NUMREG_DB=$TMP/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=inspector
export XDG_CONFIG_HOME=$TMP/config
"$NUMREG" --quiet init
"$NUMREG" --quiet import "$SRC"/fixtures/hainan/*
audit=(audit --region danzhou --region 东方 --sample gb2828:II:1.0 --seed 20261129)
"$NUMREG" --quiet "${audit[@]}" -o "$TMP/audit-en.xlsx" || [ $? -eq 1 ]
"$NUMREG" --quiet --lang zh "${audit[@]}" -o "$TMP/audit-zh.xlsx" || [ $? -eq 1 ]
"$NUMREG" --quiet "${audit[@]}" -o "$TMP/audit.json" || [ $? -eq 1 ]
"$NUMREG" --quiet export leases -o "$TMP/leases.xlsx"

# One LibreOffice for all three, with a profile of its own, so that runs in
# parallel (or a desktop session of the same user) do not collide.
HOME=$TMP/home soffice --headless "-env:UserInstallation=file://$TMP/profile" \
  --convert-to pdf --outdir "$TMP/pdf" "$TMP/audit-en.xlsx" "$TMP/audit-zh.xlsx" \
  "$TMP/leases.xlsx" > "$TMP/soffice.log" 2>&1 || { cat "$TMP/soffice.log"; exit 1; }
for f in audit-en audit-zh leases; do
  [ -s "$TMP/pdf/$f.pdf" ] || { echo "no $f.pdf"; cat "$TMP/soffice.log"; exit 1; }
  pdfinfo "$TMP/pdf/$f.pdf" | awk '/^Pages:/ {print $2}' > "$TMP/$f.pages"
  pdftotext -layout "$TMP/pdf/$f.pdf" "$TMP/$f.txt"
done

/usr/bin/python3 - "$TMP" <<'PY'
import collections, datetime, json, re, sys
import openpyxl

tmp = sys.argv[1]
doc = json.load(open(f"{tmp}/audit.json"))
head = doc["journal_head"][:12]
# Pages of each sheet for the fixture audit: the Summary on one, the Sample's
# nine leases on one, the Findings on one.
EXPECTED = {"audit-en": ["Summary", "Sample", "Findings"],
            "audit-zh": ["Summary", "Sample", "Findings"],
            "leases": ["leases"]}


def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def chars(text):
    return collections.Counter(c for c in text if not c.isspace())


def check(name, zh):
    pages = open(f"{tmp}/{name}.txt", encoding="utf-8").read().split("\f")[:-1]
    count = int(open(f"{tmp}/{name}.pages").read())
    assert len(pages) == count, (name, len(pages), count)
    wb = openpyxl.load_workbook(f"{tmp}/{name}.xlsx")
    sheets = []
    for n, page in enumerate(pages, 1):
        lines = [l for l in page.split("\n") if l.strip()]
        top, bottom = lines[0], lines[-1]
        # The header names the sheet at its right; the footer the journal
        # head and the page.
        sheet = top.split()[-1]
        assert sheet in wb.sheetnames, (name, n, top)
        sheets.append(sheet)
        want = f"第 {n} 页，共 {count} 页" if zh else f"page {n} of {count}"
        assert bottom.rstrip().endswith(want), (name, n, bottom)
        assert head in bottom, (name, n, bottom)
        if name.startswith("audit"):
            assert "gb2828:II:1.0" in top and "20261129" in top, (name, n, top)
            assert ("随机种子 20261129" if zh else "seed 20261129") in top, (name, n, top)
        ws = wb[sheet]
        header = [cell_text(c.value) for c in ws[1]]
        body = "\n".join(lines[1:-1])
        # One page wide: the first and the last column's header on every page.
        for h in (header[0], header[-1]):
            assert h in body.replace("\n", " ") or h in re.sub(r"\s", "", body), (name, n, h)
        if sheet == "Sample":
            check_sample_page(name, n, ws, header, body)
    assert sheets == EXPECTED[name], (name, sheets)
    print(f"{name}: {count} pages, {' '.join(sheets)}")
    return pages


def check_sample_page(name, n, ws, header, body):
    rows = [[cell_text(c.value) for c in r] for r in ws.iter_rows(min_row=2)]
    on_page = [r for r in rows if r[1] in body]
    assert on_page, (name, n, "no lease on a Sample page")
    # Whole rows: the page holds exactly the characters of its header row
    # and of the rows whose lease ID it shows; a cell cut off, or a column
    # on another page, would leave some out.
    want = chars("".join(header)) + sum((chars("".join(r)) for r in on_page), collections.Counter())
    got = chars(body)
    assert got == want, (name, n, "missing", want - got, "extra", got - want)
    SAMPLE_SEEN.extend(r[1] for r in on_page)


for name, zh in (("audit-en", False), ("audit-zh", True)):
    SAMPLE_SEEN = []
    pages = check(name, zh)
    # Every sampled lease on exactly one page, in rank order.
    assert SAMPLE_SEEN == doc["sample"], (name, SAMPLE_SEEN, doc["sample"])
    # The Summary: labels beside their values, the full journal head among them.
    summary = pages[0]
    label = "日志链头哈希" if zh else "Journal head"
    assert label in summary and doc["journal_head"] in re.sub(r"\s", "", summary), summary
SAMPLE_SEEN = []
pages = check("leases", False)
ids = [r[0].value for r in openpyxl.load_workbook(f"{tmp}/leases.xlsx")["leases"].iter_rows(min_row=2)]
text = "".join(pages)
assert all(text.count(i) >= 1 for i in ids), ids
print("audit print: ok")
PY
