#include "dyad/dictionary_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

TEST(CheckDictionaries, TheBuiltInDictionariesHaveNoErrors) {
  for (const Diagnostic& d : CheckDictionaries({}, true)) {
    EXPECT_NE(d.severity, Severity::kError) << d.ToString();
  }
}

TEST(CheckDictionaries, ReportsOnlyTheCheckedFilesInLineOrder) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_check_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string actors = (dir / "mine.actors").string();
  const std::string verbs = (dir / "mine.verbs").string();
  std::ofstream(actors) << "state XAA \"Xanadu\"\n  names Xanadu | Moscow\n  colour red\n";
  std::ofstream(verbs) << "verb frobnicate => frob 999\nnoun frob\n";
  const std::vector<Diagnostic> found =
      CheckDictionaries({actors, verbs, (dir / "missing.actors").string(), dir.string()}, true);
  std::filesystem::remove_all(dir);
  std::vector<std::string> got;
  for (const Diagnostic& d : found) {
    got.push_back(std::filesystem::path(d.file).filename().string() + ":" + std::to_string(d.line));
  }
  // mine.actors: Moscow names RUS too (2), unknown field (3); mine.verbs: unknown CAMEO code
  // (1), no "=>" (2); the missing file and the directory.
  const std::vector<std::string> want = {"dyad_check_" + std::to_string(::getpid()) + ":-1",
                                         "mine.actors:2", "mine.actors:3", "mine.verbs:1",
                                         "mine.verbs:2", "missing.actors:-1"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace dyad
