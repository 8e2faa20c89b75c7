#include "dyad/date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace dyad {
namespace {

TEST(Date, FromYmdAcceptsOnlyRealDays) {
  struct Case {
    int year, month, day;
    bool valid;
  };
  const Case kCases[] = {
      {2016, 11, 15, true}, {2016, 2, 29, true},  {2000, 2, 29, true},  {1900, 2, 29, false},
      {2021, 2, 29, false}, {2021, 2, 30, false}, {2021, 4, 31, false}, {2021, 12, 31, true},
      {2021, 0, 1, false},  {2021, 13, 1, false}, {2021, 1, 0, false},  {2021, 1, 32, false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(::testing::Message() << c.year << "-" << c.month << "-" << c.day);
    const std::optional<Date> date = Date::FromYmd(c.year, c.month, c.day);
    EXPECT_EQ(date.has_value(), c.valid);
    if (date) {
      EXPECT_EQ(date->precision, DatePrecision::kDay);
    }
  }
}

TEST(Date, DaysCountFromTheEpoch) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1)->ToDays(), 0);
  EXPECT_EQ(Date::FromYmd(1970, 1, 2)->ToDays(), 1);
  EXPECT_EQ(Date::FromYmd(1969, 12, 31)->ToDays(), -1);
  EXPECT_EQ(Date::FromYmd(2000, 3, 1)->ToDays(), 11017);
  EXPECT_EQ(Date::FromDays(17120).ToString(), "2016-11-15");
}

TEST(Date, LeapDayRoundTrips) {
  const Date leap_day = *Date::FromYmd(2016, 2, 29);
  EXPECT_EQ(Date::FromDays(leap_day.ToDays()), leap_day);
  EXPECT_EQ(leap_day.AddDays(-1).ToString(), "2016-02-28");
  EXPECT_EQ(leap_day.AddDays(1).ToString(), "2016-03-01");
  EXPECT_EQ(leap_day.AddDays(366).ToString(), "2017-03-01");
  EXPECT_EQ(Date::FromYmd(2015, 2, 28)->AddDays(1).ToString(), "2015-03-01");
  EXPECT_EQ(Date::FromYmd(2000, 2, 28)->AddDays(1).ToString(), "2000-02-29");
  EXPECT_EQ(Date::FromYmd(1900, 2, 28)->AddDays(1).ToString(), "1900-03-01");
}

TEST(Date, EveryDayRoundTripsAndFollowsTheDayBefore) {
  Date previous = Date::FromDays(-800000);  // year -221
  for (long days = -799999; days <= 800000; ++days) {
    const Date date = Date::FromDays(days);
    ASSERT_EQ(date.ToDays(), days);
    const bool next_day = date.day == previous.day + 1 && date.month == previous.month;
    const bool next_month = date.day == 1 && (date.month == previous.month + 1 ||
                                              (date.month == 1 && date.year == previous.year + 1));
    ASSERT_TRUE(next_day || next_month) << previous.ToString() << " then " << date.ToString();
    ASSERT_TRUE(Date::FromYmd(date.year, date.month, date.day).has_value()) << date.ToString();
    previous = date;
  }
}

TEST(Date, WeekdayStartsOnMonday) {
  EXPECT_EQ(Date::FromYmd(2016, 11, 14)->Weekday(), 0);  // Monday
  EXPECT_EQ(Date::FromYmd(2016, 11, 15)->Weekday(), 1);  // Tuesday
  EXPECT_EQ(Date::FromYmd(2016, 11, 20)->Weekday(), 6);  // Sunday
  EXPECT_EQ(Date::FromYmd(1970, 1, 1)->Weekday(), 3);    // Thursday
  EXPECT_EQ(Date::FromYmd(1969, 12, 29)->Weekday(), 0);  // Monday, before the epoch
  EXPECT_EQ(Date::FromYmd(2000, 2, 29)->Weekday(), 1);   // Tuesday
}

TEST(Date, ToStringFollowsPrecision) {
  EXPECT_EQ((Date{2016, 11, 14, DatePrecision::kDay}).ToString(), "2016-11-14");
  EXPECT_EQ((Date{2016, 11, 1, DatePrecision::kMonth}).ToString(), "2016-11");
  EXPECT_EQ((Date{2016, 1, 1, DatePrecision::kYear}).ToString(), "2016");
  EXPECT_EQ((Date{987, 3, 4, DatePrecision::kDay}).ToString(), "0987-03-04");
}

TEST(Date, ParseIsoAcceptsDatesAndTimestamps) {
  struct Case {
    std::string_view text;
    std::string_view date;
    DatePrecision precision;
  };
  const Case kCases[] = {
      {"2016-11-15", "2016-11-15", DatePrecision::kDay},
      {"2016-11", "2016-11", DatePrecision::kMonth},
      {"2016", "2016", DatePrecision::kYear},
      {"2016-02-29", "2016-02-29", DatePrecision::kDay},
      {"2021-10-28T11:30:00Z", "2021-10-28", DatePrecision::kDay},
      {"2021-10-28T11:30Z", "2021-10-28", DatePrecision::kDay},
      {"2021-10-28T11:30", "2021-10-28", DatePrecision::kDay},
      {"2021-10-28T11:30:00", "2021-10-28", DatePrecision::kDay},
      {"2021-10-28T11:30:00.123Z", "2021-10-28", DatePrecision::kDay},
      {"2021-10-28T23:59:60Z", "2021-10-28", DatePrecision::kDay},
      {"2016-11-15 10:30", "2016-11-15", DatePrecision::kDay},
      {"2016-11-15 10:30:15", "2016-11-15", DatePrecision::kDay},
      // The offset is not applied: the calendar day is taken as written.
      {"2016-11-15T23:30:00+03:00", "2016-11-15", DatePrecision::kDay},
      {"2016-11-15T00:30:00-05:00", "2016-11-15", DatePrecision::kDay},
      {"2016-11-15T00:30:00.5+05:30", "2016-11-15", DatePrecision::kDay},
      {"2016-11-15T00:30+0100", "2016-11-15", DatePrecision::kDay},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const std::optional<Date> date = Date::ParseIso(c.text);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->ToString(), c.date);
    EXPECT_EQ(date->precision, c.precision);
  }
}

TEST(Date, ParseIsoRejectsEverythingElse) {
  const std::string_view kInvalid[] = {
      "",
      "2021-02-30",
      "2021-02-29",
      "2021-04-31",
      "2021-13-01",
      "2021-00-10",
      "2021-01-00",
      "2021-1-5",
      "21-01-05",
      "20210105",
      "2016-11-15x",
      "2016-11-15 ",
      " 2016-11-15",
      "2016-11-15T",
      "2016-11-15T10",
      "2016-11-15T24:00",
      "2016-11-15T10:60",
      "2016-11-15T10:30:61",
      "2016-11-15T10:30:00.",
      "2016-11-15T10:30:00Zjunk",
      "2016-11-15T10:30:00+3",
      "2016-11-15T10:30:00+03:",
      "2016-11-15T10:30:00+24:00",
      "2016-11-15T10:30:00+03:00:00",
      "2016-11-",
      "2016-",
      "2016/11/15",
      "15.11.2016",
      "November 15, 2016",
      "２０１６",
  };
  for (const std::string_view text : kInvalid) {
    EXPECT_FALSE(Date::ParseIso(text).has_value()) << "'" << text << "'";
  }
}

TEST(Date, ParseIsoRoundTripsToString) {
  for (const std::string_view text : {"2016-11-15", "2016-11", "2016", "0001-01-01"}) {
    EXPECT_EQ(Date::ParseIso(text)->ToString(), text);
  }
}

TEST(Date, DatesOfCoarserPrecisionCompareByTheirFirstDay) {
  const Date month = *Date::ParseIso("2016-11");
  EXPECT_EQ(month.ToDays(), Date::FromYmd(2016, 11, 1)->ToDays());
  EXPECT_NE(month, *Date::FromYmd(2016, 11, 1));  // precision is part of the value
}

TEST(Date, PrecisionNames) {
  EXPECT_EQ(PrecisionName(DatePrecision::kDay), "day");
  EXPECT_EQ(PrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(PrecisionName(DatePrecision::kYear), "year");
}

}  // namespace
}  // namespace dyad
