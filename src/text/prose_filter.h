// Decides which lines of an article are prose to code (docs/pipeline.md, "Text").
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/token.h"

namespace dyad::text {

// Marks sentences of lines that are not article prose as not coded: bracketed related-story
// links ("[ ... ]"), bylines ("By Jane Doe, ..."), credits and page furniture, appeals for
// donations or subscriptions (cue phrases from a data file), and short lines without final
// punctuation (names, captions, section headings) in multi-line articles. Immutable after
// construction; safe to share between threads.
class ProseFilter {
 public:
  // `cues` is the text of a cue file (src/text/data/boilerplate.txt format).
  explicit ProseFilter(std::string_view cues);

  // `headline_lines`: how many leading lines are the headline (always coded).
  void Mark(const std::vector<Token>& tokens, std::vector<Sentence>* sentences,
            uint32_t headline_lines) const;

 private:
  enum class Where { kStart, kAnywhere };
  struct Cue {
    Where where;
    std::vector<std::string> words;
    uint64_t first_hash = 0;  // NormHash(words.front()): most tokens are told apart by it
  };
  bool IsNonProse(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                  bool multi_line) const;
  static bool MatchesAt(const std::vector<Token>& tokens, uint32_t at, uint32_t last,
                        const std::vector<std::string>& words);

  std::vector<Cue> cues_;
  // Bit (first_hash % kFirstBits) of every cue found anywhere in a line: a token whose bit is
  // clear starts no such cue, so a line is scanned once, not once per cue.
  static constexpr size_t kFirstBits = 1024;
  std::bitset<kFirstBits> anywhere_first_;
};

}  // namespace dyad::text
