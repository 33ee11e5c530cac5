// numreg completion bash|zsh|fish: the shell scripts, and the hidden
// `numreg __complete -- WORDS...` they call, which walks the same command
// tree the parser uses, so completion knows every command and option.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/completion_scripts.hpp"
#include "registry/model/kind.hpp"
#include "registry/types/region.hpp"

namespace numreg::cli {

namespace {

constexpr int64_t kMaxKeys = 200;

// Where the words typed so far leave the command line.
struct Position {
  const CLI::App* command = nullptr;
  const CLI::Option* pending = nullptr;  // an option whose value is being typed
  int positionals = 0;
};

const CLI::Option* find_option(const CLI::App* command, std::string_view word) {
  std::string name(word.substr(0, word.find('=')));
  for (const CLI::App* app = command; app; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options()) {
      if (opt->check_name(name))
        return opt;
    }
  }
  return nullptr;
}

const CLI::App* find_subcommand(const CLI::App* command, std::string_view word) {
  for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word)
      return sub;
  }
  return nullptr;
}

Position walk(const CLI::App& app, const std::vector<std::string>& done, std::string& db) {
  Position p{&app, nullptr, 0};
  for (const auto& word : done) {
    if (p.pending) {
      // The registry the command line names is the one to complete keys from.
      if (p.pending->check_name("--db"))
        db = word;
      p.pending = nullptr;
    } else if (word.starts_with("-")) {
      const CLI::Option* opt = find_option(p.command, word);
      if (opt && opt->get_type_size() != 0 && word.find('=') == std::string::npos)
        p.pending = opt;
    } else if (const CLI::App* sub = find_subcommand(p.command, word)) {
      p.command = sub;
      p.positionals = 0;
    } else {
      ++p.positionals;
    }
  }
  return p;
}

std::vector<std::string> region_names() {
  std::vector<std::string> out;
  for (const auto& r : hainan_regions()) {
    for (std::string_view name : {r.code, r.short_name, r.name, r.pinyin}) {
      if (!name.empty())
        out.emplace_back(name);
    }
  }
  return out;
}

// Keys of `kind` in the registry starting with `prefix`; none when there is
// no registry or it cannot be read now.
std::vector<std::string> registry_keys(Context& ctx, const Kind& kind, const std::string& prefix) {
  try {
    ListQuery q;
    q.key_prefix = prefix;
    q.limit = kMaxKeys;
    std::vector<std::string> out;
    for (const auto& r : ctx.ledger().list(kind, q))
      out.push_back(r.key());
    return out;
  } catch (const std::exception&) {
    return {};
  }
}

// The record kind a command works on: `lease end` -> leases.
const Kind* command_kind(const CLI::App* command) {
  for (const CLI::App* app = command; app && app->get_parent(); app = app->get_parent()) {
    if (!app->get_parent()->get_parent())
      return find_kind(app->get_name());
  }
  return nullptr;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& k : kinds())
    out.push_back(k.name);
  return out;
}

std::vector<std::string> option_values(Context& ctx, const CLI::App* command,
                                       const CLI::Option* opt, const std::string& cur) {
  std::string name = opt->get_lnames().empty() ? "" : opt->get_lnames().front();
  if (name == "lang")
    return {"zh", "en"};
  if (name == "region")
    return region_names();
  if (name == "format")
    return {"csv", "json", "yaml", "xlsx"};
  if (name == "mode")
    return {"insert", "upsert"};
  const Kind* kind = command_kind(command);
  if (name == "kind" && kind && kind->name == "leases")
    kind = find_kind("resources");
  if (name == "kind" && !kind)
    return kind_names();
  if (name == "holder")
    return registry_keys(ctx, *find_kind("holders"), cur);
  if (name == "lease")
    return registry_keys(ctx, *find_kind("leases"), cur);
  if (name == "resource")
    return registry_keys(ctx, *find_kind("resources"), cur);
  if (name == "status" && kind && kind->name == "holders")
    name = "credit_status";
  const Field* field = kind ? kind->field(name) : nullptr;
  if (!field && kind) {
    std::string snake = name;
    std::replace(snake.begin(), snake.end(), '-', '_');
    field = kind->field(snake);
  }
  if (!field)
    return {};
  if (field->type == FieldType::enum_)
    return field->values;
  if (field->type == FieldType::boolean)
    return {"true", "false"};
  if (field->type == FieldType::region)
    return region_names();
  if (field->type == FieldType::ref) {
    if (const Kind* ref = find_kind(field->ref))
      return registry_keys(ctx, *ref, cur);
  }
  return {};
}

std::vector<std::string> positional_values(Context& ctx, const CLI::App* command,
                                           const std::string& cur) {
  if (command->get_name() == "completion")
    return {"bash", "zsh", "fish"};
  if (command->get_name() == "export")
    return kind_names();
  const Kind* kind = command_kind(command);
  bool takes_key = false;
  for (const CLI::Option* opt : command->get_options()) {
    if (opt->get_positional())
      takes_key = true;
  }
  if (kind && takes_key)
    return registry_keys(ctx, *kind, cur);
  return {};
}

std::vector<std::string> candidates(Context& ctx, const CLI::App& app,
                                    const std::vector<std::string>& words) {
  std::vector<std::string> done(words.begin(), words.end() - (words.empty() ? 0 : 1));
  std::string cur = words.empty() ? "" : words.back();
  Position p = walk(app, done, ctx.options.db);
  if (p.pending)
    return option_values(ctx, p.command, p.pending, cur);
  if (cur.starts_with("-")) {
    std::vector<std::string> out;
    for (const CLI::App* a = p.command; a; a = a->get_parent()) {
      for (const CLI::Option* opt : a->get_options()) {
        for (const auto& n : opt->get_lnames())
          out.push_back("--" + n);
      }
    }
    return out;
  }
  auto subs = p.command->get_subcommands(
      [](const CLI::App* s) { return !s->get_group().empty() && !s->get_name().empty(); });
  if (!subs.empty()) {
    std::vector<std::string> out;
    for (const auto* s : subs)
      out.push_back(s->get_name());
    return out;
  }
  return positional_values(ctx, p.command, cur);
}

}  // namespace

void add_completion(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("completion", "print a shell completion script: bash, zsh or fish");
  auto shell = std::make_shared<std::string>();
  cmd->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  on_run(cmd, ctx, [&ctx, shell] {
    ctx.out << completion_script(*shell);
    return 0;
  });
}

void complete_words(const CLI::App& app, Context& ctx, std::vector<std::string> typed) {
  if (!typed.empty() && typed.front() == "--")
    typed.erase(typed.begin());
  std::string cur = typed.empty() ? "" : typed.back();
  auto all = candidates(ctx, app, typed);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  for (const auto& c : all) {
    if (c.starts_with(cur))
      ctx.out << c << "\n";
  }
}

}  // namespace numreg::cli
