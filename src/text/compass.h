// Compass adjectives before a place: "southern Russia", "north-eastern Syria".
#pragma once

#include <string_view>

namespace dyad::text {

// Is `w` (a token's matching form) a compass adjective: "northern", "southeastern",
// "north-eastern" (one token where the tokenizer keeps the hyphen), "central"?
bool IsCompassAdjective(std::string_view w);

}  // namespace dyad::text
