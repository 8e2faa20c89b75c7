#include "dyad/graph_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/error.h"
#include "test_support.h"

namespace dyad {
namespace {

class GraphStoreTest : public ::testing::Test {
 protected:
  static Article MakeArticle(const std::string& id, const std::string& source,
                             const std::string& text) {
    Article a;
    a.id = id;
    a.source = source;
    a.text = text;
    a.date = Date::FromYmd(2016, 11, 15);
    return a;
  }

  static Event Call(const std::string& source_code, const std::string& target_code) {
    Event e;
    e.source = ActorRef{source_code.substr(0, 3), source_code, "Source", "Src", Span{0, 3}};
    e.target = ActorRef{target_code.substr(0, 3), target_code, "Target", "Tgt", Span{10, 13}};
    e.action = "call";
    e.cameo = "041";
    e.quad_class = 1;
    e.goldstein = 1.0;
    e.date = Date::FromYmd(2016, 11, 14);
    e.sentence = "Src called Tgt.";
    e.rule = "call.telephone-conversation";
    return e;
  }

  testing::TempDir temp_;
  std::filesystem::path dir_ = temp_.path();
  std::string path_ = temp_.Path("graph.db");
};

TEST_F(GraphStoreTest, TheSameEventFromManyArticlesIsOneEventWithManyMentions) {
  auto store = GraphStore::Open(path_);
  store->Put(MakeArticle("a1", "kremlin.ru", "x"), {Call("RUSGOV", "USAELI")}, "fp");
  store->Put(MakeArticle("a2", "example.org", "y"),
             {Call("RUSGOV", "USAELI"), Call("USAELI", "RUSGOV")}, "fp");
  store->Put(MakeArticle("a3", "example.org", "z"), {Call("RUSGOV", "USAELI")}, "fp");
  store->Commit();
  const StoreCounts c = store->Counts();
  EXPECT_EQ(c.articles, 3);
  EXPECT_EQ(c.events, 2);
  EXPECT_EQ(c.mentions, 4);
  std::vector<StoredEvent> events;
  store->ForEachEvent([&](const StoredEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source.code, "RUSGOV");
  EXPECT_EQ(events[0].num_mentions, 3);
  EXPECT_EQ(events[0].num_articles, 3);
  EXPECT_EQ(events[0].num_sources, 2);
  EXPECT_EQ(events[0].date, "2016-11-14");
  EXPECT_EQ(events[1].num_mentions, 1);
}

TEST_F(GraphStoreTest, ReingestingIsIdempotentAndChangesReplaceOldMentions) {
  auto store = GraphStore::Open(path_);
  const Article a = MakeArticle("a1", "s", "first version");
  EXPECT_EQ(store->Status(a), GraphStore::ArticleStatus::kNew);
  store->Put(a, {Call("RUSGOV", "USAELI")}, "fp");
  store->Commit();
  EXPECT_EQ(store->Status(a), GraphStore::ArticleStatus::kUnchanged);
  const Article changed = MakeArticle("a1", "s", "second version");
  EXPECT_EQ(store->Status(changed), GraphStore::ArticleStatus::kChanged);
  store->Put(changed, {Call("FRAGOV", "DEUGOV")}, "fp");
  store->Commit();
  const StoreCounts c = store->Counts();
  EXPECT_EQ(c.articles, 1);
  EXPECT_EQ(c.events, 1);  // the old event lost its only mention and went
  EXPECT_EQ(c.mentions, 1);
}

TEST_F(GraphStoreTest, AnUncommittedBatchIsRolledBack) {
  {
    auto store = GraphStore::Open(path_);
    store->Put(MakeArticle("a1", "s", "t"), {Call("RUSGOV", "USAELI")}, "fp");
  }
  EXPECT_EQ(GraphStore::Open(path_)->Counts().articles, 0);
}

TEST_F(GraphStoreTest, DiagnosticsAreKept) {
  auto store = GraphStore::Open(path_);
  store->PutDiagnostic(
      Diagnostic{Severity::kError, "news.jsonl", 7, "x", -1, "malformed JSON", "{"});
  store->Commit();
  EXPECT_EQ(store->Counts().diagnostics, 1);
}

TEST_F(GraphStoreTest, ADatabaseFromANewerDyadIsRefused) {
  { GraphStore::Open(path_); }
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    GraphStore::Open(path_);
    FAIL() << "opened a newer database";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kSchemaTooNew);
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
  }
}

TEST_F(GraphStoreTest, OtherFilesAreRefusedWithoutHarm) {
  {
    SQLite::Database other(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE mine (x INTEGER)");
  }
  EXPECT_THROW(GraphStore::Open(path_), Error);
  {
    SQLite::Database other(path_, SQLite::OPEN_READONLY);  // still intact
    EXPECT_EQ(other.execAndGet("SELECT count(*) FROM mine").getInt(), 0);
  }
  const std::string junk = (dir_ / "junk.db").string();
  std::ofstream(junk) << std::string(4096, '\x5a');
  try {
    GraphStore::Open(junk);
    FAIL() << "opened junk";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kDatabase);
  }
  EXPECT_THROW(GraphStore::Open((dir_ / "missing" / "x.db").string()), Error);
}

TEST_F(GraphStoreTest, EveryCommitReplacesTheStamp) {
  auto store = GraphStore::Open(path_);
  const std::string first = store->Stamp();
  EXPECT_EQ(first.size(), 32u);
  store->Commit();  // nothing written: nothing changes
  EXPECT_EQ(store->Stamp(), first);
  store->Put(MakeArticle("a", "s", "x"), {Call("RUSGOV", "USAGOV")}, "fp");
  EXPECT_EQ(store->Stamp(), "") << "uncommitted writes are not covered by a stamp";
  store->Commit();
  const std::string second = store->Stamp();
  EXPECT_EQ(second.size(), 32u);
  EXPECT_NE(second, first);
  std::string scanned;
  int events = 0;
  scanned = store->ScanEvents([&](const StoredEventView&) { ++events; });
  EXPECT_EQ(events, 1);
  EXPECT_EQ(scanned, second);
  EXPECT_EQ(GraphStore::Open(path_, true)->Stamp(), second);
}

// Between batches the writer holds no read transaction: another connection can checkpoint the
// whole write-ahead log (a statement left on a row once kept it growing through an ingest).
TEST_F(GraphStoreTest, NoReadTransactionOutlivesACommit) {
  auto store = GraphStore::Open(path_);
  for (int batch = 0; batch < 3; ++batch) {
    for (int i = 0; i < 20; ++i) {
      std::string id = "a";
      id += std::to_string(batch * 100 + i);
      store->Put(MakeArticle(id, "s", id), {Call("RUSGOV", "USAGOV"), Call("FRAGOV", "DEUGOV")},
                 "fp");
      store->Status(MakeArticle(id, "s", id));
    }
    store->Commit();
    SQLite::Database other(path_, SQLite::OPEN_READWRITE);
    SQLite::Statement checkpoint(other, "PRAGMA wal_checkpoint(TRUNCATE)");
    ASSERT_TRUE(checkpoint.executeStep());
    EXPECT_EQ(checkpoint.getColumn(0).getInt(), 0) << "a reader blocks the checkpoint";
  }
}

// A database written before the stamp existed (schema 1): readers take it as it is, the next
// writer migrates it, and nothing stored is lost.
TEST_F(GraphStoreTest, ASchemaOneDatabaseIsReadAsItIsAndMigratedByAWriter) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(testing::ReadFile(std::filesystem::path(testing::SourceDir()) / "schema" /
                              "001_initial.sql"));
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO events (source_code, source_name, source_entity, target_code, "
        "target_name, target_entity, cameo, action, quad_class, goldstein, date, "
        "date_precision, num_mentions, num_articles, num_sources) VALUES ('RUSGOV', 'Russia', "
        "'RUS', 'USAGOV', 'United States', 'USA', '041', 'call', 1, 1.0, '2016-11-14', 'day', 1, "
        "1, 1)");
  }
  {
    auto reader = GraphStore::Open(path_, true);
    EXPECT_EQ(reader->schema_version(), 1);
    EXPECT_EQ(reader->Stamp(), "");
    EXPECT_EQ(reader->Counts().events, 1);
  }
  auto writer = GraphStore::Open(path_);
  EXPECT_GE(writer->schema_version(), 2);
  EXPECT_EQ(writer->Counts().events, 1);
  EXPECT_EQ(writer->Stamp().size(), 32u);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// Schema 4: a mention keeps where its event happened, the event the first place reported (a
// later mention fills it in when the first named none); a mention without a place has NULLs.
TEST_F(GraphStoreTest, MentionsAndEventsKeepTheirPlace) {
  auto store = GraphStore::Open(path_);
  EXPECT_EQ(store->schema_version(), 4);
  Event without = Call("RUSGOV", "USAELI");
  Event with = without;
  with.location = Location{"Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39};
  store->Put(MakeArticle("a1", "s", "x"), {without}, "fp");
  store->Put(MakeArticle("a2", "s", "y"), {with}, "fp");
  store->Commit();
  store.reset();
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  SQLite::Statement m(db,
                      "SELECT location_place, location_country, location_lat FROM mentions "
                      "ORDER BY article_id");
  ASSERT_TRUE(m.executeStep());
  EXPECT_TRUE(m.getColumn(0).isNull());
  EXPECT_TRUE(m.getColumn(1).isNull());
  ASSERT_TRUE(m.executeStep());
  EXPECT_EQ(m.getColumn(0).getString(), "Kirkuk");
  EXPECT_EQ(m.getColumn(1).getString(), "IRQ");
  EXPECT_NEAR(m.getColumn(2).getDouble(), 35.47, 1e-9);
  SQLite::Statement e(db, "SELECT location_place, location_country, location_lon FROM events");
  ASSERT_TRUE(e.executeStep());
  EXPECT_EQ(e.getColumn(0).getString(), "Kirkuk");
  EXPECT_EQ(e.getColumn(1).getString(), "IRQ");
  EXPECT_NEAR(e.getColumn(2).getDouble(), 44.39, 1e-9);
  EXPECT_FALSE(e.executeStep());
}

TEST(ContentHash, ChangesWithWhatTheArticleSays) {
  Article a;
  a.id = "x";
  a.text = "text";
  const std::string h = ContentHash(a);
  Article b = a;
  b.id = "y";
  EXPECT_EQ(ContentHash(b), h);  // the id is not content
  b.text = "text!";
  EXPECT_NE(ContentHash(b), h);
  Article c = a;
  c.title = "text";
  c.text = "";
  EXPECT_NE(ContentHash(c), h);  // fields are separated
}

}  // namespace
}  // namespace dyad
