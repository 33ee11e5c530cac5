#include "registry/config.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace numreg {

namespace {

constexpr ConfigKey kKeys[] = {
    {"db", "", "path", "the registry file (default $XDG_DATA_HOME/numreg/registry.db)"},
    {"actor", "", "text", "who makes changes, as the journal records it (default: login name)"},
    {"lang", "", "text", "language of messages and tables: zh or en (default: from LANG)"},
    {"busy_timeout_ms", "5000", "int", "how long to wait for a registry another numreg holds"},
    {"audit.key_regions", "460400,469007", "list", "regions inspected closely (R010)"},
    {"audit.verify_days", "180", "int", "days within which a key-region lease must be verified"},
    {"screen.one_ring_max_ring_s", "3", "int", "a call ringing less than this is one-ring (S004)"},
    {"screen.one_ring_calls", "10", "int", "one-ring calls by one caller that make S004"},
    {"screen.one_ring_minutes", "60", "int", "the window of S004, in minutes"},
    {"screen.bombing_calls", "20", "int", "calls from one caller to one callee beyond which S005"},
    {"screen.bombing_minutes", "60", "int", "the window of S005, in minutes"},
    {"screen.disorder_minutes", "10", "int",
     "how far out of time order call records may come (S004, S005 windows)"},
};

// A whole number of at most nine digits: every int key fits an int.
bool is_int(std::string_view v) {
  return !v.empty() && v.size() <= 9 &&
         std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Flatten a TOML node into the text form of a value ("a,b" for arrays).
std::optional<std::string> node_text(const toml::node& node) {
  if (const auto* array = node.as_array()) {
    std::string out;
    for (const auto& item : *array) {
      auto s = item.value<std::string>();
      if (!s)
        return std::nullopt;
      out += (out.empty() ? "" : ",") + *s;
    }
    return out;
  }
  if (auto s = node.value<std::string>())
    return *s;
  if (auto i = node.value<int64_t>())
    return std::to_string(*i);
  if (auto b = node.value<bool>())
    return *b ? "true" : "false";
  return std::nullopt;
}

Error config_error(const std::string& where, const std::string& what) {
  return make_error(ErrorKind::data, "config", fmt::format("{}: {}", where, what));
}

}  // namespace

std::span<const ConfigKey> config_keys() {
  return kKeys;
}

std::string env_name(std::string_view key) {
  std::string out = "NUMREG_";
  for (char c : key) {
    out += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<Config> Config::load(std::optional<std::string_view> toml_text, const std::string& toml_path,
                            const std::map<std::string, std::string>& env,
                            const std::map<std::string, std::string>& flags) {
  Config c;
  c.file_ = toml_path;
  // Priority 4 (lowest): built-in defaults.
  for (const auto& k : kKeys) {
    c.values_[std::string(k.name)] = {std::string(k.default_value), "default"};
  }
  // Priority 3: the TOML file.
  if (toml_text) {
    toml::table doc;
    try {
      doc = toml::parse(*toml_text, toml_path);
    } catch (const toml::parse_error& e) {
      return tl::unexpected(config_error(
          fmt::format("{}:{}:{}", toml_path, e.source().begin.line, e.source().begin.column),
          std::string(e.description())));
    }
    for (const auto& k : kKeys) {
      const toml::node* node = doc.at_path(k.name).node();
      if (!node)
        continue;
      auto text = node_text(*node);
      if (!text || (k.kind == "int" && !is_int(*text))) {
        return tl::unexpected(config_error(
            fmt::format("{}:{}", toml_path, node->source().begin.line),
            fmt::format("{}: expected {}", k.name, k.kind == "int" ? "a whole number" : "text")));
      }
      c.values_[std::string(k.name)] = {*text, "file"};
    }
  }
  // Priority 2: NUMREG_* environment variables. Priority 1: flags.
  for (const auto& k : kKeys) {
    if (auto it = env.find(env_name(k.name)); it != env.end() && !it->second.empty()) {
      c.values_[std::string(k.name)] = {it->second, "environment"};
    }
    if (auto it = flags.find(std::string(k.name)); it != flags.end()) {
      c.values_[std::string(k.name)] = {it->second, "flag"};
    }
    const auto& v = c.values_[std::string(k.name)];
    if (k.kind == "int" && !is_int(v.value)) {
      return tl::unexpected(
          config_error(v.origin == "environment" ? env_name(k.name) : std::string(k.name),
                       fmt::format("expected a whole number, found '{}'", v.value)));
    }
  }
  return c;
}

const ConfigValue& Config::at(std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end()) {
    throw Failure(make_error(ErrorKind::internal, "config-key",
                             fmt::format("unknown configuration key '{}'", key)));
  }
  return it->second;
}

long Config::get_int(std::string_view key) const {
  return std::stol(get(key));
}

std::vector<std::string> Config::get_list(std::string_view key) const {
  std::vector<std::string> out;
  std::string v = get(key);
  size_t start = 0;
  while (start < v.size()) {
    size_t end = std::min(v.find(',', start), v.size());
    if (end > start)
      out.push_back(v.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace numreg
