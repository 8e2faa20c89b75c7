// End-to-end tests of `dyad extract`: the program's output, diagnostics and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad::cli {
namespace {

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the dyad binary with `args` (a shell-quoted string) and collects its output.
Result Dyad(const std::string& args, const std::string& stdin_text = "") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("dyad_cli_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "in") << stdin_text;
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + " <" + (dir / "in").string() +
                          " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
  const int raw = std::system(cmd.c_str());
  Result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = testing::ReadFile(dir / "out");
  r.err = testing::ReadFile(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

const std::string kSample = testing::SourceDir() + "/tests/data/sample/news.jsonl";

// Parallel coding gives the single thread's output, byte for byte, and its diagnostics in
// the same order; the sample has broken lines among good ones, the releases many articles.
TEST(ExtractCommand, JobsDoNotChangeTheOutput) {
  std::vector<std::string> inputs = {kSample};
  const std::string releases =
      testing::SharedDir() + "/corpus/presidential-releases/releases-2021-2022.jsonl";
  if (!testing::SharedDir().empty() && std::filesystem::exists(releases)) {
    inputs.push_back(releases);
  }
  for (const std::string& input : inputs) {
    const Result one = Dyad("-q extract --jobs 1 " + input);
    for (const char* jobs : {"2", "5"}) {
      const Result many = Dyad("-q extract --jobs " + std::string(jobs) + " " + input);
      EXPECT_EQ(many.status, one.status) << input;
      EXPECT_GT(Lines(many.out), 40u);
      EXPECT_TRUE(many.out == one.out) << input << " with " << jobs << " jobs";
      EXPECT_EQ(many.err, one.err) << input << " with " << jobs << " jobs";
    }
  }
}

TEST(ExtractCommand, CodesTheSampleCorpusAndReportsItsBrokenLines) {
  const Result r = Dyad("extract " + kSample);
  EXPECT_EQ(r.status, 1) << r.err;  // some lines were skipped
  EXPECT_GT(Lines(r.out), 40u);
  EXPECT_NE(r.err.find("news.jsonl line 5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing \"text\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty text"), std::string::npos) << r.err;
  // Every output line is one event object.
  size_t start = 0;
  while (start < r.out.size()) {
    const size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    EXPECT_EQ(line.front(), '{');
    EXPECT_NE(line.find("\"cameo\":\""), std::string::npos);
    start = end + 1;
  }
}

TEST(ExtractCommand, StrictStopsAtTheFirstDiagnostic) {
  const Result all = Dyad("extract " + kSample);
  const Result strict = Dyad("extract --strict " + kSample);
  EXPECT_EQ(strict.status, 1);
  EXPECT_LT(Lines(strict.out), Lines(all.out));
}

TEST(ExtractCommand, ReadsPlainTextFromStandardInput) {
  const Result r = Dyad("extract --id note --date 2016-11-15 -", "NATO warned Russia on Monday.\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"article_id\":\"note\""), std::string::npos);
  EXPECT_NE(r.out.find("\"date\":\"2016-11-14\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"entity\":\"NATO\""), std::string::npos);
}

TEST(ExtractCommand, BadInputIsADiagnosticNotACrash) {
  const Result missing = Dyad("extract /nonexistent/article.txt -", "Russia warned NATO.\n");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("/nonexistent/article.txt"), std::string::npos) << missing.err;
  EXPECT_EQ(Lines(missing.out), 1u);  // the readable input was still coded
  const Result utf8 = Dyad("extract -", "Russia \xff warned NATO.\n");
  EXPECT_EQ(utf8.status, 1);
  EXPECT_NE(utf8.err.find("UTF-8"), std::string::npos) << utf8.err;
}

TEST(ExtractCommand, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Dyad("extract --date 15/11/2016 -", "x").status, 2);
  EXPECT_EQ(Dyad("extract --format xml -", "x").status, 2);
  EXPECT_EQ(Dyad("frobnicate").status, 2);
  EXPECT_EQ(Dyad("extract --actors /nonexistent.actors -", "x").status, 3);
}

TEST(ExtractCommand, TableFormatHasAHeader) {
  const Result r = Dyad("extract --format table --date 2016-11-15 -", "NATO warned Russia.\n");
  EXPECT_EQ(r.out.rfind("date", 0), 0u);
  EXPECT_NE(r.out.find("warn"), std::string::npos);
}

}  // namespace
}  // namespace dyad::cli
