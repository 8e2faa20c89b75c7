// Reads articles and codes them on --jobs threads, handing each back with its events in the
// order read: what extract and ingest share. At most a bounded window of articles (by count
// and by bytes) is held at once, so memory does not grow with the corpus.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/corpus_reader.h"
#include "dyad/extractor.h"

namespace dyad::cli {

// --jobs N: threads that code articles (default: the machine's cores).
struct JobsFlag {
  unsigned jobs = 0;  // 0: the number of cores
  void AddTo(CLI::App* cmd);
  unsigned Jobs() const;
};

// An article read, the diagnostics met reading it, and, once coded, its events.
struct CodedArticle {
  Article article;
  bool code = true;                     // false: passed along uncoded
  bool trailer = false;                 // no article: the diagnostics after the last one
  std::vector<Diagnostic> read;         // reading it (and what was skipped before it)
  std::vector<Event> events;            // coding it
  std::vector<Diagnostic> diagnostics;  // coding it
  std::string output;                   // what `after` made of it, on the coding thread
};

struct CodingStreamOptions {
  unsigned jobs = 1;
  // Runs on the coding thread after an article is coded (e.g. to format its events), so
  // that the reader and writer thread has less to do. May be empty.
  std::function<void(CodedArticle&)> after;
  size_t window_articles = 0;       // 0: 16 per job
  int64_t window_bytes = 64 << 20;  // text held at once, at most (beyond one article)
};

// Reads `reader` to the end. `admit` (may be empty) decides, in reading order, whether an
// article is to be coded; `deliver` gets every article in reading order and returns false to
// stop. Diagnostics read after the last article come in a final CodedArticle marked trailer.
// Returns false when `deliver` stopped the stream.
bool RunCodingStream(CorpusReader& reader, const Extractor& extractor,
                     const CodingStreamOptions& options,
                     const std::function<bool(const Article&)>& admit,
                     const std::function<bool(CodedArticle&)>& deliver);

}  // namespace dyad::cli
