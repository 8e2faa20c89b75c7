// Reader for TABARI/PETRARCH verb dictionaries: synsets (&NAME, +phrases), verb blocks
// ("--- DESCRIPTION [CODE] ---", verbs with {irregular forms}, +MULTI_WORD verbs) and their
// patterns ("- $ NOT * ^ TO_ +  [124]"). What dyad makes of them: docs/events.md.
#pragma once

#include <string_view>
#include <vector>

#include "coding/event_lexicon.h"
#include "dyad/diagnostic.h"

namespace dyad::coding {

// Is `content` a TABARI/PETRARCH verb dictionary (block lines "--- ... ---", no "=>")?
bool LooksLikeTabariVerbs(std::string_view content);

// Adds the verbs and patterns of `content` to `lexicon`. Lines it cannot read are warnings.
void LoadTabariVerbs(std::string_view content, std::string_view file, const CameoTable& cameo,
                     EventLexicon* lexicon, std::vector<Diagnostic>* diagnostics);

}  // namespace dyad::coding
