// A TABARI/PETRARCH discard list: phrases that mark sentences (or whole articles, with a
// leading '+') that should not be coded: sports results, chronologies. Matching ignores case;
// a phrase's last word is a stem unless it ends with '_'. Read-only after loading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/diagnostic.h"
#include "text/token.h"

namespace dyad::text {

class DiscardList {
 public:
  enum class Scope : uint8_t { kNone, kSentence, kArticle };

  void Load(std::string_view content, std::string_view file, std::vector<Diagnostic>* diagnostics);
  bool empty() const { return entries_.empty(); }

  // The widest scope of the discard phrases in tokens [first, last).
  Scope Find(const std::vector<Token>& tokens, uint32_t first, uint32_t last) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    bool stem = true;  // the last word matches as a prefix
    Scope scope = Scope::kSentence;
  };
  bool Matches(const Entry& e, const std::vector<Token>& tokens, uint32_t at, uint32_t last) const;

  static constexpr size_t kStemKey = 3;  // one-word stems are indexed by their first letters
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_stem_key_;
};

}  // namespace dyad::text
