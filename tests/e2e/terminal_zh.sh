#!/usr/bin/env bash
# A clerk at a real terminal with LANG=zh_CN.UTF-8 (tmux, 100x40): the
# overview, help, errors, tables and completion read in Chinese and line up.
set -uo pipefail
numreg=$(realpath "$1")
bindir=$(dirname "$numreg")
screens="${NUMREG_SOURCE_DIR:?}/tests/e2e/screens"
work=$(mktemp -d)
status=0
source "$NUMREG_SOURCE_DIR/tests/e2e/terminal_lib.bash"
trap 'terminal_stop; rm -rf "$work"' EXIT
locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' ||
  { echo "terminal_zh: the zh_CN.UTF-8 locale is missing (run scripts/deps.sh)"; exit 1; }

terminal_registry
terminal_start zh_CN.UTF-8 100 40
terminal_run "numreg"
terminal_check zh_overview
terminal_run "numreg holder list"
terminal_check zh_holder_list
terminal_run "numreg lease list --region 儋州"
terminal_check zh_lease_list
terminal_run "numreg who 0898-66123456"
terminal_check zh_who
terminal_run "numreg holder add --uscc 91460400MA5TDR015U --nmae 测试"
terminal_check zh_typo
terminal_run "numreg holder add --uscc 91460400MA5TDR015U --name 测试 --kind 企业"
terminal_check zh_error
terminal_run "numreg lease end --help"
terminal_check zh_help
# Completion: a command, a subcommand, a region by its Chinese name, a lease ID.
tmux -L "$sock" send-keys -t t "clear" Enter
terminal_wait
terminal_type "numreg le" Tab
terminal_type "li" Tab
terminal_type "--reg" Tab
terminal_type "东" Tab
terminal_type "" Tab Tab
terminal_check zh_completion
[ $status -eq 0 ] && echo "terminal_zh: ok"
exit $status
