// Codes the events of one sentence from its actor mentions and the event lexicon (the rule is
// written in docs/events.md, "How a rule fires").
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
  // `keep_negated`: also emit events the text denies or only supposes, flagged.
  EventCoder(const EventLexicon& lexicon, const actors::ActorResolver& resolver,
             bool keep_negated = false)
      : lexicon_(lexicon), resolver_(resolver), keep_negated_(keep_negated) {}

  // Appends the events of `doc.sentences[index]` to `out` and updates `discourse` (the
  // salient pair of a conversation, for "the presidents" later on).
  // `places` are the places the sentence names (ActorResolver::Resolve), for the events'
  // locations.
  void Code(const text::Document& doc, uint32_t index, const std::vector<actors::Mention>& mentions,
            const std::vector<actors::PlaceMention>& places, actors::Discourse* discourse,
            std::vector<Event>* out) const;

 private:
  class SentenceCoder;
  const EventLexicon& lexicon_;
  const actors::ActorResolver& resolver_;
  bool keep_negated_;
};

}  // namespace dyad::coding
