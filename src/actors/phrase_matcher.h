// Finds dictionary phrases in token sequences: one hash lookup per token, longest match first;
// a phrase whose last word is a stem (TABARI's "ACCEPT" for "accepts", "acceptance") matches
// only where no phrase of the same length matches exactly.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/token.h"

namespace dyad::actors {

// A set of phrases (token sequences), each carrying a list of payload ids. Built once, then
// read-only and safe to share between threads.
class PhraseMatcher {
 public:
  // The result of a lookup. `payloads` points into the matcher, or into the match itself when
  // several phrases matched; so a Match moves but does not copy.
  struct Match {
    uint32_t length = 0;                 // tokens matched; 0 when nothing matched
    std::span<const uint32_t> payloads;  // payload ids of every phrase of that length that
                                         // matched ("Foreign Office" and "foreign office"),
                                         // ascending
    Match() = default;
    Match(Match&&) = default;
    Match& operator=(Match&&) = default;
    Match(const Match&) = delete;
    Match& operator=(const Match&) = delete;

   private:
    friend class PhraseMatcher;
    std::vector<uint32_t> merged_;  // the payloads, when more than one phrase contributed
  };

  // Adds `phrase` (already tokenized) with `payload`. A word whose text starts with an
  // uppercase letter only matches capitalized tokens. With `stem`, the last word matches any
  // token that begins with it. Returns false for an empty phrase.
  bool Add(const std::vector<text::Token>& phrase, uint32_t payload, bool stem = false);

  // The longest phrases starting at tokens[at], not extending past tokens[end - 1]. Of phrases
  // as long, those matching exactly win over stems, and a longer stem over a shorter one.
  Match LongestAt(const std::vector<text::Token>& tokens, size_t at, size_t end) const;

  size_t size() const { return phrases_.size(); }

  // Calls f(words, payloads) for every phrase, in insertion order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Phrase& p : phrases_) f(p.words, p.payloads);
  }

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::vector<uint64_t> hashes;  // text::NormHash of each word
    std::vector<bool> needs_capital;
    std::vector<uint32_t> payloads;  // in insertion order
    std::vector<uint32_t> sorted;    // the same, ascending
  };
  // The phrases that start with a word, longest first; and the same split by their second
  // word, so a common first word ("the") costs a search among the phrases that go on with the
  // token's next word, not a walk through all of its phrases.
  struct First {
    uint64_t hash = 0;  // text::NormHash(word)
    std::string word;
    std::vector<uint32_t> phrases;
    std::vector<std::pair<uint64_t, uint32_t>> by_second;  // (second word's hash, phrase), by
                                                           // hash then longest first
    std::vector<uint32_t> singles;                         // the one-word phrases
  };
  class Builder;
  // `stem`: the phrase's last word matches as a prefix.
  bool Matches(const Phrase& p, const std::vector<text::Token>& tokens, size_t at,
               bool stem = false) const;
  Match LongestExact(const First& first, const std::vector<text::Token>& tokens, size_t at,
                     size_t end) const;
  Match LongestStem(const First* first, const std::vector<text::Token>& tokens, size_t at,
                    size_t end) const;
  bool AddTo(std::vector<uint32_t>* bucket, Phrase* p, uint32_t payload);
  const First* Find(uint64_t hash, std::string_view word) const;
  First& FindOrAdd(const std::string& word);
  size_t FindIndex(uint64_t hash, std::string_view word) const;  // of a word already added

  std::vector<Phrase> phrases_;
  std::vector<First> firsts_;
  // Open addressing over firsts_, never more than half full. A slot holds the high half of the
  // word's hash over the low half's index into firsts_ (kEmpty where free), so a token that
  // starts no phrase, as most do, is told apart in the table itself, without reading firsts_.
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t Slot(uint64_t hash, uint32_t index) {
    return (hash & 0xFFFFFFFF00000000ULL) | index;
  }
  void Place(uint32_t index);
  std::vector<uint64_t> table_;
  // One bit per 8 slots' worth of hashes, set for every first word: an eighth of the table's
  // size, so it stays in cache where the table may not, and most tokens stop at their bit.
  static size_t FilterBit(uint64_t hash, size_t bits) { return (hash >> 24) & (bits - 1); }
  std::vector<uint64_t> filter_;
  // Phrases whose last word is a stem, apart from the others (and empty for most matchers):
  // those of one word by text::NormHash of the stem, with the lengths stems come in (longest
  // first; a token is looked up by its prefixes of those lengths); the longer ones by their
  // first word's index in firsts_, longest first.
  std::unordered_map<uint64_t, std::vector<uint32_t>> one_word_stems_;
  std::vector<size_t> stem_lengths_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> stemmed_;
  bool has_stems_ = false;
};

}  // namespace dyad::actors
