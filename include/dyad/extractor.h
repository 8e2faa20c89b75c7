// The extraction pipeline: article text in, coded events out (docs/pipeline.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/diagnostic.h"
#include "dyad/event.h"
#include "dyad/relation.h"

namespace dyad {

struct ExtractorOptions {
  bool use_builtin = true;                 // load the embedded dictionaries
  std::vector<std::string> actor_files;    // actor dictionaries: dyad's or TABARI/PETRARCH's
  std::vector<std::string> agent_files;    // TABARI/PETRARCH agent dictionaries
  std::vector<std::string> verb_files;     // event lexicons (docs/events.md)
  std::vector<std::string> discard_files;  // TABARI/PETRARCH discard lists
  // Keep events the text denies ("did not attack", "failed to renew") or only supposes
  // ("might ask"), flagged negated or not factual; by default they are left out.
  bool keep_negated = false;
};

// Fingerprint and size of the loaded dictionaries, for audit trails.
struct DictionaryInfo {
  std::string fingerprint;  // hex digest of every dictionary byte loaded, in load order
  size_t actors = 0;        // actor records (states, organizations, people)
  size_t phrases = 0;       // matchable actor phrases
  size_t rules = 0;         // event lexicon rules
};

// Holds the dictionaries; Extract is const and may be called from several threads at once.
class Extractor {
 public:
  // Loads the dictionaries. Broken lines in them become diagnostics and are skipped; a file
  // that cannot be read throws Error(kIo).
  static std::unique_ptr<Extractor> Create(const ExtractorOptions& options,
                                           std::vector<Diagnostic>* diagnostics);
  ~Extractor();

  // Codes one article. Problems with the article (e.g. no text) become diagnostics.
  std::vector<Event> Extract(const Article& article, std::vector<Diagnostic>* diagnostics) const;

  // Why an article is coded as it is, for people: each coded sentence with the actors and
  // places found in it and the events coded from them (`dyad extract --format explain`).
  std::string Explain(const Article& article) const;

  const DictionaryInfo& info() const;

  // The standing relations of the loaded knowledge base, valid on `day`, or all of them:
  // leader_of from the dated roles of heads of state, government and organizations (not
  // ministers), member_of from memberships.
  std::vector<Relation> Relations(const std::optional<Date>& day = std::nullopt) const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
