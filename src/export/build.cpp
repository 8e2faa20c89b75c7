// Assembling what an export shows, from a neighborhood or a timeline of the graph.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "dyad/export.h"

namespace dyad {
namespace {

// Attaches to each event its first reports, when there is a store to read them from.
void AddSources(const GraphStore* store, size_t per_event, std::vector<ExportEvent>* events) {
  if (store == nullptr || per_event == 0 || events->empty()) return;
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, size_t> at;
  for (size_t i = 0; i < events->size(); ++i) {
    ids.push_back((*events)[i].event.id);
    at.emplace((*events)[i].event.id, i);
  }
  for (MentionSource& m : store->Sources(ids, per_event)) {
    (*events)[at.at(m.event_id)].sources.push_back(std::move(m));
  }
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState:
      return "state";
    case ActorKind::kOrganization:
      return "organization";
    case ActorKind::kPerson:
      return "person";
    case ActorKind::kOther:
      return "other";
  }
  return "other";
}

ActorKinds::ActorKinds(const std::vector<Relation>& relations) {
  for (const Relation& r : relations) {
    if (r.kind == RelationKind::kLeaderOf) {
      people_.insert(r.subject_name);
    } else {
      organizations_.insert(r.object);
    }
  }
}

ActorKind ActorKinds::Of(const GraphActor& a) const {
  if (people_.contains(a.name)) return ActorKind::kPerson;
  if (organizations_.contains(a.entity)) return ActorKind::kOrganization;
  // CAMEO's international and transnational actors: governmental, non-governmental and armed
  // organizations, and multinational companies.
  for (const std::string_view prefix : {"IGO", "NGO", "IMG", "MNC", "NGM", "INT"}) {
    if (a.code.starts_with(prefix)) return ActorKind::kOrganization;
  }
  const bool iso =
      a.entity.size() == 3 && std::all_of(a.entity.begin(), a.entity.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) != 0;
      });
  return iso ? ActorKind::kState : ActorKind::kOther;
}

double ExportDyad::mean_goldstein() const {
  return detail.events == 0 ? 0.0 : detail.goldstein_sum / static_cast<double>(detail.events);
}

double ExportDyad::conflict_share() const {
  return detail.events == 0 ? 0.0
                            : static_cast<double>(detail.by_quad[2] + detail.by_quad[3]) /
                                  static_cast<double>(detail.events);
}

ExportGraph ExportNeighborhood(const EventGraph& graph, const Neighborhood& n,
                               const EventFilter& filter, const ActorKinds& kinds,
                               const GraphStore* store, const ExportLimits& limits,
                               std::string title) {
  ExportGraph out;
  out.title = std::move(title);
  std::unordered_map<std::string, uint32_t> by_code;
  for (const auto& [actor, hops] : n.actors) {
    by_code.emplace(actor.code, static_cast<uint32_t>(out.nodes.size()));
    out.nodes.push_back(ExportNode{actor, kinds.Of(actor), hops});
  }
  for (const DyadSummary& d : n.dyads) {
    ExportDyad x{d.source, d.target, std::string(d.relation), d.weight, {}};
    if (d.relation.empty()) x.detail = graph.Detail(n.source(d).code, n.target(d).code, filter);
    out.dyads.push_back(std::move(x));
  }
  for (const ExportDyad& d : out.dyads) out.events_total += d.detail.events;
  if (limits.events == 0) return out;
  for (StoredEvent& e : graph.EventsAmong(n, filter, limits.events)) {
    const uint32_t s = by_code.at(e.source.code), t = by_code.at(e.target.code);
    out.events.push_back(ExportEvent{std::move(e), s, t, {}});
  }
  AddSources(store, limits.sources_per_event, &out.events);
  return out;
}

ExportGraph ExportTimeline(const EventGraph& graph, std::vector<StoredEvent> events,
                           const EventFilter& filter, const ActorKinds& kinds,
                           const GraphStore* store, const ExportLimits& limits, std::string title) {
  ExportGraph out;
  out.title = std::move(title);
  out.events_total = static_cast<int64_t>(events.size());
  if (limits.events > 0 && events.size() > limits.events) {  // the latest
    events.erase(events.begin(), events.end() - static_cast<ptrdiff_t>(limits.events));
  }
  std::unordered_map<std::string, uint32_t> by_code;
  const auto node = [&](const ActorRef& a) {
    const auto [it, added] = by_code.emplace(a.code, static_cast<uint32_t>(out.nodes.size()));
    if (added) {
      const GraphActor actor{a.code, a.entity, a.name};
      out.nodes.push_back(ExportNode{actor, kinds.Of(actor), 0});
    }
    return it->second;
  };
  std::map<std::pair<uint32_t, uint32_t>, size_t> dyads;
  for (StoredEvent& e : events) {
    const uint32_t s = node(e.source), t = node(e.target);
    if (dyads.emplace(std::pair(s, t), out.dyads.size()).second) {
      ExportDyad d{s, t, "", 0.0, graph.Detail(e.source.code, e.target.code, filter)};
      d.weight = static_cast<double>(d.detail.events);
      out.dyads.push_back(std::move(d));
    }
    out.events.push_back(ExportEvent{std::move(e), s, t, {}});
  }
  std::stable_sort(out.dyads.begin(), out.dyads.end(),
                   [](const ExportDyad& x, const ExportDyad& y) { return x.weight > y.weight; });
  AddSources(store, limits.sources_per_event, &out.events);
  return out;
}

}  // namespace dyad
