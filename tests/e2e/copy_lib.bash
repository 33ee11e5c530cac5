# What the copy tests share (copy_registry.sh, pg_copy.sh), sourced after
# $numreg, $src and $tmp are set and the clock and actor fixed.
# copy_source DB: the Hainan fixtures imported into registry DB, then a
# clerk's changes (an update, a lease ended, a blacklisting, a permit, a
# refusal) and an audit recorded as an inspection.
# copy_outputs DB DIR: what a clerk and an inspector read of DB, one file
# each in DIR: log, every export, the audit, inspections, verify's head.
# copy_same A B: the files of two copy_outputs DIRs agree byte for byte.

copy_source() {
  local db=$1
  "$numreg" --db "$db" -q init
  (cd "$src" && "$numreg" --db "$db" -q import fixtures/hainan/*)
  n() { "$numreg" --db "$db" -q "$@"; }
  n holder update 91460400J9HB2MFY48 --contact "王海峰 13976009999" --reason 更正联系电话
  n lease end DZ-2019-002 --date 2026-10-31 --reason 合同到期
  n holder blacklist 914690078H624QYG2H --reason 投诉核实：骚扰电话
  n permit add --lease DZ-2020-003 --first 0898-23881600 --last 0898-23881609 --reason 补充号段
  n refusal add --number 13800138000 --date 2026-11-01 --channel 12321
  n audit --as-of 2026-11-29 --sample 3 --seed 7 --record >/dev/null
}

copy_outputs() {
  local db=$1 dir=$2 kind format
  mkdir -p "$dir"
  "$numreg" --db "$db" --json log >"$dir/log.json"
  "$numreg" --db "$db" log >"$dir/log.txt"
  for kind in holders credentials resources leases permits contracts campaigns refusals; do
    for format in csv json yaml; do
      "$numreg" --db "$db" export "$kind" --format "$format" >"$dir/$kind.$format"
    done
  done
  "$numreg" --db "$db" --json audit --as-of 2026-11-29 >"$dir/audit.json"
  "$numreg" --db "$db" --json inspection list >"$dir/inspections.json"
  "$numreg" --db "$db" --json verify >"$dir/verify.json"
}

copy_same() {
  local a=$1 b=$2 f bad=0
  for f in "$a"/*; do
    if ! cmp -s "$f" "$b/$(basename "$f")"; then
      echo "FAIL: $(basename "$f") differs between $a and $b" >&2
      diff "$f" "$b/$(basename "$f")" | head -10 >&2 || true
      bad=1
    fi
  done
  return $bad
}
