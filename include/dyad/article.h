// Articles: the unit of input. A plain-text file is one article; a JSONL corpus holds one per
// line (docs/input.md).
#pragma once

#include <optional>
#include <string>

#include "dyad/date.h"

namespace dyad {

// One news article or press release. `title` is coded like the text. Strings are valid UTF-8
// (readers reject anything else). A value type.
struct Article {
  std::string id;
  std::string title;
  std::string text;
  std::optional<Date> date;  // publication date (day precision), if known
  std::string url;
  std::string source;  // publisher, e.g. "kremlin.ru"; picks a default actor (docs/actors.md)
};

}  // namespace dyad
