#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/coding_stream.h"
#include "cli/commands.h"
#include "cli/shared_flags.h"
#include "core/peak_memory.h"
#include "dyad/event_reader.h"
#include "dyad/graph_store.h"

namespace dyad::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db = "dyad.db";
  int batch = 200;
  ReaderFlags reader;
  DictionaryFlags dictionaries;
  bool strict = false;
  bool events = false;  // the inputs are what extract wrote, not articles
  JobsFlag jobs;
};

using Clock = std::chrono::steady_clock;

// Articles and events so far, and a progress line on a terminal: counts, rate, and the time
// left, estimated from the bytes read of the inputs' total size (none for standard input).
class Progress {
 public:
  Progress(bool show, int64_t total_bytes) : show_(show), total_bytes_(total_bytes) {}
  void Update(int64_t articles, int64_t events, int64_t bytes, bool force = false) {
    const auto now = Clock::now();
    if (!show_ || (!force && now - last_ < std::chrono::milliseconds(500))) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::string eta;
    if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_) {
      const double left =
          seconds * static_cast<double>(total_bytes_ - bytes) / static_cast<double>(bytes);
      eta = fmt::format(", {}%, ETA {}", bytes * 100 / total_bytes_, Duration(left));
    }
    std::fprintf(stderr, "\rdyad: %lld articles, %lld events, %.0f articles/s%s   ",
                 static_cast<long long>(articles), static_cast<long long>(events),
                 seconds > 0 ? static_cast<double>(articles) / seconds : 0.0, eta.c_str());
    std::fflush(stderr);
  }
  void Done() {
    if (show_) std::fputc('\n', stderr);
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  // "42 s", "3 min 05 s", "1 h 02 min".
  static std::string Duration(double seconds) {
    const int64_t s = std::llround(seconds);
    if (s < 60) return fmt::format("{} s", s);
    if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
    return fmt::format("{} h {:02} min", s / 3600, s % 3600 / 60);
  }

 private:
  bool show_;
  int64_t total_bytes_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

// The summed size of the inputs that are regular files; 0 when one is not (standard input).
int64_t TotalBytes(const std::vector<std::string>& inputs) {
  int64_t total = 0;
  for (const std::string& path : inputs) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_regular_file(path, error)) return 0;
    total += static_cast<int64_t>(std::filesystem::file_size(path, error));
  }
  return total;
}

// What ingest and ingest --events share: the store, its batches, the diagnostics kept in it,
// the counts, the progress line and the closing summary.
class Ingest {
 public:
  Ingest(const IngestOptions& o, std::unique_ptr<GraphStore> store)
      : o_(o),
        store_(std::move(store)),
        progress_(isatty(STDERR_FILENO) != 0, TotalBytes(o.inputs)) {}

  GraphStore& store() { return *store_; }

  // Logs and stores diagnostics; true when there were some and --strict stops the run.
  bool Keep(std::vector<Diagnostic>* found) {
    for (const Diagnostic& d : *found) store_->PutDiagnostic(d);
    return Report(found, &skipped_) && o_.strict;
  }

  // Counts an article read; `status` says how it compares with what is stored.
  void Read(GraphStore::ArticleStatus status) {
    ++read_;
    if (status == GraphStore::ArticleStatus::kUnchanged) ++unchanged_;
  }

  // Stores an article read with `status` (not unchanged), committing a batch when it is full.
  void Put(GraphStore::ArticleStatus status, const Article& article,
           const std::vector<Event>& events, const std::string& fingerprint,
           const std::string& content_hash, int64_t bytes_read) {
    store_->Put(article, events, fingerprint, content_hash);
    (status == GraphStore::ArticleStatus::kNew ? added_ : replaced_) += 1;
    events_ += static_cast<int64_t>(events.size());
    if (++pending_ >= o_.batch) {
      store_->Commit();
      pending_ = 0;
    }
    progress_.Update(read_, events_, bytes_read);
  }

  // Commits the last batch and logs the summary (`what` was read; `how`, e.g. the jobs, adds
  // to it); the exit status.
  int Finish(int64_t bytes_read, int64_t reader_skipped, const std::string& what,
             const std::string& how = "") {
    store_->Commit();
    progress_.Update(read_, events_, bytes_read, true);
    progress_.Done();
    const StoreCounts c = store_->Counts();
    const double seconds = progress_.Seconds();
    spdlog::info(
        "{} {} read: {} added, {} replaced, {} unchanged; {} event mentions in {:.1f} s "
        "({:.0f} events/s, peak memory {:.0f} MiB{})",
        read_, what, added_, replaced_, unchanged_, events_, seconds,
        seconds > 0 ? static_cast<double>(events_) / seconds : 0.0, core::PeakMemoryMib(), how);
    spdlog::info("{} now holds {} articles, {} events, {} mentions", o_.db, c.articles, c.events,
                 c.mentions);
    return skipped_ || (o_.strict && reader_skipped > 0) ? kExitSkipped : kExitOk;
  }

 private:
  const IngestOptions& o_;
  std::unique_ptr<GraphStore> store_;
  Progress progress_;
  bool skipped_ = false;
  int64_t read_ = 0, added_ = 0, replaced_ = 0, unchanged_ = 0, events_ = 0, pending_ = 0;
};

// Stores events that `dyad extract` wrote (article records or plain event lines), merging
// them as an ingest of the articles would: nothing is coded.
int RunIngestEvents(const IngestOptions& o) {
  Ingest ingest(o, GraphStore::Open(o.db));
  EventReader reader(o.inputs);
  std::vector<Diagnostic> diagnostics;
  ArticleRecord r;
  while (true) {
    const bool more = reader.Next(&r, &diagnostics);
    if (ingest.Keep(&diagnostics) || !more || ingest.Keep(&r.read)) break;
    if (!r.has_article) continue;
    const GraphStore::ArticleStatus status = ingest.store().Status(r.article, r.content_hash);
    ingest.Read(status);
    if (status == GraphStore::ArticleStatus::kUnchanged) continue;
    if (ingest.Keep(&r.coding)) break;
    ingest.Put(status, r.article, r.events, r.fingerprint, r.content_hash, reader.bytes_read());
  }
  return ingest.Finish(reader.bytes_read(), reader.skipped(), "articles of events");
}

int RunIngest(const IngestOptions& o) {
  if (o.events) return RunIngestEvents(o);
  std::vector<Diagnostic> diagnostics;
  const auto extractor = Extractor::Create(o.dictionaries.Options(), &diagnostics);
  bool skipped = false;
  if (Report(&diagnostics, &skipped) && o.strict) return kExitSkipped;
  Ingest ingest(o, GraphStore::Open(o.db));
  GraphStore& store = ingest.store();
  const std::string& fingerprint = extractor->info().fingerprint;
  CorpusReader reader(o.inputs, o.reader.Options());
  // An article stored unchanged is not coded again. Whether it is can be told when it is read,
  // unless an article of the same id is still on its way to the store: then it is coded, and
  // told when its turn comes, as one thread would.
  std::unordered_map<std::string, int> in_flight;
  const auto admit = [&](const Article& a) {
    const bool pending_id = ++in_flight[a.id] > 1;
    return pending_id || store.Status(a) != GraphStore::ArticleStatus::kUnchanged;
  };
  const auto deliver = [&](CodedArticle& a) {
    if (ingest.Keep(&a.read)) return false;
    if (a.trailer) return true;
    if (--in_flight[a.article.id] == 0) in_flight.erase(a.article.id);
    const GraphStore::ArticleStatus status =
        a.code ? store.Status(a.article) : GraphStore::ArticleStatus::kUnchanged;
    ingest.Read(status);
    if (status == GraphStore::ArticleStatus::kUnchanged) return true;
    if (ingest.Keep(&a.diagnostics)) return false;
    ingest.Put(status, a.article, a.events, fingerprint, ContentHash(a.article),
               reader.bytes_read());
    return true;
  };
  CodingStreamOptions stream;
  stream.jobs = o.jobs.Jobs();
  RunCodingStream(reader, *extractor, stream, admit, deliver);
  return ingest.Finish(reader.bytes_read(), reader.skipped(), "articles",
                       fmt::format(", {} jobs", stream.jobs));
}

int RunStats(const std::string& db) {
  const auto store = GraphStore::Open(db, /*read_only=*/true);
  const StoreCounts c = store->Counts();
  std::printf(
      "database\t%s\nschema_version\t%d\narticles\t%lld\nevents\t%lld\nmentions\t%lld\n"
      "actors\t%lld\ndiagnostics\t%lld\n",
      db.c_str(), store->schema_version(), static_cast<long long>(c.articles),
      static_cast<long long>(c.events), static_cast<long long>(c.mentions),
      static_cast<long long>(c.actors), static_cast<long long>(c.diagnostics));
  return kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Code articles and store their events in the knowledge graph (docs/store.md). Articles\n"
      "already stored with the same content are skipped; changed ones are re-coded. Safe to\n"
      "interrupt: a re-run completes the work. On a terminal, shows progress and the time left.");
  cmd->add_option("CORPUS", o->inputs, "Articles to ingest (as for extract)")->required();
  cmd->add_flag("--events", o->events,
                "CORPUS holds what dyad extract wrote (--format records, or plain events) "
                "rather than articles: store it without coding (docs/distributed.md)");
  cmd->add_option("--db", o->db, "Database file")->capture_default_str();
  cmd->add_option("--batch", o->batch, "Articles per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  o->reader.AddTo(cmd);
  o->dictionaries.AddTo(cmd);
  cmd->add_flag("--strict", o->strict, "Stop at the first diagnostic (what was stored stays)");
  o->jobs.AddTo(cmd);
  cmd->footer(
      "Exit status: 0 all input stored; 1 some input skipped (diagnostics on stderr and\n"
      "in the database); 2 bad command line; 3 the database could not be used.");
  cmd->callback([o, exit_code] { *exit_code = RunIngest(*o); });

  auto db = std::make_shared<std::string>("dyad.db");
  CLI::App* stats = app.add_subcommand("stats", "What a knowledge graph database holds");
  stats->add_option("--db", *db, "Database file")->capture_default_str();
  stats->callback([db, exit_code] { *exit_code = RunStats(*db); });
}

}  // namespace dyad::cli
