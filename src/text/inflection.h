// English inflections for dictionary words: verb forms for the event lexicon, plurals for
// nouns and agents ("ambassador" -> "ambassadors").
#pragma once

#include <string>
#include <string_view>

namespace dyad::text {

// "criticize" -> "criticizes", "criticized", "criticized", "criticizing"; irregular verbs known.
struct VerbForms {
  std::string third;
  std::string past;
  std::string participle;
  std::string gerund;
};
VerbForms Inflect(std::string_view lemma);
std::string Pluralize(std::string_view noun);

}  // namespace dyad::text
