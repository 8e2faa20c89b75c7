#include "dyad/event_graph.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace dyad {
namespace {

struct Vertex {
  GraphActor actor;
  std::vector<std::string> names;  // every name reported, for Find
};

// An event, or a standing relation of the knowledge base.
struct Edge {
  uint32_t event = 0;   // index into Impl::events, or Impl::relations for a relation
  long day = LONG_MIN;  // first day of the event's date; LONG_MIN when unknown
  bool relation = false;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, Edge>;
using VertexId = boost::graph_traits<Graph>::vertex_descriptor;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

long DayOf(const std::string& date) {
  const std::optional<Date> d = Date::ParseIso(date);
  return d ? d->ToDays() : LONG_MIN;
}

bool IsConflict(int quad) { return quad >= 3; }

// The period a day belongs to, and the first day of the next one.
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
      std::snprintf(buf, sizeof buf, "%04d-W%02d", t.year, static_cast<int>((thursday - jan1) / 7 + 1));
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
      return (d.month == 12 ? *Date::FromYmd(d.year + 1, 1, 1) : *Date::FromYmd(d.year, d.month + 1, 1))
          .ToDays();
    case Period::kYear:
      return Date::FromYmd(d.year + 1, 1, 1)->ToDays();
  }
  return day + 1;
}

}  // namespace

struct EventGraph::Impl {
  Graph graph;
  std::vector<StoredEvent> events;
  std::vector<Relation> relations;
  std::unordered_map<std::string, VertexId> by_code;

  // A relation passes when asked for and holding at some time in the window.
  bool PassesRelation(const Relation& r, const EventFilter& f) const {
    if (!f.relations) return false;
    if (f.to && r.from && r.from->ToDays() > f.to->ToDays()) return false;
    return !(f.from && r.to && r.to->ToDays() < f.from->ToDays());
  }

  bool Passes(const Edge& edge, const EventFilter& f) const {
    if (edge.relation) return PassesRelation(relations[edge.event], f);
    const StoredEvent& e = events[edge.event];
    if ((f.from || f.to) && edge.day == LONG_MIN) return false;
    if (f.from && edge.day < f.from->ToDays()) return false;
    if (f.to && edge.day > f.to->ToDays()) return false;
    if (!f.action.empty() && e.action != f.action) return false;
    if (!f.cameo_prefix.empty() && !e.cameo.starts_with(f.cameo_prefix)) return false;
    return f.quad_class == 0 || e.quad_class == f.quad_class;
  }

  // Actors whose code, entity or a name is `who`; failing that, actors with a name holding
  // `who` as whole words ("Putin" in "Vladimir Putin").
  std::set<VertexId> Matching(std::string_view who) const {
    const std::string key = Lower(who);
    std::set<VertexId> exact;
    std::set<VertexId> words;
    for (VertexId v = 0; v < boost::num_vertices(graph); ++v) {
      const Vertex& x = graph[v];
      bool hit = Lower(x.actor.code) == key || Lower(x.actor.entity) == key;
      bool part = false;
      for (const std::string& name : x.names) {
        const std::string lower = Lower(name);
        hit = hit || lower == key;
        part = part || HasWords(lower, key);
      }
      if (hit) exact.insert(v);
      if (part) words.insert(v);
    }
    return exact.empty() ? words : exact;
  }

  static bool HasWords(const std::string& text, const std::string& words) {
    if (words.empty()) return false;
    for (size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
      const size_t end = at + words.size();
      const bool starts = at == 0 || text[at - 1] == ' ';
      const bool ends = end == text.size() || text[end] == ' ';
      if (starts && ends) return true;
    }
    return false;
  }

  // Calls f(edge, other end) for every event touching v that passes the filter.
  template <typename F>
  void ForEachIncident(VertexId v, const EventFilter& filter, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
      if (Passes(graph[*it], filter)) f(graph[*it], boost::target(*it, graph));
    }
    for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it) {
      if (Passes(graph[*it], filter)) f(graph[*it], boost::source(*it, graph));
    }
  }

  // Breadth-first distances from `start`, over events in either direction, up to `depth`.
  std::map<VertexId, int> Distances(const std::set<VertexId>& start, int depth,
                                    const EventFilter& filter,
                                    std::map<VertexId, VertexId>* parents = nullptr) const {
    std::map<VertexId, int> dist;
    std::deque<VertexId> queue;
    for (VertexId v : start) {
      dist[v] = 0;
      queue.push_back(v);
    }
    while (!queue.empty()) {
      const VertexId u = queue.front();
      queue.pop_front();
      if (dist[u] >= depth) continue;
      ForEachIncident(u, filter, [&](const Edge&, VertexId w) {
        if (dist.contains(w)) return;
        dist[w] = dist[u] + 1;
        if (parents != nullptr) (*parents)[w] = u;
        queue.push_back(w);
      });
    }
    return dist;
  }
};

EventGraph::EventGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventGraph::~EventGraph() = default;

std::unique_ptr<EventGraph> EventGraph::Load(const GraphStore& store) {
  auto impl = std::make_unique<Impl>();
  std::unordered_map<std::string, VertexId>& by_code = impl->by_code;
  std::vector<std::map<std::string, int64_t>> name_counts;
  const auto vertex = [&](const ActorRef& a, int64_t mentions) {
    auto [it, added] = by_code.try_emplace(a.code, 0);
    if (added) {
      it->second = boost::add_vertex(Vertex{GraphActor{a.code, a.entity, a.name}, {}}, impl->graph);
      name_counts.emplace_back();
    }
    name_counts[it->second][a.name] += mentions;
    return it->second;
  };
  store.ForEachEvent([&](const StoredEvent& e) {
    const VertexId s = vertex(e.source, e.num_mentions);
    const VertexId t = vertex(e.target, e.num_mentions);
    boost::add_edge(s, t, Edge{static_cast<uint32_t>(impl->events.size()), DayOf(e.date)},
                    impl->graph);
    impl->events.push_back(e);
  });
  for (VertexId v = 0; v < boost::num_vertices(impl->graph); ++v) {
    Vertex& x = impl->graph[v];
    int64_t best = -1;
    for (const auto& [name, count] : name_counts[v]) {
      x.names.push_back(name);
      if (count > best) {
        best = count;
        x.actor.name = name;
      }
    }
  }
  return std::unique_ptr<EventGraph>(new EventGraph(std::move(impl)));
}

void EventGraph::AddRelations(const std::vector<Relation>& relations) {
  const auto vertex = [&](const std::string& code, const std::string& entity, const std::string& name) {
    auto [it, added] = impl_->by_code.try_emplace(code, 0);
    if (added) {
      it->second = boost::add_vertex(Vertex{GraphActor{code, entity, name}, {name}}, impl_->graph);
    }
    return it->second;
  };
  for (const Relation& r : relations) {
    const std::string subject_entity = r.kind == RelationKind::kMemberOf ? r.subject : r.object;
    const VertexId s = vertex(r.subject_code, subject_entity, r.subject_name);
    const VertexId t = vertex(r.object_code, r.object, r.object_name);
    boost::add_edge(s, t, Edge{static_cast<uint32_t>(impl_->relations.size()), LONG_MIN, true},
                    impl_->graph);
    impl_->relations.push_back(r);
  }
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
  std::set<std::pair<long, uint32_t>> found;  // (day, event), so that the result is by date
  const Graph& g = impl_->graph;
  for (VertexId v : as) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      const VertexId w = boost::target(*it, g);
      if (!g[*it].relation && impl_->Passes(g[*it], filter) && (!b || bs.contains(w))) {
        found.emplace(g[*it].day, g[*it].event);
      }
    }
    if (directed && b) continue;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      const VertexId w = boost::source(*it, g);
      if (!g[*it].relation && impl_->Passes(g[*it], filter) && (!b || bs.contains(w))) {
        found.emplace(g[*it].day, g[*it].event);
      }
    }
  }
  std::vector<StoredEvent> out;
  for (const auto& [day, index] : found) out.push_back(impl_->events[index]);
  return out;
}

Neighborhood EventGraph::Neighbors(std::string_view a, int depth, EdgeWeight weight,
                                   double min_weight, size_t top,
                                   const EventFilter& filter) const {
  const Graph& g = impl_->graph;
  const std::map<VertexId, int> dist = impl_->Distances(impl_->Matching(a), depth, filter);
  Neighborhood out;
  std::map<std::pair<VertexId, VertexId>, DyadSummary> dyads;
  std::vector<DyadSummary> relations;
  for (const auto& [u, hops] : dist) {
    out.actors.emplace_back(g[u].actor, hops);
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const VertexId w = boost::target(*it, g);
      if (!dist.contains(w) || !impl_->Passes(g[*it], filter)) continue;
      if (g[*it].relation) {
        const Relation& r = impl_->relations[g[*it].event];
        DyadSummary d;
        d.source = g[u].actor;
        d.target = g[w].actor;
        d.relation = std::string(RelationKindName(r.kind));
        relations.push_back(d);
        continue;
      }
      const StoredEvent& e = impl_->events[g[*it].event];
      DyadSummary& d = dyads[{u, w}];
      d.source = g[u].actor;
      d.target = g[w].actor;
      d.events += 1;
      d.mentions += e.num_mentions;
      d.mean_goldstein += e.goldstein;
      d.conflict_share += IsConflict(e.quad_class) ? 1 : 0;
    }
  }
  for (auto& [key, d] : dyads) {
    d.mean_goldstein /= static_cast<double>(d.events);
    d.conflict_share /= static_cast<double>(d.events);
    d.weight = weight == EdgeWeight::kEvents      ? static_cast<double>(d.events)
               : weight == EdgeWeight::kGoldstein ? d.mean_goldstein
                                                  : d.conflict_share;
    if (d.weight >= min_weight) out.dyads.push_back(d);
  }
  std::stable_sort(out.dyads.begin(), out.dyads.end(),
                   [](const DyadSummary& x, const DyadSummary& y) { return x.weight > y.weight; });
  if (top > 0 && out.dyads.size() > top) out.dyads.resize(top);
  // Standing relations come after the weighted event dyads, each once.
  std::sort(relations.begin(), relations.end(), [](const DyadSummary& x, const DyadSummary& y) {
    return std::tie(x.source.code, x.target.code, x.relation) < std::tie(y.source.code, y.target.code, y.relation);
  });
  relations.erase(std::unique(relations.begin(), relations.end(),
                              [](const DyadSummary& x, const DyadSummary& y) {
                                return x.source.code == y.source.code && x.target.code == y.target.code &&
                                       x.relation == y.relation;
                              }),
                  relations.end());
  out.dyads.insert(out.dyads.end(), relations.begin(), relations.end());
  return out;
}

std::vector<GraphActor> EventGraph::Path(std::string_view a, std::string_view b, int max_hops,
                                         const EventFilter& filter) const {
  const std::set<VertexId> bs = impl_->Matching(b);
  std::map<VertexId, VertexId> parents;
  const std::map<VertexId, int> dist = impl_->Distances(impl_->Matching(a), max_hops, filter, &parents);
  const VertexId* end = nullptr;
  int best = INT_MAX;
  for (const VertexId& v : bs) {
    const auto it = dist.find(v);
    if (it != dist.end() && it->second < best) {
      best = it->second;
      end = &v;
    }
  }
  std::vector<GraphActor> out;
  if (end == nullptr) return out;
  for (VertexId v = *end;; v = parents.at(v)) {
    out.push_back(impl_->graph[v].actor);
    if (!parents.contains(v)) break;
  }
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
      const StoredEvent& e = impl_->events[edge.event];
      Partner& p = partners[other];
      p.actor = impl_->graph[other].actor;
      p.events += 1;
      (IsConflict(e.quad_class) ? p.conflict : p.cooperation) += 1;
      p.mean_goldstein += e.goldstein;
    });
  }
  std::vector<Partner> out;
  for (auto& [v, p] : partners) {
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
    const long day = DayOf(e.date);
    if (day == LONG_MIN) continue;
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
