// A wire dateline opening an article: "BEIRUT, Aug 21 (Reuters) -", "KIRKUK, Iraq, Oct 16 -",
// "KABUL, Afghanistan (AP) —". It says where the story was filed; it is no actor of the
// sentence it opens.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad::text {

// The token after the dateline's dash when tokens [first, last) open with one, else `first`.
// A dateline is a place in capitals (one to three words), then at most a country or region,
// a date ("Aug 21", "March 3") and an agency in parentheses, then a dash ("-", "--", "–", "—").
// `buffer` is the text the tokens index.
uint32_t DatelineEnd(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                     std::string_view buffer);

}  // namespace dyad::text
