// Configuration: defaults, then the TOML file, then NUMREG_* environment
// variables, then command-line flags; each value remembers where it came from.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "registry/error.hpp"

namespace numreg {

/// One configuration key: its name, default and help.
struct ConfigKey {
  std::string_view name;  // "busy_timeout_ms", "audit.key_regions"
  std::string_view default_value;
  std::string_view kind;  // "text", "int", "list", "path"
  std::string_view help;
};

/// Every key numreg reads; the TOML file, environment and `numreg config` use it.
std::span<const ConfigKey> config_keys();

/// "NUMREG_AUDIT_KEY_REGIONS" for "audit.key_regions".
std::string env_name(std::string_view key);

/// A value and its origin: "default", "file", "environment" or "flag".
struct ConfigValue {
  std::string value;
  std::string origin;
};

class Config {
 public:
  /// Build from the sources in order of priority (lowest first).
  /// `toml_text` is the file's text (nullopt when there is none); `env` maps
  /// variable names to values; `flags` maps key names to values.
  static Result<Config> load(std::optional<std::string_view> toml_text,
                             const std::string& toml_path,
                             const std::map<std::string, std::string>& env,
                             const std::map<std::string, std::string>& flags);

  const ConfigValue& at(std::string_view key) const;
  std::string get(std::string_view key) const { return at(key).value; }
  long get_int(std::string_view key) const;
  /// A list value: comma-separated in the environment, an array in TOML.
  std::vector<std::string> get_list(std::string_view key) const;
  const std::string& file() const { return file_; }

 private:
  std::map<std::string, ConfigValue, std::less<>> values_;
  std::string file_;
};

}  // namespace numreg
