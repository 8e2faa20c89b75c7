// Writing events: the JSONL contract (docs/output.md) and a table for people.
#pragma once

#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/diagnostic.h"
#include "dyad/event.h"

namespace dyad {

// One event as a single-line JSON object, without the trailing newline.
std::string EventToJson(const Event& event);

// An article coded, with everything an ingest stores but its text: what
// `dyad extract --format records` writes and `dyad ingest --events` reads (docs/distributed.md).
struct ArticleRecord {
  bool has_article = true;   // false: only the diagnostics met after the last article
  Article article;           // without its text
  std::string content_hash;  // of the article as read (ContentHash, graph_store.h)
  std::string fingerprint;   // of the dictionaries that coded it
  std::vector<Event> events;
  std::vector<Diagnostic> read;    // met reading it (and the input skipped before it)
  std::vector<Diagnostic> coding;  // met coding it
};

// One record as a single-line JSON object, without the trailing newline.
std::string ArticleRecordToJson(const ArticleRecord& record);

// A fixed-width, human-readable table of events, one line each, with a header line.
std::string EventsToTable(const std::vector<Event>& events, bool with_header);

}  // namespace dyad
