// Training the part-of-speech tagger on treebank sentences, and scoring it against them
// (docs/syntax.md, "Training and the shipped model").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "syntax/tagger.h"
#include "syntax/treebank.h"

namespace dyad::syntax {

struct TaggerTraining {
  int iterations = 10;
  uint64_t seed = 1;
  int min_label_count = 30;  // rarer (UPOS, XPOS) pairs fold into their UPOS's commonest
  std::string attribution;   // stored in the model (the treebanks' names and licences)
  // Called after each pass over the training data with its number (1-based), the accuracy
  // on the training sentences during the pass and the averaged model's on `dev`.
  std::function<void(int, double, double)> progress;
};

// Trains a tagger on `train` (deterministic: same data, options and build give the same
// bytes) and returns the model file.
std::string TrainTagger(const std::vector<TreebankSentence>& train,
                        const std::vector<TreebankSentence>& dev, const TaggerTraining& options);

struct TaggingScore {
  int64_t words = 0;
  int64_t upos_correct = 0;
  int64_t xpos_correct = 0;
  double upos() const { return words == 0 ? 0.0 : static_cast<double>(upos_correct) / words; }
  double xpos() const { return words == 0 ? 0.0 : static_cast<double>(xpos_correct) / words; }
};
// Tags the treebank's own tokens and compares with its tags.
TaggingScore EvaluateTagger(const Tagger& tagger, const std::vector<TreebankSentence>& gold);

}  // namespace dyad::syntax
