#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace dyad::testing {

std::string SharedDir() {
  const char* env = std::getenv("DYAD_SHARED_DIR");
  std::filesystem::path dir = env != nullptr ? env : DYAD_SHARED_DIR;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "corpus", ec)) return "";
  return std::filesystem::canonical(dir, ec).string();
}

std::string SourceDir() { return DYAD_SOURCE_DIR; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string name = test != nullptr ? test->name() : "suite";
  path_ = std::filesystem::temp_directory_path() /
          ("dyad-" + name + "-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

std::string TempDir::Write(const std::string& name, std::string_view content) const {
  std::ofstream out(Path(name), std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  EXPECT_TRUE(out.good()) << "cannot write " << Path(name);
  return Path(name);
}

}  // namespace dyad::testing
