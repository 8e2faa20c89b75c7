// `dyad train tagger|parser` and `dyad syntax eval|parse|info`, run as a user runs them.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace dyad::testing {
namespace {

std::string Toy() { return SourceDir() + "/tests/data/syntax/toy.conllu"; }

TEST(SyntaxCommand, TrainsAModelThatEvalAndInfoRead) {
  TempDir dir;
  const std::string model = dir.Path("toy.model");
  const ProcessResult train = RunDyad(
      {"train", "tagger", "--train", Toy(), "--dev", Toy(), "--iterations", "4", "-o", model});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  EXPECT_NE(train.err.find("pass 4: training accuracy"), std::string::npos) << train.err;
  EXPECT_NE(train.err.find("dev UPOS"), std::string::npos) << train.err;

  RunOptions out;
  out.out = dir.Path("eval.tsv");
  ASSERT_EQ(RunDyad({"syntax", "eval", "--tagger", model, Toy()}, out).exit_code, 0);
  const std::string eval = ReadFile(out.out);
  EXPECT_NE(eval.find("sentences\t10\n"), std::string::npos) << eval;
  EXPECT_NE(eval.find("upos\t1.0000\n"), std::string::npos)
      << "it learnt its training data: " << eval;

  out.out = dir.Path("info.tsv");
  ASSERT_EQ(RunDyad({"syntax", "info", "--tagger", model}, out).exit_code, 0);
  const std::string info = ReadFile(out.out);
  EXPECT_NE(info.find("kind\ttagger\n"), std::string::npos) << info;
  EXPECT_NE(info.find("toy.conllu"), std::string::npos) << "the attribution names the data";
}

TEST(SyntaxCommand, ParseWritesConlluOfPlainText) {
  TempDir dir;
  RunOptions run;
  run.in = dir.Write("in.txt", "Rebels shelled the town. The town was shelled.\n");
  run.out = dir.Path("out.conllu");
  ASSERT_EQ(RunDyad({"syntax", "parse", "-"}, run).exit_code, 0);
  const std::string conllu = ReadFile(run.out);
  EXPECT_NE(conllu.find("1\tRebels\t_\tNOUN\tNNS\t_\t2\tnsubj\t"), std::string::npos) << conllu;
  EXPECT_NE(conllu.find("2\tshelled\t_\tVERB\tVBD\t_\t0\troot\t"), std::string::npos) << conllu;
  EXPECT_NE(conllu.find("4\tshelled\t_\tVERB\tVBN\t_\t0\troot\t"), std::string::npos) << conllu;
  EXPECT_NE(conllu.find("2\ttown\t_\tNOUN\tNN\t_\t4\tnsubj:pass\t"), std::string::npos) << conllu;
  EXPECT_NE(conllu.find("\n\n1\tThe\t"), std::string::npos) << "one block per sentence";
}

TEST(SyntaxCommand, ExplainShowsTheTreeOfSentencesThatCanHoldAnEvent) {
  TempDir dir;
  RunOptions run;
  run.in = dir.Write("in.jsonl",
                     "{\"id\":\"x\",\"date\":\"2024-05-01\",\"title\":\"\",\"text\":\"Police "
                     "arrested 40 protesters in Kenya on Monday. Nothing happened.\"}\n");
  run.out = dir.Path("explain.txt");
  ASSERT_EQ(RunDyad({"extract", "--format", "explain", "-"}, run).exit_code, 0);
  const std::string explain = ReadFile(run.out);
  EXPECT_NE(explain.find("  tree   Police/NNS>arrested:nsubj arrested/VBD>ROOT:root"),
            std::string::npos)
      << explain;
  EXPECT_NE(explain.find("protesters/NNS>arrested:obj"), std::string::npos) << explain;
  EXPECT_EQ(explain.find("Nothing/"), std::string::npos)
      << "a sentence without actor or lexicon word is not parsed: " << explain;
}

TEST(SyntaxCommand, TrainsAParserOnATreebank) {
  TempDir dir;
  const std::string model = dir.Path("parser.model");
  const ProcessResult train = RunDyad(
      {"train", "parser", "--train", Toy(), "--dev", Toy(), "--iterations", "3", "-o", model});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  EXPECT_NE(train.err.find("pass 3: training heads"), std::string::npos) << train.err;
  EXPECT_NE(train.err.find("dev UAS"), std::string::npos) << train.err;
  RunOptions out;
  out.out = dir.Path("info.tsv");
  ASSERT_EQ(RunDyad({"syntax", "info", "--parser", model}, out).exit_code, 0);
  EXPECT_NE(ReadFile(out.out).find("kind\tparser\n"), std::string::npos);
  // A parser where a tagger is expected is refused, naming both.
  const ProcessResult wrong = RunDyad({"syntax", "info", "--tagger", model});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("a parser model where a tagger model was expected"), std::string::npos)
      << wrong.err;
}

TEST(SyntaxCommand, ADamagedOrMissingModelIsAUsageErrorNamingTheFile) {
  TempDir dir;
  const std::string bad = dir.Write("bad.model", "DYADMODL but then nothing of use");
  const ProcessResult damaged = RunDyad({"syntax", "info", "--tagger", bad});
  EXPECT_EQ(damaged.exit_code, 2);
  EXPECT_NE(damaged.err.find(bad + ": "), std::string::npos) << damaged.err;
  const ProcessResult missing =
      RunDyad({"syntax", "eval", "--tagger", dir.Path("none.model"), Toy()});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
}

TEST(SyntaxCommand, MalformedTreebankSentencesAreReportedAndTheRestScored) {
  TempDir dir;
  const std::string treebank =
      dir.Write("tb.conllu",
                "1\tRebels\t_\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n1\tbroken line\n\n"
                "1\tTroops\t_\tNOUN\tNNS\t_\t0\troot\t_\t_\n");
  RunOptions out;
  out.out = dir.Path("eval.tsv");
  const ProcessResult r = RunDyad({"syntax", "eval", treebank}, out);
  EXPECT_EQ(r.exit_code, 1) << "input was skipped";
  EXPECT_NE(r.err.find("tb.conllu line 3: expected 10 tab-separated fields"), std::string::npos)
      << r.err;
  EXPECT_NE(ReadFile(out.out).find("sentences\t2\n"), std::string::npos);
}

}  // namespace
}  // namespace dyad::testing
