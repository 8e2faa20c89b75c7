// Where corpus bytes come from: a file or standard input, read as they are or decompressed on
// the way (gzip, zstd), and the lines of such a stream, read a buffer at a time so that memory
// does not grow with the input (only with its longest line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace dyad::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `n` bytes into `buffer`; 0 at the end, -1 on an error (see error()).
  virtual ptrdiff_t Read(char* buffer, size_t n) = 0;
  // Bytes of the underlying file consumed so far (compressed bytes for a compressed file).
  virtual int64_t consumed() const = 0;
  virtual bool compressed() const { return false; }
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

enum class Compression { kNone, kGzip, kZstd };

// The compression a path's extension names (".gz", ".zst" or ".zstd"), and the path without it.
Compression CompressionOf(const std::string& path, std::string* inner);

// Opens `path` ("-": standard input, std::cin's buffer, never decompressed); nullptr with
// `error` set when it cannot be opened.
std::unique_ptr<ByteSource> OpenSource(const std::string& path, Compression compression,
                                       std::string* error);

// The lines of a source, without their line feeds; `prefix` is read first (bytes already
// taken from the source, e.g. to tell its format). A line longer than `max_line` bytes is not
// kept: it is read past, a buffer at a time, and comes back empty with oversize() its length,
// so that memory stays bounded whatever the input.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> source, std::string prefix = "",
             size_t max_line = SIZE_MAX);
  // The next line; false at the end or on a read error (bad() tells which).
  bool Next(std::string* line);
  // The length of the line Next just skipped for being too long, else 0.
  size_t oversize() const { return oversize_; }
  bool bad() const { return bad_; }
  const std::string& error() const { return source_->error(); }
  // Bytes of the file behind the lines returned so far (of a compressed file: read from it).
  int64_t consumed() const { return source_->compressed() ? source_->consumed() : delivered_; }

 private:
  bool Fill();
  bool SkipLongLine();
  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t max_line_;
  size_t oversize_ = 0;
  size_t at_ = 0;
  bool end_ = false;
  bool bad_ = false;
  int64_t delivered_ = 0;
};

}  // namespace dyad::ingest
