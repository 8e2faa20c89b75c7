// The state an article is about: where actors it names without a state belong ("police
// arrested 40 protesters" in an article about Kenya is Kenya's police and Kenya's protesters).
#pragma once

#include <optional>
#include <string>

#include "actors/actor_dictionary.h"
#include "dyad/date.h"
#include "places/gazetteer.h"
#include "text/document.h"

namespace dyad::actors {

// The rule (docs/actors.md, "Actors named without a state"): every mention of a state in the
// coded sentences counts for it: its name, adjective, seat or place, a person holding one of
// its offices on `day`, a group coded with its code, and a place of the gazetteer in it (after
// a locative preposition any place, elsewhere only a sizeable city or a region whose name is
// no common word). A mention in the headline or after a
// locative preposition ("in Nairobi") counts twice. The state with the most wins; on a tie,
// the one mentioned first. "" when the article names no state.
std::string FindHomeState(const ActorDictionary& dictionary, const places::Gazetteer* gazetteer,
                          const text::Document& doc, const std::optional<Date>& day);

// Is `w` a preposition that places what follows ("in", "at", "near", ...)?
bool IsLocativePreposition(std::string_view w);

}  // namespace dyad::actors
