// The hand-made treebank of the syntax tests (tests/data/syntax/toy.conllu, dyad's own
// sentences), read once per call; a diagnostic fails the calling test.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "syntax/treebank.h"
#include "test_support.h"

namespace dyad::syntax {

inline std::vector<TreebankSentence> ToyTreebank() {
  std::vector<Diagnostic> diagnostics;
  auto sentences =
      ReadConllu(testing::ReadFile(testing::SourceDir() + "/tests/data/syntax/toy.conllu"), "toy",
                 &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return sentences;
}

}  // namespace dyad::syntax
