// The knowledge graph's store: an embedded SQLite database of articles, events and their
// mentions (schema/, docs/store.md). One writer; readers may open the same file meanwhile.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/article.h"
#include "dyad/diagnostic.h"
#include "dyad/event.h"

namespace dyad {

// What the store holds.
struct StoreCounts {
  int64_t articles = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  int64_t actors = 0;
  int64_t diagnostics = 0;
};

// One stored event: the merge of all its mentions. A value type.
struct StoredEvent {
  int64_t id = 0;
  ActorRef source;  // entity, code, name (text and span are empty: see the mentions)
  ActorRef target;
  std::string action;
  std::string cameo;
  int quad_class = 0;
  double goldstein = 0.0;
  std::string date;  // "2016-11-14", "2016-11", "2016" or "" when unknown
  std::string date_precision;
  int64_t num_mentions = 0;
  int64_t num_articles = 0;
  int64_t num_sources = 0;
};

// A stored event as views into the database row: valid during the callback only. For reading
// many events without a copy each.
struct StoredEventView {
  int64_t id = 0;
  std::string_view source_entity, source_code, source_name;
  std::string_view target_entity, target_code, target_name;
  std::string_view action, cameo, date, date_precision;
  int quad_class = 0;
  double goldstein = 0.0;
  int64_t num_mentions = 0, num_articles = 0, num_sources = 0;
};

// One report of a stored event: the sentence and the article it came from.
struct MentionSource {
  int64_t event_id = 0;
  std::string article_id, title, url, source, date;  // the article's
  std::string sentence;
};

class GraphStore {
 public:
  // How an article compares with what is stored under its id.
  enum class ArticleStatus { kNew, kUnchanged, kChanged };

  // Opens (creating it when absent, unless read-only) and migrates a database. Throws
  // Error(kSchemaTooNew) for a database written by a newer dyad, Error(kDatabase) when the file
  // cannot be opened or is not a dyad database.
  static std::unique_ptr<GraphStore> Open(const std::string& path, bool read_only = false);
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  // The schema version of the open database.
  int schema_version() const;

  ArticleStatus Status(const Article& article) const;
  // The same, for an article known by its content hash (an article record without its text).
  ArticleStatus Status(const Article& article, const std::string& content_hash) const;
  // Stores an article and its events, replacing what an earlier version of it left. Writes go
  // to the current batch; Commit() makes them durable (a batch begins at the first write).
  void Put(const Article& article, const std::vector<Event>& events,
           const std::string& fingerprint);
  // The same, with the article's content hash given.
  void Put(const Article& article, const std::vector<Event>& events,
           const std::string& fingerprint, const std::string& content_hash);
  void PutDiagnostic(const Diagnostic& diagnostic);
  // Commits the current batch, if any. The destructor rolls back an uncommitted batch.
  void Commit();

  StoreCounts Counts() const;
  // Calls f for every stored event, in id order.
  void ForEachEvent(const std::function<void(const StoredEvent&)>& f) const;
  // Calls f for every stored event, in id order (the table's own order: a sequential read),
  // without copying it. Returns the stamp of what it read (see Stamp).
  std::string ScanEvents(const std::function<void(const StoredEventView&)>& f) const;

  // The reports of each of `event_ids`, in that order, the first stored first, at most
  // `per_event` of each (unknown ids have none).
  std::vector<MentionSource> Sources(const std::vector<int64_t>& event_ids,
                                     size_t per_event) const;

  // A token that every commit replaces, naming the database's contents for caches made from
  // them; "" when there is none to trust (uncommitted writes, or a database of schema 1).
  std::string Stamp() const;
  // The file the store was opened from.
  const std::string& path() const;

 private:
  void ScanRows(const std::function<void(const StoredEventView&)>& f) const;
  struct Impl;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A stable hash of what an article says (title, text, date, url, source), to tell whether a
// stored article changed.
std::string ContentHash(const Article& article);

}  // namespace dyad
