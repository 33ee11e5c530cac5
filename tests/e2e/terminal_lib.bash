# Helpers for the terminal tests: a real terminal (a tmux pane of a fixed
# size) running bash, commands typed with send-keys, screens read with
# capture-pane and compared with tests/e2e/screens/*.txt. Sourced by
# terminal_*.sh; set NUMREG_UPDATE_SCREENS=1 to rewrite the expected screens.

# terminal_start LANG WIDTH HEIGHT: a bash in a fresh tmux server, in $work.
terminal_start() {
  sock=numreg-test-$$
  # Each prompt signals "prompt", so a test waits for a command to finish.
  cat >"$work/bashrc" <<RC
PS1='\$ '
PROMPT_COMMAND='tmux wait-for -S prompt'
export LANG=$1 LC_ALL= NUMREG_DB=registry.db NUMREG_ACTOR=clerk NUMREG_NOW=2026-11-29T09:30:00Z
export PATH="$bindir:\$PATH" TZ=Asia/Shanghai TERM=screen MANPAGER=cat MANWIDTH=$2
unset NUMREG_LANG NO_COLOR COLUMNS
source <(numreg completion bash)
cd "$work"
RC
  LANG=$1 tmux -u -L "$sock" -f /dev/null new-session -d -s t -x "$2" -y "$3" \
    "bash --noprofile --rcfile '$work/bashrc' -i"
  tmux -L "$sock" set-option -g status off >/dev/null
  terminal_wait
}

terminal_stop() { tmux -L "$sock" kill-server 2>/dev/null || true; }

# Wait (at most 20 s) for the next prompt. PROMPT_COMMAND signals just
# before bash draws the prompt, so give it a moment to draw it.
terminal_wait() {
  timeout 20 tmux -L "$sock" wait-for prompt || { echo "terminal: no prompt within 20 s"; exit 1; }
  sleep 0.3
}

# terminal_run COMMAND: clear the screen, type COMMAND and Enter, wait for it.
terminal_run() {
  tmux -L "$sock" send-keys -t t "clear" Enter
  terminal_wait
  tmux -L "$sock" send-keys -t t -l -- "$1"
  tmux -L "$sock" send-keys -t t Enter
  terminal_wait
}

# terminal_type TEXT [KEY...]: type TEXT, then press the keys (Tab ...),
# without waiting for a prompt; give bash a moment to complete.
terminal_type() {
  tmux -L "$sock" send-keys -t t -l -- "$1"
  shift
  [ $# -eq 0 ] || tmux -L "$sock" send-keys -t t "$@"
  sleep 0.5
}

# The screen as text, without the blank lines below the last one written.
terminal_screen() {
  tmux -L "$sock" capture-pane -p -t t | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

# terminal_check NAME: the screen equals tests/e2e/screens/NAME.txt.
terminal_check() {
  local expected="$screens/$1.txt"
  if [ -n "${NUMREG_UPDATE_SCREENS:-}" ]; then
    terminal_screen >"$expected"
    return
  fi
  if ! diff -u "$expected" <(terminal_screen) >"$work/diff"; then
    echo "terminal: screen $1 differs from $expected:"
    cat "$work/diff"
    status=1
  fi
}

# A small registry: Chinese names of mixed length, two regions, a trunk and a 96 number.
terminal_registry() {
  (
    cd "$work"
    export NUMREG_DB=registry.db NUMREG_ACTOR=clerk NUMREG_NOW=2026-11-29T09:30:00Z LANG=C
    "$numreg" -q init
    "$numreg" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise --region 儋州
    "$numreg" -q holder add --uscc 91469007MA5TDF0204 --name 东方市渔港通讯服务有限公司 --kind call_centre --region 东方
    "$numreg" -q resource add --id TRK-DZ-0001 --kind trunk --carrier 中国电信海南分公司 --region 儋州 --capacity 30
    "$numreg" -q resource add --id 0898-96166 --kind n96 --carrier 中国电信海南分公司 --region 460400
    "$numreg" -q lease add --id L-DZ-0001 --resource TRK-DZ-0001 --holder 91460400MA5TDR015T \
      --carrier 中国电信海南分公司 --location "儋州市那大镇中兴大街 88 号" --region 儋州 \
      --purpose customer_service --start 2025-03-01 --end 2026-12-15 \
      --permitted-callers "0898-6610 0000..0898-6610 0099;+86 898 6612 3456"
    "$numreg" -q lease add --id L-DF-0001 --resource 0898-96166 --holder 91469007MA5TDF0204 \
      --region 东方 --location 东方市八所镇 --purpose marketing --start 2024-01-01
  )
}
