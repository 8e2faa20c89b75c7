// Sentence and line boundaries over tokens.
#pragma once

#include <cstdint>
#include <vector>

#include "text/token.h"

namespace dyad::text {

// One sentence: tokens [first, last) and bytes [begin, end) of the document.
struct Sentence {
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t line = 0;      // index of the line it starts on (lines are separated by line breaks)
  bool headline = false;  // part of the article's headline
  bool coded = true;      // article prose; false for links, bylines, credits, appeals
};

// Splits at sentence-final punctuation followed by the start of a new sentence, and at every
// line break. Abbreviations ("Mr.", "Gen.", "Jan.", initials) do not end a sentence; a dotted
// acronym ("U.S.") does when the next word is a typical sentence opener ("The", "He", ...).
std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens);

}  // namespace dyad::text
