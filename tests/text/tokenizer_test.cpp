#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.norm);
  return out;
}

TEST(Tokenizer, SplitsWordsAndPunctuationWithNormalizedForms) {
  struct Case {
    std::string text;
    std::vector<std::string> norms;
  };
  const std::vector<Case> cases = {
      {"Russia’s President", {"russia", "'s", "president"}},
      {"the U.S. President-elect", {"the", "u.s.", "president", "-", "elect"}},
      {"Mr. Putin didn't agree.", {"mr.", "putin", "did", "n't", "agree", "."}},
      {"DID N'T", {"did", "n't"}},
      {"“Quoted” – dash", {"\"", "quoted", "\"", "-", "dash"}},
      {"Sauli Niinistö", {"sauli", "niinisto"}},
      {"Côte d’Ivoire", {"cote", "d'ivoire"}},
      {"1,000 troops in 2014.", {"1,000", "troops", "in", "2014", "."}},
      {"J. Smith", {"j.", "smith"}},
      {"leaders’ talks", {"leaders", "'", "talks"}},
      {"wait...", {"wait", "..."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Norms(c.text), c.norms) << c.text;
}

TEST(Tokenizer, KeepsByteOffsetsIntoTheOriginal) {
  const std::string text = "Russia’s\u00a0army";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Russia");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "’s");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "army");
  EXPECT_TRUE(tokens[2].space_before);  // a no-break space separates words
}

TEST(Tokenizer, MarksCapitalsAbbreviationsAndLineBreaks) {
  const std::vector<Token> tokens = Tokenize("Gen. smith\nNATO");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].abbreviation);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_TRUE(tokens[2].newline_before);
}

TEST(Tokenizer, SplitsNtWithItsOwnOffsetsAndFlags) {
  const std::string text = "Didn't\nN'T";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Did");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "n't");
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_FALSE(tokens[1].capitalized);
  // A lone "N'T" on a new line is the token that carries the line break.
  EXPECT_EQ(tokens[2].norm, "n't");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "N'T");
  EXPECT_TRUE(tokens[2].newline_before);
  EXPECT_TRUE(tokens[2].space_before);
  EXPECT_EQ(tokens[2].kind, TokenKind::kWord);
}

TEST(Tokenizer, FoldsWordsThatStartOrGoOnOutsideAscii) {
  EXPECT_EQ(Norms("Ångström's ÉLYSÉE"), (std::vector<std::string>{"angstrom", "'s", "elysee"}));
  EXPECT_EQ(Norms("Zelensky’s O'Brien"), (std::vector<std::string>{"zelensky", "'s", "o'brien"}));
  const std::vector<Token> tokens = Tokenize("Édouard 10:30 3.5");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_EQ(tokens[1].norm, "10:30");
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].norm, "3.5");
}

TEST(Tokenizer, WordsOfEveryLengthAroundSixteenBytesAnywhereInTheText) {
  // Words are read sixteen bytes at a time where sixteen bytes remain: try runs shorter than,
  // equal to and longer than that, with and without room after them.
  const std::string letters = "AbCdEfGhIjKlMnOpQrStUvWxYz";
  for (size_t n = 1; n <= 20; ++n) {
    const std::string word = letters.substr(0, n);
    std::string lower = word;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    for (const std::string& text :
         {word, word + "!", word + " and some more words after it", "x " + word + "-y"}) {
      const std::vector<Token> tokens = Tokenize(text);
      const size_t at = text.starts_with("x ") ? 1 : 0;
      ASSERT_GT(tokens.size(), at) << text;
      EXPECT_EQ(tokens[at].norm, lower) << text;
      EXPECT_EQ(tokens[at].end - tokens[at].begin, n) << text;
      EXPECT_TRUE(tokens[at].capitalized) << text;
    }
  }
  EXPECT_EQ(Norms("Zaporizhzhia9Nuclear Niinistö’s"),
            (std::vector<std::string>{"zaporizhzhia9nuclear", "niinisto", "'s"}));
}

TEST(Tokenizer, EveryTokenCarriesTheHashOfItsNorm) {
  for (const Token& t : Tokenize("The U.S. and Côte d’Ivoire didn't sign 1,000 “deals” ... ok?")) {
    EXPECT_EQ(t.norm_hash, NormHash(t.norm)) << t.norm;
  }
}

TEST(NormHash, TellsApartWordsOfEveryLength) {
  // Words that differ in one byte, at each position, and words that are prefixes of others,
  // across the 8-byte steps and the 4-byte halves of the tail.
  std::vector<std::string> words;
  const std::string base = "abcdefghijklmnopqrstu";
  for (size_t n = 0; n <= base.size(); ++n) {
    words.push_back(base.substr(0, n));
    for (size_t k = 0; k < n; ++k) {
      std::string w = base.substr(0, n);
      w[k] = 'z';
      words.push_back(w);
    }
  }
  std::vector<uint64_t> hashes;
  for (const std::string& w : words) {
    const uint64_t h = NormHash(w);
    EXPECT_NE(h, 0u);
    EXPECT_EQ(h, NormHash(std::string(w)));  // a function of the text alone
    hashes.push_back(h);
  }
  std::sort(hashes.begin(), hashes.end());
  EXPECT_EQ(std::adjacent_find(hashes.begin(), hashes.end()), hashes.end());
}

TEST(Tokenizer, SurvivesInvalidBytes) {
  const std::string junk = std::string("ab\xff\xfe\xc3") + "\x80\x80 cd\xe2\x82";
  const std::vector<Token> tokens = Tokenize(junk);
  ASSERT_FALSE(tokens.empty());
  for (const Token& t : tokens) {
    EXPECT_LE(t.end, junk.size());
    EXPECT_LT(t.begin, t.end);
  }
}

}  // namespace
}  // namespace dyad::text
