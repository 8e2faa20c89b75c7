// Snapshots of a loaded graph, kept beside its database ("dyad.db-graph"): the next process
// reads the snapshot instead of rebuilding the graph from the events table, for as long as the
// database's stamp is the one the snapshot was made from (docs/store.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/layout.h"

namespace dyad::graph {

// Where the snapshot of the database at `db_path` lives.
std::string SnapshotPath(const std::string& db_path);

// Writes `image`, made from the database contents that `stamp` names, to `path`: through a
// temporary file renamed over it, so that a reader finds the old snapshot or the new one,
// never part of one. Throws Error(kIo) when it cannot.
void WriteSnapshot(const std::string& path, std::string_view stamp, const GraphImage& image);

// The image at `path` when it is a whole and valid snapshot of the contents `stamp` names;
// nullopt, with `why` saying so, when it is missing, stale, from another build, truncated or
// corrupt.
std::optional<GraphImage> ReadSnapshot(const std::string& path, std::string_view stamp,
                                       std::string* why);

}  // namespace dyad::graph
