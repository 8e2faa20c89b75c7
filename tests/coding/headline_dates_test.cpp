// A headline event dated only by publication takes the date of the same event in the lead.
#include "coding/headline_dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::coding {
namespace {

Event Make(ArticleField field, int sentence, const std::string& source, const std::string& target,
           const std::string& cameo, const Date& date) {
  Event e;
  e.field = field;
  e.sentence_index = sentence;
  e.source.entity = source;
  e.target.entity = target;
  e.cameo = cameo;
  e.date = date;
  return e;
}

const Date kPublished = *Date::FromYmd(2019, 1, 23);
const Date kMonday = *Date::FromYmd(2019, 1, 21);

TEST(HeadlineDates, TheHeadlineTakesTheLeadsDate) {
  std::vector<Event> events = {Make(ArticleField::kTitle, 0, "DEU", "IRN", "172", kPublished),
                               Make(ArticleField::kText, 1, "DEU", "IRN", "172", kMonday)};
  DateHeadlinesByLead(kPublished, &events);
  EXPECT_EQ(events[0].date, kMonday);
  EXPECT_EQ(events[1].date, kMonday);
}

TEST(HeadlineDates, OnlyTheSameEventOfTheLead) {
  // another code, another pair, a sentence past the lead, or a date after publication or
  // long before it leave the headline's date alone
  const std::vector<Event> leads = {
      Make(ArticleField::kText, 1, "DEU", "IRN", "173", kMonday),
      Make(ArticleField::kText, 1, "FRA", "IRN", "172", kMonday),
      Make(ArticleField::kText, 5, "DEU", "IRN", "172", kMonday),
      Make(ArticleField::kText, 1, "DEU", "IRN", "172", kPublished.AddDays(2)),
      Make(ArticleField::kText, 1, "DEU", "IRN", "172", kPublished.AddDays(-90)),
  };
  for (const Event& lead : leads) {
    std::vector<Event> events = {Make(ArticleField::kTitle, 0, "DEU", "IRN", "172", kPublished),
                                 lead};
    DateHeadlinesByLead(kPublished, &events);
    EXPECT_EQ(events[0].date, kPublished)
        << lead.source.entity << " " << lead.cameo << " " << lead.sentence_index;
  }
}

TEST(HeadlineDates, AHeadlineWithADateOfItsOwnKeepsIt) {
  const Date friday = *Date::FromYmd(2019, 1, 18);
  std::vector<Event> events = {Make(ArticleField::kTitle, 0, "DEU", "IRN", "172", friday),
                               Make(ArticleField::kText, 1, "DEU", "IRN", "172", kMonday)};
  DateHeadlinesByLead(kPublished, &events);
  EXPECT_EQ(events[0].date, friday);
}

}  // namespace
}  // namespace dyad::coding
