// Replays, in every build (the sanitizer build included), each fuzz target's seed corpus and
// every input a fuzzer ever crashed on (tests/fuzz/<target>/ and tests/fuzz/crashes/<target>/):
// the harness aborts on a broken invariant, and the sanitizers on a memory error.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "fuzz/harness.h"
#include "test_support.h"

namespace dyad::fuzz {
namespace {

class FuzzReplay : public ::testing::TestWithParam<std::string_view> {};

TEST_P(FuzzReplay, SeedsAndCrashesRunClean) {
  const std::string target(GetParam());
  int inputs = 0;
  for (const char* dir : {"tests/fuzz/corpus/", "tests/fuzz/crashes/"}) {
    const std::filesystem::path path = std::filesystem::path(testing::SourceDir()) / dir / target;
    if (!std::filesystem::is_directory(path)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      SCOPED_TRACE(entry.path().string());
      ::testing::internal::CaptureStdout();
      fuzz::Run(target, testing::ReadFile(entry.path()));
      ::testing::internal::GetCapturedStdout();
      ++inputs;
    }
  }
  EXPECT_GT(inputs, 0) << "no seed inputs for " << target;
  testing::RecordTrial("fuzzing", "replay of the " + target + " seeds and crash inputs", inputs, 0,
                       0, "clean");
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(kTargets),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace dyad::fuzz
