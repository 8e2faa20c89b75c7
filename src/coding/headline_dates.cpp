#include "coding/headline_dates.h"

namespace dyad::coding {
namespace {

bool SameEvent(const Event& a, const Event& b) {
  return a.source.entity == b.source.entity && a.target.entity == b.target.entity &&
         a.cameo == b.cameo;
}

}  // namespace

void DateHeadlinesByLead(const std::optional<Date>& published, std::vector<Event>* events) {
  if (!published) return;
  constexpr long kMaxDaysBefore = 31;
  // The lead is the text's first two sentences (a later one may recall an earlier event of
  // the same pair: "the leaders last spoke on May 5").
  constexpr int kLeadSentences = 2;
  int last_title = -1;
  for (const Event& e : *events) {
    if (e.field == ArticleField::kTitle && e.sentence_index > last_title) {
      last_title = e.sentence_index;
    }
  }
  for (Event& headline : *events) {
    if (headline.field != ArticleField::kTitle || headline.date != published) continue;
    for (const Event& lead : *events) {
      if (lead.field != ArticleField::kText || lead.sentence_index > last_title + kLeadSentences) {
        continue;
      }
      if (!lead.date || !SameEvent(headline, lead)) continue;
      const long before = published->ToDays() - lead.date->ToDays();
      if (lead.date->precision == DatePrecision::kDay && before > 0 && before <= kMaxDaysBefore) {
        headline.date = lead.date;
      }
      break;  // the first such event is the lead's
    }
  }
}

}  // namespace dyad::coding
