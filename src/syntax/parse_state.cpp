#include "syntax/parse_state.h"

#include <algorithm>

namespace dyad::syntax {
namespace {

constexpr uint64_t kNone = 0x4E4F4E45ULL;  // a position with no word
constexpr uint64_t kRoot = 0x524F4F54ULL;  // the root's word and tag

uint64_t Mix(uint64_t a, uint64_t b) { return Combine(a, b); }
uint64_t Mix(uint64_t a, uint64_t b, uint64_t c) { return Combine(Combine(a, b), c); }
uint64_t Mix(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return Combine(Combine(Combine(a, b), c), d);
}

}  // namespace

ParseState::ParseState(std::span<const ParseWord> words)
    : words_(words),
      n_(static_cast<int>(words.size())),
      heads_(words.size(), -1),
      relations_(words.size(), -1),
      children_(words.size() + 1) {
  stack_.reserve(words.size());
}

bool ParseState::Valid(Move m) const {
  switch (m) {
    case kShift:
      return next_ < n_;
    case kLeft:  // onto the root only as the last move
      return !stack_.empty() && (next_ < n_ || stack_.size() == 1);
    case kRight:
      return stack_.size() >= 2;
  }
  return false;
}

int ParseState::HeadOf(Move m) const {
  if (m == kLeft) return next_;
  if (m == kRight) return Stack(1);
  return -1;
}

void ParseState::Attach(int head, int dependent) {
  heads_[static_cast<size_t>(dependent)] = head;
  Children& c = children_[static_cast<size_t>(head)];
  const int relation = relations_[static_cast<size_t>(dependent)];
  const uint64_t bit = relation < 0 ? 0 : uint64_t{1} << (relation % 64);
  if (dependent < head) {  // left children arrive right to left
    c.left[1] = c.left[0];
    c.left[0] = dependent;
    ++c.lefts;
    c.left_relations |= bit;
  } else {  // right children arrive left to right
    c.right[1] = c.right[0];
    c.right[0] = dependent;
    ++c.rights;
    c.right_relations |= bit;
  }
}

int ParseState::Apply(Move m) {
  if (m == kShift) {
    stack_.push_back(next_++);
    return -1;
  }
  const int dependent = stack_.back();
  const int head = HeadOf(m);
  stack_.pop_back();
  Attach(head, dependent);
  return dependent;
}

int ParseState::Cost(Move m, std::span<const int> gold) const {
  const auto dependents_in_buffer = [&](int w) {
    int lost = 0;
    for (int d = next_; d < n_; ++d) lost += gold[static_cast<size_t>(d)] == w ? 1 : 0;
    return lost;
  };
  const auto in_buffer = [&](int w) { return w >= next_; };  // the root included
  if (m == kShift) {
    const int b = next_;
    int lost = 0;
    for (size_t k = 0; k < stack_.size(); ++k) {
      const int w = stack_[k];
      if (gold[static_cast<size_t>(w)] == b) ++lost;  // w could only get b by a left arc
      if (gold[static_cast<size_t>(b)] == w && k + 1 != stack_.size()) ++lost;
    }
    return lost;
  }
  const int s = stack_.back();
  const int g = gold[static_cast<size_t>(s)];
  int lost = dependents_in_buffer(s);
  if (m == kLeft) {
    if (g != next_ && (g == Stack(1) || (in_buffer(g) && g != next_))) ++lost;
  } else if (g != Stack(1) && in_buffer(g)) {
    ++lost;
  }
  return lost;
}

std::vector<int> ParseState::Heads() const {
  std::vector<int> out(heads_);
  for (int& h : out) {
    if (h == n_) h = -1;
  }
  return out;
}

uint64_t ParseState::W(int i) const {
  if (i < 0) return kNone;
  return i == n_ ? kRoot : words_[static_cast<size_t>(i)].word;
}
uint64_t ParseState::T(int i) const {
  if (i < 0) return kNone;
  return i == n_ ? kRoot : words_[static_cast<size_t>(i)].tag;
}
uint64_t ParseState::U(int i) const {
  if (i < 0) return kNone;
  return i == n_ ? kRoot : words_[static_cast<size_t>(i)].upos;
}
uint64_t ParseState::L(int i) const {
  if (i < 0 || i == n_) return kNone;
  return static_cast<uint64_t>(relations_[static_cast<size_t>(i)]) + 2;  // -1 (none yet) -> 1
}

void ParseState::TransitionFeatures(std::vector<uint32_t>* out) const {
  out->clear();
  const int s0 = Stack(0);
  const int s1 = Stack(1);
  const int s2 = Stack(2);
  const int n0 = Buffer(0);
  const int n1 = Buffer(1);
  const int n2 = Buffer(2);
  const Children none;
  const Children& c0 = s0 >= 0 ? children_[static_cast<size_t>(s0)] : none;
  const Children& c1 = s1 >= 0 ? children_[static_cast<size_t>(s1)] : none;
  const Children& cn = n0 >= 0 ? children_[static_cast<size_t>(n0)] : none;
  const int s0l1 = c0.left[0], s0l2 = c0.left[1], s0r1 = c0.right[0], s0r2 = c0.right[1];
  const int n0l1 = cn.left[0], n0l2 = cn.left[1], s1r1 = c1.right[0];

  const uint64_t ws0 = W(s0), ts0 = T(s0), wn0 = W(n0), tn0 = T(n0);
  const uint64_t ws1 = W(s1), ts1 = T(s1), wn1 = W(n1), tn1 = T(n1);
  const uint64_t tn2 = T(n2), ts2 = T(s2);
  const uint64_t ts0l1 = T(s0l1), ts0l2 = T(s0l2), ts0r1 = T(s0r1), ts0r2 = T(s0r2);
  const uint64_t tn0l1 = T(n0l1), tn0l2 = T(n0l2), ts1r1 = T(s1r1);
  const uint64_t dist = s0 >= 0 && n0 >= 0 ? static_cast<uint64_t>(std::min(n0 - s0, 6)) : 0;

  uint32_t t = 0;
  const auto add = [&](uint64_t v) { out->push_back(FeatureKey(++t, v)); };
  add(0);
  // Single positions.
  add(ws0), add(ts0), add(Mix(ws0, ts0));
  add(ws1), add(ts1), add(Mix(ws1, ts1));
  add(ts2);
  add(wn0), add(tn0), add(Mix(wn0, tn0));
  add(wn1), add(tn1), add(Mix(wn1, tn1));
  add(W(n2)), add(tn2);
  add(ts0l1), add(W(s0l1)), add(ts0r1), add(W(s0r1)), add(tn0l1), add(W(n0l1));
  add(ts0l2), add(ts0r2), add(tn0l2);
  // Pairs of the top of the stack and the front of the buffer.
  add(Mix(ws0, ts0, wn0, tn0)), add(Mix(ws0, ts0, wn0)), add(Mix(ws0, wn0, tn0));
  add(Mix(ws0, ts0, tn0)), add(Mix(ts0, wn0, tn0)), add(Mix(ws0, wn0)), add(Mix(ts0, tn0));
  add(Mix(tn0, tn1)), add(Mix(ws1, ws0)), add(Mix(ts1, ts0)), add(Mix(ws1, ts0)),
      add(Mix(ts1, ws0));
  // Triples of tags.
  add(Mix(tn0, tn1, tn2)), add(Mix(ts0, tn0, tn1)), add(Mix(ts1, ts0, tn0)),
      add(Mix(ts2, ts1, ts0));
  add(Mix(ts0, ts0l1, tn0)), add(Mix(ts0, ts0r1, tn0)), add(Mix(ts0, tn0, tn0l1));
  add(Mix(ts0, ts0l1, ts0l2)), add(Mix(ts0, ts0r1, ts0r2)), add(Mix(tn0, tn0l1, tn0l2));
  add(Mix(ts1, ts1r1, ts0));
  // Distance and valency.
  add(Mix(dist, ws0)), add(Mix(dist, ts0)), add(Mix(dist, wn0)), add(Mix(dist, tn0));
  add(Mix(dist, ts0, tn0));
  const auto v = [](int k) { return static_cast<uint64_t>(std::min(k, 4)); };
  add(Mix(ws0, v(c0.lefts))), add(Mix(ws0, v(c0.rights))), add(Mix(wn0, v(cn.lefts)));
  add(Mix(ts0, v(c0.lefts))), add(Mix(ts0, v(c0.rights))), add(Mix(tn0, v(cn.lefts)));
  // Relations of the children found so far.
  add(Mix(ts0, L(s0l1))), add(Mix(ts0, L(s0r1))), add(Mix(tn0, L(n0l1)));
  add(Mix(ts0, L(s0l1), L(s0l2))), add(Mix(ts0, L(s0r1), L(s0r2))), add(Mix(tn0, L(n0l1), L(n0l2)));
  add(Mix(ts1, L(s1r1)));
  // The relations each has so far, as sets ("s0 already has a subject").
  add(Mix(ts0, c0.left_relations)), add(Mix(ts0, c0.right_relations));
  add(Mix(tn0, cn.left_relations)), add(Mix(ws0, c0.left_relations));
  add(Mix(wn0, cn.left_relations));
  // More pairs and triples of words and tags.
  add(Mix(ws0, tn0, tn1)), add(Mix(ts0, wn0, tn1)), add(Mix(wn0, wn1)), add(Mix(wn0, tn1));
  add(Mix(tn0, wn1));
  // Triples of universal tags, which generalize where the fine tags' are rare.
  const uint64_t us0 = U(s0), us1 = U(s1), un0 = U(n0), un1 = U(n1);
  add(Mix(us0, un0, un1)), add(Mix(us1, us0, un0)), add(Mix(us0, U(s0l1), un0));
  add(Mix(us0, U(s0r1), un0)), add(Mix(U(s2), us1, us0)), add(Mix(un0, un1, U(n2)));
  add(Mix(ws0, un0)), add(Mix(us0, wn0));
}

void ParseState::RelationFeatures(int head, int dependent, std::vector<uint32_t>* out) const {
  out->clear();
  const Children& cd = children_[static_cast<size_t>(dependent)];
  const Children& ch = children_[static_cast<size_t>(head)];
  const uint64_t wd = W(dependent), td = T(dependent), wh = W(head), th = T(head);
  const uint64_t dir = head > dependent ? 1 : 2;
  const uint64_t dist = static_cast<uint64_t>(std::min(std::abs(head - dependent), 6));
  const uint64_t prev = T(dependent > 0 ? dependent - 1 : -1);
  const uint64_t next = T(dependent + 1 < n_ ? dependent + 1 : -1);
  uint32_t t = 100;
  const auto add = [&](uint64_t v) { out->push_back(FeatureKey(++t, v)); };
  add(0);
  add(wd), add(td), add(Mix(wd, td)), add(wh), add(th), add(Mix(wh, th));
  add(Mix(td, th)), add(Mix(wd, th)), add(Mix(td, wh)), add(Mix(wd, wh));
  add(Mix(dir, td, th)), add(Mix(dist, dir, td, th)), add(Mix(dir, wd)), add(Mix(dir, wh, td));
  add(Mix(td, T(cd.left[0]))), add(Mix(td, T(cd.right[0]))), add(Mix(td, W(cd.left[0])));
  add(Mix(td, L(cd.left[0]))), add(Mix(td, L(cd.right[0]))), add(Mix(td, L(cd.left[1])));
  add(Mix(td, static_cast<uint64_t>(std::min(cd.lefts, 4)),
          static_cast<uint64_t>(std::min(cd.rights, 4))));
  add(Mix(dir, th, L(ch.left[0]))), add(Mix(dir, th, L(ch.right[0])));
  add(Mix(dir, td, prev)), add(Mix(dir, td, next)), add(Mix(dir, td, th, prev));
  add(Mix(dir, td, th, next));
  add(Mix(dir, td, cd.left_relations)), add(Mix(dir, td, cd.right_relations));
  add(Mix(dir, th, ch.left_relations)), add(Mix(dir, th, ch.right_relations));
}

}  // namespace dyad::syntax
