// GraphML (through Boost.Graph's writer) and GEXF (for Gephi, with time).
#include <boost/graph/adjacency_list.hpp>
// Boost's writer walks edges with an iterator GCC 12 cannot prove initialized (clang has no
// such warning, and would warn about the unknown name).
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <cstdio>
#include <sstream>

#include "dyad/export.h"
#include "export/escape.h"

namespace dyad {
namespace {

using exports::Number;
using exports::XmlEscaped;
using exports::XmlSafe;

std::string Actions(const DyadDetail& d) {
  std::string out;
  for (const auto& [action, n] : d.actions) {
    if (!out.empty()) out += "; ";
    out += action + " " + std::to_string(n);
  }
  return out;
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// The graph GraphML is written from: every attribute a string or number Boost can write,
// with what XML does not allow already removed (Boost escapes the rest).
struct GmlNode {
  std::string code, entity, name, kind;
  int hops = 0;
};
struct GmlEdge {
  std::string relation, actions, first, last;
  double weight = 0, mean_goldstein = 0, conflict_share = 0;
  int64_t events = 0, mentions = 0, quad1 = 0, quad2 = 0, quad3 = 0, quad4 = 0;
};
using GmlGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, GmlNode, GmlEdge>;

}  // namespace

std::string ExportGraphml(const ExportGraph& g) {
  GmlGraph graph;
  for (const ExportNode& n : g.nodes) {
    boost::add_vertex(GmlNode{XmlSafe(n.actor.code), XmlSafe(n.actor.entity), XmlSafe(n.actor.name),
                              std::string(ActorKindName(n.kind)), n.hops},
                      graph);
  }
  for (const ExportDyad& d : g.dyads) {
    const DyadDetail& x = d.detail;
    boost::add_edge(d.source, d.target,
                    GmlEdge{XmlSafe(d.relation.empty() ? "events" : d.relation),
                            XmlSafe(Actions(x)), DateText(x.first), DateText(x.last), d.weight,
                            d.mean_goldstein(), d.conflict_share(), x.events, x.mentions,
                            x.by_quad[0], x.by_quad[1], x.by_quad[2], x.by_quad[3]},
                    graph);
  }
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("code", boost::get(&GmlNode::code, graph));
  dp.property("entity", boost::get(&GmlNode::entity, graph));
  dp.property("name", boost::get(&GmlNode::name, graph));
  dp.property("kind", boost::get(&GmlNode::kind, graph));
  dp.property("hops", boost::get(&GmlNode::hops, graph));
  dp.property("relation", boost::get(&GmlEdge::relation, graph));
  dp.property("actions", boost::get(&GmlEdge::actions, graph));
  dp.property("first", boost::get(&GmlEdge::first, graph));
  dp.property("last", boost::get(&GmlEdge::last, graph));
  dp.property("weight", boost::get(&GmlEdge::weight, graph));
  dp.property("mean_goldstein", boost::get(&GmlEdge::mean_goldstein, graph));
  dp.property("conflict_share", boost::get(&GmlEdge::conflict_share, graph));
  dp.property("events", boost::get(&GmlEdge::events, graph));
  dp.property("mentions", boost::get(&GmlEdge::mentions, graph));
  dp.property("quad1", boost::get(&GmlEdge::quad1, graph));
  dp.property("quad2", boost::get(&GmlEdge::quad2, graph));
  dp.property("quad3", boost::get(&GmlEdge::quad3, graph));
  dp.property("quad4", boost::get(&GmlEdge::quad4, graph));
  std::ostringstream out;
  boost::write_graphml(out, graph, boost::get(boost::vertex_index, graph), dp, true);
  return out.str();
}
#pragma GCC diagnostic pop

std::string ExportGexf(const ExportGraph& g) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>dyad</creator>
    <description>)" +
                    XmlEscaped(g.title) + R"(</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static">
      <attribute id="code" title="code" type="string"/>
      <attribute id="entity" title="entity" type="string"/>
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="hops" title="hops" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="relation" title="relation" type="string"/>
      <attribute id="mentions" title="mentions" type="long"/>
      <attribute id="mean_goldstein" title="mean_goldstein" type="double"/>
      <attribute id="conflict_share" title="conflict_share" type="double"/>
      <attribute id="actions" title="actions" type="string"/>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="events" title="events" type="long"/>
    </attributes>
    <nodes>
)";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const ExportNode& n = g.nodes[i];
    out += "      <node id=\"n" + std::to_string(i) + "\" label=\"" +
           XmlEscaped(n.actor.name.empty() ? n.actor.code : n.actor.name) + "\">\n";
    out += "        <attvalues>\n";
    out += "          <attvalue for=\"code\" value=\"" + XmlEscaped(n.actor.code) + "\"/>\n";
    out += "          <attvalue for=\"entity\" value=\"" + XmlEscaped(n.actor.entity) + "\"/>\n";
    out +=
        "          <attvalue for=\"kind\" value=\"" + std::string(ActorKindName(n.kind)) + "\"/>\n";
    out += "          <attvalue for=\"hops\" value=\"" + std::to_string(n.hops) + "\"/>\n";
    out += "        </attvalues>\n      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < g.dyads.size(); ++i) {
    const ExportDyad& d = g.dyads[i];
    const DyadDetail& x = d.detail;
    out += "      <edge id=\"e" + std::to_string(i) + "\" source=\"n" + std::to_string(d.source) +
           "\" target=\"n" + std::to_string(d.target) + "\" weight=\"" + Number(d.weight) + "\"";
    // An edge exists from its first event to its last.
    if (x.first) out += " start=\"" + x.first->ToString() + "\" end=\"" + x.last->ToString() + "\"";
    out += ">\n        <attvalues>\n";
    out += "          <attvalue for=\"relation\" value=\"" +
           XmlEscaped(d.relation.empty() ? "events" : d.relation) + "\"/>\n";
    out += "          <attvalue for=\"mentions\" value=\"" + std::to_string(x.mentions) + "\"/>\n";
    out += "          <attvalue for=\"mean_goldstein\" value=\"" + Number(d.mean_goldstein()) +
           "\"/>\n";
    out += "          <attvalue for=\"conflict_share\" value=\"" + Number(d.conflict_share()) +
           "\"/>\n";
    out += "          <attvalue for=\"actions\" value=\"" + XmlEscaped(Actions(x)) + "\"/>\n";
    // Events per year, each year its own interval.
    for (const auto& [year, n] : x.by_year) {
      char y[16];
      std::snprintf(y, sizeof y, "%04d", year);
      out += "          <attvalue for=\"events\" value=\"" + std::to_string(n) + "\" start=\"" +
             std::string(y) + "-01-01\" end=\"" + y + "-12-31\"/>\n";
    }
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace dyad
