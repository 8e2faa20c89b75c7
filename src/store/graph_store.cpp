#include "dyad/graph_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/embedded.h"
#include "dyad/error.h"

namespace dyad {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// The migrations compiled into the binary (schema/NNN_*.sql), in order: migration i brings the
// database to version i + 1.
std::vector<std::string_view> Migrations() {
  std::vector<std::string_view> out;
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == "schema") out.push_back(f.data);
  }
  return out;
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

void BindActor(SQLite::Statement& s, int at, const ActorRef& a) {
  s.bind(at, a.code);
  s.bind(at + 1, a.name);
  s.bind(at + 2, a.entity);
}

// Binds a span, or NULLs for an actor the article implies rather than names.
void BindSpan(SQLite::Statement& s, int at, const ActorRef& a) {
  if (a.span.begin < 0) {
    s.bind(at);
    s.bind(at + 1);
    s.bind(at + 2);
    return;
  }
  s.bind(at, a.text);
  s.bind(at + 1, static_cast<int64_t>(a.span.begin));
  s.bind(at + 2, static_cast<int64_t>(a.span.end));
}

}  // namespace

std::string ContentHash(const Article& a) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a: a change detector, not a security hash
  const auto add = [&](std::string_view s) {
    for (unsigned char c : s) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;  // field separator
    hash *= 0x100000001b3ULL;
  };
  add(a.title);
  add(a.text);
  add(DateText(a.date));
  add(a.url);
  add(a.source);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

struct GraphStore::Impl {
  std::string path;
  std::unique_ptr<SQLite::Database> db;
  std::unique_ptr<SQLite::Transaction> batch;
  int version = 0;
  // Actors (code, name) known to be stored, and those written by the batch under way, which
  // count only once it commits.
  std::unordered_set<std::string> actors, batch_actors;
  // Statements prepared once, by SQL text; reset before each use.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

  SQLite::Statement& Prepared(const char* sql) {
    std::unique_ptr<SQLite::Statement>& slot = statements[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(*db, sql);
    } else {
      slot->reset();
      slot->clearBindings();
    }
    return *slot;
  }

  [[noreturn]] void Fail(const std::string& what, const std::exception& e) const {
    std::string message = "database '" + path + "': " + what + ": " + e.what();
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
    if (sqlite != nullptr && sqlite->getErrorCode() == SQLITE_BUSY) {
      message += " (another process is writing it; waited " +
                 std::to_string(kBusyTimeoutMs / 1000) + " s)";
    }
    throw Error(ErrorKind::kDatabase, message);
  }

  void Migrate(bool read_only) {
    const std::vector<std::string_view> migrations = Migrations();
    version = db->execAndGet("PRAGMA user_version").getInt();
    const auto latest = static_cast<int>(migrations.size());
    if (version > latest) {
      throw Error(ErrorKind::kSchemaTooNew, "database '" + path + "' has schema version " +
                                                std::to_string(version) +
                                                ", newer than this dyad knows (" +
                                                std::to_string(latest) + "): use a newer dyad");
    }
    if (version == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
      throw Error(ErrorKind::kDatabase, "'" + path + "' is an SQLite database, but not dyad's");
    }
    // A reader takes an older database as it is (every query reads schema 1 onwards); the
    // next write migrates it.
    if (version == latest || read_only) return;
    for (int v = version; v < latest; ++v) {
      SQLite::Transaction tx(*db);
      db->exec(std::string(migrations[static_cast<size_t>(v)]));
      db->exec("PRAGMA user_version = " + std::to_string(v + 1));
      tx.commit();
    }
    version = latest;
  }

  // IMMEDIATE: the write lock is taken at the start, where SQLite waits for another writer
  // (the busy timeout); a deferred transaction that had read first would fail at once.
  void Begin() {
    if (!batch) {
      batch = std::make_unique<SQLite::Transaction>(*db, SQLite::TransactionBehavior::IMMEDIATE);
    }
  }

  // Removes what an earlier version of the article left; returns the events it touched.
  std::set<int64_t> Remove(const std::string& article_id) {
    std::set<int64_t> touched;
    SQLite::Statement& events =
        Prepared("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?");
    events.bind(1, article_id);
    while (events.executeStep()) touched.insert(events.getColumn(0).getInt64());
    SQLite::Statement& mentions = Prepared("DELETE FROM mentions WHERE article_id = ?");
    mentions.bind(1, article_id);
    mentions.exec();
    SQLite::Statement& article = Prepared("DELETE FROM articles WHERE id = ?");
    article.bind(1, article_id);
    article.exec();
    return touched;
  }

  int64_t EventId(const Event& e) {
    SQLite::Statement& insert = Prepared(
        "INSERT INTO events (source_code, source_name, source_entity, "
        "target_code, target_name, target_entity, cameo, action, quad_class, "
        "goldstein, date, date_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (source_code, target_code, cameo, date) DO NOTHING");
    BindActor(insert, 1, e.source);
    BindActor(insert, 4, e.target);
    insert.bind(7, e.cameo);
    insert.bind(8, e.action);
    insert.bind(9, e.quad_class);
    insert.bind(10, e.goldstein);
    insert.bind(11, DateText(e.date));
    insert.bind(12, e.date ? std::string(PrecisionName(e.date->precision)) : std::string());
    insert.exec();
    SQLite::Statement& find = Prepared(
        "SELECT id FROM events WHERE source_code = ? AND target_code = ? AND "
        "cameo = ? AND date = ?");
    find.bind(1, e.source.code);
    find.bind(2, e.target.code);
    find.bind(3, e.cameo);
    find.bind(4, DateText(e.date));
    find.executeStep();
    const int64_t id = find.getColumn(0).getInt64();
    // Reset now: a statement left on a row keeps a read transaction open past the commit,
    // and then no checkpoint can copy the write-ahead log back (it grew to 14 GB in a 1 GB
    // ingest).
    find.reset();
    return id;
  }

  void AddActor(const ActorRef& a) {
    std::string key = a.code + '\x1f' + a.name;
    if (actors.contains(key) || !batch_actors.insert(std::move(key)).second) return;
    SQLite::Statement& s =
        Prepared("INSERT OR IGNORE INTO actors (code, name, entity) VALUES (?,?,?)");
    BindActor(s, 1, a);
    s.exec();
  }

  void AddMention(int64_t event_id, const Article& article, const Event& e,
                  const std::string& fingerprint) {
    SQLite::Statement& s = Prepared(
        "INSERT INTO mentions (event_id, article_id, sentence_index, field, "
        "sentence, source_text, source_begin, source_end, target_text, "
        "target_begin, target_end, trigger_begin, trigger_end, rule, negated, "
        "factual, fingerprint, location_place, location_country, location_region, "
        "location_lat, location_lon) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, event_id);
    s.bind(2, article.id);
    s.bind(3, e.sentence_index);
    s.bind(4, e.field == ArticleField::kTitle ? "title" : "text");
    s.bind(5, e.sentence);
    BindSpan(s, 6, e.source);
    BindSpan(s, 9, e.target);
    s.bind(12, static_cast<int64_t>(e.trigger.begin));
    s.bind(13, static_cast<int64_t>(e.trigger.end));
    s.bind(14, e.rule);
    s.bind(15, e.negated ? 1 : 0);
    s.bind(16, e.factual ? 1 : 0);
    s.bind(17, fingerprint);
    BindLocation(s, 18, e.location);
    s.exec();
    if (e.location) {  // the event's place, when it had none yet
      SQLite::Statement& place = Prepared(
          "UPDATE events SET location_place = ?, location_country = ?, location_lat = ?, "
          "location_lon = ? WHERE id = ? AND location_country IS NULL");
      const Location& l = *e.location;
      l.place.empty() ? place.bind(1) : place.bind(1, l.place);
      place.bind(2, l.country);
      l.lat ? place.bind(3, *l.lat) : place.bind(3);
      l.lon ? place.bind(4, *l.lon) : place.bind(4);
      place.bind(5, event_id);
      place.exec();
      place.reset();
    }
  }

  // Binds a location's place, country, region, latitude and longitude (NULL where unknown).
  static void BindLocation(SQLite::Statement& s, int at, const std::optional<Location>& l) {
    if (!l) {
      for (int k = 0; k < 5; ++k) s.bind(at + k);
      return;
    }
    l->place.empty() ? s.bind(at) : s.bind(at, l->place);
    s.bind(at + 1, l->country);
    l->region.empty() ? s.bind(at + 2) : s.bind(at + 2, l->region);
    l->lat ? s.bind(at + 3, *l->lat) : s.bind(at + 3);
    l->lon ? s.bind(at + 4, *l->lon) : s.bind(at + 4);
  }

  // Recounts mentions, articles and sources of events; drops those of `removed` left without
  // a mention.
  void Recount(const std::set<int64_t>& ids, const std::set<int64_t>& removed) {
    SQLite::Statement& update = Prepared(
        "UPDATE events SET num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1), "
        "num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?1), "
        "num_sources = (SELECT count(DISTINCT a.source) FROM mentions m JOIN articles a "
        "ON a.id = m.article_id WHERE m.event_id = ?1) WHERE id = ?1");
    SQLite::Statement& drop = Prepared("DELETE FROM events WHERE id = ? AND num_mentions = 0");
    for (int64_t id : ids) {
      update.bind(1, id);
      update.exec();
      update.reset();
      if (!removed.contains(id)) continue;
      drop.bind(1, id);
      drop.exec();
      drop.reset();
    }
  }
};

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GraphStore::~GraphStore() = default;  // an uncommitted batch's Transaction rolls back

namespace {

// `path` as an SQLite URI filename ("file:" and the path, with what URIs reserve escaped).
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      uri += hex;
    } else {
      uri += c;
    }
  }
  return uri;
}

}  // namespace

std::unique_ptr<GraphStore> GraphStore::Open(const std::string& path, bool read_only) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  try {
    // A GraphStore is used from one thread at a time: SQLite's own locking is not needed.
    const int flags =
        (read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) |
        SQLite::OPEN_NOMUTEX;
    impl->db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    if (read_only) {
      try {
        impl->db->execAndGet("PRAGMA user_version");
      } catch (const SQLite::Exception& e) {
        // A database in write-ahead-log mode needs its shared-memory file beside it, which a
        // read-only directory cannot hold: such a database can only be read as immutable, with
        // no locks taken (a writer with rights there would go unseen; this user has none).
        if (e.getErrorCode() != SQLITE_READONLY && e.getErrorCode() != SQLITE_CANTOPEN) throw;
        spdlog::debug("database '{}': cannot share its write-ahead log ({}); read as immutable",
                      path, e.what());
        impl->db = std::make_unique<SQLite::Database>(
            FileUri(path) + "?immutable=1",
            SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs);
      }
    }
    if (!read_only) {
      impl->db->exec("PRAGMA journal_mode = WAL");
      impl->db->exec("PRAGMA synchronous = NORMAL");
      // A large ingest touches index pages all over the file: 64 MiB of page cache instead of
      // SQLite's 2 MiB keeps them in memory (with the batching of actors and the narrower
      // recount, 1,000,000 mentions ingest in 78 s instead of 114 s).
      impl->db->exec("PRAGMA cache_size = -65536");
    }
    impl->db->exec("PRAGMA foreign_keys = ON");
    impl->Migrate(read_only);
  } catch (const SQLite::Exception& e) {
    impl->Fail("cannot open", e);
  }
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(impl)));
}

int GraphStore::schema_version() const { return impl_->version; }

GraphStore::ArticleStatus GraphStore::Status(const Article& article) const {
  return Status(article, ContentHash(article));
}

GraphStore::ArticleStatus GraphStore::Status(const Article& article,
                                             const std::string& content_hash) const {
  try {
    SQLite::Statement& s = impl_->Prepared("SELECT content_hash FROM articles WHERE id = ?");
    s.bind(1, article.id);
    if (!s.executeStep()) return ArticleStatus::kNew;
    const bool same = s.getColumn(0).getString() == content_hash;
    s.reset();  // as in EventId: no read transaction left open
    return same ? ArticleStatus::kUnchanged : ArticleStatus::kChanged;
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot read", e);
  }
}

void GraphStore::Put(const Article& article, const std::vector<Event>& events,
                     const std::string& fingerprint) {
  Put(article, events, fingerprint, ContentHash(article));
}

void GraphStore::Put(const Article& article, const std::vector<Event>& events,
                     const std::string& fingerprint, const std::string& content_hash) {
  try {
    impl_->Begin();
    const std::set<int64_t> removed = impl_->Remove(article.id);
    std::set<int64_t> touched = removed;
    SQLite::Statement& insert = impl_->Prepared(
        "INSERT INTO articles (id, title, url, source, date, content_hash) "
        "VALUES (?,?,?,?,?,?)");
    insert.bind(1, article.id);
    insert.bind(2, article.title);
    insert.bind(3, article.url);
    insert.bind(4, article.source);
    insert.bind(5, DateText(article.date));
    insert.bind(6, content_hash);
    insert.exec();
    for (const Event& e : events) {
      impl_->AddActor(e.source);
      impl_->AddActor(e.target);
      const int64_t id = impl_->EventId(e);
      impl_->AddMention(id, article, e, fingerprint);
      touched.insert(id);
    }
    impl_->Recount(touched, removed);
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot store article '" + article.id + "'", e);
  }
}

void GraphStore::PutDiagnostic(const Diagnostic& d) {
  try {
    impl_->Begin();
    SQLite::Statement s(*impl_->db,
                        "INSERT OR IGNORE INTO diagnostics (severity, file, line, article_id, "
                        "message, "
                        "excerpt) VALUES (?,?,?,?,?,?)");
    s.bind(1, SeverityName(d.severity));
    s.bind(2, d.file);
    if (d.line >= 0) {
      s.bind(3, d.line);
    } else {
      s.bind(3);
    }
    s.bind(4, d.article_id);
    s.bind(5, d.message);
    s.bind(6, d.excerpt);
    s.exec();
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot store a diagnostic", e);
  }
}

void GraphStore::Commit() {
  if (!impl_->batch) return;
  try {
    impl_->Prepared("UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'stamp'")
        .exec();
    impl_->batch->commit();
    impl_->batch.reset();
    impl_->actors.merge(impl_->batch_actors);
    impl_->batch_actors.clear();
  } catch (const SQLite::Exception& e) {
    impl_->batch.reset();  // rolled back: what it wrote is not stored
    impl_->batch_actors.clear();
    impl_->Fail("cannot commit", e);
  }
}

StoreCounts GraphStore::Counts() const {
  const auto count = [&](const char* table) {
    return impl_->db->execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  };
  try {
    return StoreCounts{count("articles"), count("events"), count("mentions"), count("actors"),
                       count("diagnostics")};
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot read", e);
  }
}

std::string GraphStore::Stamp() const {
  // Uncommitted writes of this connection are not covered by the stamp; nor is a database of
  // schema 1, which has none.
  if (impl_->batch || impl_->version < 2) return "";
  try {
    return impl_->db->execAndGet("SELECT value FROM meta WHERE key = 'stamp'").getString();
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot read", e);
  }
}

const std::string& GraphStore::path() const { return impl_->path; }

std::vector<MentionSource> GraphStore::Sources(const std::vector<int64_t>& event_ids,
                                               size_t per_event) const {
  std::vector<MentionSource> out;
  try {
    SQLite::Statement& s = impl_->Prepared(
        "SELECT m.article_id, a.title, a.url, a.source, a.date, m.sentence FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id LIMIT ?");
    for (const int64_t id : event_ids) {
      s.reset();
      s.bind(1, id);
      s.bind(2, static_cast<int64_t>(per_event));
      while (s.executeStep()) {
        out.push_back(MentionSource{id, s.getColumn(0).getString(), s.getColumn(1).getString(),
                                    s.getColumn(2).getString(), s.getColumn(3).getString(),
                                    s.getColumn(4).getString(), s.getColumn(5).getString()});
      }
    }
  } catch (const SQLite::Exception& e) {
    impl_->Fail("cannot read", e);
  }
  return out;
}

std::string GraphStore::ScanEvents(const std::function<void(const StoredEventView&)>& f) const {
  // The stamp and the events are read in one transaction, so that the stamp names what was
  // read even while another process writes.
  sqlite3* const handle = impl_->db->getHandle();
  const bool own_transaction = sqlite3_get_autocommit(handle) != 0;
  if (own_transaction) impl_->db->exec("BEGIN");
  try {
    std::string stamp = Stamp();
    ScanRows(f);
    if (own_transaction) impl_->db->exec("COMMIT");
    return stamp;
  } catch (...) {
    if (own_transaction) sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void GraphStore::ScanRows(const std::function<void(const StoredEventView&)>& f) const {
  // The one loop that reads the whole table goes through SQLite's C interface: through
  // SQLiteCpp, each of a million rows' sixteen columns would be a Column object holding a
  // shared reference to the statement.
  const char* const sql =
      "SELECT id, source_entity, source_code, source_name, target_entity, target_code, "
      "target_name, action, cameo, quad_class, goldstein, date, date_precision, num_mentions, "
      "num_articles, num_sources FROM events ORDER BY id";
  sqlite3* db = impl_->db->getHandle();
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &prepared, nullptr) != SQLITE_OK) {
    sqlite3_finalize(prepared);
    impl_->Fail("cannot read", SQLite::Exception(db));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, sqlite3_finalize);
  sqlite3_stmt* row = statement.get();
  {
    const auto text = [&](int i) {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
      return p == nullptr ? std::string_view()
                          : std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(row, i)));
    };
    const auto integer = [&](int i) { return sqlite3_column_int64(row, i); };
    StoredEventView e;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
      e.id = integer(0);
      e.source_entity = text(1);
      e.source_code = text(2);
      e.source_name = text(3);
      e.target_entity = text(4);
      e.target_code = text(5);
      e.target_name = text(6);
      e.action = text(7);
      e.cameo = text(8);
      e.quad_class = static_cast<int>(integer(9));
      e.goldstein = sqlite3_column_double(row, 10);
      e.date = text(11);
      e.date_precision = text(12);
      e.num_mentions = integer(13);
      e.num_articles = integer(14);
      e.num_sources = integer(15);
      f(e);
    }
    if (rc != SQLITE_DONE) impl_->Fail("cannot read", SQLite::Exception(db, rc));
  }
}

void GraphStore::ForEachEvent(const std::function<void(const StoredEvent&)>& f) const {
  std::vector<StoredEvent> events;
  ScanEvents([&](const StoredEventView& v) {
    StoredEvent e;
    e.id = v.id;
    e.source = ActorRef{std::string(v.source_entity), std::string(v.source_code),
                        std::string(v.source_name), "", Span{-1, -1}};
    e.target = ActorRef{std::string(v.target_entity), std::string(v.target_code),
                        std::string(v.target_name), "", Span{-1, -1}};
    e.action = std::string(v.action);
    e.cameo = std::string(v.cameo);
    e.quad_class = v.quad_class;
    e.goldstein = v.goldstein;
    e.date = std::string(v.date);
    e.date_precision = std::string(v.date_precision);
    e.num_mentions = v.num_mentions;
    e.num_articles = v.num_articles;
    e.num_sources = v.num_sources;
    events.push_back(std::move(e));
  });
  std::sort(events.begin(), events.end(),
            [](const StoredEvent& a, const StoredEvent& b) { return a.id < b.id; });
  for (const StoredEvent& e : events) f(e);
}

}  // namespace dyad
