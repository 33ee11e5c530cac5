#include "registry/model/value.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "registry/text/printable.hpp"
#include "registry/types/number.hpp"
#include "registry/types/region.hpp"
#include "registry/types/resident_id.hpp"
#include "registry/types/uscc.hpp"

namespace numreg {

namespace {

Result<std::string> enum_value(const Field& field, std::string_view text) {
  std::string v = ascii_lower(text);
  if (std::find(field.values.begin(), field.values.end(), v) != field.values.end()) {
    return v;
  }
  if (auto it = field.value_aliases.find(std::string(text)); it != field.value_aliases.end()) {
    return it->second;
  }
  return tl::unexpected(data_error(
      "enum-value", fmt::format("'{}' is not one of: {}", text, fmt::join(field.values, ", "))));
}

Result<std::string> integer_value(std::string_view text) {
  bool ok = !text.empty() &&
            std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!ok || text.size() > 15) {
    return tl::unexpected(
        data_error("int-form", fmt::format("cannot read '{}' as a whole number", text)));
  }
  return std::string(text);
}

Result<std::string> numbers_value(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(';', start), text.size());
    std::string_view item = trim(text.substr(start, end - start));
    if (!item.empty()) {
      auto n = parse_number(item);
      if (!n) {
        return tl::unexpected(n.error());
      }
      if (!out.empty())
        out += ';';
      out += n->canonical;
    }
    start = end + 1;
  }
  return out;
}

Result<std::string> callers_value(std::string_view text) {
  auto ranges = parse_number_ranges(text);
  if (!ranges) {
    return tl::unexpected(ranges.error());
  }
  std::string out;
  for (const auto& r : *ranges) {
    if (!out.empty())
      out += ';';
    out += r.format();
  }
  return out;
}

// A resource ID is a number for service-number resources, else free text.
std::string resource_id_value(std::string_view text) {
  auto n = parse_number(text);
  if (n && n->is_service()) {
    return n->canonical;
  }
  return std::string(text);
}

Result<std::string> convert(const Field& field, std::string_view text, const ValueContext& ctx) {
  switch (field.type) {
    case FieldType::text:
      return std::string(text);
    case FieldType::uscc: {
      auto u = parse_uscc(text, ctx.allow_bad_uscc_check);
      return u ? Result<std::string>(u->code) : tl::unexpected(u.error());
    }
    case FieldType::resident_id:
      return parse_resident_id(text, ctx.today);
    case FieldType::region:
      return parse_region(text);
    case FieldType::date: {
      auto d = parse_date(text);
      return d ? Result<std::string>(d->iso()) : tl::unexpected(d.error());
    }
    case FieldType::enum_:
      return enum_value(field, text);
    case FieldType::boolean: {
      auto b = parse_bool(text);
      return b ? Result<std::string>(*b ? "true" : "false") : tl::unexpected(b.error());
    }
    case FieldType::integer:
      return integer_value(text);
    case FieldType::number: {
      auto n = parse_number(text);
      return n ? Result<std::string>(n->canonical) : tl::unexpected(n.error());
    }
    case FieldType::numbers:
      return numbers_value(text);
    case FieldType::callers:
      return callers_value(text);
    case FieldType::time_windows:
      return parse_time_windows(text);
    case FieldType::ref:
      if (field.ref == "holders") {
        return normalise_uscc(text);  // holders are keyed by USCC, typed as freely
      }
      return field.ref == "resources" ? resource_id_value(text) : std::string(text);
    case FieldType::resource_id:
      return resource_id_value(text);
  }
  return std::string(text);
}

Result<int> clock_minutes(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':' || !std::isdigit(static_cast<unsigned char>(hhmm[0])) ||
      !std::isdigit(static_cast<unsigned char>(hhmm[1])) ||
      !std::isdigit(static_cast<unsigned char>(hhmm[3])) ||
      !std::isdigit(static_cast<unsigned char>(hhmm[4]))) {
    return tl::unexpected(data_error("time-windows", ""));
  }
  int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) {
    return tl::unexpected(data_error("time-windows", ""));
  }
  return h * 60 + m;
}

// A control character stored in the ledger would act on the terminal of
// whoever lists it (an escape sequence clears or retitles it); line breaks
// and tabs are text. The error names the character and where it is.
std::optional<Error> control_character_error(std::string_view text) {
  auto control = first_control(text, true);
  if (!control)
    return std::nullopt;
  size_t character = 1;  // characters start at bytes that do not continue one
  for (size_t i = 0; i < control->offset; ++i)
    character += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  return data_error("control-character",
                    fmt::format("control character U+{:04X} at character {} (expected printable "
                                "text; line breaks and tabs are allowed)",
                                static_cast<uint32_t>(control->code), character));
}

}  // namespace

Result<bool> parse_bool(std::string_view text) {
  std::string v = ascii_lower(trim(text));
  if (v == "true" || v == "yes" || v == "y" || v == "1" || v == "是") {
    return true;
  }
  if (v == "false" || v == "no" || v == "n" || v == "0" || v == "否") {
    return false;
  }
  return tl::unexpected(data_error(
      "bool-form", fmt::format("cannot read '{}' as yes or no (expected true/false, yes/no, "
                               "是/否 or 1/0)",
                               text)));
}

Result<std::string> parse_time_windows(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(';', start), text.size());
    std::string_view item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) {
      continue;
    }
    size_t dash = item.find('-');
    auto from = clock_minutes(trim(item.substr(0, dash)));
    auto to = dash == std::string_view::npos ? from : clock_minutes(trim(item.substr(dash + 1)));
    if (!from || !to || *from >= *to) {
      return tl::unexpected(data_error(
          "time-windows", fmt::format("cannot read '{}' as a time window (expected HH:MM-HH:MM, "
                                      "e.g. 09:00-12:00;14:00-20:00)",
                                      item)));
    }
    out += fmt::format("{}{:02}:{:02}-{:02}:{:02}", out.empty() ? "" : ";", *from / 60, *from % 60,
                       *to / 60, *to % 60);
  }
  return out;
}

Result<std::string> canonical_value(const Field& field, std::string_view text,
                                    const ValueContext& context) {
  auto control = control_character_error(trim(text));
  Result<std::string> value =
      control ? Result<std::string>(tl::unexpected(*control)) : convert(field, trim(text), context);
  if (!value) {
    value.error().field = field.name;
    value.error().value = field.personal ? mask_value(field, trim(text)) : std::string(trim(text));
  }
  return value;
}

std::string mask_value(const Field& field, std::string_view value) {
  if (field.type == FieldType::resident_id) {
    return mask_resident_id(value);
  }
  // Star the middle of every run of 7 or more digits (phone numbers in text).
  std::string out(value);
  size_t i = 0;
  while (i < out.size()) {
    if (!std::isdigit(static_cast<unsigned char>(out[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && std::isdigit(static_cast<unsigned char>(out[j])))
      ++j;
    if (j - i >= 7) {
      for (size_t k = i + 3; k < j - 4; ++k)
        out[k] = '*';
    }
    i = j;
  }
  return out;
}

}  // namespace numreg
