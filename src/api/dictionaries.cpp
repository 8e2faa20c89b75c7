#include "api/dictionaries.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/tabari_dictionary.h"
#include "coding/petrarch_verbs.h"
#include "coding/tabari_verbs.h"
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
  std::string name = std::filesystem::path(path).filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.find("verb") != std::string::npos) return DictionaryKind::kVerbs;
  if (name.find("agent") != std::string::npos) return DictionaryKind::kAgents;
  if (name.find("discard") != std::string::npos) return DictionaryKind::kDiscards;
  return DictionaryKind::kActors;
}

void Dictionaries::Add(std::string_view content, std::string_view name, DictionaryKind kind,
                       std::vector<Diagnostic>* diagnostics) {
  switch (kind) {
    case DictionaryKind::kVerbs:
      switch (coding::VerbFormatOf(content)) {
        case coding::VerbFormat::kTabari:
          coding::LoadTabariVerbs(content, name, cameo, &lexicon, diagnostics);
          break;
        case coding::VerbFormat::kPetrarch:
          coding::LoadPetrarchVerbs(content, name, cameo, &lexicon, diagnostics);
          break;
        case coding::VerbFormat::kDyad:
          lexicon.Load(content, name, cameo, diagnostics);
          break;
      }
      break;
    case DictionaryKind::kActors:
      if (actors::LooksLikeTabariActors(content)) {
        actors::LoadTabariActors(content, name, &actors, diagnostics);
      } else {
        actors.Load(content, name, diagnostics);
      }
      break;
    case DictionaryKind::kAgents:
      actors::LoadTabariAgents(content, name, &actors, diagnostics);
      break;
    case DictionaryKind::kDiscards:
      discards.Load(content, name, diagnostics);
      break;
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
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == "grammar") Add(f.data, prefix + std::string(f.path), DictionaryKind::kActors, diagnostics);
  }
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
