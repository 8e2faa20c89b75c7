// Tokens: the words and punctuation of a document, with byte offsets into it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// One token. `norm` is the matching form: ASCII-lowercased, Latin diacritics folded
// ("Niinistö" -> "niinisto"), typographic quotes, apostrophes and dashes replaced by their
// ASCII forms. Offsets are bytes into the document the tokenizer was given: [begin, end).
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string norm;
  uint64_t norm_hash = 0;  // NormHash(norm), set by the tokenizer; 0 when not computed
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;        // first letter is uppercase
  bool space_before = false;       // whitespace separates it from the previous token
  bool newline_before = false;     // a line break separates it from the previous token
  bool blank_line_before = false;  // an empty line does (a paragraph break)
  bool abbreviation = false;       // a word that ends with its own period: "Mr.", "U.S.", "J."
};

// A hash of a token's matching form, never 0: dictionaries look words up by it.
inline uint64_t NormHash(std::string_view norm) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (const unsigned char c : norm) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h == 0 ? 1 : h;
}

inline uint64_t NormHashOf(const Token& t) {
  return t.norm_hash != 0 ? t.norm_hash : NormHash(t.norm);
}

}  // namespace dyad::text
