// Treebank sentences in CoNLL-U, the format of the Universal Dependencies treebanks that the
// tagger and parser learn from and are measured on (docs/syntax.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.h"

namespace dyad::syntax {

// One syntactic word of a sentence (a CoNLL-U word line). `head` is the 1-based index of the
// word's head, 0 for the root, -1 when the file leaves it out ("_").
struct TreebankWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = -1;
  std::string deprel;  // the universal relation with its subtype ("nsubj:pass")
};

struct TreebankSentence {
  std::vector<TreebankWord> words;
  std::string id;    // the "# sent_id" comment, when there is one
  int64_t line = 0;  // 1-based line of the sentence's first word

  // Every word has a head, exactly one word is the root and following heads from any word
  // reaches it (a tree the parser can learn from).
  bool IsTree() const;
};

// Reads CoNLL-U `content` (named `file` in diagnostics). Multiword-token lines ("1-2") and
// empty nodes ("8.1") are skipped: the words are the syntactic words. A malformed line (not
// ten tab-separated fields, an index out of order, a head that is not a word of the
// sentence) skips its sentence with a diagnostic naming the file and line; the rest is read.
std::vector<TreebankSentence> ReadConllu(std::string_view content, std::string_view file,
                                         std::vector<Diagnostic>* diagnostics);

// Writes `sentences` as CoNLL-U (the fields dyad keeps; FEATS, DEPS and MISC as "_").
std::string WriteConllu(const std::vector<TreebankSentence>& sentences);

}  // namespace dyad::syntax
