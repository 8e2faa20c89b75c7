// Character classes and folding used for tokenizing and matching.
#pragma once

#include <string>

#include "text/utf8_decode.h"

namespace dyad::text {

bool IsSpace(char32_t cp);      // ASCII and Unicode white space, including no-break spaces
bool IsLineBreak(char32_t cp);  // '\n' and Unicode line/paragraph separators
bool IsDigit(char32_t cp);      // ASCII digits
bool IsLetter(char32_t cp);     // letters of any script (approximate outside Latin)
bool IsUpper(char32_t cp);      // uppercase Latin, Greek and Cyrillic letters

// Appends the matching form of a letter or digit: lowercase, Latin diacritics removed.
void AppendFolded(char32_t cp, std::string* out);
// Maps typographic quotes, apostrophes, dashes and the ellipsis to ASCII (' " - .).
char32_t FoldPunct(char32_t cp);

}  // namespace dyad::text
