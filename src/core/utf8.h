// UTF-8 validation, as Unicode defines well-formed sequences (The Unicode Standard, table 3-7).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad::core {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Returns the length (1 to 4) of the well-formed UTF-8 sequence at the start of `text`, or 0 when
// `text` is empty or starts with an ill-formed one.
size_t Utf8SequenceLength(std::string_view text);

// Returns the byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates, code
// points > U+10FFFF, truncated sequences), or npos when valid.
size_t FindInvalidUtf8(std::string_view text);

// Removes a leading byte order mark; returns whether there was one.
bool StripUtf8Bom(std::string* text);

}  // namespace dyad::core
