// Man pages written from the command tree the parser uses, so options,
// help and examples cannot drift from what numreg accepts.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace numreg::cli {

/// The pages `numreg man` writes: "numreg-holder.1", ... (numreg.1 is written by hand).
std::vector<std::string> manual_pages(const CLI::App& app);

/// The roff source of `page` in the language of this run; empty when there is no such page.
std::string manual_page(const CLI::App& app, const std::string& page);

/// `text` for roff: backslashes, dashes and leading dots escaped, non-ASCII as \[uXXXX].
std::string roff_escape(std::string_view text);

}  // namespace numreg::cli
