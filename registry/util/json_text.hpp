// JSON text written directly, byte for byte as nlohmann's dump() writes it,
// for the hot paths (journal hashes, journal records) that must not build a
// JSON tree per record.
#pragma once

#include <string>
#include <string_view>

namespace numreg {

/// Append `text` (valid UTF-8) to `out` as a JSON string, escaped as
/// nlohmann::json::dump() escapes it (non-ASCII passed through).
void append_json_string(std::string_view text, std::string& out);

/// How many bytes append_json_string appends for `text`.
size_t json_string_size(std::string_view text);

/// Append `text` to `out` escaped as append_json_string escapes it, without
/// the quotes: a long string may be escaped a piece at a time, cut anywhere.
void append_json_escaped(std::string_view text, std::string& out);

}  // namespace numreg
