#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The matching form of each ASCII letter and digit (lowercase), 0 for every other byte.
constexpr std::array<char, 256> kAsciiFold = [] {
  std::array<char, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

// The run of ASCII letters and digits at the start of `p`, which has 16 readable bytes, if it
// is shorter than 16 bytes: its length, with the run lowercased into `lower`. Returns 16 (and
// leaves `lower` undefined) for a longer run. SSE2, part of every x86-64; a byte at a time
// elsewhere.
size_t AsciiRun16(const char* p, char* lower) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes of 0x80 and above are negative, so in none of the ranges.
  const auto in = [&](char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  const __m128i upper = in('A', 'Z');
  const __m128i alnum = _mm_or_si128(_mm_or_si128(in('a', 'z'), upper), in('0', '9'));
  const auto mask = static_cast<unsigned>(_mm_movemask_epi8(alnum));
  const auto run = static_cast<size_t>(__builtin_ctz(~mask));  // 16 when all are
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lower),
                   _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
  return run;
#else
  size_t run = 0;
  while (run < 16 && kAsciiFold[static_cast<unsigned char>(p[run])] != 0) {
    lower[run] = kAsciiFold[static_cast<unsigned char>(p[run])];
    ++run;
  }
  return run;
#endif
}

// Can this byte, right after a word, not continue it? True for ASCII other than letters,
// digits and the four marks that may join a word: an apostrophe (and the backquote, which
// folds to one), a period ("U.S."), and a comma or colon inside a number ("1,000", "10:30").
constexpr std::array<bool, 256> kEndsWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[c] = kAsciiFold[c] == 0;
  for (const char c : {'\'', '`', '.', ',', ':'}) t[static_cast<unsigned char>(c)] = false;
  return t;
}();

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
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (byte == ' ') {  // the commonest byte of all, without decoding
        space_ = true;
        ++pos;
        continue;
      }
      if (kAsciiFold[byte] != 0) {
        pos = Word(pos);
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
  // Starts a token at `begin`, taking the space and line flags seen since the last one.
  Token& Start(size_t begin, TokenKind kind) {
    Token& t = tokens_.emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.kind = kind;
    t.space_before = space_ || tokens_.size() == 1;
    t.newline_before = newline_;
    t.blank_line_before = blank_line_;
    space_ = newline_ = blank_line_ = false;
    return t;
  }
  static void Finish(Token* t, size_t end) {
    t->end = static_cast<uint32_t>(end);
    t->norm_hash = NormHash(t->norm);
  }
  Token& Emit(size_t begin, size_t end, std::string norm, TokenKind kind) {
    Token& t = Start(begin, kind);
    t.norm = std::move(norm);
    Finish(&t, end);
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

  // A word, built in place in its token.
  size_t Word(size_t pos) {
    const size_t begin = pos;
    const auto first = static_cast<unsigned char>(text_[pos]);
    const bool capitalized = first < 0x80 ? (first >= 'A' && first <= 'Z') : IsUpper(cur_.At(pos));
    const bool numeric = first >= '0' && first <= '9';
    const size_t index = tokens_.size();
    std::string& norm = Start(begin, numeric ? TokenKind::kNumber : TokenKind::kWord).norm;
    // The run of ASCII letters and digits, most of any English word, lowercased: sixteen bytes
    // at once where there are sixteen to read, else (and for longer runs) a byte at a time.
    char lower[16];
    const size_t run = pos + 16 <= text_.size() ? AsciiRun16(text_.data() + pos, lower) : 16;
    if (run < 16) {
      pos += run;
      norm.assign(lower, run);
    } else {
      while (pos < text_.size() && kAsciiFold[static_cast<unsigned char>(text_[pos])] != 0) ++pos;
      norm.resize(pos - begin);
      for (size_t k = 0; k < norm.size(); ++k) {
        norm[k] = kAsciiFold[static_cast<unsigned char>(text_[begin + k])];
      }
    }
    if (pos < text_.size() && !kEndsWord[static_cast<unsigned char>(text_[pos])]) {
      pos = WordTail(pos, numeric, &norm);
    }
    return FinishWord(index, pos, capitalized, numeric);
  }

  // The rest of a word after its ASCII run: other letters, inner apostrophes, the dots of an
  // acronym and the separators of a number.
  size_t WordTail(size_t pos, bool numeric, std::string* out) {
    std::string& norm = *out;
    size_t len = 0;
    while (pos < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (const char folded = kAsciiFold[byte]; folded != 0) {
        norm.push_back(folded);
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
    return pos;
  }

  // Ends the word of tokens_[index] at `pos`: splits off "n't", takes an abbreviation's period.
  size_t FinishWord(size_t index, size_t pos, bool capitalized, bool numeric) {
    Token* t = &tokens_[index];
    std::string& norm = t->norm;
    // "didn't": the word is "did", then "n't".
    size_t apostrophe_len = 0;
    const bool apostrophe = pos < text_.size() &&
                            !kEndsWord[static_cast<unsigned char>(text_[pos])] &&
                            FoldPunct(cur_.At(pos, &apostrophe_len)) == '\'';
    if (apostrophe && (text_[pos - 1] == 'n' || text_[pos - 1] == 'N')) {
      std::string rest;
      LetterRun(cur_, pos + apostrophe_len, &rest);
      if (rest == "t") {  // "didn't" is "did" and "n't"; a lone "n't" (as in "DID N'T") too
        const size_t end = pos + apostrophe_len + 1;
        norm.pop_back();
        if (norm.empty()) {  // the lone "n't" is this token
          norm = "n't";
          t->kind = TokenKind::kWord;
          Finish(t, end);
          return end;
        }
        t->capitalized = capitalized;
        Finish(t, pos - 1);
        Emit(pos - 1, end, "n't", TokenKind::kWord);
        return end;
      }
    }
    if (pos < text_.size() && text_[pos] == '.' && !numeric) {
      const bool dotted = norm.find('.') != std::string::npos;
      const bool initial = norm.size() == 1 && capitalized;
      if (dotted || initial || IsAbbreviation(norm)) {
        norm.push_back('.');
        pos += 1;
        t->abbreviation = true;
      }
    }
    t->capitalized = capitalized;
    Finish(t, pos);
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
