#include "actors/phrase_matcher.h"

#include <algorithm>
#include <bit>
#include <functional>

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

size_t PhraseMatcher::FindIndex(uint64_t hash, std::string_view word) const {
  return static_cast<size_t>(Find(hash, word) - firsts_.data());
}

PhraseMatcher::First& PhraseMatcher::FindOrAdd(const std::string& word) {
  const uint64_t hash = text::NormHash(word);
  if (const First* found = Find(hash, word)) {
    return firsts_[static_cast<size_t>(found - firsts_.data())];
  }
  First& added = firsts_.emplace_back();
  added.hash = hash;
  added.word = word;
  if (2 * firsts_.size() > table_.size()) {  // grow (a power of two), and place every word again
    table_.assign(std::bit_ceil(std::max<size_t>(64, 4 * firsts_.size())), kEmpty);
    filter_.assign(table_.size() / 8, 0);  // 8 bits a slot, 64 a word
    for (uint32_t k = 0; k < firsts_.size(); ++k) Place(k);
  } else {
    Place(static_cast<uint32_t>(firsts_.size() - 1));
  }
  return firsts_.back();
}

// Gives `payload` to the phrase of `bucket` that is `p` already, if there is one.
bool PhraseMatcher::AddTo(std::vector<uint32_t>* bucket, Phrase* p, uint32_t payload) {
  for (uint32_t id : *bucket) {
    Phrase& other = phrases_[id];
    if (other.words == p->words && other.needs_capital == p->needs_capital) {
      other.payloads.push_back(payload);
      other.sorted.insert(std::upper_bound(other.sorted.begin(), other.sorted.end(), payload),
                          payload);
      return true;
    }
  }
  p->payloads.push_back(payload);
  p->sorted.push_back(payload);
  return false;
}

bool PhraseMatcher::Add(const std::vector<text::Token>& phrase, uint32_t payload, bool stem) {
  if (phrase.empty()) return false;
  Phrase p;
  for (const text::Token& t : phrase) {
    p.words.push_back(t.norm);
    p.hashes.push_back(text::NormHash(t.norm));
    p.needs_capital.push_back(t.capitalized);
  }
  const auto id = static_cast<uint32_t>(phrases_.size());
  const size_t length = p.words.size();
  if (stem) {
    has_stems_ = true;
    if (length == 1) {  // looked up by the token's prefixes
      std::vector<uint32_t>& bucket = one_word_stems_[p.hashes.front()];
      if (AddTo(&bucket, &p, payload)) return true;
      bucket.push_back(id);
      const size_t n = p.words.front().size();
      const auto at =
          std::lower_bound(stem_lengths_.begin(), stem_lengths_.end(), n, std::greater<size_t>());
      if (at == stem_lengths_.end() || *at != n) stem_lengths_.insert(at, n);
      phrases_.push_back(std::move(p));
      return true;
    }
    const First& first = FindOrAdd(p.words.front());
    std::vector<uint32_t>& bucket = stemmed_[static_cast<uint32_t>(&first - firsts_.data())];
    if (AddTo(&bucket, &p, payload)) return true;
    bucket.insert(
        std::find_if(bucket.begin(), bucket.end(),
                     [&](uint32_t other) { return phrases_[other].words.size() < length; }),
        id);
    phrases_.push_back(std::move(p));
    return true;
  }
  std::vector<uint32_t>& bucket = FindOrAdd(p.words.front()).phrases;
  if (AddTo(&bucket, &p, payload)) return true;
  phrases_.push_back(std::move(p));
  const auto pos = std::find_if(bucket.begin(), bucket.end(), [&](uint32_t other) {
    return phrases_[other].words.size() < length;
  });
  bucket.insert(pos, id);
  First& first = firsts_[FindIndex(phrases_[id].hashes.front(), phrases_[id].words.front())];
  if (length == 1) {
    first.singles.push_back(id);
  } else {
    const std::pair<uint64_t, uint32_t> entry{phrases_[id].hashes[1], id};
    const auto at = std::upper_bound(
        first.by_second.begin(), first.by_second.end(), entry, [&](const auto& a, const auto& b) {
          if (a.first != b.first) return a.first < b.first;
          return phrases_[a.second].words.size() > phrases_[b.second].words.size();
        });
    first.by_second.insert(at, entry);
  }
  return true;
}

bool PhraseMatcher::Matches(const Phrase& p, const std::vector<text::Token>& tokens, size_t at,
                            bool stem) const {
  // The first word was found by its hash and text (or, a stem, by its prefix); the others are
  // told apart by their hashes first.
  for (size_t k = 0; k < p.words.size(); ++k) {
    const text::Token& t = tokens[at + k];
    if (stem && k + 1 == p.words.size()) {
      if (!t.norm.starts_with(p.words[k])) return false;
    } else if (k > 0 && (text::NormHashOf(t) != p.hashes[k] || t.norm != p.words[k])) {
      return false;
    }
    if (p.needs_capital[k] && !t.capitalized) return false;
    // A phrase does not run across a line break.
    if (k > 0 && t.newline_before) return false;
  }
  return true;
}

// Collects the matching phrases of one length, longest first, and their payloads.
class PhraseMatcher::Builder {
 public:
  uint32_t length() const { return length_; }
  // Takes a matching phrase no shorter than those taken so far.
  void Take(const Phrase& p) {
    if (length_ == 0) {
      only_ = &p;
    } else {  // a second phrase of the same length: merge their payloads
      if (only_ != nullptr) merged_ = only_->sorted;
      only_ = nullptr;
      merged_.insert(merged_.end(), p.sorted.begin(), p.sorted.end());
    }
    length_ = static_cast<uint32_t>(p.words.size());
  }
  Match Finish() {
    Match match;
    match.length = length_;
    if (only_ != nullptr) {
      match.payloads = only_->sorted;
    } else if (length_ > 0) {
      std::sort(merged_.begin(), merged_.end());
      match.merged_ = std::move(merged_);
      match.payloads = match.merged_;
    }
    return match;
  }

 private:
  uint32_t length_ = 0;
  const Phrase* only_ = nullptr;  // the one phrase taken, if only one
  std::vector<uint32_t> merged_;
};

PhraseMatcher::Match PhraseMatcher::LongestExact(const First& first,
                                                 const std::vector<text::Token>& tokens, size_t at,
                                                 size_t end) const {
  Builder found;
  // Takes phrase `id` if it matches and is no shorter than the match so far; false once the
  // phrases left (longest first) are all shorter.
  const auto consider = [&](uint32_t id) {
    const Phrase& p = phrases_[id];
    if (found.length() > p.words.size()) return false;
    if (at + p.words.size() <= end && Matches(p, tokens, at)) found.Take(p);
    return true;
  };
  if (at + 1 < end && !first.by_second.empty()) {
    const uint64_t second = text::NormHashOf(tokens[at + 1]);
    auto it = std::lower_bound(first.by_second.begin(), first.by_second.end(), second,
                               [](const auto& entry, uint64_t h) { return entry.first < h; });
    for (; it != first.by_second.end() && it->first == second; ++it) {
      if (!consider(it->second)) break;
    }
  }
  if (found.length() == 0) {  // a longer phrase beats every one-word phrase
    for (uint32_t id : first.singles) {
      if (!consider(id)) break;
    }
  }
  return found.Finish();
}

PhraseMatcher::Match PhraseMatcher::LongestStem(const First* first,
                                                const std::vector<text::Token>& tokens, size_t at,
                                                size_t end) const {
  Builder found;
  const auto longer = first == nullptr
                          ? stemmed_.end()
                          : stemmed_.find(static_cast<uint32_t>(first - firsts_.data()));
  if (longer != stemmed_.end()) {
    for (uint32_t id : longer->second) {
      const Phrase& p = phrases_[id];
      if (p.words.size() < found.length()) break;
      if (at + p.words.size() <= end && Matches(p, tokens, at, /*stem=*/true)) found.Take(p);
    }
  }
  const std::string& norm = tokens[at].norm;
  for (size_t i = 0; found.length() == 0 && i < stem_lengths_.size(); ++i) {
    if (stem_lengths_[i] > norm.size()) continue;
    const std::string_view prefix(norm.data(), stem_lengths_[i]);
    const auto it = one_word_stems_.find(text::NormHash(prefix));
    if (it == one_word_stems_.end()) continue;
    for (uint32_t id : it->second) {
      const Phrase& p = phrases_[id];
      if (p.words.front() == prefix && Matches(p, tokens, at, /*stem=*/true)) found.Take(p);
    }
  }
  return found.Finish();
}

PhraseMatcher::Match PhraseMatcher::LongestAt(const std::vector<text::Token>& tokens, size_t at,
                                              size_t end) const {
  const First* first = Find(text::NormHashOf(tokens[at]), tokens[at].norm);
  Match exact = first == nullptr ? Match{} : LongestExact(*first, tokens, at, end);
  if (!has_stems_) return exact;
  Match stem = LongestStem(first, tokens, at, end);
  return stem.length > exact.length ? std::move(stem) : std::move(exact);
}

}  // namespace dyad::actors
