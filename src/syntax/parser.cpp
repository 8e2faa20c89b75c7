#include "syntax/parser.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

#include "syntax/model_file.h"
#include "syntax/parse_state.h"
#include "syntax/tagger_training.h"
#include "text/token.h"

namespace dyad::syntax {
namespace {

constexpr std::string_view kKind = "parser";

// The best valid move by `scores`; with `among`, only moves it marks.
Move BestMove(const ParseState& state, const float* scores, const bool* among = nullptr) {
  Move best = kShift;
  float best_score = -std::numeric_limits<float>::infinity();
  bool found = false;
  for (int m = 0; m < kMoves; ++m) {
    const auto move = static_cast<Move>(m);
    if (!state.Valid(move) || (among != nullptr && !among[m])) continue;
    if (!found || scores[m] > best_score) {
      best = move;
      best_score = scores[m];
      found = true;
    }
  }
  return best;
}

int Argmax(const std::vector<float>& scores) {
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// The gold heads of a tree in ParseState's numbering (the root is n).
std::vector<int> GoldHeads(const TreebankSentence& s) {
  const int n = static_cast<int>(s.words.size());
  std::vector<int> gold;
  gold.reserve(s.words.size());
  for (const TreebankWord& w : s.words) gold.push_back(w.head == 0 ? n : w.head - 1);
  return gold;
}

}  // namespace

uint64_t TagHash(std::string_view upos, std::string_view xpos) {
  std::string tag(upos);
  tag.push_back(' ');
  tag.append(xpos);
  return text::NormHash(tag);
}

uint64_t WordHash(std::string_view form) { return text::NormHash(FeatureLower(form)); }

std::vector<ParseWord> ParseWords(const Tagger& tagger, std::span<const std::string_view> forms,
                                  std::span<const uint8_t> labels) {
  std::vector<ParseWord> words(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    words[i].word = WordHash(forms[i]);
    if (i < labels.size()) {
      words[i].tag = TagHash(tagger.upos(labels[i]), tagger.xpos(labels[i]));
      words[i].upos = text::NormHash(tagger.upos(labels[i]));
    }
  }
  return words;
}

Parser::Parser(Parts parts) : parts_(std::move(parts)) {}

Parser::Parser(std::string_view file, std::string_view name) {
  ModelReader in(file, kKind, name);
  const uint32_t relations = in.U32();
  if (in.ok() && (relations == 0 || relations > 255)) {
    in.Fail("damaged: " + std::to_string(relations) + " relations");
  }
  for (uint32_t k = 0; k < relations && in.ok(); ++k) parts_.relations.push_back(in.String());
  if (in.ok()) parts_.transitions = in.Model(kMoves);
  if (in.ok()) parts_.labels = in.Model(static_cast<int>(relations));
  if (!Adopt(in)) parts_ = Parts{};
}

const Parser& Parser::Builtin() {
  static const Parser kParser = [] {
    const BuiltinModelFile file = BuiltinModel(kKind);
    return Parser(file.data, file.name);
  }();
  return kParser;
}

void Parser::Run(std::span<const ParseWord> words, Parse* parse) const {
  parse->heads.assign(words.size(), -1);
  parse->relations.assign(words.size(), 0);
  if (!ok() || words.empty()) return;
  ParseState state(words);
  std::vector<uint32_t> features;
  float scores[kMoves];
  std::vector<float> label_scores(static_cast<size_t>(relations()));
  while (!state.Terminal()) {
    state.TransitionFeatures(&features);
    std::fill(scores, scores + kMoves, 0.0F);
    parts_.transitions.Score(features, scores);
    const Move move = BestMove(state, scores);
    if (move != kShift) {
      const int dependent = state.s0();
      state.RelationFeatures(state.HeadOf(move), dependent, &features);
      std::fill(label_scores.begin(), label_scores.end(), 0.0F);
      parts_.labels.Score(features, label_scores.data());
      const int label = Argmax(label_scores);
      state.SetRelation(dependent, label);
      parse->relations[static_cast<size_t>(dependent)] = static_cast<uint8_t>(label);
    }
    state.Apply(move);
  }
  parse->heads = state.Heads();
}

std::string WriteParserModel(const Parser& parser, std::string_view attribution) {
  const Parser::Parts& p = parser.parts();
  ModelWriter out(kKind, attribution);
  out.U32(static_cast<uint32_t>(p.relations.size()));
  for (const std::string& r : p.relations) out.String(r);
  out.Model(p.transitions);
  out.Model(p.labels);
  return out.Finish();
}

namespace {

std::vector<std::string_view> Forms(const TreebankSentence& s) {
  std::vector<std::string_view> forms;
  forms.reserve(s.words.size());
  for (const TreebankWord& w : s.words) forms.push_back(w.form);
  return forms;
}

std::vector<ParseWord> TaggedWords(const Tagger& tagger, const TreebankSentence& s) {
  const std::vector<std::string_view> forms = Forms(s);
  std::vector<uint8_t> labels;
  tagger.Tag(forms, &labels);
  return ParseWords(tagger, forms, labels);
}

// Each training sentence tagged by a tagger that did not see it (k-fold jackknifing), so that
// the parser learns from tags as wrong as those it will meet.
std::vector<std::vector<ParseWord>> JackknifedWords(const std::vector<TreebankSentence>& train,
                                                    const ParserTraining& options) {
  std::vector<std::vector<ParseWord>> words(train.size());
  const int folds = std::max(options.folds, 2);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<TreebankSentence> rest;
    for (size_t s = 0; s < train.size(); ++s) {
      if (static_cast<int>(s % static_cast<size_t>(folds)) != fold) rest.push_back(train[s]);
    }
    TaggerTraining tagging;
    tagging.iterations = options.tagger_iterations;
    tagging.seed = options.seed;
    const Tagger tagger(TrainTagger(rest, {}, tagging), "fold");
    for (size_t s = static_cast<size_t>(fold); s < train.size(); s += static_cast<size_t>(folds)) {
      words[s] = TaggedWords(tagger, train[s]);
    }
  }
  return words;
}

// Relation labels in order of first appearance.
std::vector<std::string> Relations(const std::vector<TreebankSentence>& train,
                                   std::map<std::string, int>* index) {
  std::vector<std::string> relations;
  for (const TreebankSentence& s : train) {
    for (const TreebankWord& w : s.words) {
      if (index->count(w.deprel) == 0 && relations.size() < 255) {
        index->emplace(w.deprel, static_cast<int>(relations.size()));
        relations.push_back(w.deprel);
      }
    }
  }
  return relations;
}

std::string_view Universal(std::string_view relation) {
  return relation.substr(0, relation.find(':'));
}

}  // namespace

ParsingScore EvaluateParser(const Parser& parser, const Tagger& tagger,
                            const std::vector<TreebankSentence>& gold) {
  ParsingScore score;
  Parse parse;
  for (const TreebankSentence& s : gold) {
    const std::vector<ParseWord> words = TaggedWords(tagger, s);
    parser.Run(words, &parse);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++score.words;
      if (parse.heads[i] + 1 != s.words[i].head) continue;
      ++score.heads_correct;
      const std::string& relation = parser.relation(parse.relations[i]);
      if (relation == s.words[i].deprel) ++score.labelled_correct;
      if (Universal(relation) == Universal(s.words[i].deprel)) ++score.universal_correct;
    }
  }
  return score;
}

std::string TrainParser(const std::vector<TreebankSentence>& all,
                        const std::vector<TreebankSentence>& dev, const Tagger& tagger,
                        const ParserTraining& options) {
  std::vector<TreebankSentence> train;
  for (const TreebankSentence& s : all) {
    if (s.IsTree()) train.push_back(s);
  }
  std::map<std::string, int> relation_index;
  Parser::Parts parts;
  parts.relations = Relations(train, &relation_index);
  const int n_relations = static_cast<int>(parts.relations.size());
  const std::vector<std::vector<ParseWord>> words = JackknifedWords(train, options);
  std::vector<std::vector<int>> gold(train.size());
  std::vector<std::vector<int>> gold_relations(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    gold[s] = GoldHeads(train[s]);
    for (const TreebankWord& w : train[s].words) {
      gold_relations[s].push_back(relation_index[w.deprel]);
    }
  }

  PerceptronTrainer transitions(kMoves);
  PerceptronTrainer labels(std::max(n_relations, 1));
  std::vector<uint32_t> order(train.size());
  std::iota(order.begin(), order.end(), 0U);
  std::vector<uint32_t> features;
  std::vector<uint32_t> label_features;
  std::vector<float> label_scores(static_cast<size_t>(std::max(n_relations, 1)));
  uint64_t coin = options.seed * 0x9E3779B97F4A7C15ULL + 1;
  for (int pass = 1; pass <= options.iterations; ++pass) {
    DeterministicShuffle(&order, options.seed + static_cast<uint64_t>(pass));
    int64_t right = 0;
    int64_t total = 0;
    for (uint32_t s : order) {
      ParseState state(words[s]);
      while (!state.Terminal()) {
        state.TransitionFeatures(&features);
        float scores[kMoves] = {0.0F, 0.0F, 0.0F};
        transitions.Score(features, scores);
        int costs[kMoves];
        int least = std::numeric_limits<int>::max();
        for (int m = 0; m < kMoves; ++m) {
          costs[m] = state.Valid(static_cast<Move>(m)) ? state.Cost(static_cast<Move>(m), gold[s])
                                                       : std::numeric_limits<int>::max();
          least = std::min(least, costs[m]);
        }
        bool zero_cost[kMoves];
        for (int m = 0; m < kMoves; ++m) zero_cost[m] = costs[m] == least;
        const Move guess = BestMove(state, scores);
        const Move best = BestMove(state, scores, zero_cost);
        transitions.Update(features, best, guess);
        // Follow the gold path in the first pass, then explore the model's own mistakes
        // nine times in ten (Goldberg and Nivre's training with exploration).
        coin = coin * 6364136223846793005ULL + 1442695040888963407ULL;
        const bool explore = pass > 1 && (coin >> 33) % 10 != 0;
        const Move move = explore ? guess : best;
        if (move != kShift) {
          const int dependent = state.s0();
          const int head = state.HeadOf(move);
          state.RelationFeatures(head, dependent, &label_features);
          std::fill(label_scores.begin(), label_scores.end(), 0.0F);
          labels.Score(label_features, label_scores.data());
          const int label = Argmax(label_scores);
          if (head == gold[s][static_cast<size_t>(dependent)]) {
            labels.Update(label_features, gold_relations[s][static_cast<size_t>(dependent)], label);
          }
          state.SetRelation(dependent, label);  // as at parse time: the relation predicted
        }
        state.Apply(move);
      }
      for (int i = 0; i < state.size(); ++i) {
        right += state.Head(i) == gold[s][static_cast<size_t>(i)] ? 1 : 0;
        ++total;
      }
    }
    if (options.progress) {
      double uas = 0.0;
      double las = 0.0;
      if (!dev.empty()) {
        Parser::Parts snapshot;
        snapshot.relations = parts.relations;
        snapshot.transitions = transitions.Average(0.0F);
        snapshot.labels = labels.Average(0.0F);
        const ParsingScore score = EvaluateParser(Parser(std::move(snapshot)), tagger, dev);
        uas = score.uas();
        las = score.las();
      }
      options.progress(pass, total == 0 ? 0.0 : static_cast<double>(right) / total, uas, las);
    }
  }
  // Weights under one (a feature that mattered in less than about one decision in the
  // training's 600,000) are dropped: a third of the model's size for a tenth of a point.
  parts.transitions = transitions.Average(options.min_weight);
  parts.labels = labels.Average(options.min_weight);
  return WriteParserModel(Parser(std::move(parts)), options.attribution);
}

}  // namespace dyad::syntax
