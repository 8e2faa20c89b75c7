// Splits text into tokens with byte offsets (docs/pipeline.md, "Text").
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad::text {

// Tokenizes `text`. Words keep internal apostrophes ("O'Brien") and dotted abbreviations
// ("U.S.", "Mr.", "J."); the possessive "'s" and "n't" are tokens of their own; hyphens
// split words ("president-elect" is three tokens); numbers keep their separators ("1,000").
// Never fails: bytes that are not valid UTF-8 become one-byte punctuation tokens.
std::vector<Token> Tokenize(std::string_view text);

// True for words that take a period as part of themselves ("mr", "gen", "jan", ...).
bool IsAbbreviation(std::string_view norm);

}  // namespace dyad::text
