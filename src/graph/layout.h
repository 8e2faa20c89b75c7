// The layout of a loaded graph: what EventGraph queries read, and what a snapshot of it holds
// (docs/store.md). Internal to src/graph.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dyad::graph {

// An event in memory: its strings as indices into GraphImage::strings, its date as a day
// number (LONG_MIN when unknown). Written to snapshots byte for byte, so it has no padding.
struct CompactEvent {
  int64_t id = 0;
  long day = LONG_MIN;
  uint32_t dyad = 0;
  uint32_t action = 0, cameo = 0, date = 0, precision = 0;
  int32_t quad_class = 0;
  double goldstein = 0.0;
  int64_t mentions = 0, articles = 0, sources = 0;
};
static_assert(sizeof(CompactEvent) == 72, "CompactEvent must have no padding");

// A directed dyad: its events are one run of GraphImage::events, [begin, end), by day then
// id, so that a window is two binary searches over contiguous memory. Written to snapshots
// byte for byte.
struct DyadEvents {
  size_t source = 0;  // vertex, an index into GraphImage::actors
  size_t target = 0;
  uint32_t begin = 0, end = 0;
  // Totals over all its events, for queries that filter nothing.
  int64_t mentions = 0;
  double goldstein = 0.0;
  int64_t conflicts = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};
static_assert(sizeof(DyadEvents) == 48, "DyadEvents must have no padding");

// An actor (a vertex): its code, entity and display name, and every name it was reported
// under, sorted; all indices into GraphImage::strings.
struct ActorImage {
  uint32_t code = 0, entity = 0, name = 0;
  std::vector<uint32_t> names;
};

// What a graph is made of, in the order its queries read it.
struct GraphImage {
  std::vector<std::string> strings;  // each once
  std::vector<ActorImage> actors;    // vertex v is actors[v]
  std::vector<DyadEvents> dyads;     // by (source, target)
  std::vector<CompactEvent> events;  // dyad by dyad, each dyad's run by day
};

}  // namespace dyad::graph
