// Reading line-oriented data (dictionaries, tables, cue lists).
#pragma once

#include <cctype>
#include <cstdint>
#include <string>
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

// A section tag of a TABARI dictionary ("<NOUN>" opens the section NOUN, "</NOUN>" closes
// it), read from a line that starts with '<'. `name` is uppercased, and empty when the line is
// no well-formed tag alone on its line.
struct SectionTag {
  std::string name;
  bool closing = false;
};
inline SectionTag ReadSectionTag(std::string_view line) {
  SectionTag tag;
  tag.closing = line.starts_with("</");
  const size_t from = tag.closing ? 2 : 1;
  const size_t end = line.find('>');
  if (end == std::string_view::npos || end < from ||
      line.find_first_not_of(" \t", end + 1) != std::string_view::npos) {
    return tag;
  }
  for (char c : line.substr(from, end - from)) {
    if (c == ' ' || c == '\t') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return SectionTag{};
    tag.name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return tag;
}

}  // namespace dyad::core
