// Diagnostics: what was wrong with a piece of input, and where. Bad input is a value, not an
// exception: readers and the extractor append diagnostics and go on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

enum class Severity {
  kWarning,  // the input was used, perhaps partly (e.g. an unparseable date was dropped)
  kError,    // the input (an article, a dictionary line) was skipped
  kInfo,     // a note, nothing wrong: input left out on purpose (a section of a TABARI
             // dictionary dyad has no use for)
};

// Where and what. Fields that do not apply are empty or -1.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;        // path, "-" for standard input, "<builtin>/..." for embedded data
  int64_t line = -1;       // 1-based line number in `file`
  std::string article_id;  // the article concerned, when known
  int64_t offset = -1;     // byte offset in the line (when `line` is set) or article text
  std::string message;     // what is wrong, e.g. "invalid UTF-8"
  std::string excerpt;     // the offending text, shortened and made printable

  // "file X line N: message. Record: 'excerpt'" (only the parts that are known).
  std::string ToString() const;
};

// "warning", "error" or "info".
const char* SeverityName(Severity severity);

// Shortens `text` to at most `max_bytes` bytes of valid, printable UTF-8 (control bytes and
// invalid sequences become '?'), adding "..." when cut (so up to max_bytes + 3 bytes). For
// diagnostic excerpts.
std::string Excerpt(std::string_view text, size_t max_bytes = 80);

}  // namespace dyad
