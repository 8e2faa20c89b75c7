#include "text/tokenizer.h"

#include <gtest/gtest.h>

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
