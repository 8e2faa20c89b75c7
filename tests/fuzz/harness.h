// What the fuzzers run (docs/reliability.md): one function per parser of outside input. Each
// takes any bytes, must not crash, hang or leak, and checks what it can of its output; a broken
// invariant aborts, so the fuzzer keeps the input. The libFuzzer targets (tests/fuzz/fuzz_*.cpp,
// built with -DDYAD_FUZZ=ON and clang) and the replay test (regressions_test.cpp, in every
// build) call the same functions.
#pragma once

#include <string>
#include <string_view>

namespace dyad::fuzz {

// A JSONL (or plain-text) corpus file, read by CorpusReader to the end.
void Jsonl(std::string_view data);
// An article's text through the whole extraction: tokens, sentences, the prose filter, time
// expressions, actors and events; and the time-expression finder on its own.
void Text(std::string_view data);
// A dictionary file: the first byte picks the kind (actors, agents, verbs, discards), the
// content the format (dyad's, TABARI's, PETRARCH's); the rest is loaded, linted and matched
// against itself.
void Dictionary(std::string_view data);
// What `dyad extract` wrote (article records or plain event lines), read by EventReader for
// `ingest --events`; each record read is written again and must read back the same.
void Events(std::string_view data);
// A query command line: the first byte picks the command (timeline, neighbors, path,
// partners, series, stats), each further line is an argument; run against a small database
// of the project's sample corpus, built on first use in a temporary directory.
void Query(std::string_view data);

// A CoNLL-U treebank, read by ReadConllu; what it read is written and must read back alike.
void Conllu(std::string_view data);
// A tagger or parser model file: refused with a reason, or loaded, used (a parse must be a
// tree), written and loaded again.
void Model(std::string_view data);

// The names of the targets above, as the corpus directories under tests/fuzz/ call them.
inline constexpr std::string_view kTargets[] = {"jsonl", "events", "text", "dictionary",
                                                "query", "conllu", "model"};
void Run(std::string_view target, std::string_view data);

}  // namespace dyad::fuzz
