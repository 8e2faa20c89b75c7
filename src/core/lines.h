// Reading line-oriented data (dictionaries, tables, cue lists).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::core {

// Calls f(line, number) for each line of `content`: 1-based numbers, the line without its
// '\n' or "\r\n". A last line without a newline is included; an empty content has no lines.
template <typename F>
void ForEachLine(std::string_view content, F&& f) {
  int64_t number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line, ++number);
    pos = eol + 1;
  }
}

// The pieces of `s` between occurrences of `sep`, empty ones included ("a||b" has three).
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t next = s.find(sep, pos);
    out.push_back(
        s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) return out;
    pos = next + 1;
  }
}

}  // namespace dyad::core
