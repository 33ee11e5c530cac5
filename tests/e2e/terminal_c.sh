#!/usr/bin/env bash
# The same clerk with LANG=C, on a narrow terminal (tmux, 72x30): English
# help and errors; Chinese data still lines up, and wide tables are cut to
# the screen with "…" unless --wide; the man page renders.
set -uo pipefail
numreg=$(realpath "$1")
bindir=$(dirname "$numreg")
screens="${NUMREG_SOURCE_DIR:?}/tests/e2e/screens"
work=$(mktemp -d)
status=0
source "$NUMREG_SOURCE_DIR/tests/e2e/terminal_lib.bash"
trap 'terminal_stop; rm -rf "$work"' EXIT

terminal_registry
terminal_start C 72 30
terminal_run "numreg holder list"
terminal_check c_holder_list
terminal_run "numreg lease list"
terminal_check c_lease_list
terminal_run "numreg lease list --wide | cut -c1-72"
terminal_check c_lease_list_wide
terminal_run "numreg lease lsit"
terminal_check c_typo
terminal_run "numreg who 0898-66123456 --as-of 2026-02-30"
terminal_check c_error
# Severities in colour on a terminal; never with NO_COLOR or --no-color.
terminal_run "numreg rules"
terminal_check c_rules
coloured() { tmux -L "$sock" capture-pane -e -p -t t | grep -c '31merror'; }
[ "$(coloured)" -gt 0 ] || { echo "terminal_c: numreg rules shows no red errors"; status=1; }
terminal_run "NO_COLOR=1 numreg rules"
[ "$(coloured)" -eq 0 ] || { echo "terminal_c: colour despite NO_COLOR"; status=1; }
terminal_run "numreg --no-color rules"
[ "$(coloured)" -eq 0 ] || { echo "terminal_c: colour despite --no-color"; status=1; }
cp "$NUMREG_SOURCE_DIR/man/numreg.1" "$work/"
terminal_run "man -l numreg.1 2>&1 | head -12"
terminal_check c_man
tmux -L "$sock" send-keys -t t "clear" Enter
terminal_wait
terminal_type "numreg holder sh" Tab
terminal_type "91469" Tab
terminal_check c_completion
[ $status -eq 0 ] && echo "terminal_c: ok"
exit $status
