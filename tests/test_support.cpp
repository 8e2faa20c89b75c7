#include "test_support.h"

#include "core/embedded.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

std::vector<std::string> BuiltinLexiconFiles() {
  std::vector<std::string> out;
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == "verbs") out.push_back(SourceDir() + "/" + std::string(f.path));
  }
  return out;
}

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

ProcessResult RunDyad(const std::vector<std::string>& args, const RunOptions& options) {
  char err_path[] = "/tmp/dyad-stderr-XXXXXX";
  const int err_fd = mkstemp(err_path);
  EXPECT_GE(err_fd, 0) << "a temporary file for stderr";
  if (options.as_nobody) fchmod(err_fd, 0666);
  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open(options.in.c_str(), O_RDONLY);
    const int out = open(options.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
    if (options.as_nobody &&
        (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)) {
      _exit(126);
    }
    std::vector<char*> argv = {const_cast<char*>(DYAD_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DYAD_BINARY, argv.data());
    _exit(127);
  }
  ProcessResult result;
  int status = 0;
  struct rusage usage {};
  EXPECT_EQ(wait4(pid, &status, 0, &usage), pid);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  close(err_fd);
  result.err = ReadFile(err_path);
  std::remove(err_path);
  return result;
}

std::string DumpDatabase(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  std::string out;
  for (const char* query :
       {"SELECT id, title, url, source, date, content_hash FROM articles ORDER BY id",
        "SELECT * FROM events ORDER BY id", "SELECT * FROM mentions ORDER BY id",
        "SELECT * FROM actors ORDER BY code, name",
        "SELECT severity, file, line, article_id, message, excerpt FROM diagnostics ORDER BY id"}) {
    SQLite::Statement s(d, query);
    while (s.executeStep()) {
      for (int i = 0; i < s.getColumnCount(); ++i) out += s.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  return out;
}

void RecordTrial(std::string_view group, std::string_view trial, int tries, int crashes,
                 int events_lost, std::string_view outcome) {
  const char* log = std::getenv("DYAD_RELIABILITY_LOG");
  if (log == nullptr || *log == '\0') return;
  std::ofstream out(log, std::ios::app);
  // A row never claims what the test's own assertions contradict.
  const std::string said =
      ::testing::Test::HasFailure() ? "FAILED (see the test's log)" : std::string(outcome);
  out << group << '\t' << trial << '\t' << tries << '\t' << crashes << '\t' << events_lost << '\t'
      << said << '\n';
}

}  // namespace dyad::testing
