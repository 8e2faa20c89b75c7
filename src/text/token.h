// Tokens: the words and punctuation of a document, with byte offsets into it.
#pragma once

#include <cstdint>
#include <string>

namespace dyad::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// One token. `norm` is the matching form: ASCII-lowercased, Latin diacritics folded
// ("Niinistö" -> "niinisto"), typographic quotes, apostrophes and dashes replaced by their
// ASCII forms. Offsets are bytes into the document the tokenizer was given: [begin, end).
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string norm;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;     // first letter is uppercase
  bool space_before = false;    // whitespace separates it from the previous token
  bool newline_before = false;  // a line break separates it from the previous token
  bool blank_line_before = false;  // an empty line does (a paragraph break)
  bool abbreviation = false;    // a word that ends with its own period: "Mr.", "U.S.", "J."
};

}  // namespace dyad::text
