// What the TABARI and PETRARCH verb dictionary readers share: the rule a dictionary code
// makes, and how a dictionary phrase becomes tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/cameo_table.h"
#include "coding/event_lexicon.h"

namespace dyad::coding {

// The rule of a verb dictionary's code ("064"; "032" with the reverse "033"; the null code
// "---") written at `file`:`line`: a TABARI rule with CAMEO's name, QuadClass and Goldstein
// score for the code when it is CAMEO's (codes outside CAMEO, such as WEIS's, have none), whose
// target is the verb's object or the actor after one of the usual prepositions.
EventRule DictionaryRule(std::string_view code, std::string_view reverse, std::string_view file,
                         int64_t line, const CameoTable& cameo);

// "GOLDEN_GOBLIN_GALLEONS" -> the tokens of "golden goblin galleons".
std::vector<std::string> PhraseTokens(std::string_view phrase);

// Does a pattern spell out a negation ("&NEGATVAUXVRB *" with "DID N'T")? Then its code is the
// negated event, which the coder does not mark negated again.
bool SpellsNegation(const VerbPattern& pattern);

std::string_view TrimBlanks(std::string_view s);
std::string Lowercase(std::string_view s);
std::string Uppercase(std::string_view s);

}  // namespace dyad::coding
