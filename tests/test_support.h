// Helpers shared by the tests: where ../shared and the project sources are.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace dyad::testing {

// The team's shared/ folder (corpora, gold sets, compat dictionaries), or "" when absent.
// Environment variable DYAD_SHARED_DIR overrides the configured path.
std::string SharedDir();
// The project's source tree (tests/data lives there).
std::string SourceDir();
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

}  // namespace dyad::testing

// Skips the current test, with a message, when ../shared is absent.
#define DYAD_REQUIRE_SHARED()                                                        \
  do {                                                                               \
    if (::dyad::testing::SharedDir().empty())                                        \
      GTEST_SKIP() << "../shared is absent: this test reads the team's shared data"; \
  } while (0)
