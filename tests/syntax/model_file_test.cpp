#include "syntax/model_file.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::syntax {
namespace {

std::string SmallModel() {
  ModelWriter out("tagger", "test attribution");
  out.U8(7);
  out.U16(300);
  out.U32(70000);
  out.U64(1ULL << 40);
  out.F32(2.5F);
  out.String("hello");
  out.Model(LinearModel(3, {5, 9}, {0, 2, 3}, {{0, 1.0F}, {2, -0.5F}, {1, 0.25F}}));
  return out.Finish();
}

TEST(ModelFile, WhatIsWrittenReadsBack) {
  const std::string file = SmallModel();  // the reader reads it in place
  ModelReader in(file, "tagger", "m.model");
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in.attribution(), "test attribution");
  EXPECT_EQ(in.fingerprint().size(), 16U);
  EXPECT_EQ(in.U8(), 7);
  EXPECT_EQ(in.U16(), 300);
  EXPECT_EQ(in.U32(), 70000U);
  EXPECT_EQ(in.U64(), 1ULL << 40);
  EXPECT_EQ(in.F32(), 2.5F);
  EXPECT_EQ(in.String(), "hello");
  const LinearModel m = in.Model(3);
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_TRUE(in.AtEnd());
  EXPECT_EQ(m.features(), 2U);
  EXPECT_NEAR(m.Weight(5, 0), 1.0F, 1e-4);
  EXPECT_NEAR(m.Weight(5, 2), -0.5F, 1e-4);
  EXPECT_NEAR(m.Weight(9, 1), 0.25F, 1e-4);
  EXPECT_EQ(m.Weight(9, 0), 0.0F);
  EXPECT_EQ(m.Weight(6, 0), 0.0F) << "an unknown feature weighs nothing";
}

TEST(ModelFile, TheFingerprintFollowsTheContent) {
  ModelWriter other("tagger", "another attribution");
  const std::string a = SmallModel();
  const std::string b = other.Finish();
  EXPECT_EQ(ModelReader(a, "tagger", "a").fingerprint(),
            ModelReader(a, "tagger", "a").fingerprint());
  EXPECT_NE(ModelReader(a, "tagger", "a").fingerprint(),
            ModelReader(b, "tagger", "b").fingerprint());
}

struct Damage {
  std::string name;
  std::string file;
  std::string message;
};

TEST(ModelFile, RefusesADamagedOrForeignFileSayingWhy) {
  const std::string good = SmallModel();
  std::string newer = good;
  newer[8] = 2;  // the format version
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x10;
  const std::vector<Damage> cases = {
      {"empty", "", "not a dyad model file"},
      {"text", "# just a dictionary\n", "not a dyad model file"},
      {"newer version", newer, "model format version 2, but this dyad reads version 1"},
      {"truncated", good.substr(0, good.size() - 5), "truncated"},
      {"appended", good + "x", "appended"},
      {"a flipped bit", flipped, "checksum does not match"},
  };
  for (const Damage& d : cases) {
    SCOPED_TRACE(d.name);
    const ModelReader in(d.file, "tagger", "bad.model");
    EXPECT_FALSE(in.ok());
    EXPECT_NE(in.error().find("bad.model: "), std::string::npos) << in.error();
    EXPECT_NE(in.error().find(d.message), std::string::npos) << in.error();
  }
  const ModelReader parser(good, "parser", "p.model");
  EXPECT_NE(parser.error().find("a tagger model where a parser model was expected"),
            std::string::npos)
      << parser.error();
}

TEST(ModelFile, ReadingPastTheEndFailsOnceAndReturnsZeros) {
  ModelWriter out("tagger", "");
  out.U16(5);
  const std::string file = out.Finish();
  ModelReader in(file, "tagger", "short.model");
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in.U16(), 5);
  EXPECT_EQ(in.U64(), 0U);
  EXPECT_EQ(in.String(), "");
  EXPECT_FALSE(in.ok());
  EXPECT_NE(in.error().find("ends early"), std::string::npos);
}

TEST(ModelFile, RefusesAWeightTableThatDoesNotHoldTogether) {
  // Classes that do not match the labels.
  {
    ModelWriter out("tagger", "");
    out.Model(LinearModel(3, {1}, {0, 1}, {{2, 1.0F}}));
    const std::string file = out.Finish();
    ModelReader in(file, "tagger", "m");
    in.Model(2);
    EXPECT_NE(in.error().find("weights for 3 classes"), std::string::npos) << in.error();
  }
  // A count larger than the file: refused before allocating.
  {
    ModelWriter out("tagger", "");
    out.U32(3);
    out.U32(1U << 30);
    out.U32(1U << 30);
    out.F32(1.0F);
    const std::string file = out.Finish();
    ModelReader in(file, "tagger", "m");
    in.Model(3);
    EXPECT_NE(in.error().find("impossible"), std::string::npos) << in.error();
  }
}

}  // namespace
}  // namespace dyad::syntax
