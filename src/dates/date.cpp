// Calendar arithmetic after Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms"
// (days_from_civil / civil_from_days), and a hand-written ISO 8601 scanner.
#include "dyad/date.h"

#include <cstdio>
#include <cstdlib>

namespace dyad {
namespace {

bool IsLeapYear(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(long year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

long DaysFromCivil(long year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;  // [0, 399]
  const long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Reads the characters of an ISO 8601 string left to right; every Read* fails without moving.
class IsoScanner {
 public:
  explicit IsoScanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }

  // Exactly `count` digits, as a number; -1 when they are not there.
  int ReadDigits(size_t count) {
    if (text_.size() - pos_ < count) return -1;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    return value;
  }

  // An integer field of `count` digits within [low, high].
  bool ReadField(size_t count, int low, int high, int* value) {
    const size_t start = pos_;
    *value = ReadDigits(count);
    if (*value >= low && *value <= high) return true;
    pos_ = start;
    return false;
  }

  bool ReadChar(std::string_view choices) {
    if (AtEnd() || choices.find(text_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }

  // HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM], all of the rest of the text.
  bool ReadTimeToEnd() {
    int hour = 0, minute = 0, second = 0;
    if (!ReadField(2, 0, 23, &hour) || !ReadChar(":") || !ReadField(2, 0, 59, &minute)) {
      return false;
    }
    if (ReadChar(":")) {
      if (!ReadField(2, 0, 60, &second)) return false;  // 60: a leap second
      if (ReadChar(".,") && !ReadFraction()) return false;
    }
    if (ReadChar("Zz")) return AtEnd();
    if (ReadChar("+-")) return ReadOffset() && AtEnd();
    return AtEnd();
  }

 private:
  bool ReadFraction() {
    const size_t start = pos_;
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool ReadOffset() {
    int hours = 0, minutes = 0;
    if (!ReadField(2, 0, 23, &hours)) return false;
    ReadChar(":");
    return ReadField(2, 0, 59, &minutes);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date{year, month, day, DatePrecision::kDay};
}

Date Date::FromDays(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long day_of_era = z - era * 146097;  // [0, 146096]
  const long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), month, day, DatePrecision::kDay};
}

long Date::ToDays() const { return DaysFromCivil(year, month, day); }

std::optional<Date> Date::ParseIso(std::string_view text) {
  IsoScanner scanner(text);
  int year = 0, month = 0, day = 0;
  if (!scanner.ReadField(4, 0, 9999, &year)) return std::nullopt;
  if (scanner.AtEnd()) return Date{year, 1, 1, DatePrecision::kYear};
  if (!scanner.ReadChar("-") || !scanner.ReadField(2, 1, 12, &month)) return std::nullopt;
  if (scanner.AtEnd()) return Date{year, month, 1, DatePrecision::kMonth};
  if (!scanner.ReadChar("-") || !scanner.ReadField(2, 1, 31, &day)) return std::nullopt;
  std::optional<Date> date = FromYmd(year, month, day);
  if (!date || scanner.AtEnd()) return date;
  if (!scanner.ReadChar("Tt ") || !scanner.ReadTimeToEnd()) return std::nullopt;
  return date;
}

std::string Date::ToString() const {
  char buffer[32] = {};
  const char* sign = year < 0 ? "-" : "";
  const long abs_year = std::labs(static_cast<long>(year));
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buffer, sizeof buffer, "%s%04ld", sign, abs_year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%s%04ld-%02d", sign, abs_year, month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%s%04ld-%02d-%02d", sign, abs_year, month, day);
      break;
  }
  return buffer;
}

int Date::Weekday() const {
  const long days = ToDays();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string_view PrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

}  // namespace dyad
