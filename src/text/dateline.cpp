#include "text/dateline.h"

#include <algorithm>

#include "text/word_set.h"

namespace dyad::text {
namespace {

bool AllCaps(std::string_view word) {
  bool letter = false;
  for (const char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

bool IsDash(std::string_view norm) {
  return norm == "-" || norm == "--" || norm == "\xE2\x80\x93" || norm == "\xE2\x80\x94";
}

bool IsMonth(std::string_view norm) {
  static const WordSet kMonths{
      "january", "february", "march",    "april", "may",  "june",  "july", "august", "september",
      "october", "november", "december", "jan",   "feb",  "mar",   "apr",  "jun",    "jul",
      "aug",     "sep",      "sept",     "oct",   "nov",  "dec",   "jan.", "feb.",   "mar.",
      "apr.",    "jun.",     "jul.",     "aug.",  "sep.", "sept.", "oct.", "nov.",   "dec."};
  return kMonths.contains(norm);
}

}  // namespace

uint32_t DatelineEnd(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                     std::string_view buffer) {
  constexpr uint32_t kMaxTokens = 14;
  const auto text = [&](uint32_t i) {
    return buffer.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  };
  // The place in capitals: one to three words, at least three letters in all.
  uint32_t i = first;
  size_t letters = 0;
  while (i < last && i - first < 3 && tokens[i].kind == TokenKind::kWord && AllCaps(text(i))) {
    letters += text(i).size();
    ++i;
  }
  if (i == first || letters < 3) return first;
  const uint32_t stop = std::min(last, first + kMaxTokens);
  bool open = false;  // inside the agency's parentheses
  for (; i < stop; ++i) {
    const std::string_view norm = tokens[i].norm;
    if (IsDash(norm)) {
      // The dash is followed by the story, not the end of the sentence.
      return i + 1 < last ? i + 1 : first;
    }
    if (norm == "(") {
      open = true;
      continue;
    }
    if (norm == ")") {
      open = false;
      continue;
    }
    if (open || norm == "," || IsMonth(norm) || tokens[i].kind == TokenKind::kNumber) continue;
    // A country or region after the place: "Iraq", "East Timor", "Calif.".
    if (tokens[i].kind == TokenKind::kWord && tokens[i].capitalized) continue;
    return first;
  }
  return first;
}

}  // namespace dyad::text
