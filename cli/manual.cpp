#include "cli/manual.hpp"

#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/examples.hpp"
#include "cli/help.hpp"
#include "cli/i18n.hpp"
#include "registry/import/manual.hpp"
#include "registry/rules/rule.hpp"

namespace numreg::cli {

namespace {

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands(
      [](const CLI::App* s) { return !s->get_group().empty() && !s->get_name().empty(); });
}

// Decode one UTF-8 code point at `i`, advancing it.
char32_t next_code_point(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : 3;
  char32_t cp = extra == 0 ? c : c & (0x3f >> extra);
  for (int k = 1; k <= extra && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  }
  i += extra + 1;
  return cp;
}

std::string option_name(const CLI::Option* opt) {
  std::string name = roff_escape(opt->get_name(false, true));
  if (opt->get_type_size() != 0 && !opt->get_type_name().empty()) {
    name = fmt::format("\\fB{}\\fR \\fI{}\\fR", name, roff_escape(opt->get_type_name()));
  } else {
    name = fmt::format("\\fB{}\\fR", name);
  }
  return name;
}

std::string options_roff(const CLI::App* command) {
  std::string out;
  for (const CLI::Option* opt : command->get_options()) {
    if (opt->get_group().empty() || opt->check_name("--help"))
      continue;
    std::string help = opt->get_description();
    if (opt->get_required() && !opt->get_positional())
      help += " (required)";
    std::string name = opt->get_positional()
                           ? fmt::format("\\fI{}\\fR", roff_escape(opt->get_name(true, false)))
                           : option_name(opt);
    out += fmt::format(".TP\n{}\n{}\n", name, roff_escape(tr(help)));
  }
  return out;
}

std::string command_roff(const CLI::App* command) {
  std::string out = fmt::format(".SS \"{}\"\n{}\n", roff_escape(command_path(*command)),
                                roff_escape(tr(command->get_description())));
  return out + options_roff(command);
}

std::string examples_roff(std::string_view top) {
  std::string out;
  for (const auto& e : examples()) {
    if (e.command != top && !e.command.starts_with(std::string(top) + " "))
      continue;
    out += fmt::format(".PP\n{}:\n.PP\n.RS\n.nf\n{}\n.fi\n.RE\n", roff_escape(tr(e.what)),
                       roff_escape(e.line));
  }
  return out;
}

// What a command's page says beyond its options and examples: who may do
// what on a shared registry, how to print the workbook it writes.
struct Section {
  std::string_view command;
  std::string_view heading;
  std::string_view text;
  std::string_view line;
};

constexpr Section kSections[] = {
    {"init", "ROLES",
     "On a PostgreSQL registry, init --roles, run by the registry's owner (who needs CREATEROLE "
     "the first time), also makes two group roles, their grants and row-level security; run "
     "again, it changes nothing. numreg_clerk reads everything, adds and changes holders, "
     "credentials, campaigns and refusals, and adds and changes resources and leases (and a "
     "lease's permits and contract) only of a carrier that the table numreg_carrier_roles maps "
     "to one of its roles; only the owner writes that table. numreg_inspector reads everything, "
     "records inspections (audit --record) and the site results of its own inspections "
     "(inspection results: the inspection's results and the leases' verified_on, no other "
     "column of a lease); a registry whose roles an older numreg made gains this when init "
     "--roles is run again. Nobody, the owner included, can UPDATE, DELETE or TRUNCATE the "
     "journal. The journal names as the actor the database user who connected (session_user, "
     "which SET ROLE does not change); --actor or NUMREG_ACTOR naming someone else is refused. "
     "A change the roles refuse exits 77 and changes nothing. To add a clerk of a carrier, as "
     "the owner:",
     // Lower-case SQL: this is text for an administrator, not a query
     // (tests/e2e/storage_seam.sh looks for upper-case SQL outside the store).
     "psql \"$DB\" -c \"create role alice login in role numreg_clerk\" -c \"insert into "
     "numreg_carrier_roles (role, carrier) values ('alice', '中国电信海南分公司')\""},
    {"audit", "PRINTING",
     "An .xlsx audit sheet is ready to print on A4 landscape: each sheet one page wide (the "
     "Summary on one page), its header row on every page, long text wrapped, the inspector's "
     "columns at the right of the Sample, and the date, plan, seed, short journal head and "
     "\"page N of M\" at the top and foot of every page (in Chinese with --lang zh). Print it "
     "from LibreOffice Calc or Excel, or turn it into a PDF to print or send:",
     "soffice --headless --convert-to pdf danzhou.xlsx"},
    {"export", "PRINTING",
     "An .xlsx workbook is ready to print on A4 landscape, one page wide, its header row on "
     "every page; turn it into a PDF with:",
     "soffice --headless --convert-to pdf leases.xlsx"},
};

std::string sections_roff(std::string_view name) {
  std::string out;
  for (const auto& s : kSections) {
    if (s.command == name) {
      out += fmt::format(".SH {}\n{}\n.PP\n.RS\n.nf\n{}\n.fi\n.RE\n", roff_escape(tr(s.heading)),
                         roff_escape(tr(s.text)), roff_escape(s.line));
    }
  }
  return out;
}

std::string command_page(const CLI::App* command) {
  std::string name = command->get_name();
  std::string upper = "NUMREG-" + name;
  for (auto& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out = fmt::format(".TH {} 1 \"\" \"numreg {}\" \"{}\"\n", roff_escape(upper),
                                NUMREG_VERSION, roff_escape(tr("numreg manual")));
  // Ragged right: Chinese lines have no spaces to stretch. Chinese needs a
  // UTF-8 terminal; elsewhere (LANG=C) groff leaves it out quietly.
  out += ".ad l\n.if !'\\*[.T]'utf8' .if \\n[.warn]%2 .warn \\n[.warn]-1\n";
  out += fmt::format(".SH {}\nnumreg\\-{} \\- {}\n", roff_escape(tr("NAME")), roff_escape(name),
                     roff_escape(tr(command->get_description())));
  auto subs = visible_subcommands(*command);
  out += fmt::format(".SH {}\n", roff_escape(tr("SYNOPSIS")));
  std::vector<const CLI::App*> leaves = subs.empty() ? std::vector{command} : subs;
  for (const CLI::App* leaf : leaves) {
    out += fmt::format(".B {}\n.RI [ {} ]\n.br\n", roff_escape(command_path(*leaf)),
                       roff_escape(tr("options")));
  }
  out += fmt::format(".SH {}\n", roff_escape(tr("OPTIONS")));
  if (subs.empty()) {
    out += options_roff(command);
  } else {
    for (const CLI::App* sub : subs)
      out += command_roff(sub);
  }
  out += fmt::format(".PP\n{}\n", roff_escape(tr("The global options of numreg(1) apply too.")));
  out += sections_roff(name);
  std::string examples = examples_roff(name);
  if (!examples.empty())
    out += fmt::format(".SH {}\n{}", roff_escape(tr("EXAMPLES")), examples);
  out += fmt::format(".SH {}\n.BR numreg (1),\n.BR numreg\\-import (5)\n",
                     roff_escape(tr("SEE ALSO")));
  return out;
}

// numreg-rules(7): the rule catalogue, each rule with its severity, the
// entity its findings name, and its text in English and Chinese.
std::string rules_page() {
  std::string out = fmt::format(".TH NUMREG\\-RULES 7 \"\" \"numreg {}\" \"{}\"\n", NUMREG_VERSION,
                                roff_escape(tr("numreg manual")));
  out += ".ad l\n.if !'\\*[.T]'utf8' .if \\n[.warn]%2 .warn \\n[.warn]-1\n";
  out += fmt::format(".SH {}\nnumreg\\-rules \\- {}\n", roff_escape(tr("NAME")),
                     roff_escape(tr("the compliance rule catalogue R001-R013")));
  out += fmt::format(".SH {}\n{}\n", roff_escape(tr("DESCRIPTION")),
                     roff_escape(tr("numreg audit checks the ledger against these rules on a date "
                                    "D; numreg rules prints them.")));
  out += fmt::format(".SH {}\n", roff_escape(tr("RULES")));
  for (const auto& r : rules()) {
    out += fmt::format(".TP\n.B {}\n{} ({}, {})\n.br\n{}\n", r.id, roff_escape(r.text_en),
                       roff_escape(to_string(r.severity)), roff_escape(r.entity),
                       roff_escape(r.text_zh));
  }
  out +=
      fmt::format(".SH {}\n.BR numreg (1),\n.BR numreg\\-audit (1)\n", roff_escape(tr("SEE ALSO")));
  return out;
}

}  // namespace

std::string roff_escape(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    bool line_start = out.empty() || out.back() == '\n';
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      char32_t cp = next_code_point(text, i);
      out += fmt::format("\\[u{:04X}]", static_cast<uint32_t>(cp));
      // Chinese has no spaces: let groff break a line after any wide
      // character, but not before a closing mark such as "、" or "）".
      size_t peek = i;
      char32_t next = i < text.size() ? next_code_point(text, peek) : 0;
      bool closing = (next >= 0x3001 && next <= 0x3002) || next == 0xff09 || next == 0xff0c ||
                     next == 0xff1a || next == 0xff1b || next == 0x201d || next == 0x300d;
      if (cp >= 0x2e80 && !closing)
        out += "\\:";
      continue;
    }
    ++i;
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if ((c == '.' || c == '\'') && line_start) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> manual_pages(const CLI::App& app) {
  std::vector<std::string> pages;
  for (const CLI::App* sub : visible_subcommands(app)) {
    pages.push_back(fmt::format("numreg-{}.1", sub->get_name()));
  }
  pages.push_back("numreg-import.5");
  pages.push_back("numreg-rules.7");
  return pages;
}

std::string manual_page(const CLI::App& app, const std::string& page) {
  if (page == "numreg-rules.7")
    return rules_page();
  // numreg-import(5) comes from the import schemas.
  if (page == "numreg-import.5")
    return import::import_manual(language());
  for (const CLI::App* sub : visible_subcommands(app)) {
    if (page == fmt::format("numreg-{}.1", sub->get_name()))
      return command_page(sub);
  }
  return "";
}

void add_manual(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("man", "");
  cmd->group("");
  auto page = std::make_shared<std::string>();
  cmd->add_option("page", *page, "the page to write, e.g. numreg-holder.1; none: list them");
  on_run(cmd, ctx, [&ctx, &app, page] {
    if (page->empty()) {
      for (const auto& p : manual_pages(app))
        ctx.out << p << "\n";
      return 0;
    }
    std::string text = manual_page(app, *page);
    if (text.empty()) {
      throw Failure(make_error(ErrorKind::usage, "man-page",
                               fmt::format("no manual page '{}' (see numreg man)", *page)));
    }
    ctx.out << text;
    return 0;
  });
}

}  // namespace numreg::cli
