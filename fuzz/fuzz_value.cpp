// Field values: canonical_value for every field of every record kind, and the
// time windows of contracts. The first input byte picks the field, the rest is
// the text. Properties: a canonical value is a fixed point (reading it again
// gives it back); an error about a personal field never repeats its digits.
#include <string>
#include <vector>

#include "fuzz/check.hpp"
#include "registry/model/kind.hpp"
#include "registry/model/value.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

const std::vector<const Field*>& all_fields() {
  static const std::vector<const Field*> fields = [] {
    std::vector<const Field*> out;
    for (const Kind& kind : kinds()) {
      for (const Field& field : kind.fields) {
        out.push_back(&field);
      }
    }
    return out;
  }();
  return fields;
}

// The longest run of digits in `text`.
std::string_view longest_digit_run(std::string_view text) {
  std::string_view best;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9')
      ++j;
    if (j - i > best.size())
      best = text.substr(i, j - i);
    i = j == i ? i + 1 : j;
  }
  return best;
}

void check_field(const Field& field, std::string_view text) {
  const ValueContext context{Date{2026, 11, 29}};
  auto value = canonical_value(field, text, context);
  if (!value) {
    std::string_view digits = longest_digit_run(trim(text));
    if (field.personal && digits.size() >= 8) {
      require(value.error().message.find(digits) == std::string::npos &&
                  value.error().value.find(digits) == std::string::npos,
              "an error about a personal field never repeats its digits", text);
    }
    return;
  }
  auto again = canonical_value(field, *value, context);
  require(again.has_value(), "a canonical value reads again", field.name + ": " + *value);
  require(*again == *value, "a canonical value is a fixed point", field.name + ": " + *value);
  (void)mask_value(field, *value);
}

void check_time_windows(std::string_view text) {
  auto windows = parse_time_windows(text);
  if (!windows) {
    return;
  }
  auto again = parse_time_windows(*windows);
  require(again && *again == *windows, "time windows re-parse to themselves", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto& fields = all_fields();
  const Field& field = *fields[data[0] % fields.size()];
  std::string_view text = numreg::fuzz::text_of(data + 1, size - 1);
  check_field(field, text);
  check_time_windows(text);
  (void)parse_bool(text);
  return 0;
}
