#include "cli/shared_flags.h"

#include "dyad/error.h"

namespace dyad::cli {

void DictionaryFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--actors", actor_files,
                  "Extra actor dictionary, dyad's format or TABARI/PETRARCH's (docs/actors.md); "
                  "repeatable");
  cmd->add_option("--agents", agent_files, "TABARI/PETRARCH agent dictionary; repeatable");
  cmd->add_option("--verbs", verb_files,
                  "Extra event lexicon, dyad's or a TABARI/PETRARCH verb dictionary "
                  "(docs/events.md); repeatable");
  cmd->add_option("--discard", discard_files,
                  "TABARI/PETRARCH discard list: sentences (with '+': articles) not to code; "
                  "repeatable");
  cmd->add_flag("--no-builtin", no_builtin,
                "Do not load the built-in actor dictionaries and event lexicon");
  cmd->add_flag("--keep-negated", keep_negated,
                "Also code events the text denies (\"did not attack\", \"failed to renew\") or only "
                "supposes (\"might ask\"), flagged negated or not factual (docs/events.md)");
}

void ReaderFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--id", id, "Id of a plain-text article (default: the file's stem)");
  cmd->add_option("--date", date, "Publication date (YYYY-MM-DD) of articles that carry none");
  cmd->add_option("--max-article-mb", max_article_mb,
                  "Skip, with an error, any article (a JSONL line or a plain-text file) longer "
                  "than this; coding takes about ten times an article's size in memory")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
}

CorpusReaderOptions ReaderFlags::Options() const {
  CorpusReaderOptions options;
  options.max_article_bytes = max_article_mb << 20;
  if (!id.empty()) options.id = id;
  if (!date.empty()) {
    options.date = Date::ParseIso(date);
    if (!options.date) {
      throw Error(ErrorKind::kInvalidArgument, "--date: expected YYYY-MM-DD, got '" + date + "'");
    }
  }
  return options;
}

bool Report(std::vector<Diagnostic>* diagnostics, bool* skipped) {
  bool any = false;  // a warning or an error: notes do not stop a --strict run
  for (const Diagnostic& d : *diagnostics) {
    if (d.severity == Severity::kError) {
      spdlog::error("{}", d.ToString());
      *skipped = true;
    } else if (d.severity == Severity::kWarning) {
      spdlog::warn("{}", d.ToString());
    } else {
      spdlog::info("{}", d.ToString());
    }
    any = any || d.severity != Severity::kInfo;
  }
  diagnostics->clear();
  return any;
}

}  // namespace dyad::cli
