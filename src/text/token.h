// Tokens: the words and punctuation of a document, with byte offsets into it.
#pragma once

#include <cstdint>
#include <cstring>
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

// A hash of a token's matching form, never 0: dictionaries look words up by it. Eight bytes
// at a time, as most words fit in one or two such steps, and the length mixed in; every bit
// of the result depends on every byte (the phrase matcher uses the low bits for a slot and
// the high bits as a tag).
inline uint64_t NormHash(std::string_view norm) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  const auto mix = [](uint64_t x) {  // the finalizer of MurmurHash3
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;
    return x;
  };
  uint64_t h = norm.size() * kMul;
  const char* p = norm.data();
  size_t n = norm.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w = 0;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {  // the last 1-7 bytes, read as two overlapping halves (or three bytes)
    uint64_t w = 0;
    if (n >= 4) {
      uint32_t lo = 0;
      uint32_t hi = 0;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | (uint64_t{hi} << 32);
    } else {
      w = static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    h = (h ^ w) * kMul;
  }
  h = mix(h);
  return h == 0 ? 1 : h;
}

inline uint64_t NormHashOf(const Token& t) {
  return t.norm_hash != 0 ? t.norm_hash : NormHash(t.norm);
}

}  // namespace dyad::text
