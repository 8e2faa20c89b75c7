// The places of the world by name (docs/places.md): cities, towns and first-level regions
// from GeoNames, found in token sequences with one hash probe per token, longest name first.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.h"
#include "text/token.h"

namespace dyad::places {

// One place of a gazetteer table line. The strings point into the Gazetteer that holds it and
// live as long as it does.
struct Place {
  std::string_view name;     // as the table writes it: "Kharkiv", "Rio de Janeiro"
  std::string_view country;  // ISO 3166-1 alpha-3: "UKR" (Kosovo: "XKX")
  std::string_view region;   // its first-level region ("Kharkiv"); a region's own; may be empty
  float lat = 0;             // degrees north, NaN when the table gives none (a few regions)
  float lon = 0;             // degrees east, NaN likewise
  bool capital = false;      // the capital of its country
  bool major = false;        // a city over 15,000 people (world-cities)
  bool is_region = false;    // a first-level region itself ("Donetsk Oblast"), not a settlement
  bool common = false;       // the name is also a common word or person's name ("Reading",
                             // "Obama"): read it as a place only after a locative preposition
};

// A table of places and the index of their names. Load() adds tables to it; once loaded it is
// immutable, and its const methods are safe to call from many threads. Movable, not copyable.
//
// The matching rule: names are compared token by token in the tokenizer's matching form
// (Token::norm: lowercase, diacritics folded), the longest name starting at a token wins.
// The first token of a match must be capitalized if it is a word; a later word must be
// capitalized where every spelling of the name capitalizes it ("Rio de Janeiro" matches "Rio
// de Janeiro" and "Rio De Janeiro", not "Rio de janeiro"). A name does not run across a line
// break. A hyphen in a name may be left out ("Sharm el-Sheikh", "Sharm El Sheikh"), and
// "Saint" may be written "St." or "St" (and the other way round).
class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The built-in table (src/places/data/places.tsv.gz), parsed on first use, once per process
  // (thread-safe).
  static const Gazetteer& Builtin();

  // Adds the places of `table`: the text of a table (docs/places.md) or its gzip compression.
  // A line that cannot be read is a diagnostic naming `file` and the line, and is skipped; a
  // table that cannot be decompressed is one diagnostic, and adds nothing.
  void Load(std::string_view table, std::string_view file, std::vector<Diagnostic>* diagnostics);

  // The places named at a token. `places` points into the gazetteer: capitals first, then
  // major places, then the others, each in table order.
  struct Match {
    uint32_t length = 0;               // tokens matched; 0 when no name starts there
    std::span<const uint32_t> places;  // ids of every place with the name matched
  };

  // The longest name starting at tokens[at] and not extending past tokens[end - 1].
  Match LongestAt(const std::vector<text::Token>& tokens, size_t at, size_t end) const;

  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }

 private:
  // The index is a trie of name words kept in a hash table: a node is a word after its
  // parent node (kRoot for a first word), found by hashing the parent with the word's hash.
  static constexpr uint32_t kRoot = UINT32_MAX;
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    uint32_t parent = kRoot;
    uint32_t word = 0;  // its word's offset in words_
    uint16_t word_size = 0;
    bool capital = true;        // every name through it capitalizes this word
    bool has_children = false;  // a longer name goes on from it
    uint32_t places_begin = 0;  // the places named by the words up to it: by_node_[begin, end)
    uint32_t places_end = 0;
  };
  struct Word {
    std::string_view norm;
    uint64_t hash = 0;
    bool capital = false;
  };

  static uint64_t Key(uint32_t parent, uint64_t word_hash);
  uint32_t Find(uint32_t parent, const text::Token& token) const;
  uint32_t FindOrAdd(uint32_t parent, const Word& word);
  void Grow(size_t nodes);
  void Index(std::string_view name, std::vector<uint32_t>* ends);
  uint32_t AddName(const std::vector<Word>& words);
  void Group();

  std::vector<std::unique_ptr<std::string>> tables_;  // the text every Place points into
  std::vector<Place> places_;
  std::vector<Node> nodes_;
  std::string words_;  // the matching form of every node's word, one after the other
  // Open addressing over nodes_, never more than half full: the high half of a node's hash
  // over its index (kEmpty where free), so that a token that starts no name is told apart in
  // the table itself.
  static constexpr uint64_t kEmpty = UINT64_MAX;
  std::vector<uint64_t> slots_;
  std::vector<std::pair<uint32_t, uint32_t>> named_;  // (node, place) for every name
  std::vector<uint32_t> by_node_;                     // place ids grouped by node
};

}  // namespace dyad::places
