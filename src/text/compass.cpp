#include "text/compass.h"

#include "text/word_set.h"

namespace dyad::text {

bool IsCompassAdjective(std::string_view w) {
  static const WordSet kWords{"northern",      "southern",      "eastern",       "western",
                              "central",       "northeastern",  "northwestern",  "southeastern",
                              "southwestern",  "north-eastern", "north-western", "south-eastern",
                              "south-western", "far-eastern",   "northeast",     "northwest",
                              "southeast",     "southwest"};
  return kWords.contains(w);
}

}  // namespace dyad::text
