// Queries over the knowledge graph: timelines, neighborhoods, paths, partners and series of
// the stored events (docs/queries.md). Built in memory from a GraphStore; read-only and safe
// to share between threads once built.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/graph_store.h"
#include "dyad/relation.h"

namespace dyad {

// Which events a query looks at. Dates compare by the first day of the period an event's date
// names; events of unknown date are left out of any window.
struct EventFilter {
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
  std::string action;        // "" for any
  std::string cameo_prefix;  // "04" for every consultation, "" for any
  int quad_class = 0;        // 1..4, 0 for any
  // Neighborhoods and paths also follow the standing relations added with AddRelations that
  // hold at some time in the window (member_of, leader_of).
  bool relations = false;
};

// An actor of the graph: one CAMEO code, with its entity and the names it was reported under.
struct GraphActor {
  std::string code;
  std::string entity;
  std::string name;  // the name most often reported
};

// Events between two actors of a Neighborhood, summed up. `weight` is the measure asked for.
struct DyadSummary {
  uint32_t source = 0;  // into Neighborhood::actors
  uint32_t target = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  double mean_goldstein = 0.0;
  double conflict_share = 0.0;  // events of QuadClass 3 or 4
  double weight = 0.0;
  std::string_view relation;  // "member_of" or "leader_of" for a standing relation, else ""
};

// Nodes and edges: the actors reached, nearest first, and the dyads among them, which name
// their actors by index.
struct Neighborhood {
  std::vector<std::pair<GraphActor, int>> actors;  // with their distance in hops
  std::vector<DyadSummary> dyads;                  // heaviest first, then standing relations

  const GraphActor& source(const DyadSummary& d) const { return actors[d.source].first; }
  const GraphActor& target(const DyadSummary& d) const { return actors[d.target].first; }
};

struct Partner {
  GraphActor actor;
  int64_t events = 0;
  int64_t cooperation = 0;  // QuadClass 1 and 2
  int64_t conflict = 0;     // QuadClass 3 and 4
  double mean_goldstein = 0.0;
};

struct SeriesRow {
  std::string period;                   // "2016-11-14", "2016-W46", "2016-11" or "2016"
  std::array<int64_t, 4> by_quad = {};  // events of QuadClass 1..4
  double mean_goldstein = 0.0;          // 0 when the period has no event
};

// The events of one directed dyad that pass a filter, in detail.
struct DyadDetail {
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_sum = 0.0;
  std::array<int64_t, 4> by_quad = {};                   // events of QuadClass 1..4
  std::vector<std::pair<std::string, int64_t>> actions;  // most frequent first, then by name
  std::optional<Date> first, last;                       // of the dated events
  std::vector<std::pair<int, int64_t>> by_year;          // dated events per year
};

enum class EdgeWeight { kEvents, kGoldstein, kConflict };
enum class Period { kDay, kWeek, kMonth, kYear };

struct LoadOptions {
  // Read the graph from the snapshot beside the database ("dyad.db-graph") when it is current,
  // and leave a snapshot there when it is not (docs/store.md).
  bool snapshot = true;
};

class EventGraph {
 public:
  static std::unique_ptr<EventGraph> Load(const GraphStore& store, const LoadOptions& options = {});
  ~EventGraph();

  // Where the graph was read from: "snapshot PATH", or "events table (WHY)" saying why the
  // snapshot was not used and whether a new one was written.
  const std::string& origin() const;

  // Adds the knowledge base's standing relations as edges of their own: member_of from the
  // member's code to the organization's, leader_of from the leader's code to the entity's.
  void AddRelations(const std::vector<Relation>& relations);

  size_t num_actors() const;
  size_t num_events() const;

  // The actors an entity ("RUS"), code ("RUSGOV") or name ("Putin", "Russia") designates,
  // compared without regard to case; empty when the graph knows none.
  std::vector<GraphActor> Find(std::string_view who) const;

  // Events of `a` (or between `a` and `b`, in either direction unless `directed`), by date.
  std::vector<StoredEvent> Timeline(std::string_view a, std::optional<std::string_view> b,
                                    bool directed, const EventFilter& filter) const;
  // Actors within `depth` hops of `a` and the dyads among them, weighted; dyads below
  // `min_weight` are left out, and only the `top` heaviest kept (0: all).
  Neighborhood Neighbors(std::string_view a, int depth, EdgeWeight weight, double min_weight,
                         size_t top, const EventFilter& filter) const;
  // Every actor with an event passing the filter and the dyads among them, as Neighbors
  // weighs them (hops are 0).
  Neighborhood Whole(EdgeWeight weight, double min_weight, size_t top,
                     const EventFilter& filter) const;
  // The events from the actor coded `source_code` to the one coded `target_code`; empty when
  // there are none.
  DyadDetail Detail(std::string_view source_code, std::string_view target_code,
                    const EventFilter& filter) const;
  // The events of a neighborhood's dyads that pass the filter, by date then id: the latest
  // `limit` of them (0: all).
  std::vector<StoredEvent> EventsAmong(const Neighborhood& n, const EventFilter& filter,
                                       size_t limit) const;
  // Every event that passes the filter, by date (unknown dates first) then id.
  std::vector<StoredEvent> Events(const EventFilter& filter) const;
  // A shortest chain of actors from `a` to `b` (events in either direction), at most
  // `max_hops` long; empty when there is none.
  std::vector<GraphActor> Path(std::string_view a, std::string_view b, int max_hops,
                               const EventFilter& filter) const;
  // Who `a` deals with most, in either direction.
  std::vector<Partner> Partners(std::string_view a, size_t top, const EventFilter& filter) const;
  // Counts by QuadClass and mean Goldstein per period between `a` and `b`, empty periods
  // included, from the first to the last period with an event (or the filter's window).
  std::vector<SeriesRow> Series(std::string_view a, std::string_view b, Period period,
                                const EventFilter& filter) const;

 private:
  struct Impl;
  explicit EventGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
