// Escaping for each export format: what a name, sentence or URL may contain cannot end a
// string, open a tag or run as a formula (docs/export.md).
#pragma once

#include <string>
#include <string_view>

namespace dyad::exports {

// Well-formed UTF-8: each ill-formed byte becomes U+FFFD.
std::string ValidUtf8(std::string_view s);

// A DOT double-quoted string, quotes included: backslashes and quotes escaped, a line break as
// DOT's \n, other control characters as spaces.
std::string DotQuoted(std::string_view s);

// XML character data or attribute value: & < > " ' as entities, and the characters XML 1.0
// does not allow (control characters, U+FFFE, U+FFFF) dropped.
std::string XmlEscaped(std::string_view s);
// Only the characters XML 1.0 does not allow dropped, for writers that escape the rest.
std::string XmlSafe(std::string_view s);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge space.
std::string CsvField(std::string_view s);
// A text CSV field that a spreadsheet would otherwise take for a formula (=, +, @, -x, tab)
// gets a leading apostrophe.
std::string CsvText(std::string_view s);

// Text for HTML character data.
std::string HtmlEscaped(std::string_view s);

// A number with up to `digits` decimals, without trailing zeros ("1.5", "3", "-0.25").
std::string Number(double x, int digits = 3);

}  // namespace dyad::exports
