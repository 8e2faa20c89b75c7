#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/char_class.h"

namespace dyad::text {
namespace {

constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr",   "mrs",    "ms",   "dr",   "gen",  "lt",   "col",  "maj",  "capt",   "cpt", "sgt",
    "adm",  "gov",    "sen",  "rep",  "st",   "jan",  "feb",  "mar",  "apr",    "jun", "jul",
    "aug",  "sep",    "sept", "oct",  "nov",  "dec",  "no",   "nos",  "vs",     "etc", "inc",
    "corp", "ltd",    "co",   "jr",   "sr",   "prof", "rev",  "dept", "approx", "mt",  "ft",
    "hon",  "messrs", "mme",  "cmdr", "brig", "amb",  "pres", "gov't"};

// Reads code points of `text` from a position.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool AtEnd(size_t pos) const { return pos >= text_.size(); }
  char32_t At(size_t pos, size_t* len) const {
    if (pos >= text_.size()) {
      *len = 0;
      return 0;
    }
    return DecodeAt(text_, pos, len);
  }
  char32_t At(size_t pos) const {
    size_t len = 0;
    return At(pos, &len);
  }

 private:
  std::string_view text_;
};

bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

bool IsAsciiAlnum(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

// Length in bytes of the run of letters starting at `pos`.
size_t LetterRun(const Cursor& cur, size_t pos, std::string* folded) {
  size_t start = pos;
  size_t len = 0;
  for (char32_t cp = cur.At(pos, &len); len > 0 && IsLetter(cp); cp = cur.At(pos, &len)) {
    if (folded != nullptr) AppendFolded(cp, folded);
    pos += len;
  }
  return pos - start;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text), cur_(text) {}

  std::vector<Token> Run() {
    size_t pos = 0;
    // About a token in five bytes of English; a huge text grows the vector as it goes.
    tokens_.reserve(std::min<size_t>(text_.size() / 5, size_t{1} << 16));
    while (pos < text_.size()) {
      if (text_[pos] == ' ') {  // the commonest byte of all, without decoding
        space_ = true;
        ++pos;
        continue;
      }
      size_t len = 0;
      const char32_t cp = cur_.At(pos, &len);
      if (IsSpace(cp) || cp == '\r') {
        space_ = true;
        if (IsLineBreak(cp)) {
          blank_line_ = blank_line_ || newline_;
          newline_ = true;
        }
        pos += len;
      } else if (IsWordChar(cp)) {
        pos = Word(pos);
      } else {
        pos = Punct(pos, cp, len);
      }
    }
    return std::move(tokens_);
  }

 private:
  Token& Emit(size_t begin, size_t end, std::string norm, TokenKind kind) {
    Token& t = tokens_.emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.norm = std::move(norm);
    t.norm_hash = NormHash(t.norm);
    t.kind = kind;
    t.space_before = space_ || tokens_.size() == 1;
    t.newline_before = newline_;
    t.blank_line_before = blank_line_;
    space_ = newline_ = blank_line_ = false;
    return t;
  }

  // Dotted acronym so far: "u", "u.s", "u.s.a" (single letters separated by dots).
  static bool IsDottedSoFar(const std::string& norm) {
    for (size_t i = 0; i < norm.size(); ++i) {
      const bool letter_slot = i % 2 == 0;
      if (letter_slot != (norm[i] != '.')) return false;
    }
    return !norm.empty() && norm.back() != '.';
  }

  size_t Word(size_t pos) {
    const size_t begin = pos;
    std::string norm;
    const bool capitalized = IsUpper(cur_.At(pos));
    const bool numeric = IsDigit(cur_.At(pos));
    size_t len = 0;
    while (pos < text_.size()) {
      // ASCII letters and digits, most of any English text, without decoding.
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (IsAsciiAlnum(byte)) {
        norm.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte));
        ++pos;
        continue;
      }
      const char32_t cp = cur_.At(pos, &len);
      if (IsWordChar(cp)) {
        AppendFolded(cp, &norm);
        pos += len;
        continue;
      }
      const char32_t folded = FoldPunct(cp);
      const char32_t next = cur_.At(pos + len);
      if (folded == '\'' && IsLetter(next)) {
        std::string rest;
        const size_t rest_len = LetterRun(cur_, pos + len, &rest);
        if (rest == "s" || (rest == "t" && !norm.empty() && norm.back() == 'n')) break;
        norm.push_back('\'');
        norm += rest;
        pos += len + rest_len;
        continue;
      }
      size_t next_len = 0;
      cur_.At(pos + len, &next_len);
      if (cp == '.' && IsLetter(next) && IsDottedSoFar(norm) &&
          cur_.At(pos + len + next_len) == '.') {
        norm.push_back('.');
        pos += 1;
        continue;
      }
      if (numeric && (cp == ',' || cp == '.' || cp == ':') && IsDigit(next)) {
        norm.push_back(static_cast<char>(cp));
        pos += 1;
        continue;
      }
      break;
    }
    return FinishWord(begin, pos, std::move(norm), capitalized, numeric);
  }

  size_t FinishWord(size_t begin, size_t pos, std::string norm, bool capitalized, bool numeric) {
    // "didn't": the word is "did", then "n't".
    size_t apostrophe_len = 0;
    const bool apostrophe = pos < text_.size() && FoldPunct(cur_.At(pos, &apostrophe_len)) == '\'';
    if (apostrophe && (text_[pos - 1] == 'n' || text_[pos - 1] == 'N')) {
      std::string rest;
      LetterRun(cur_, pos + apostrophe_len, &rest);
      if (rest == "t") {  // "didn't" is "did" and "n't"; a lone "n't" (as in "DID N'T") too
        norm.pop_back();
        if (!norm.empty()) {
          Emit(begin, pos - 1, std::move(norm), TokenKind::kWord).capitalized = capitalized;
        }
        const size_t end = pos + apostrophe_len + 1;
        Emit(pos - 1, end, "n't", TokenKind::kWord);
        return end;
      }
    }
    bool abbreviation = false;
    if (pos < text_.size() && text_[pos] == '.' && !numeric) {
      const bool dotted = norm.find('.') != std::string::npos;
      const bool initial = norm.size() == 1 && capitalized;
      if (dotted || initial || IsAbbreviation(norm)) {
        norm.push_back('.');
        pos += 1;
        abbreviation = true;
      }
    }
    Token& t = Emit(begin, pos, std::move(norm), numeric ? TokenKind::kNumber : TokenKind::kWord);
    t.capitalized = capitalized;
    t.abbreviation = abbreviation;
    return pos;
  }

  size_t Punct(size_t pos, char32_t cp, size_t len) {
    const char32_t folded = FoldPunct(cp);
    if (cp == 0x2026) {
      Emit(pos, pos + len, "...", TokenKind::kPunct);
      return pos + len;
    }
    if (folded == '.' && text_.substr(pos, 3) == "...") {
      Emit(pos, pos + 3, "...", TokenKind::kPunct);
      return pos + 3;
    }
    if (folded == '\'' && pos > 0 && !space_) {
      // The possessive "'s" after a word: "Russia's", "Russia’s".
      std::string rest;
      const size_t rest_len = LetterRun(cur_, pos + len, &rest);
      if (rest == "s") {
        Emit(pos, pos + len + rest_len, "'s", TokenKind::kWord);
        return pos + len + rest_len;
      }
    }
    std::string norm;
    if (cp == 0xFFFD || len == 0) {
      norm = "?";
      len = len == 0 ? 1 : len;
    } else {
      AppendUtf8(folded, &norm);
    }
    Emit(pos, pos + len, std::move(norm), TokenKind::kPunct);
    return pos + len;
  }

  std::string_view text_;
  Cursor cur_;
  std::vector<Token> tokens_;
  bool space_ = true;
  bool newline_ = false;
  bool blank_line_ = false;
};

}  // namespace

bool IsAbbreviation(std::string_view norm) {
  for (std::string_view a : kAbbreviations) {
    if (a == norm) return true;
  }
  return false;
}

std::vector<Token> Tokenize(std::string_view text) { return Tokenizer(text).Run(); }

}  // namespace dyad::text
