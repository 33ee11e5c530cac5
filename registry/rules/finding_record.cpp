#include "registry/rules/finding_record.hpp"

#include <cstdint>

namespace numreg {

namespace {

void put(std::string& out, std::string_view field) {
  const auto n = static_cast<uint32_t>(field.size());
  const char length[4] = {static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF),
                          static_cast<char>((n >> 16) & 0xFF), static_cast<char>(n >> 24)};
  out.append(length, sizeof length);
  out.append(field);
}

bool take(std::string_view& in, std::string& field) {
  if (in.size() < 4)
    return false;
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  const uint32_t n = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
  if (in.size() - 4 < n)
    return false;
  field.assign(in.substr(4, n));
  in.remove_prefix(4 + n);
  return true;
}

}  // namespace

void encode_finding(const Finding& f, std::string& out) {
  out.clear();
  put(out, f.rule);
  put(out, f.severity == Severity::error ? "e" : "w");
  put(out, f.entity);
  put(out, f.key);
  put(out, f.message);
}

bool decode_finding(std::string_view in, Finding& f) {
  std::string severity;
  if (!take(in, f.rule) || !take(in, severity) || !take(in, f.entity) || !take(in, f.key) ||
      !take(in, f.message) || !in.empty()) {
    return false;
  }
  f.severity = severity == "e" ? Severity::error : Severity::warning;
  return true;
}

}  // namespace numreg
