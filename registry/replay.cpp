#include "registry/replay.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "registry/import/record_text.hpp"
#include "registry/model/kind.hpp"
#include "registry/store/store.hpp"
#include "registry/util/sha256.hpp"

namespace numreg {

namespace {

using import::append_record_json;

size_t kind_index(const Kind& k) {
  return static_cast<size_t>(&k - kinds().data());
}

bool is_permits(const Kind& k) {
  return k.name == "permits";
}

// `json` (a record's journal JSON) with each field that is not stored in the
// kind's own table set to null, as the table's row reads; the permit ranges
// a lease's permitted_callers held go to `callers` ("" when none).
void stored_part(const Kind& kind, std::string_view json, std::string& out, std::string& callers) {
  out.assign(json);
  callers.clear();
  // The codes as written (a retired region code) are the journal's alone: the
  // record's last member, when there is one.
  if (size_t at = out.rfind(",\"as_written\":{"); at != std::string::npos) {
    out.erase(at, out.size() - 1 - at);
  }
  for (const auto& f : kind.fields) {
    if (f.stored)
      continue;
    // A quote inside a JSON string is escaped, so "name": only occurs as a key.
    std::string pattern = "\"" + f.name + "\":";
    size_t at = out.find(pattern);
    if (at == std::string::npos)
      continue;
    size_t start = at + pattern.size();
    size_t end = start;
    if (out.compare(start, 4, "null") == 0) {
      continue;
    }
    if (start < out.size() && out[start] == '"') {
      end = start + 1;
      while (end < out.size() && out[end] != '"') {
        end += out[end] == '\\' ? 2 : 1;
      }
      if (f.type == FieldType::callers)
        callers.assign(out, start + 1, end - start - 1);
      ++end;
    }
    out.replace(start, end - start, "null");
  }
}

// The text a permit's hash is taken of.
std::string permit_text(std::string_view lease, std::string_view first, std::string_view last) {
  std::string out;
  out.reserve(lease.size() + first.size() + last.size() + 2);
  out.append(lease).append(1, '\n').append(first).append(1, '\n').append(last);
  return out;
}

// Each range "first..last" or "number" of canonical permitted_callers text.
template <typename Visit>
void for_each_range(std::string_view callers, Visit visit) {
  while (!callers.empty()) {
    size_t semi = callers.find(';');
    std::string_view item = callers.substr(0, semi);
    callers = semi == std::string_view::npos ? std::string_view() : callers.substr(semi + 1);
    if (item.empty())
      continue;
    size_t dots = item.find("..");
    if (dots == std::string_view::npos) {
      visit(item, item);
    } else {
      visit(item.substr(0, dots), item.substr(dots + 2));
    }
  }
}

struct PermitRow {
  std::string lease, first, last;
};

// A permit entry's JSON: its lease and range (a missing last is the first).
PermitRow permit_of(const std::string& json) {
  auto doc = nlohmann::json::parse(json, nullptr, false);
  PermitRow p;
  auto text = [&doc](const char* name) {
    return doc.is_object() && doc.contains(name) && doc[name].is_string()
               ? doc[name].get<std::string>()
               : std::string();
  };
  p.lease = text("lease");
  p.first = text("first");
  p.last = text("last");
  if (p.last.empty())
    p.last = p.first;
  return p;
}

std::string shown(const nlohmann::ordered_json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// Collects the differences of one kind, listing the first `limit`.
class Differences {
 public:
  Differences(const Kind& kind, ReplayCheck& out, size_t limit)
      : kind_(kind), out_(out), limit_(limit) {}

  void add(RecordDifference d) {
    if (listed_ >= limit_) {
      ++out_.unlisted;
      return;
    }
    ++listed_;
    d.entity = kind_.entity;
    out_.differences.push_back(std::move(d));
  }

  // A record whose text differs: one difference per field. With
  // What::history, `table` is what entry `seq` found and `journal` what
  // entry `prior` had left.
  void fields(const std::string& key, int64_t seq, const std::string& table,
              const std::string& journal,
              RecordDifference::What what = RecordDifference::What::field, int64_t prior = 0) {
    auto t = nlohmann::ordered_json::parse(table, nullptr, false);
    auto j = nlohmann::ordered_json::parse(journal, nullptr, false);
    if (!t.is_object() || !j.is_object()) {
      add({what, "", key, seq, "", table, journal, prior});
      return;
    }
    bool any = false;
    for (const auto& [name, value] : t.items()) {
      auto other = j.contains(name) ? j[name] : nlohmann::ordered_json();
      if (value != other) {
        add({what, "", key, seq, name, shown(value), shown(other), prior});
        any = true;
      }
    }
    for (const auto& [name, value] : j.items()) {
      if (!t.contains(name)) {
        add({what, "", key, seq, name, "null", shown(value), prior});
        any = true;
      }
    }
    if (!any)  // the same values written differently
      add({what, "", key, seq, "", table, journal, prior});
  }

 private:
  const Kind& kind_;
  ReplayCheck& out_;
  size_t limit_;
  size_t listed_ = 0;
};

// Compare table rows (key, text) with what the scratch table replayed.
void compare_row(store::ReplayScratch& replayed, Differences& diffs, const std::string& key,
                 const std::string& text, bool whole_record) {
  auto row = replayed.take(key);
  if (!row) {
    diffs.add({RecordDifference::What::extra, "", key, 0, "", text, ""});
  } else if (!row->text) {
    diffs.add({RecordDifference::What::removed, "", key, row->seq, "", text, ""});
  } else if (*row->text != text) {
    if (whole_record) {
      diffs.fields(key, row->seq, text, *row->text);
    } else {
      diffs.add({RecordDifference::What::field, "", key, row->seq, "last", text, *row->text});
    }
  }
}

void list_missing(store::ReplayScratch& replayed, Differences& diffs) {
  replayed.remaining([&diffs](std::string_view key, const store::ReplayScratch::Row& row) {
    diffs.add({RecordDifference::What::missing, "", std::string(key), row.seq, "", "",
               row.text.value_or("")});
  });
}

// Name the differences of a kind other than permits, key by key.
void name_record_differences(store::Store& db, const Kind& kind, Differences& diffs) {
  auto scratch = db.replay_scratch();
  store::ReplayScratch& replayed = *scratch;
  std::string text;
  std::string callers;
  std::string found;
  db.scan_entries({kind.entity}, [&](const store::JournalEntry& e) {
    // What an entry found before must be what the entries before it left.
    if (e.before) {
      auto prior = replayed.find(e.key);
      stored_part(kind, *e.before, found, callers);
      if (!prior || !prior->text) {
        diffs.add({RecordDifference::What::history, "", e.key, e.seq, "", found, "", 0});
      } else if (*prior->text != found) {
        diffs.fields(e.key, e.seq, found, *prior->text, RecordDifference::What::history,
                     prior->seq);
      }
    }
    if (e.after) {
      stored_part(kind, *e.after, text, callers);
      replayed.put(e.key, e.seq, text);
    } else if (e.before) {
      replayed.put(e.key, e.seq, std::nullopt);
    }
  });
  db.scan_records(kind, [&](const Record& r) {
    text.clear();
    append_record_json(r, text);
    compare_row(replayed, diffs, r.key(), text, true);
  });
  list_missing(replayed, diffs);
}

// Name the differences of permits: a lease's entries set all its permits,
// a permit's entries add or remove one.
void name_permit_differences(store::Store& db, const Kind& leases, Differences& diffs) {
  auto scratch = db.replay_scratch();
  store::ReplayScratch& replayed = *scratch;
  std::string text;
  std::string callers;
  db.scan_entries({"lease", "permit"}, [&](const store::JournalEntry& e) {
    if (e.entity == "lease") {
      if (!e.before && !e.after)
        return;
      replayed.erase_prefix(e.key + "/");
      if (e.after) {
        stored_part(leases, *e.after, text, callers);
        for_each_range(callers, [&](std::string_view first, std::string_view last) {
          replayed.put(e.key + "/" + std::string(first), e.seq, std::string(last));
        });
      }
    } else if (e.after) {
      PermitRow p = permit_of(*e.after);
      replayed.put(p.lease + "/" + p.first, e.seq, p.last);
    } else if (e.before) {
      PermitRow p = permit_of(*e.before);
      replayed.put(p.lease + "/" + p.first, e.seq, std::nullopt);
    }
  });
  db.scan_permits([&](std::string_view lease, std::string_view first, std::string_view last) {
    compare_row(replayed, diffs, std::string(lease) + "/" + std::string(first), std::string(last),
                false);
  });
  list_missing(replayed, diffs);
}

}  // namespace

void HashSum::add(std::string_view text) {
  auto h = sha256(text);
  unsigned __int128 carry = 0;
  for (size_t i = 0; i < 4; ++i) {
    uint64_t w = 0;
    std::memcpy(&w, h.data() + 8 * i, 8);
    carry += static_cast<unsigned __int128>(words[i]) + w;
    words[i] = static_cast<uint64_t>(carry);
    carry >>= 64;
  }
}

void HashSum::subtract(std::string_view text) {
  auto h = sha256(text);
  uint64_t borrow = 0;
  for (size_t i = 0; i < 4; ++i) {
    uint64_t w = 0;
    std::memcpy(&w, h.data() + 8 * i, 8);
    uint64_t before = words[i];
    words[i] = before - w - borrow;
    borrow = (before < w || (before == w && borrow)) ? 1 : 0;
  }
}

Replay::Replay(store::Store& store) : store_(store), journal_sums_(kinds().size()) {}

void Replay::entry(const store::JournalEntry& e) {
  if (!e.before && !e.after)
    return;
  const Kind* k = find_kind(e.entity);
  if (!k)
    return;  // an import batch, an inspection: no record of a kind
  HashSum& sum = journal_sums_[kind_index(*k)];
  if (is_permits(*k)) {
    if (e.before) {
      PermitRow p = permit_of(*e.before);
      sum.subtract(permit_text(p.lease, p.first, p.last));
    }
    if (e.after) {
      PermitRow p = permit_of(*e.after);
      sum.add(permit_text(p.lease, p.first, p.last));
    }
    return;
  }
  HashSum& permits = journal_sums_[kind_index(kind("permits"))];
  auto take = [&](const std::string& json, bool add) {
    stored_part(*k, json, text_, callers_);
    add ? sum.add(text_) : sum.subtract(text_);
    for_each_range(callers_, [&](std::string_view first, std::string_view last) {
      std::string p = permit_text(e.key, first, last);
      add ? permits.add(p) : permits.subtract(p);
    });
  };
  if (e.before)
    take(*e.before, false);
  if (e.after)
    take(*e.after, true);
}

ReplayCheck Replay::compare(size_t listed_per_kind) {
  ReplayCheck out;
  std::string text;
  for (const Kind& k : kinds()) {
    HashSum table;
    int64_t records = 0;
    if (is_permits(k)) {
      store_.scan_permits(
          [&](std::string_view lease, std::string_view first, std::string_view last) {
            table.add(permit_text(lease, first, last));
            ++records;
          });
    } else {
      store_.scan_records(k, [&](const Record& r) {
        text.clear();
        append_record_json(r, text);
        table.add(text);
        ++records;
      });
    }
    out.counts.push_back({k.name, records});
    if (table == journal_sums_[kind_index(k)])
      continue;
    Differences diffs(k, out, listed_per_kind);
    size_t before = out.differences.size() + static_cast<size_t>(out.unlisted);
    if (is_permits(k)) {
      name_permit_differences(store_, kind("leases"), diffs);
    } else {
      name_record_differences(store_, k, diffs);
    }
    if (out.differences.size() + static_cast<size_t>(out.unlisted) == before) {
      // The sums differ but no key does: the same records, some twice.
      diffs.add({RecordDifference::What::extra, "", "", 0, "", "", ""});
    }
  }
  return out;
}

VerifyReport verify_store(store::Store& store, size_t listed_per_kind) {
  VerifyReport report;
  Replay replay(store);
  report.chain =
      store.journal().check([&replay](const store::JournalEntry& e) { replay.entry(e); });
  report.replay = replay.compare(listed_per_kind);
  report.integrity = store.check_integrity();
  return report;
}

}  // namespace numreg
