#include "actors/phrase_matcher.h"

#include <algorithm>

namespace dyad::actors {

bool PhraseMatcher::Add(const std::vector<text::Token>& phrase, uint32_t payload) {
  if (phrase.empty()) return false;
  Phrase p;
  for (const text::Token& t : phrase) {
    p.words.push_back(t.norm);
    p.needs_capital.push_back(t.capitalized);
  }
  std::vector<uint32_t>& bucket = by_first_[p.words.front()];
  for (uint32_t id : bucket) {
    Phrase& other = phrases_[id];
    if (other.words == p.words && other.needs_capital == p.needs_capital) {
      other.payloads.push_back(payload);
      return true;
    }
  }
  p.payloads.push_back(payload);
  const auto id = static_cast<uint32_t>(phrases_.size());
  phrases_.push_back(std::move(p));
  const size_t length = phrases_[id].words.size();
  const auto pos = std::find_if(bucket.begin(), bucket.end(), [&](uint32_t other) {
    return phrases_[other].words.size() < length;
  });
  bucket.insert(pos, id);
  return true;
}

bool PhraseMatcher::Matches(const Phrase& p, const std::vector<text::Token>& tokens,
                            size_t at) const {
  for (size_t k = 0; k < p.words.size(); ++k) {
    const text::Token& t = tokens[at + k];
    if (t.norm != p.words[k]) return false;
    if (p.needs_capital[k] && !t.capitalized) return false;
    // A phrase does not run across a line break.
    if (k > 0 && t.newline_before) return false;
  }
  return true;
}

PhraseMatcher::Match PhraseMatcher::LongestAt(const std::vector<text::Token>& tokens, size_t at,
                                              size_t end) const {
  const auto it = by_first_.find(std::string_view(tokens[at].norm));
  if (it == by_first_.end()) return {};
  Match match;
  for (uint32_t id : it->second) {
    const Phrase& p = phrases_[id];
    if (match.length > p.words.size()) break;  // phrases are sorted longest first
    if (at + p.words.size() > end || !Matches(p, tokens, at)) continue;
    match.length = static_cast<uint32_t>(p.words.size());
    match.payloads.insert(match.payloads.end(), p.payloads.begin(), p.payloads.end());
  }
  std::sort(match.payloads.begin(), match.payloads.end());
  return match;
}

}  // namespace dyad::actors
