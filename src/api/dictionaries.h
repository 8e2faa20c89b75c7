// The dictionaries an extractor codes with, and how they are loaded (built-in ones first,
// then the user's, later ones winning ties).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "coding/cameo_table.h"
#include "coding/event_lexicon.h"
#include "dyad/diagnostic.h"
#include "text/discard_list.h"

namespace dyad::api {

enum class DictionaryKind { kActors, kAgents, kVerbs, kDiscards };

struct Dictionaries {
  actors::ActorDictionary actors;
  coding::CameoTable cameo;
  coding::EventLexicon lexicon;
  text::DiscardList discards;
  std::string fingerprint;  // of every byte loaded, in order

  // Loads the CAMEO table and the anaphors (English grammar, always), and, when
  // `with_builtin`, the embedded dictionaries.
  void LoadBuiltin(bool with_builtin, std::vector<Diagnostic>* diagnostics);
  // Loads one user file; throws Error(kIo) when it cannot be read.
  void LoadFile(const std::string& path, DictionaryKind kind, std::vector<Diagnostic>* diagnostics);

 private:
  void Add(std::string_view content, std::string_view name, DictionaryKind kind,
           std::vector<Diagnostic>* diagnostics);
  uint64_t hash_ = 0xcbf29ce484222325ULL;  // FNV-1a: a fingerprint, not a security hash
};

// The embedded file of a kind ("text": the prose filter's cue list).
std::string_view BuiltinFile(std::string_view kind);

// What a file is, by its name: ".verbs" or a name with "verb" an event lexicon, with "agent"
// an agent dictionary, with "discard" a discard list; anything else an actor dictionary.
DictionaryKind KindOfPath(std::string_view path);

}  // namespace dyad::api
