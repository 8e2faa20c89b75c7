#include "text/char_class.h"

namespace dyad::text {
namespace {

// ASCII folding of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A); "" for the two
// signs in that range. Generated from Unicode's decompositions.
constexpr const char* kLatinFold[] = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e",  "e", "e", "e", "i",  "i",  "i", "i", "d", "n",
    "o", "o", "o",  "o",  "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", "",  "o",  "u",  "u", "u", "u",  "y",  "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d",  "d", "e", "e", "e",  "e",  "e", "e", "e", "e",
    "e", "e", "g",  "g",  "g", "g", "g",  "g",  "g",  "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j",  "j", "k", "k", "k",  "l",  "l", "l", "l", "l",
    "l", "l", "l",  "l",  "l", "n", "n",  "n",  "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r",  "r", "s", "s", "s",  "s",  "s", "s", "s", "s",
    "t", "t", "t",  "t",  "t", "t", "u",  "u",  "u",  "u", "u", "u", "u",  "u",  "u", "u", "u", "u",
    "w", "w", "y",  "y",  "y", "z", "z",  "z",  "z",  "z", "z", "s"};
// '1' where the code point U+00C0 + i is an uppercase letter.
constexpr char kLatinUpper[] =
    "1111111111111111111111101111111000000000000000000000000000000000101010101010101010101010101010"
    "1010101010101010101010101001010101010101010010101010101010101010101010101010101010101010101101"
    "0100";

}  // namespace

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x85;
}

bool IsLineBreak(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85; }

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (IsSpace(cp) || cp == 0xFFFD) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, ...
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  return true;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp < 0x180) return kLatinUpper[cp - 0xC0] == '1';
  if (cp >= 0x400 && cp <= 0x42F) return true;  // Cyrillic capitals
  if (cp >= 0x391 && cp <= 0x3A9) return true;  // Greek capitals
  return false;
}

void AppendFolded(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
    return;
  }
  if (cp >= 0xC0 && cp < 0x180) {
    out->append(kLatinFold[cp - 0xC0]);
    return;
  }
  if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;  // Cyrillic to lowercase
  AppendUtf8(cp, out);
}

char32_t FoldPunct(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    case 0x2026:
      return '.';
    default:
      return cp;
  }
}

}  // namespace dyad::text
