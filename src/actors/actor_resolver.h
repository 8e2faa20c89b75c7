// Finds the actors of a sentence: dictionary matches combined into actor mentions, dated
// roles applied, pronouns and descriptions resolved (docs/actors.md, "How phrases match").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/actor_dictionary.h"
#include "dyad/article.h"
#include "places/gazetteer.h"
#include "text/document.h"

namespace dyad::actors {

// An actor as coded: stable entity, CAMEO code, canonical name.
struct ResolvedActor {
  std::string entity;
  std::string code;
  std::string name;
  bool person = false;  // one person (what "he" can stand for)
  friend bool operator==(const ResolvedActor& a, const ResolvedActor& b) {
    return a.entity == b.entity && a.code == b.code && a.name == b.name;
  }
};

enum class MentionType : uint8_t {
  kNamed,    // named or described in place: "Russia's President Vladimir Putin"
  kPronoun,  // "he", "his"
  kGroup,    // "they", "both leaders": several actors
  kSpeaker,  // "we", "our country": the speaker or publisher
};

// One actor mention in a sentence. Tokens [first, last) include a leading "the".
struct Mention {
  uint32_t first = 0;
  uint32_t last = 0;
  std::vector<ResolvedActor> actors;  // one, or several for a group
  MentionType type = MentionType::kNamed;
  bool possessive = false;  // "Russia's influence", "his victory"
  bool modifier = false;    // an adjective before an ordinary noun: "Russian dealings"
  bool locative = false;    // after "in", "at": "talks in Moscow"
  int64_t record = -1;      // the dictionary record named, when one is
  std::string role;         // the agent's role code in "Russian troops" (MIL), else empty
  bool place = false;       // names a place of the state: its seat, a region ("Rivers State")
  bool unknown = false;     // a person's name the dictionaries lack, given the article's state
                            // as a civilian: only ever a target ("sentenced Paul Manafort")
  bool generic = false;     // an agent without a state of its own ("police"), given the
                            // state of a place after it or the article's
  bool office = false;      // a title without its holder: "the Ukrainian president"
};

// A place a sentence names: a place of the gazetteer, or a state's place or seat after a
// locative preposition ("talks in Moscow"). Tokens [first, last).
struct PlaceMention {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  std::string region;
  float lat = 0;  // NaN when unknown
  float lon = 0;
  bool locative = false;  // after "in", "at", "near", ...
};

// What the article has said so far, for anaphora. One per article, updated sentence by
// sentence by the resolver and the event coder.
struct Discourse {
  std::optional<Date> date;
  std::optional<ResolvedActor> publisher;  // whose voice an official release is
  std::string publisher_title;             // the publisher's title, as words: "prime minister"
  std::optional<ResolvedActor> speaker;    // the current speaker of a transcript
  std::optional<ResolvedActor> person;     // the salient person, for "he"
  std::vector<ResolvedActor> group;        // the salient group, for "they", "both leaders"
  // The state or organization the last sentence opened with, for a next sentence's opening
  // "It" ("Kenya summoned the envoy. It also recalled ..."): its record and actor.
  std::optional<std::pair<int64_t, ResolvedActor>> entity;
  // Who did the last act of force or protest coded (roots 14-20), for "condemned the attack".
  std::vector<ResolvedActor> last_force;
  // ... and whom it struck, for "claimed responsibility for the attack".
  std::vector<ResolvedActor> last_force_targets;
  // ... and of the last act of coercion (root 17: arrests, crackdowns), for "condemned the
  // arrests".
  std::vector<ResolvedActor> last_coercion;
  // Who did the last material act coded (roots 06-09 and 15-20: aid, concessions, sanctions,
  // expulsions, force), for "criticised the move".
  std::vector<ResolvedActor> last_act;
  // Names learned in this article ("Sauli Niinistö" after "President of Finland Sauli
  // Niinistö"), by normalized text.
  std::unordered_map<std::string, ResolvedActor> local_names;
  uint32_t local_name_tokens = 0;  // the most tokens of any of them
  // The most recent mention of each dictionary record, for "the alliance".
  std::unordered_map<uint32_t, std::pair<uint64_t, ResolvedActor>> recent;
  uint64_t clock = 0;
  uint64_t sentence_clock = 0;  // `clock` at the start of the sentence being resolved
  // The state the article is about, for actors named without one (actors/home_state.h);
  // found when first needed.
  std::optional<std::string> home;
  // The date of the announced event the article speaks of ("On December 15, Putin will hold
  // talks ..."): later future-tense sentences without a date of their own share it.
  std::optional<Date> planned;
  // The sentence last resolved names a phrase whose TABARI code on the article's date is the
  // discard or the complex code ([###], [+++]): it has no mentions, and is not to be coded.
  bool discarded = false;
};

// Stateless apart from the dictionary it reads; safe to share between threads.
class ActorResolver {
 public:
  // `gazetteer` (may be null) finds places: locations of events, states of agents.
  explicit ActorResolver(const ActorDictionary& dictionary,
                         const places::Gazetteer* gazetteer = nullptr)
      : dict_(dictionary), gazetteer_(gazetteer) {}

  // A fresh discourse for an article: its date and its publisher's actor.
  Discourse Begin(const Article& article) const;

  // The mentions of one sentence, left to right; updates `discourse`. The places it names
  // go to `places`, when given.
  std::vector<Mention> Resolve(const text::Document& doc, const text::Sentence& sentence,
                               Discourse* discourse,
                               std::vector<PlaceMention>* places = nullptr) const;

  // The state an actor belongs to: a state's own id, or the state a group's code begins with
  // (SOMREBSHB: SOM); "" for organizations and unknown codes.
  std::string StateOf(const ResolvedActor& actor) const;
  // A state with a role ("KEN", "COP": KENCOP, "Kenya"), or nullopt for an unknown state.
  std::optional<ResolvedActor> StateActor(std::string_view state, std::string_view role) const;

  // A person as coded on a day (nullopt: no role applies and no fallback is given).
  std::optional<ResolvedActor> ResolvePerson(const ActorRecord& person,
                                             const std::optional<Date>& day) const;

 private:
  class SentenceResolver;
  const ActorDictionary& dict_;
  const places::Gazetteer* gazetteer_;
};

}  // namespace dyad::actors
