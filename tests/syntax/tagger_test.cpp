#include "syntax/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/lines.h"
#include "syntax/tagger_training.h"
#include "syntax/toy_treebank.h"
#include "test_support.h"

namespace dyad::syntax {
namespace {

std::vector<std::string> Tags(const Tagger& tagger, const std::vector<std::string_view>& words) {
  std::vector<uint8_t> labels;
  tagger.Tag(words, &labels);
  std::vector<std::string> out;
  out.reserve(labels.size());
  for (uint8_t l : labels) out.push_back(tagger.xpos(l));
  return out;
}

TEST(TrainTagger, IsDeterministicAndLearnsItsTrainingSentences) {
  const std::vector<TreebankSentence> toy = ToyTreebank();
  ASSERT_GE(toy.size(), 10U);
  TaggerTraining options;
  options.iterations = 5;
  options.attribution = "toy";
  const std::string a = TrainTagger(toy, {}, options);
  const std::string b = TrainTagger(toy, {}, options);
  EXPECT_EQ(a, b) << "same data and options, same bytes";
  options.seed = 2;
  EXPECT_NE(TrainTagger(toy, {}, options), a) << "the seed orders the training";

  const Tagger tagger(a, "toy.model");
  ASSERT_TRUE(tagger.ok()) << tagger.error();
  EXPECT_EQ(tagger.attribution(), "toy");
  const TaggingScore score = EvaluateTagger(tagger, toy);
  EXPECT_GT(score.upos(), 0.95);
  EXPECT_GT(score.words, 50);
  // Written again, the model tags the same.
  const Tagger again(WriteTaggerModel(tagger, "toy"), "again");
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(EvaluateTagger(again, toy).upos_correct, score.upos_correct);
}

TEST(Tagger, ABadModelIsNotUsable) {
  const Tagger tagger(std::string_view("not a model"), "x.model");
  EXPECT_FALSE(tagger.ok());
  EXPECT_NE(tagger.error().find("x.model: not a dyad model file"), std::string::npos);
  std::vector<uint8_t> labels;
  const std::vector<std::string_view> words = {"a", "b"};
  tagger.Tag(words, &labels);
  EXPECT_EQ(labels.size(), 2U) << "tagging with it gives labels, not a crash";
}

struct TagCase {
  std::string sentence;  // words separated by spaces
  size_t word;           // the word to check
  std::string xpos;
};

// The built-in tagger on the constructions the event coder leans on. These are dyad's own
// sentences, not treebank text.
TEST(Tagger, BuiltinTellsTheConstructionsOfNewsApart) {
  const Tagger& tagger = Tagger::Builtin();
  ASSERT_TRUE(tagger.ok()) << tagger.error();
  const std::vector<TagCase> cases = {
      {"Rebels shelled the town .", 1, "VBD"},
      {"The town was shelled by rebels .", 3, "VBN"},
      {"Troops have seized the airport .", 2, "VBN"},
      {"Police arrested 40 protesters in Kirkuk .", 1, "VBD"},
      {"Protesters arrested by police were released .", 1, "VBN"},
      {"The minister refused to meet the envoy .", 4, "VB"},
      {"The minister 's visit ended talks .", 3, "NN"},
      {"Gondor will visit Rohan .", 2, "VB"},
      {"He accused them of attacking the border .", 4, "VBG"},
      {"The attack killed three soldiers .", 1, "NN"},
      {"Mordor attacks Gondor .", 1, "VBZ"},
      {"The army 's attacks on villages continued .", 3, "NNS"},
      {"Talks between the two sides resumed .", 0, "NNS"},
      {"NATO warned Russia .", 0, "NNP"},
  };
  for (const TagCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::vector<std::string_view> words = core::Split(c.sentence, ' ');
    const std::vector<std::string> tags = Tags(tagger, words);
    ASSERT_LT(c.word, tags.size());
    EXPECT_EQ(tags[c.word], c.xpos) << words[c.word];
  }
}

// The numbers of docs/quality.md, as a floor: the built-in tagger on the treebanks' test files,
// which training never reads.
TEST(Tagger, BuiltinMeetsItsAccuracyOnTheHeldOutTreebanks) {
  DYAD_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/reference/ud-english/";
  const Tagger& tagger = Tagger::Builtin();
  ASSERT_TRUE(tagger.ok()) << tagger.error();
  for (const auto& [file, floor] :
       {std::pair{"en_ewt-test.conllu", 0.95}, {"en_gum-test.conllu", 0.955}}) {
    SCOPED_TRACE(file);
    std::vector<Diagnostic> diagnostics;
    const auto gold = ReadConllu(testing::ReadFile(dir + file), file, &diagnostics);
    ASSERT_GT(gold.size(), 500U);
    EXPECT_GE(EvaluateTagger(tagger, gold).upos(), floor);
  }
}

}  // namespace
}  // namespace dyad::syntax
