#include "test_support.h"

#include <cstdlib>
#include <fstream>
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

}  // namespace dyad::testing
