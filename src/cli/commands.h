// The dyad program's subcommands. The CLI owns output, logging and exit codes.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

// Exit codes of the dyad program (docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitSkipped = 1,  // the run finished, but some input was skipped (see the diagnostics)
  kExitUsage = 2,    // bad command line
  kExitFatal = 3,    // the run could not go on (unreadable dictionary, ...)
};

// Registers `dyad extract` on `app`; the callback stores its exit code in `*exit_code`.
void AddExtractCommand(CLI::App& app, int* exit_code);
// Registers `dyad dict check` and `dyad dict relations`.
void AddDictCommand(CLI::App& app, int* exit_code);
// Registers `dyad ingest` and `dyad stats`.
void AddIngestCommand(CLI::App& app, int* exit_code);
// Registers the queries: timeline, neighbors, path, partners, series (docs/queries.md).
void AddQueryCommands(CLI::App& app, int* exit_code);
// Registers `dyad export network` and `dyad export timeline` (docs/export.md).
void AddExportCommand(CLI::App& app, int* exit_code);
// Registers `dyad train tagger|parser` (docs/syntax.md).
void AddTrainCommand(CLI::App& app, int* exit_code);
// Registers `dyad syntax eval|parse|info` (docs/syntax.md).
void AddSyntaxCommand(CLI::App& app, int* exit_code);

}  // namespace dyad::cli
