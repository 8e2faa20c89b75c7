// The linear model under the tagger and the parser: an averaged perceptron over hashed
// features (docs/syntax.md). A feature is a 32-bit key (FeatureKey); each feature holds a
// short row of (class, weight) pairs for the classes it was ever updated for, so scoring a
// decision adds a few numbers per feature whatever the number of classes.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::syntax {

// The key of feature `template_id` with value `value` (a NormHash or a combination of them):
// the same on every platform, so a model trained on one machine scores alike on another.
// Keys are 32 bits, as in the hashing trick: the rare collision of two features costs less
// than the memory and model size of wider keys.
inline uint32_t FeatureKey(uint32_t template_id, uint64_t value) {
  uint64_t x = value ^ (uint64_t{template_id} * 0x9E3779B97F4A7C15ULL);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 32;
  const auto key = static_cast<uint32_t>(x);
  return key == 0 ? 1 : key;
}

// Combines two feature values into one (a feature of two words, or a word and a tag).
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return a * 0x9E3779B97F4A7C15ULL + (b ^ (b >> 29)) + 0x632BE59BD9B4E019ULL;
}

// A trained model, read-only: feature rows in one contiguous array, found through an
// open-addressing table built at load. Thread-safe to score from many threads.
class LinearModel {
 public:
  struct Entry {
    uint16_t klass;
    float weight;
  };

  LinearModel() = default;
  // `keys` sorted and distinct; row i is entries[offsets[i], offsets[i + 1]).
  LinearModel(int classes, std::vector<uint32_t> keys, std::vector<uint32_t> offsets,
              std::vector<Entry> entries);

  int classes() const { return classes_; }
  size_t features() const { return keys_.size(); }
  size_t weights() const { return entries_.size(); }
  const std::vector<uint32_t>& keys() const { return keys_; }
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::vector<Entry>& entries() const { return entries_; }

  // Adds the weights of `features` to `scores` (classes() numbers); unknown keys add nothing.
  // The table lookups of all features are started before any is used (prefetched), so that
  // their cache misses overlap: a parse reads some 100 features a word from tables of MBs.
  void Score(std::span<const uint32_t> features, float* scores) const;
  // The weight of (feature, class), 0 when absent.
  float Weight(uint32_t feature, int klass) const;

 private:
  // An open-addressing slot: the key (0 for empty) and its row, in one cache line's reach.
  struct Slot {
    uint32_t key;
    uint32_t begin;
    uint32_t end;
  };
  const Slot* Find(uint32_t key) const;
  // Models of at most kInline classes (the parser's transitions) keep each row in its slot:
  // one memory access a feature.
  static constexpr int kInline = 3;
  struct InlineSlot {
    uint32_t key;
    float weight[kInline];
  };

  int classes_ = 0;
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> offsets_;
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;               // size a power of two, at most half full
  std::vector<InlineSlot> inline_slots_;  // instead of slots_, for kInline classes or fewer
};

// Learns a LinearModel by the averaged perceptron: on a wrong guess the truth's weights of
// the decision's features go up by one and the guess's down by one; the model kept is the
// average of the weights over every decision seen (lazily, by timestamps).
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes) : classes_(classes) {}

  int classes() const { return classes_; }
  // Adds the current (not averaged) weights of `features` to `scores`.
  void Score(std::span<const uint32_t> features, float* scores) const;
  // One decision seen: when `guess` != `truth`, moves the weights; the clock ticks either way.
  void Update(std::span<const uint32_t> features, int truth, int guess);
  // The averaged model, keeping weights whose magnitude is at least `min_weight`.
  LinearModel Average(float min_weight) const;

 private:
  struct Cell {
    uint16_t klass;
    float weight;
    double total;
    int64_t stamp;
  };
  void Move(uint32_t feature, int klass, float delta);

  int classes_;
  int64_t clock_ = 0;
  std::vector<std::vector<Cell>> rows_;
  std::vector<uint32_t> row_keys_;
  std::vector<uint32_t> table_;  // open addressing: row index + 1
  size_t used_ = 0;
  int64_t FindRow(uint32_t key) const;
  uint32_t RowFor(uint32_t key);
};

// Deterministic across platforms: a Fisher-Yates shuffle driven by a 64-bit SplitMix
// generator (std::shuffle's result differs between standard libraries).
void DeterministicShuffle(std::vector<uint32_t>* order, uint64_t seed);

}  // namespace dyad::syntax
