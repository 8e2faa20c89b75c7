// Streams articles out of corpus files: plain-text files (one article each) and JSONL files
// (one article a line). Not thread-safe; one reader per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/diagnostic.h"

namespace dyad {

struct CorpusReaderOptions {
  // Id of a plain-text article (default: the file's stem). Applies to plain-text input only.
  std::optional<std::string> id;
  // Publication date for articles that carry none (plain text, or JSONL without "date").
  std::optional<Date> date;
  // The largest article read: a longer JSONL line or plain-text file is skipped with a
  // diagnostic, without being held in memory. Coding an article takes about ten times its
  // size, so this bounds memory whatever the input.
  size_t max_article_bytes = kDefaultMaxArticleBytes;
  static constexpr size_t kDefaultMaxArticleBytes = size_t{16} << 20;
};

// Reads `paths` in order. "-" is standard input: JSONL when its first non-blank byte is '{',
// read a line at a time, otherwise one plain-text article with id "stdin". A path ending in
// ".jsonl" or ".ndjson" is JSONL; a further ".gz", ".zst" or ".zstd" is decompressed on the
// way (corpus.jsonl.gz). JSONL is streamed: memory holds one line, not the file. Unreadable files,
// invalid UTF-8, malformed JSON lines, missing "text" and unparseable dates become diagnostics; the
// reader goes on with the next line or file.
class CorpusReader {
 public:
  CorpusReader(std::vector<std::string> paths, CorpusReaderOptions options);
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  // Fills `article` with the next article and returns true, or returns false at the end.
  // Appends a diagnostic for each piece of input skipped or repaired on the way.
  bool Next(Article* article, std::vector<Diagnostic>* diagnostics);

  // How many articles (or files) were skipped so far because of errors.
  int64_t skipped() const;
  // Bytes of input consumed so far (a progress measure: compare with the files' sizes).
  int64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
