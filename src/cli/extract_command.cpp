#include <spdlog/spdlog.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/coding_stream.h"
#include "cli/commands.h"
#include "cli/shared_flags.h"
#include "dyad/corpus_reader.h"
#include "dyad/error.h"
#include "dyad/event_format.h"
#include "dyad/extractor.h"
#include "dyad/graph_store.h"

namespace dyad::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  ReaderFlags reader;
  DictionaryFlags dictionaries;
  std::string format = "jsonl";
  bool strict = false;
  bool factual_only = false;
  JobsFlag jobs;
};

// Writes to standard output; a full disk or a closed file stops the run (exit 3) rather than
// coding on into the void.
void Write(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    throw Error(ErrorKind::kIo, std::string("cannot write the output: ") + std::strerror(errno));
  }
}

int RunExtract(const ExtractOptions& o) {
  const CorpusReaderOptions reader_options = o.reader.Options();
  std::vector<Diagnostic> diagnostics;
  const std::unique_ptr<Extractor> extractor =
      Extractor::Create(o.dictionaries.Options(), &diagnostics);
  bool skipped = false;
  if (Report(&diagnostics, &skipped) && o.strict) return kExitSkipped;
  const DictionaryInfo& info = extractor->info();
  spdlog::debug("dictionaries: {} actors, {} phrases, {} event rules, fingerprint {}", info.actors,
                info.phrases, info.rules, info.fingerprint);

  CorpusReader reader(o.inputs, reader_options);
  int64_t articles = 0;
  int64_t events = 0;
  int64_t bytes = 0;
  bool header = true;
  const auto start = std::chrono::steady_clock::now();
  const bool records = o.format == "records";
  // Filtering and formatting happen on the coding threads; the table keeps one header, so it
  // is formatted here.
  const std::string& fingerprint = info.fingerprint;
  const auto format = [&](CodedArticle& a) {
    if (o.factual_only) {
      std::erase_if(a.events, [](const Event& e) { return !e.factual || e.negated; });
    }
    if (records) {
      // Everything an ingest would store of the article, but its text (docs/distributed.md).
      ArticleRecord r{true,     a.article, ContentHash(a.article), fingerprint,
                      a.events, a.read,    a.diagnostics};
      r.article.text.clear();
      a.output = ArticleRecordToJson(r) + "\n";
    } else if (o.format == "jsonl") {
      for (const Event& e : a.events) a.output += EventToJson(e) + "\n";
    } else if (o.format == "explain") {
      a.output = extractor->Explain(a.article);
    }
  };
  const auto deliver = [&](CodedArticle& a) {
    if (records && a.trailer && !a.read.empty()) {
      ArticleRecord r;
      r.has_article = false;
      r.read = a.read;
      Write(ArticleRecordToJson(r) + "\n");
    }
    if (Report(&a.read, &skipped) && o.strict) return false;
    if (a.trailer) return true;
    ++articles;
    bytes += static_cast<int64_t>(a.article.text.size() + a.article.title.size());
    if (Report(&a.diagnostics, &skipped) && o.strict) return false;
    events += static_cast<int64_t>(a.events.size());
    if (o.format == "table") {
      Write(EventsToTable(a.events, header));
      header = false;
    } else {
      Write(a.output);
    }
    return true;
  };
  CodingStreamOptions stream;
  stream.jobs = o.jobs.Jobs();
  stream.after = format;
  if (!RunCodingStream(reader, *extractor, stream, {}, deliver)) {
    std::fflush(stdout);
    return kExitSkipped;
  }
  std::fflush(stdout);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  spdlog::info("{} articles, {} events, {} skipped, {:.1f} MB/s ({} jobs)", articles, events,
               reader.skipped(), seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0,
               o.jobs.Jobs());
  return skipped ? kExitSkipped : kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Code the events of articles and write them to stdout, one JSON object a line.\n"
      "FILE is a plain-text article (UTF-8; its first line is the headline), a .jsonl corpus\n"
      "(one {\"id\",\"title\",\"text\",\"date\",\"url\",\"source\"} object a line), or - for "
      "standard input.");
  cmd->add_option("FILE", options->inputs, "Articles to code")->required();
  options->reader.AddTo(cmd);
  options->dictionaries.AddTo(cmd);
  cmd->add_option("--format", options->format,
                  "jsonl: one event a line; table: for people; explain: each sentence with its actors, "
                  "places and events, to see why; records: one article a line "
                  "with its events, for ingest --events (docs/distributed.md)")
      ->check(CLI::IsMember({"jsonl", "table", "records", "explain"}))
      ->capture_default_str();
  cmd->add_flag("--factual-only", options->factual_only,
                "Leave out negated and non-factual events (planned, expected, possible)");
  cmd->add_flag("--strict", options->strict, "Stop at the first diagnostic");
  options->jobs.AddTo(cmd);
  cmd->footer(
      "Exit status: 0 all input coded (warnings, if any, on stderr); 1 some input skipped\n"
      "(errors on stderr) or, with --strict, any diagnostic;\n"
      "2 bad command line; 3 the run could not go on. See docs/cli.md.");
  cmd->callback([options, exit_code] { *exit_code = RunExtract(*options); });
}

}  // namespace dyad::cli
