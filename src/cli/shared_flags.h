// Command-line flags that several subcommands share: dictionaries, and reading a corpus.
#pragma once

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "dyad/corpus_reader.h"
#include "dyad/diagnostic.h"
#include "dyad/extractor.h"

namespace dyad::cli {

// --actors, --agents, --verbs, --discard, --no-builtin.
struct DictionaryFlags {
  std::vector<std::string> actor_files;
  std::vector<std::string> agent_files;
  std::vector<std::string> verb_files;
  std::vector<std::string> discard_files;
  bool no_builtin = false;
  bool keep_negated = false;

  void AddTo(CLI::App* cmd);
  ExtractorOptions Options() const {
    return ExtractorOptions{!no_builtin,   actor_files,  agent_files,
                            verb_files,    discard_files, keep_negated};
  }
};

// --id and --date for plain-text articles, and --max-article-mb.
struct ReaderFlags {
  std::string id;
  std::string date;
  size_t max_article_mb = CorpusReaderOptions::kDefaultMaxArticleBytes >> 20;

  void AddTo(CLI::App* cmd);
  // Throws Error(kInvalidArgument) for a malformed --date.
  CorpusReaderOptions Options() const;
};

// Logs diagnostics and clears them. Returns whether there were warnings or errors (for
// --strict; notes do not count); sets `*skipped` when one of them is an error (something was
// skipped).
bool Report(std::vector<Diagnostic>* diagnostics, bool* skipped);

}  // namespace dyad::cli
