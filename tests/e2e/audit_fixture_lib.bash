# The audit fixture registry for the XLSX tests, sourced by audit_xlsx.sh and
# export_xlsx.sh after NUMREG and SRC are set: checks for openpyxl, makes
# $TMP (removed on exit), fixes the clock and actor, builds the fixture, and
# gives lease L-OK a location a spreadsheet would run, were it not a typed
# string.
if ! /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
  echo "python3-openpyxl is missing (scripts/deps.sh installs it)"
  exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export NUMREG_DB=$TMP/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=inspector
export XDG_CONFIG_HOME=$TMP/config
bash "$SRC/fixtures/audit/build.sh" "$NUMREG" "$NUMREG_DB"
"$NUMREG" --quiet lease update L-OK --location '=HYPERLINK("http://example.invalid","x")'
