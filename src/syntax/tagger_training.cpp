#include "syntax/tagger_training.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "text/token.h"

namespace dyad::syntax {
namespace {

// The label set: (UPOS, XPOS) pairs seen at least `min_count` times and the commonest pair of
// each UPOS, in order of first appearance; every other pair maps to its UPOS's commonest.
struct LabelSet {
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  std::map<std::pair<std::string, std::string>, int> of;

  int Of(const TreebankWord& w) const {
    const auto it = of.find({w.upos, w.xpos});
    return it == of.end() ? 0 : it->second;
  }
};

LabelSet BuildLabels(const std::vector<TreebankSentence>& train, int min_count) {
  std::map<std::pair<std::string, std::string>, int> counts;
  std::vector<std::pair<std::string, std::string>> order;
  for (const TreebankSentence& s : train) {
    for (const TreebankWord& w : s.words) {
      if (counts[{w.upos, w.xpos}]++ == 0) order.emplace_back(w.upos, w.xpos);
    }
  }
  std::map<std::string, std::pair<int, size_t>> commonest;  // upos -> (count, index in order)
  for (size_t i = 0; i < order.size(); ++i) {
    auto& best = commonest[order[i].first];
    if (counts[order[i]] > best.first) best = {counts[order[i]], i};
  }
  LabelSet set;
  for (size_t i = 0; i < order.size() && set.upos.size() < 255; ++i) {
    if (counts[order[i]] < min_count && commonest[order[i].first].second != i) continue;
    set.of[order[i]] = static_cast<int>(set.upos.size());
    set.upos.push_back(order[i].first);
    set.xpos.push_back(order[i].second);
  }
  for (const auto& pair : order) {
    if (set.of.count(pair) != 0) continue;
    const auto best = set.of.find(order[commonest[pair.first].second]);
    set.of[pair] = best != set.of.end() ? best->second : 0;
  }
  return set;
}

// Forms seen at least 20 times with one label at least 99% of the time.
std::unordered_map<uint64_t, uint8_t> BuildDictionary(const std::vector<TreebankSentence>& train,
                                                      const LabelSet& labels) {
  std::map<std::string, std::map<int, int>> seen;
  for (const TreebankSentence& s : train) {
    for (const TreebankWord& w : s.words) ++seen[w.form][labels.Of(w)];
  }
  std::unordered_map<uint64_t, uint8_t> dictionary;
  for (const auto& [form, by_label] : seen) {
    int total = 0;
    std::pair<int, int> best{0, 0};  // (count, label)
    for (const auto& [label, n] : by_label) {
      total += n;
      if (n > best.first) best = {n, label};
    }
    if (total >= 20 && best.first * 100 >= total * 99) {
      dictionary.emplace(text::NormHash(form), static_cast<uint8_t>(best.second));
    }
  }
  return dictionary;
}

// Lowercased forms seen at least 3 times -> a hash of the labels they took at least 5% of
// the time.
std::unordered_map<uint64_t, uint64_t> BuildAmbiguity(const std::vector<TreebankSentence>& train,
                                                      const LabelSet& labels) {
  std::map<std::string, std::map<int, int>> seen;
  for (const TreebankSentence& s : train) {
    for (const TreebankWord& w : s.words) ++seen[FeatureLower(w.form)][labels.Of(w)];
  }
  std::unordered_map<uint64_t, uint64_t> ambiguity;
  for (const auto& [form, by_label] : seen) {
    int total = 0;
    for (const auto& [label, n] : by_label) total += n;
    if (total < 3) continue;
    uint64_t set = 0x414D4249ULL;
    for (const auto& [label, n] : by_label) {
      if (n * 20 >= total) set = Combine(set, TagValue(label));
    }
    ambiguity.emplace(text::NormHash(form), set);
  }
  return ambiguity;
}

}  // namespace

TaggingScore EvaluateTagger(const Tagger& tagger, const std::vector<TreebankSentence>& gold) {
  TaggingScore score;
  std::vector<std::string_view> words;
  std::vector<uint8_t> labels;
  for (const TreebankSentence& s : gold) {
    words.clear();
    for (const TreebankWord& w : s.words) words.push_back(w.form);
    tagger.Tag(words, &labels);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++score.words;
      if (tagger.upos(labels[i]) == s.words[i].upos) ++score.upos_correct;
      if (tagger.xpos(labels[i]) == s.words[i].xpos) ++score.xpos_correct;
    }
  }
  return score;
}

std::string TrainTagger(const std::vector<TreebankSentence>& train,
                        const std::vector<TreebankSentence>& dev, const TaggerTraining& options) {
  const LabelSet labels = BuildLabels(train, options.min_label_count);
  Tagger::Parts parts;
  parts.upos = labels.upos;
  parts.xpos = labels.xpos;
  parts.dictionary = BuildDictionary(train, labels);
  parts.ambiguity = BuildAmbiguity(train, labels);
  const int n_labels = static_cast<int>(labels.upos.size());
  PerceptronTrainer trainer(n_labels);

  // Each sentence's hashes and gold labels, computed once.
  std::vector<std::vector<WordHashes>> hashes(train.size());
  std::vector<std::vector<int>> gold(train.size());
  std::vector<std::vector<bool>> known(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> words;
    for (const TreebankWord& w : train[s].words) {
      words.push_back(w.form);
      gold[s].push_back(labels.Of(w));
    }
    hashes[s] = HashWords(words, parts.ambiguity);
    for (const WordHashes& h : hashes[s]) known[s].push_back(parts.dictionary.count(h.form) != 0);
  }

  std::vector<uint32_t> order(train.size());
  std::iota(order.begin(), order.end(), 0U);
  std::vector<uint32_t> features;
  std::vector<float> scores(static_cast<size_t>(n_labels));
  for (int pass = 1; pass <= options.iterations; ++pass) {
    DeterministicShuffle(&order, options.seed + static_cast<uint64_t>(pass));
    int64_t correct = 0;
    int64_t total = 0;
    for (uint32_t s : order) {
      int prev = -1;
      int prev2 = -1;
      for (size_t i = 0; i < hashes[s].size(); ++i) {
        int guess = 0;
        if (known[s][i]) {
          guess = parts.dictionary.at(hashes[s][i].form);
        } else {
          TaggerFeatures(hashes[s], i, prev, prev2, &features);
          std::fill(scores.begin(), scores.end(), 0.0F);
          trainer.Score(features, scores.data());
          guess = Argmax(scores.data(), n_labels);
          trainer.Update(features, gold[s][i], guess);
        }
        correct += guess == gold[s][i] ? 1 : 0;
        ++total;
        prev2 = prev;
        prev = guess;
      }
    }
    if (options.progress) {
      double dev_upos = 0.0;
      if (!dev.empty()) {
        Tagger::Parts snapshot = parts;
        snapshot.model = trainer.Average(0.0F);
        dev_upos = EvaluateTagger(Tagger(std::move(snapshot)), dev).upos();
      }
      options.progress(pass, total == 0 ? 0.0 : static_cast<double>(correct) / total, dev_upos);
    }
  }
  parts.model = trainer.Average(1e-3F);
  return WriteTaggerModel(Tagger(std::move(parts)), options.attribution);
}

}  // namespace dyad::syntax
