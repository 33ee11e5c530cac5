#include "cli/context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/i18n.hpp"
#include "cli/style.hpp"
#include "registry/text/printable.hpp"
#include "registry/types/region.hpp"

extern char** environ;

namespace numreg::cli {

namespace {

std::map<std::string, std::string> environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=');
    if (eq != std::string_view::npos && kv.starts_with("NUMREG_")) {
      env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    }
  }
  return env;
}

std::string home_dir(const char* xdg, const char* fallback) {
  if (const char* v = std::getenv(xdg); v && *v)
    return v;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/" + fallback;
}

std::string login_name() {
  if (const char* user = std::getenv("USER"); user && *user)
    return user;
  if (const passwd* pw = getpwuid(getuid()))
    return pw->pw_name;
  return "unknown";
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

namespace {

std::string config_file(const std::string& given) {
  if (!given.empty())
    return given;
  const char* env = std::getenv("NUMREG_CONFIG");
  return env && *env ? env : home_dir("XDG_CONFIG_HOME", ".config") + "/numreg/config.toml";
}

}  // namespace

std::string configured_language(const std::string& config_path) {
  std::string path = config_file(config_path);
  auto text = read_file(path);
  std::optional<std::string_view> view;
  if (text)
    view = *text;
  auto config = Config::load(view, path, environment(), {});
  if (config)
    return config->get("lang");
  // A broken file still lets NUMREG_LANG choose the language of the error.
  const char* env = std::getenv("NUMREG_LANG");
  return env ? env : "";
}

const Config& Context::config() {
  if (!config_) {
    std::string path = config_file(options.config_path);
    auto text = read_file(path);
    if (!text && !options.config_path.empty()) {
      throw Failure(make_error(ErrorKind::no_input, "config-missing",
                               fmt::format("cannot read configuration file {}", path)));
    }
    std::map<std::string, std::string> flags;
    if (!options.db.empty())
      flags["db"] = options.db;
    if (!options.actor.empty())
      flags["actor"] = options.actor;
    if (!options.lang.empty())
      flags["lang"] = options.lang;
    std::optional<std::string_view> view;
    if (text)
      view = *text;
    config_ = value_or_throw(Config::load(view, path, environment(), flags));
  }
  return *config_;
}

std::string Context::db_path() {
  std::string db = config().get("db");
  return db.empty() ? home_dir("XDG_DATA_HOME", ".local/share") + "/numreg/registry.db" : db;
}

Ledger& Context::ledger() {
  if (!ledger_) {
    const int timeout = static_cast<int>(config().get_int("busy_timeout_ms"));
    // A writer that must wait says so once (as other notes: not with
    // --quiet), in the user's language.
    LedgerOptions opts{
        db_path(), timeout, [this, timeout] {
          if (options.quiet)
            return;
          note(fmt::format("numreg: waiting for another writer of the registry (up to {} ms)\n",
                           timeout));
          err.flush();
        }};
    ledger_ = std::make_unique<Ledger>(opts, clock());
  }
  return *ledger_;
}

Clock Context::clock() {
  // NUMREG_NOW fixes the clock (tests, reproducing a past run): a date or a
  // UTC time "2026-11-29T09:30:00Z".
  if (const char* fixed = std::getenv("NUMREG_NOW"); fixed && *fixed) {
    std::string text = fixed;
    Date today = value_or_throw(parse_date(text.substr(0, 10)));
    std::string now = text.size() > 10 ? text : today.iso() + "T00:00:00Z";
    return Clock{now, today};
  }
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  std::tm local{};
  gmtime_r(&t, &utc);
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return Clock{buf, Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}};
}

Change Context::change(const std::string& reason) {
  Change c;
  c.actor = actor();
  if (!reason.empty())
    c.reason = reason;
  return c;
}

// A shared registry names the database user it authenticated: an actor
// set by --actor, NUMREG_ACTOR or the configuration file that is someone
// else would be a journal entry no one can check, so it is refused.
std::string Context::actor() {
  const ConfigValue& set = config().at("actor");
  std::string configured = set.value.empty() ? login_name() : set.value;
  std::optional<std::string> user = ledger().store().database_user();
  if (!user)
    return configured;
  if (set.origin != "default" && !set.value.empty() && set.value != *user) {
    throw Failure(make_error(
        ErrorKind::not_permitted, "actor-not-permitted",
        fmt::format("registry {} journals changes under its database user {}: actor {} is not "
                    "permitted (connect as that user, or leave out --actor and NUMREG_ACTOR)",
                    ledger().store().location(), *user, set.value)));
  }
  return *user;
}

void Context::print(const Table& table, const nlohmann::ordered_json& json) {
  if (options.json) {
    out << json.dump(2) << "\n";
  } else {
    out << render(table);
  }
}

void Context::say(const std::string& line, const nlohmann::ordered_json& json) {
  if (options.json) {
    out << json.dump(2) << "\n";
  } else if (!options.quiet) {
    out << printable_lines(tr(line)) << "\n";
  }
}

void Context::show(const std::string& text) {
  out << printable_lines(tr(text));
}

void Context::note(const std::string& text) {
  err << printable_lines(tr(text));
}

std::string Context::render(const Table& table) const {
  Table shown = table;
  for (auto& header : shown.columns)
    header = tr(header);
  // Severities, and the journal's actions and entities, are words for
  // people; the rest of a body is data.
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const std::string& column = table.columns[c];
    if (column != "SEVERITY" && column != "ACTION" && column != "ENTITY")
      continue;
    for (auto& row : shown.rows) {
      if (c < row.size())
        row[c] = tr_value(row[c]);
    }
  }
  TextLayout layout{screen.width, {}};
  if (screen.colour)
    layout.mark = severity_colour(table.columns);
  return render_text(shown, layout);
}

void on_run(CLI::App* command, Context& ctx, std::function<int()> run) {
  command->callback([&ctx, run = std::move(run)] { ctx.action = run; });
}

std::string region_option(const std::string& text) {
  auto code = parse_region(text);
  if (!code) {
    throw Failure(make_error(ErrorKind::usage, code.error().code, code.error().message));
  }
  return *code;
}

Date date_option(const std::string& text, const char* option) {
  auto d = parse_date(text);
  if (!d) {
    throw Failure(make_error(ErrorKind::usage, d.error().code,
                             fmt::format("{}: {}", option, d.error().message)));
  }
  return *d;
}

}  // namespace numreg::cli
