#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace dyad::core {
namespace {

// The lead bytes of multi-byte sequences, and the range their second byte must fall in; the
// narrow ranges exclude overlong forms, surrogates and code points above U+10FFFF. Bytes after
// the second are plain continuation bytes (0x80-0xBF).
struct LeadByte {
  unsigned char first, last;
  size_t length;
  unsigned char second_min, second_max;
};

constexpr LeadByte kLeadBytes[] = {
    {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF},  // overlong below U+0800
    {0xE1, 0xEC, 3, 0x80, 0xBF}, {0xED, 0xED, 3, 0x80, 0x9F},  // surrogates U+D800-U+DFFF
    {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},  // overlong below U+10000
    {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},  // above U+10FFFF
};

unsigned char Byte(std::string_view text, size_t i) { return static_cast<unsigned char>(text[i]); }

bool IsContinuation(unsigned char byte) { return byte >= 0x80 && byte <= 0xBF; }

}  // namespace

size_t Utf8SequenceLength(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  const unsigned char lead = Byte(text, 0);
  if (lead < 0x80) {
    return 1;
  }
  for (const LeadByte& range : kLeadBytes) {
    if (lead < range.first || lead > range.last) {
      continue;
    }
    if (text.size() < range.length) {
      return 0;
    }
    if (Byte(text, 1) < range.second_min || Byte(text, 1) > range.second_max) {
      return 0;
    }
    for (size_t i = 2; i < range.length; ++i) {
      if (!IsContinuation(Byte(text, i))) {
        return 0;
      }
    }
    return range.length;
  }
  return 0;  // a continuation byte, or 0xC0, 0xC1, 0xF5-0xFF
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time: most of English text.
    while (pos + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    if (Byte(text, pos) < 0x80) {
      ++pos;
      continue;
    }
    const size_t length = Utf8SequenceLength(text.substr(pos));
    if (length == 0) {
      return pos;
    }
    pos += length;
  }
  return std::string_view::npos;
}

bool StripUtf8Bom(std::string* text) {
  if (!text->starts_with(kUtf8Bom)) {
    return false;
  }
  text->erase(0, kUtf8Bom.size());
  return true;
}

}  // namespace dyad::core
