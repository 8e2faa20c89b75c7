// End-to-end tests of `dyad ingest` and `dyad stats`: merging, re-runs, and an ingest killed
// with SIGKILL part-way, then completed.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/graph_store.h"
#include "test_support.h"

namespace dyad::cli {
namespace {

class IngestCommandTest : public ::testing::Test {
 protected:
  // A corpus of `n` short articles about pairs of real states, many of them reporting the
  // same events, so that merging matters.
  std::string Corpus(int n) {
    static const char* kStates[] = {"Russia", "Ukraine", "France", "Germany", "China", "Japan"};
    const std::string path = (dir_ / "corpus.jsonl").string();
    std::ofstream out(path);
    for (int i = 0; i < n; ++i) {
      const char* a = kStates[i % 3];
      const char* b = kStates[3 + (i % 3)];
      const int day = 1 + (i % 2);
      out << R"({"id": "a)" << i << R"(", "source": "s)" << (i % 3) << R"(", "date": "2021-03-0)"
          << day << R"(", "text": ")" << a << " warned " << b << ". " << b << " criticized " << a
          << R"(."})"
          << "\n";
    }
    return path;
  }

  // Runs dyad; its standard output goes to `out` (default: nowhere).
  int Dyad(const std::string& args, const std::string& out = "/dev/null") {
    const std::string cmd = std::string(DYAD_BINARY) + " -q " + args + " >" + out + " 2>/dev/null";
    const int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

  std::string Db(const std::string& name) const { return (dir_ / name).string(); }

  static StoreCounts Counts(const std::string& db) { return GraphStore::Open(db, true)->Counts(); }

  testing::TempDir temp_;
  std::filesystem::path dir_ = temp_.path();
};

TEST_F(IngestCommandTest, MergesEventsAndSkipsWhatIsAlreadyStored) {
  const std::string corpus = Corpus(60);
  ASSERT_EQ(Dyad("ingest --db " + Db("g.db") + " " + corpus), 0);
  const StoreCounts first = Counts(Db("g.db"));
  EXPECT_EQ(first.articles, 60);
  EXPECT_EQ(first.mentions, 120);
  EXPECT_EQ(first.events, 12);  // 3 pairs x 2 days x (warn, criticize): the rest merge
  ASSERT_EQ(Dyad("ingest --db " + Db("g.db") + " " + corpus), 0);
  const StoreCounts again = Counts(Db("g.db"));
  EXPECT_EQ(again.events, first.events);
  EXPECT_EQ(again.mentions, first.mentions);
}

TEST_F(IngestCommandTest, AKilledIngestCompletesOnReRunWithTheSameCounts) {
  const std::string corpus = Corpus(1500);
  ASSERT_EQ(Dyad("ingest --batch 25 --db " + Db("clean.db") + " " + corpus), 0);
  const StoreCounts clean = Counts(Db("clean.db"));
  for (const char* after : {"0.05", "0.15", "0.35"}) {
    const std::string db = Db(std::string("killed-") + after + ".db");
    // SIGKILL part-way (the exit status is that of the kill, or 0 if it finished first).
    Dyad("-q ingest --batch 25 --db " + db + " " + corpus + " & pid=$!; sleep " + after +
         "; kill -9 $pid; wait $pid");
    if (std::filesystem::exists(db)) {  // a slow (sanitized) build may be killed before it
      // (Read-write: a kill in mid-transaction leaves a hot journal that only a writer may
      // roll back, as the next ingest does.)
      SQLite::Database check(db, SQLite::OPEN_READWRITE);
      EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok") << after;
    }
    ASSERT_EQ(Dyad("ingest --batch 25 --db " + db + " " + corpus), 0) << after;
    const StoreCounts done = Counts(db);
    EXPECT_EQ(done.articles, clean.articles) << after;
    EXPECT_EQ(done.events, clean.events) << after;
    EXPECT_EQ(done.mentions, clean.mentions) << after;
  }
}

// Coding on several threads stores the graph one thread stores, row for row, ids included:
// with broken lines, and with an article that comes twice, changed, in one run.
TEST_F(IngestCommandTest, JobsStoreTheSameGraph) {
  std::string corpus = testing::ReadFile(Corpus(300));
  // The last article again, as it is and then changed, while the first is still in flight.
  const std::string last = corpus.substr(corpus.rfind('\n', corpus.size() - 2) + 1);
  corpus += last;
  corpus += "{\"id\": \"a299\", \"date\": \"2021-03-09\", \"text\": \"China warned Japan.\"}\n";
  corpus += "{\"id\": \"a7\", \"date\": \"2021-03-05\", \"text\": \"Japan praised China.\"}\n";
  corpus += "{broken\n";
  corpus += "{\"id\": \"a8\", \"date\": \"2021-03-02\", \"text\": \"" +
            std::string("Russia warned Japan. ") + "\"}\n";
  const std::string path = temp_.Write("twice.jsonl", corpus);
  EXPECT_EQ(Dyad("ingest --jobs 1 --batch 7 --db " + Db("one.db") + " " + path), 1);
  EXPECT_EQ(Dyad("ingest --jobs 3 --batch 7 --db " + Db("three.db") + " " + path), 1);
  const std::string one = testing::DumpDatabase(Db("one.db"));
  EXPECT_GT(one.size(), 1000u);
  EXPECT_TRUE(testing::DumpDatabase(Db("three.db")) == one) << "the stored graphs differ";
  // A re-run with jobs skips what is stored, as one thread would.
  EXPECT_EQ(Dyad("ingest --jobs 3 --db " + Db("three.db") + " " + path), 1);
  EXPECT_EQ(Counts(Db("three.db")).mentions, Counts(Db("one.db")).mentions);
}

// The distributed path: extract (anywhere, on parts of the corpus) then ingest --events gives
// the database a direct ingest gives, row for row; plain events give the same events.
TEST_F(IngestCommandTest, IngestingExtractedEventsGivesTheSameGraph) {
  std::string corpus = testing::ReadFile(Corpus(120));
  corpus += "{broken\n";
  corpus += "{\"id\": \"empty\", \"text\": \"\"}\n";
  corpus += "{\"id\": \"quiet\", \"date\": \"2021-03-02\", \"text\": \"Nothing happened.\"}\n";
  const std::string path = temp_.Write("c.jsonl", corpus);
  EXPECT_EQ(Dyad("ingest --db " + Db("direct.db") + " " + path), 1);
  // Records, written by an extract run with jobs.
  const std::string records = Db("records.jsonl");
  EXPECT_EQ(Dyad("extract --format records --jobs 2 " + path, records), 1);
  EXPECT_EQ(Dyad("ingest --events --batch 9 --db " + Db("records.db") + " " + records), 1);
  const std::string direct = testing::DumpDatabase(Db("direct.db"));
  EXPECT_TRUE(testing::DumpDatabase(Db("records.db")) == direct) << "records give another graph";
  // Again: nothing is stored twice, as with articles (the broken lines are noted again).
  EXPECT_EQ(Dyad("ingest --events --db " + Db("records.db") + " " + records), 1);
  EXPECT_EQ(Dyad("ingest --db " + Db("direct.db") + " " + path), 1);
  EXPECT_TRUE(testing::DumpDatabase(Db("records.db")) == testing::DumpDatabase(Db("direct.db")));
  // Plain events: the same events and mentions (articles are known by id only).
  const std::string plain = Db("events.jsonl");
  EXPECT_EQ(Dyad("extract " + path, plain), 1);
  EXPECT_EQ(Dyad("ingest --events --db " + Db("plain.db") + " " + plain), 0);
  const StoreCounts a = Counts(Db("direct.db")), b = Counts(Db("plain.db"));
  EXPECT_EQ(b.events, a.events);
  EXPECT_EQ(b.mentions, a.mentions);
  EXPECT_EQ(b.articles, 120) << "articles without events are not in plain events";
  // Broken lines among them are diagnostics; the rest is stored.
  std::ofstream(plain, std::ios::app) << "{\"bad\": 1}\nnot json\n";
  EXPECT_EQ(Dyad("ingest --events --db " + Db("plain2.db") + " " + plain), 1);
  EXPECT_EQ(Counts(Db("plain2.db")).mentions, a.mentions);
  EXPECT_EQ(Counts(Db("plain2.db")).diagnostics, 2);
}

TEST_F(IngestCommandTest, StatsAndBadDatabases) {
  const std::string corpus = Corpus(6);
  ASSERT_EQ(Dyad("ingest --db " + Db("g.db") + " " + corpus), 0);
  EXPECT_EQ(Dyad("stats --db " + Db("g.db")), 0);
  EXPECT_EQ(Dyad("stats --db " + Db("absent.db")), 3);  // read-only open of a missing file
  std::ofstream(Db("junk.db")) << std::string(1000, 'x');
  EXPECT_EQ(Dyad("ingest --db " + Db("junk.db") + " " + corpus), 3);
}

}  // namespace
}  // namespace dyad::cli
