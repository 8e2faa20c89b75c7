// JSON for web visualization: node-link and timeline items in one document.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

#include "dyad/export.h"
#include "export/escape.h"

namespace dyad {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void String(Writer& w, std::string_view s) {
  const std::string valid = exports::ValidUtf8(s);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void Key(Writer& w, const char* key) { w.Key(key); }

void Field(Writer& w, const char* key, std::string_view value) {
  Key(w, key);
  String(w, value);
}

void Field(Writer& w, const char* key, int64_t value) {
  Key(w, key);
  w.Int64(value);
}

void Field(Writer& w, const char* key, double value) {
  Key(w, key);
  w.Double(value);
}

void DateField(Writer& w, const char* key, const std::optional<dyad::Date>& d) {
  Key(w, key);
  if (d) {
    String(w, d->ToString());
  } else {
    w.Null();
  }
}

}  // namespace

std::string ExportJson(const ExportGraph& g) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  Field(w, "title", g.title);
  Field(w, "events_total", g.events_total);
  Key(w, "directed");
  w.Bool(true);
  Key(w, "multigraph");
  w.Bool(false);
  Key(w, "graph");
  w.StartObject();
  Field(w, "title", g.title);
  w.EndObject();
  Key(w, "nodes");
  w.StartArray();
  for (const ExportNode& n : g.nodes) {
    w.StartObject();
    Field(w, "id", n.actor.code);
    Field(w, "code", n.actor.code);
    Field(w, "entity", n.actor.entity);
    Field(w, "name", n.actor.name);
    Field(w, "kind", ActorKindName(n.kind));
    Field(w, "hops", static_cast<int64_t>(n.hops));
    w.EndObject();
  }
  w.EndArray();
  Key(w, "links");
  w.StartArray();
  for (const ExportDyad& d : g.dyads) {
    const DyadDetail& x = d.detail;
    w.StartObject();
    Field(w, "source", g.nodes[d.source].actor.code);
    Field(w, "target", g.nodes[d.target].actor.code);
    Field(w, "relation", d.relation.empty() ? "events" : d.relation);
    Field(w, "weight", d.weight);
    Field(w, "events", x.events);
    Field(w, "mentions", x.mentions);
    Field(w, "mean_goldstein", d.mean_goldstein());
    Field(w, "conflict_share", d.conflict_share());
    Key(w, "quad_counts");
    w.StartArray();
    for (int64_t n : x.by_quad) w.Int64(n);
    w.EndArray();
    Key(w, "actions");
    w.StartArray();
    for (const auto& [action, n] : x.actions) {
      w.StartObject();
      Field(w, "action", action);
      Field(w, "events", n);
      w.EndObject();
    }
    w.EndArray();
    DateField(w, "first", x.first);
    DateField(w, "last", x.last);
    Key(w, "by_year");
    w.StartObject();
    for (const auto& [year, n] : x.by_year) Field(w, std::to_string(year).c_str(), n);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  // Timeline: one group per actor that acts, one item per event.
  Key(w, "groups");
  w.StartArray();
  std::set<uint32_t> groups;
  for (const ExportEvent& e : g.events) groups.insert(e.source);
  for (const uint32_t i : groups) {
    w.StartObject();
    Field(w, "id", g.nodes[i].actor.code);
    Field(w, "content",
          g.nodes[i].actor.name.empty() ? g.nodes[i].actor.code : g.nodes[i].actor.name);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "items");
  w.StartArray();
  for (const ExportEvent& x : g.events) {
    const StoredEvent& e = x.event;
    const GraphActor& s = g.nodes[x.source].actor;
    const GraphActor& t = g.nodes[x.target].actor;
    w.StartObject();
    Field(w, "id", e.id);
    Key(w, "start");
    if (e.date.empty()) {
      w.Null();
    } else {
      String(w, e.date);
    }
    Field(w, "content", s.name + " " + e.action + " " + t.name);
    Field(w, "group", s.code);
    Field(w, "source", s.code);
    Field(w, "source_name", s.name);
    Field(w, "target", t.code);
    Field(w, "target_name", t.name);
    Field(w, "action", e.action);
    Field(w, "cameo", e.cameo);
    Field(w, "quad_class", static_cast<int64_t>(e.quad_class));
    Field(w, "goldstein", e.goldstein);
    Field(w, "date_precision", e.date_precision);
    Field(w, "mentions", e.num_mentions);
    Field(w, "articles", e.num_articles);
    Field(w, "sources", e.num_sources);
    Key(w, "reports");
    w.StartArray();
    for (const MentionSource& m : x.sources) {
      w.StartObject();
      Field(w, "article_id", m.article_id);
      Field(w, "title", m.title);
      Field(w, "url", m.url);
      Field(w, "source", m.source);
      Field(w, "date", m.date);
      Field(w, "sentence", m.sentence);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace dyad
