#include "graph/snapshot.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "dyad/event_graph.h"
#include "dyad/graph_store.h"
#include "test_support.h"

namespace dyad {
namespace {

// A graph loaded once writes a snapshot beside its database; the next load reads it, for as
// long as the database is unchanged, and falls back to the events table whenever the snapshot
// is stale, damaged or not a snapshot at all.
class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = GraphStore::Open(db_);
    for (int i = 0; i < 40; ++i) Put(*store, i);
    store->Commit();
  }

  // Event i: among five actors, on one of 37 days (no two of the first 370 merge).
  static void Put(GraphStore& store, int i) {
    const char* codes[] = {"AAAGOV", "BBBGOV", "CCCMIL", "DDDGOV", "EEEGOV"};
    const std::string s = codes[i % 5], t = codes[(i * 3 + 1) % 5];
    Event e;
    e.source = ActorRef{s.substr(0, 3), s, "Name " + s, "", Span{-1, -1}};
    e.target = ActorRef{t.substr(0, 3), t, "Name " + t, "", Span{-1, -1}};
    e.action = i % 2 == 0 ? "meet" : "warn";
    e.cameo = i % 2 == 0 ? "040" : "130";
    e.quad_class = i % 2 == 0 ? 1 : 3;
    e.goldstein = i % 2 == 0 ? 1.0 : -4.0;
    e.date = Date::FromYmd(2020, 1, 1)->AddDays(i % 37);
    Article a;
    a.id = "a" + std::to_string(i);
    a.text = a.id;
    store.Put(a, {e}, "fp");
  }

  // What the graph answers, as text: a timeline and a neighborhood.
  static std::string Answers(const EventGraph& g) {
    std::string out;
    for (const StoredEvent& e : g.Timeline("AAA", std::nullopt, false, {})) {
      out += e.date + " " + e.source.code + " " + e.action + " " + e.target.code + " " +
             std::to_string(e.num_mentions) + "\n";
    }
    const Neighborhood n = g.Neighbors("Name CCCMIL", 2, EdgeWeight::kConflict, 0, 0, {});
    for (const DyadSummary& d : n.dyads) {
      out += n.source(d).name + ">" + n.target(d).name + " " + std::to_string(d.events) + " " +
             std::to_string(d.weight) + "\n";
    }
    return out;
  }

  std::unique_ptr<EventGraph> Load(const LoadOptions& options = {}) const {
    return EventGraph::Load(*GraphStore::Open(db_, /*read_only=*/true), options);
  }

  // A file beside the snapshot, named as a writer's temporary file.
  std::string temp_file(const std::string& suffix) const {
    const std::string path = snapshot_ + suffix;
    std::ofstream(path) << "partial";
    return path;
  }

  testing::TempDir dir_;
  std::string db_ = dir_.Path("graph.db");
  std::string snapshot_ = graph::SnapshotPath(db_);
};

TEST_F(SnapshotTest, TheSecondLoadReadsTheSnapshotAndAnswersTheSame) {
  const auto built = Load();
  EXPECT_TRUE(built->origin().starts_with("events table")) << built->origin();
  ASSERT_TRUE(std::filesystem::exists(snapshot_)) << built->origin();
  const auto read = Load();
  EXPECT_EQ(read->origin(), "snapshot " + snapshot_);
  EXPECT_EQ(read->num_events(), 40u);
  EXPECT_EQ(read->num_actors(), built->num_actors());
  EXPECT_FALSE(Answers(*built).empty());
  EXPECT_EQ(Answers(*read), Answers(*built));
  EXPECT_EQ(read->Find("Name DDDGOV").size(), 1u);
}

TEST_F(SnapshotTest, ACommitMakesTheSnapshotStale) {
  Load();
  {
    auto store = GraphStore::Open(db_);
    Put(*store, 40);
    store->Commit();
  }
  const auto after = Load();
  EXPECT_TRUE(after->origin().starts_with("events table")) << after->origin();
  EXPECT_NE(after->origin().find("earlier state"), std::string::npos) << after->origin();
  EXPECT_EQ(after->num_events(), 41u);
  const auto again = Load();
  EXPECT_TRUE(again->origin().starts_with("snapshot")) << again->origin();
  EXPECT_EQ(again->num_events(), 41u);
}

TEST_F(SnapshotTest, DamagedSnapshotsAreRebuilt) {
  const std::string expected = Answers(*Load());
  const std::string whole = testing::ReadFile(snapshot_);
  ASSERT_GT(whole.size(), 200u);
  const auto damage = [&](const std::string& content) {
    std::ofstream(snapshot_, std::ios::binary | std::ios::trunc) << content;
  };
  std::string flipped = whole;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x10);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {flipped, "damaged"},
      {whole.substr(0, whole.size() / 2), "damaged"},
      {whole + "x", "damaged"},
      {"", "not a graph snapshot"},
      {std::string(4096, '\0'), "not a graph snapshot"},
  };
  for (const auto& [content, why] : cases) {
    damage(content);
    const auto g = Load();
    EXPECT_TRUE(g->origin().starts_with("events table")) << g->origin();
    EXPECT_NE(g->origin().find(why), std::string::npos) << g->origin();
    EXPECT_EQ(Answers(*g), expected) << why;
    EXPECT_TRUE(Load()->origin().starts_with("snapshot")) << "rewritten after " << why;
  }
}

TEST_F(SnapshotTest, NoSnapshotWhenNotAskedOrWhenItCannotBeWritten) {
  const auto plain = Load(LoadOptions{false});
  EXPECT_FALSE(std::filesystem::exists(snapshot_));
  EXPECT_EQ(plain->num_events(), 40u);
  std::filesystem::create_directory(snapshot_);  // in the way
  const auto g = Load();
  EXPECT_NE(g->origin().find("cannot write graph snapshot"), std::string::npos) << g->origin();
  EXPECT_EQ(Answers(*g), Answers(*plain));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST_F(SnapshotTest, AWriterRemovesWhatDeadWritersLeft) {
  const std::string stale = temp_file(".tmp-1-1"), fresh = temp_file(".tmp-2-2");
  std::filesystem::last_write_time(
      stale, std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
  Load();  // writes a snapshot
  EXPECT_FALSE(std::filesystem::exists(stale)) << "left by a writer that died long ago";
  EXPECT_TRUE(std::filesystem::exists(fresh)) << "perhaps a writer still at work";
  EXPECT_TRUE(std::filesystem::exists(snapshot_));
}

TEST_F(SnapshotTest, UncommittedWritesAreNotSnapshotted) {
  auto store = GraphStore::Open(db_);
  Put(*store, 41);
  const auto g = EventGraph::Load(*store);
  EXPECT_EQ(g->num_events(), 41u);  // this connection sees its own writes
  EXPECT_FALSE(std::filesystem::exists(snapshot_)) << g->origin();
}

}  // namespace
}  // namespace dyad
