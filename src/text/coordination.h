// Coordination between two phrases: "Putin and Trump", "Russia, China and India",
// "Fornost and the evil Gondor".
#pragma once

#include <cstdint>
#include <vector>

#include "text/token.h"

namespace dyad::text {

// Do tokens [from, to) join two coordinated phrases? A conjunction ("and", "or", "nor",
// "as well as", a comma, ", and"), then at most an article and two lowercase modifiers that
// belong to the second phrase. `comma_only` is set when the joint is a bare comma (a list
// only an "and" closes, or an apposition).
bool IsCoordination(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                    bool* comma_only = nullptr);

}  // namespace dyad::text
