#include "dyad/diagnostic.h"

#include "core/utf8.h"

namespace dyad {
namespace {

// Whether the well-formed sequence `sequence` is a printable character: not a C0 control
// (including newline and tab), DEL, or a C1 control (U+0080-U+009F).
bool IsPrintable(std::string_view sequence) {
  const auto lead = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1) {
    return lead >= 0x20 && lead != 0x7F;
  }
  return !(lead == 0xC2 && static_cast<unsigned char>(sequence[1]) < 0xA0);
}

// `text` with every control character and invalid byte replaced by '?', never cut.
std::string Printable(std::string_view text) { return Excerpt(text, text.size()); }

}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out = Printable(file);
  if (line >= 0) {
    out += (out.empty() ? "line " : " line ") + std::to_string(line);
  }
  if (!article_id.empty()) {
    out += out.empty() ? "article " + Printable(article_id)
                       : " (article " + Printable(article_id) + ")";
  }
  if (!out.empty()) {
    out += ": ";
  }
  out += message;
  if (!excerpt.empty()) {
    out += message.ends_with('.') ? " Record: '" : ". Record: '";
    out += excerpt + "'";
  }
  return out;
}

std::string Excerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = core::Utf8SequenceLength(text.substr(pos));
    const std::string_view sequence = text.substr(pos, length);
    const std::string_view shown = length > 0 && IsPrintable(sequence) ? sequence : "?";
    if (out.size() + shown.size() > max_bytes) {
      break;
    }
    out += shown;
    pos += length > 0 ? length : 1;
  }
  if (pos < text.size()) {
    out += "...";
  }
  return out;
}

}  // namespace dyad
