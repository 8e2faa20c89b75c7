#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace dyad::text {
namespace {

std::vector<std::string> Split(const std::string& text) {
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(tokens))
    out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentenceSplitter, SplitsAroundAbbreviationsCorrectly) {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"Mr. Putin met Gen. Smith on Jan. 5. They talked.",
       {"Mr. Putin met Gen. Smith on Jan. 5.", "They talked."}},
      {"He visited the U.S. The trip was short.", {"He visited the U.S.", "The trip was short."}},
      {"The U.S. Senate voted. J. R. Smith agreed.",
       {"The U.S. Senate voted.", "J. R. Smith agreed."}},
      {"He said: \"We agree.\" Then he left.", {"He said: \"We agree.\"", "Then he left."}},
      {"Is it over? No! It is not.", {"Is it over?", "No!", "It is not."}},
      {"Values rose 3.5 percent. e.g. this one.", {"Values rose 3.5 percent. e.g. this one."}},
      {"Headline without a stop\nBody sentence.", {"Headline without a stop", "Body sentence."}},
      {"Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after "
       "crowds trashed its embassy and burned the flags of\nGondor and Rohan.",
       {"Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after "
        "crowds trashed its embassy and burned the flags of\nGondor and Rohan."}},
      {"Donald Trump\nDonald Trump\n\nA paragraph.", {"Donald Trump", "Donald Trump", "A paragraph."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Split(c.text), c.sentences) << c.text;
}

TEST(SentenceSplitter, NumbersLines) {
  const std::vector<Token> tokens = Tokenize("Title\n\nFirst. Second.\nThird.");
  const std::vector<Sentence> s = SplitSentences(tokens);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].line, 0u);
  EXPECT_EQ(s[1].line, 1u);
  EXPECT_EQ(s[2].line, 1u);
  EXPECT_EQ(s[3].line, 2u);
}

}  // namespace
}  // namespace dyad::text
