// Helpers shared by the tests: where ../shared and the project sources are.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace dyad::testing {

// The team's shared/ folder (corpora, gold sets, compat dictionaries), or "" when absent.
// Environment variable DYAD_SHARED_DIR overrides the configured path.
std::string SharedDir();
// The project's source tree (tests/data lives there).
std::string SourceDir();
// The whole content of a file; fails the current test when unreadable.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace dyad::testing

// Skips the current test, with a message, when ../shared is absent.
#define DYAD_REQUIRE_SHARED()                                                        \
  do {                                                                               \
    if (::dyad::testing::SharedDir().empty())                                        \
      GTEST_SKIP() << "../shared is absent: this test reads the team's shared data"; \
  } while (0)
