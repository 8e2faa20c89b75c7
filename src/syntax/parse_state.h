// A configuration of the arc-hybrid transition system, its moves, the dynamic oracle's costs
// and the features of a decision (docs/syntax.md, "Parser"). Words are 0..n-1; the root is
// word n, which stays at the end of the buffer and takes exactly one dependent, last.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "syntax/parser.h"

namespace dyad::syntax {

enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kMoves = 3;

class ParseState {
 public:
  explicit ParseState(std::span<const ParseWord> words);

  int size() const { return n_; }
  bool Terminal() const { return stack_.empty() && next_ == n_; }
  bool Valid(Move m) const;
  // Applies a valid move; returns the dependent of the arc it made, or -1 (a shift).
  int Apply(Move m);
  // The head an arc made by `m` would give s0 (n for the root), -1 for a shift.
  int HeadOf(Move m) const;
  int s0() const { return stack_.empty() ? -1 : stack_.back(); }
  void SetRelation(int dependent, int relation) {
    relations_[static_cast<size_t>(dependent)] = relation;
  }

  // The number of gold arcs a move makes unreachable (`gold[i]` is word i's head, n for the
  // root); the moves of least cost are the oracle's.
  int Cost(Move m, std::span<const int> gold) const;

  // The features of the next transition, and of the relation of the arc head -> dependent.
  void TransitionFeatures(std::vector<uint32_t>* out) const;
  void RelationFeatures(int head, int dependent, std::vector<uint32_t>* out) const;

  // Heads with the root as -1, for Parse.
  std::vector<int> Heads() const;
  int Head(int word) const { return heads_[static_cast<size_t>(word)]; }

 private:
  struct Children {
    std::array<int, 2> left{-1, -1};   // the leftmost, then the second leftmost
    std::array<int, 2> right{-1, -1};  // the rightmost, then the second rightmost
    int lefts = 0;
    int rights = 0;
    uint64_t left_relations = 0;  // a bit per relation (modulo 64) of the left children
    uint64_t right_relations = 0;
  };
  void Attach(int head, int dependent);
  uint64_t W(int i) const;
  uint64_t T(int i) const;
  uint64_t U(int i) const;
  uint64_t L(int i) const;
  int Stack(size_t k) const { return stack_.size() > k ? stack_[stack_.size() - 1 - k] : -1; }
  int Buffer(int k) const { return next_ + k < n_ ? next_ + k : (next_ + k == n_ ? n_ : -1); }

  std::span<const ParseWord> words_;
  int n_;
  int next_ = 0;
  std::vector<int> stack_;
  std::vector<int> heads_;
  std::vector<int> relations_;
  std::vector<Children> children_;  // n + 1 entries, the root's last
};

}  // namespace dyad::syntax
