// Rendering DOT through Graphviz's dot program.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/error.h"
#include "dyad/export.h"

extern char** environ;

namespace dyad {
namespace {

// A file of the temporary directory, removed with this object.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "dyad-dot-XXXXXX").string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) {
      throw Error(ErrorKind::kIo,
                  "cannot create a temporary file for dot: " + std::string(std::strerror(errno)));
    }
    path_ = pattern;
  }
  ~TempFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  std::string Read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace

std::string RenderDot(std::string_view dot, std::string_view format) {
  if (format != "svg" && format != "png") {
    throw Error(ErrorKind::kInvalidArgument, "cannot render to '" + std::string(format) + "'");
  }
  const char* configured = std::getenv("DYAD_DOT");
  const std::string program = configured != nullptr && *configured != '\0' ? configured : "dot";
  TempFile input, output, errors;
  {
    std::ofstream in(input.path(), std::ios::binary);
    in.write(dot.data(), static_cast<std::streamsize>(dot.size()));
    if (!in.flush()) {
      throw Error(ErrorKind::kIo, "cannot write a temporary file for dot: " + input.path());
    }
  }
  const std::string type = "-T" + std::string(format);
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>(type.c_str()),
                             const_cast<char*>(input.path().c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output.fd(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, errors.fd(), STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw Error(ErrorKind::kIo, "cannot run Graphviz's dot ('" + program +
                                    "'): " + std::strerror(spawned) +
                                    "; install the graphviz package, or write --format dot");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string message = errors.Read();
    if (const size_t eol = message.find('\n'); eol != std::string::npos) message.resize(eol);
    throw Error(ErrorKind::kIo,
                "Graphviz's dot failed" + (message.empty() ? std::string() : ": " + message));
  }
  return output.Read();
}

}  // namespace dyad
