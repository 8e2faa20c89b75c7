#include "dyad/event_graph.h"

#include <algorithm>
#include <array>
#include <bit>
#include <boost/graph/adjacency_list.hpp>
#include <cctype>
#include <climits>
#include <cstdio>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "dyad/error.h"
#include "graph/layout.h"
#include "graph/snapshot.h"

namespace dyad {
namespace {

// The graph has one edge per dyad (source code, target code) holding its events sorted by
// date, so that a window is two binary searches, and one edge per standing relation.
struct Vertex {
  GraphActor actor;
  std::vector<std::string> names;  // every name reported, for Find
};

struct Edge {
  uint32_t index = 0;  // into Impl::dyads, or Impl::relations for a relation
  bool relation = false;
};

// Edges are only ever added, so they are kept in a vector (EdgeList vecS): an edge's
// properties sit in one array rather than a list node each.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, Edge,
                                    boost::no_property, boost::vecS>;
using VertexId = boost::graph_traits<Graph>::vertex_descriptor;
constexpr VertexId kNoVertex = static_cast<VertexId>(-1);

using graph::CompactEvent;
using graph::DyadEvents;

bool FiltersEvents(const EventFilter& f) {
  return f.from || f.to || !f.action.empty() || !f.cameo_prefix.empty() || f.quad_class != 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsConflict(int quad) { return quad >= 3; }

double WeightOf(EdgeWeight w, double events, double mean_goldstein, double conflict_share) {
  switch (w) {
    case EdgeWeight::kEvents:
      return events;
    case EdgeWeight::kGoldstein:
      return mean_goldstein;
    case EdgeWeight::kConflict:
      return conflict_share;
  }
  return events;
}

std::string PeriodKey(long day, Period p) {
  const Date d = Date::FromDays(day);
  char buf[32];
  switch (p) {
    case Period::kDay:
      return d.ToString();
    case Period::kWeek: {
      // ISO 8601 week: the week with the year's first Thursday is week 1.
      const long thursday = day - d.Weekday() + 3;
      const Date t = Date::FromDays(thursday);
      const long jan1 = Date::FromYmd(t.year, 1, 1)->ToDays();
      std::snprintf(buf, sizeof buf, "%04d-W%02d", t.year,
                    static_cast<int>((thursday - jan1) / 7 + 1));
      return buf;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      return buf;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", d.year);
      return buf;
  }
  return "";
}

long NextPeriod(long day, Period p) {
  const Date d = Date::FromDays(day);
  switch (p) {
    case Period::kDay:
      return day + 1;
    case Period::kWeek:
      return day - d.Weekday() + 7;
    case Period::kMonth:
      return (d.month == 12 ? *Date::FromYmd(d.year + 1, 1, 1)
                            : *Date::FromYmd(d.year, d.month + 1, 1))
          .ToDays();
    case Period::kYear:
      return Date::FromYmd(d.year + 1, 1, 1)->ToDays();
  }
  return day + 1;
}

// A key of two words, compared as (hi, lo), and what it sorts.
struct SortKey {
  uint64_t hi = 0, lo = 0;
  uint32_t item = 0;
};

// Sorts keys ascending by (hi, lo): an LSD radix sort by 11-bit digits that skips the digits
// all keys share, which for the weights and ranks of a neighborhood is most of them. Stable.
void RadixSort(std::vector<SortKey>* keys) {
  constexpr int kBits = 11, kDigits = 6;  // 6 x 11 bits cover a word
  constexpr uint64_t kMask = (uint64_t{1} << kBits) - 1;
  const size_t n = keys->size();
  if (n < 256) {
    std::stable_sort(keys->begin(), keys->end(), [](const SortKey& a, const SortKey& b) {
      return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
    });
    return;
  }
  // The bits in which some key differs from the first: only their digits need a pass.
  uint64_t hi_varies = 0, lo_varies = 0;
  for (const SortKey& k : *keys) {
    hi_varies |= k.hi ^ keys->front().hi;
    lo_varies |= k.lo ^ keys->front().lo;
  }
  std::vector<SortKey> buffer(n);
  std::vector<uint32_t> count(kMask + 1);
  for (int pass = 0; pass < 2 * kDigits; ++pass) {
    const bool high = pass >= kDigits;
    const int shift = (pass % kDigits) * kBits;
    if ((((high ? hi_varies : lo_varies) >> shift) & kMask) == 0) continue;
    const auto digit = [&](const SortKey& k) {
      return static_cast<size_t>(((high ? k.hi : k.lo) >> shift) & kMask);
    };
    std::fill(count.begin(), count.end(), 0);
    for (const SortKey& k : *keys) ++count[digit(k)];
    uint32_t sum = 0;
    for (uint32_t& c : count) sum += std::exchange(c, sum);
    for (const SortKey& k : *keys) buffer[count[digit(k)]++] = k;
    keys->swap(buffer);
  }
}

// A double as a word that orders as the number does, heaviest first.
uint64_t DescendingKey(double x) {
  if (x == 0.0) x = 0.0;  // -0.0 weighs what 0.0 does
  const auto bits = std::bit_cast<uint64_t>(x);
  const uint64_t ascending = (bits >> 63) != 0 ? ~bits : bits | (uint64_t{1} << 63);
  return ~ascending;
}

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct EventGraph::Impl {
  Graph graph;
  std::vector<CompactEvent> events;
  std::vector<DyadEvents> dyads;
  // Events of known date by day, for windowed queries that touch many dyads: (day, event).
  std::vector<std::pair<long, uint32_t>> by_day;
  std::unordered_map<uint64_t, uint32_t> dyad_ids;  // (source << 32 | target) -> dyad

  // Fills by_day: a counting sort over the days the events span (a comparison sort when they
  // span more than a few thousand years), which keeps event order within a day.
  void IndexByDay() {
    long first = LONG_MAX, last = LONG_MIN;
    size_t dated = 0;
    for (const CompactEvent& e : events) {
      if (e.day == LONG_MIN) continue;
      first = std::min(first, e.day);
      last = std::max(last, e.day);
      ++dated;
    }
    by_day.clear();
    by_day.resize(dated);
    if (dated == 0) return;
    if (last - first > 2'000'000) {
      size_t k = 0;
      for (uint32_t i = 0; i < events.size(); ++i) {
        if (events[i].day != LONG_MIN) by_day[k++] = {events[i].day, i};
      }
      std::sort(by_day.begin(), by_day.end());
      return;
    }
    std::vector<uint32_t> start(static_cast<size_t>(last - first) + 2, 0);
    for (const CompactEvent& e : events) {
      if (e.day != LONG_MIN) ++start[static_cast<size_t>(e.day - first) + 1];
    }
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (uint32_t i = 0; i < events.size(); ++i) {
      const long day = events[i].day;
      if (day != LONG_MIN) by_day[start[static_cast<size_t>(day - first)]++] = {day, i};
    }
  }

  const DyadEvents* FindDyad(VertexId s, VertexId t) const {
    const auto it = dyad_ids.find((static_cast<uint64_t>(s) << 32) | t);
    return it == dyad_ids.end() ? nullptr : &dyads[it->second];
  }
  std::vector<Relation> relations;
  std::vector<std::string> strings;
  std::unordered_map<std::string, VertexId, Hash, std::equal_to<>> by_code;
  std::string origin;  // where the graph was read from
  // Lowercase code, entity or name -> actors; and each name's words, for "Putin".
  std::unordered_map<std::string, std::vector<VertexId>> by_key;

  // Takes the image's contents and indexes them: the vertices and edges, the dyads by pair,
  // the events by day, the actors by code and name.
  void Build(graph::GraphImage image) {
    strings = std::move(image.strings);
    for (const graph::ActorImage& a : image.actors) {
      Vertex v{GraphActor{strings[a.code], strings[a.entity], strings[a.name]}, {}};
      for (uint32_t n : a.names) v.names.push_back(strings[n]);
      by_code.emplace(v.actor.code, boost::add_vertex(v, graph));
    }
    dyads = std::move(image.dyads);
    events = std::move(image.events);
    dyad_ids.reserve(dyads.size());
    for (uint32_t k = 0; k < dyads.size(); ++k) {
      boost::add_edge(dyads[k].source, dyads[k].target, Edge{k, false}, graph);
      dyad_ids.emplace((static_cast<uint64_t>(dyads[k].source) << 32) | dyads[k].target, k);
    }
    IndexByDay();
    Index();
  }

  VertexId AddActor(std::string_view code, std::string_view entity, std::string_view name) {
    const auto it = by_code.find(code);
    if (it != by_code.end()) return it->second;
    const VertexId v = boost::add_vertex(
        Vertex{GraphActor{std::string(code), std::string(entity), std::string(name)}, {}}, graph);
    by_code.emplace(std::string(code), v);
    return v;
  }

  // Each vertex's place in the order of codes: equal weights are ordered by the codes of
  // their actors, so that a result does not depend on how it was computed.
  std::vector<uint32_t> code_rank;
  // Per EdgeWeight, every dyad heaviest first over all its events: built on first use, under
  // the mutex, as queries may run in several threads.
  mutable std::array<std::vector<uint32_t>, 3> ranked;
  mutable std::mutex ranked_mutex;

  uint64_t TieRank(const DyadEvents& d) const {
    return (static_cast<uint64_t>(code_rank[d.source]) << 32) | code_rank[d.target];
  }

  const std::vector<uint32_t>& Ranked(EdgeWeight w) const {
    const auto k = static_cast<size_t>(w);
    const std::lock_guard<std::mutex> lock(ranked_mutex);
    if (ranked[k].empty() && !dyads.empty()) {
      std::vector<SortKey> keys(dyads.size());
      for (uint32_t i = 0; i < dyads.size(); ++i) {
        const DyadEvents& d = dyads[i];
        const auto n = static_cast<double>(d.size());
        keys[i] = SortKey{
            DescendingKey(WeightOf(w, n, d.goldstein / n, static_cast<double>(d.conflicts) / n)),
            TieRank(d), i};
      }
      RadixSort(&keys);
      ranked[k].reserve(keys.size());
      for (const SortKey& key : keys) ranked[k].push_back(key.item);
    }
    return ranked[k];
  }

  void Index() {
    by_key.clear();
    std::vector<VertexId> by_code_order(boost::num_vertices(graph));
    std::iota(by_code_order.begin(), by_code_order.end(), VertexId{0});
    std::sort(by_code_order.begin(), by_code_order.end(),
              [&](VertexId p, VertexId q) { return graph[p].actor.code < graph[q].actor.code; });
    code_rank.assign(by_code_order.size(), 0);
    for (uint32_t i = 0; i < by_code_order.size(); ++i) code_rank[by_code_order[i]] = i;
    for (std::vector<uint32_t>& r : ranked) r.clear();  // new actors may rank between
    for (VertexId v = 0; v < boost::num_vertices(graph); ++v) {
      const Vertex& x = graph[v];
      std::set<std::string> keys = {Lower(x.actor.code), Lower(x.actor.entity)};
      for (const std::string& name : x.names) keys.insert(Lower(name));
      for (const std::string& k : keys) by_key[k].push_back(v);
    }
  }

  // Actors whose code, entity or a name is `who`; failing that, actors with a name holding
  // `who` as whole words ("Putin" in "Vladimir Putin").
  std::set<VertexId> Matching(std::string_view who) const {
    const std::string key = Lower(who);
    const auto it = by_key.find(key);
    if (it != by_key.end()) return {it->second.begin(), it->second.end()};
    std::set<VertexId> out;
    if (key.empty()) return out;
    for (VertexId v = 0; v < boost::num_vertices(graph); ++v) {
      for (const std::string& name : graph[v].names) {
        if (HasWords(Lower(name), key)) out.insert(v);
      }
    }
    return out;
  }

  static bool HasWords(const std::string& text, const std::string& words) {
    for (size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
      const size_t end = at + words.size();
      if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
    }
    return false;
  }

  bool PassesEvent(const CompactEvent& e, const EventFilter& f) const {
    if (!f.action.empty() && strings[e.action] != f.action) return false;
    if (!f.cameo_prefix.empty() && !strings[e.cameo].starts_with(f.cameo_prefix)) return false;
    return f.quad_class == 0 || e.quad_class == f.quad_class;
  }

  bool PassesRelation(const Relation& r, const EventFilter& f) const {
    if (!f.relations) return false;
    if (f.to && r.from && r.from->ToDays() > f.to->ToDays()) return false;
    return !(f.from && r.to && r.to->ToDays() < f.from->ToDays());
  }

  // Calls f(event) for the dyad's events in the window that pass the filter.
  template <typename F>
  void ForEachEvent(const DyadEvents& d, const EventFilter& filter, F&& f) const {
    const CompactEvent* first = events.data() + d.begin;
    const CompactEvent* last = events.data() + d.end;
    if (filter.from || filter.to) {
      // Events of unknown date (day LONG_MIN, sorted first) are outside any window.
      const long from = filter.from ? filter.from->ToDays() : LONG_MIN + 1;
      first = std::lower_bound(first, last, from,
                               [](const CompactEvent& e, long x) { return e.day < x; });
      if (filter.to) {
        const long to = filter.to->ToDays();
        last = std::upper_bound(first, last, to,
                                [](long x, const CompactEvent& e) { return x < e.day; });
      }
    }
    for (const CompactEvent* e = first; e != last; ++e) {
      if (PassesEvent(*e, filter)) f(*e);
    }
  }

  using ByDay = std::vector<std::pair<long, uint32_t>>::const_iterator;

  // Calls f(event, its dyad) for the events of [first, last) of by_day that pass the filter, in
  // date order. These events lie all over memory: each, and then its dyad, is fetched a few
  // steps before it is read.
  template <typename F>
  void ForEachInWindow(ByDay first, ByDay last, const EventFilter& filter, F&& f) const {
    constexpr ptrdiff_t kAhead = 16;
    for (auto it = first; it != last; ++it) {
      if (last - it > kAhead) __builtin_prefetch(&events[(it + kAhead)->second]);
      if (last - it > kAhead / 2) {
        __builtin_prefetch(&dyads[events[(it + kAhead / 2)->second].dyad]);
      }
      const CompactEvent& e = events[it->second];
      if (PassesEvent(e, filter)) f(e, dyads[e.dyad]);
    }
  }

  // The run of by_day inside the filter's window (all of it when there is none).
  std::pair<ByDay, ByDay> Window(const EventFilter& filter) const {
    auto first = by_day.begin(), last = by_day.end();
    if (filter.from) {
      first = std::lower_bound(first, last, std::pair(filter.from->ToDays(), uint32_t{0}));
    }
    if (filter.to) {
      last = std::lower_bound(first, last, std::pair(filter.to->ToDays() + 1, uint32_t{0}));
    }
    return {first, last};
  }

  bool AnyEvent(const DyadEvents& d, const EventFilter& filter) const {
    if (!FiltersEvents(filter)) return !d.empty();
    bool any = false;
    ForEachEvent(d, filter, [&](const CompactEvent&) { any = true; });
    return any;
  }

  // The dyad's events that pass the filter, summed: from the totals when nothing is filtered.
  void Sum(const DyadEvents& d, const EventFilter& filter, int64_t* events, int64_t* mentions,
           double* goldstein, int64_t* conflicts) const {
    if (!FiltersEvents(filter)) {
      *events += static_cast<int64_t>(d.size());
      *mentions += d.mentions;
      *goldstein += d.goldstein;
      *conflicts += d.conflicts;
      return;
    }
    ForEachEvent(d, filter, [&](const CompactEvent& e) {
      *events += 1;
      *mentions += e.mentions;
      *goldstein += e.goldstein;
      *conflicts += IsConflict(e.quad_class) ? 1 : 0;
    });
  }

  bool Passes(const Edge& edge, const EventFilter& f) const {
    return edge.relation ? PassesRelation(relations[edge.index], f)
                         : AnyEvent(dyads[edge.index], f);
  }

  // Calls f(edge, other end) for each dyad or relation touching v that passes the filter.
  template <typename F>
  void ForEachIncident(VertexId v, const EventFilter& filter, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
      if (Passes(graph[*it], filter)) f(graph[*it], boost::target(*it, graph));
    }
    for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it) {
      if (Passes(graph[*it], filter)) f(graph[*it], boost::source(*it, graph));
    }
  }

  // Hops from `start` (-1 where not reached within `depth`), by breadth-first search over the
  // edges that pass the filter; `order` gets the reached vertices in the order of their visit.
  // An edge is tested only when it leads somewhere new, and the search stops once every vertex
  // is reached.
  std::vector<int> Distances(const std::set<VertexId>& start, int depth, const EventFilter& filter,
                             std::vector<VertexId>* order,
                             std::vector<VertexId>* parents = nullptr) const {
    const size_t n = boost::num_vertices(graph);
    std::vector<int> dist(n, -1);
    if (parents != nullptr) parents->assign(n, kNoVertex);
    order->clear();
    for (VertexId v : start) {
      dist[v] = 0;
      order->push_back(v);
    }
    const auto reach = [&](VertexId u, VertexId w) {
      dist[w] = dist[u] + 1;
      if (parents != nullptr) (*parents)[w] = u;
      order->push_back(w);
    };
    // A window with fewer events than the graph has dyads: search the window's own graph,
    // built from its events, rather than test every dyad met for an event in the window.
    const auto [window_begin, window_end] = Window(filter);
    if ((filter.from || filter.to) && !filter.relations &&
        static_cast<size_t>(window_end - window_begin) < dyads.size()) {
      // Compressed rows: first[v] .. first[v + 1] in `adjacent` are v's partners in the window.
      std::vector<uint32_t> first(n + 1, 0);
      std::vector<const DyadEvents*> window;
      window.reserve(static_cast<size_t>(window_end - window_begin));
      ForEachInWindow(window_begin, window_end, filter,
                      [&](const CompactEvent&, const DyadEvents& d) {
                        window.push_back(&d);
                        ++first[d.source + 1];
                        ++first[d.target + 1];
                      });
      for (size_t v = 0; v < n; ++v) first[v + 1] += first[v];
      std::vector<VertexId> adjacent(first[n]);
      std::vector<uint32_t> fill(first.begin(), first.end() - 1);
      for (const DyadEvents* d : window) {
        adjacent[fill[d->source]++] = d->target;
        adjacent[fill[d->target]++] = d->source;
      }
      for (size_t next = 0; next < order->size() && order->size() < n; ++next) {
        const VertexId u = (*order)[next];
        if (dist[u] >= depth) continue;
        for (uint32_t i = first[u]; i < first[u + 1]; ++i) {
          if (dist[adjacent[i]] < 0) reach(u, adjacent[i]);
        }
      }
      return dist;
    }
    const auto visit = [&](const Edge& edge, VertexId u, VertexId w) {
      if (dist[w] < 0 && Passes(edge, filter)) reach(u, w);
    };
    for (size_t next = 0; next < order->size() && order->size() < n; ++next) {
      const VertexId u = (*order)[next];
      if (dist[u] >= depth) continue;
      for (auto [it, end] = boost::out_edges(u, graph); it != end; ++it) {
        visit(graph[*it], u, boost::target(*it, graph));
      }
      for (auto [it, end] = boost::in_edges(u, graph); it != end; ++it) {
        visit(graph[*it], u, boost::source(*it, graph));
      }
    }
    return dist;
  }

  // The actors within `depth` hops of `start` and the dyads among them (EventGraph::Neighbors).
  Neighborhood NeighborhoodOf(const std::set<VertexId>& start, int depth, EdgeWeight weight,
                              double min_weight, size_t top, const EventFilter& filter) const;

  StoredEvent Expand(const CompactEvent& c) const {
    const DyadEvents& d = dyads[c.dyad];
    const GraphActor& s = graph[d.source].actor;
    const GraphActor& t = graph[d.target].actor;
    StoredEvent e;
    e.id = c.id;
    e.source = ActorRef{s.entity, s.code, s.name, "", Span{-1, -1}};
    e.target = ActorRef{t.entity, t.code, t.name, "", Span{-1, -1}};
    e.action = strings[c.action];
    e.cameo = strings[c.cameo];
    e.quad_class = c.quad_class;
    e.goldstein = c.goldstein;
    e.date = strings[c.date];
    e.date_precision = strings[c.precision];
    e.num_mentions = c.mentions;
    e.num_articles = c.articles;
    e.num_sources = c.sources;
    return e;
  }
};

EventGraph::EventGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventGraph::~EventGraph() = default;

namespace {

// Strings of an image being built, each once.
class Interner {
 public:
  explicit Interner(std::vector<std::string>* strings) : strings_(strings) {}
  uint32_t operator()(std::string_view s) {
    const auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(strings_->size());
    strings_->emplace_back(s);
    ids_.emplace(std::string(s), id);
    return id;
  }

 private:
  std::vector<std::string>* strings_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

// The graph made from the store's events table; `stamp` gets the stamp of what was read.
graph::GraphImage Scan(const GraphStore& store, std::string* stamp) {
  graph::GraphImage g;
  Interner intern(&g.strings);
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> by_code;
  std::unordered_map<uint64_t, uint32_t> dyad_ids;
  std::vector<long> days;  // interned date -> day
  // Per actor, (interned name, mentions): an actor is reported under a few names at most.
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> name_counts;
  const auto actor = [&](std::string_view code, std::string_view entity, std::string_view name) {
    const auto it = by_code.find(code);
    if (it != by_code.end()) return it->second;
    const auto v = static_cast<uint32_t>(g.actors.size());
    g.actors.push_back(graph::ActorImage{intern(code), intern(entity), intern(name), {}});
    name_counts.emplace_back();
    by_code.emplace(std::string(code), v);
    return v;
  };
  const auto count_name = [&](uint32_t v, std::string_view name, int64_t mentions) {
    const uint32_t id = intern(name);
    for (auto& [known, count] : name_counts[v]) {
      if (known == id) return void(count += mentions);
    }
    name_counts[v].emplace_back(id, mentions);
  };
  *stamp = store.ScanEvents([&](const StoredEventView& v) {
    const uint32_t s = actor(v.source_code, v.source_entity, v.source_name);
    const uint32_t t = actor(v.target_code, v.target_entity, v.target_name);
    count_name(s, v.source_name, v.num_mentions);
    count_name(t, v.target_name, v.num_mentions);
    auto [dyad, added] = dyad_ids.try_emplace((static_cast<uint64_t>(s) << 32) | t,
                                              static_cast<uint32_t>(g.dyads.size()));
    if (added) g.dyads.push_back(DyadEvents{s, t});
    const uint32_t date = intern(v.date);
    if (date >= days.size()) days.resize(date + 1, LONG_MAX);
    if (days[date] == LONG_MAX) {
      const std::optional<Date> d = Date::ParseIso(v.date);
      days[date] = d ? d->ToDays() : LONG_MIN;
    }
    CompactEvent e;
    e.id = v.id;
    e.day = days[date];
    e.dyad = dyad->second;
    e.action = intern(v.action);
    e.cameo = intern(v.cameo);
    e.date = date;
    e.precision = intern(v.date_precision);
    e.quad_class = v.quad_class;
    e.goldstein = v.goldstein;
    e.mentions = v.num_mentions;
    e.articles = v.num_articles;
    e.sources = v.num_sources;
    DyadEvents& de = g.dyads[dyad->second];
    ++de.end;  // a count until the events are grouped by dyad
    de.mentions += e.mentions;
    de.goldstein += e.goldstein;
    de.conflicts += IsConflict(e.quad_class) ? 1 : 0;
    g.events.push_back(e);
  });
  // Dyads are numbered by (source, target) and become edges in that order, so that a vertex's
  // out-edges, their dyads and then their events lie together, in the order a walk reads them.
  std::vector<uint32_t> by_pair(g.dyads.size());
  std::iota(by_pair.begin(), by_pair.end(), 0);
  std::sort(by_pair.begin(), by_pair.end(), [&](uint32_t a, uint32_t b) {
    const DyadEvents &x = g.dyads[a], &y = g.dyads[b];
    return std::pair(x.source, x.target) < std::pair(y.source, y.target);
  });
  std::vector<uint32_t> renumber(by_pair.size());
  std::vector<DyadEvents> sorted;
  sorted.reserve(by_pair.size());
  for (uint32_t k = 0; k < by_pair.size(); ++k) {
    renumber[by_pair[k]] = k;
    sorted.push_back(g.dyads[by_pair[k]]);
  }
  g.dyads = std::move(sorted);
  // Events came in id order. Group them by dyad (a counting sort, which keeps id order), then
  // sort each dyad's run by day (a period by its first day).
  uint32_t offset = 0;
  for (DyadEvents& d : g.dyads) {
    const uint32_t count = d.end;
    d.begin = d.end = offset;
    offset += count;
  }
  std::vector<CompactEvent> grouped(g.events.size());
  for (CompactEvent& e : g.events) {
    e.dyad = renumber[e.dyad];
    grouped[g.dyads[e.dyad].end++] = e;
  }
  g.events = std::move(grouped);
  for (const DyadEvents& d : g.dyads) {
    std::stable_sort(g.events.begin() + d.begin, g.events.begin() + d.end,
                     [](const CompactEvent& a, const CompactEvent& b) { return a.day < b.day; });
  }
  // An actor is named by the name reported most often (ties: the earliest interned).
  for (size_t v = 0; v < g.actors.size(); ++v) {
    graph::ActorImage& a = g.actors[v];
    std::pair<int64_t, uint32_t> best = {-1, a.name};
    for (const auto& [name, count] : name_counts[v]) {
      a.names.push_back(name);
      if (count > best.first || (count == best.first && name < best.second)) best = {count, name};
    }
    a.name = best.second;
    std::sort(a.names.begin(), a.names.end(),
              [&](uint32_t x, uint32_t y) { return g.strings[x] < g.strings[y]; });
  }
  return g;
}

}  // namespace

std::unique_ptr<EventGraph> EventGraph::Load(const GraphStore& store, const LoadOptions& options) {
  auto impl = std::make_unique<Impl>();
  const std::string& db = store.path();
  const bool snapshots = options.snapshot && !db.empty() && db != ":memory:";
  const std::string path = snapshots ? graph::SnapshotPath(db) : "";
  std::string why = "snapshot not asked for";
  if (snapshots) {
    const std::string stamp = store.Stamp();
    if (stamp.empty()) {
      why = "no stamp to check a snapshot against: uncommitted writes, or schema 1";
    } else if (std::optional<graph::GraphImage> image = graph::ReadSnapshot(path, stamp, &why)) {
      impl->Build(std::move(*image));
      impl->origin = "snapshot " + path;
      return std::unique_ptr<EventGraph>(new EventGraph(std::move(impl)));
    }
  }
  std::string stamp;
  graph::GraphImage image = Scan(store, &stamp);
  if (snapshots && !stamp.empty()) {
    try {
      graph::WriteSnapshot(path, stamp, image);
      why += "; snapshot written";
    } catch (const Error& e) {
      why += std::string("; ") + e.what();
    }
  }
  impl->origin = "events table (" + why + ")";
  impl->Build(std::move(image));
  return std::unique_ptr<EventGraph>(new EventGraph(std::move(impl)));
}

const std::string& EventGraph::origin() const { return impl_->origin; }

void EventGraph::AddRelations(const std::vector<Relation>& relations) {
  for (const Relation& r : relations) {
    const std::string subject_entity = r.kind == RelationKind::kMemberOf ? r.subject : r.object;
    const VertexId s = impl_->AddActor(r.subject_code, subject_entity, r.subject_name);
    const VertexId t = impl_->AddActor(r.object_code, r.object, r.object_name);
    boost::add_edge(s, t, Edge{static_cast<uint32_t>(impl_->relations.size()), true}, impl_->graph);
    impl_->relations.push_back(r);
  }
  impl_->Index();
}

size_t EventGraph::num_actors() const { return boost::num_vertices(impl_->graph); }
size_t EventGraph::num_events() const { return impl_->events.size(); }

std::vector<GraphActor> EventGraph::Find(std::string_view who) const {
  std::vector<GraphActor> out;
  for (VertexId v : impl_->Matching(who)) out.push_back(impl_->graph[v].actor);
  return out;
}

std::vector<StoredEvent> EventGraph::Timeline(std::string_view a, std::optional<std::string_view> b,
                                              bool directed, const EventFilter& filter) const {
  const std::set<VertexId> as = impl_->Matching(a);
  const std::set<VertexId> bs = b ? impl_->Matching(*b) : std::set<VertexId>{};
  std::vector<const CompactEvent*> found;
  const auto add = [&](const CompactEvent& e) { found.push_back(&e); };
  std::set<uint32_t> seen_dyads;  // a dyad between two of a's actors is visited once
  const Graph& g = impl_->graph;
  if (b) {  // a pair: its dyads are looked up, however many partners either has
    std::set<const DyadEvents*> seen;  // a dyad found both ways round counts once
    const auto visit = [&](VertexId s, VertexId t) {
      const DyadEvents* d = impl_->FindDyad(s, t);
      if (d != nullptr && seen.insert(d).second) impl_->ForEachEvent(*d, filter, add);
    };
    for (VertexId v : as) {
      for (VertexId w : bs) {
        visit(v, w);
        if (!directed) visit(w, v);
      }
    }
  }
  const auto take = [&](const Edge& edge) {
    if (edge.relation || !seen_dyads.insert(edge.index).second) return;
    impl_->ForEachEvent(impl_->dyads[edge.index], filter, add);
  };
  for (VertexId v : b ? std::set<VertexId>{} : as) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) take(g[*it]);
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) take(g[*it]);
  }
  std::sort(found.begin(), found.end(), [](const CompactEvent* x, const CompactEvent* y) {
    return std::tie(x->day, x->id) < std::tie(y->day, y->id);
  });
  std::vector<StoredEvent> out;
  out.reserve(found.size());
  for (const CompactEvent* e : found) out.push_back(impl_->Expand(*e));
  return out;
}

DyadDetail EventGraph::Detail(std::string_view source_code, std::string_view target_code,
                              const EventFilter& filter) const {
  DyadDetail out;
  const auto s = impl_->by_code.find(source_code);
  const auto t = impl_->by_code.find(target_code);
  if (s == impl_->by_code.end() || t == impl_->by_code.end()) return out;
  const DyadEvents* d = impl_->FindDyad(s->second, t->second);
  if (d == nullptr) return out;
  // A dyad has a few distinct actions: a flat list beats a map. Its events come by day, so a
  // year is computed when the day passes the end of the last.
  std::vector<std::pair<uint32_t, int64_t>> actions;
  long first = LONG_MAX, last = LONG_MIN, next_year = LONG_MIN;
  impl_->ForEachEvent(*d, filter, [&](const CompactEvent& e) {
    ++out.events;
    out.mentions += e.mentions;
    out.goldstein_sum += e.goldstein;
    if (e.quad_class >= 1 && e.quad_class <= 4)
      ++out.by_quad[static_cast<size_t>(e.quad_class - 1)];
    auto it = std::find_if(actions.begin(), actions.end(),
                           [&](const auto& a) { return a.first == e.action; });
    if (it == actions.end()) it = actions.insert(actions.end(), {e.action, 0});
    ++it->second;
    if (e.day == LONG_MIN) return;
    first = std::min(first, e.day);
    last = std::max(last, e.day);
    if (e.day >= next_year) {
      const int year = Date::FromDays(e.day).year;
      out.by_year.emplace_back(year, 0);
      next_year = Date::FromYmd(year + 1, 1, 1)->ToDays();
    }
    ++out.by_year.back().second;
  });
  for (const auto& [action, n] : actions) out.actions.emplace_back(impl_->strings[action], n);
  std::sort(out.actions.begin(), out.actions.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (first != LONG_MAX) {
    out.first = Date::FromDays(first);
    out.last = Date::FromDays(last);
  }
  return out;
}

std::vector<StoredEvent> EventGraph::EventsAmong(const Neighborhood& n, const EventFilter& filter,
                                                 size_t limit) const {
  std::vector<const CompactEvent*> found;
  for (const DyadSummary& d : n.dyads) {
    if (!d.relation.empty()) continue;
    const auto s = impl_->by_code.find(n.source(d).code);
    const auto t = impl_->by_code.find(n.target(d).code);
    if (s == impl_->by_code.end() || t == impl_->by_code.end()) continue;
    if (const DyadEvents* events = impl_->FindDyad(s->second, t->second)) {
      impl_->ForEachEvent(*events, filter, [&](const CompactEvent& e) { found.push_back(&e); });
    }
  }
  const auto earlier = [](const CompactEvent* x, const CompactEvent* y) {
    return std::tie(x->day, x->id) < std::tie(y->day, y->id);
  };
  if (limit > 0 && found.size() > limit) {  // the latest `limit`
    std::nth_element(found.begin(), found.end() - static_cast<ptrdiff_t>(limit), found.end(),
                     earlier);
    found.erase(found.begin(), found.end() - static_cast<ptrdiff_t>(limit));
  }
  std::sort(found.begin(), found.end(), earlier);
  std::vector<StoredEvent> out;
  out.reserve(found.size());
  for (const CompactEvent* e : found) out.push_back(impl_->Expand(*e));
  return out;
}

std::vector<StoredEvent> EventGraph::Events(const EventFilter& filter) const {
  std::vector<const CompactEvent*> found;
  for (const DyadEvents& d : impl_->dyads) {
    impl_->ForEachEvent(d, filter, [&](const CompactEvent& e) { found.push_back(&e); });
  }
  std::sort(found.begin(), found.end(), [](const CompactEvent* x, const CompactEvent* y) {
    return std::tie(x->day, x->id) < std::tie(y->day, y->id);
  });
  std::vector<StoredEvent> out;
  out.reserve(found.size());
  for (const CompactEvent* e : found) out.push_back(impl_->Expand(*e));
  return out;
}

Neighborhood EventGraph::Neighbors(std::string_view a, int depth, EdgeWeight weight,
                                   double min_weight, size_t top, const EventFilter& filter) const {
  return impl_->NeighborhoodOf(impl_->Matching(a), depth, weight, min_weight, top, filter);
}

Neighborhood EventGraph::Whole(EdgeWeight weight, double min_weight, size_t top,
                               const EventFilter& filter) const {
  std::set<VertexId> all;
  for (VertexId v = 0; v < boost::num_vertices(impl_->graph); ++v) all.insert(all.end(), v);
  Neighborhood n = impl_->NeighborhoodOf(all, 0, weight, min_weight, top, filter);
  // Only the actors of the dyads kept, in their order.
  std::vector<uint32_t> index(n.actors.size(), UINT32_MAX);
  Neighborhood out;
  const auto keep = [&](uint32_t i) {
    if (index[i] == UINT32_MAX) {
      index[i] = static_cast<uint32_t>(out.actors.size());
      out.actors.push_back(n.actors[i]);
    }
    return index[i];
  };
  std::vector<uint32_t> used;
  for (const DyadSummary& d : n.dyads) used.insert(used.end(), {d.source, d.target});
  std::sort(used.begin(), used.end());
  for (uint32_t i : used) keep(i);
  out.dyads = std::move(n.dyads);
  for (DyadSummary& d : out.dyads) {
    d.source = index[d.source];
    d.target = index[d.target];
  }
  return out;
}

Neighborhood EventGraph::Impl::NeighborhoodOf(const std::set<VertexId>& start, int depth,
                                              EdgeWeight weight, double min_weight, size_t top,
                                              const EventFilter& filter) const {
  const Impl& x = *this;
  const Graph& g = x.graph;
  std::vector<VertexId> order;
  const std::vector<int> dist = x.Distances(start, depth, filter, &order);
  Neighborhood out;
  out.actors.reserve(order.size());
  std::vector<uint32_t> index(dist.size());
  size_t candidates = 0;  // edges from the neighborhood: what a walk over them would visit
  for (VertexId u : order) {
    index[u] = static_cast<uint32_t>(out.actors.size());
    out.actors.emplace_back(g[u].actor, dist[u]);
    candidates += boost::out_degree(u, g);
  }
  const auto summary = [&](const DyadEvents& d, int64_t events, int64_t mentions, double goldstein,
                           int64_t conflicts) {
    DyadSummary s;
    s.source = index[d.source];
    s.target = index[d.target];
    s.events = events;
    s.mentions = mentions;
    s.mean_goldstein = goldstein / static_cast<double>(events);
    s.conflict_share = static_cast<double>(conflicts) / static_cast<double>(events);
    s.weight = WeightOf(weight, static_cast<double>(events), s.mean_goldstein, s.conflict_share);
    return s;
  };
  // Three ways to weigh the dyads among the actors reached, by cost. With no event filter, and
  // a neighborhood holding much of the graph, the graph's own ranking of its dyads is walked
  // and the dyads outside the neighborhood skipped: no sort at all. A window with fewer events
  // than there are candidates is read in date order. Otherwise each reached actor's dyads are
  // summed and the result sorted.
  const auto [window_begin, window_end] = x.Window(filter);
  const bool ranked = !FiltersEvents(filter) && candidates * 8 > x.dyads.size();
  const bool by_day = !ranked && (filter.from || filter.to) &&
                      static_cast<size_t>(window_end - window_begin) < 4 * candidates;
  if (ranked) {
    out.dyads.reserve(top == 0 ? candidates : std::min(top, candidates));
    for (const uint32_t k : x.Ranked(weight)) {
      const DyadEvents& d = x.dyads[k];
      if (dist[d.source] < 0 || dist[d.target] < 0) continue;
      DyadSummary s =
          summary(d, static_cast<int64_t>(d.size()), d.mentions, d.goldstein, d.conflicts);
      if (s.weight < min_weight) break;  // the rest weigh less still
      out.dyads.push_back(s);
      if (out.dyads.size() == top) break;
    }
  } else {
    // Scored dyads, kept whole or (with `top`) in a heap whose front is the lightest kept.
    std::vector<DyadSummary> scored;
    std::vector<uint64_t> ties;  // beside scored: the dyads' order among equal weights
    const auto heavier = [&](uint32_t i, uint32_t j) {
      return scored[i].weight != scored[j].weight ? scored[i].weight > scored[j].weight
                                                  : ties[i] < ties[j];
    };
    std::vector<uint32_t> heap;
    const auto score = [&](const DyadEvents& d, int64_t events, int64_t mentions, double goldstein,
                           int64_t conflicts) {
      if (events == 0) return;
      const DyadSummary s = summary(d, events, mentions, goldstein, conflicts);
      if (s.weight < min_weight) return;
      scored.push_back(s);
      ties.push_back(x.TieRank(d));
      if (top == 0) return;
      heap.push_back(static_cast<uint32_t>(scored.size() - 1));
      std::push_heap(heap.begin(), heap.end(), heavier);
      if (heap.size() > top) {
        std::pop_heap(heap.begin(), heap.end(), heavier);
        heap.pop_back();
      }
    };
    if (by_day) {
      struct Sums {
        int64_t events = 0, mentions = 0, conflicts = 0;
        double goldstein = 0.0;
      };
      std::unordered_map<uint32_t, Sums> sums;
      sums.reserve(static_cast<size_t>(window_end - window_begin));
      x.ForEachInWindow(window_begin, window_end, filter,
                        [&](const CompactEvent& e, const DyadEvents& d) {
                          if (dist[d.source] < 0 || dist[d.target] < 0) return;
                          Sums& sum = sums[e.dyad];
                          sum.events += 1;
                          sum.mentions += e.mentions;
                          sum.goldstein += e.goldstein;
                          sum.conflicts += IsConflict(e.quad_class) ? 1 : 0;
                        });
      for (const auto& [dyad, sum] : sums) {
        score(x.dyads[dyad], sum.events, sum.mentions, sum.goldstein, sum.conflicts);
      }
    } else {
      for (VertexId u : order) {
        for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
          const Edge& edge = g[*it];
          if (edge.relation || dist[boost::target(*it, g)] < 0) continue;
          const DyadEvents& d = x.dyads[edge.index];
          int64_t events = 0, mentions = 0, conflicts = 0;
          double goldstein = 0.0;
          x.Sum(d, filter, &events, &mentions, &goldstein, &conflicts);
          score(d, events, mentions, goldstein, conflicts);
        }
      }
    }
    // Heaviest first: a radix sort of (weight, tie rank), as a neighborhood of a dense graph
    // has tens of thousands of dyads.
    std::vector<SortKey> keys;
    if (top == 0) {
      keys.resize(scored.size());
      for (uint32_t i = 0; i < scored.size(); ++i) {
        keys[i] = SortKey{DescendingKey(scored[i].weight), ties[i], i};
      }
    } else {
      for (uint32_t i : heap) keys.push_back(SortKey{DescendingKey(scored[i].weight), ties[i], i});
    }
    RadixSort(&keys);
    out.dyads.reserve(keys.size());
    for (const SortKey& key : keys) out.dyads.push_back(scored[key.item]);
  }
  // Standing relations come after the weighted event dyads, each once.
  if (filter.relations) {
    std::vector<std::tuple<VertexId, VertexId, RelationKind>> relations;
    for (VertexId u : order) {
      for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
        const Edge& edge = g[*it];
        const VertexId w = boost::target(*it, g);
        if (!edge.relation || dist[w] < 0) continue;
        const Relation& r = x.relations[edge.index];
        if (x.PassesRelation(r, filter)) relations.emplace_back(u, w, r.kind);
      }
    }
    std::sort(relations.begin(), relations.end(), [&](const auto& p, const auto& q) {
      return std::tie(g[std::get<0>(p)].actor.code, g[std::get<1>(p)].actor.code, std::get<2>(p)) <
             std::tie(g[std::get<0>(q)].actor.code, g[std::get<1>(q)].actor.code, std::get<2>(q));
    });
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    for (const auto& [u, w, kind] : relations) {
      DyadSummary s;
      s.source = index[u];
      s.target = index[w];
      s.relation = RelationKindName(kind);
      out.dyads.push_back(s);
    }
  }
  return out;
}

std::vector<GraphActor> EventGraph::Path(std::string_view a, std::string_view b, int max_hops,
                                         const EventFilter& filter) const {
  const std::set<VertexId> bs = impl_->Matching(b);
  std::vector<VertexId> order, parents;
  const std::vector<int> dist =
      impl_->Distances(impl_->Matching(a), max_hops, filter, &order, &parents);
  std::optional<VertexId> end;
  int best = INT_MAX;
  for (VertexId v : bs) {
    if (dist[v] >= 0 && dist[v] < best) {
      best = dist[v];
      end = v;
    }
  }
  std::vector<GraphActor> out;
  if (!end) return out;
  for (VertexId v = *end; v != kNoVertex; v = parents[v]) out.push_back(impl_->graph[v].actor);
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<Partner> EventGraph::Partners(std::string_view a, size_t top,
                                          const EventFilter& filter) const {
  const std::set<VertexId> as = impl_->Matching(a);
  std::map<VertexId, Partner> partners;
  for (VertexId v : as) {
    impl_->ForEachIncident(v, filter, [&](const Edge& edge, VertexId other) {
      if (edge.relation || as.contains(other)) return;
      Partner& p = partners[other];
      p.actor = impl_->graph[other].actor;
      impl_->ForEachEvent(impl_->dyads[edge.index], filter, [&](const CompactEvent& e) {
        p.events += 1;
        (IsConflict(e.quad_class) ? p.conflict : p.cooperation) += 1;
        p.mean_goldstein += e.goldstein;
      });
    });
  }
  std::vector<Partner> out;
  for (auto& [v, p] : partners) {
    if (p.events == 0) continue;
    p.mean_goldstein /= static_cast<double>(p.events);
    out.push_back(p);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Partner& x, const Partner& y) { return x.events > y.events; });
  if (top > 0 && out.size() > top) out.resize(top);
  return out;
}

std::vector<SeriesRow> EventGraph::Series(std::string_view a, std::string_view b, Period period,
                                          const EventFilter& filter) const {
  std::map<std::string, SeriesRow> rows;
  std::map<std::string, double> goldstein;
  long first = LONG_MAX;
  long last = LONG_MIN;
  for (const StoredEvent& e : Timeline(a, b, false, filter)) {
    const std::optional<Date> d = Date::ParseIso(e.date);
    if (!d) continue;
    const long day = d->ToDays();
    first = std::min(first, day);
    last = std::max(last, day);
    const std::string key = PeriodKey(day, period);
    SeriesRow& r = rows[key];
    r.period = key;
    r.by_quad[static_cast<size_t>(std::clamp(e.quad_class, 1, 4) - 1)] += 1;
    goldstein[key] += e.goldstein;
  }
  if (filter.from) first = filter.from->ToDays();
  if (filter.to) last = filter.to->ToDays();
  std::vector<SeriesRow> out;
  if (first > last) return out;
  for (long day = first; day <= last; day = NextPeriod(day, period)) {
    const std::string key = PeriodKey(day, period);
    SeriesRow r = rows.contains(key) ? rows[key] : SeriesRow{key, {}, 0.0};
    const int64_t n = r.by_quad[0] + r.by_quad[1] + r.by_quad[2] + r.by_quad[3];
    r.mean_goldstein = n > 0 ? goldstein[key] / static_cast<double>(n) : 0.0;
    out.push_back(r);
  }
  return out;
}

}  // namespace dyad
