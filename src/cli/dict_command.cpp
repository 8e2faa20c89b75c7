#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dyad/dictionary_check.h"
#include "dyad/error.h"
#include "dyad/extractor.h"

namespace dyad::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool no_builtin = false;
  bool strict = false;
};

int RunCheck(const CheckOptions& o) {
  const std::vector<Diagnostic> found = CheckDictionaries(o.files, !o.no_builtin);
  size_t errors = 0;
  size_t warnings = 0;
  for (const Diagnostic& d : found) {
    errors += d.severity == Severity::kError ? 1 : 0;
    warnings += d.severity == Severity::kWarning ? 1 : 0;
    std::printf("%s: %s\n", SeverityName(d.severity), d.ToString().c_str());
  }
  spdlog::info("{} checked: {} errors, {} warnings",
               o.files.empty() ? std::string("built-in dictionaries")
                               : std::to_string(o.files.size()) + " file(s)",
               errors, warnings);
  return errors > 0 || (o.strict && warnings > 0) ? kExitSkipped : kExitOk;
}

struct RelationsOptions {
  std::vector<std::string> entities;
  std::string date;
  std::string kind;
  std::vector<std::string> actor_files;
};

int RunRelations(const RelationsOptions& o) {
  std::optional<Date> day;
  if (!o.date.empty()) {
    day = Date::ParseIso(o.date);
    if (!day)
      throw Error(ErrorKind::kInvalidArgument, "--date: expected YYYY-MM-DD, got '" + o.date + "'");
  }
  std::vector<Diagnostic> diagnostics;
  ExtractorOptions options;
  options.actor_files = o.actor_files;
  const auto extractor = Extractor::Create(options, &diagnostics);
  for (const Diagnostic& d : diagnostics) spdlog::warn("{}", d.ToString());
  const auto wanted = [&](const Relation& r) {
    if (!o.kind.empty() && RelationKindName(r.kind) != o.kind) return false;
    if (o.entities.empty()) return true;
    return std::find_if(o.entities.begin(), o.entities.end(), [&](const std::string& e) {
             return e == r.subject || e == r.object;
           }) != o.entities.end();
  };
  size_t n = 0;
  std::printf("kind\tsubject\tsubject_code\tobject\ttitle\tfrom\tto\n");
  for (const Relation& r : extractor->Relations(day)) {
    if (!wanted(r)) continue;
    ++n;
    std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", std::string(RelationKindName(r.kind)).c_str(),
                r.subject.c_str(), r.subject_code.c_str(), r.object.c_str(), r.title.c_str(),
                r.from ? r.from->ToString().c_str() : "", r.to ? r.to->ToString().c_str() : "");
  }
  spdlog::info("{} relations", n);
  return kExitOk;
}

}  // namespace

void AddDictCommand(CLI::App& app, int* exit_code) {
  CLI::App* dict = app.add_subcommand("dict", "Work with actor dictionaries and event lexicons");
  dict->require_subcommand(1);
  auto check = std::make_shared<CheckOptions>();
  CLI::App* cmd = dict->add_subcommand(
      "check",
      "Lint dictionaries: syntax errors, a phrase naming two records, ids given twice, two\n"
      "holders of one office at once, unknown states, organizations and codes. With no FILE,\n"
      "checks the built-in dictionaries. Files ending in .verbs are event lexicons, others\n"
      "actor dictionaries (docs/actors.md, docs/events.md).");
  cmd->add_option("FILE", check->files,
                  "Dictionaries to check, in the context of the built-in ones");
  cmd->add_flag("--no-builtin", check->no_builtin, "Check the files alone");
  cmd->add_flag("--strict", check->strict, "Exit with status 1 on warnings too");
  cmd->footer("Exit status: 0 no errors; 1 errors found (or warnings, with --strict).");
  cmd->callback([check, exit_code] { *exit_code = RunCheck(*check); });

  auto rel = std::make_shared<RelationsOptions>();
  CLI::App* relations = dict->add_subcommand(
      "relations",
      "Print the standing relations of the knowledge base as TSV: leader_of (heads of state,\n"
      "government and organizations, from dated roles) and member_of (memberships).");
  relations->add_option("ENTITY", rel->entities, "Only relations of these entities (RUS, NATO)");
  relations->add_option("--date", rel->date, "Only relations valid on this day (YYYY-MM-DD)");
  relations->add_option("--kind", rel->kind, "leader_of or member_of")
      ->check(CLI::IsMember({"leader_of", "member_of"}));
  relations->add_option("--actors", rel->actor_files, "Extra actor dictionary; repeatable");
  relations->callback([rel, exit_code] { *exit_code = RunRelations(*rel); });
}

}  // namespace dyad::cli
