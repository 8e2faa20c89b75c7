#include "dates/time_expression.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::dates {
namespace {

constexpr DatePrecision kDay = DatePrecision::kDay;
constexpr DatePrecision kMonth = DatePrecision::kMonth;
constexpr DatePrecision kYear = DatePrecision::kYear;
constexpr Tense kPast = Tense::kPast;
constexpr Tense kFuture = Tense::kFuture;

// Tuesday 2016-11-15, the day the Putin-Trump call (Monday 2016-11-14) was reported.
constexpr std::string_view kTuesday = "2016-11-15";

// One row: the sentence, the publication date, the tense, and the one date expected ("" when the
// sentence holds no time expression).
struct Case {
  std::string_view text;
  std::string_view anchor;
  Tense tense;
  std::string_view date;
  DatePrecision precision;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << "'" << c.text << "' published " << c.anchor);
    const std::optional<Date> anchor = Date::ParseIso(c.anchor);
    ASSERT_TRUE(anchor.has_value());
    const std::vector<TimeMention> mentions = FindTimeMentions(c.text, *anchor, c.tense);
    if (c.date.empty()) {
      EXPECT_TRUE(mentions.empty()) << "found " << mentions.front().date.ToString();
      continue;
    }
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].date.ToString(), c.date);
    EXPECT_EQ(PrecisionName(mentions[0].date.precision), PrecisionName(c.precision));
  }
}

using SpanList = std::vector<std::string_view>;

// The text each mention covers.
SpanList Spans(std::string_view text, Tense tense = kPast) {
  SpanList spans;
  for (const TimeMention& mention : FindTimeMentions(text, *Date::ParseIso(kTuesday), tense)) {
    spans.push_back(text.substr(mention.begin, mention.end - mention.begin));
  }
  return spans;
}

TEST(TimeExpression, Weekdays) {
  ExpectCases({
      {"Putin had a telephone conversation with Trump on Monday.", kTuesday, kPast, "2016-11-14",
       kDay},
      {"During the Monday conversation, they agreed.", kTuesday, kPast, "2016-11-14", kDay},
      {"They spoke on Monday night.", kTuesday, kPast, "2016-11-14", kDay},
      {"the talks ON MONDAY", kTuesday, kPast, "2016-11-14", kDay},
      {"Sunday's election", kTuesday, kPast, "2016-11-13", kDay},
      {"on Tuesday", kTuesday, kPast, "2016-11-15", kDay},
      {"on Wednesday", kTuesday, kPast, "2016-11-09", kDay},
      {"last Monday", kTuesday, kPast, "2016-11-14", kDay},
      {"last Tuesday", kTuesday, kPast, "2016-11-08", kDay},
      {"this Monday", kTuesday, kPast, "2016-11-14", kDay},
      {"on Monday", "2016-11-14", kPast, "2016-11-14", kDay},
      {"last Monday", "2016-11-14", kPast, "2016-11-07", kDay},
      {"on Friday", kTuesday, kFuture, "2016-11-18", kDay},
      {"on Friday", kTuesday, kPast, "2016-11-11", kDay},
      {"on Tuesday", kTuesday, kFuture, "2016-11-15", kDay},
      {"next Tuesday", kTuesday, kFuture, "2016-11-22", kDay},
      {"next Friday", kTuesday, kPast, "2016-11-18", kDay},
      {"on Monday", kTuesday, kFuture, "2016-11-21", kDay},
      {"on Sunday", "2016-12-30", kFuture, "2017-01-01", kDay},
      {"Monday, March 14, 2016", kTuesday, kPast, "2016-03-14", kDay},
      {"on Monday 14 March", kTuesday, kPast, "2016-03-14", kDay},
      {"The cabinet meets every Monday.", kTuesday, kPast, "", kDay},
      {"the anniversary of Bloody Sunday", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, RelativeDays) {
  ExpectCases({
      {"today", kTuesday, kPast, "2016-11-15", kDay},
      {"Today, the president said", kTuesday, kPast, "2016-11-15", kDay},
      {"tonight", kTuesday, kFuture, "2016-11-15", kDay},
      {"this morning", kTuesday, kPast, "2016-11-15", kDay},
      {"this evening", kTuesday, kFuture, "2016-11-15", kDay},
      {"yesterday", kTuesday, kPast, "2016-11-14", kDay},
      {"Yesterday evening", kTuesday, kPast, "2016-11-14", kDay},
      {"last night", kTuesday, kPast, "2016-11-14", kDay},
      {"the day before yesterday", kTuesday, kPast, "2016-11-13", kDay},
      {"tomorrow", kTuesday, kFuture, "2016-11-16", kDay},
      {"the day after tomorrow", kTuesday, kFuture, "2016-11-17", kDay},
      {"yesterday", "2016-03-01", kPast, "2016-02-29", kDay},
  });
}

TEST(TimeExpression, CalendarPeriods) {
  ExpectCases({
      {"last month", kTuesday, kPast, "2016-10", kMonth},
      {"last month", "2016-01-10", kPast, "2015-12", kMonth},
      {"this month", kTuesday, kPast, "2016-11", kMonth},
      {"Earlier this month", kTuesday, kPast, "2016-11", kMonth},
      {"later this month", kTuesday, kFuture, "2016-11", kMonth},
      {"next month", kTuesday, kFuture, "2016-12", kMonth},
      {"next month", "2016-12-20", kFuture, "2017-01", kMonth},
      {"Earlier this year", kTuesday, kPast, "2016", kYear},
      {"last year", kTuesday, kPast, "2015", kYear},
      {"this year", kTuesday, kPast, "2016", kYear},
      {"next year", kTuesday, kFuture, "2017", kYear},
      // A week is reported as the month holding its Thursday.
      {"last week", kTuesday, kPast, "2016-11", kMonth},
      {"last week", "2016-11-02", kPast, "2016-10", kMonth},
      {"next week", "2016-11-28", kFuture, "2016-12", kMonth},
      {"this week", kTuesday, kPast, "2016-11", kMonth},
      {"over the last years", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, CountedPeriods) {
  ExpectCases({
      {"three days ago", kTuesday, kPast, "2016-11-12", kDay},
      {"5 days ago", kTuesday, kPast, "2016-11-10", kDay},
      {"a week ago", kTuesday, kPast, "2016-11-08", kDay},
      {"two weeks ago", kTuesday, kPast, "2016-11-01", kDay},
      {"six months ago", kTuesday, kPast, "2016-05", kMonth},
      {"eleven months ago", kTuesday, kPast, "2015-12", kMonth},
      {"a year ago", kTuesday, kPast, "2015", kYear},
      {"two years ago", kTuesday, kPast, "2014", kYear},
      {"some 30 years ago", kTuesday, kPast, "1986", kYear},
      {"two decades ago", kTuesday, kPast, "1996", kYear},
      {"They will meet in three days.", kTuesday, kFuture, "2016-11-18", kDay},
      {"in a week", kTuesday, kFuture, "2016-11-22", kDay},
      {"in two months", kTuesday, kFuture, "2017-01", kMonth},
      {"for the first time in 30 years", kTuesday, kPast, "", kDay},
      {"1,000 years ago", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, ExplicitDates) {
  ExpectCases({
      {"14 March 2014", kTuesday, kPast, "2014-03-14", kDay},
      {"on 14th of March 2014", kTuesday, kPast, "2014-03-14", kDay},
      {"March 14, 2014", kTuesday, kPast, "2014-03-14", kDay},
      {"March 14 2014", kTuesday, kPast, "2014-03-14", kDay},
      {"on May 9th, 1945", kTuesday, kPast, "1945-05-09", kDay},
      {"Nov. 8, 2016", kTuesday, kPast, "2016-11-08", kDay},
      {"on 8 Nov 2016", kTuesday, kPast, "2016-11-08", kDay},
      {"Sept 11", kTuesday, kPast, "2016-09-11", kDay},
      {"2014-03-14", kTuesday, kPast, "2014-03-14", kDay},
      {"14.03.2014", kTuesday, kPast, "2014-03-14", kDay},
      {"on October 30–31", kTuesday, kPast, "2016-10-30", kDay},
      {"October 30-31, 2015", kTuesday, kPast, "2015-10-30", kDay},
      {"in March 2014", kTuesday, kPast, "2014-03", kMonth},
      {"in March of 2014", kTuesday, kPast, "2014-03", kMonth},
      {"in early March 2014", kTuesday, kPast, "2014-03", kMonth},
      {"in January-June 2021", kTuesday, kPast, "2021-01", kMonth},
      {"on February 30", kTuesday, kPast, "", kDay},
      {"February 30, 2016", kTuesday, kPast, "", kDay},
      {"31.02.2014", kTuesday, kPast, "", kDay},
      {"2014-02-30", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, DatesWithoutYearTakeItFromTheAnchor) {
  ExpectCases({
      {"on March 14", kTuesday, kPast, "2016-03-14", kDay},
      {"on 14 March", kTuesday, kPast, "2016-03-14", kDay},
      {"on December 14", kTuesday, kPast, "2015-12-14", kDay},
      {"on December 14", kTuesday, kFuture, "2016-12-14", kDay},
      {"on March 14", kTuesday, kFuture, "2017-03-14", kDay},
      {"on 15 November", kTuesday, kPast, "2016-11-15", kDay},
      {"on 15 November", kTuesday, kFuture, "2016-11-15", kDay},
      {"on 16 November", kTuesday, kPast, "2015-11-16", kDay},
      {"on February 29", kTuesday, kPast, "2016-02-29", kDay},
      {"on February 29", "2017-06-01", kPast, "2016-02-29", kDay},
      {"on February 29", "2017-06-01", kFuture, "2020-02-29", kDay},
      {"in March", kTuesday, kPast, "2016-03", kMonth},
      {"in March", kTuesday, kFuture, "2017-03", kMonth},
      {"in November", kTuesday, kPast, "2016-11", kMonth},
      {"in November", kTuesday, kFuture, "2016-11", kMonth},
      {"in December", kTuesday, kPast, "2015-12", kMonth},
      {"since May", kTuesday, kPast, "2016-05", kMonth},
      {"last March", "2016-03-10", kPast, "2015-03", kMonth},
      {"this March", "2016-11-10", kPast, "2016-03", kMonth},
      {"next March", kTuesday, kPast, "2017-03", kMonth},
      {"by the end of March", kTuesday, kFuture, "2017-03", kMonth},
      {"in mid-October", kTuesday, kPast, "2016-10", kMonth},
      {"in February this year", kTuesday, kPast, "2016-02", kMonth},
      {"in December this year", kTuesday, kFuture, "2016-12", kMonth},
      {"in July of last year", kTuesday, kPast, "2015-07", kMonth},
      {"by April next year", kTuesday, kFuture, "2017-04", kMonth},
      {"on 14 March last year", kTuesday, kPast, "2015-03-14", kDay},
      {"on February 29 this year", kTuesday, kPast, "2016-02-29", kDay},
  });
}

TEST(TimeExpression, Years) {
  ExpectCases({
      {"in 2014", kTuesday, kPast, "2014", kYear},
      {"a border war in 1998-2000", kTuesday, kPast, "1998", kYear},
      {"In 2014, Russia annexed Crimea.", kTuesday, kPast, "2014", kYear},
      {"in early 2014", kTuesday, kPast, "2014", kYear},
      {"in late 2014", kTuesday, kPast, "2014", kYear},
      {"by mid-2020", kTuesday, kFuture, "2020", kYear},
      {"since 1991", kTuesday, kPast, "1991", kYear},
      {"in the year 2000", kTuesday, kPast, "2000", kYear},
      {"the elections of 2012", kTuesday, kPast, "2012", kYear},
      {"in 2150", kTuesday, kPast, "", kDay},
      {"in 1850", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, WordsThatAreNotTimes) {
  ExpectCases({
      {"Russia may impose sanctions.", kTuesday, kPast, "", kDay},
      {"May I say a word?", kTuesday, kPast, "", kDay},
      {"Prime Minister Theresa May said", kTuesday, kPast, "", kDay},
      {"the criticism of Theresa May", kTuesday, kPast, "", kDay},
      {"The march on Washington", kTuesday, kPast, "", kDay},
      {"March on Washington", kTuesday, kPast, "", kDay},
      {"protesters march in the streets", kTuesday, kPast, "", kDay},
      {"nothing can mar the friendship", kTuesday, kPast, "", kDay},
      {"a history of 210 years", kTuesday, kPast, "", kDay},
      {"2,000 troops", kTuesday, kPast, "", kDay},
      {"in 2,000 cases", kTuesday, kPast, "", kDay},
      {"2014 troops", kTuesday, kPast, "", kDay},
      {"at 10am", kTuesday, kPast, "", kDay},
      {"at 10:30", kTuesday, kPast, "", kDay},
      {"the 1990s", kTuesday, kPast, "", kDay},
      {"an august institution", kTuesday, kPast, "", kDay},
      {"the October Revolution", kTuesday, kPast, "", kDay},
      {"", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, MayNeedsACapitalAndADateContext) {
  ExpectCases({
      {"in May", kTuesday, kPast, "2016-05", kMonth},
      {"May 9", kTuesday, kPast, "2016-05-09", kDay},
      {"the May 9 parade", kTuesday, kPast, "2016-05-09", kDay},
      {"May 2015", kTuesday, kPast, "2015-05", kMonth},
      {"in may", kTuesday, kPast, "", kDay},
  });
}

TEST(TimeExpression, TypographyIsNormalized) {
  ExpectCases({
      {"on\u00a0Monday", kTuesday, kPast, "2016-11-14", kDay},
      {"14\u00a0March\u00a02014", kTuesday, kPast, "2014-03-14", kDay},
      {"Yesterday\u2019s talks", kTuesday, kPast, "2016-11-14", kDay},
      {"\u201cyesterday\u201d", kTuesday, kPast, "2016-11-14", kDay},
      {"the talks in Minsk\u2014on Monday\u2014were", kTuesday, kPast, "2016-11-14", kDay},
      {"Niinist\u00f6 spoke on Monday", kTuesday, kPast, "2016-11-14", kDay},
  });
}

TEST(TimeExpression, RangesCoverTheExpressionWithoutItsPreposition) {
  EXPECT_EQ(Spans("He called on Monday."), SpanList{"Monday"});
  EXPECT_EQ(Spans("They met on March 14, when"), SpanList{"March 14"});
  EXPECT_EQ(Spans("They met on March 14, 2014."), SpanList{"March 14, 2014"});
  EXPECT_EQ(Spans("in early 2014"), SpanList{"early 2014"});
  EXPECT_EQ(Spans("in mid-March"), SpanList{"mid-March"});
  EXPECT_EQ(Spans("two days ago"), SpanList{"two days ago"});
  EXPECT_EQ(Spans("on Monday night"), SpanList{"Monday night"});
  EXPECT_EQ(Spans("the day before yesterday"), SpanList{"the day before yesterday"});
  EXPECT_EQ(Spans("Earlier this year"), SpanList{"Earlier this year"});
  EXPECT_EQ(Spans("on October 30\u201331."), SpanList{"October 30\u201331"});
  EXPECT_EQ(Spans("in three days", kFuture), SpanList{"in three days"});
}

TEST(TimeExpression, MentionsComeInTextOrder) {
  const std::string_view text =
      "On Monday, the leaders recalled the talks of 14 March 2014 and agreed to meet next month.";
  const std::vector<TimeMention> mentions =
      FindTimeMentions(text, *Date::ParseIso(kTuesday), kPast);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].date.ToString(), "2016-11-14");
  EXPECT_FALSE(mentions[0].explicit_year);
  EXPECT_EQ(mentions[1].date.ToString(), "2014-03-14");
  EXPECT_TRUE(mentions[1].explicit_year);
  EXPECT_EQ(mentions[2].date.ToString(), "2016-12");
  EXPECT_FALSE(mentions[2].explicit_year);
  EXPECT_LT(mentions[0].end, mentions[1].begin);
  EXPECT_LT(mentions[1].end, mentions[2].begin);
}

TEST(TimeExpression, MonthsJoinedToACuedMonthAreMonths) {
  EXPECT_EQ(Spans("from April to June"), (SpanList{"April", "June"}));
  EXPECT_EQ(Spans("in March or February"), (SpanList{"March", "February"}));
  EXPECT_EQ(Spans("in March-April"), (SpanList{"March", "April"}));
  EXPECT_TRUE(Spans("April and June were warm").empty());
}

TEST(TimeExpression, ExplicitYearIsReported) {
  const Date anchor = *Date::ParseIso(kTuesday);
  EXPECT_TRUE(FindTimeMentions("in 2014", anchor, kPast).at(0).explicit_year);
  EXPECT_TRUE(FindTimeMentions("March 2014", anchor, kPast).at(0).explicit_year);
  EXPECT_TRUE(FindTimeMentions("2014-03-14", anchor, kPast).at(0).explicit_year);
  EXPECT_FALSE(FindTimeMentions("on March 14", anchor, kPast).at(0).explicit_year);
  EXPECT_FALSE(FindTimeMentions("last year", anchor, kPast).at(0).explicit_year);
}

// Random bytes, and random mixes of date words and multi-byte punctuation: no crash, and every
// range lies inside the text, in order, without overlap.
TEST(TimeExpression, ArbitraryInputYieldsOrderedRangesInsideTheText) {
  const std::string_view kPieces[] = {
      "on",   " ",        "Monday", "March", "May",  "14",    "2014", "-",    "\u2013", ",",
      "\xe2", "\xe2\x80", "\xc2",   ".",     "last", "ago",   "two",  "days", "in",     "the",
      "day",  "before",   "of",     "end",   "mid",  "30-31", "1.2.", "Nov",  "th",     "\xff"};
  std::mt19937 random(20161115);
  const Date anchor = *Date::ParseIso(kTuesday);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) {
      if (round % 2 == 0) {
        text += kPieces[random() % std::size(kPieces)];
      } else {
        text.push_back(static_cast<char>(random() % 256));
      }
    }
    for (const Tense tense : {kPast, kFuture}) {
      size_t previous_end = 0;
      for (const TimeMention& mention : FindTimeMentions(text, anchor, tense)) {
        ASSERT_LE(previous_end, mention.begin) << text;
        ASSERT_LT(mention.begin, mention.end) << text;
        ASSERT_LE(mention.end, text.size()) << text;
        previous_end = mention.end;
      }
    }
  }
}

}  // namespace
}  // namespace dyad::dates
