// The completion scripts for bash, zsh and fish; each asks
// `numreg __complete -- WORDS...` for the candidates.
#pragma once

#include <string>

namespace numreg::cli {

/// The completion script for `shell` ("bash", "zsh" or "fish").
std::string completion_script(const std::string& shell);

}  // namespace numreg::cli
