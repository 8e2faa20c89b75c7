// The part-of-speech tagger (docs/syntax.md, "Tagger"): a greedy left-to-right averaged
// perceptron over hashed word, affix, shape and context features, as in Honnibal's tagger,
// with a tag dictionary for frequent unambiguous words. Each label is a pair of a universal
// tag (UPOS) and an English Penn Treebank tag (XPOS): "VERB VBN" tells a participle from a
// past tense, which the event coder needs.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/model_file.h"
#include "syntax/perceptron.h"
#include "syntax/treebank.h"

namespace dyad::syntax {

// A loaded tagger. Immutable after construction: tagging is thread-safe.
class Tagger : public ModelIdentity {
 public:
  // Reads a model file's bytes (`name` for messages); check ok() before use.
  Tagger(std::string_view file, std::string_view name);

  // The tagger compiled into dyad (src/syntax/data/tagger.model), loaded on first use.
  static const Tagger& Builtin();

  int labels() const { return static_cast<int>(parts_.upos.size()); }
  const std::string& upos(int label) const { return parts_.upos[static_cast<size_t>(label)]; }
  const std::string& xpos(int label) const { return parts_.xpos[static_cast<size_t>(label)]; }

  // Tags `words` (forms as written, one per token) into `labels`.
  void Tag(std::span<const std::string_view> words, std::vector<uint8_t>* labels) const;

  // For the trainer and the model writer.
  struct Parts {
    std::vector<std::string> upos;
    std::vector<std::string> xpos;
    std::unordered_map<uint64_t, uint8_t> dictionary;  // NormHash of a form -> its one label
    // NormHash of a lowercased form -> the set of labels it took in training (a hash of
    // them): what the word can be, a feature for itself and its neighbours.
    std::unordered_map<uint64_t, uint64_t> ambiguity;
    LinearModel model;
  };
  explicit Tagger(Parts parts);
  const Parts& parts() const { return parts_; }

 private:
  Parts parts_;
};

// What the features need of each word, computed once per word.
struct WordHashes {
  uint64_t form;   // the form as written
  uint64_t lower;  // lowercased, digits as '0'
  uint64_t suffix[4];
  uint64_t prefix[3];
  uint64_t shape;      // "Xxxx", "dd.d", ...
  uint64_t ambiguity;  // the word's labels in training, 0 when unseen
  bool capitalized;
};
std::vector<WordHashes> HashWords(std::span<const std::string_view> words,
                                  const std::unordered_map<uint64_t, uint64_t>& ambiguity);
// What the word features read: lowercase ASCII, digits as '0' (years, prices and counts share
// their features).
std::string FeatureLower(std::string_view w);
// The feature value of a label (-1, before the sentence, has its own).
uint64_t TagValue(int label);
// The index of the largest of `n` scores (the first on a tie).
int Argmax(const float* scores, int n);

// Writes the feature keys of word `i`, given the labels of the two words before it (-1 before
// the first), into `out` (cleared first).
void TaggerFeatures(std::span<const WordHashes> words, size_t i, int prev, int prev2,
                    std::vector<uint32_t>* out);

// Serializes a tagger (the trainer's last step; exposed for tests).
std::string WriteTaggerModel(const Tagger& tagger, std::string_view attribution);

}  // namespace dyad::syntax
