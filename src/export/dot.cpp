// GraphViz DOT: the network, and the timeline of its events.
#include <algorithm>
#include <cmath>
#include <map>

#include "dyad/export.h"
#include "export/escape.h"

namespace dyad {
namespace {

using exports::DotQuoted;
using exports::Number;

std::string_view Shape(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState:
      return "box";
    case ActorKind::kOrganization:
      return "hexagon";
    case ActorKind::kPerson:
      return "ellipse";
    case ActorKind::kOther:
      return "octagon";
  }
  return "octagon";
}

std::string_view Fill(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState:
      return "#e3f2fd";
    case ActorKind::kOrganization:
      return "#f3e5f5";
    case ActorKind::kPerson:
      return "#fff8e1";
    case ActorKind::kOther:
      return "#eeeeee";
  }
  return "#eeeeee";
}

// Green for cooperation, red for conflict, amber between.
std::string_view Colour(double conflict_share) {
  if (conflict_share < 1.0 / 3) return "#2e7d32";
  if (conflict_share > 2.0 / 3) return "#c62828";
  return "#ef6c00";
}

std::string_view QuadColour(int quad) {
  switch (quad) {
    case 1:
      return "#c8e6c9";  // verbal cooperation
    case 2:
      return "#81c784";  // material cooperation
    case 3:
      return "#ffcc80";  // verbal conflict
    case 4:
      return "#ef9a9a";  // material conflict
    default:
      return "#eeeeee";
  }
}

std::string NodeLine(const std::string& id, const ExportNode& n) {
  const GraphActor& a = n.actor;
  std::string tooltip =
      a.name + "\n" + a.code + " (" + a.entity + "), " + std::string(ActorKindName(n.kind));
  if (n.hops > 0) tooltip += ", " + std::to_string(n.hops) + (n.hops == 1 ? " hop" : " hops");
  return "  " + DotQuoted(id) + " [label=" + DotQuoted(a.name.empty() ? a.code : a.name) +
         ", shape=" + std::string(Shape(n.kind)) + ", fillcolor=\"" + std::string(Fill(n.kind)) +
         "\", tooltip=" + DotQuoted(tooltip) + "];\n";
}

std::string TopActions(const DyadDetail& d, size_t n) {
  std::string out;
  for (size_t i = 0; i < d.actions.size() && i < n; ++i) {
    if (i > 0) out += ", ";
    out += d.actions[i].first + " " + std::to_string(d.actions[i].second);
  }
  return out;
}

std::string Header(std::string_view name, const std::string& title, std::string_view extra) {
  std::string out = "digraph " + std::string(name) + " {\n";
  out +=
      "  graph [charset=\"UTF-8\", fontname=\"Helvetica\", labelloc=t, label=" + DotQuoted(title) +
      std::string(extra) + "];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
  return out;
}

}  // namespace

std::string NetworkDot(const ExportGraph& g) {
  std::string out = Header("dyad", g.title, ", overlap=false, splines=true, rankdir=LR");
  for (const ExportNode& n : g.nodes) out += NodeLine(n.actor.code, n);
  double heaviest = 0.0;
  for (const ExportDyad& d : g.dyads) {
    if (d.relation.empty()) heaviest = std::max(heaviest, std::abs(d.weight));
  }
  for (const ExportDyad& d : g.dyads) {
    const std::string& s = g.nodes[d.source].actor.code;
    const std::string& t = g.nodes[d.target].actor.code;
    out += "  " + DotQuoted(s) + " -> " + DotQuoted(t) + " [";
    if (!d.relation.empty()) {
      out += "style=dashed, color=\"#9e9e9e\", label=" + DotQuoted(d.relation) +
             ", tooltip=" + DotQuoted(d.relation) + "];\n";
      continue;
    }
    const DyadDetail& x = d.detail;
    const double width = heaviest > 0 ? 1.0 + 4.0 * std::sqrt(std::abs(d.weight) / heaviest) : 1.0;
    std::string tooltip = g.nodes[d.source].actor.name + " -> " + g.nodes[d.target].actor.name +
                          "\n" + std::to_string(x.events) + " events, " +
                          std::to_string(x.mentions) + " mentions\nmean Goldstein " +
                          Number(d.mean_goldstein(), 2) + ", conflict " +
                          Number(100 * d.conflict_share(), 0) + "%\n" + TopActions(x, 3);
    out += "penwidth=" + Number(width, 2) + ", color=\"" + std::string(Colour(d.conflict_share())) +
           "\", label=" + DotQuoted(std::to_string(x.events)) + ", tooltip=" + DotQuoted(tooltip) +
           ", weight=" + Number(std::max(1.0, width), 0) + "];\n";
  }
  out += "}\n";
  return out;
}

std::string TimelineDot(const ExportGraph& g, Period by) {
  std::string out =
      Header("timeline", g.title, ", rankdir=LR, newrank=true, nodesep=0.3, ranksep=0.5");
  // Actors, then the events period by period, in date order.
  for (const ExportNode& n : g.nodes) out += NodeLine("actor " + n.actor.code, n);
  const size_t key_length = by == Period::kDay ? 10 : by == Period::kYear ? 4 : 7;
  std::map<std::string, std::vector<size_t>> periods;  // "" (unknown dates) first
  for (size_t i = 0; i < g.events.size(); ++i) {
    const std::string& date = g.events[i].event.date;
    periods[date.substr(0, std::min(date.size(), key_length))].push_back(i);
  }
  for (const auto& [period, events] : periods) {
    out += "  subgraph " + DotQuoted("cluster " + period) + " {\n";
    out += "    label=" + DotQuoted(period.empty() ? "date unknown" : period) +
           "; style=rounded; color=\"#90a4ae\"; fontname=\"Helvetica\";\n";
    for (const size_t i : events) {
      const StoredEvent& e = g.events[i].event;
      const std::string tooltip = g.nodes[g.events[i].source].actor.name + " " + e.action + " " +
                                  g.nodes[g.events[i].target].actor.name + "\nCAMEO " + e.cameo +
                                  ", QuadClass " + std::to_string(e.quad_class) + ", Goldstein " +
                                  Number(e.goldstein, 1) + "\n" + std::to_string(e.num_mentions) +
                                  " mentions, " + std::to_string(e.num_articles) + " articles";
      out += "    " + DotQuoted("event " + std::to_string(e.id)) +
             " [shape=box, style=\"rounded,filled\", fillcolor=\"" +
             std::string(QuadColour(e.quad_class)) +
             "\", label=" + DotQuoted(e.action + "\n" + (e.date.empty() ? "?" : e.date)) +
             ", tooltip=" + DotQuoted(tooltip) + "];\n";
    }
    out += "  }\n";
  }
  for (const ExportEvent& x : g.events) {
    const std::string event = DotQuoted("event " + std::to_string(x.event.id));
    out += "  " + DotQuoted("actor " + g.nodes[x.source].actor.code) + " -> " + event +
           " [color=\"#78909c\"];\n";
    out += "  " + event + " -> " + DotQuoted("actor " + g.nodes[x.target].actor.code) +
           " [color=\"#78909c\"];\n";
  }
  // Date order: an invisible chain through the events, as the periods list them.
  std::string previous;
  for (const auto& [period, events] : periods) {
    for (const size_t i : events) {
      const std::string event = DotQuoted("event " + std::to_string(g.events[i].event.id));
      if (!previous.empty()) {
        out += "  ";
        out += previous;
        out += " -> ";
        out += event;
        out += " [style=invis, weight=10];\n";
      }
      previous = event;
    }
  }
  out += "}\n";
  return out;
}

}  // namespace dyad
