#!/usr/bin/env bash
# `numreg completion bash` completes commands, options, record kinds' values,
# regions (code, Chinese, pinyin), and holder USCCs and lease IDs from the
# registry, as bash itself calls it.
set -uo pipefail
numreg=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_ACTOR=clerk NUMREG_NOW=2026-11-29T09:30:00Z LANG=C LC_ALL=C
unset NUMREG_LANG
source <("$numreg" completion bash) || { echo "completion_bash: the script does not load"; exit 1; }
status=0

# expect "WORDS TYPED" "EXPECTED CANDIDATES (sorted, space-separated)"
expect() {
  read -ra COMP_WORDS <<<"$1"
  [[ "$1" == *" " ]] && COMP_WORDS+=("")
  COMP_WORDS[0]=$numreg
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _numreg
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | xargs)
  if [ "$got" != "$2" ]; then
    echo "completion_bash: '$1': expected '$2', got '$got'"
    status=1
  fi
}

expect "numreg hol" "holder"
expect "numreg holder " "add blacklist list show update"
expect "numreg lease e" "end"
expect "numreg holder add --ki" "--kind"
expect "numreg holder add --kind " "call_centre enterprise government individual"
expect "numreg lease add --purpose m" "marketing"
expect "numreg lease list --kind n9" "n95 n96"
expect "numreg lease list --region dan" "danzhou"
expect "numreg lease list --region 儋" "儋州 儋州市"
expect "numreg lease list --region 4604" "460400"
expect "numreg --lang " "en zh"
expect "numreg completion " "bash fish zsh"
# From the registry: none before it exists, then what was added.
expect "numreg holder show 9146" ""
"$numreg" -q init
"$numreg" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise
"$numreg" -q holder add --uscc 91469007MA5TDF0204 --name 东方市渔港通讯服务有限公司 --kind enterprise
"$numreg" -q resource add --id TRK-DZ-0001 --kind trunk --region 儋州
"$numreg" -q lease add --id L-DZ-0001 --resource TRK-DZ-0001 --holder 91460400MA5TDR015T \
  --region 儋州 --location 儋州市那大镇 --purpose customer_service --start 2025-03-01
expect "numreg holder show 9146" "91460400MA5TDR015T 91469007MA5TDF0204"
expect "numreg holder blacklist 914604" "91460400MA5TDR015T"
expect "numreg lease end L-" "L-DZ-0001"
expect "numreg permit add --lease " "L-DZ-0001"
expect "numreg lease add --holder 914690" "91469007MA5TDF0204"
expect "numreg lease list --holder " "91460400MA5TDR015T 91469007MA5TDF0204"
# --db on the command line names the registry to complete from.
expect "numreg --db $tmp/none.db holder show 9146" ""
[ $status -eq 0 ] && echo "completion_bash: ok"
exit $status
