// Finds dictionary phrases in token sequences: one hash lookup per token, longest match first.
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
    std::vector<bool> needs_capital;
    std::vector<uint32_t> payloads;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  bool Matches(const Phrase& p, const std::vector<text::Token>& tokens, size_t at) const;

  std::vector<Phrase> phrases_;
  // First word -> phrase indices, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_first_;
};

}  // namespace dyad::actors
