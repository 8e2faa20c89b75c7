#include "text/prose_filter.h"

#include "core/lines.h"
#include "text/tokenizer.h"

namespace dyad::text {
namespace {

constexpr uint32_t kMaxFragmentTokens = 12;

bool EndsLikeProse(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  for (uint32_t i = last; i > first; --i) {
    const std::string& n = tokens[i - 1].norm;
    if (n == "\"" || n == "'" || n == ")") continue;
    return n == "." || n == "!" || n == "?" || n == "...";
  }
  return false;
}

bool IsByline(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  return last - first >= 2 && std::string_view(tokens[first].norm) == "by" &&
         tokens[first].capitalized && tokens[first + 1].capitalized &&
         tokens[first + 1].kind == TokenKind::kWord;
}

}  // namespace

ProseFilter::ProseFilter(std::string_view cues) {
  core::ForEachLine(cues, [&](std::string_view line, int64_t) {
    Where where;
    if (line.starts_with("start:")) {
      where = Where::kStart;
    } else if (line.starts_with("line:")) {
      where = Where::kAnywhere;
    } else {
      return;  // comments and blank lines
    }
    line.remove_prefix(line.find(':') + 1);
    Cue cue{where, {}};
    for (Token& t : Tokenize(line)) cue.words.push_back(std::move(t.norm));
    if (cue.words.empty()) return;
    cue.first_hash = NormHash(cue.words.front());
    if (where == Where::kAnywhere) anywhere_first_.set(cue.first_hash % kFirstBits);
    cues_.push_back(std::move(cue));
  });
}

bool ProseFilter::MatchesAt(const std::vector<Token>& tokens, uint32_t at, uint32_t last,
                            const std::vector<std::string>& words) {
  if (last - at < words.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (tokens[at + k].norm != words[k]) return false;
  }
  return true;
}

bool ProseFilter::IsNonProse(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                             bool multi_line) const {
  if (std::string_view(tokens[first].norm) == "[" && std::string_view(tokens[last - 1].norm) == "]")
    return true;
  if (IsByline(tokens, first, last)) return true;
  for (const Cue& cue : cues_) {
    if (cue.where == Where::kStart && MatchesAt(tokens, first, last, cue.words)) return true;
  }
  for (uint32_t i = first; i < last; ++i) {
    const uint64_t hash = NormHashOf(tokens[i]);
    if (!anywhere_first_.test(hash % kFirstBits)) continue;
    for (const Cue& cue : cues_) {
      if (cue.where == Where::kAnywhere && cue.first_hash == hash &&
          MatchesAt(tokens, i, last, cue.words)) {
        return true;
      }
    }
  }
  return multi_line && last - first <= kMaxFragmentTokens && !EndsLikeProse(tokens, first, last);
}

// A topic's label rather than a headline: a short line opening with a year and ending
// unlike prose ("2025 Indonesian protests", "2014 Crimean crisis").
static bool IsTopicLabel(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  if (last - first > 10 || EndsLikeProse(tokens, first, last)) return false;
  const std::string& w = tokens[first].norm;
  return tokens[first].kind == TokenKind::kNumber && w.size() == 4 && (w[0] == '1' || w[0] == '2');
}

void ProseFilter::Mark(const std::vector<Token>& tokens, std::vector<Sentence>* sentences,
                       uint32_t headline_lines) const {
  std::vector<Sentence>& s = *sentences;
  const bool multi_line = !s.empty() && s.back().line > 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j].line == s[i].line) ++j;  // sentences [i, j) form one line
    // Without a title, an opening line of one sentence that ends unlike prose is the
    // headline: "Indian, Chinese soldiers clash on Himalayan border".
    const bool headline =
        s[i].line < headline_lines ||
        (headline_lines == 0 && i == 0 && j == 1 && !EndsLikeProse(tokens, s[0].first, s[0].last));
    const bool non_prose =
        (!headline && IsNonProse(tokens, s[i].first, s[j - 1].last, multi_line)) ||
        IsTopicLabel(tokens, s[i].first, s[j - 1].last);
    for (size_t k = i; k < j; ++k) {
      s[k].headline = headline;
      s[k].coded = !non_prose;
    }
    i = j;
  }
}

}  // namespace dyad::text
