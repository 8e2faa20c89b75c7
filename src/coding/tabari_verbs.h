// Reader for TABARI verb dictionaries (chapter 5 of the TABARI manual): root verbs with their
// code ("ACCEPT [081]"), {irregular forms}, the patterns after them ("- PROPOSAL WAS * [081]"),
// <SYNSETS>, and the <NOUN>, <ADJECTIVE>, <ATTRIB> and <TIME> sections (skipped). What dyad
// makes of them: docs/events.md, "TABARI and PETRARCH verb dictionaries".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "coding/cameo_table.h"
#include "coding/event_lexicon.h"
#include "dyad/diagnostic.h"

namespace dyad::coding {

// The formats `--verbs` reads: dyad's event lexicon (src/coding/data/lexicon/), PETRARCH's
// verb dictionary ("--- DESCRIPTION [CODE] ---" blocks) and TABARI's.
enum class VerbFormat : uint8_t { kDyad, kPetrarch, kTabari };

// The format of a verb dictionary, by its content: a rule with "=>" is dyad's, a line opening
// a "--- ... ---" block PETRARCH's; anything else is read as TABARI's.
VerbFormat VerbFormatOf(std::string_view content);

// Adds the verbs and patterns of a TABARI dictionary to `lexicon`. A line the manual does not
// allow is a warning naming what is wrong, and is skipped; a section dyad has no use for is
// skipped with one note (Severity::kInfo).
void LoadTabariVerbs(std::string_view content, std::string_view file, const CameoTable& cameo,
                     EventLexicon* lexicon, std::vector<Diagnostic>* diagnostics);

}  // namespace dyad::coding
