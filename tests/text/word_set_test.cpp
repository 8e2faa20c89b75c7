#include "text/word_set.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace dyad::text {
namespace {

TEST(WordSet, HoldsExactlyItsWords) {
  const WordSet set{"the", "a", "an", "n't", "'s", "the"};  // a repeated word is one word
  for (std::string_view w : {"the", "a", "an", "n't", "'s"}) EXPECT_TRUE(set.contains(w)) << w;
  for (std::string_view w : {"", "th", "then", "The", "b", "n", "'", "s"}) {
    EXPECT_FALSE(set.contains(w)) << w;
  }
}

TEST(WordSet, FindsEveryWordOfALargerSet) {
  // Forty words in a table of 128 slots: collisions happen, and probing must get past them.
  const std::initializer_list<std::string_view> words = {
      "of",      "in",    "on",    "at",    "to",    "for",    "with",   "by",
      "from",    "about", "over",  "and",   "or",    "but",    "that",   "which",
      "who",     "as",    "than",  "into",  "after", "before", "during", "against",
      "between", "under", "while", "since", "is",    "are",    "was",    "were",
      "be",      "been",  "has",   "have",  "had",   "will",   "would",  "not"};
  const WordSet set(words);
  for (std::string_view w : words) {
    EXPECT_TRUE(set.contains(w)) << w;
    EXPECT_FALSE(set.contains(std::string(w) + "s")) << w;
  }
}

}  // namespace
}  // namespace dyad::text
