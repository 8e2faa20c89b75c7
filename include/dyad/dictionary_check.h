// Checking dictionaries before use: `dyad dict check` (docs/actors.md, "Checking dictionaries").
#pragma once

#include <string>
#include <vector>

#include "dyad/diagnostic.h"

namespace dyad {

// Loads `paths` (actor dictionaries, event lexicons) on top of the built-in dictionaries, or
// alone when `with_builtin` is false, and reports syntax errors and what no single line shows:
// a phrase naming two records, ids given twice, two holders of one office at once, references
// to unknown states or organizations, unknown CAMEO codes. With no paths, checks the built-in
// dictionaries themselves. Only problems in the checked files are reported, in file and line
// order. A file that cannot be read is reported, not thrown.
std::vector<Diagnostic> CheckDictionaries(const std::vector<std::string>& paths, bool with_builtin);

}  // namespace dyad
