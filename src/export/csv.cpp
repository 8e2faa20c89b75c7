// CSV: the dyads as an edge list, and the events with GDELT-like columns.
#include "dyad/export.h"
#include "export/escape.h"

namespace dyad {
namespace {

using exports::CsvText;
using exports::Number;

std::string Row(std::initializer_list<std::string> fields) {
  std::string out;
  for (const std::string& f : fields) {
    if (!out.empty()) out += ',';
    out += f;
  }
  out += "\r\n";
  return out;
}

// GDELT's SQLDATE: YYYYMMDD, with 00 for the parts a month or year date leaves open.
std::string SqlDate(const std::string& iso) {
  if (iso.empty()) return "";
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  out.resize(8, '0');
  return out;
}

}  // namespace

std::string DyadCsv(const ExportGraph& g) {
  std::string out = Row({"Source", "Target", "Weight", "SourceName", "TargetName", "Relation",
                         "Events", "Mentions", "MeanGoldstein", "ConflictShare", "Quad1", "Quad2",
                         "Quad3", "Quad4", "Actions", "First", "Last"});
  for (const ExportDyad& d : g.dyads) {
    const DyadDetail& x = d.detail;
    std::string actions;
    for (const auto& [action, n] : x.actions) {
      if (!actions.empty()) actions += "; ";
      actions += action + " " + std::to_string(n);
    }
    const GraphActor& s = g.nodes[d.source].actor;
    const GraphActor& t = g.nodes[d.target].actor;
    out +=
        Row({CsvText(s.code), CsvText(t.code), Number(d.weight), CsvText(s.name), CsvText(t.name),
             CsvText(d.relation.empty() ? "events" : d.relation), std::to_string(x.events),
             std::to_string(x.mentions), Number(d.mean_goldstein()), Number(d.conflict_share()),
             std::to_string(x.by_quad[0]), std::to_string(x.by_quad[1]),
             std::to_string(x.by_quad[2]), std::to_string(x.by_quad[3]), CsvText(actions),
             x.first ? x.first->ToString() : "", x.last ? x.last->ToString() : ""});
  }
  return out;
}

std::string EventCsv(const ExportGraph& g) {
  std::string out =
      Row({"GLOBALEVENTID", "SQLDATE",      "Date",          "DatePrecision", "Actor1Code",
           "Actor1Name",    "Actor1Entity", "Actor2Code",    "Actor2Name",    "Actor2Entity",
           "Action",        "EventCode",    "EventRootCode", "QuadClass",     "GoldsteinScale",
           "NumMentions",   "NumSources",   "NumArticles",   "SOURCEURL",     "Sentence"});
  for (const ExportEvent& x : g.events) {
    const StoredEvent& e = x.event;
    const GraphActor& s = g.nodes[x.source].actor;
    const GraphActor& t = g.nodes[x.target].actor;
    const MentionSource* first = x.sources.empty() ? nullptr : &x.sources.front();
    out += Row({std::to_string(e.id),
                SqlDate(e.date),
                e.date,
                e.date_precision,
                CsvText(s.code),
                CsvText(s.name),
                CsvText(s.entity),
                CsvText(t.code),
                CsvText(t.name),
                CsvText(t.entity),
                CsvText(e.action),
                CsvText(e.cameo),
                CsvText(e.cameo.substr(0, 2)),
                std::to_string(e.quad_class),
                Number(e.goldstein, 1),
                std::to_string(e.num_mentions),
                std::to_string(e.num_sources),
                std::to_string(e.num_articles),
                first != nullptr ? CsvText(first->url) : "",
                first != nullptr ? CsvText(first->sentence) : ""});
  }
  return out;
}

}  // namespace dyad
