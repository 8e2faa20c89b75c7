// Reader for PETRARCH verb dictionaries (Phoenix's CAMEO.2.0.txt): synsets (&NAME, +phrases),
// verb blocks ("--- DESCRIPTION [CODE] ---", verbs with {irregular forms}, +MULTI_WORD verbs)
// and their patterns ("- $ NOT * ^ TO_ +  [124]"). What dyad makes of them: docs/events.md.
#pragma once

#include <string_view>
#include <vector>

#include "coding/cameo_table.h"
#include "coding/event_lexicon.h"
#include "dyad/diagnostic.h"

namespace dyad::coding {

// Adds the verbs and patterns of `content` to `lexicon`. Lines it cannot read are warnings;
// the rest loads.
void LoadPetrarchVerbs(std::string_view content, std::string_view file, const CameoTable& cameo,
                       EventLexicon* lexicon, std::vector<Diagnostic>* diagnostics);

}  // namespace dyad::coding
