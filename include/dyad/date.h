// Calendar dates with a precision: the dates of articles and of the events they report.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// How much of a Date is known: "2014" (year), "March 2014" (month), "14 March 2014" (day).
enum class DatePrecision { kDay, kMonth, kYear };

// A proleptic Gregorian date. Fields finer than `precision` are 1 (month 1, day 1) so that
// dates order and compare by the first day of the period they name. A value type.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  DatePrecision precision = DatePrecision::kDay;

  // Builds a day-precision date; nullopt if year/month/day is not a real calendar day.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Days since 1970-01-01 and back (day precision).
  static Date FromDays(long days);
  long ToDays() const;

  // Parses ISO 8601: "2016-11-15", "2016-11-15T10:30:00Z", "2016-11-15 10:30", "2016-11",
  // "2016". A timestamp's calendar day is taken as written (its offset is not applied).
  static std::optional<Date> ParseIso(std::string_view text);

  // "2016-11-14", "2016-11" or "2016", according to precision.
  std::string ToString() const;
  // Weekday with Monday = 0 ... Sunday = 6.
  int Weekday() const;
  Date AddDays(long days) const { return FromDays(ToDays() + days); }

  friend bool operator==(const Date&, const Date&) = default;
};

// "day", "month", "year".
std::string_view PrecisionName(DatePrecision precision);

}  // namespace dyad
