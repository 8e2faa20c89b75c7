// Hostile input, end to end through the dyad program (docs/reliability.md): each case gets a
// clear diagnostic naming where and what, the rest of the corpus is coded, memory stays
// bounded, and nothing crashes. Each case records its row of the reliability table.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad::testing {
namespace {

namespace fs = std::filesystem;

// Two good articles, each with one event, around whatever is under test.
const std::string kGoodFirst =
    R"({"id": "good-1", "date": "2021-03-01", "text": "Russia warned Ukraine on Monday."})";
const std::string kGoodLast =
    R"({"id": "good-2", "date": "2021-03-02", "text": "France criticized Germany on Tuesday."})";

// AddressSanitizer keeps freed memory in quarantine (up to 256 MiB) and pads every block: the
// sanitizer build's peak memory is bounded too, but higher.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kMemoryScale = 4;
#else
constexpr int kMemoryScale = 1;
#endif

int CountLines(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) n += line.empty() ? 0 : 1;
  return n;
}

class HostileInputTest : public ::testing::Test {
 protected:
  // Extracts `files`; expects both good articles' events out, the run not crashed, stderr
  // holding each of `messages`, and a peak memory under `max_mib`. Records the row.
  void ExpectCoded(const std::string& trial, const std::vector<std::string>& files,
                   const std::vector<std::string>& messages, int max_mib = 220) {
    std::vector<std::string> args = {"extract", "--jobs", "2"};
    args.insert(args.end(), files.begin(), files.end());
    const std::string out = dir_.Path("out.jsonl");
    const ProcessResult r = RunDyad(args, {.out = out});
    EXPECT_FALSE(r.crashed()) << trial << ": signal " << r.signal;
    EXPECT_EQ(r.exit_code, 1) << trial << ": something was skipped\n" << r.err;
    const int events = CountLines(out);
    EXPECT_EQ(events, 2) << trial << ": the good articles are coded\n" << r.err;
    for (const std::string& m : messages) {
      EXPECT_NE(r.err.find(m), std::string::npos) << trial << ": expected '" << m << "' in\n"
                                                  << r.err;
    }
    EXPECT_LT(r.max_rss_kib, max_mib * kMemoryScale * 1024) << trial;
    RecordTrial(
        "hostile input", trial, 1, r.crashed() ? 1 : 0, 2 - std::min(events, 2),
        "diagnostic, the rest coded, peak " + std::to_string(r.max_rss_kib / 1024) + " MiB");
  }

  // A JSONL file: the good articles around `middle` (one or more lines).
  std::string Around(const std::string& name, const std::string& middle) {
    return dir_.Write(name, kGoodFirst + "\n" + middle + "\n" + kGoodLast + "\n");
  }

  TempDir dir_;
};

TEST_F(HostileInputTest, InvalidUtf8AndOverlongSequences) {
  ExpectCoded("invalid UTF-8, overlong sequences",
              {Around("utf8.jsonl",
                      "{\"text\": \"caf\xE9\"}\n{\"text\": \"\xC0\xAF slash\"}\n"
                      "{\"text\": \"\xED\xA0\x80 surrogate\"}")},
              {"utf8.jsonl line 2: invalid UTF-8 at byte 13", "line 3: invalid UTF-8 at byte 10",
               "line 4: invalid UTF-8 at byte 10"});
}

TEST_F(HostileInputTest, NulBytes) {
  ExpectCoded("NUL bytes",
              {Around("nul.jsonl",
                      std::string("{\"text\": \"a\0b\"}", 15) + "\n" + std::string("\0\0\0\0", 4))},
              {"nul.jsonl line 2: malformed JSON at byte 11: NUL byte", "line 3: malformed JSON"});
}

TEST_F(HostileInputTest, AHundredMegabyteSingleLineArticle) {
  const std::string path = dir_.Path("huge.jsonl");
  {
    std::ofstream out(path);
    out << kGoodFirst << "\n{\"id\": \"huge\", \"text\": \"";
    const std::string sentence = "Russia warned Ukraine again. ";
    for (size_t n = 0; n < (size_t{100} << 20); n += sentence.size()) out << sentence;
    out << "\"}\n" << kGoodLast << "\n";
  }
  ExpectCoded("a 100 MB single-line article", {path},
              {"huge.jsonl line 2: record of 104857", "longer than the limit of 16 MiB"});
}

TEST_F(HostileInputTest, ALineOfTenMillionSpaces) {
  const std::string spaces(10'000'000, ' ');
  ExpectCoded("a line of 10 million spaces",
              {Around("spaces.jsonl",
                      "{\"text\": \"" + spaces + "\"}\n{\"id\": \"x\"," + spaces + "\"text\": 5}"),
               dir_.Write("spaces.txt", spaces)},
              {"spaces.jsonl line 2: empty text", "line 3 (article x): \"text\" is not a string",
               "spaces.txt (article spaces): empty text"});
}

TEST_F(HostileInputTest, DeeplyNestedJson) {
  ExpectCoded("deeply nested JSON (a million levels)",
              {Around("deep.jsonl",
                      std::string(1'000'000, '[') + "\n{\"text\": " + std::string(1'000'000, '{'))},
              {"deep.jsonl line 2: malformed JSON", "deep.jsonl line 3: malformed JSON"});
}

TEST_F(HostileInputTest, AnEmptyCorpusAndADirectoryAmongTheFiles) {
  ExpectCoded("an empty corpus, a directory, a missing file",
              {Around("good.jsonl", ""), dir_.Write("empty.jsonl", ""), dir_.path().string(),
               dir_.Path("missing.jsonl")},
              {"empty.jsonl: empty: no articles", "is a directory",
               "missing.jsonl: cannot open: No such file or directory"});
}

TEST_F(HostileInputTest, OutputThatCannotBeWritten) {
  const std::string corpus = Around("c.jsonl", "");
  // A full disk: every write fails with ENOSPC.
  const ProcessResult full = RunDyad({"extract", corpus}, {.out = "/dev/full"});
  EXPECT_EQ(full.exit_code, 3) << full.err;
  EXPECT_NE(full.err.find("cannot write the output: No space left on device"), std::string::npos)
      << full.err;
  // A file in a directory that does not exist.
  const std::string db = dir_.Path("g.db");
  ASSERT_EQ(RunDyad({"ingest", "--db", db, corpus}).exit_code, 0);
  const ProcessResult nowhere =
      RunDyad({"export", "network", "--db", db, "-o", dir_.Path("no/such/dir/g.dot")});
  EXPECT_EQ(nowhere.exit_code, 3) << nowhere.err;
  EXPECT_NE(nowhere.err.find("g.dot"), std::string::npos) << nowhere.err;
  const bool crashed = full.crashed() || nowhere.crashed();
  RecordTrial("hostile input", "output to a full disk (/dev/full), to a missing directory", 2,
              crashed ? 1 : 0, 0, "exit 3 with the reason; nothing half-written");
}

TEST_F(HostileInputTest, AReadOnlyDatabase) {
  const std::string corpus = Around("c.jsonl", "");
  const fs::path ro = dir_.path() / "ro";
  fs::create_directories(ro);
  const std::string db = (ro / "g.db").string();
  ASSERT_EQ(RunDyad({"ingest", "--db", db, corpus}).exit_code, 0);
  const std::string dump_before = ReadFile(db);
  // Read-only file in a read-only directory; as root, the run is made as nobody to meet it.
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir_.path(), fs::perms::others_exec | fs::perms::others_read,
                  fs::perm_options::add);
  const RunOptions as_user{.as_nobody = geteuid() == 0};
  const ProcessResult ingest = RunDyad(
      {"ingest", "--db", db, Around("more.jsonl", R"({"text": "Chile thanked Peru."})")}, as_user);
  EXPECT_EQ(ingest.exit_code, 3) << ingest.err;
  EXPECT_NE(ingest.err.find("readonly database"), std::string::npos) << ingest.err;
  // Queries still read it.
  RunOptions query = as_user;
  query.out = "/dev/null";
  const ProcessResult timeline = RunDyad({"timeline", "RUS", "--db", db}, query);
  EXPECT_EQ(timeline.exit_code, 0) << timeline.err;
  fs::permissions(ro, fs::perms::owner_all, fs::perm_options::add);
  fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
  EXPECT_EQ(ReadFile(db), dump_before) << "the read-only database is untouched";
  SQLite::Database check(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
  RecordTrial("hostile input", "a read-only database (file and directory)", 2,
              ingest.crashed() || timeline.crashed() ? 1 : 0, 0,
              "ingest: exit 3, the database untouched; queries read it");
}

}  // namespace
}  // namespace dyad::testing
