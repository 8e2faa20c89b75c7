// Part-of-speech tagging and dependency parsing of English, trained by dyad's own
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

struct ParserTrainingOptions {
  std::vector<std::string> train_files;  // CoNLL-U with trees, read in order
  std::string dev_file;                  // CoNLL-U for the per-pass accuracy; may be empty
  std::string tagger_file;               // the tagger for the dev words (built-in when empty)
  int iterations = 10;
  uint64_t seed = 1;
  float min_weight = 1.0F;  // averaged weights below this are left out (0 on small treebanks)
  // Called after each pass: pass number, share of training words given their gold head
  // during the pass, and the averaged model's UAS and LAS on the dev file (0 without one).
  std::function<void(int, double, double, double)> progress;
};

// Trains a dependency parser (training words tagged by jackknifed taggers, so the parser
// learns from realistic tags) and returns its model file's bytes; deterministic, and
// throws and reports as TrainTagger.
std::string TrainParser(const ParserTrainingOptions& options, std::vector<Diagnostic>* diagnostics);

// Accuracy on a treebank's own tokens.
struct SyntaxScore {
  int64_t sentences = 0;
  int64_t words = 0;
  double upos = 0.0;                     // share of words given the treebank's universal tag
  double xpos = 0.0;                     // ... its Penn Treebank tag
  double uas = 0.0;                      // ... their gold head (tags from the tagger)
  double las = 0.0;                      // ... their gold head and relation ("nsubj:pass")
  double ulas = 0.0;                     // ... their gold head and universal relation ("nsubj")
  double tag_tokens_per_second = 0.0;    // tagging alone
  double parse_tokens_per_second = 0.0;  // tagging and parsing
};

// Tags and parses `treebank_file` with the models in `tagger_file` and `parser_file` (the
// built-in ones when empty) and scores them. A model that cannot be loaded throws
// Error(kInvalidArgument) naming the file and what is wrong with it.
SyntaxScore EvaluateSyntax(const std::string& tagger_file, const std::string& parser_file,
                           const std::string& treebank_file, std::vector<Diagnostic>* diagnostics);

// What the model at `path` (built-in when empty) is: its kind, fingerprint, attribution and
// size, for `dyad syntax info`. Throws like EvaluateSyntax. `labels` counts tags for a
// tagger, relations for a parser; `features` and `weights` add up both of a parser's models.
struct ModelInfo {
  std::string kind;
  std::string fingerprint;
  std::string attribution;
  int labels = 0;
  size_t features = 0;
  size_t weights = 0;
};
ModelInfo DescribeTagger(const std::string& path);
ModelInfo DescribeParser(const std::string& path);

// Tokenizes `text` with dyad's tokenizer and sentence splitter, tags and parses it, and
// returns CoNLL-U (ID, FORM, UPOS, XPOS, HEAD, DEPREL; the rest "_"), one block a sentence.
std::string ParseText(std::string_view text, const std::string& tagger_file,
                      const std::string& parser_file);

}  // namespace dyad
