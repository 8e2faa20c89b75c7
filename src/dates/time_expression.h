// Time expressions in a sentence ("on Monday", "last month", "14 March 2014") and the dates they
// denote, resolved against the article's publication date.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "dyad/date.h"

namespace dyad::dates {

// Whether the sentence speaks of the past (default) or of what is to come.
enum class Tense { kPast, kFuture };

// A time expression found in a sentence and the date it denotes.
struct TimeMention {
  size_t begin = 0, end = 0;   // byte range in the text given to FindTimeMentions
  Date date;                   // with its precision
  bool explicit_year = false;  // the text named the year
};

// Finds time expressions in `text` (one sentence; may contain curly quotes, non-breaking spaces,
// en dashes) and resolves them against `anchor` (the publication date; a coarser anchor stands
// for the first day of its period). `tense` decides which way a date without a year points
// ("on Friday"). Mentions come in text order and do not overlap: where candidates overlap, the
// longest wins (then the leftmost). A mention's range covers the expression itself ("March 2014",
// "last Monday", "two days ago") but not a bare preposition before it ("in", "on", "since"),
// except in "in three days". The rules are listed in time_expression.cpp. Pure; thread-safe.
std::vector<TimeMention> FindTimeMentions(std::string_view text, const Date& anchor, Tense tense);

}  // namespace dyad::dates
