// Reads what `dyad extract` wrote, for `dyad ingest --events` (docs/distributed.md): article
// records (`--format records`: each article with its events and diagnostics, everything an
// ingest stores) or plain event lines (the default JSONL), from files or standard input ("-"),
// .gz and .zst decompressed on the way. Not thread-safe; one reader per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dyad/diagnostic.h"
#include "dyad/event_format.h"

namespace dyad {

class EventReader {
 public:
  explicit EventReader(std::vector<std::string> paths);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  // The next article and its events; false at the end. Plain event lines are grouped into
  // articles by their article_id, in order; such an article has only its id, its fingerprint
  // is "events", and its content hash is that of its event lines (so re-reading the same
  // events changes nothing). A line that is not a record or an event is skipped with an error
  // diagnostic naming the file and line.
  bool Next(ArticleRecord* record, std::vector<Diagnostic>* diagnostics);

  int64_t skipped() const;
  int64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
