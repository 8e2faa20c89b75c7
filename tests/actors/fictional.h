// A small dictionary of fictional actors, so that tests do not break when the built-in
// knowledge base changes (the PETRARCH validation suite does the same with Arnor and Gondor).
#pragma once

namespace dyad::testing {

inline constexpr const char* kFictionalActors = R"(
state ARN "Arnor"
  names      Arnor | the Kingdom of Arnor
  adjectives Arnorian | Arnorians
  seats      Annuminas | the Tower
  places     Weathertop
state GON "Gondor"
  names      Gondor
  adjectives Gondorian
  seats      Minas Tirith
  places     Osgiliath
org FEL "Fellowship" code=IGOFEL
  names      Fellowship | the Fellowship of the Ring
  desc       alliance
person aragorn "Aragorn"
  names      Aragorn | Elessar
  role       ARN ELI king-elect 3018-03-01..3019-04-30
  role       ARN GOV king 3019-05-01..
  else       ARN ELI
person denethor "Denethor"
  names      Denethor
  role       GON GOV steward ..3019-03-15
agent GOV
  titles     king | steward | president | foreign minister
  bodies     government | side
agent MIL
  bodies     army | troops
agent REB
  titles     separatist
  bodies     separatist forces
anaphor person
  phrases    he | him | his
anaphor group
  phrases    they | both leaders | the parties
anaphor speaker
  phrases    we | our
publisher arnor.example ARN king
)";

}  // namespace dyad::testing
