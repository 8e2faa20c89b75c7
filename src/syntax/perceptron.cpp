#include "syntax/perceptron.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

namespace dyad::syntax {
namespace {

size_t SlotsFor(size_t n) { return std::bit_ceil(std::max<size_t>(16, n * 2)); }

}  // namespace

LinearModel::LinearModel(int classes, std::vector<uint32_t> keys, std::vector<uint32_t> offsets,
                         std::vector<Entry> entries)
    : classes_(classes),
      keys_(std::move(keys)),
      offsets_(std::move(offsets)),
      entries_(std::move(entries)) {
  if (classes_ <= kInline) {
    inline_slots_.assign(SlotsFor(keys_.size()), InlineSlot{0, {0.0F, 0.0F, 0.0F}});
    const size_t mask = inline_slots_.size() - 1;
    for (size_t i = 0; i < keys_.size(); ++i) {
      size_t at = keys_[i] & mask;
      while (inline_slots_[at].key != 0) at = (at + 1) & mask;
      inline_slots_[at].key = keys_[i];
      for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
        inline_slots_[at].weight[entries_[e].klass] = entries_[e].weight;
      }
    }
    return;
  }
  slots_.assign(SlotsFor(keys_.size()), Slot{0, 0, 0});
  const size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t at = keys_[i] & mask;
    while (slots_[at].key != 0) at = (at + 1) & mask;
    slots_[at] = Slot{keys_[i], offsets_[i], offsets_[i + 1]};
  }
}

const LinearModel::Slot* LinearModel::Find(uint32_t key) const {
  if (slots_.empty() || key == 0) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t at = key & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.key == key) return &slot;
    if (slot.key == 0) return nullptr;
  }
}

void LinearModel::Score(std::span<const uint32_t> features, float* scores) const {
  if (!inline_slots_.empty()) {
    const size_t mask = inline_slots_.size() - 1;
    for (uint32_t f : features) __builtin_prefetch(&inline_slots_[f & mask]);
    for (uint32_t f : features) {
      for (size_t at = f & mask;; at = (at + 1) & mask) {
        const InlineSlot& slot = inline_slots_[at];
        if (slot.key == f) {
          for (int k = 0; k < classes_; ++k) scores[k] += slot.weight[k];
          break;
        }
        if (slot.key == 0) break;
      }
    }
    return;
  }
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  for (uint32_t f : features) __builtin_prefetch(&slots_[f & mask]);
  constexpr size_t kBatch = 128;
  const Slot* found[kBatch];
  for (size_t from = 0; from < features.size(); from += kBatch) {
    const size_t n = std::min(kBatch, features.size() - from);
    size_t hits = 0;
    for (size_t i = 0; i < n; ++i) {
      const Slot* slot = Find(features[from + i]);
      if (slot == nullptr) continue;
      __builtin_prefetch(entries_.data() + slot->begin);
      found[hits++] = slot;
    }
    for (size_t i = 0; i < hits; ++i) {
      const Entry* e = entries_.data() + found[i]->begin;
      const Entry* end = entries_.data() + found[i]->end;
      for (; e != end; ++e) scores[e->klass] += e->weight;
    }
  }
}

float LinearModel::Weight(uint32_t feature, int klass) const {
  if (!inline_slots_.empty()) {
    const size_t mask = inline_slots_.size() - 1;
    for (size_t at = feature & mask;; at = (at + 1) & mask) {
      const InlineSlot& slot = inline_slots_[at];
      if (slot.key == feature && feature != 0) return slot.weight[klass];
      if (slot.key == 0) return 0.0F;
    }
  }
  const Slot* slot = Find(feature);
  if (slot == nullptr) return 0.0F;
  for (uint32_t i = slot->begin; i < slot->end; ++i) {
    if (entries_[i].klass == klass) return entries_[i].weight;
  }
  return 0.0F;
}

int64_t PerceptronTrainer::FindRow(uint32_t key) const {
  if (table_.empty()) return -1;
  const size_t mask = table_.size() - 1;
  for (size_t at = key & mask;; at = (at + 1) & mask) {
    const uint32_t slot = table_[at];
    if (slot == 0) return -1;
    if (row_keys_[slot - 1] == key) return slot - 1;
  }
}

uint32_t PerceptronTrainer::RowFor(uint32_t key) {
  const int64_t found = FindRow(key);
  if (found >= 0) return static_cast<uint32_t>(found);
  if ((used_ + 1) * 2 > table_.size()) {  // grow, keeping the load at most one half
    table_.assign(SlotsFor(used_ + 1) * 2, 0);
    const size_t mask = table_.size() - 1;
    for (size_t i = 0; i < row_keys_.size(); ++i) {
      size_t at = row_keys_[i] & mask;
      while (table_[at] != 0) at = (at + 1) & mask;
      table_[at] = static_cast<uint32_t>(i + 1);
    }
  }
  row_keys_.push_back(key);
  rows_.emplace_back();
  const size_t mask = table_.size() - 1;
  size_t at = key & mask;
  while (table_[at] != 0) at = (at + 1) & mask;
  table_[at] = static_cast<uint32_t>(row_keys_.size());
  ++used_;
  return static_cast<uint32_t>(row_keys_.size() - 1);
}

void PerceptronTrainer::Score(std::span<const uint32_t> features, float* scores) const {
  for (uint32_t f : features) {
    const int64_t row = FindRow(f);
    if (row < 0) continue;
    for (const Cell& c : rows_[static_cast<size_t>(row)]) scores[c.klass] += c.weight;
  }
}

void PerceptronTrainer::Move(uint32_t feature, int klass, float delta) {
  std::vector<Cell>& row = rows_[RowFor(feature)];
  auto it =
      std::find_if(row.begin(), row.end(), [klass](const Cell& c) { return c.klass == klass; });
  if (it == row.end()) {
    row.push_back(Cell{static_cast<uint16_t>(klass), 0.0F, 0.0, clock_});
    it = row.end() - 1;
  }
  it->total += static_cast<double>(clock_ - it->stamp) * it->weight;
  it->stamp = clock_;
  it->weight += delta;
}

void PerceptronTrainer::Update(std::span<const uint32_t> features, int truth, int guess) {
  ++clock_;
  if (truth == guess) return;
  for (uint32_t f : features) {
    Move(f, truth, 1.0F);
    Move(f, guess, -1.0F);
  }
}

LinearModel PerceptronTrainer::Average(float min_weight) const {
  std::vector<uint32_t> order(row_keys_.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return row_keys_[a] < row_keys_[b]; });
  std::vector<uint32_t> keys;
  std::vector<uint32_t> offsets{0};
  std::vector<LinearModel::Entry> entries;
  const double clock = static_cast<double>(std::max<int64_t>(clock_, 1));
  for (uint32_t r : order) {
    std::vector<Cell> cells = rows_[r];
    std::sort(cells.begin(), cells.end(),
              [](const Cell& a, const Cell& b) { return a.klass < b.klass; });
    const size_t before = entries.size();
    for (const Cell& c : cells) {
      const double total = c.total + static_cast<double>(clock_ - c.stamp) * c.weight;
      const auto average = static_cast<float>(total / clock);
      if (std::fabs(average) >= min_weight) entries.push_back({c.klass, average});
    }
    if (entries.size() == before) continue;
    keys.push_back(row_keys_[r]);
    offsets.push_back(static_cast<uint32_t>(entries.size()));
  }
  return LinearModel(classes_, std::move(keys), std::move(offsets), std::move(entries));
}

void DeterministicShuffle(std::vector<uint32_t>* order, uint64_t seed) {
  uint64_t state = seed;
  const auto next = [&state] {  // SplitMix64
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  for (size_t i = order->size(); i > 1; --i) {
    const size_t j = next() % i;
    std::swap((*order)[i - 1], (*order)[j]);
  }
}

}  // namespace dyad::syntax
