// The dependency parser (docs/syntax.md, "Parser"): greedy arc-hybrid transitions (Kuhlmann et
// al. 2011) scored by an averaged perceptron over hashed features of the stack, the buffer and
// the children found so far, trained with a dynamic oracle (Goldberg and Nivre 2013), as in
// Honnibal's "Parsing English in 500 lines". Transitions are scored unlabelled; an arc's
// relation is chosen by a second model only when the arc is made, when the dependent is
// complete (arc-hybrid attaches a word after all its own dependents).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/model_file.h"
#include "syntax/perceptron.h"
#include "syntax/tagger.h"
#include "syntax/treebank.h"

namespace dyad::syntax {

// What the parser reads of each word: its lowercased form, its tag and its universal tag
// alone (coarser, for contexts too rare for the fine tags), hashed.
struct ParseWord {
  uint64_t word = 0;
  uint64_t tag = 0;
  uint64_t upos = 0;
};
// The tag value of a (UPOS, XPOS) pair, as parser features use it.
uint64_t TagHash(std::string_view upos, std::string_view xpos);
// The word value of a form.
uint64_t WordHash(std::string_view form);

// A parse: for word i, heads[i] is its head's index (0-based) or -1 for the root, and
// relations[i] the index of its relation in Parser::relation().
struct Parse {
  std::vector<int> heads;
  std::vector<uint8_t> relations;
};

// A loaded parser. Immutable after construction: parsing is thread-safe.
class Parser : public ModelIdentity {
 public:
  // Reads a model file's bytes (`name` for messages); check ok() before use.
  Parser(std::string_view file, std::string_view name);

  // The parser compiled into dyad (src/syntax/data/parser.model), loaded on first use.
  static const Parser& Builtin();

  int relations() const { return static_cast<int>(parts_.relations.size()); }
  const std::string& relation(int k) const { return parts_.relations[static_cast<size_t>(k)]; }

  // Parses one sentence; a single word is the root. Always a tree: one root, no cycle.
  void Run(std::span<const ParseWord> words, Parse* parse) const;

  struct Parts {
    std::vector<std::string> relations;
    LinearModel transitions;  // 3 classes: shift, left, right
    LinearModel labels;       // relations() classes
  };
  explicit Parser(Parts parts);
  const Parts& parts() const { return parts_; }

 private:
  Parts parts_;
};

struct ParserTraining {
  int iterations = 10;
  uint64_t seed = 1;
  int folds = 4;  // the training words are tagged by taggers trained on the other folds
  int tagger_iterations = 8;
  float min_weight = 1.0F;  // averaged weights smaller than this are left out of the model
  std::string attribution;
  // After each pass: pass number, share of words given their gold head during the pass, and
  // the averaged model's unlabelled and labelled attachment on `dev`.
  std::function<void(int, double, double, double)> progress;
};

// Trains a parser on the trees of `train` (sentences that are not trees are left out) with
// tags from `tagger` on `dev`, and jackknifed tags on `train`; returns the model file.
std::string TrainParser(const std::vector<TreebankSentence>& train,
                        const std::vector<TreebankSentence>& dev, const Tagger& tagger,
                        const ParserTraining& options);

std::string WriteParserModel(const Parser& parser, std::string_view attribution);

struct ParsingScore {
  int64_t words = 0;
  int64_t heads_correct = 0;
  int64_t labelled_correct = 0;   // head and full relation ("nsubj:pass")
  int64_t universal_correct = 0;  // head and relation without subtype ("nsubj")
  double uas() const { return words == 0 ? 0.0 : static_cast<double>(heads_correct) / words; }
  double las() const { return words == 0 ? 0.0 : static_cast<double>(labelled_correct) / words; }
  double ulas() const { return words == 0 ? 0.0 : static_cast<double>(universal_correct) / words; }
};
// Tags the treebank's tokens with `tagger`, parses them, and compares with its trees (every
// word counts, punctuation included, as in the CoNLL 2018 shared task).
ParsingScore EvaluateParser(const Parser& parser, const Tagger& tagger,
                            const std::vector<TreebankSentence>& gold);

// The parse words of a sentence given its forms and its tagger labels.
std::vector<ParseWord> ParseWords(const Tagger& tagger, std::span<const std::string_view> forms,
                                  std::span<const uint8_t> labels);

}  // namespace dyad::syntax
