// Knowledge-graph queries on a generated graph, side by side with what a user would otherwise
// do: the same events in an indexed SQLite table, queried directly (docs/queries.md).
//
//   build/tools/bench/dyad_graph_bench [--actors 200] [--events 1000000] [--db PATH]
//                                      [--benchmark_filter=...]
//
// The graph is generated once (deterministic, seeded) into PATH through the store, as an ingest
// would write it, and reused by later runs. Actors' activity is skewed (Zipf-like), dates are
// spread over 15 years. Queries pick actors, pairs and 90-day windows at random from a fixed
// seed, so every run asks the same questions; the busiest pair and actor are measured too.
#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/peak_memory.h"
#include "dyad/event_graph.h"
#include "dyad/export.h"
#include "dyad/graph_store.h"

namespace {

struct Options {
  int actors = 200;
  int64_t events = 1000000;
  std::string db;
};

// Facts of the CAMEO codebook: a few common codes with their QuadClass and Goldstein score.
struct CameoCode {
  const char* code;
  const char* action;
  int quad_class;
  double goldstein;
};
constexpr CameoCode kCodes[] = {
    {"010", "statement", 1, 0.0},      {"036", "express_intent_to_meet", 1, 4.0},
    {"040", "consult", 1, 1.0},        {"042", "visit", 1, 1.9},
    {"043", "host", 1, 2.8},           {"051", "praise", 1, 3.4},
    {"057", "sign_agreement", 1, 8.0}, {"070", "aid", 2, 7.0},
    {"111", "criticize", 3, -2.0},     {"112", "accuse", 3, -2.0},
    {"130", "threaten", 3, -4.4},      {"163", "sanction", 4, -8.0},
    {"190", "fight", 4, -10.0},
};

constexpr long kFirstDay = 14610;  // 2010-01-01
constexpr long kDays = 5475;       // 15 years

std::string ActorCode(int i, int n) {
  if (n <= 26 * 26 * 26) {
    std::string s = "AAA";
    s[0] = static_cast<char>('A' + i / 676);
    s[1] = static_cast<char>('A' + (i / 26) % 26);
    s[2] = static_cast<char>('A' + i % 26);
    return s;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "X%05d", i);
  return buf;
}

// Writes events through GraphStore::Put, 1,000 to an article, until the store holds
// `options.events` distinct events (a repeated source, target, code and day is one event).
void Generate(const Options& options) {
  std::fprintf(stderr, "generating %lld events among %d actors into %s ...\n",
               static_cast<long long>(options.events), options.actors, options.db.c_str());
  const auto start = std::chrono::steady_clock::now();
  auto store = dyad::GraphStore::Open(options.db);
  std::mt19937_64 rng(42);
  std::vector<double> weights;
  weights.reserve(static_cast<size_t>(options.actors));
  for (int i = 0; i < options.actors; ++i) weights.push_back(1.0 / std::pow(i + 1.0, 0.8));
  std::discrete_distribution<int> actor(weights.begin(), weights.end());
  std::uniform_int_distribution<long> day(0, kDays - 1);
  std::uniform_int_distribution<size_t> code(0, std::size(kCodes) - 1);
  std::vector<std::string> codes;
  codes.reserve(static_cast<size_t>(options.actors));
  for (int i = 0; i < options.actors; ++i) codes.push_back(ActorCode(i, options.actors));

  int64_t written = 0;
  for (int64_t article = 0;; ++article) {
    if (article % 100 == 0) {
      store->Commit();
      if (store->Counts().events >= options.events) break;
    }
    dyad::Article a;
    a.id = "gen-" + std::to_string(article);
    a.title = "Generated article " + std::to_string(article);
    a.text = a.title;
    a.source = "generated";
    std::vector<dyad::Event> events;
    const int64_t remaining = options.events - store->Counts().events;
    const int64_t n = std::clamp<int64_t>(remaining + remaining / 50 + 1, 1, 1000);
    for (int64_t k = 0; k < n; ++k) {
      const int s = actor(rng);
      int t = actor(rng);
      while (t == s) t = actor(rng);
      const CameoCode& c = kCodes[code(rng)];
      dyad::Event e;
      e.article_id = a.id;
      e.sentence_index = static_cast<int>(k);
      e.sentence = "generated";
      e.source = {codes[s], codes[s], codes[s], codes[s], {}};
      e.target = {codes[t], codes[t], codes[t], codes[t], {}};
      e.action = c.action;
      e.cameo = c.code;
      e.quad_class = c.quad_class;
      e.goldstein = c.goldstein;
      e.date = dyad::Date::FromDays(kFirstDay + day(rng));
      e.rule = "generated";
      events.push_back(std::move(e));
    }
    written += n;
    a.date = dyad::Date::FromDays(kFirstDay + kDays);
    store->Put(a, events, "generated");
  }
  store->Commit();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const dyad::StoreCounts counts = store->Counts();
  std::fprintf(stderr,
               "stored %lld events (%lld mentions) in %.1f s: %.0f mentions/s, peak RSS %.0f "
               "MiB\n",
               static_cast<long long>(counts.events), static_cast<long long>(counts.mentions),
               seconds, static_cast<double>(written) / seconds, dyad::core::PeakMemoryMib());
}

// What the queries ask, fixed by a seed.
struct Workload {
  std::string busiest_actor;
  std::pair<std::string, std::string> busiest_pair;
  std::vector<std::string> actors;                         // drawn by activity
  std::vector<std::pair<std::string, std::string>> pairs;  // pairs that have events
  std::vector<dyad::Date> window_ends;
};

Workload MakeWorkload(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY);
  Workload w;
  SQLite::Statement busiest(sql,
                            "SELECT source_code, target_code FROM events GROUP BY 1, 2 "
                            "ORDER BY count(*) DESC LIMIT 1");
  busiest.executeStep();
  w.busiest_pair = {busiest.getColumn(0).getString(), busiest.getColumn(1).getString()};
  w.busiest_actor = w.busiest_pair.first;
  // Random events give actors and pairs in proportion to their activity.
  const int64_t max_id = sql.execAndGet("SELECT max(id) FROM events").getInt64();
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> id(1, max_id);
  SQLite::Statement pick(sql, "SELECT source_code, target_code FROM events WHERE id >= ? LIMIT 1");
  for (int i = 0; i < 256; ++i) {
    pick.bind(1, id(rng));
    if (pick.executeStep()) {
      w.pairs.emplace_back(pick.getColumn(0).getString(), pick.getColumn(1).getString());
      w.actors.push_back(pick.getColumn(0).getString());
    }
    pick.reset();
  }
  std::uniform_int_distribution<long> day(90, kDays - 1);
  for (int i = 0; i < 256; ++i) w.window_ends.push_back(dyad::Date::FromDays(kFirstDay + day(rng)));
  return w;
}

dyad::EventFilter Window(const dyad::Date& end) {
  dyad::EventFilter f;
  f.from = end.AddDays(-89);
  f.to = end;
  return f;
}

struct Fixture {
  std::unique_ptr<dyad::GraphStore> store;
  std::unique_ptr<dyad::EventGraph> graph;
  std::unique_ptr<SQLite::Database> sql;
  Workload work;
};

Fixture& Get() {
  static Fixture f;
  return f;
}

// ---- dyad ---------------------------------------------------------------------------------

// Loading the graph: from the snapshot beside the database (written first, untimed, if it is
// not current), or from the events table.
void BM_Load(benchmark::State& state, bool snapshot) {
  if (snapshot) dyad::EventGraph::Load(*Get().store);
  for (auto _ : state) {
    auto graph = dyad::EventGraph::Load(*Get().store, dyad::LoadOptions{snapshot});
    if (snapshot != graph->origin().starts_with("snapshot")) {
      state.SkipWithError(("graph read from " + graph->origin()).c_str());
      break;
    }
    benchmark::DoNotOptimize(graph->num_events());
  }
  state.counters["peak_rss_MiB"] = dyad::core::PeakMemoryMib();
}

// The store's share of Load: reading the events table, in id order.
void BM_Scan(benchmark::State& state) {
  for (auto _ : state) {
    int64_t n = 0;
    Get().store->ScanEvents([&](const dyad::StoredEventView& e) { n += e.num_mentions; });
    benchmark::DoNotOptimize(n);
  }
}

void BM_Timeline90(benchmark::State& state, bool busiest) {
  const Workload& w = Get().work;
  size_t i = 0, found = 0;
  for (auto _ : state) {
    const auto& [a, b] = busiest ? w.busiest_pair : w.pairs[i % w.pairs.size()];
    const auto events =
        Get().graph->Timeline(a, b, false, Window(w.window_ends[i % w.window_ends.size()]));
    found += events.size();
    ++i;
  }
  state.counters["events_per_query"] = static_cast<double>(found) / static_cast<double>(i);
}

// `dyad export network BUSIEST --format dot`, after the load: the ego network of the busiest
// actor (one hop), each dyad's detail (counts by QuadClass, top actions) and the DOT text.
void BM_ExportDot(benchmark::State& state) {
  const Workload& w = Get().work;
  size_t bytes = 0, dyads = 0;
  for (auto _ : state) {
    const dyad::Neighborhood n =
        Get().graph->Neighbors(w.busiest_actor, 1, dyad::EdgeWeight::kEvents, 0, 0, {});
    const dyad::ExportGraph g = dyad::ExportNeighborhood(
        *Get().graph, n, {}, dyad::ActorKinds(), nullptr, dyad::ExportLimits{0, 0}, "bench");
    const std::string dot = dyad::NetworkDot(g);
    bytes += dot.size();
    dyads += g.dyads.size();
  }
  state.counters["dyads"] = static_cast<double>(dyads) / static_cast<double>(state.iterations());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6 / static_cast<double>(state.iterations());
}

void BM_TwoHop(benchmark::State& state, bool busiest, bool windowed, size_t top) {
  const Workload& w = Get().work;
  size_t i = 0, dyads = 0;
  for (auto _ : state) {
    const std::string& a = busiest ? w.busiest_actor : w.actors[i % w.actors.size()];
    const dyad::EventFilter f =
        windowed ? Window(w.window_ends[i % w.window_ends.size()]) : dyad::EventFilter{};
    const dyad::Neighborhood n =
        Get().graph->Neighbors(a, 2, dyad::EdgeWeight::kEvents, 0.0, top, f);
    dyads += n.dyads.size();
    ++i;
  }
  state.counters["dyads_per_query"] = static_cast<double>(dyads) / static_cast<double>(i);
}

// ---- the same questions asked of SQLite directly --------------------------------------------

void BM_SqliteTimeline90(benchmark::State& state, bool busiest) {
  const Workload& w = Get().work;
  SQLite::Statement q(*Get().sql,
                      "SELECT id, source_code, target_code, cameo, date, num_mentions FROM events "
                      "WHERE source_code = ?1 AND target_code = ?2 AND date BETWEEN ?3 AND ?4 "
                      "UNION ALL SELECT id, source_code, target_code, cameo, date, num_mentions "
                      "FROM events WHERE source_code = ?2 AND target_code = ?1 AND date BETWEEN "
                      "?3 AND ?4 ORDER BY 5");
  size_t i = 0, found = 0;
  for (auto _ : state) {
    const auto& [a, b] = busiest ? w.busiest_pair : w.pairs[i % w.pairs.size()];
    const dyad::Date end = w.window_ends[i % w.window_ends.size()];
    q.bind(1, a);
    q.bind(2, b);
    q.bind(3, end.AddDays(-89).ToString());
    q.bind(4, end.ToString());
    while (q.executeStep()) ++found;
    q.reset();
    ++i;
  }
  state.counters["events_per_query"] = static_cast<double>(found) / static_cast<double>(i);
}

// The 2-hop ego network as a user would compute it in SQL: the actor's partners, then every
// dyad (with its count and mean Goldstein) touching the actor or one of its partners.
void BM_SqliteTwoHop(benchmark::State& state, bool busiest, bool windowed) {
  const Workload& w = Get().work;
  const std::string window = windowed ? " AND date BETWEEN ?2 AND ?3" : "";
  SQLite::Statement partners(*Get().sql,
                             "SELECT target_entity FROM events WHERE source_entity "
                             "= ?1" +
                                 window +
                                 " UNION SELECT source_entity FROM "
                                 "events WHERE target_entity = ?1" +
                                 window);
  SQLite::Statement dyads(*Get().sql,
                          "SELECT source_entity, target_entity, count(*), avg(goldstein) FROM "
                          "events WHERE source_entity = ?1" +
                              window +
                              " GROUP BY 1, 2 UNION ALL SELECT source_entity, target_entity, "
                              "count(*), avg(goldstein) FROM events WHERE target_entity = ?1" +
                              window + " GROUP BY 1, 2");
  size_t i = 0, total = 0;
  for (auto _ : state) {
    const std::string& a = busiest ? w.busiest_actor : w.actors[i % w.actors.size()];
    const dyad::Date end = w.window_ends[i % w.window_ends.size()];
    const std::string from = end.AddDays(-89).ToString(), to = end.ToString();
    auto bind = [&](SQLite::Statement& q, const std::string& who) {
      q.reset();
      q.bind(1, who);
      if (windowed) {
        q.bind(2, from);
        q.bind(3, to);
      }
    };
    std::vector<std::string> frontier = {a};
    bind(partners, a);
    while (partners.executeStep()) frontier.push_back(partners.getColumn(0).getString());
    std::set<std::pair<std::string, std::string>> seen;
    for (const std::string& v : frontier) {
      bind(dyads, v);
      while (dyads.executeStep()) {
        seen.emplace(dyads.getColumn(0).getString(), dyads.getColumn(1).getString());
      }
    }
    total += seen.size();
    ++i;
  }
  state.counters["dyads_per_query"] = static_cast<double>(total) / static_cast<double>(i);
}

bool ParseOptions(int* argc, char** argv, Options* options) {
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < *argc;
    if (arg == "--actors" && has_value) {
      options->actors = std::atoi(argv[++i]);
    } else if (arg == "--events" && has_value) {
      options->events = std::atoll(argv[++i]);
    } else if (arg == "--db" && has_value) {
      options->db = argv[++i];
    } else {
      argv[out++] = argv[i];
    }
  }
  *argc = out;
  if (options->actors < 2 || options->events < 1) {
    std::fprintf(stderr, "dyad_graph_bench: --actors must be >= 2 and --events >= 1\n");
    return false;
  }
  if (options->db.empty()) {
    options->db = "bench-graph-" + std::to_string(options->actors) + "x" +
                  std::to_string(options->events) + ".db";
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(&argc, argv, &options)) return 2;
  if (!std::filesystem::exists(options.db)) Generate(options);

  // The baseline's own index: what a user querying dyads by date in SQL would create. (And a
  // database of an older schema is brought up to date first.)
  dyad::GraphStore::Open(options.db);
  {
    SQLite::Database sql(options.db, SQLite::OPEN_READWRITE);
    sql.exec(
        "CREATE INDEX IF NOT EXISTS bench_dyad_date ON events (source_code, target_code, date)");
  }
  Fixture& f = Get();
  f.store = dyad::GraphStore::Open(options.db, /*read_only=*/true);
  const auto start = std::chrono::steady_clock::now();
  f.graph = dyad::EventGraph::Load(*f.store);
  std::fprintf(
      stderr, "%s: %zu actors, %zu events, loaded in %.0f ms from the %s\n", options.db.c_str(),
      f.graph->num_actors(), f.graph->num_events(),
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
      f.graph->origin().c_str());
  f.sql = std::make_unique<SQLite::Database>(options.db, SQLite::OPEN_READONLY);
  f.work = MakeWorkload(options.db);

  using benchmark::kMicrosecond;
  using benchmark::kMillisecond;
  using benchmark::RegisterBenchmark;
  RegisterBenchmark("Load/snapshot", BM_Load, true)->Unit(kMillisecond)->Iterations(5);
  RegisterBenchmark("Load/table", BM_Load, false)->Unit(kMillisecond)->Iterations(3);
  RegisterBenchmark("Load/scan", BM_Scan)->Unit(kMillisecond)->Iterations(3);
  RegisterBenchmark("Timeline90/busiest", BM_Timeline90, true)->Unit(kMicrosecond);
  RegisterBenchmark("Timeline90/random", BM_Timeline90, false)->Unit(kMicrosecond);
  RegisterBenchmark("TwoHop/busiest", BM_TwoHop, true, false, size_t{0})->Unit(kMicrosecond);
  RegisterBenchmark("TwoHop/random", BM_TwoHop, false, false, size_t{0})->Unit(kMicrosecond);
  RegisterBenchmark("TwoHop/busiest/top100", BM_TwoHop, true, false, size_t{100})
      ->Unit(kMicrosecond);
  RegisterBenchmark("TwoHop90/busiest", BM_TwoHop, true, true, size_t{0})->Unit(kMicrosecond);
  RegisterBenchmark("TwoHop90/random", BM_TwoHop, false, true, size_t{0})->Unit(kMicrosecond);
  RegisterBenchmark("ExportDot/busiest", BM_ExportDot)->Unit(kMillisecond);
  RegisterBenchmark("Sqlite/Timeline90/busiest", BM_SqliteTimeline90, true)->Unit(kMicrosecond);
  RegisterBenchmark("Sqlite/Timeline90/random", BM_SqliteTimeline90, false)->Unit(kMicrosecond);
  RegisterBenchmark("Sqlite/TwoHop/busiest", BM_SqliteTwoHop, true, false)->Unit(kMillisecond);
  RegisterBenchmark("Sqlite/TwoHop90/busiest", BM_SqliteTwoHop, true, true)->Unit(kMillisecond);
  RegisterBenchmark("Sqlite/TwoHop90/random", BM_SqliteTwoHop, false, true)->Unit(kMillisecond);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
