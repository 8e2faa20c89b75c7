// A fixed set of words (a closed word class: determiners, auxiliaries, prepositions...),
// looked up by hash rather than by comparing with each word in turn.
#pragma once

#include <algorithm>
#include <bit>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad::text {

// Immutable after construction; safe to share between threads.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : slots_(std::bit_ceil(std::max<size_t>(8, 2 * words.size()))) {
    for (std::string_view w : words) {
      if (!contains(w)) Place(w);
    }
  }

  explicit WordSet(const std::vector<std::string>& words)
      : slots_(std::bit_ceil(std::max<size_t>(8, 2 * words.size()))) {
    for (std::string_view w : words) {
      if (!contains(w)) Place(w);
    }
  }

  bool contains(std::string_view word) const {
    const uint64_t hash = NormHash(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return false;
      if (s.hash == hash && s.word == word) return true;
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 where free (NormHash is never 0)
    std::string word;
  };
  void Place(std::string_view word) {
    const uint64_t hash = NormHash(word);
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = Slot{hash, std::string(word)};
  }

  std::vector<Slot> slots_;  // open addressing, at most half full
};

}  // namespace dyad::text
