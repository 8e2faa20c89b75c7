// Finds time expressions with hand-written token matchers (no regular expressions).
//
// The rule, in order:
//  1. The sentence is cut into tokens: words (ASCII-lowercased, remembering a leading capital),
//     numbers ("14", "14th", and compounds such as "2014-03-14", "14.03.2014", "2,000",
//     "30-31"), and punctuation (curly quotes and dashes folded to ASCII). Non-breaking and other
//     Unicode spaces separate tokens like a space.
//  2. Every matcher below is tried at every token and yields at most one candidate there.
//  3. The longest candidates (in bytes) are kept first, then the leftmost; a candidate that
//     overlaps one already kept is dropped. What is kept is returned in text order.
//
// Words that are not always times:
//  - "May" and "March" count as months only when capitalized; abbreviations ("Nov.", "Sept")
//    only when capitalized and followed by a day or a year.
//  - A month named without a day or a year needs a cue before it: a preposition ("in", "on",
//    "since", "by", ...), "the end/beginning/middle of", or a modifier ("last", "next", "this",
//    "early", "late", "mid-"). So "Theresa May" and "a March rally" are not dates.
//  - A year without a month needs a preposition or "year" before it ("in 2014", "the year 2014")
//    or a modifier ("early 2014"), and lies in 1900-2099. "2,000 troops" and "210 years" are
//    never years.
//  - "in three days" is read as a date only in a future sentence; in a past one it is a duration
//    ("the first time in 30 years").
//  - Weekdays after "every", "each", "bloody", "black", "super" or "cyber" are not resolved.
//
// How an expression without a year resolves against the anchor (the publication date):
//  - "Monday", "on Monday", "this Monday": past tense, the latest Monday on or before the anchor;
//    future tense, the first Monday on or after it. "last Monday" is strictly before the anchor
//    and "next Monday" strictly after, whatever the tense. Likewise "March 14" (day) and "in March"
//    (month; "last March" is the latest March strictly before the anchor's month).
//  - "last/this/next week": a week is finer than a month and coarser than a day, so it is
//    reported as the month (month precision) that holds the Thursday of that week (the ISO 8601
//    rule for the month a week belongs to).
//  - "February this year", "14 March last year": the month or day in the year named relative to
//    the anchor's.
//  - "N days/weeks ago" and "in N days/weeks": day precision; months: month; years and decades:
//    year.
//  - Ranges stand for their first day or month: "October 30–31", "January-June 2021".
#include "dates/time_expression.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

namespace dyad::dates {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  size_t begin = 0, end = 0;  // byte range in the text
  TokenKind kind = TokenKind::kPunct;
  std::string text;  // words lowercased; numbers as written; punctuation folded to one ASCII char
  bool capitalized = false;  // the first letter is an ASCII capital
  bool plain = false;        // a number of digits only (with an optional ordinal suffix)
  bool ordinal = false;      // "14th"
  int value = 0;             // a number's first run of digits
  int digits = 0;            // and how many digits that run has
};

struct CodePoint {
  char32_t value = 0;
  size_t length = 1;
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The UTF-8 code point at `pos`; a byte that does not start a valid sequence stands alone.
CodePoint DecodeAt(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (length == 1 || pos + length > text.size()) return {lead, 1};
  char32_t value = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return {lead, 1};
    value = (value << 6) | (next & 0x3F);
  }
  return {value, length};
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Punctuation folded to one ASCII character: quotes to ' and ", dashes to -, other Latin-1 and
// General Punctuation marks to *; 0 for letters, digits and other code points.
char FoldPunct(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c) || IsSpace(c) ? 0 : static_cast<char>(c);
  if ((c >= 0x2018 && c <= 0x201B) || c == 0x2032) return '\'';
  if ((c >= 0x201C && c <= 0x201F) || c == 0xAB || c == 0xBB) return '"';
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  if (c == 0x2026) return '.';
  if ((c >= 0xA1 && c <= 0xBF) || (c >= 0x2016 && c <= 0x206F)) return '*';
  return 0;
}

// Whether a token ends at `pos`: the end of the text, a space or punctuation.
bool IsBoundary(std::string_view text, size_t pos) {
  if (pos >= text.size()) return true;
  const char32_t c = DecodeAt(text, pos).value;
  return IsSpace(c) || FoldPunct(c) != 0;
}

Token ScanWord(std::string_view text, size_t begin) {
  Token token;
  token.begin = token.end = begin;
  token.kind = TokenKind::kWord;
  token.capitalized = text[begin] >= 'A' && text[begin] <= 'Z';
  while (!IsBoundary(text, token.end)) token.end += DecodeAt(text, token.end).length;
  for (size_t i = begin; i < token.end; ++i) token.text.push_back(AsciiLower(text[i]));
  return token;
}

size_t SkipDigits(std::string_view text, size_t pos) {
  while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
  return pos;
}

bool IsOrdinalSuffix(std::string_view text, size_t pos) {
  if (pos + 2 > text.size() || !IsBoundary(text, pos + 2)) return false;
  const std::string suffix{AsciiLower(text[pos]), AsciiLower(text[pos + 1])};
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

// Digits, joined by single separators to more digits ("2014-03-14", "2,000"), then an optional
// ordinal suffix. Digits glued to other letters ("10am", "5km") make a word.
Token ScanNumber(std::string_view text, size_t begin) {
  Token token;
  token.begin = begin;
  token.kind = TokenKind::kNumber;
  token.plain = true;
  size_t pos = SkipDigits(text, begin);
  token.digits = static_cast<int>(pos - begin);
  for (size_t i = begin; i < pos && i < begin + 9; ++i) {
    token.value = token.value * 10 + (text[i] - '0');
  }
  while (pos + 1 < text.size() &&
         std::string_view("-./,:").find(text[pos]) != std::string_view::npos &&
         IsAsciiDigit(text[pos + 1])) {
    token.plain = false;
    pos = SkipDigits(text, pos + 1);
  }
  if (!IsBoundary(text, pos)) {
    if (!token.plain || !IsOrdinalSuffix(text, pos)) return ScanWord(text, begin);
    token.ordinal = true;
    pos += 2;
  }
  token.end = pos;
  token.text = std::string(text.substr(begin, pos - begin));
  return token;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint code_point = DecodeAt(text, pos);
    if (IsSpace(code_point.value)) {
      pos += code_point.length;
      continue;
    }
    if (IsAsciiDigit(text[pos])) {
      tokens.push_back(ScanNumber(text, pos));
    } else if (const char punct = FoldPunct(code_point.value)) {
      tokens.emplace_back();
      tokens.back().begin = pos;
      tokens.back().end = pos + code_point.length;
      tokens.back().text = std::string(1, punct);
    } else {
      tokens.push_back(ScanWord(text, pos));
    }
    pos = tokens.back().end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Words

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbreviations = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 13> kCountWords = {
    "zero",  "one",   "two",  "three", "four",   "five",  "six",
    "seven", "eight", "nine", "ten",   "eleven", "twelve"};
// Prepositions that make a following month or year a time.
constexpr std::array<std::string_view, 13> kTimeCues = {
    "in",   "on",     "since", "during",  "by",      "until",     "till",
    "from", "before", "after", "through", "between", "throughout"};
// "the end of March", "the first week of May".
constexpr std::array<std::string_view, 9> kPeriodNouns = {
    "end", "beginning", "start", "middle", "half", "part", "rest", "week", "month"};
// "April to June", "March or February".
constexpr std::array<std::string_view, 3> kMonthJoiners = {"to", "and", "or"};
constexpr std::array<std::string_view, 6> kNotADayBefore = {"every", "each",  "bloody",
                                                            "black", "super", "cyber"};
constexpr std::array<std::string_view, 4> kPartsOfDay = {"morning", "afternoon", "evening",
                                                         "night"};

template <size_t N>
int IndexOf(const std::array<std::string_view, N>& words, std::string_view word) {
  const auto found = std::find(words.begin(), words.end(), word);
  return found == words.end() ? -1 : static_cast<int>(found - words.begin());
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return IndexOf(words, word) >= 0;
}

int ParseDigits(std::string_view text) {
  if (text.empty() || text.size() > 4) return -1;
  int value = 0;
  for (const char c : text) {
    if (!IsAsciiDigit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "30-31": two days joined by a hyphen.
bool IsDayRange(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash > 2 || text.size() - dash - 1 > 2) return false;
  return ParseDigits(text.substr(0, dash)) >= 0 && ParseDigits(text.substr(dash + 1)) >= 0;
}

// "14.03.2014": day, month, year.
std::optional<Date> ParseDottedDate(std::string_view text) {
  const size_t first = text.find('.');
  const size_t second = text.find('.', first == std::string_view::npos ? 0 : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos || first > 2 ||
      second - first - 1 > 2 || text.size() - second - 1 != 4) {
    return std::nullopt;
  }
  const int day = ParseDigits(text.substr(0, first));
  const int month = ParseDigits(text.substr(first + 1, second - first - 1));
  const int year = ParseDigits(text.substr(second + 1));
  return Date::FromYmd(year, month, day);
}

// "2014-03-14" or "14.03.2014" as one number token.
std::optional<Date> ParseNumericDate(std::string_view text) {
  if (text.size() == 10 && text[4] == '-') {
    const std::optional<Date> date = Date::ParseIso(text);
    if (date && date->precision == DatePrecision::kDay) return date;
    return std::nullopt;
  }
  return ParseDottedDate(text);
}

// ---------------------------------------------------------------------------------------------
// Resolution against the anchor

// Which occurrence of a weekday or month a phrase points at.
enum class Reference { kNearest, kLast, kThis, kNext };
enum class Unit { kNone, kDay, kWeek, kMonth, kYear, kDecade };

Date MonthDate(int year, int month) { return Date{year, month, 1, DatePrecision::kMonth}; }
Date YearDate(int year) { return Date{year, 1, 1, DatePrecision::kYear}; }

Date AddMonths(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  return MonthDate(year, index - year * 12 + 1);
}

// The `month`-`day` nearest the anchor on its side given by `tense`, the anchor's day included.
std::optional<Date> ResolveMonthDay(int month, int day, Tense tense, const Date& anchor) {
  if (!Date::FromYmd(2000, month, day)) return std::nullopt;  // 2000 has a February 29
  const int step = tense == Tense::kPast ? -1 : 1;
  for (int year = anchor.year, tries = 0; tries < 9; year += step, ++tries) {
    const std::optional<Date> date = Date::FromYmd(year, month, day);
    if (date && (date->ToDays() - anchor.ToDays()) * step >= 0) return date;
  }
  return std::nullopt;
}

Date ResolveMonth(int month, Reference reference, Tense tense, const Date& anchor) {
  const int year = anchor.year;
  switch (reference) {
    case Reference::kLast:
      return MonthDate(month < anchor.month ? year : year - 1, month);
    case Reference::kNext:
      return MonthDate(month > anchor.month ? year : year + 1, month);
    case Reference::kThis:
      return MonthDate(year, month);
    case Reference::kNearest:
      break;
  }
  if (tense == Tense::kPast) return MonthDate(month <= anchor.month ? year : year - 1, month);
  return MonthDate(month >= anchor.month ? year : year + 1, month);
}

Date ResolveWeekday(int weekday, Reference reference, Tense tense, const Date& anchor) {
  const int back = (anchor.Weekday() - weekday + 7) % 7;   // to the same or an earlier day
  const int ahead = (weekday - anchor.Weekday() + 7) % 7;  // to the same or a later day
  switch (reference) {
    case Reference::kLast:
      return anchor.AddDays(-(back == 0 ? 7 : back));
    case Reference::kNext:
      return anchor.AddDays(ahead == 0 ? 7 : ahead);
    case Reference::kThis:
    case Reference::kNearest:
      break;
  }
  return anchor.AddDays(tense == Tense::kPast ? -back : ahead);
}

// The anchor moved by `count` units ("two days ago", "in three months").
Date Shift(const Date& anchor, Unit unit, int count) {
  switch (unit) {
    case Unit::kDay:
      return anchor.AddDays(count);
    case Unit::kWeek:
      return anchor.AddDays(7L * count);
    case Unit::kMonth:
      return AddMonths(anchor, count);
    case Unit::kYear:
      return YearDate(anchor.year + count);
    case Unit::kDecade:
      return YearDate(anchor.year + 10 * count);
    case Unit::kNone:
      break;
  }
  return anchor;
}

// The calendar week, month or year `offset` periods from the anchor's ("last week").
Date CalendarPeriod(const Date& anchor, Unit unit, int offset) {
  if (unit == Unit::kWeek) {
    const Date day = anchor.AddDays(7L * offset);
    const Date thursday = day.AddDays(3 - day.Weekday());
    return MonthDate(thursday.year, thursday.month);
  }
  if (unit == Unit::kMonth) return AddMonths(anchor, offset);
  return YearDate(anchor.year + offset);
}

int OffsetOf(Reference reference) {
  return reference == Reference::kLast ? -1 : reference == Reference::kNext ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Matchers

// A candidate mention over tokens [first, last).
struct Candidate {
  size_t first = 0, last = 0;
  Date date;
  bool explicit_year = false;
};

struct MonthName {
  int month = 0;  // 0: no month here
  size_t end = 0;
  bool abbreviated = false;
};

class Matcher {
 public:
  Matcher(std::vector<Token> tokens, const Date& anchor, Tense tense)
      : tokens_(std::move(tokens)), anchor_(anchor), tense_(tense) {}

  std::vector<TimeMention> Candidates() const {
    using MatchFunction = std::optional<Candidate> (Matcher::*)(size_t) const;
    static constexpr MatchFunction kMatchers[] = {
        &Matcher::MatchNumericDate,  &Matcher::MatchDayFirst,    &Matcher::MatchMonthFirst,
        &Matcher::MatchYear,         &Matcher::MatchRelativeDay, &Matcher::MatchWeekday,
        &Matcher::MatchCalendarUnit, &Matcher::MatchAgo,         &Matcher::MatchInCount};
    std::vector<TimeMention> mentions;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      for (const MatchFunction match : kMatchers) {
        if (const std::optional<Candidate> found = (this->*match)(i)) {
          mentions.push_back({tokens_[found->first].begin, tokens_[found->last - 1].end,
                              found->date, found->explicit_year});
        }
      }
    }
    return mentions;
  }

 private:
  // ---- token tests ----

  const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

  // The lowercased word at `i`; "" when there is none.
  std::string_view Word(size_t i) const {
    const Token* token = At(i);
    return token && token->kind == TokenKind::kWord ? std::string_view(token->text) : "";
  }
  std::string_view WordBefore(size_t i) const { return i == 0 ? "" : Word(i - 1); }

  bool IsPunct(size_t i, char c) const {
    const Token* token = At(i);
    return token && token->kind == TokenKind::kPunct && token->text[0] == c;
  }

  const Token* NumberAt(size_t i) const {
    const Token* token = At(i);
    return token && token->kind == TokenKind::kNumber ? token : nullptr;
  }

  // A day of the month ("14", "14th", the first of "30-31"); 0 when there is none.
  int DayAt(size_t i) const {
    const Token* token = NumberAt(i);
    if (!token || token->digits > 2 || (!token->plain && !IsDayRange(token->text))) return 0;
    return token->value >= 1 && token->value <= 31 ? token->value : 0;
  }

  // Four plain digits; 0 when there are none.
  int YearAt(size_t i) const {
    const Token* token = NumberAt(i);
    return token && token->plain && !token->ordinal && token->digits == 4 ? token->value : 0;
  }

  // "3", "three", "a"; -1 when there is no count.
  int CountAt(size_t i) const {
    if (const Token* token = NumberAt(i)) {
      return token->plain && !token->ordinal && token->digits <= 4 ? token->value : -1;
    }
    if (Word(i) == "a" || Word(i) == "an") return 1;
    return IndexOf(kCountWords, Word(i));
  }

  MonthName MonthAt(size_t i) const {
    const Token* token = At(i);
    if (!token) return {};
    const int full = IndexOf(kMonthNames, Word(i));
    const bool ambiguous = Word(i) == "may" || Word(i) == "march";
    if (full >= 0 && (token->capitalized || !ambiguous)) return {full + 1, i + 1, false};
    int abbreviated = IndexOf(kMonthAbbreviations, Word(i));
    if (Word(i) == "sept") abbreviated = 8;
    if (abbreviated < 0 || !token->capitalized) return {};
    const bool dot = IsPunct(i + 1, '.') && NumberAt(i + 2);  // "Nov. 8"
    return {abbreviated + 1, dot ? i + 2 : i + 1, true};
  }

  Unit UnitAt(size_t i) const {
    const std::string_view word = Word(i);
    if (word == "day" || word == "days") return Unit::kDay;
    if (word == "week" || word == "weeks") return Unit::kWeek;
    if (word == "month" || word == "months") return Unit::kMonth;
    if (word == "year" || word == "years") return Unit::kYear;
    if (word == "decade" || word == "decades") return Unit::kDecade;
    return Unit::kNone;
  }

  Reference ReferenceAt(size_t i) const {
    const std::string_view word = Word(i);
    if (word == "last") return Reference::kLast;
    if (word == "this") return Reference::kThis;
    if (word == "next") return Reference::kNext;
    return Reference::kNearest;
  }

  // Past "early", "late", "mid" or "mid-" at `i`; `i` when there is no such modifier.
  size_t SkipVague(size_t i) const {
    const std::string_view word = Word(i);
    if (word == "early" || word == "late") return i + 1;
    if (word != "mid") return i;
    return IsPunct(i + 1, '-') ? i + 2 : i + 1;
  }

  // The token after `phrase` (lowercase words separated by single spaces) when it starts at `i`;
  // `i` when it does not.
  size_t PhraseEnd(size_t i, std::string_view phrase) const {
    size_t end = i;
    while (!phrase.empty()) {
      const size_t space = std::min(phrase.find(' '), phrase.size());
      if (Word(end) != phrase.substr(0, space)) return i;
      phrase.remove_prefix(std::min(space + 1, phrase.size()));
      ++end;
    }
    return end;
  }

  size_t SkipPartOfDay(size_t i) const { return Contains(kPartsOfDay, Word(i)) ? i + 1 : i; }

  // A preposition, "the end of", or a cued month and a joiner: "from April to June".
  bool HasMonthCue(size_t i) const {
    if (Contains(kTimeCues, WordBefore(i))) return true;
    if (i < 2) return false;
    if (WordBefore(i) == "of") return Contains(kPeriodNouns, WordBefore(i - 1));
    const bool joined = Contains(kMonthJoiners, WordBefore(i)) || IsPunct(i - 1, '-');
    return joined && MonthAt(i - 2).month != 0 && HasMonthCue(i - 2);
  }

  bool HasYearCue(size_t i) const {
    const std::string_view before = WordBefore(i);
    return Contains(kTimeCues, before) || before == "of" || before == "year";
  }

  // ---- matchers: each looks for one kind of expression starting at token `i` ----

  std::optional<Candidate> MatchNumericDate(size_t i) const {
    const Token* token = NumberAt(i);
    if (!token || token->plain) return std::nullopt;
    const std::optional<Date> date = ParseNumericDate(token->text);
    if (!date) return std::nullopt;
    return Candidate{i, i + 1, *date, true};
  }

  // "14 March 2014", "14th of March", "14 Nov."
  std::optional<Candidate> MatchDayFirst(size_t i) const {
    const int day = DayAt(i);
    if (day == 0) return std::nullopt;
    const size_t month_index = Word(i + 1) == "of" ? i + 2 : i + 1;
    const MonthName month = MonthAt(month_index);
    if (month.month == 0) return std::nullopt;
    return WithOptionalYear(i, month.end, month.month, day);
  }

  // "March 14, 2014", "March 2014", "in March", "last March", "mid-March".
  std::optional<Candidate> MatchMonthFirst(size_t i) const {
    const Reference reference = ReferenceAt(i);
    const size_t j = reference == Reference::kNearest ? SkipVague(i) : i + 1;
    const MonthName month = MonthAt(j);
    if (month.month == 0) return std::nullopt;
    const bool modified = j != i;
    if (!modified && DayAt(month.end) != 0) return DayAfterMonth(i, month);  // even if invalid
    if (reference == Reference::kNearest) {
      if (std::optional<Candidate> monthly = YearAfterMonth(i, month)) return monthly;
    }
    if (month.abbreviated || (!modified && !HasMonthCue(i))) return std::nullopt;
    return Candidate{i, month.end, ResolveMonth(month.month, reference, tense_, anchor_), false};
  }

  // "in 2014", "early 2014", "mid-2014".
  std::optional<Candidate> MatchYear(size_t i) const {
    const size_t j = SkipVague(i);
    int year = YearAt(j);
    // "in 1998-2000" (one token): a range of years is dated by its first.
    if (const Token* t = NumberAt(j); year == 0 && t != nullptr && t->digits == 4 &&
                                      t->text.size() == 9 && t->text[4] == '-' &&
                                      std::isdigit(static_cast<unsigned char>(t->text[8]))) {
      year = t->value;
    }
    if (year < 1900 || year > 2099) return std::nullopt;
    if (j == i && !HasYearCue(i)) return std::nullopt;
    return Candidate{i, j + 1, YearDate(year), true};
  }

  // "today", "yesterday evening", "the day before yesterday".
  std::optional<Candidate> MatchRelativeDay(size_t i) const {
    static constexpr std::pair<std::string_view, int> kDays[] = {{"today", 0},
                                                                 {"tonight", 0},
                                                                 {"yesterday", -1},
                                                                 {"tomorrow", 1},
                                                                 {"this morning", 0},
                                                                 {"this afternoon", 0},
                                                                 {"this evening", 0},
                                                                 {"last night", -1},
                                                                 {"the day before yesterday", -2},
                                                                 {"the day after tomorrow", 2}};
    const std::string_view first = Word(i);
    if (first.empty()) return std::nullopt;
    for (const auto& [phrase, offset] : kDays) {
      const bool starts = phrase.starts_with(first) &&
                          (phrase.size() == first.size() || phrase[first.size()] == ' ');
      if (!starts) continue;
      if (const size_t end = PhraseEnd(i, phrase); end > i) {
        return Candidate{i, SkipPartOfDay(end), anchor_.AddDays(offset), false};
      }
    }
    return std::nullopt;
  }

  // "Monday", "last Monday", "Monday night", "Monday, March 14".
  std::optional<Candidate> MatchWeekday(size_t i) const {
    const Reference reference = ReferenceAt(i);
    const size_t j = reference == Reference::kNearest ? i : i + 1;
    const int weekday = IndexOf(kWeekdayNames, Word(j));
    if (weekday < 0 || Contains(kNotADayBefore, WordBefore(j))) return std::nullopt;
    if (reference == Reference::kNearest) {
      if (std::optional<Candidate> dated = DateAfterWeekday(i, j + 1)) return dated;
    }
    return Candidate{i, SkipPartOfDay(j + 1), ResolveWeekday(weekday, reference, tense_, anchor_),
                     false};
  }

  // "last week", "this month", "next year", "earlier this year", "later this month".
  std::optional<Candidate> MatchCalendarUnit(size_t i) const {
    const bool vague = Word(i) == "earlier" || Word(i) == "later";
    const size_t j = vague ? i + 1 : i;
    const Reference reference = ReferenceAt(j);
    if (reference == Reference::kNearest || (vague && reference != Reference::kThis)) {
      return std::nullopt;
    }
    const Unit unit = UnitAt(j + 1);
    const bool calendar = unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear;
    if (!calendar || Word(j + 1).back() == 's') return std::nullopt;
    return Candidate{i, j + 2, CalendarPeriod(anchor_, unit, OffsetOf(reference)), false};
  }

  // "two days ago", "a year ago", "30 years ago".
  std::optional<Candidate> MatchAgo(size_t i) const {
    const int count = CountAt(i);
    const Unit unit = UnitAt(i + 1);
    if (count < 0 || unit == Unit::kNone || Word(i + 2) != "ago") return std::nullopt;
    return Candidate{i, i + 3, Shift(anchor_, unit, -count), false};
  }

  // "in three days", "in a week": in a future sentence only.
  std::optional<Candidate> MatchInCount(size_t i) const {
    if (tense_ != Tense::kFuture || Word(i) != "in") return std::nullopt;
    const int count = CountAt(i + 1);
    const Unit unit = UnitAt(i + 2);
    if (count < 0 || unit == Unit::kNone) return std::nullopt;
    return Candidate{i, i + 3, Shift(anchor_, unit, count), false};
  }

  // ---- shared tails ----

  // A day after a month name: "March 14", "October 30–31", "March 14, 2014".
  std::optional<Candidate> DayAfterMonth(size_t first, const MonthName& month) const {
    const int day = DayAt(month.end);
    if (day == 0) return std::nullopt;
    size_t next = month.end + 1;
    if (IsPunct(next, '-') && DayAt(next + 1) != 0) next += 2;  // a range: its first day
    return WithOptionalYear(first, next, month.month, day);
  }

  // A year after a month name: "March 2014", "March of 2014", "January-June 2021" (a range: its
  // first month), "February this year", "July of last year".
  std::optional<Candidate> YearAfterMonth(size_t first, const MonthName& month) const {
    size_t k = month.end;
    if (IsPunct(k, '-') && MonthAt(k + 1).month != 0) k = MonthAt(k + 1).end;
    if (const std::optional<std::pair<int, size_t>> relative = RelativeYearAt(k)) {
      return Candidate{first, relative->second, MonthDate(relative->first, month.month), false};
    }
    if (Word(k) == "of") ++k;
    const int year = YearAt(k);
    if (year == 0) return std::nullopt;
    return Candidate{first, k + 1, MonthDate(year, month.month), true};
  }

  // "this year", "of last year", "next year" after a month or a day: the year and the token after.
  std::optional<std::pair<int, size_t>> RelativeYearAt(size_t k) const {
    if (Word(k) == "of") ++k;
    const Reference reference = ReferenceAt(k);
    if (reference == Reference::kNearest || Word(k + 1) != "year") return std::nullopt;
    return std::pair{anchor_.year + OffsetOf(reference), k + 2};
  }

  // A month and day whose year may follow at `next` (after an optional comma); without it the
  // year comes from the anchor.
  std::optional<Candidate> WithOptionalYear(size_t first, size_t next, int month, int day) const {
    const size_t year_index = IsPunct(next, ',') ? next + 1 : next;
    if (const int year = YearAt(year_index)) {
      const std::optional<Date> date = Date::FromYmd(year, month, day);
      if (!date) return std::nullopt;
      return Candidate{first, year_index + 1, *date, true};
    }
    if (const std::optional<std::pair<int, size_t>> relative = RelativeYearAt(next)) {
      const std::optional<Date> date = Date::FromYmd(relative->first, month, day);
      if (!date) return std::nullopt;
      return Candidate{first, relative->second, *date, false};
    }
    const std::optional<Date> date = ResolveMonthDay(month, day, tense_, anchor_);
    if (!date) return std::nullopt;
    return Candidate{first, next, *date, false};
  }

  // "Monday, March 14": the date after a weekday names the day.
  std::optional<Candidate> DateAfterWeekday(size_t first, size_t next) const {
    const size_t date_index = IsPunct(next, ',') ? next + 1 : next;
    for (const std::optional<Candidate>& date :
         {MatchMonthFirst(date_index), MatchDayFirst(date_index)}) {
      if (date && date->date.precision == DatePrecision::kDay) {
        return Candidate{first, date->last, date->date, date->explicit_year};
      }
    }
    return std::nullopt;
  }

  std::vector<Token> tokens_;
  Date anchor_;
  Tense tense_;
};

// Keeps the longest mentions (then the leftmost) that do not overlap, in text order.
std::vector<TimeMention> SelectLongest(std::vector<TimeMention> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const TimeMention& a, const TimeMention& b) {
                     if (a.end - a.begin != b.end - b.begin) {
                       return a.end - a.begin > b.end - b.begin;
                     }
                     return a.begin < b.begin;
                   });
  std::vector<TimeMention> kept;
  for (const TimeMention& candidate : candidates) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const TimeMention& other) {
      return candidate.begin < other.end && other.begin < candidate.end;
    });
    if (!overlaps) kept.push_back(candidate);
  }
  std::sort(kept.begin(), kept.end(),
            [](const TimeMention& a, const TimeMention& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace

std::vector<TimeMention> FindTimeMentions(std::string_view text, const Date& anchor, Tense tense) {
  return SelectLongest(Matcher(Tokenize(text), anchor, tense).Candidates());
}

}  // namespace dyad::dates
