#include "dyad/event_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "test_support.h"

namespace dyad {
namespace {

// A small graph whose answers are known: A-B cooperate, B's and C's armies fight, C's army
// talks to D, E and F keep to themselves.
class EventGraphTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const testing::TempDir dir;  // the graph outlives its database
    auto store = GraphStore::Open(dir.Path("graph.db"));
    int n = 0;
    const auto put = [&](const char* s, const char* t, const char* cameo, int quad, double g,
                         const char* date) {
      Article a;
      a.id = "a" + std::to_string(n++);
      a.text = a.id;
      Event e;
      e.source =
          ActorRef{std::string(s).substr(0, 3), s, std::string("Name ") + s, "", Span{-1, -1}};
      e.target =
          ActorRef{std::string(t).substr(0, 3), t, std::string("Name ") + t, "", Span{-1, -1}};
      e.action = cameo[1] == '4' ? "meet" : "attack";
      e.cameo = cameo;
      e.quad_class = quad;
      e.goldstein = g;
      e.date = Date::ParseIso(date);
      store->Put(a, {e}, "fp");
    };
    put("AAAGOV", "BBBGOV", "040", 1, 1.0, "2020-01-05");
    put("BBBGOV", "AAAGOV", "040", 1, 1.0, "2020-01-20");
    put("AAAGOV", "BBBGOV", "057", 1, 8.0, "2020-03-02");
    put("BBBMIL", "CCCMIL", "190", 4, -10.0, "2020-02-10");
    put("CCCMIL", "BBBMIL", "190", 4, -10.0, "2020-02-11");
    put("CCCMIL", "DDDGOV", "040", 1, 1.0, "2020-04-01");
    put("EEEGOV", "FFFGOV", "040", 1, 1.0, "2020-04-01");
    store->Commit();
    graph_ = EventGraph::Load(*store).release();
  }
  static void TearDownTestSuite() { delete graph_; }

  static std::vector<std::string> Dates(const std::vector<StoredEvent>& events) {
    std::vector<std::string> out;
    for (const StoredEvent& e : events) out.push_back(e.date);
    return out;
  }

  static inline EventGraph* graph_ = nullptr;
};

TEST_F(EventGraphTest, FindsActorsByEntityCodeOrName) {
  EXPECT_EQ(graph_->num_actors(), 7u);
  EXPECT_EQ(graph_->Find("BBB").size(), 2u);     // BBBGOV and BBBMIL
  EXPECT_EQ(graph_->Find("bbbmil").size(), 1u);  // any case
  EXPECT_EQ(graph_->Find("Name AAAGOV").size(), 1u);
  EXPECT_EQ(graph_->Find("AAAGOV").front().name, "Name AAAGOV");
  EXPECT_TRUE(graph_->Find("'; DROP TABLE events; --").empty());
}

TEST_F(EventGraphTest, TimelinesAreByDateAndFiltered) {
  EXPECT_EQ(Dates(graph_->Timeline("AAA", std::nullopt, false, {})),
            (std::vector<std::string>{"2020-01-05", "2020-01-20", "2020-03-02"}));
  EXPECT_EQ(Dates(graph_->Timeline("AAA", "BBB", true, {})),
            (std::vector<std::string>{"2020-01-05", "2020-03-02"}));
  EventFilter window;
  window.from = Date::FromYmd(2020, 1, 10);
  window.to = Date::FromYmd(2020, 2, 28);
  EXPECT_EQ(Dates(graph_->Timeline("BBB", std::nullopt, false, window)),
            (std::vector<std::string>{"2020-01-20", "2020-02-10", "2020-02-11"}));
  EventFilter conflict;
  conflict.quad_class = 4;
  EXPECT_EQ(graph_->Timeline("BBB", std::nullopt, false, conflict).size(), 2u);
  EventFilter cameo;
  cameo.cameo_prefix = "05";
  EXPECT_EQ(graph_->Timeline("AAA", std::nullopt, false, cameo).size(), 1u);
}

TEST_F(EventGraphTest, NeighborhoodsGrowWithDepthAndWeighDyads) {
  EXPECT_EQ(graph_->Neighbors("AAA", 1, EdgeWeight::kEvents, 0, 0, {}).actors.size(), 2u);
  const Neighborhood two = graph_->Neighbors("AAA", 2, EdgeWeight::kEvents, 0, 0, {});
  EXPECT_EQ(two.actors.size(), 2u);  // AAA's BBBGOV is not BBBMIL: codes are actors
  const Neighborhood from_b = graph_->Neighbors("BBB", 1, EdgeWeight::kConflict, 0.5, 0, {});
  ASSERT_EQ(from_b.dyads.size(), 2u);  // only the fighting dyads pass min-weight 0.5
  EXPECT_EQ(from_b.dyads[0].conflict_share, 1.0);
  const Neighborhood top = graph_->Neighbors("AAA", 1, EdgeWeight::kEvents, 0, 1, {});
  ASSERT_EQ(top.dyads.size(), 1u);
  EXPECT_EQ(top.source(top.dyads[0]).code, "AAAGOV");
  EXPECT_EQ(top.dyads[0].events, 2);
  EXPECT_DOUBLE_EQ(top.dyads[0].mean_goldstein, 4.5);
}

TEST_F(EventGraphTest, TheWholeGraphDyadDetailsAndEventLists) {
  const Neighborhood all = graph_->Whole(EdgeWeight::kEvents, 0, 0, {});
  EXPECT_EQ(all.actors.size(), 7u);
  EXPECT_EQ(all.dyads.size(), 6u);
  EventFilter april;
  april.from = april.to = Date::FromYmd(2020, 4, 1);
  const Neighborhood quiet = graph_->Whole(EdgeWeight::kEvents, 0, 0, april);
  EXPECT_EQ(quiet.dyads.size(), 2u);
  EXPECT_EQ(quiet.actors.size(), 4u) << "only the actors of the dyads kept";

  const DyadDetail d = graph_->Detail("AAAGOV", "BBBGOV", {});
  EXPECT_EQ(d.events, 2);
  EXPECT_EQ(d.by_quad[0], 2);
  EXPECT_DOUBLE_EQ(d.goldstein_sum, 9.0);
  ASSERT_EQ(d.actions.size(), 2u);
  EXPECT_EQ(d.actions[0].first, "attack");  // equal counts: by name
  EXPECT_EQ(d.first->ToString(), "2020-01-05");
  EXPECT_EQ(d.last->ToString(), "2020-03-02");
  ASSERT_EQ(d.by_year.size(), 1u);
  EXPECT_EQ(d.by_year[0], std::make_pair(2020, int64_t{2}));
  EXPECT_EQ(graph_->Detail("BBBGOV", "CCCMIL", {}).events, 0);
  EXPECT_EQ(graph_->Detail("ZZZ", "AAAGOV", {}).events, 0);

  const auto events = graph_->Events({});
  ASSERT_EQ(events.size(), 7u);
  EXPECT_TRUE(
      std::is_sorted(events.begin(), events.end(),
                     [](const StoredEvent& x, const StoredEvent& y) { return x.date < y.date; }));
  EventFilter fights;
  fights.quad_class = 4;
  EXPECT_EQ(graph_->Events(fights).size(), 2u);
  // The latest two of A's dyads, in date order.
  const auto latest =
      graph_->EventsAmong(graph_->Neighbors("AAA", 1, EdgeWeight::kEvents, 0, 0, {}), {}, 2);
  EXPECT_EQ(Dates(latest), (std::vector<std::string>{"2020-01-20", "2020-03-02"}));
}

TEST_F(EventGraphTest, PathsAndPartners) {
  const std::vector<GraphActor> path = graph_->Path("BBBMIL", "DDD", 3, {});
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[1].code, "CCCMIL");
  EXPECT_TRUE(graph_->Path("AAA", "EEE", 5, {}).empty());
  EXPECT_TRUE(graph_->Path("BBBMIL", "DDD", 1, {}).empty());
  const std::vector<Partner> partners = graph_->Partners("BBB", 0, {});
  ASSERT_EQ(partners.size(), 2u);
  EXPECT_EQ(partners[0].actor.code, "AAAGOV");
  EXPECT_EQ(partners[0].cooperation, 3);
  EXPECT_EQ(partners[1].conflict, 2);
}

TEST_F(EventGraphTest, SeriesIncludeEmptyPeriods) {
  const std::vector<SeriesRow> months = graph_->Series("AAA", "BBB", Period::kMonth, {});
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].period, "2020-01");
  EXPECT_EQ(months[0].by_quad[0], 2);
  EXPECT_EQ(months[1].period, "2020-02");
  EXPECT_EQ(months[1].by_quad[0], 0);
  EXPECT_DOUBLE_EQ(months[2].mean_goldstein, 8.0);
  const std::vector<SeriesRow> weeks = graph_->Series("BBB", "CCC", Period::kWeek, {});
  ASSERT_EQ(weeks.size(), 1u);  // Monday 10 and Tuesday 11 February 2020: one ISO week
  EXPECT_EQ(weeks[0].period, "2020-W07");
  EXPECT_EQ(weeks[0].by_quad[3], 2);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(EventGraphRelations, NeighborhoodsFollowRelationsValidInTheWindow) {
  const testing::TempDir dir;
  const std::string path = dir.Path("graph.db");
  auto store = GraphStore::Open(path);
  auto graph = EventGraph::Load(*store);
  Relation early{RelationKind::kMemberOf,
                 "AAA",
                 "Aland",
                 "AAA",
                 "ORG",
                 "IGOORG",
                 "Org",
                 "",
                 Date::FromYmd(2000, 1, 1),
                 Date::FromYmd(2009, 12, 31)};
  Relation late{RelationKind::kMemberOf,   "BBB",       "Bland", "BBB", "ORG", "IGOORG", "Org", "",
                Date::FromYmd(2010, 1, 1), std::nullopt};
  graph->AddRelations({early, late});
  EventFilter f;
  f.relations = true;
  f.from = Date::FromYmd(2012, 1, 1);
  f.to = Date::FromYmd(2012, 12, 31);
  const Neighborhood n = graph->Neighbors("ORG", 1, EdgeWeight::kEvents, 0, 0, f);
  ASSERT_EQ(n.dyads.size(), 1u);
  EXPECT_EQ(n.source(n.dyads[0]).name, "Bland");
  EXPECT_EQ(n.target(n.dyads[0]).code, "IGOORG");
  EXPECT_EQ(n.dyads[0].relation, "member_of");
  f.relations = false;
  EXPECT_TRUE(graph->Neighbors("ORG", 1, EdgeWeight::kEvents, 0, 0, f).dyads.empty());
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Windowed neighborhoods are computed by walking dyads when the window is busy and by reading
// the window's events in date order when it is quiet; both must agree with the timelines.
TEST(EventGraphWindows, NeighborhoodCountsMatchTimelinesForNarrowAndWideWindows) {
  const testing::TempDir dir;
  const std::string path = dir.Path("graph.db");
  {
    auto store = GraphStore::Open(path);
    const char* codes[] = {"AAA", "BBB", "CCC", "DDD", "EEE"};
    std::vector<Event> events;
    for (int i = 0; i < 600; ++i) {
      Event e;
      const char* s = codes[(i * 7) % 5];
      const char* t = codes[(i * 7 + 1 + i % 3) % 5];
      e.source = ActorRef{s, s, s, "", Span{-1, -1}};
      e.target = ActorRef{t, t, t, "", Span{-1, -1}};
      e.action = "meet";
      e.cameo = "040";
      e.quad_class = i % 4 + 1;
      e.goldstein = i % 4 < 2 ? 1.0 : -5.0;
      e.date = Date::FromYmd(2020, 1, 1)->AddDays(i % 365);
      events.push_back(e);
    }
    Article a;
    a.id = "a";
    a.text = "a";
    store->Put(a, events, "fp");
    store->Commit();
  }
  auto store = GraphStore::Open(path, true);
  auto graph = EventGraph::Load(*store);
  for (const int days : {3, 300}) {  // a handful of events; most of them
    EventFilter f;
    f.from = Date::FromYmd(2020, 1, 30);
    f.to = f.from->AddDays(days - 1);
    const Neighborhood n = graph->Neighbors("AAA", 2, EdgeWeight::kEvents, 0, 0, f);
    int64_t total = 0;
    for (const DyadSummary& d : n.dyads) {
      const auto events = graph->Timeline(n.source(d).code, n.target(d).code, true, f);
      EXPECT_EQ(d.events, static_cast<int64_t>(events.size())) << days << " days";
      total += d.events;
    }
    EXPECT_GT(total, 0);
    // Every actor reached is linked by a dyad of the window, and none is beyond two hops.
    std::set<size_t> linked = {0};
    for (const DyadSummary& d : n.dyads) linked.insert({d.source, d.target});
    EXPECT_EQ(linked.size(), n.actors.size()) << days << " days";
    for (const auto& [actor, hops] : n.actors) EXPECT_LE(hops, 2);
    for (size_t i = 1; i < n.dyads.size(); ++i) {
      EXPECT_GE(n.dyads[i - 1].weight, n.dyads[i].weight);
    }
    // The heaviest few are the head of the full ranking, ties and all.
    const Neighborhood top = graph->Neighbors("AAA", 2, EdgeWeight::kEvents, 0, 3, f);
    ASSERT_EQ(top.dyads.size(), std::min<size_t>(3, n.dyads.size()));
    for (size_t i = 0; i < top.dyads.size(); ++i) {
      EXPECT_EQ(top.source(top.dyads[i]).code, n.source(n.dyads[i]).code) << i;
      EXPECT_EQ(top.target(top.dyads[i]).code, n.target(n.dyads[i]).code) << i;
      EXPECT_EQ(top.dyads[i].events, n.dyads[i].events) << i;
    }
    if (days == 300) {
      EXPECT_EQ(n.actors.size(), 5u);
    }
  }
}

// A neighborhood is computed from the graph's own ranking of its dyads, by summing each
// reached actor's dyads, or by reading a window's events in date order; whichever way, equal
// weights are ordered by the actors' codes.
TEST(EventGraphWindows, EqualWeightsRankByCodesWhicheverWayTheyAreComputed) {
  const testing::TempDir dir;
  const std::string path = dir.Path("graph.db");
  constexpr int kActors = 20;  // 380 dyads: enough for the radix sort
  {
    auto store = GraphStore::Open(path);
    std::vector<Event> events;
    for (int i = kActors - 1; i >= 0; --i) {  // stored in reverse order of codes
      for (int j = 0; j < kActors; ++j) {
        if (i == j) continue;
        const std::string s = "A" + std::to_string(100 + i), t = "A" + std::to_string(100 + j);
        for (int k = 0; k <= (i + j) % 3; ++k) {  // 1, 2 or 3 events, the first on Jan 1
          Event e;
          e.source = ActorRef{s, s, s, "", Span{-1, -1}};
          e.target = ActorRef{t, t, t, "", Span{-1, -1}};
          e.action = "meet";
          e.cameo = "040";
          e.quad_class = 1;
          e.goldstein = 1.0;
          e.date = Date::FromYmd(2020, 1, 1)->AddDays(k * 10);
          events.push_back(e);
        }
      }
    }
    Article a;
    a.id = "a";
    a.text = "a";
    store->Put(a, events, "fp");
    store->Commit();
  }
  auto store = GraphStore::Open(path, true);
  auto graph = EventGraph::Load(*store);
  const auto pairs = [](const Neighborhood& n) {
    std::vector<std::tuple<double, std::string, std::string>> out;
    for (const DyadSummary& d : n.dyads)
      out.emplace_back(-d.weight, n.source(d).code, n.target(d).code);
    return out;
  };
  const auto ranked = pairs(graph->Neighbors("A105", 2, EdgeWeight::kEvents, 0, 0, {}));
  ASSERT_EQ(ranked.size(), static_cast<size_t>(kActors * (kActors - 1)));
  EXPECT_TRUE(std::is_sorted(ranked.begin(), ranked.end()));
  EXPECT_EQ(std::get<0>(ranked.front()), -3.0);
  EventFilter meetings;
  meetings.cameo_prefix = "04";
  EXPECT_EQ(pairs(graph->Neighbors("A105", 2, EdgeWeight::kEvents, 0, 0, meetings)), ranked);
  const auto top = pairs(graph->Neighbors("A105", 2, EdgeWeight::kEvents, 0, 7, meetings));
  EXPECT_EQ(top, decltype(ranked)(ranked.begin(), ranked.begin() + 7));
  EXPECT_EQ(pairs(graph->Neighbors("A105", 2, EdgeWeight::kEvents, 0, 7, {})), top);
  // One day, one event per dyad: every weight is 1, and the order is the codes'.
  EventFilter day;
  day.from = day.to = Date::FromYmd(2020, 1, 1);
  const auto first_day = pairs(graph->Neighbors("A105", 2, EdgeWeight::kEvents, 0, 0, day));
  ASSERT_EQ(first_day.size(), ranked.size());
  EXPECT_TRUE(std::is_sorted(first_day.begin(), first_day.end()));
  EXPECT_EQ(std::get<1>(first_day.front()), "A100");
  EXPECT_EQ(std::get<2>(first_day.front()), "A101");
}

}  // namespace
}  // namespace dyad
