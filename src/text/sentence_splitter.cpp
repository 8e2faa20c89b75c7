#include "text/sentence_splitter.h"

#include <array>
#include <string_view>

namespace dyad::text {
namespace {

constexpr std::array<std::string_view, 24> kOpeners = {
    "the", "he", "she", "it",  "they", "we",    "i",     "but",   "in",   "on", "this", "that",
    "a",   "an", "its", "his", "her",  "their", "there", "after", "when", "as", "at",   "both"};

bool IsTerminal(const Token& t) {
  const std::string_view n = t.norm;
  return n == "." || n == "!" || n == "?" || n == "...";
}
bool IsCloser(const Token& t) {
  const std::string_view n = t.norm;
  return n == "\"" || n == "'" || n == ")" || n == "]";
}
bool IsOpener(const Token& t) {
  const std::string_view n = t.norm;
  return n == "\"" || n == "(" || n == "[" || n == "'";
}

bool StartsSentence(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (!t.space_before) return false;
  if (t.capitalized || t.kind == TokenKind::kNumber) return true;
  return IsOpener(t) && i + 1 < tokens.size() &&
         (tokens[i + 1].capitalized || tokens[i + 1].kind == TokenKind::kNumber);
}

bool IsCommonOpener(const Token& t) {
  if (!t.capitalized) return false;
  for (std::string_view w : kOpeners) {
    if (t.norm == w) return true;
  }
  return false;
}

// Does a sentence end after token i, which is not final punctuation ("the U.S. The ...")?
bool EndsAfter(const std::vector<Token>& tokens, size_t i) {
  if (i + 1 >= tokens.size()) return true;
  const Token& t = tokens[i];
  const Token& next = tokens[i + 1];
  const bool dotted_acronym =
      t.abbreviation && t.norm.size() > 2 && t.norm.find('.') < t.norm.size() - 1;
  return dotted_acronym && next.space_before && IsCommonOpener(next);
}

// Lines of hard-wrapped text are at least this long; a shorter line is a line of its own.
constexpr uint32_t kWrappedLineBytes = 50;

// Is the line break before token i a sentence boundary? A blank line always is; a single line
// break is one unless the text plainly runs on, as in hard-wrapped text: the next line starts
// with a lowercase word, or a long line ends with a lowercase word or a comma.
bool BreaksAtLine(const std::vector<Token>& tokens, size_t i) {
  if (tokens[i].blank_line_before) return true;
  const Token& prev = tokens[i - 1];
  const Token& next = tokens[i];
  if (IsTerminal(prev) || IsCloser(prev)) return true;
  if (next.kind == TokenKind::kWord && !next.capitalized) return false;
  size_t line_start = i - 1;
  while (line_start > 0 && !tokens[line_start].newline_before) --line_start;
  const bool long_line = prev.end - tokens[line_start].begin >= kWrappedLineBytes;
  const bool open_end =
      (prev.kind == TokenKind::kWord && !prev.capitalized) || std::string_view(prev.norm) == ",";
  return !(long_line && open_end);
}

}  // namespace

std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  uint32_t line = 0;
  size_t start = 0;
  const auto close = [&](size_t end_exclusive) {
    if (end_exclusive <= start) return;
    Sentence s;
    s.first = static_cast<uint32_t>(start);
    s.last = static_cast<uint32_t>(end_exclusive);
    s.begin = tokens[start].begin;
    s.end = tokens[end_exclusive - 1].end;
    s.line = line;
    out.push_back(s);
    start = end_exclusive;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].newline_before && i > start && BreaksAtLine(tokens, i)) {
      close(i);
    }
    if (tokens[i].newline_before && i > 0) ++line;
    // Absorb closing quotes and brackets right after the final punctuation.
    if (IsTerminal(tokens[i])) {
      size_t j = i;
      while (j + 1 < tokens.size() && !tokens[j + 1].space_before && IsCloser(tokens[j + 1])) ++j;
      if (j + 1 >= tokens.size() || StartsSentence(tokens, j + 1)) {
        close(j + 1);
        i = j;
      }
    } else if (EndsAfter(tokens, i) && i + 1 < tokens.size()) {
      close(i + 1);
    }
  }
  close(tokens.size());
  return out;
}

}  // namespace dyad::text
