#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/lines.h"
#include "syntax/parse_state.h"
#include "syntax/tagger_training.h"
#include "syntax/toy_treebank.h"
#include "test_support.h"

namespace dyad::syntax {
namespace {

std::vector<ParseWord> GoldTagged(const TreebankSentence& s) {
  std::vector<ParseWord> words;
  for (const TreebankWord& w : s.words) {
    words.push_back({WordHash(w.form), TagHash(w.upos, w.xpos)});
  }
  return words;
}

// Following the moves the dynamic oracle calls free rebuilds every (projective) gold tree.
TEST(ParseState, TheOraclesMovesRebuildTheGoldTree) {
  for (const TreebankSentence& s : ToyTreebank()) {
    SCOPED_TRACE(s.id);
    const std::vector<ParseWord> words = GoldTagged(s);
    std::vector<int> gold;
    for (const TreebankWord& w : s.words) {
      gold.push_back(w.head == 0 ? static_cast<int>(s.words.size()) : w.head - 1);
    }
    ParseState state(words);
    int steps = 0;
    while (!state.Terminal() && steps++ < 1000) {
      bool moved = false;
      for (Move m : {kShift, kLeft, kRight}) {
        if (state.Valid(m) && state.Cost(m, gold) == 0) {
          state.Apply(m);
          moved = true;
          break;
        }
      }
      ASSERT_TRUE(moved) << "no free move at step " << steps;
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(state.Head(static_cast<int>(i)), gold[i]) << s.words[i].form;
    }
  }
}

TEST(ParseState, MovesAreValidOnlyWhereTheyMakeSense) {
  const std::vector<ParseWord> words(2);
  ParseState state(words);
  EXPECT_TRUE(state.Valid(kShift));
  EXPECT_FALSE(state.Valid(kLeft)) << "an empty stack";
  EXPECT_FALSE(state.Valid(kRight));
  state.Apply(kShift);
  EXPECT_TRUE(state.Valid(kLeft));
  EXPECT_FALSE(state.Valid(kRight)) << "one word on the stack";
  state.Apply(kShift);
  EXPECT_FALSE(state.Valid(kShift)) << "only the root is left in the buffer";
  EXPECT_FALSE(state.Valid(kLeft)) << "the root takes one dependent, the last word left";
  EXPECT_TRUE(state.Valid(kRight));
  state.Apply(kRight);
  EXPECT_TRUE(state.Valid(kLeft));
  state.Apply(kLeft);
  EXPECT_TRUE(state.Terminal());
  EXPECT_EQ(state.Heads(), (std::vector<int>{-1, 0}));
}

TEST(TrainParser, IsDeterministicAndLearnsItsTrainingTrees) {
  const std::vector<TreebankSentence> toy = ToyTreebank();
  TaggerTraining tagging;
  tagging.iterations = 5;
  const Tagger tagger(TrainTagger(toy, {}, tagging), "toy-tagger");
  ASSERT_TRUE(tagger.ok());
  ParserTraining options;
  options.iterations = 8;
  options.folds = 2;
  options.tagger_iterations = 5;
  options.min_weight = 0.0F;  // ten sentences: every weight is small
  options.attribution = "toy parser";
  const std::string a = TrainParser(toy, {}, tagger, options);
  EXPECT_EQ(TrainParser(toy, {}, tagger, options), a) << "same data and options, same bytes";
  const Parser parser(a, "toy.model");
  ASSERT_TRUE(parser.ok()) << parser.error();
  EXPECT_EQ(parser.attribution(), "toy parser");
  const ParsingScore score = EvaluateParser(parser, tagger, toy);
  EXPECT_GT(score.uas(), 0.9);
  EXPECT_GT(score.las(), 0.6);  // trained on tags of taggers that saw five sentences each
  const Parser again(WriteParserModel(parser, "toy parser"), "again");
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(EvaluateParser(again, tagger, toy).labelled_correct, score.labelled_correct);
  // A tagger's file is not a parser.
  const Parser wrong(WriteTaggerModel(tagger, "t"), "tagger.model");
  EXPECT_NE(wrong.error().find("a tagger model where a parser model was expected"),
            std::string::npos)
      << wrong.error();
}

// Whatever the words, a parse is a tree: one root, every head a word, no cycle.
TEST(Parser, AlwaysGivesATree) {
  const Parser& parser = Parser::Builtin();
  ASSERT_TRUE(parser.ok()) << parser.error();
  Parse parse;
  for (size_t n = 1; n < 60; n += 7) {
    std::vector<ParseWord> words;
    for (size_t i = 0; i < n; ++i) words.push_back({i * 7919 + n, (i % 5) * 104729});
    parser.Run(words, &parse);
    ASSERT_EQ(parse.heads.size(), n);
    int roots = 0;
    for (size_t i = 0; i < n; ++i) {
      roots += parse.heads[i] == -1 ? 1 : 0;
      int at = static_cast<int>(i);
      size_t steps = 0;
      while (at != -1 && steps++ <= n) at = parse.heads[static_cast<size_t>(at)];
      EXPECT_EQ(at, -1) << "word " << i << " reaches the root";
    }
    EXPECT_EQ(roots, 1);
  }
}

struct TreeCase {
  std::string sentence;  // words separated by spaces
  std::string dependent;
  std::string head;  // "" for the root
  std::string relation;
};

// The built-in parser on the constructions that defeat word order (issue 13). dyad's own
// sentences, not treebank text.
TEST(Parser, BuiltinFindsTheRolesWordOrderMisses) {
  const Tagger& tagger = Tagger::Builtin();
  const Parser& parser = Parser::Builtin();
  ASSERT_TRUE(tagger.ok() && parser.ok());
  const std::vector<TreeCase> cases = {
      {"The town was shelled by rebels .", "town", "shelled", "nsubj:pass"},
      {"The town was shelled by rebels .", "rebels", "shelled", "obl:agent"},
      {"Police arrested 40 protesters in Kirkuk .", "protesters", "arrested", "obj"},
      {"Turkey , which has backed the rebels since 2011 , accused Syria of shelling the town .",
       "Turkey", "accused", "nsubj"},
      {"Turkey , which has backed the rebels since 2011 , accused Syria of shelling the town .",
       "backed", "Turkey", "acl:relcl"},
      {"The minister refused to meet the envoy .", "meet", "refused", "xcomp"},
      {"The minister refused to meet the envoy .", "refused", "", "root"},
      {"Gondor and Rohan signed a treaty .", "Rohan", "Gondor", "conj"},
  };
  for (const TreeCase& c : cases) {
    SCOPED_TRACE(c.sentence + " / " + c.dependent);
    const std::vector<std::string_view> words = core::Split(c.sentence, ' ');
    std::vector<uint8_t> labels;
    tagger.Tag(words, &labels);
    Parse parse;
    parser.Run(ParseWords(tagger, words, labels), &parse);
    size_t d = 0;
    while (d < words.size() && words[d] != c.dependent) ++d;
    ASSERT_LT(d, words.size());
    const int h = parse.heads[d];
    EXPECT_EQ(h < 0 ? std::string() : std::string(words[static_cast<size_t>(h)]), c.head);
    EXPECT_EQ(parser.relation(parse.relations[d]), c.relation);
  }
}

// docs/quality.md's numbers, as floors: the built-in models on EWT's and GUM's test files.
TEST(Parser, BuiltinMeetsItsAccuracyOnTheHeldOutTreebanks) {
  DYAD_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/reference/ud-english/";
  for (const auto& [file, uas, las] :
       {std::tuple{"en_ewt-test.conllu", 0.845, 0.815}, {"en_gum-test.conllu", 0.835, 0.80}}) {
    SCOPED_TRACE(file);
    std::vector<Diagnostic> diagnostics;
    const auto gold = ReadConllu(testing::ReadFile(dir + file), file, &diagnostics);
    const ParsingScore score = EvaluateParser(Parser::Builtin(), Tagger::Builtin(), gold);
    EXPECT_GE(score.uas(), uas);
    EXPECT_GE(score.las(), las);
  }
}

}  // namespace
}  // namespace dyad::syntax
