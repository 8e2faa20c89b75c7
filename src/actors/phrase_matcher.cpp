#include "actors/phrase_matcher.h"

#include <algorithm>
#include <bit>

namespace dyad::actors {

const PhraseMatcher::First* PhraseMatcher::Find(uint64_t hash, std::string_view word) const {
  if (table_.empty()) return nullptr;
  const size_t mask = table_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint32_t at = table_[i];
    if (at == kEmpty) return nullptr;
    if (firsts_[at].hash == hash && firsts_[at].word == word) return &firsts_[at];
  }
}

PhraseMatcher::First& PhraseMatcher::FindOrAdd(const std::string& word) {
  const uint64_t hash = text::NormHash(word);
  if (const First* found = Find(hash, word))
    return firsts_[static_cast<size_t>(found - firsts_.data())];
  firsts_.push_back(First{hash, word, {}});
  if (2 * firsts_.size() > table_.size()) {  // grow, and place every word again
    table_.assign(std::bit_ceil(std::max<size_t>(64, 4 * firsts_.size())),
                  kEmpty);  // a power of two
    const size_t mask = table_.size() - 1;
    for (uint32_t k = 0; k < firsts_.size(); ++k) {
      size_t i = firsts_[k].hash & mask;
      while (table_[i] != kEmpty) i = (i + 1) & mask;
      table_[i] = k;
    }
  } else {
    const size_t mask = table_.size() - 1;
    size_t i = hash & mask;
    while (table_[i] != kEmpty) i = (i + 1) & mask;
    table_[i] = static_cast<uint32_t>(firsts_.size() - 1);
  }
  return firsts_.back();
}

bool PhraseMatcher::Add(const std::vector<text::Token>& phrase, uint32_t payload) {
  if (phrase.empty()) return false;
  Phrase p;
  for (const text::Token& t : phrase) {
    p.words.push_back(t.norm);
    p.hashes.push_back(text::NormHash(t.norm));
    p.needs_capital.push_back(t.capitalized);
  }
  std::vector<uint32_t>& bucket = FindOrAdd(p.words.front()).phrases;
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
  // The first word was found by its hash and text; the others are told apart by their hashes
  // first.
  for (size_t k = 0; k < p.words.size(); ++k) {
    const text::Token& t = tokens[at + k];
    if (k > 0 && (text::NormHashOf(t) != p.hashes[k] || t.norm != p.words[k])) return false;
    if (p.needs_capital[k] && !t.capitalized) return false;
    // A phrase does not run across a line break.
    if (k > 0 && t.newline_before) return false;
  }
  return true;
}

PhraseMatcher::Match PhraseMatcher::LongestAt(const std::vector<text::Token>& tokens, size_t at,
                                              size_t end) const {
  const First* first = Find(text::NormHashOf(tokens[at]), tokens[at].norm);
  if (first == nullptr) return {};
  Match match;
  for (uint32_t id : first->phrases) {
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
