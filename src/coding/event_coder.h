// Codes the events of one sentence from its actor mentions and the event lexicon (the rule is
// written at the top of src/coding/data/events.verbs).
#pragma once

#include <vector>

#include "actors/actor_resolver.h"
#include "coding/event_lexicon.h"
#include "dyad/event.h"
#include "text/document.h"

namespace dyad::coding {

// Stateless apart from the lexicon it reads; safe to share between threads.
class EventCoder {
 public:
  explicit EventCoder(const EventLexicon& lexicon) : lexicon_(lexicon) {}

  // Appends the events of `doc.sentences[index]` to `out` and updates `discourse` (the
  // salient pair of a conversation, for "the presidents" later on).
  void Code(const text::Document& doc, uint32_t index, const std::vector<actors::Mention>& mentions,
            actors::Discourse* discourse, std::vector<Event>* out) const;

 private:
  class SentenceCoder;
  const EventLexicon& lexicon_;
};

}  // namespace dyad::coding
