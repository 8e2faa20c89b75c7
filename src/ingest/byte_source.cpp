#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <vector>

namespace dyad::ingest {
namespace {

constexpr size_t kChunk = 1 << 16;

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool own) : fd_(fd), own_(own) {}
  ~FdSource() override {
    if (own_) ::close(fd_);
  }
  ptrdiff_t Read(char* buffer, size_t n) override {
    while (true) {
      const ssize_t got = ::read(fd_, buffer, n);
      if (got >= 0) {
        consumed_ += got;
        return got;
      }
      if (errno != EINTR) {
        error_ = std::strerror(errno);
        return -1;
      }
    }
  }
  int64_t consumed() const override { return consumed_; }

 private:
  int fd_;
  bool own_;
  int64_t consumed_ = 0;
};

// Standard input, through std::cin's buffer (which tests may replace).
class StdinSource : public ByteSource {
 public:
  ptrdiff_t Read(char* buffer, size_t n) override {
    std::cin.read(buffer, static_cast<std::streamsize>(n));
    const auto got = static_cast<ptrdiff_t>(std::cin.gcount());
    if (got == 0 && std::cin.bad()) {
      error_ = "cannot read standard input";
      return -1;
    }
    consumed_ += got;
    return got;
  }
  int64_t consumed() const override { return consumed_; }

 private:
  int64_t consumed_ = 0;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(gzFile file) : file_(file) { gzbuffer(file_, kChunk); }
  ~GzipSource() override { gzclose(file_); }
  ptrdiff_t Read(char* buffer, size_t n) override {
    const int got = gzread(file_, buffer, static_cast<unsigned>(std::min<size_t>(n, 1 << 30)));
    if (got < 0) {
      int code = 0;
      error_ = std::string("gzip: ") + gzerror(file_, &code);
      return -1;
    }
    if (got == 0) {
      int code = Z_OK;
      const char* message = gzerror(file_, &code);
      if (code != Z_OK && code != Z_STREAM_END) {
        error_ = std::string("gzip: ") + message;
        return -1;
      }
    }
    return got;
  }
  int64_t consumed() const override { return gzoffset(file_); }
  bool compressed() const override { return true; }

 private:
  gzFile file_;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(int fd) : fd_(fd), stream_(ZSTD_createDStream()), in_(kChunk) {
    ZSTD_initDStream(stream_);
  }
  ~ZstdSource() override {
    ZSTD_freeDStream(stream_);
    ::close(fd_);
  }
  ptrdiff_t Read(char* buffer, size_t n) override {
    ZSTD_outBuffer out{buffer, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        const ssize_t got = ::read(fd_, in_.data(), in_.size());
        if (got < 0) {
          if (errno == EINTR) continue;
          error_ = std::strerror(errno);
          return -1;
        }
        if (got == 0) {
          if (!frame_done_) {
            error_ = "zstd: truncated file";
            return -1;
          }
          return 0;
        }
        consumed_ += got;
        input_ = ZSTD_inBuffer{in_.data(), static_cast<size_t>(got), 0};
      }
      const size_t left = ZSTD_decompressStream(stream_, &out, &input_);
      if (ZSTD_isError(left) != 0) {
        error_ = std::string("zstd: ") + ZSTD_getErrorName(left);
        return -1;
      }
      frame_done_ = left == 0;
    }
    return static_cast<ptrdiff_t>(out.pos);
  }
  int64_t consumed() const override { return consumed_; }
  bool compressed() const override { return true; }

 private:
  int fd_;
  ZSTD_DStream* stream_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool frame_done_ = true;
  int64_t consumed_ = 0;
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Compression CompressionOf(const std::string& path, std::string* inner) {
  const std::string lower = Lower(path);
  for (const auto& [suffix, kind] : {std::pair<const char*, Compression>{".gz", Compression::kGzip},
                                     {".zst", Compression::kZstd},
                                     {".zstd", Compression::kZstd}}) {
    if (lower.ends_with(suffix)) {
      *inner = path.substr(0, path.size() - std::strlen(suffix));
      return kind;
    }
  }
  *inner = path;
  return Compression::kNone;
}

std::unique_ptr<ByteSource> OpenSource(const std::string& path, Compression compression,
                                       std::string* error) {
  if (path == "-") return std::make_unique<StdinSource>();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return nullptr;
  }
  switch (compression) {
    case Compression::kNone:
      return std::make_unique<FdSource>(fd, true);
    case Compression::kGzip: {
      gzFile file = gzdopen(fd, "rb");
      if (file == nullptr) {
        ::close(fd);
        *error = "cannot read gzip";
        return nullptr;
      }
      return std::make_unique<GzipSource>(file);
    }
    case Compression::kZstd:
      return std::make_unique<ZstdSource>(fd);
  }
  return nullptr;
}

LineReader::LineReader(std::unique_ptr<ByteSource> source, std::string prefix, size_t max_line)
    : source_(std::move(source)), buffer_(std::move(prefix)), max_line_(max_line) {}

bool LineReader::Fill() {
  if (end_) return false;
  // Keep the unread part, then append a chunk.
  buffer_.erase(0, at_);
  at_ = 0;
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const ptrdiff_t got = source_->Read(buffer_.data() + old, kChunk);
  buffer_.resize(old + static_cast<size_t>(std::max<ptrdiff_t>(got, 0)));
  if (got <= 0) {
    end_ = true;
    bad_ = got < 0;
    return false;
  }
  return true;
}

bool LineReader::Next(std::string* line) {
  oversize_ = 0;
  size_t searched = at_;
  while (true) {
    const size_t newline = buffer_.find('\n', searched);
    if (newline != std::string::npos) {
      const size_t length = newline - at_;
      if (length > max_line_) {
        oversize_ = length;
        line->clear();
      } else {
        line->assign(buffer_, at_, length);
      }
      at_ = newline + 1;
      delivered_ += static_cast<int64_t>(length) + 1;
      return true;
    }
    if (buffer_.size() - at_ > max_line_) {
      line->clear();
      return SkipLongLine();
    }
    searched = buffer_.size() - at_;  // relative: Fill moves the unread part to the front
    if (!Fill()) break;
  }
  if (at_ < buffer_.size()) {  // a last line without a line feed
    line->assign(buffer_, at_, std::string::npos);
    at_ = buffer_.size();
    delivered_ += static_cast<int64_t>(line->size());
    return !bad_ || !line->empty();
  }
  return false;
}

// Reads past the rest of a line already longer than max_line_, a buffer at a time.
bool LineReader::SkipLongLine() {
  size_t length = 0;
  while (true) {
    const size_t newline = buffer_.find('\n', at_);
    if (newline != std::string::npos) {
      length += newline - at_;
      at_ = newline + 1;
      delivered_ += static_cast<int64_t>(length) + 1;
      oversize_ = length;
      return true;
    }
    length += buffer_.size() - at_;
    at_ = buffer_.size();
    if (!Fill()) {  // the line ran to the end of the input (or to a read error)
      delivered_ += static_cast<int64_t>(length);
      oversize_ = length;
      return true;
    }
  }
}

}  // namespace dyad::ingest
