#include "registry/import/record_text.hpp"

#include "registry/model/value.hpp"
#include "registry/util/json_text.hpp"

namespace numreg::import {

void append_record_json(const Record& r, std::string& out) {
  out += '{';
  for (size_t i = 0; i < r.kind->fields.size(); ++i) {
    const Field& f = r.kind->fields[i];
    const auto& v = r.values[i];
    if (i > 0) {
      out += ',';
    }
    append_json_string(f.name, out);
    out += ':';
    if (!v) {
      out += "null";
    } else if (f.personal) {
      append_json_string(mask_value(f, *v), out);
    } else if (f.type == FieldType::integer) {
      out += std::to_string(std::stoll(*v));
    } else if (f.type == FieldType::boolean) {
      out += *v == "true" ? "true" : "false";
    } else {
      append_json_string(*v, out);
    }
  }
  if (!r.as_written.empty()) {
    out += ",\"as_written\":{";
    for (size_t i = 0; i < r.as_written.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      append_json_string(r.as_written[i].first, out);
      out += ':';
      append_json_string(r.as_written[i].second, out);
    }
    out += '}';
  }
  out += '}';
}

}  // namespace numreg::import
