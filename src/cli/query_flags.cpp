#include "cli/query_flags.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "dyad/error.h"
#include "dyad/extractor.h"

namespace dyad::cli {

void QueryFlags::AddTo(CLI::App* cmd, const std::vector<std::string>& formats) {
  cmd->add_option("--db", db, "Database file")->capture_default_str();
  cmd->add_option("--from", from, "First day of the window (YYYY-MM-DD)");
  cmd->add_option("--to", to, "Last day of the window (YYYY-MM-DD)");
  cmd->add_option("--action", action, "Only this action (call, warn, ...)");
  cmd->add_option("--cameo", cameo, "Only CAMEO codes starting so (04: consultations)");
  cmd->add_option("--quad", quad, "Only this QuadClass (1-4)")->check(CLI::Range(1, 4));
  cmd->add_flag("--relations", relations,
                "Also follow the knowledge base's standing relations (member_of, leader_of) "
                "that hold in the window");
  format = formats.front();
  cmd->add_option("--format", format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd->add_flag("--no-snapshot", no_snapshot,
                "Build the graph from the events table; neither read nor write the snapshot "
                "beside the database (DB-graph)");
}

EventFilter QueryFlags::Filter() const {
  EventFilter f;
  const auto day = [](const std::string& text, const char* flag) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    const std::optional<Date> d = Date::ParseIso(text);
    if (!d) {
      throw Error(ErrorKind::kInvalidArgument,
                  std::string(flag) + ": expected YYYY-MM-DD, got '" + text + "'");
    }
    return d;
  };
  f.from = day(from, "--from");
  f.to = day(to, "--to");
  f.action = action;
  f.cameo_prefix = cameo;
  f.quad_class = quad;
  f.relations = relations;
  return f;
}

std::unique_ptr<EventGraph> QueryFlags::Graph() const {
  const auto start = std::chrono::steady_clock::now();
  auto graph = EventGraph::Load(*GraphStore::Open(db, /*read_only=*/true),
                                LoadOptions{.snapshot = !no_snapshot});
  spdlog::debug(
      "graph of {} events loaded in {:.0f} ms from the {}", graph->num_events(),
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
      graph->origin());
  if (relations) {
    std::vector<Diagnostic> diagnostics;
    graph->AddRelations(Extractor::Create({}, &diagnostics)->Relations());
  }
  return graph;
}

void NeighborhoodFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--depth", depth, "Hops from the actor")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--weight", weight, "Edge weight")
      ->check(CLI::IsMember({"events", "goldstein", "conflict"}))
      ->capture_default_str();
  cmd->add_option("--min-weight", min_weight, "Leave out lighter dyads");
  cmd->add_option("--top", top, "Keep the heaviest dyads only (0: all)");
}

Neighborhood NeighborhoodFlags::Of(const EventGraph& g, const std::string& actor,
                                   const EventFilter& f) const {
  const EdgeWeight w = weight == "events"      ? EdgeWeight::kEvents
                       : weight == "goldstein" ? EdgeWeight::kGoldstein
                                               : EdgeWeight::kConflict;
  return actor.empty() ? g.Whole(w, min_weight, top, f)
                       : g.Neighbors(actor, depth, w, min_weight, top, f);
}

bool Known(const EventGraph& g, const std::vector<std::string>& who) {
  for (const std::string& w : who) {
    if (g.Find(w).empty()) {
      spdlog::error("unknown actor '{}'", w);
      return false;
    }
  }
  return true;
}

}  // namespace dyad::cli
