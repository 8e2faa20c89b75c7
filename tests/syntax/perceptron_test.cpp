#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace dyad::syntax {
namespace {

int Best(const LinearModel& m, const std::vector<uint32_t>& features) {
  std::vector<float> scores(static_cast<size_t>(m.classes()), 0.0F);
  m.Score(features, scores.data());
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

TEST(PerceptronTrainer, LearnsASeparableProblemAndAveragesIt) {
  // Three classes, each signalled by its own feature; a bias feature shared by all.
  const uint32_t bias = FeatureKey(1, 0);
  const std::vector<std::vector<uint32_t>> examples = {
      {bias, FeatureKey(2, 10)}, {bias, FeatureKey(2, 11)}, {bias, FeatureKey(2, 12)}};
  PerceptronTrainer trainer(3);
  for (int pass = 0; pass < 5; ++pass) {
    for (int k = 0; k < 3; ++k) {
      std::vector<float> scores(3, 0.0F);
      trainer.Score(examples[static_cast<size_t>(k)], scores.data());
      const int guess =
          static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      trainer.Update(examples[static_cast<size_t>(k)], k, guess);
    }
  }
  const LinearModel model = trainer.Average(0.0F);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(Best(model, examples[static_cast<size_t>(k)]), k);
  EXPECT_GT(model.Weight(FeatureKey(2, 11), 1), 0.0F);
  EXPECT_EQ(Best(model, {FeatureKey(9, 99)}), 0) << "unknown features score nothing";
  // Pruning keeps only the weights at least as large as asked.
  const LinearModel pruned = trainer.Average(1e6F);
  EXPECT_EQ(pruned.weights(), 0U);
}

TEST(PerceptronTrainer, ACorrectGuessMovesNothing) {
  PerceptronTrainer trainer(2);
  trainer.Update(std::vector<uint32_t>{FeatureKey(1, 1)}, 1, 1);
  EXPECT_EQ(trainer.Average(0.0F).weights(), 0U);
}

TEST(LinearModel, FindsEveryKeyOfALargeTable) {
  std::vector<uint32_t> keys;
  for (uint32_t k = 0; k < 5000; ++k) keys.push_back(FeatureKey(3, k));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<uint32_t> offsets{0};
  std::vector<LinearModel::Entry> entries;
  for (size_t i = 0; i < keys.size(); ++i) {
    entries.push_back({static_cast<uint16_t>(i % 4), static_cast<float>(i)});
    offsets.push_back(static_cast<uint32_t>(entries.size()));
  }
  const LinearModel model(4, keys, offsets, entries);
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_EQ(model.Weight(keys[i], static_cast<int>(i % 4)), static_cast<float>(i));
  }
}

TEST(DeterministicShuffle, IsAPermutationFixedByItsSeed) {
  std::vector<uint32_t> a(100);
  std::iota(a.begin(), a.end(), 0U);
  std::vector<uint32_t> b = a;
  std::vector<uint32_t> c = a;
  DeterministicShuffle(&a, 7);
  DeterministicShuffle(&b, 7);
  DeterministicShuffle(&c, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  std::vector<uint32_t> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t i = 0; i < 100; ++i) EXPECT_EQ(sorted[i], i);
  // The first elements, pinned: a change of generator would change every shipped model.
  EXPECT_NE(a[0], 0U);
}

}  // namespace
}  // namespace dyad::syntax
