#include "actors/phrase_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/tokenizer.h"

namespace dyad::actors {
namespace {

std::vector<uint32_t> Ids(const PhraseMatcher::Match& m) {
  return {m.payloads.begin(), m.payloads.end()};
}

TEST(PhraseMatcher, FindsTheLongestPhraseAtAToken) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("foreign ministry"), 1));
  ASSERT_TRUE(m.Add(text::Tokenize("foreign"), 2));
  ASSERT_TRUE(m.Add(text::Tokenize("foreign ministry spokesman"), 3));
  EXPECT_FALSE(m.Add({}, 4));
  const std::vector<text::Token> t = text::Tokenize("the Foreign Ministry said");
  EXPECT_EQ(m.LongestAt(t, 0, t.size()).length, 0u);  // "the" starts nothing
  const PhraseMatcher::Match found = m.LongestAt(t, 1, t.size());
  EXPECT_EQ(found.length, 2u);
  EXPECT_EQ(Ids(found), std::vector<uint32_t>{1});
  // The end bound cuts phrases short.
  EXPECT_EQ(Ids(m.LongestAt(t, 1, 2)), std::vector<uint32_t>{2});
}

TEST(PhraseMatcher, ACommonFirstWordFallsBackToShorterPhrases) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("the white house"), 1));
  ASSERT_TRUE(m.Add(text::Tokenize("the kremlin"), 2));
  ASSERT_TRUE(m.Add(text::Tokenize("the white"), 3));
  ASSERT_TRUE(m.Add(text::Tokenize("the"), 4));
  ASSERT_TRUE(m.Add(text::Tokenize("the white house press office"), 5));
  const auto longest = [&](std::string_view text) {
    const std::vector<text::Token> t = text::Tokenize(text);
    const PhraseMatcher::Match found = m.LongestAt(t, 0, t.size());
    return std::make_pair(found.length, Ids(found));
  };
  EXPECT_EQ(longest("the white house said"), std::make_pair(3u, std::vector<uint32_t>{1}));
  EXPECT_EQ(longest("the white house press office"), std::make_pair(5u, std::vector<uint32_t>{5}));
  EXPECT_EQ(longest("the white car"), std::make_pair(2u, std::vector<uint32_t>{3}));
  EXPECT_EQ(longest("the kremlin"), std::make_pair(2u, std::vector<uint32_t>{2}));
  EXPECT_EQ(longest("the talks"), std::make_pair(1u, std::vector<uint32_t>{4}));
  EXPECT_EQ(longest("the"), std::make_pair(1u, std::vector<uint32_t>{4}));
}

TEST(PhraseMatcher, MergesThePayloadsOfEveryPhraseOfTheLongestLength) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("Foreign Office"), 9));  // capitals required
  ASSERT_TRUE(m.Add(text::Tokenize("foreign office"), 5));
  ASSERT_TRUE(m.Add(text::Tokenize("foreign office"), 2));  // the same phrase, another payload
  const std::vector<text::Token> capital = text::Tokenize("Foreign Office");
  EXPECT_EQ(Ids(m.LongestAt(capital, 0, capital.size())), (std::vector<uint32_t>{2, 5, 9}));
  const std::vector<text::Token> lower = text::Tokenize("foreign office");
  EXPECT_EQ(Ids(m.LongestAt(lower, 0, lower.size())), (std::vector<uint32_t>{2, 5}));
}

TEST(PhraseMatcher, AMovedMatchKeepsItsPayloads) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("Red Cross"), 7));
  ASSERT_TRUE(m.Add(text::Tokenize("red cross"), 3));
  const std::vector<text::Token> t = text::Tokenize("Red Cross");
  std::vector<PhraseMatcher::Match> kept;
  for (int i = 0; i < 20; ++i) kept.push_back(m.LongestAt(t, 0, t.size()));  // moves as it grows
  for (const PhraseMatcher::Match& k : kept) EXPECT_EQ(Ids(k), (std::vector<uint32_t>{3, 7}));
}

TEST(PhraseMatcher, DoesNotRunAcrossALineBreak) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("white house"), 1));
  const std::vector<text::Token> t = text::Tokenize("white\nhouse");
  EXPECT_EQ(m.LongestAt(t, 0, t.size()).length, 0u);
}

TEST(PhraseMatcher, AStemMatchesWhereNoPhraseMatchesExactly) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(text::Tokenize("accept"), 1, /*stem=*/true));
  ASSERT_TRUE(m.Add(text::Tokenize("accepted"), 2));
  ASSERT_TRUE(m.Add(text::Tokenize("acceptab"), 3, /*stem=*/true));
  ASSERT_TRUE(m.Add(text::Tokenize("accept"), 4, /*stem=*/true));  // the same stem
  ASSERT_TRUE(m.Add(text::Tokenize("shot and kill"), 5, /*stem=*/true));
  ASSERT_TRUE(m.Add(text::Tokenize("shot"), 6));
  const auto longest = [&](std::string_view text) {
    const std::vector<text::Token> t = text::Tokenize(text);
    const PhraseMatcher::Match found = m.LongestAt(t, 0, t.size());
    return std::make_pair(found.length, Ids(found));
  };
  const std::pair<const char*, std::pair<uint32_t, std::vector<uint32_t>>> cases[] = {
      {"acceptance", {1, {1, 4}}},  // a stem, as a prefix
      {"accept", {1, {1, 4}}},      // ... and as a whole word
      {"accepted", {1, {2}}},       // an exact phrase beats a stem
      {"acceptable", {1, {3}}},     // the longer stem wins
      {"accordance", {0, {}}},
      {"shot and killed", {3, {5}}},  // a stem ending a longer phrase beats a shorter phrase
      {"shot and wounded", {1, {6}}},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(longest(text), expected) << text;
}

std::string Numbered(uint32_t i) {
  std::string s = "w";
  s.append(std::to_string(i)).append(" x");
  return s;
}

TEST(PhraseMatcher, FindsEveryFirstWordOfThousandsOfPhrases) {
  // Enough first words to grow the table and its filter several times.
  PhraseMatcher m;
  for (uint32_t i = 0; i < 5000; ++i) ASSERT_TRUE(m.Add(text::Tokenize(Numbered(i)), i));
  for (uint32_t i = 0; i < 5000; ++i) {
    const std::vector<text::Token> t = text::Tokenize(Numbered(i));
    const PhraseMatcher::Match found = m.LongestAt(t, 0, t.size());
    ASSERT_EQ(found.length, 2u) << i;
    EXPECT_EQ(Ids(found), std::vector<uint32_t>{i});
  }
  const std::vector<text::Token> none = text::Tokenize("w5000 x");
  EXPECT_EQ(m.LongestAt(none, 0, none.size()).length, 0u);
}

}  // namespace
}  // namespace dyad::actors
