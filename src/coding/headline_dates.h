// A headline reports its story's lead: an event of the headline dated only by the article's
// publication ("Germany bans Mahan Air of Iran") takes the date of the same event in the text
// ("Germany on Monday banned Iranian airline Mahan Air").
#pragma once

#include <optional>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"

namespace dyad::coding {

// For each headline event whose date is the publication day, the date of the first event of
// the lead (the text's first two sentences) with the same source and target entities and the
// same CAMEO code, when that date is earlier than the publication by at most a month.
void DateHeadlinesByLead(const std::optional<Date>& published, std::vector<Event>* events);

}  // namespace dyad::coding
