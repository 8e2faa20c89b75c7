#include "text/coordination.h"

#include <string_view>

namespace dyad::text {

bool IsCoordination(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                    bool* comma_only) {
  uint32_t i = from;
  const auto word = [&](std::string_view w) { return i < to && tokens[i].norm == w; };
  bool comma = false;
  if (word(",")) {
    comma = true;
    ++i;
  }
  bool conjunction = false;
  if (word("and") || word("or") || word("nor")) {
    conjunction = true;
    ++i;
  } else if (word("as") && i + 2 < to && std::string_view(tokens[i + 1].norm) == "well" &&
             std::string_view(tokens[i + 2].norm) == "as") {
    conjunction = true;
    i += 3;
  }
  if (!comma && !conjunction) return false;
  if (comma_only != nullptr) *comma_only = comma && !conjunction;
  if (word("the")) ++i;
  // Up to two modifiers of the next member ("Russia and its close ally Belarus"), but not a
  // clause of its own: ", mediated by Qatar", ", backed by Iran".
  for (int modifiers = 0; modifiers < 2 && i < to; ++modifiers, ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord || t.capitalized) return false;
    const std::string_view w = t.norm;
    if (w == "by" || w == "with" || w == "of" || w == "to" || w == "in" || w == "on" ||
        w == "at" || w == "from" || w == "for" || w == "against" || w == "than" ||
        (w.size() > 4 && w.ends_with("ed"))) {
      return false;
    }
  }
  return i == to;
}

}  // namespace dyad::text
