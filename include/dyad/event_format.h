// Writing events: the JSONL contract (docs/output.md) and a table for people.
#pragma once

#include <string>
#include <vector>

#include "dyad/event.h"

namespace dyad {

// One event as a single-line JSON object, without the trailing newline.
std::string EventToJson(const Event& event);

// A fixed-width, human-readable table of events, one line each, with a header line.
std::string EventsToTable(const std::vector<Event>& events, bool with_header);

}  // namespace dyad
