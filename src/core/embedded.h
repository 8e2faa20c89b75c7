// Data files compiled into the binary (cmake/Embed.cmake generates the definition).
#pragma once

#include <span>
#include <string_view>

namespace dyad::builtin {

struct EmbeddedFile {
  std::string_view kind;  // "actors", "verbs", "cameo", "text"
  std::string_view path;  // source path, e.g. "src/actors/data/states.actors"
  std::string_view data;
};

// Every embedded file, in the order CMakeLists.txt lists them.
std::span<const EmbeddedFile> Files();

}  // namespace dyad::builtin
