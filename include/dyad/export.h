// Exports of the knowledge graph (docs/export.md): pictures (GraphViz DOT, rendered to SVG or
// PNG), JSON for web visualization, GraphML and GEXF for graph tools, CSV for spreadsheets,
// and a self-contained HTML page. Every writer escapes what it writes: names, sentences and
// URLs cannot break the file or run in a browser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/event_graph.h"
#include "dyad/graph_store.h"
#include "dyad/relation.h"

namespace dyad {

enum class ActorKind { kState, kOrganization, kPerson, kOther };

// "state", "organization", "person", "other".
std::string_view ActorKindName(ActorKind kind);

// What an actor is, from the knowledge base's standing relations: a person is the subject of
// a leader_of (a graph actor is named after the person reported most often as it), an
// organization has members or an organization's CAMEO code (IGO, NGO, IMG, MNC...); an actor of
// a three-letter entity otherwise is a state.
class ActorKinds {
 public:
  explicit ActorKinds(const std::vector<Relation>& relations = {});
  ActorKind Of(const GraphActor& actor) const;

 private:
  std::unordered_set<std::string> people_;
  std::unordered_set<std::string> organizations_;
};

struct ExportNode {
  GraphActor actor;
  ActorKind kind = ActorKind::kOther;
  int hops = 0;  // from the actor a neighborhood is centred on
};

struct ExportDyad {
  uint32_t source = 0;  // into ExportGraph::nodes
  uint32_t target = 0;
  std::string relation;  // "member_of" or "leader_of" for a standing relation, else ""
  double weight = 0.0;   // the measure the export was asked for
  DyadDetail detail;     // its events (none for a relation)

  double mean_goldstein() const;
  double conflict_share() const;  // events of QuadClass 3 or 4
};

struct ExportEvent {
  StoredEvent event;
  uint32_t source = 0;  // into ExportGraph::nodes
  uint32_t target = 0;
  std::vector<MentionSource> sources;  // the first reports of it
};

// What an export shows: actors, the dyads among them, and events, by date.
struct ExportGraph {
  std::string title;
  std::vector<ExportNode> nodes;
  std::vector<ExportDyad> dyads;
  std::vector<ExportEvent> events;
  int64_t events_total = 0;  // events in scope: `events` holds the latest of them (--limit)
};

// How much of each event an export carries.
struct ExportLimits {
  size_t events = 5000;          // the most recent, when there are more
  size_t sources_per_event = 3;  // reports of each event (its sentence and article)
};

// The graph of a neighborhood (EventGraph::Neighbors or Whole) with each dyad's detail, and
// the events of its dyads; `store` (may be null) gives the events' sentences and articles.
ExportGraph ExportNeighborhood(const EventGraph& graph, const Neighborhood& neighborhood,
                               const EventFilter& filter, const ActorKinds& kinds,
                               const GraphStore* store, const ExportLimits& limits,
                               std::string title);

// The graph of a timeline: its events, the actors they link and the dyads they make.
ExportGraph ExportTimeline(const EventGraph& graph, std::vector<StoredEvent> events,
                           const EventFilter& filter, const ActorKinds& kinds,
                           const GraphStore* store, const ExportLimits& limits, std::string title);

// GraphViz DOT of the network: actors labelled with their names and shaped by kind, one edge
// per dyad, its width by weight and its colour by cooperation or conflict, tooltips with
// counts and the top actions.
std::string NetworkDot(const ExportGraph& g);
// GraphViz DOT of the events left to right in date order, one cluster per period (day, month
// or year), each event labelled with its action and linked to its actors.
std::string TimelineDot(const ExportGraph& g, Period by);
// JSON: node-link ("nodes", "links", as networkx and d3 read it) and timeline ("groups",
// "items" with id, start, content and group, as vis-timeline reads it), with every attribute.
std::string ExportJson(const ExportGraph& g);
// GraphML, through Boost.Graph's writer.
std::string ExportGraphml(const ExportGraph& g);
// GEXF 1.3 for Gephi: dynamic, edges spanning their first to last event, with events per year.
std::string ExportGexf(const ExportGraph& g);
// CSV of the dyads (Gephi's edge-list columns Source, Target, Weight first).
std::string DyadCsv(const ExportGraph& g);
// CSV of the events with GDELT-like columns.
std::string EventCsv(const ExportGraph& g);
// A self-contained HTML page: the rendered network (`svg`, may be empty) and an interactive
// timeline of the events (zoom, filter by action, click for the sentence and the article).
std::string ExportHtml(const ExportGraph& g, std::string_view svg);

// Renders DOT through Graphviz's dot program (the DYAD_DOT environment variable overrides
// which) into "svg" or "png". Throws Error(kIo) when dot cannot be run or fails.
std::string RenderDot(std::string_view dot, std::string_view format);

}  // namespace dyad
