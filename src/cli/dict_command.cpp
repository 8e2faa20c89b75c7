#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dyad/dictionary_check.h"

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
  for (const Diagnostic& d : found) {
    const bool error = d.severity == Severity::kError;
    errors += error ? 1 : 0;
    std::printf("%s: %s\n", error ? "error" : "warning", d.ToString().c_str());
  }
  const size_t warnings = found.size() - errors;
  spdlog::info("{} checked: {} errors, {} warnings",
               o.files.empty() ? std::string("built-in dictionaries")
                               : std::to_string(o.files.size()) + " file(s)",
               errors, warnings);
  return errors > 0 || (o.strict && warnings > 0) ? kExitSkipped : kExitOk;
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
  cmd->add_option("FILE", check->files, "Dictionaries to check, in the context of the built-in ones");
  cmd->add_flag("--no-builtin", check->no_builtin, "Check the files alone");
  cmd->add_flag("--strict", check->strict, "Exit with status 1 on warnings too");
  cmd->footer("Exit status: 0 no errors; 1 errors found (or warnings, with --strict).");
  cmd->callback([check, exit_code] { *exit_code = RunCheck(*check); });
}

}  // namespace dyad::cli
