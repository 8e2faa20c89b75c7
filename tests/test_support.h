// Helpers shared by the tests: where ../shared and the project sources are.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::testing {

// The team's shared/ folder (corpora, gold sets, compat dictionaries), or "" when absent.
// Environment variable DYAD_SHARED_DIR overrides the configured path.
std::string SharedDir();
// The project's source tree (tests/data lives there).
std::string SourceDir();
// The built-in event lexicon's files, in the order they load (for tests that code fictional
// actors with --no-builtin and the real lexicon).
std::vector<std::string> BuiltinLexiconFiles();
// The whole content of a file; fails the current test when unreadable.
std::string ReadFile(const std::filesystem::path& path);

// A fresh directory under the system's temporary directory, named after the running test,
// removed with its content when it goes out of scope (also when the test fails).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The path of file `name` in it.
  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  // Writes `content` to file `name`; returns its path.
  std::string Write(const std::string& name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

// How a run of the dyad program ended.
struct ProcessResult {
  int exit_code = -1;                                          // -1 when a signal ended it
  int signal = 0;                                              // the signal that ended it, else 0
  long max_rss_kib = 0;                                        // peak resident memory
  std::string err;                                             // what it wrote on stderr
  bool crashed() const { return signal != 0 && signal != 9; }  // 9: killed by the test
};

struct RunOptions {
  std::string in = "/dev/null";   // standard input
  std::string out = "/dev/null";  // standard output
  bool as_nobody = false;         // run as user nobody (65534): a test running as root meets
                                  // file permissions that way
};

// Runs the dyad binary with `args` and waits for it.
ProcessResult RunDyad(const std::vector<std::string>& args, const RunOptions& options = {});

// What a dyad database holds, as text: every row of every table but for the times of writing.
// Two runs that stored the same graph give the same text, ids included.
std::string DumpDatabase(const std::string& db);

// One row of docs/reliability.md: a fault or hostile input, how many times it was tried, how
// many runs crashed (a signal other than the test's own SIGKILL), how many events were lost
// or doubled, and the outcome in a few words. Appended to the file DYAD_RELIABILITY_LOG
// names, when it is set (tools/reliability.sh); the test asserts the outcome itself.
void RecordTrial(std::string_view group, std::string_view trial, int tries, int crashes,
                 int events_lost, std::string_view outcome);

}  // namespace dyad::testing

// Skips the current test, with a message, when ../shared is absent.
#define DYAD_REQUIRE_SHARED()                                                        \
  do {                                                                               \
    if (::dyad::testing::SharedDir().empty())                                        \
      GTEST_SKIP() << "../shared is absent: this test reads the team's shared data"; \
  } while (0)
