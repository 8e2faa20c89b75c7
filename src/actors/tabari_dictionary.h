// Readers for the dictionaries users already have for TABARI and PETRARCH: actors (codes with
// date restrictions, synonyms), agents (~ suffixes, {plurals}, !substitution! markers). Formats:
// the TABARI manual (chapter 5) and the PETRARCH dictionary docs; what dyad makes of them:
// docs/actors.md, "TABARI and PETRARCH dictionaries".
#pragma once

#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "dyad/diagnostic.h"

namespace dyad::actors {

// Is `content` a TABARI/PETRARCH actor dictionary rather than one in dyad's format? (Its
// first record line does not start with a dyad record kind.)
bool LooksLikeTabariActors(std::string_view content);

// Adds the records of a TABARI/PETRARCH actor dictionary to `dict`. Lines it cannot read are
// diagnostics; the rest loads.
void LoadTabariActors(std::string_view content, std::string_view file, ActorDictionary* dict,
                      std::vector<Diagnostic>* diagnostics);

// Adds the agents of a TABARI/PETRARCH agent dictionary to `dict`.
void LoadTabariAgents(std::string_view content, std::string_view file, ActorDictionary* dict,
                      std::vector<Diagnostic>* diagnostics);

// A TABARI date: YYMMDD (00-30 are 2000-2030) or YYYYMMDD.
std::optional<Date> ParseTabariDate(std::string_view text);

}  // namespace dyad::actors
