#include "api/dictionaries.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/embedded.h"
#include "dyad/error.h"

namespace dyad::api {

std::string_view BuiltinFile(std::string_view kind) {
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == kind) return f.data;
  }
  return {};
}

DictionaryKind KindOfPath(std::string_view path) {
  return path.ends_with(".verbs") ? DictionaryKind::kVerbs : DictionaryKind::kActors;
}

void Dictionaries::Add(std::string_view content, std::string_view name, DictionaryKind kind,
                       std::vector<Diagnostic>* diagnostics) {
  if (kind == DictionaryKind::kVerbs) {
    lexicon.Load(content, name, cameo, diagnostics);
  } else {
    actors.Load(content, name, diagnostics);
  }
  for (unsigned char c : content) {
    hash_ ^= c;
    hash_ *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
  fingerprint = hex;
}

void Dictionaries::LoadBuiltin(bool with_builtin, std::vector<Diagnostic>* diagnostics) {
  const std::string prefix = "<builtin>/";
  // The CAMEO table is a fact table, not a dictionary: always the built-in one.
  cameo.Load(BuiltinFile("cameo"), prefix + "cameo.tsv", diagnostics);
  if (!with_builtin) return;
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    const std::string name = prefix + std::string(f.path);
    if (f.kind == "actors") Add(f.data, name, DictionaryKind::kActors, diagnostics);
    if (f.kind == "verbs") Add(f.data, name, DictionaryKind::kVerbs, diagnostics);
  }
}

void Dictionaries::LoadFile(const std::string& path, DictionaryKind kind,
                            std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, "cannot open dictionary '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::kIo, "cannot read dictionary '" + path + "'");
  Add(content.str(), path, kind, diagnostics);
}

}  // namespace dyad::api
