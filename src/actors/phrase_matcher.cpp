#include "actors/phrase_matcher.h"

#include <algorithm>
#include <bit>

namespace dyad::actors {

const PhraseMatcher::First* PhraseMatcher::Find(uint64_t hash, std::string_view word) const {
  if (table_.empty()) return nullptr;
  const size_t bit = FilterBit(hash, filter_.size() * 64);
  if ((filter_[bit / 64] >> (bit % 64) & 1) == 0) return nullptr;
  const size_t mask = table_.size() - 1;
  const uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = table_[i];
    if (slot == kEmpty) return nullptr;
    if ((slot & 0xFFFFFFFF00000000ULL) != tag) continue;
    const First& f = firsts_[static_cast<uint32_t>(slot)];
    if (f.hash == hash && f.word == word) return &f;
  }
}

void PhraseMatcher::Place(uint32_t index) {
  const uint64_t hash = firsts_[index].hash;
  const size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  while (table_[i] != kEmpty) i = (i + 1) & mask;
  table_[i] = Slot(hash, index);
  const size_t bit = FilterBit(hash, filter_.size() * 64);
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
}

PhraseMatcher::First& PhraseMatcher::FindOrAdd(const std::string& word) {
  const uint64_t hash = text::NormHash(word);
  if (const First* found = Find(hash, word))
    return firsts_[static_cast<size_t>(found - firsts_.data())];
  firsts_.push_back(First{hash, word, {}});
  if (2 * firsts_.size() > table_.size()) {  // grow (a power of two), and place every word again
    table_.assign(std::bit_ceil(std::max<size_t>(64, 4 * firsts_.size())), kEmpty);
    filter_.assign(table_.size() / 8, 0);  // 8 bits a slot, 64 a word
    for (uint32_t k = 0; k < firsts_.size(); ++k) Place(k);
  } else {
    Place(static_cast<uint32_t>(firsts_.size() - 1));
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
      other.sorted.insert(std::upper_bound(other.sorted.begin(), other.sorted.end(), payload),
                          payload);
      return true;
    }
  }
  p.payloads.push_back(payload);
  p.sorted.push_back(payload);
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
  const Phrase* only = nullptr;  // the one phrase matched so far, if only one
  for (uint32_t id : first->phrases) {
    const Phrase& p = phrases_[id];
    if (match.length > p.words.size()) break;  // phrases are sorted longest first
    if (at + p.words.size() > end || !Matches(p, tokens, at)) continue;
    if (match.length == 0) {
      only = &p;
    } else {  // a second phrase of the same length: merge their payloads
      if (only != nullptr) match.merged_ = only->sorted;
      only = nullptr;
      match.merged_.insert(match.merged_.end(), p.sorted.begin(), p.sorted.end());
    }
    match.length = static_cast<uint32_t>(p.words.size());
  }
  if (only != nullptr) {
    match.payloads = only->sorted;
  } else if (match.length > 0) {
    std::sort(match.merged_.begin(), match.merged_.end());
    match.payloads = match.merged_;
  }
  return match;
}

}  // namespace dyad::actors
