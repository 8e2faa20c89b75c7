// dyad: turns news articles into a geopolitical event knowledge graph.
#include <spdlog/cfg/env.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "dyad/error.h"

namespace {

void SetUpLogging(int verbosity, bool quiet) {
  auto logger = spdlog::stderr_color_mt("dyad");
  logger->set_pattern("dyad: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(quiet            ? spdlog::level::err
                    : verbosity >= 2 ? spdlog::level::trace
                    : verbosity == 1 ? spdlog::level::debug
                                     : spdlog::level::info);
  if (verbosity == 0 && !quiet) spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL=debug
}

int Run(int argc, char** argv) {
  CLI::App app{"dyad: who did what to whom, when - geopolitical events from news articles"};
  app.require_subcommand(1);
  int verbosity = 0;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbosity,
               "More logging on stderr (-vv for trace); "
               "SPDLOG_LEVEL also sets the level");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.set_version_flag("--version", "dyad 0.1.0");
  int exit_code = dyad::cli::kExitOk;
  dyad::cli::AddExtractCommand(app, &exit_code);
  dyad::cli::AddDictCommand(app, &exit_code);
  dyad::cli::AddIngestCommand(app, &exit_code);
  dyad::cli::AddQueryCommands(app, &exit_code);
  dyad::cli::AddExportCommand(app, &exit_code);
  dyad::cli::AddTrainCommand(app, &exit_code);
  dyad::cli::AddSyntaxCommand(app, &exit_code);
  app.parse_complete_callback([&] { SetUpLogging(verbosity, quiet); });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? dyad::cli::kExitOk : dyad::cli::kExitUsage;
  } catch (const dyad::Error& e) {
    spdlog::error("{}", e.what());
    return e.kind() == dyad::ErrorKind::kInvalidArgument ? dyad::cli::kExitUsage
                                                         : dyad::cli::kExitFatal;
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {}", e.what());
    return dyad::cli::kExitFatal;
  }
  // What is still buffered: a full disk must not pass for success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    spdlog::error("cannot write the output: {}", std::strerror(errno));
    return dyad::cli::kExitFatal;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (...) {  // e.g. std::bad_alloc while setting up; nothing may escape main
    std::fputs("dyad: internal error\n", stderr);
    return dyad::cli::kExitFatal;
  }
}
