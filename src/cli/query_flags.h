// Flags every query and export takes: the database, a window, event filters, the format.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "dyad/event_graph.h"

namespace dyad::cli {

struct QueryFlags {
  std::string db = "dyad.db";
  std::string from;
  std::string to;
  std::string action;
  std::string cameo;
  int quad = 0;
  bool relations = false;
  bool no_snapshot = false;
  std::string format;

  // Adds the flags to `cmd`; --format takes one of `formats`, the first by default.
  void AddTo(CLI::App* cmd, const std::vector<std::string>& formats = {"table", "json", "csv"});
  EventFilter Filter() const;
  // The graph of --db, with the standing relations when --relations asks for them.
  std::unique_ptr<EventGraph> Graph() const;
};

// --depth, --weight, --min-weight, --top: how a neighborhood is drawn (neighbors, export
// network).
struct NeighborhoodFlags {
  int depth = 1;
  std::string weight = "events";
  double min_weight = 0.0;
  size_t top = 0;

  void AddTo(CLI::App* cmd);
  // ACTOR's neighborhood, or with an empty ACTOR every actor's (EventGraph::Whole).
  Neighborhood Of(const EventGraph& g, const std::string& actor, const EventFilter& f) const;
};

// Every actor named must be known to the graph (names are never turned into SQL); logs the
// first that is not.
bool Known(const EventGraph& g, const std::vector<std::string>& who);

}  // namespace dyad::cli
