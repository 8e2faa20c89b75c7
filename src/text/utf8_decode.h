// Minimal UTF-8 decoding for the text stage (input is validated by the readers; invalid bytes
// here decode as U+FFFD and advance one byte, so nothing can overrun).
#pragma once

#include <cstddef>
#include <string_view>

namespace dyad::text {

// Decodes the code point at `pos` and stores its byte length in `*length` (>= 1).
char32_t DecodeAt(std::string_view text, size_t pos, size_t* length);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace dyad::text
