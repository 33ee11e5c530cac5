// The TOML configuration: Config::load on any file text.
// Properties: a file that loads gives every key a value of its kind (whole
// numbers read as numbers); a file that does not is one error naming the file.
#include <string>

#include "fuzz/check.hpp"
#include "registry/config.hpp"

using namespace numreg;
using numreg::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  auto config = Config::load(text, "config.toml", {}, {});
  if (!config) {
    require(config.error().message.starts_with("config.toml"),
            "a configuration error names the file", text);
    return 0;
  }
  for (const ConfigKey& key : config_keys()) {
    const ConfigValue& value = config->at(key.name);
    require(value.origin == "default" || value.origin == "file", "a value comes from a source",
            text);
    if (key.kind == "int") {
      require(config->get_int(key.name) >= 0, "a whole-number key reads as a number", text);
    }
    if (key.kind == "list") {
      (void)config->get_list(key.name);
    }
  }
  return 0;
}
