#include "cli/completion_scripts.hpp"

namespace numreg::cli {

namespace {

constexpr const char* kBash = R"(# bash completion for numreg (from `numreg completion bash`)
_numreg() {
  local cur words cword
  if declare -F _get_comp_words_by_ref >/dev/null; then
    _get_comp_words_by_ref -n =: cur words cword
  else
    cur=${COMP_WORDS[COMP_CWORD]} words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  fi
  local IFS=$'\n'
  COMPREPLY=($("${words[0]}" __complete -- "${words[@]:1:cword}" 2>/dev/null))
}
complete -o default -F _numreg numreg
)";

constexpr const char* kZsh = R"(#compdef numreg
# zsh completion for numreg (from `numreg completion zsh`)
_numreg() {
  local -a candidates
  candidates=("${(@f)$("${words[1]}" __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if (( ${#candidates} )) && [[ -n ${candidates[1]} ]]; then
    compadd -Q -- "${candidates[@]}"
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _numreg "$@"
else
  compdef _numreg numreg
fi
)";

constexpr const char* kFish = R"(# fish completion for numreg (from `numreg completion fish`)
function __numreg_complete
    set -l tokens (commandline -opc)
    $tokens[1] __complete -- $tokens[2..-1] (commandline -ct) 2>/dev/null
end
complete -c numreg -f -a '(__numreg_complete)'
)";

}  // namespace

std::string completion_script(const std::string& shell) {
  if (shell == "zsh")
    return kZsh;
  if (shell == "fish")
    return kFish;
  return kBash;
}

}  // namespace numreg::cli
