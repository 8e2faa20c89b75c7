// Finds dictionary phrases in token sequences: one hash lookup per token, longest match first.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad::actors {

// A set of phrases (token sequences), each carrying a list of payload ids. Built once, then
// read-only and safe to share between threads.
class PhraseMatcher {
 public:
  struct Match {
    uint32_t length = 0;             // tokens matched; 0 when nothing matched
    std::vector<uint32_t> payloads;  // payload ids of every phrase of that length that matched
                                     // ("Foreign Office" and "foreign office"), in insertion order
  };

  // Adds `phrase` (already tokenized) with `payload`. A word whose text starts with an
  // uppercase letter only matches capitalized tokens. Returns false for an empty phrase.
  bool Add(const std::vector<text::Token>& phrase, uint32_t payload);

  // The longest phrases starting at tokens[at], not extending past tokens[end - 1].
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
    std::vector<uint32_t> payloads;
  };
  // The phrases that start with a word, longest first.
  struct First {
    uint64_t hash = 0;  // text::NormHash(word)
    std::string word;
    std::vector<uint32_t> phrases;
  };
  bool Matches(const Phrase& p, const std::vector<text::Token>& tokens, size_t at) const;
  const First* Find(uint64_t hash, std::string_view word) const;
  First& FindOrAdd(const std::string& word);

  std::vector<Phrase> phrases_;
  std::vector<First> firsts_;
  // Open addressing over firsts_, by hash (kEmpty where free), never more than half full: a
  // token that starts no phrase, as most do, costs one probe and one comparison of hashes.
  static constexpr uint32_t kEmpty = UINT32_MAX;
  std::vector<uint32_t> table_;
};

}  // namespace dyad::actors
