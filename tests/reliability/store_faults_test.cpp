// Faults while the knowledge graph is written (docs/reliability.md): an ingest killed with
// SIGKILL at 24 points, a disk that fills at 10 points, a database another writer holds. After
// each, PRAGMA integrity_check is ok, and re-running the ingest gives the graph of an
// uninterrupted run row for row: no event lost, none doubled.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "dyad/error.h"
#include "reliability/fault_vfs.h"
#include "test_support.h"

namespace dyad::testing {
namespace {

using Clock = std::chrono::steady_clock;

// A corpus of `n` articles about pairs of states, many reporting the same events (so that
// merging matters), a few of them broken (so that diagnostics are stored too).
std::string WriteCorpus(const TempDir& dir, int n) {
  static const char* kStates[] = {"Russia", "Ukraine", "France", "Germany", "China",
                                  "Japan",  "Chile",   "Peru",   "Egypt",   "Israel"};
  static const char* kVerbs[] = {"warned", "criticized", "praised", "thanked", "accused"};
  std::string text;
  for (int i = 0; i < n; ++i) {
    if (i % 97 == 50) {
      text += "{\"id\": \"broken-" + std::to_string(i) + "\", \"text\": 5}\n";
      continue;
    }
    const char* a = kStates[i % 10];
    const char* b = kStates[(i * 7 + 3) % 10];
    if (a == b) b = kStates[(i + 1) % 10];
    text += "{\"id\": \"a" + std::to_string(i) + "\", \"source\": \"s" + std::to_string(i % 4) +
            "\", \"date\": \"2021-03-0" + std::to_string(1 + i % 9) + "\", \"text\": \"" + a + " " +
            kVerbs[i % 5] + " " + b + ". " + b + " " + kVerbs[(i + 2) % 5] + " " + a +
            " on Monday.\"}\n";
  }
  return dir.Write("corpus.jsonl", text);
}

// "" when the dumps are the same, else the first line where they differ (a whole dump is too
// long for a failure message).
std::string FirstDifference(const std::string& got, const std::string& want) {
  size_t line = 1;
  for (size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    if (got[i] != want[i]) {
      const auto line_of = [&](const std::string& s) {
        const size_t begin = s.rfind('\n', i) == std::string::npos ? 0 : s.rfind('\n', i) + 1;
        return s.substr(begin, s.find('\n', i) - begin);
      };
      return "line " + std::to_string(line) + ": got '" + line_of(got) + "', want '" +
             line_of(want) + "'";
    }
    line += got[i] == '\n' ? 1 : 0;
  }
  return got.size() == want.size() ? "" : "one dump is longer (line " + std::to_string(line) + ")";
}

int64_t CountOf(const std::string& db, const char* table) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

// Opened for writing: after a crash, SQLite first rolls back what a dead writer left, as any
// next user of the database would.
std::string IntegrityCheck(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READWRITE);
  return d.execAndGet("PRAGMA integrity_check").getString();
}

// Events lost or doubled against the reference: the difference in events, plus mentions
// missing or extra (an event with a mention too many or too few).
int EventsOff(const std::string& db, const std::string& reference) {
  return static_cast<int>(std::abs(CountOf(db, "events") - CountOf(reference, "events")) +
                          std::abs(CountOf(db, "mentions") - CountOf(reference, "mentions")));
}

// `dyad ingest` in this process, through the CLI's own command; its exit code, as the
// program's main gives it (an Error that stops the run is exit 3).
int IngestHere(const std::string& db, const std::string& corpus) {
  CLI::App app;
  int code = cli::kExitOk;
  cli::AddIngestCommand(app, &code);
  std::vector<std::string> args = {"ingest", "--db", db, "--batch", "20", "--jobs", "1", corpus};
  std::reverse(args.begin(), args.end());
  const spdlog::level::level_enum level = spdlog::get_level();
  spdlog::set_level(spdlog::level::off);  // the broken records' errors, every run
  try {
    app.parse(args);
  } catch (const Error& e) {
    code = cli::kExitFatal;
  }
  spdlog::set_level(level);
  return code;
}

TEST(StoreFaults, KillNineAtTwentyFourPointsOfAnIngest) {
  TempDir dir;
  const std::string corpus = WriteCorpus(dir, 600);
  const std::string reference = dir.Path("reference.db");
  auto start = Clock::now();
  const ProcessResult clean = RunDyad({"ingest", "--batch", "20", "--db", reference, corpus});
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_EQ(clean.exit_code, 1) << "the broken records are skipped\n" << clean.err;
  // The run's length is the shorter of two: a first run on a cold or busy machine would put
  // the kill points after the later runs end.
  start = Clock::now();
  RunDyad({"ingest", "--batch", "20", "--db", dir.Path("timing.db"), corpus});
  seconds = std::min(seconds, std::chrono::duration<double>(Clock::now() - start).count());
  const std::string expected = DumpDatabase(reference);
  ASSERT_GT(CountOf(reference, "events"), 50);

  constexpr int kKills = 24;
  std::mt19937 random(20261128);  // fixed: the same points on every run
  int interrupted = 0;
  int crashes = 0;
  int off = 0;
  for (int k = 0; k < kKills; ++k) {
    // Points spread over the run: one in each 24th of its time, at random within it.
    const double at = seconds * (k + std::uniform_real_distribution<double>(0, 1)(random)) / kKills;
    const std::string db = dir.Path("killed-" + std::to_string(k) + ".db");
    const pid_t pid = fork();
    if (pid == 0) {
      const int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(DYAD_BINARY, DYAD_BINARY, "ingest", "--batch", "20", "--db", db.c_str(), corpus.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    interrupted += killed ? 1 : 0;
    crashes += WIFSIGNALED(status) && !killed ? 1 : 0;
    if (std::filesystem::exists(db)) {
      EXPECT_EQ(IntegrityCheck(db), "ok") << "kill " << k;
    }
    const ProcessResult rerun = RunDyad({"ingest", "--batch", "20", "--db", db, corpus});
    EXPECT_EQ(rerun.exit_code, 1) << "kill " << k << "\n" << rerun.err;
    crashes += rerun.crashed() ? 1 : 0;
    EXPECT_EQ(FirstDifference(DumpDatabase(db), expected), "")
        << "kill " << k << " at " << at << " s";
    off += EventsOff(db, reference);
  }
  // Many kills land in the middle of the run (a slow, sanitized build may not have started,
  // and on a loaded machine a run may end before its later points: 10 of 24 under the
  // sanitizers with two compilers running beside them).
  EXPECT_GE(interrupted, kKills / 3);
  EXPECT_EQ(off, 0);
  RecordTrial("store faults", "kill -9 at random points of an ingest", kKills, crashes, off,
              "integrity ok after each; the re-run gives the uninterrupted graph row for row (" +
                  std::to_string(interrupted) + " of " + std::to_string(kKills) +
                  " killed mid-run)");
}

TEST(StoreFaults, ADiskThatFillsAtTenPoints) {
  TempDir dir;
  const std::string corpus = WriteCorpus(dir, 400);
  const std::string reference = dir.Path("reference.db");
  int64_t total = 0;  // bytes an uninterrupted ingest writes
  {
    const FullDisk roomy(INT64_MAX);
    ASSERT_EQ(IngestHere(reference, corpus), cli::kExitSkipped);
    total = roomy.written();
  }
  ASSERT_GT(total, 0);
  const std::string expected = DumpDatabase(reference);
  constexpr int kPoints = 10;
  int stopped = 0;
  int off = 0;
  for (int k = 1; k <= kPoints; ++k) {
    const std::string db = dir.Path("full-" + std::to_string(k) + ".db");
    int code = 0;
    {
      const FullDisk full(total * k / (kPoints + 1));
      code = IngestHere(db, corpus);
      EXPECT_GT(full.refused(), 0) << "point " << k;
    }
    // The disk fills while articles are stored (exit 3), or only when the finished ingest
    // folds its write-ahead log into the database on closing, which SQLite does again later:
    // then everything was stored.
    EXPECT_TRUE(code == cli::kExitFatal || code == cli::kExitSkipped) << "point " << k;
    stopped += code == cli::kExitFatal ? 1 : 0;
    if (std::filesystem::exists(db)) {
      EXPECT_EQ(IntegrityCheck(db), "ok") << "point " << k;
    }
    EXPECT_EQ(IngestHere(db, corpus), cli::kExitSkipped) << "point " << k;
    EXPECT_EQ(FirstDifference(DumpDatabase(db), expected), "") << "point " << k;
    off += EventsOff(db, reference);
  }
  EXPECT_EQ(off, 0);
  EXPECT_GE(stopped, kPoints / 2);
  RecordTrial("store faults", "a full disk (SQLITE_FULL from a VFS) at points through an ingest",
              kPoints, 0, off,
              std::to_string(stopped) +
                  " stopped with exit 3 (the others filled the disk only when closing); "
                  "integrity ok; the re-run gives the uninterrupted graph");
}

TEST(StoreFaults, ADatabaseAnotherWriterHolds) {
  TempDir dir;
  const std::string corpus = WriteCorpus(dir, 100);
  const std::string db = dir.Path("held.db");
  ASSERT_EQ(RunDyad({"ingest", "--db", db, corpus}).exit_code, 1);
  const std::string more =
      dir.Write("more.jsonl", R"({"id": "m1", "date": "2021-04-01", "text": "Chile thanked Peru."})"
                              "\n");
  const std::string before = DumpDatabase(db);
  ProcessResult blocked;
  ProcessResult reader;
  {
    SQLite::Database other(db, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");  // the writer's lock, held
    other.exec(
        "INSERT INTO diagnostics (severity, file, line, article_id, message, excerpt) "
        "VALUES ('warning', 'other', 0, '', 'uncommitted', '')");
    blocked = RunDyad({"ingest", "--db", db, more});  // waits out the busy timeout (10 s)
    reader = RunDyad({"timeline", "RUS", "--db", db, "--no-snapshot"});
    other.exec("ROLLBACK");
  }
  EXPECT_EQ(blocked.exit_code, 3) << blocked.err;
  EXPECT_NE(blocked.err.find("database is locked (another process is writing it; waited 10 s)"),
            std::string::npos)
      << blocked.err;
  EXPECT_EQ(reader.exit_code, 0) << "a reader is not blocked by a writer\n" << reader.err;
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(FirstDifference(DumpDatabase(db), before), "")
      << "nothing of the blocked ingest was stored";
  ASSERT_EQ(RunDyad({"ingest", "--db", db, more}).exit_code, 0);
  EXPECT_EQ(CountOf(db, "articles"), 100 - 1 + 1);  // one broken record in 100
  RecordTrial("store faults", "a database another writer holds", 1,
              blocked.crashed() || reader.crashed() ? 1 : 0, 0,
              "exit 3 after the 10 s busy timeout (\"database is locked\"); queries go on; "
              "a later run stores it");
}

}  // namespace
}  // namespace dyad::testing
