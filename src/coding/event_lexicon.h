// The event lexicon: verb and noun triggers mapped to actions and CAMEO codes, with where to
// find their actors (format and matching rule: docs/events.md; the built-in files:
// src/coding/data/lexicon/). Read-only after loading; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/phrase_matcher.h"
#include "coding/cameo_table.h"
#include "coding/complement_table.h"
#include "dyad/diagnostic.h"
#include "text/inflection.h"

namespace dyad::coding {

enum class TriggerKind : uint8_t { kVerb, kNoun };

// Where a target may be: the verb's object, or the actor after a preposition.
struct TargetSlot {
  bool object = false;
  std::string preposition;  // when !object
};

// One element of a TABARI/PETRARCH verb pattern ("- $ NOT * ^ TO_ +  [124]").
struct PatternElement {
  enum class Kind : uint8_t { kWords, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWords;
  std::vector<std::vector<std::string>> alternatives;  // kWords: token sequences (a synset)
  bool adjacent = false;  // joined by '_' to the element nearer the verb: no gap between
  // TABARI stems: stems[i][k] when word k of alternative i matches any word that begins with
  // it ("PROPOS" matches "proposal"); empty when no word is a stem.
  std::vector<std::vector<bool>> stems;
};

// A TABARI/PETRARCH pattern: elements before the verb (nearest first) and after it.
struct VerbPattern {
  std::vector<PatternElement> before;
  std::vector<PatternElement> after;
  size_t Weight() const { return before.size() + after.size(); }
};

// A code a rule takes instead of its own in some circumstance (`armed=190`, `mass=201`).
struct AltCode {
  std::string cameo;  // empty: none
  int quad_class = 0;
  double goldstein = 0.0;
  bool empty() const { return cameo.empty(); }
};

struct EventRule {
  std::string id;    // e.g. "call.telephone-conversation"
  std::string file;  // where it was written (for checks)
  int64_t line = -1;
  TriggerKind kind = TriggerKind::kVerb;
  std::string action;
  std::string cameo;
  int quad_class = 0;
  double goldstein = 0.0;
  std::vector<TargetSlot> targets;
  bool reciprocal = false;
  bool no_object_np = false;   // not an event if the object is followed by a noun phrase
  bool strict_object = false;  // the object must be a whole actor, not a possessor
  bool block = false;          // never an event
  // `verb impose ~ curfew`: words that must follow the verb (and its particles) within a few
  // words ("imposed a three-day curfew"); the trigger then runs to their end.
  std::vector<std::string> object_words;
  std::string object_other_number;      // the last object word's plural (or singular, if plural)
  std::vector<uint64_t> object_hashes;  // text::NormHash of each object word
  // `armed=190`: the code when the source is an armed force (military, rebels, militants):
  // "soldiers killed 20 people" is fighting (190), "a man killed his neighbour" assault (1823).
  AltCode armed;
  // `irregular=180`: the code when the source is an armed group of no state (rebels,
  // militants, a militia) and the target no state's forces: "al-Shabaab fighters attacked a
  // hotel" is unconventional violence (180), an army's attack fighting (190).
  AltCode irregular;
  // `civilian=145`: the code when the source is a body of a state's people, not of its
  // authorities or forces (protesters, workers, students, villagers): "protesters attacked
  // the police" is a riot (145), "teachers struck" a labour strike (143).
  AltCode civilian;
  // `people=173/181`: the code when the target is people (a person or a body of people, not
  // a place or a state as a whole), and after the slash, if any, the code when the source is
  // also an armed group of no state: "troops captured the rebel leader" is an arrest (173),
  // "Hezbollah captured two soldiers" an abduction (181), "captured the town" an occupation.
  AltCode people;
  AltCode irregular_people;
  // `mass=201`: the code when the target is thousands of people or more: "expelled tens of
  // thousands of Eritreans" is a mass expulsion (201), "killed 8,000 men" a mass killing.
  AltCode mass;
  // `foreign=163`: the code when the target is another state, its government or its
  // companies: "restrictions on flights to Cuba" are sanctions (163), restrictions a state
  // lays on its own people administrative ones (172).
  AltCode foreign;
  bool armed_only = false;      // `armed-only`: an event only when the source is an armed
                                // force ("troops entered Kabul", not "Biden entered the race")
  bool people_only = false;     // `people-only`: an event only when the source is a body of a
                                // state's people ("thousands rallied", not "stocks rallied")
  bool governed_only = false;   // an event only as what a governor governs: "seeks
                                // cooperation", "rejected cooperation", not "discussed cooperation"
  bool of_agent = false;        // `of-agent`: a noun's "of" actor is its doer when no one
                                // else is ("the resignation of Hamdok", "the visit of Xi")
  bool reverse = false;         // the subject is the target and the slot's actor the source
                                // ("received aid from")
  std::string implicit_source;  // a role code: the source when the sentence names none ("was
                                // arrested": that role of the target's state)
  std::string implicit_target;  // a role code: the target when the sentence names none
                                // ("protesters marched": that role of the source's state)
  // TABARI/PETRARCH rules: the pattern that must match around the verb (the most specific
  // matching pattern of a verb wins; none, the verb's own code), and the code of the reverse
  // event ("[032:033]": the target's event towards the source), if any.
  bool tabari = false;
  VerbPattern pattern;
  std::string reverse_cameo;
  bool pattern_negates = false;  // the pattern spells out a negation ("&NEGATVAUXVRB *"): its
                                 // code is the negated event, which is not marked negated again
  int reverse_quad_class = 0;
  double reverse_goldstein = 0.0;
  // TABARI's special codes: [###] (discard) and [+++] (complex) leave the whole sentence
  // uncoded; a subordinate code ("[023?]") counts only in a sentence with no other event, a
  // dominant one ("[111!]") drops the sentence's events that are not dominant.
  bool discard = false;
  enum class Priority : uint8_t { kNormal, kSubordinate, kDominant };
  Priority priority = Priority::kNormal;
};

// The inflected form a trigger was matched in.
enum class VerbForm : uint8_t {
  kBase,
  kThird,
  kPast,
  kPastOrParticiple,
  kParticiple,
  kGerund,
  kNoun
};

struct Trigger {
  uint32_t rule = 0;
  VerbForm form = VerbForm::kBase;
  uint32_t head_length = 1;  // tokens of the verb or noun itself, before particles
};

class EventLexicon {
 public:
  // Parses a lexicon; broken lines and unknown CAMEO codes become diagnostics.
  void Load(std::string_view content, std::string_view file, const CameoTable& cameo,
            std::vector<Diagnostic>* diagnostics);

  const actors::PhraseMatcher& matcher() const { return matcher_; }

  // Checks what no single line shows: CAMEO codes of `cameo` that no rule or complement row
  // reaches (when `coverage`), and the same trigger given two codes, the later rule silently
  // winning. Warnings.
  void Lint(const CameoTable& cameo, bool coverage, std::vector<Diagnostic>* diagnostics) const;
  // The governing verbs and what they make of the events they govern (`govern`, `complement`).
  const ComplementTable& complements() const { return complements_; }
  // The CAMEO table the lexicon was loaded with (for the codes governors give), or nullptr.
  const CameoTable* cameo() const { return cameo_; }
  const Trigger& trigger(uint32_t id) const { return triggers_[id]; }
  const EventRule& rule(uint32_t id) const { return rules_[id]; }
  size_t size() const { return rules_.size(); }

  // A verb form as text ("cordoned off") and what form it is.
  using Form = std::pair<std::string, VerbForm>;
  // Adds a rule from another format (TABARI/PETRARCH verbs) for the given verb forms.
  // `stems`: phrases whose last word matches any word that begins with it (TABARI stems), as
  // base forms.
  void AddTabariRule(EventRule rule, const std::vector<Form>& forms,
                     const std::vector<std::string>& stems = {});

 private:
  // Parses one line into a rule; returns what is wrong with it, or "" (also for comments).
  std::string ParseLine(std::string_view line, std::string_view file, int64_t line_no,
                        const CameoTable& cameo);
  void AddTrigger(const std::string& words, Trigger trigger, bool stem = false);
  void AddRule(EventRule rule, const std::vector<std::string>& trigger_words,
               const std::vector<std::string>& extra_forms);

  actors::PhraseMatcher matcher_;
  ComplementTable complements_;
  const CameoTable* cameo_ = nullptr;
  std::vector<Trigger> triggers_;
  std::vector<EventRule> rules_;
};

}  // namespace dyad::coding
