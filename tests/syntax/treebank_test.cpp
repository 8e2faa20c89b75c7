#include "syntax/treebank.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::syntax {
namespace {

std::string Line(const std::string& id, const std::string& form, const std::string& head,
                 const std::string& deprel = "dep") {
  return id + "\t" + form + "\t" + form + "\tNOUN\tNN\t_\t" + head + "\t" + deprel + "\t_\t_\n";
}

TEST(ReadConllu, ReadsWordsHeadsAndIds) {
  const std::string text = "# sent_id = s1\n# text = Gondor won't\n" + Line("1", "Gondor", "3") +
                           "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n" + Line("2", "wo", "3") +
                           Line("3", "n't", "0", "root") + Line("3.1", "gap", "_") + "\n" +
                           Line("1", "Rohan", "0", "root");
  std::vector<Diagnostic> diagnostics;
  const auto sentences = ReadConllu(text, "t.conllu", &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(sentences.size(), 2U);
  EXPECT_EQ(sentences[0].id, "s1");
  EXPECT_EQ(sentences[0].line, 3);           // the first word line, after the comments
  ASSERT_EQ(sentences[0].words.size(), 3U);  // the multiword token and the empty node skipped
  EXPECT_EQ(sentences[0].words[1].form, "wo");
  EXPECT_EQ(sentences[0].words[0].head, 3);
  EXPECT_EQ(sentences[0].words[2].deprel, "root");
  EXPECT_TRUE(sentences[0].IsTree());
  EXPECT_EQ(sentences[1].words[0].form, "Rohan");
}

struct BrokenCase {
  std::string name;
  std::string sentence;
  std::string message;  // a part of the diagnostic
  int64_t line;
};

TEST(ReadConllu, SkipsAMalformedSentenceAndSaysWhereAndWhat) {
  const std::vector<BrokenCase> cases = {
      {"too few fields", "1\tA\ta\tDET\n", "expected 10 tab-separated fields, found 4", 1},
      {"index out of order", Line("1", "A", "0") + Line("3", "B", "1"), "'3' is not the next", 2},
      {"head not a number", Line("1", "A", "x"), "HEAD 'x' is not a number", 1},
      {"head past the end", Line("1", "A", "0") + Line("2", "B", "7"), "HEAD 7 is past", 1},
      {"negative head", Line("1", "A", "-4"), "negative", 1},
      {"empty form", "1\t\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "empty FORM", 1},
  };
  for (const BrokenCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Diagnostic> diagnostics;
    const auto sentences =
        ReadConllu(c.sentence + "\n" + Line("1", "Fine", "0", "root"), "b.conllu", &diagnostics);
    ASSERT_EQ(diagnostics.size(), 1U);
    EXPECT_EQ(diagnostics[0].file, "b.conllu");
    EXPECT_EQ(diagnostics[0].line, c.line);
    EXPECT_NE(diagnostics[0].message.find(c.message), std::string::npos) << diagnostics[0].message;
    ASSERT_EQ(sentences.size(), 1U) << "the well-formed sentence after it is read";
    EXPECT_EQ(sentences[0].words[0].form, "Fine");
  }
}

TEST(TreebankSentence, IsTreeOnlyForOneRootAndNoCycle) {
  const auto sentence = [](const std::vector<int>& heads) {
    TreebankSentence s;
    for (int h : heads) s.words.push_back(TreebankWord{"w", "w", "X", "X", h, "dep"});
    return s;
  };
  EXPECT_TRUE(sentence({2, 0, 2}).IsTree());
  EXPECT_FALSE(sentence({0, 0}).IsTree()) << "two roots";
  EXPECT_FALSE(sentence({2, 1, 0}).IsTree()) << "a cycle between 1 and 2";
  EXPECT_FALSE(sentence({-1, 0}).IsTree()) << "a word without a head";
  EXPECT_FALSE(sentence({2, 3}).IsTree()) << "no root, a head past the end";
}

TEST(WriteConllu, WhatItWritesReadsBackAlike) {
  TreebankSentence s;
  s.id = "w1";
  s.words = {{"Mordor", "Mordor", "PROPN", "NNP", 2, "nsubj"},
             {"fell", "fall", "VERB", "VBD", 0, "root"},
             {".", "", "PUNCT", ".", -1, ""}};
  const std::string text = WriteConllu({s});
  std::vector<Diagnostic> diagnostics;
  const auto back = ReadConllu(text, "w.conllu", &diagnostics);
  ASSERT_EQ(back.size(), 1U);
  EXPECT_EQ(back[0].id, "w1");
  ASSERT_EQ(back[0].words.size(), 3U);
  EXPECT_EQ(back[0].words[1].lemma, "fall");
  EXPECT_EQ(back[0].words[1].xpos, "VBD");
  EXPECT_EQ(back[0].words[0].head, 2);
  EXPECT_EQ(back[0].words[2].head, -1);
  EXPECT_EQ(back[0].words[2].lemma, "_") << "an empty field is written as '_'";
}

}  // namespace
}  // namespace dyad::syntax
