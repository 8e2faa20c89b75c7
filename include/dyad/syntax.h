// Part-of-speech tagging (and, next, dependency parsing) of English, trained by dyad's own
// code on the Universal Dependencies treebanks (docs/syntax.md). These functions serve
// `dyad train` and `dyad syntax`; the extractor uses the same models internally.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.h"

namespace dyad {

struct TaggerTrainingOptions {
  std::vector<std::string> train_files;  // CoNLL-U, read in order
  std::string dev_file;                  // CoNLL-U for the per-pass accuracy; may be empty
  int iterations = 10;
  uint64_t seed = 1;
  // Called after each pass: pass number, accuracy on the training words during the pass,
  // UPOS accuracy of the averaged model on the dev file (0 without one).
  std::function<void(int, double, double)> progress;
};

// Trains a tagger and returns its model file's bytes (the same bytes for the same files and
// options). Unreadable files throw Error(kIo); malformed sentences are skipped and reported in
// `diagnostics`. The attribution stored in the model names the training files.
std::string TrainTagger(const TaggerTrainingOptions& options, std::vector<Diagnostic>* diagnostics);

// Accuracy on a treebank's own tokens.
struct SyntaxScore {
  int64_t sentences = 0;
  int64_t words = 0;
  double upos = 0.0;  // share of words given the treebank's universal tag
  double xpos = 0.0;  // ... its Penn Treebank tag
  double tokens_per_second = 0.0;
};

// Tags `treebank_file` with the tagger in `tagger_file` (the built-in one when empty) and
// scores it. A model that cannot be loaded throws Error(kInvalidArgument) naming the file and
// what is wrong with it.
SyntaxScore EvaluateSyntax(const std::string& tagger_file, const std::string& treebank_file,
                           std::vector<Diagnostic>* diagnostics);

// What the model at `path` (built-in when empty) is: its kind, fingerprint, attribution and
// size, for `dyad syntax info`. Throws like EvaluateSyntax.
struct ModelInfo {
  std::string kind;
  std::string fingerprint;
  std::string attribution;
  int labels = 0;
  size_t features = 0;
  size_t weights = 0;
};
ModelInfo DescribeTagger(const std::string& path);

// Tokenizes `text` with dyad's tokenizer and sentence splitter, tags it, and returns CoNLL-U
// (ID, FORM, UPOS, XPOS; the rest "_"), one block per sentence.
std::string TagText(std::string_view text, const std::string& tagger_file);

}  // namespace dyad
