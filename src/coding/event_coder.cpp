#include "coding/event_coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <span>

#include "dates/time_expression.h"
#include "text/compass.h"
#include "text/coordination.h"
#include "text/inflection.h"
#include "text/word_set.h"

namespace dyad::coding {
namespace {

using actors::Mention;
using actors::ResolvedActor;

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsAuxiliary(std::string_view w) {
  static const text::WordSet kWords{
      "has",          "have",      "had",        "was",       "were",       "is",
      "are",          "be",        "been",       "being",     "will",       "would",
      "shall",        "should",    "can",        "could",     "may",        "might",
      "must",         "did",       "does",       "do",        "to",         "'ll",
      "'d",           "also",      "once",       "again",     "not",        "n't",
      "never",        "already",   "still",      "even",      "further",    "then",
      "jointly",      "both",      "each",       "together",  "repeatedly", "now",
      "later",        "first",     "only",       "all",       "too",        "just",
      "today",        "yesterday", "reportedly", "allegedly", "previously", "recently",
      "subsequently", "finally",   "ultimately", "formally",  "officially", "publicly",
      "personally",   "warmly",    "strongly",   "sharply",   "openly",     "ever",
      "most",         "wo",        "ca",         "sha"};  // won't, can't
  return kWords.contains(w);
}

bool IsAdverb(std::string_view w) {
  return (w.size() > 4 && w.ends_with("ly") && w != "only") ||
         OneOf(w, {"very", "still", "quite", "rather", "somewhat"});
}

// A weekday, a month, a relative day, a calendar unit or a part of the day.
bool IsDayOrMonth(std::string_view w) {
  static const text::WordSet kWords{
      "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",      "june",     "july",
      "august",  "september", "october",   "november", "december", "today",    "yesterday",
      "tonight", "tomorrow",  "week",      "month",    "year",     "weekend",  "morning",
      "evening", "afternoon", "night"};
  return kWords.contains(w);
}

// ... and the words besides those without which no time expression is found
// (dates/time_expression.h): month abbreviations, plural units, "decade", "ago", "mid".
bool IsTimeAnchorWord(std::string_view w) {
  static const text::WordSet kWords{
      "jan",  "feb", "mar",  "apr",   "jun",    "jul",   "aug",    "sep",     "sept", "oct",
      "nov",  "dec", "jan.", "feb.",  "mar.",   "apr.",  "aug.",   "sept.",   "oct.", "nov.",
      "dec.", "day", "days", "weeks", "months", "years", "decade", "decades", "ago",  "mid"};
  return kWords.contains(w);
}

// Can a time expression begin with, or hold, `w`?
bool IsTimeAnchor(std::string_view w) { return IsDayOrMonth(w) || IsTimeAnchorWord(w); }

bool IsDeterminer(std::string_view w) {
  static const text::WordSet kWords{"the",   "a",      "an",   "its",  "his",     "her",
                                    "their", "our",    "this", "that", "these",   "those",
                                    "both",  "fellow", "all",  "some", "several", "another",
                                    "any",   "my",     "your", "each", "other"};
  return kWords.contains(w);
}

// Words that end the search for a modifier: prepositions, conjunctions, punctuation.
bool IsFunctionWord(std::string_view w) {
  static const text::WordSet kWords{
      "of",      "in",    "on",    "at",    "to",    "for",    "with",   "by",
      "from",    "about", "over",  "and",   "or",    "but",    "that",   "which",
      "who",     "as",    "than",  "into",  "after", "before", "during", "against",
      "between", "under", "while", "since", "is",    "are",    "was",    "were",
      "be",      "been",  "has",   "have",  "had",   "will",   "would",  "not",
      "it",      "he",    "she",   "they",  "we",    "said",   "says"};
  return kWords.contains(w);
}

// Every form of each verb (its base, "-s", past, participle and, with `gerund`, "-ing"
// forms), and the words of `extra`.
text::WordSet VerbFormSet(std::initializer_list<std::string_view> lemmas, bool gerund,
                          std::initializer_list<std::string_view> extra = {}) {
  std::vector<std::string> forms;
  for (std::string_view lemma : lemmas) {
    const text::VerbForms f = text::Inflect(lemma);
    for (const std::string& form : {std::string(lemma), f.third, f.past, f.participle}) {
      forms.push_back(form);
    }
    if (gerund) forms.push_back(f.gerund);
  }
  for (std::string_view w : extra) forms.emplace_back(w);
  return text::WordSet(forms);
}

// Verbs that make a noun trigger's event theirs: "held talks", "launched an attack",
// "announced his resignation" (every form of each).
bool IsLightVerb(std::string_view w) {
  static const text::WordSet kForms = VerbFormSet(
      {"have",     "hold",      "conduct", "make",      "pay",      "express",    "give",
       "launch",   "start",     "begin",   "continue",  "reach",    "impose",     "announce",
       "stage",    "step",      "offer",   "provide",   "send",     "extend",     "voice",
       "reaffirm", "reiterate", "confirm", "carry",     "organize", "organise",   "arrange",
       "resume",   "take",      "join",    "attend",    "conclude", "complete",   "issue",
       "lodge",    "declare",   "order",   "mount",     "wage",     "file",       "deliver",
       "stage",    "call",      "unleash", "intensify", "escalate", "step",       "seek",
       "request",  "demand",    "propose", "lead",      "go",       "undertake",  "perform",
       "commit",   "suffer",    "ship",    "airlift",   "donate",   "distribute", "present",
       "submit"},
      /*gerund=*/true, {"up", "out", "part", "on"});
  return kForms.contains(w);
}

bool IsModalOrIntent(std::string_view w) {
  return OneOf(w,
               {"will",     "would",    "may",       "might",   "could",    "should",   "shall",
                "can",      "must",     "'ll",       "plan",    "plans",    "planned",  "planning",
                "intend",   "intends",  "intended",  "expect",  "expects",  "expected", "hope",
                "hopes",    "hoped",    "want",      "wants",   "wanted",   "seek",     "seeks",
                "sought",   "aim",      "aims",      "propose", "proposes", "proposed", "ready",
                "prepared", "willing",  "going",     "if",      "unless",   "whether",  "scheduled",
                "upcoming", "possible", "potential", "planned", "future",   "next"});
}

// Verbs whose subject may be an act of force and whose object is what it struck.
bool IsImpactVerb(std::string_view w) {
  static const text::WordSet kWords{
      "hit",     "hits",      "struck",   "strikes", "killed",  "kills", "wounded", "wounds",
      "injured", "injures",   "targeted", "targets", "pounded", "pound", "pounds",  "rocked",
      "rocks",   "destroyed", "destroys", "damaged", "damages", "left",  "claimed", "slammed"};
  return kWords.contains(w);
}

// A word that heads a crowd: a number or quantity, or a noun of people ("thousands",
// "1,000", "residents", "Hongkongers", "mourners").
bool IsCrowdWord(std::string_view w) {
  static const text::WordSet kWords{
      "thousands", "hundreds", "dozens",    "millions",  "tens",    "scores",     "people",
      "residents", "citizens", "crowd",     "crowds",    "groups",  "supporters", "activists",
      "students",  "women",    "men",       "youths",    "voters",  "fans",       "locals",
      "villagers", "families", "relatives", "opponents", "critics", "muslims",    "christians",
      "jews",      "hindus",   "buddhists", "thousand",  "hundred", "million",    "many",
      "others",    "more",     "masses",    "public",    "youth",   "pensioners", "veterans",
      "refugees",  "migrants", "parents",   "children",  "doctors", "nurses"};
  if (kWords.contains(w)) return true;
  if (!w.empty() && std::isdigit(static_cast<unsigned char>(w.back())) != 0) return true;
  // Demonyms and agent nouns in the plural: "Hongkongers", "Kenyans", "mourners".
  return w.size() > 5 && (w.ends_with("ers") || w.ends_with("ians") || w.ends_with("ans") ||
                          w.ends_with("ese") || w.ends_with("ists"));
}

// A preposition before a gerund done by its clause's subject: "responded by breaking off
// relations", "after meeting Xi", "joined Italy in calling for" (not "while": "died while
// visiting London" is background).
bool IsGerundPreposition(std::string_view w) {
  return OneOf(w, {"by", "after", "before", "without", "in"});
}

// A participle of answering what someone else asked or did: "demands were |conceded| by".
bool IsResponseVerb(std::string_view w) {
  return OneOf(w, {"conceded", "granted", "met", "accepted", "rejected", "refused", "ignored",
                   "dismissed", "heeded", "answered", "denied", "welcomed", "opposed", "resisted",
                   "approved", "backed", "supported", "vetoed"});
}

// A verb whose gerund object is its subject's own act, done: "continued shelling", "began
// withdrawing", "admitted downing" (not "stopped", "avoided": nothing is done).
bool IsGerundTaker(std::string_view w) {
  static const text::WordSet kForms = VerbFormSet(
      {"continue", "resume", "begin", "start", "keep", "admit", "acknowledge", "confess"},
      /*gerund=*/false);
  return kForms.contains(w);
}

bool IsNegation(std::string_view w) {
  return OneOf(w, {"not", "n't", "never", "neither", "nor", "no"});
}

bool IsClauseBreak(std::string_view w) {
  if (w.size() != 1) return false;
  switch (w[0]) {
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case '"':
    case '-':
      return true;
    default:
      return false;
  }
}

// Where the words between a verb and its object words stop: a clause break or a word that
// opens another clause (a hyphen is part of a modifier: "a three-day curfew").
bool EndsObjectGap(std::string_view w) {
  static const text::WordSet kWords{".", "and", "or", "but", "that", "which", "who"};
  return (w != "-" && IsClauseBreak(w)) || kWords.contains(w);
}

bool IsFutureCue(std::string_view w) {
  return OneOf(w, {"will", "shall", "'ll", "scheduled", "upcoming", "next", "tomorrow", "plans",
                   "planned", "intends", "due"});
}

constexpr uint32_t kPrepositionWindow = 8;
constexpr uint32_t kTabariWindow = 12;  // for the complements of TABARI/PETRARCH verbs
constexpr uint32_t kModifierSkip = 2;
constexpr uint32_t kNoSpan = static_cast<uint32_t>(-1);

// The actors of one side of an event, with the words that named them.
struct Side {
  std::vector<ResolvedActor> actors;
  uint32_t first = kNoSpan;  // token range of the mention(s); kNoSpan when implicit
  uint32_t last = kNoSpan;
  bool place = false;     // a place of a state ("in Rivers State", "Kyiv"), not its people
  bool anaphor = false;   // "their", "they": actors named before
  bool unknown = false;   // a person the dictionaries lack: never a source
  bool domestic = false;  // implied at home: a state's own people or government
  bool empty() const { return actors.empty(); }
};

}  // namespace

class EventCoder::SentenceCoder {
 public:
  SentenceCoder(const EventLexicon& lexicon, const actors::ActorResolver& resolver,
                const text::Document& doc, uint32_t index, const std::vector<Mention>& mentions,
                const std::vector<actors::PlaceMention>& places, actors::Discourse* discourse,
                std::vector<Event>* out)
      : lex_(lexicon),
        resolver_(resolver),
        places_(places),
        doc_(doc),
        index_(index),
        s_(doc.sentences[index]),
        tokens_(doc.tokens),
        mentions_(mentions),
        d_(*discourse),
        out_(*out) {
    const size_t n = s_.last - s_.first;
    ending_.assign(n + 1, -1);
    starting_.assign(n + 1, -1);
    inside_.assign(n + 1, false);
    for (size_t k = 0; k < mentions_.size(); ++k) {
      ending_[mentions_[k].last - s_.first] = static_cast<int>(k);
      starting_[mentions_[k].first - s_.first] = static_cast<int>(k);
      for (uint32_t t = mentions_[k].first; t < mentions_[k].last; ++t) {
        inside_[t - s_.first] = true;
      }
    }
  }

  void KeepNegated(bool keep) { keep_negated_ = keep; }

  void Run() {
    FindGoverned();
    uint32_t i = s_.first;
    while (i < s_.last) {
      if (InsideMention(i)) {
        ++i;
        continue;
      }
      if (const uint32_t end = ConsumedGovernorEnd(i); end != 0) {  // its event is the governed
        i = end;
        continue;
      }
      const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, i, s_.last);
      if (m.length == 0) {
        ++i;
        continue;
      }
      // A verb of a TABARI/PETRARCH dictionary, loaded after the built-in lexicon, wins.
      const bool tabari = std::any_of(m.payloads.begin(), m.payloads.end(), [&](uint32_t id) {
        return lex_.rule(lex_.trigger(id).rule).tabari;
      });
      if (tabari) {
        CodeTabari(i, i + m.length, m.payloads);
        i += m.length;
        continue;
      }
      const Chosen chosen = ChooseTrigger(i, i + m.length, m.payloads);
      if (chosen.trigger == nullptr) {
        ++i;
        continue;
      }
      CodeTrigger(i, chosen.last, *chosen.trigger, chosen.gap_begin, chosen.gap_end);
      if (const Governed* g = GovernedAt(i); g != nullptr && !g->settled) CodeGovernor(*g);
      i = chosen.last;
    }
  }

 private:
  std::string_view Norm(uint32_t i) const {
    return i >= s_.first && i < s_.last ? std::string_view(tokens_[i].norm) : "";
  }
  const Mention* EndingAt(uint32_t token_end) const {
    if (token_end < s_.first || token_end > s_.last) return nullptr;
    const int k = ending_[token_end - s_.first];
    return k < 0 ? nullptr : &mentions_[static_cast<size_t>(k)];
  }
  const Mention* StartingAt(uint32_t token) const {
    if (token < s_.first || token > s_.last) return nullptr;
    const int k = starting_[token - s_.first];
    return k < 0 ? nullptr : &mentions_[static_cast<size_t>(k)];
  }
  bool InsideMention(uint32_t token) const {
    return token >= s_.first && token < s_.last && inside_[token - s_.first];
  }

  struct Chosen {
    const Trigger* trigger = nullptr;
    uint32_t last = 0;       // where the trigger ends, its object words included
    uint32_t gap_begin = 0;  // the words between a verb and its object words ("accused
    uint32_t gap_end = 0;    // |Russia| of war crimes"), where its object may be
  };

  // ---- Governing verbs ("refused to meet", "urged Iran to release") ------------------------

  // An event a governing verb governs, found before the sentence is coded.
  struct Governed {
    const GovernRule* rule = nullptr;
    GovernKind kind = GovernKind::kAppeal;  // the rule's, or speculate for "would ... if"
    uint32_t first = 0;                     // the governor's words
    uint32_t end = 0;
    uint32_t event = 0;    // where the governed trigger starts
    Side object;           // OBJ: the actor the governor addresses ("urged Iran to")
    std::string code;      // what the governor makes of the event: a code, "=" or "-"
    bool settled = false;  // the governed event had its actors (coded, or left out on purpose)
    bool passive = false;  // "Serbia was urged by the EU to resume talks": the subject is the
    Side agent;            // governor's object, and `agent` (after "by") its source
    bool unreal = false;   // an outer governor puts it in the future or supposes it
    bool subject_event = false;  // the event is the passive governor's subject ("Direct
                                 // negotiations were demanded of Washington by North Korea")
  };

  // A governed event that found no actors of its own leaves the governor to its own rule:
  // "It was agreed to maintain contact" is the agreement of the parties.
  void CodeGovernor(const Governed& g) {
    const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, g.first, s_.last);
    if (m.length == 0) return;
    const bool tabari = std::any_of(m.payloads.begin(), m.payloads.end(), [&](uint32_t id) {
      return lex_.rule(lex_.trigger(id).rule).tabari;
    });
    if (tabari) return;
    const Chosen chosen = ChooseTrigger(g.first, g.first + m.length, m.payloads);
    if (chosen.trigger != nullptr) {
      CodeTrigger(g.first, chosen.last, *chosen.trigger, chosen.gap_begin, chosen.gap_end);
    }
  }

  // Words that may stand between a governor's parts and before the event it governs.
  bool IsGovernFiller(std::string_view w) const {
    return IsAdverb(w) || OneOf(w, {"also", "again", "not", "n't", "never", "once", "still", "now",
                                    "jointly", "both", "all", "even", "only", "further"});
  }

  // Matches a governor's elements after its words from `pos`; the end, or 0.
  uint32_t MatchGovernAfter(const GovernRule& rule, uint32_t pos, Side* object) const {
    for (const GovernElement& e : rule.after) {
      while (pos < s_.last && IsGovernFiller(Norm(pos)) && !StartingAt(pos)) ++pos;
      if (e.actor) {
        const Mention* m = StartingAt(pos);
        if (m == nullptr || m->locative) return 0;
        *object = GroupRight(*m);
        pos = object->last;
        continue;
      }
      if (Norm(pos) != e.word) return 0;
      ++pos;
    }
    return pos;
  }

  // The trigger a governor governs: the first within a few words after `pos` ("refused to
  // meet", "vowed to launch a new offensive", "called for the immediate release of"), not
  // past a clause break or a word that opens another clause.
  std::optional<std::pair<uint32_t, Chosen>> GovernedTrigger(uint32_t pos,
                                                             Side* modifier = nullptr) const {
    constexpr uint32_t kWindow = 4;
    // (A hyphenated word counts as one: "agreed to a 72-hour ceasefire".)
    for (uint32_t j = pos, end = pos + kWindow; j < s_.last && j < end; ++j) {
      if (Norm(j) == "-" && !tokens_[j].space_before && j > pos && !tokens_[j - 1].capitalized) {
        end += 2;
      }
      // "seeks |Uzbek| cooperation", "demanded |Russia's| withdrawal": whom it is asked of.
      if (const Mention* m = StartingAt(j); m != nullptr && modifier != nullptr &&
                                            modifier->empty() && (m->modifier || m->possessive)) {
        *modifier = GroupRight(*m);
      }
      const std::string_view w = Norm(j);
      if (IsClauseBreak(w) && w != "-") return std::nullopt;
      if (OneOf(w, {".", "to", "whether", "if", "that", "what", "how", "who", "which", "when",
                    "where", "why", "and", "or", "but", "said", "says"})) {
        return std::nullopt;
      }
      // ("The protesters' |demands| were conceded": a passive verb of which the governor is
      // the subject.)
      if (OneOf(w, {"was", "were", "is", "are"}) &&
          (Norm(j + 1).ends_with("ed") || Norm(j + 1).ends_with("en"))) {
        return std::nullopt;
      }
      if (InsideMention(j)) continue;
      const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, j, s_.last);
      if (m.length == 0) continue;
      const Chosen c = ChooseTrigger(j, j + m.length, m.payloads);
      if (c.trigger == nullptr) continue;  // a verb whose object words do not follow
      if (lex_.rule(c.trigger->rule).tabari) return std::nullopt;
      return std::make_pair(j, c);
    }
    return std::nullopt;
  }

  // The trigger heading the subject of a passive governor at `verb` ("|Direct negotiations|
  // were demanded of"): the first one of the clause before the verb's auxiliaries.
  std::optional<std::pair<uint32_t, Chosen>> SubjectEvent(uint32_t verb) const {
    constexpr uint32_t kWindow = 10;
    uint32_t i = verb;
    while (i > s_.first && (IsAuxiliary(Norm(i - 1)) || IsAdverb(Norm(i - 1)))) --i;
    uint32_t start = i;
    while (start > s_.first && i - start < kWindow) {
      const std::string_view w = Norm(start - 1);
      if (IsClauseBreak(w) || OneOf(w, {".", "that", "which", "who", "\""})) break;
      --start;
    }
    for (uint32_t j = start; j < i; ++j) {
      if (InsideMention(j)) continue;
      const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, j, s_.last);
      if (m.length == 0 || j + m.length > i) continue;
      const Chosen c = ChooseTrigger(j, j + m.length, m.payloads);
      if (c.trigger == nullptr) continue;
      const EventRule& rule = lex_.rule(c.trigger->rule);
      if (rule.tabari || rule.block) return std::nullopt;
      return std::make_pair(j, c);
    }
    return std::nullopt;
  }

  // A passive governor: "was urged [by X] to", "were asked [by X] for". Its OBJ is the
  // clause's subject; a "by" agent may come before each remaining word. The end, or 0.
  uint32_t MatchGovernPassive(const GovernRule& rule, uint32_t pos, Side* agent) const {
    const auto by = [&]() {
      if (Norm(pos) != "by" || agent->actors.size() > 0) return;
      if (const Mention* m = StartingAt(pos + 1)) {
        *agent = GroupRight(*m);
        pos = agent->last;
      }
    };
    bool had_object = false;
    for (const GovernElement& e : rule.after) {
      by();
      if (e.actor) {
        had_object = true;
        continue;
      }
      if (Norm(pos) != e.word) return 0;
      ++pos;
    }
    by();
    return had_object ? pos : 0;
  }

  void FindGoverned() {
    const ComplementTable& table = lex_.complements();
    if (table.empty()) return;
    for (uint32_t i = s_.first; i < s_.last; ++i) {
      if (InsideMention(i)) continue;
      const actors::PhraseMatcher::Match m = table.matcher().LongestAt(tokens_, i, s_.last);
      if (m.length == 0) {
        HeadlineFuture(i);
        continue;
      }
      // The rule with the most elements first: "demanded |Britain| extradite" is "demand OBJ",
      // not the bare "demand" (no more than a few rules share a governor's words).
      std::array<uint32_t, 16> order{};
      const size_t n = std::min(m.payloads.size(), order.size());
      std::copy_n(m.payloads.begin(), n, order.begin());
      std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
                       [&](uint32_t a, uint32_t b) {
                         return table.rule(a).after.size() > table.rule(b).after.size();
                       });
      for (size_t k = 0; k < n; ++k) {
        const uint32_t id = order[k];
        const GovernRule& rule = table.rule(id);
        Side object;
        Side agent;
        uint32_t end = MatchGovernAfter(rule, i + m.length, &object);
        const bool passive = end == 0 && IsPassive(i, VerbForm::kPastOrParticiple);
        if (passive) end = MatchGovernPassive(rule, i + m.length, &agent);
        if (end == 0) continue;
        Side modifier;
        auto governed = GovernedTrigger(end, &modifier);
        // "Direct negotiations were demanded of Washington by North Korea", "A break in
        // relations was threatened by Colombia": the event heads the passive's subject; the
        // agent after "by" is the source, an actor after "of", "to", "from" or "on" the target.
        bool subject_event = false;
        if (!governed && !passive && IsPassive(i, VerbForm::kPastOrParticiple)) {
          governed = SubjectEvent(i);
          subject_event = governed.has_value();
          if (subject_event) {
            agent = AfterPreposition("by", i + m.length, nullptr, 2 * kPrepositionWindow);
            if (agent.empty()) continue;
            for (std::string_view prep : {"of", "to", "from", "on", "against", "with"}) {
              object = AfterPreposition(prep, i + m.length, nullptr, kPrepositionWindow);
              if (!object.empty()) break;
            }
          }
        }
        if (!governed) continue;
        const bool asks = rule.kind == GovernKind::kAppeal || rule.kind == GovernKind::kDemand;
        if (object.empty() && asks) object = std::move(modifier);
        const EventRule& event = lex_.rule(governed->second.trigger->rule);
        if (event.block) continue;
        // "May" is a month or a name; "would ... if" a supposition.
        if (Norm(i) == "may" && tokens_[i].capitalized) continue;
        GovernKind kind = rule.kind;
        if (kind == GovernKind::kFuture && Norm(i) == "would" && SentenceHas({"if", "unless"})) {
          kind = GovernKind::kSpeculate;
        }
        // "Whether Caracas would cooperate ... remained unclear".
        if ((kind == GovernKind::kFuture || kind == GovernKind::kPlan) &&
            SentenceHas({"whether"})) {
          kind = GovernKind::kSpeculate;
        }
        std::string code(table.CodeFor(kind, event.cameo));
        if (code.empty()) continue;  // the governor's own rule codes it
        // A subject that would make no event is more likely read wrong ("Attack helicopters
        // were requested"): the governor's own rule codes it.
        if (subject_event && code == "-") continue;
        // A governor governed in turn ("might ask Beijing for", "did not plan to"): what
        // denies or supposes the outer one, or puts it in the future, holds for the inner.
        bool outer_unreal = false;
        if (const Governed* outer = GovernedAt(i)) {
          const GovernKind k = outer->kind;
          // An enacting verb is transparent to what governs it: "warned he could declare
          // martial law" threatens martial law.
          if (kind == GovernKind::kEnact && k == GovernKind::kThreaten) {
            const std::string_view outer_code = table.CodeFor(k, event.cameo);
            if (!outer_code.empty()) {
              kind = k;
              code.assign(outer_code.data(), outer_code.size());
            }
          }
          if (outer->code == "-") code = "-";
          if (k == GovernKind::kNegate || k == GovernKind::kSpeculate) kind = k;
          outer_unreal = k == GovernKind::kFuture || k == GovernKind::kPlan ||
                         k == GovernKind::kSpeculate || outer->unreal;
        }
        governed_.push_back(Governed{&rule, kind, i, i + m.length, governed->first,
                                     std::move(object), std::move(code), false, passive,
                                     std::move(agent), outer_unreal, subject_event});
        if (subject_event) break;  // (the event lies behind: go on after the governor)
        i = governed->first - 1;   // the governed trigger may itself govern ("agreed to try")
        break;
      }
    }
  }

  // "Japan's Abe to resign", "Washington to ease sanctions on Myanmar": in a headline an
  // actor followed by "to" and an event announces it.
  void HeadlineFuture(uint32_t i) {
    static const GovernRule kHeadlineTo{"govern.headline-to", GovernKind::kFuture, {}};
    if (Norm(i) != "to") return;
    const Mention* subject = EndingAt(i);
    if (subject == nullptr || subject->possessive) return;
    const bool opens = subject->first == s_.first ||
                       (subject->first == s_.first + 1 && IsDeterminer(Norm(s_.first)));
    if (!opens) return;
    const auto governed = GovernedTrigger(i + 1);
    if (!governed) return;
    const EventRule& event = lex_.rule(governed->second.trigger->rule);
    if (event.block) return;
    std::string code(lex_.complements().CodeFor(GovernKind::kFuture, event.cameo));
    if (code.empty()) return;
    governed_.push_back(Governed{&kHeadlineTo,
                                 GovernKind::kFuture,
                                 i,
                                 i + 1,
                                 governed->first,
                                 {},
                                 std::move(code),
                                 false,
                                 false,
                                 {},
                                 false});
  }

  bool SentenceHas(std::initializer_list<std::string_view> words) const {
    for (uint32_t i = s_.first; i < s_.last; ++i) {
      if (OneOf(Norm(i), words)) return true;
    }
    return false;
  }

  uint32_t ConsumedGovernorEnd(uint32_t i) const {
    for (const Governed& g : governed_) {
      if (i >= g.first && i < g.end) return g.end;
    }
    return 0;
  }
  const Governed* GovernedAt(uint32_t event) const {
    for (const Governed& g : governed_) {
      if (g.event == event) return &g;
    }
    return nullptr;
  }

  // The end of a rule's object words ("imposed a three-day curfew") after `from`, or 0: they
  // follow within a few words, in the same clause.
  uint32_t ObjectWordsEnd(const EventRule& rule, uint32_t from) const {
    const uint32_t begin = ObjectWordsBegin(rule, from);
    return begin == 0 ? 0 : begin + static_cast<uint32_t>(rule.object_words.size());
  }
  // A rule's last object word in either number: "protester" for "protesters", "curfews"
  // for "curfew" (its other number is worked out once, when the rule is loaded).
  static bool SameNoun(std::string_view token, const EventRule& rule) {
    return token == rule.object_other_number;
  }

  // Do a rule's object words head the subject of its verb in the passive ("Sanctions on Iran
  // were lifted")? They stand in the clause before the verb, within a few words.
  bool ObjectWordsBefore(const EventRule& rule, uint32_t verb) const {
    constexpr uint32_t kWindow = 8;
    const std::vector<std::string>& words = rule.object_words;
    for (uint32_t j = verb; j > s_.first && verb - j < kWindow; --j) {
      const uint32_t at = j - 1;
      const std::string_view w = Norm(at);
      if (w != "-" && (IsClauseBreak(w) || w == ".")) return false;
      if (at + words.size() > verb) continue;
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k) {
        const std::string_view t = Norm(at + static_cast<uint32_t>(k));
        all = t == words[k] || (k + 1 == words.size() && SameNoun(t, rule));
      }
      if (all) return true;
    }
    return false;
  }

  // Is token `j` inside a mention right after "by"?
  bool InAgentPhrase(uint32_t j) const {
    for (const Mention& m : mentions_) {
      if (m.first >= j || m.last <= j) continue;
      return m.first > s_.first && Norm(m.first - 1) == "by";
    }
    return false;
  }

  uint32_t ObjectWordsBegin(const EventRule& rule, uint32_t from) const {
    constexpr uint32_t kGap = 4;
    const std::vector<std::string>& words = rule.object_words;
    const uint32_t limit = std::min<uint32_t>(GapLimit(from, kGap), s_.last);
    for (uint32_t j = from; j < limit; ++j) {
      if (j + words.size() > s_.last) break;
      // Not inside a passive's agent: "were used by Syrian government |forces|" is no use of
      // force (but "sent |troops|", "ordered UN |peacekeepers| out").
      if (InsideMention(j) && StartingAt(j) == nullptr && InAgentPhrase(j)) continue;
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k) {
        const text::Token& t = tokens_[j + static_cast<uint32_t>(k)];
        const bool last = k + 1 == words.size();
        all = (text::NormHashOf(t) == rule.object_hashes[k] && t.norm == words[k]) ||
              (last && SameNoun(t.norm, rule));
      }
      if (all) return j;
    }
    return 0;
  }

  // One past the last token, from `from` on and within `gap` more, that object words may
  // start at (cached: every gapped rule of a verb asks for the same place).
  uint32_t GapLimit(uint32_t from, uint32_t gap) const {
    if (gap_limit_from_ == from) return gap_limit_;
    // A name counts as one word: "accused |Former Prime Minister Imran Khan| of".
    uint32_t j = from;
    uint32_t words = 0;
    // "fired shotguns |and| tear gas": "and" between two nouns joins objects.
    const auto joins_nouns = [&](uint32_t k) {
      if (!OneOf(Norm(k), {"and", "or"}) || k == from || k + 1 >= s_.last) return false;
      const std::string_view next = Norm(k + 1);
      return tokens_[k - 1].kind == text::TokenKind::kWord && !tokens_[k - 1].capitalized &&
             tokens_[k + 1].kind == text::TokenKind::kWord && !IsAdverb(next) &&
             !IsAuxiliary(next) && !next.ends_with("ed") && !IsFunctionWord(next);
    };
    while (j < s_.last && words <= gap && (!EndsObjectGap(Norm(j)) || joins_nouns(j))) {
      const Mention* m = StartingAt(j);
      // (A hyphenated word is one: "granted Hungary a one-year exemption".)
      const bool hyphen = m == nullptr && Norm(j) == "-" && !tokens_[j].space_before;
      j = m != nullptr ? m->last : j + 1;
      if (hyphen && j < s_.last) {
        ++j;
        continue;
      }
      ++words;
      // ("called Trump's conduct a "breach of ..."": a quote opening the object words.)
      if (j + 1 < s_.last && Norm(j) == "\"" && tokens_[j + 1].kind == text::TokenKind::kWord &&
          !tokens_[j + 1].space_before && words <= gap) {
        ++j;
      }
    }
    gap_limit_from_ = from;
    gap_limit_ = j;
    return j;
  }

  // Among the rules of the words at [at, end): a verb whose object words follow (those that
  // begin nearest first, the longer of two that begin together: "expressed willingness to
  // negotiate" over "expressed willingness"), else a verb without object words; a word that is both
  // a verb and a noun trigger
  // ("visit", "talks", "meeting") is the verb after its subject, an auxiliary, "to", an
  // adverb or a coordinating "and", else the noun.
  Chosen ChooseTrigger(uint32_t at, uint32_t end, std::span<const uint32_t> payloads) const {
    const Trigger* verb = nullptr;
    const Trigger* noun = nullptr;
    const Trigger* gapped = nullptr;
    uint32_t gapped_end = 0;
    uint32_t gapped_begin = 0;
    for (uint32_t id : payloads) {
      const Trigger& t = lex_.trigger(id);
      const EventRule& rule = lex_.rule(t.rule);
      if (t.form == VerbForm::kNoun) {
        noun = &t;
      } else if (rule.object_words.empty()) {
        verb = &t;
      } else if (const uint32_t b = ObjectWordsBegin(rule, end);
                 b != 0 && (gapped == nullptr || b < gapped_begin ||
                            (b == gapped_begin && b + rule.object_words.size() > gapped_end))) {
        gapped = &t;
        gapped_begin = b;
        gapped_end = b + static_cast<uint32_t>(rule.object_words.size());
      } else if (b == 0 && gapped == nullptr &&
                 (IsPassive(at, t.form) || ReducedPassive(at, end, t.form)) &&
                 ObjectWordsBefore(rule, at)) {
        gapped = &t;  // "The nationwide curfew was lifted by Sri Lankan police"
        gapped_begin = end;
        gapped_end = end;
      }
    }
    if (gapped != nullptr) verb = gapped;
    const uint32_t verb_end = gapped != nullptr ? gapped_end : end;
    const Chosen as_verb{verb, verb_end, gapped != nullptr ? end : 0, gapped_begin};
    if (verb == nullptr || noun == nullptr) {
      return verb != nullptr ? as_verb : Chosen{noun, end};
    }
    const std::string_view prev = Norm(at - 1);
    // ", killing four soldiers": a participle after a comma with its object is the verb.
    const bool participle = prev == "," && Norm(end - 1).ends_with("ing") &&
                            (StartingAt(end) != nullptr || SkipQuantity(end) != end);
    const bool verbal =
        at > s_.first && (EndingAt(at) != nullptr || IsAuxiliary(prev) || IsAdverb(prev) ||
                          participle || OneOf(prev, {"and", "but", "who", "which", "that"}) ||
                          (IsGerundTaker(prev) && Norm(end - 1).ends_with("ing")));
    // "Hezbollah's military arm attacked Israel": a past verb of its own right after the word
    // makes it the noun that verb's subject ends with.
    const bool verb_follows =
        end < s_.last && Norm(end).ends_with("ed") && !StartingAt(end) && CodesAnEvent(end);
    return verbal && !IsDeterminer(prev) && !verb_follows ? as_verb : Chosen{noun, end};
  }

  // Adds a mention's actors to a side. A group anaphor ("the parties") stands for the pair of
  // a conversation coded earlier in this same sentence, when there is one.
  void Merge(Side* side, const Mention& m) const {
    const std::vector<ResolvedActor>& actors =
        m.type == actors::MentionType::kGroup && group_changed_ ? d_.group : m.actors;
    for (const ResolvedActor& a : actors) {
      if (std::find(side->actors.begin(), side->actors.end(), a) == side->actors.end()) {
        side->actors.push_back(a);
      }
    }
    side->first = std::min(side->first == kNoSpan ? m.first : side->first, m.first);
    side->last = side->last == kNoSpan ? m.last : std::max(side->last, m.last);
    side->place = side->place || m.place || m.locative;
    side->unknown = side->unknown || m.unknown;
    side->anaphor = side->anaphor || m.type == actors::MentionType::kGroup;
  }

  // `m` and the mentions coordinated with it on its left ("Putin and Trump"); a comma joins
  // only inside a list that an "and" closes ("Russia, China and India").
  Side GroupLeft(const Mention& m) const {
    std::vector<const Mention*> chain{&m};
    bool closed = false;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      const Mention* cur = chain.back();
      if (it->last > cur->first) continue;
      bool comma = false;
      const bool joined = text::IsCoordination(tokens_, it->last, cur->first, &comma);
      // A headline joins with a comma alone: "Kenya, Somalia vow to resolve maritime row".
      if (it->modifier || it->locative || !joined || (comma && !closed && !s_.headline)) break;
      closed = closed || !comma;
      chain.push_back(&*it);
    }
    Side side;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) Merge(&side, **it);
    return side;
  }

  // `m` and the mentions coordinated with it on its right.
  Side GroupRight(const Mention& m) const {
    std::vector<const Mention*> chain{&m};
    uint32_t end = m.last;  // past the chain's last member and its parenthesized acronym
    for (const Mention& next : mentions_) {
      if (next.first < end) continue;
      // ("between the Rapid Support Forces (RSF) and a tribe": the acronym is the same actor.)
      if (next.first == end + 1 && Norm(end) == "(" && next.last < s_.last &&
          Norm(next.last) == ")") {
        end = next.last + 1;
        continue;
      }
      if (next.modifier || next.locative || !text::IsCoordination(tokens_, end, next.first)) {
        break;
      }
      // ("sent instructors to Mali, and the government denied ...": a new clause.)
      if (next.last < s_.last && Norm(end) == "," &&
          (Norm(next.last).ends_with("ed") ||
           (IsAuxiliary(Norm(next.last)) && Norm(next.last) != "to") ||
           OneOf(Norm(next.last), {"said", "says"}))) {
        break;
      }
      chain.push_back(&next);
      end = next.last;
    }
    // Drop trailing comma-joined members: "Russia, Kremlin sources said" is no list (but
    // "Pope urges Ethiopia, Eritrea to halt fighting" is, in a headline).
    bool comma = true;
    while (
        !s_.headline && chain.size() > 1 &&
        text::IsCoordination(tokens_, chain[chain.size() - 2]->last, chain.back()->first, &comma) &&
        comma) {
      chain.pop_back();
    }
    Side side;
    for (const Mention* c : chain) Merge(&side, *c);
    return side;
  }

  // The subject of a clause whose verb (or governed noun) starts at `at`.
  // For a noun, the subject of the verb that governs it ("Putin had a conversation"); an actor
  // right before the noun is a compound modifier ("the G7 summits"), not a subject.
  Side Subject(uint32_t at, bool noun) {
    // "Israeli aircraft pounded", "a U.S. drone strike killed": a state's adjective on its
    // weapons is the subject.
    if (!noun) {
      uint32_t end = at;
      while (end > s_.first && (IsAuxiliary(Norm(end - 1)) || IsAdverb(Norm(end - 1)))) --end;
      for (uint32_t k = end; k + 2 >= end && k > s_.first; --k) {
        const Mention* m = EndingAt(k);
        if (m != nullptr && !m->locative && !m->generic && k < end && WeaponsBetween(k, end) &&
            std::none_of(m->actors.begin(), m->actors.end(),
                         [](const ResolvedActor& a) { return a.person; })) {
          // "Somali forces backed by US airstrikes recaptured": the weapons are the agent of
          // a participle; the subject stands before it.
          if (m->first >= s_.first + 2 && Norm(m->first - 1) == "by" &&
              Norm(m->first - 2).ends_with("ed")) {
            return Subject(m->first - 2, false);
          }
          return GroupLeft(*m);
        }
      }
    }
    uint32_t modifiers = 0;
    bool crossed_verb = !noun;
    bool light_verb = false;  // "X, who leads the delegation, |held| negotiations"
    for (uint32_t i = at; i > s_.first; --i) {
      const uint32_t t = i - 1;
      if (const Mention* m = EndingAt(i)) {
        if (m->locative || m->modifier) {
          uint32_t from = m->first;
          // "The U.S. delegation |in Beijing| demanded": past the place's preposition too.
          if (m->locative && !noun && from > s_.first + 1 &&
              OneOf(Norm(from - 1), {"in", "at", "near"})) {
            --from;
          }
          i = from + 1;
          continue;
        }
        // "Rebels backed by Rwanda seized Goma": the agent of a participle after the subject
        // is not the subject.
        if (!noun && crossed_verb && m->first >= s_.first + 3 && Norm(m->first - 1) == "by" &&
            Norm(m->first - 2).ends_with("ed") && !IsAuxiliary(Norm(m->first - 3)) &&
            EndingAt(m->first - 2) != nullptr) {
          return Subject(m->first - 2, false);
        }
        return crossed_verb ? GroupLeft(*m) : Side{};
      }
      const std::string_view w = Norm(t);
      if (IsAuxiliary(w) || IsAdverb(w)) {
        crossed_verb = true;
        continue;
      }
      // "Russia continued shelling Kharkiv", "Iran admitted downing the jet": a gerund after
      // a verb of going on or of owning up is done by that verb's subject.
      if (!noun && i == at && Norm(at).ends_with("ing") && IsGerundTaker(w)) {
        crossed_verb = true;
        continue;
      }
      // ("had \"unintentionally\" shot down": a quoted adverb.)
      if (w == "\"" && t >= s_.first + 2 && Norm(t - 2) == "\"" && IsAdverb(Norm(t - 1))) {
        crossed_verb = true;
        i = t - 1;
        continue;
      }
      // "Russia on Monday warned ...", "Pyongyang last week fired ...": a time phrase between
      // the subject and its verb.
      if (IsDayOrMonth(w) || (OneOf(w, {"on", "last", "this", "next", "early", "late"}) &&
                              IsDayOrMonth(Norm(t + 1)))) {
        continue;
      }
      if (noun && IsDeterminer(w)) continue;
      if (noun && IsLightVerb(w)) {
        // "responded by holding a joint drill": the gerund is done by its clause's subject.
        if (w.ends_with("ing") && t > s_.first && IsGerundPreposition(Norm(t - 1)) &&
            !ClauseBetween(t - 1)) {
          return TrailingParticipleSubject(t);
        }
        crossed_verb = true;
        light_verb = true;
        continue;
      }
      // "took part in a meeting", "participated in talks", "is on a visit to".
      if (noun && (w == "in" || w == "on") &&
          OneOf(Norm(t - 1), {"part", "participated", "participates", "participate",
                              "participating", "is", "was", "are", "were"})) {
        crossed_verb = true;
        continue;
      }
      // A verb taking an infinitive: "Arnor plans to visit", "refused to meet", "is about to".
      if (Norm(t + 1) == "to" && !tokens_[t].capitalized &&
          tokens_[t].kind == text::TokenKind::kWord && (!IsFunctionWord(w) || w == "about")) {
        continue;
      }
      if (noun && modifiers < kModifierSkip && !IsFunctionWord(w) && !tokens_[t].capitalized &&
          tokens_[t].kind == text::TokenKind::kWord) {
        ++modifiers;
        continue;
      }
      // "a second night |of| curfew", "a new round |of| talks", "a wave |of| arrests": a
      // measure of the noun is no preposition before it.
      if (noun && !crossed_verb && w == "of" && t > s_.first &&
          OneOf(Norm(t - 1), {"round", "rounds",  "wave",   "waves",   "series", "spate",  "string",
                              "list",  "lists",   "night",  "nights",  "day",    "days",   "week",
                              "weeks", "month",   "months", "barrage", "volley", "flurry", "number",
                              "batch", "package", "raft",   "set",     "fresh",  "new"})) {
        continue;
      }
      // "a |24|-hour curfew", "a |three|-day strike": a number in a hyphenated modifier.
      if (noun && !crossed_verb && tokens_[t].kind == text::TokenKind::kNumber &&
          Norm(t + 1) == "-") {
        continue;
      }
      // "a |full-scale| invasion", "|air and missile| strikes": the hyphen and the "and" of a
      // noun's modifiers, before any verb is crossed.
      if (noun && !crossed_verb && t > s_.first &&
          ((w == "-" && modifiers > 0) ||
           ((w == "and" || w == "or") && !tokens_[t - 1].capitalized &&
            tokens_[t - 1].kind == text::TokenKind::kWord && !IsFunctionWord(Norm(t - 1)) &&
            !IsLightVerb(Norm(t - 1)) && !EndingAt(t)))) {
        if (modifiers > 0) --modifiers;  // the words joined count as one
        continue;
      }
      if ((w == "and" || w == "but") && last_subject_) return *last_subject_;
      // "China said it was holding the crew and demanded an apology": a verb after "and"
      // whose partner coded nothing shares the sentence's subject.
      if ((w == "and" || w == "but") && !noun && t > s_.first && !EndingAt(t) &&
          !tokens_[t - 1].capitalized) {
        if (Side opener = TrailingParticipleSubject(at); !opener.empty()) return opener;
      }
      // "The Coast Guard intercepts and seizes": two verbs of one subject, the first coding
      // nothing.
      if (w == "and" && !noun && t > s_.first + 1 && !tokens_[t - 1].capitalized &&
          tokens_[t - 1].kind == text::TokenKind::kWord && !IsFunctionWord(Norm(t - 1))) {
        if (const Mention* m = EndingAt(t - 1); m != nullptr && !m->locative && !m->modifier) {
          return GroupLeft(*m);
        }
      }
      if (w == ")" && !noun) {  // "the Syrian Democratic Forces (SDF) opposed ..."
        uint32_t open = t;
        while (open > s_.first && t - open < 12 && Norm(open) != "(") --open;
        if (Norm(open) == "(" && open > s_.first) {
          if (const Mention* m = EndingAt(open)) return GroupLeft(*m);
        }
      }
      if (w == "," && (!noun || light_verb)) {  // "Russia's foreign minister, speaking ..., warned"
        if (const Mention* m = BeforeParenthetical(t)) return GroupLeft(*m);
      }
      // "The Syrian Army — whose commander is President Assad — entered": a dashed aside.
      if (!noun && i == at && IsDash(t)) {
        for (uint32_t j = t; j > s_.first && t - j < 20; --j) {
          if (OneOf(Norm(j - 1), {".", ";", ":"})) break;
          if (!IsDash(j - 1)) continue;
          if (const Mention* m = EndingAt(j - 1); m != nullptr && !m->locative) {
            return GroupLeft(*m);
          }
          break;
        }
      }
      if (w == "who" || w == "which" || w == "that") {
        const uint32_t j = Norm(t - 1) == "," ? t - 1 : t;
        // (Not a place: "fighting in Khartoum that has killed hundreds".)
        if (const Mention* m = EndingAt(j); m != nullptr && !m->locative) return GroupLeft(*m);
      }
      // "Indian fighter jets and |helicopter gunships| attacked": an actor and its equipment.
      if (!noun && i == at && tokens_[t].kind == text::TokenKind::kWord &&
          !tokens_[t].capitalized && !IsFunctionWord(w)) {
        uint32_t k = t;
        if (k > s_.first && !tokens_[k - 1].capitalized &&
            tokens_[k - 1].kind == text::TokenKind::kWord && !IsFunctionWord(Norm(k - 1))) {
          --k;
        }
        if (k > s_.first + 1 && Norm(k - 1) == "and") {
          if (const Mention* m = EndingAt(k - 1);
              m != nullptr && !m->locative && !m->possessive && !m->modifier) {
            return GroupLeft(*m);
          }
        }
      }
      break;
    }
    return noun ? Side{} : PostModifiedSubject(at);
  }

  // The subject that opens its clause with a phrase after it: "Protesters |angry about fuel
  // prices| torched ...", "Protesters |demanding equal rights| threw stones at ...". Nothing
  // between the phrase and the verb may be a verb of its own, a clause break or a relative.
  Side PostModifiedSubject(uint32_t at) const {
    static const text::WordSet kAdjectives{"angry",   "angered",     "opposed", "loyal",
                                           "armed",   "upset",       "furious", "frustrated",
                                           "unhappy", "disgruntled", "critical"};
    constexpr uint32_t kWindow = 10;
    for (uint32_t j = at; j > s_.first && at - j < kWindow; --j) {
      const std::string_view w = Norm(j - 1);
      if (IsClauseBreak(w) || IsAuxiliary(w) || OneOf(w, {"that", "which", "who", "."})) break;
      const Mention* m = EndingAt(j);
      if (m == nullptr || m->locative || m->possessive || m->modifier) continue;
      const bool opens = m->first == s_.first || IsClauseBreak(Norm(m->first - 1));
      if (!opens && AfterPrepositionWord(m->first)) {  // "demanding rights |for Afro-Colombians|"
        j = m->first + 1;
        continue;
      }
      const std::string_view next = Norm(m->last);
      if (!opens || m->last + 1 >= at ||
          !(kAdjectives.contains(next) || (next.ends_with("ing") && next.size() > 5))) {
        return {};
      }
      for (uint32_t k = m->last + 1; k < at; ++k) {
        if (Norm(k).ends_with("ed") && StartingAt(k) == nullptr) return {};
      }
      return GroupLeft(*m);
    }
    return {};
  }

  // The subject before a parenthetical phrase that ends with the comma at `comma`: the actor
  // right before its opening comma ("Bangladesh, which hosts a million refugees, made ...",
  // "Russia's foreign minister, speaking in Moscow, warned ..."), else an apposition that
  // opens it ("Joseph Wu, Taiwan's foreign minister, appealed ...").
  // A dash set off by spaces, or an en or em dash.
  bool IsDash(uint32_t t) const {
    const std::string_view w = Norm(t);
    return w == "\u2014" || w == "\u2013" || (w == "-" && tokens_[t].space_before);
  }

  const Mention* BeforeParenthetical(uint32_t comma) const {
    constexpr uint32_t kMaxParenthetical = 20;
    for (uint32_t i = comma; i > s_.first && comma - i < kMaxParenthetical; --i) {
      const uint32_t t = i - 1;
      const std::string_view w = Norm(t);
      if (OneOf(w, {";", ":", ".", "\"", "(", ")"})) return nullptr;
      if (w != ",") continue;
      if (const Mention* m = EndingAt(t)) {
        // ("Dalit workers in Gujarat, who ..., went on strike": the agent, not its place.)
        if (m->locative && m->first > s_.first + 1 &&
            OneOf(Norm(m->first - 1), {"in", "at", "near", "from"})) {
          if (const Mention* agent = EndingAt(m->first - 1); agent != nullptr && !agent->locative) {
            return agent;
          }
        }
        return m;
      }
      const Mention* apposition = StartingAt(t + 1);
      if (apposition != nullptr && apposition->last <= comma) return apposition;
      return nullptr;
    }
    return nullptr;
  }

  // "Russia's annexation", "Russian annexation", "Russia-ASEAN summit"; for an act of force
  // also a name before it ("a US drone strike", "a Hamas rocket attack").
  Side Possessor(uint32_t at, bool force = false) const {
    uint32_t i = at;
    bool light = false;  // ("U.S., Britain launch strikes": the name is the verb's subject.)
    for (uint32_t k = 0; k < kModifierSkip + 1 && i > s_.first && !EndingAt(i); ++k) {
      const std::string_view w = Norm(i - 1);
      // "Russian missile and drone strikes": "and" between the noun's modifiers.
      const bool joins = w == "and" && i - 1 > s_.first && !EndingAt(i - 1) &&
                         tokens_[i - 2].kind == text::TokenKind::kWord &&
                         !tokens_[i - 2].capitalized && !IsFunctionWord(Norm(i - 2)) &&
                         !CodesAnEvent(i - 2);  // not "their support and assistance"
      if (w == "'s" || w == "'" || (IsFunctionWord(w) && !joins) || IsDeterminer(w) ||
          tokens_[i - 1].kind != text::TokenKind::kWord || (k == kModifierSkip && !joins)) {
        break;
      }
      light = light || IsLightVerb(w);
      --i;
      if (joins) {
        --i;
        ++k;
      }
    }
    const bool apostrophe = Norm(i - 1) == "'s" || Norm(i - 1) == "'";
    const Mention* m = EndingAt(apostrophe ? i - 1 : i);
    if (m == nullptr || m->locative) return {};
    Side side;
    Merge(&side, *m);
    if (!apostrophe && Norm(m->first - 1) == "-") {
      if (const Mention* other = EndingAt(m->first - 1)) {
        Merge(&side, *other);
        return side;
      }
    }
    if (!apostrophe && !m->modifier && m->type == actors::MentionType::kNamed &&
        side.actors.size() == 1 && !(force && !light)) {
      return {};  // "NATO summit": a name before a noun is no possessor of an event
    }
    return side;
  }

  // Past a quantity before a noun: "40", "at least 20", "dozens of", "hundreds of", "a group
  // of", "three", "more than a dozen".
  uint32_t SkipQuantity(uint32_t i) const {
    static const text::WordSet kQuantity{"one",
                                         "two",
                                         "three",
                                         "four",
                                         "five",
                                         "six",
                                         "seven",
                                         "eight",
                                         "nine",
                                         "ten",
                                         "eleven",
                                         "twelve",
                                         "fifteen",
                                         "twenty",
                                         "thirty",
                                         "forty",
                                         "fifty",
                                         "hundred",
                                         "hundreds",
                                         "thousand",
                                         "thousands",
                                         "million",
                                         "millions",
                                         "dozen",
                                         "dozens",
                                         "scores",
                                         "several",
                                         "many",
                                         "few",
                                         "numerous",
                                         "multiple",
                                         "least",
                                         "more",
                                         "than",
                                         "nearly",
                                         "almost",
                                         "about",
                                         "around",
                                         "some",
                                         "up",
                                         "over",
                                         "roughly",
                                         "approximately",
                                         "estimated",
                                         "number",
                                         "group",
                                         "handful",
                                         "of",
                                         "a",
                                         "an",
                                         "at"};
    const uint32_t start = i;
    while (i < s_.last && !StartingAt(i) &&
           (tokens_[i].kind == text::TokenKind::kNumber || kQuantity.contains(Norm(i)) ||
            (Norm(i) == "-" && i > start))) {
      ++i;
    }
    // Only a phrase that ends at an actor (or goes on to one, past a modifier or two:
    // "dozens of |Conservative| lawmakers") counts: "a number of" alone before an ordinary
    // noun is left to the caller.
    if (i != start && StartingAt(i) == nullptr) i = SkipModifiers(i);
    return StartingAt(i) != nullptr ? i : start;
  }

  // Past one or two words before an actor ("by |Conservative| lawmakers", "with |local|
  // officials"); `i` itself when no actor follows them.
  // ("to |famine-hit| Somalia": a hyphen inside a compound modifier counts as no word.)
  uint32_t SkipModifiers(uint32_t i) const {
    uint32_t end = i + kModifierSkip;
    for (uint32_t j = i; j <= end && j < s_.last; ++j) {
      if (StartingAt(j) != nullptr) return j;
      const std::string_view w = Norm(j);
      if (w == "-" && j > i && !tokens_[j].space_before && j + 1 < s_.last &&
          !tokens_[j + 1].space_before) {
        end += 2;
        continue;
      }
      if (tokens_[j].kind != text::TokenKind::kWord || IsFunctionWord(w) || IsDeterminer(w)) {
        break;
      }
    }
    return i;
  }

  // The object of a verb ending at `from`; `*blocked` when the rule forbids the construction.
  Side Object(uint32_t from, const EventRule& rule, bool* blocked) const {
    uint32_t i = from;
    uint32_t modifiers = 0;
    // A possessive pronoun is a determiner here: "renewing his license" is not about "him".
    const auto possessive_pronoun = [&](uint32_t at) {
      const Mention* m = StartingAt(at);
      return m != nullptr && m->possessive && m->type != actors::MentionType::kNamed;
    };
    while (i < s_.last && (!StartingAt(i) || possessive_pronoun(i))) {
      const std::string_view w = Norm(i);
      if (const uint32_t q = SkipQuantity(i); q != i) {
        i = q;
        continue;
      }
      // "struck what New Delhi called a training camp": the name says, it is not struck.
      if (w == "what") return {};
      // "received word that Argentina had left": "that" before a name opens a clause (whose
      // subject only a verb of saying makes its target: "warned that Russia could ...").
      if (rule.strict_object && w == "that" && StartingAt(i + 1) != nullptr) return {};
      if (IsDeterminer(w) || IsAdverb(w)) {
        ++i;
        continue;
      }
      if (w == "-" && OneOf(Norm(i - 1), {"anti", "pro", "non"})) {  // "an anti-Gondor parade"
        // ("banned the pro-Russian party": what a party is for is not what is banned.)
        if (Norm(i - 1) == "pro" && StartingAt(i + 1) != nullptr) {
          i = StartingAt(i + 1)->last;
          continue;
        }
        ++i;
        continue;
      }
      // A capitalized modifier the dictionaries lack: "attacked Kurdish forces".
      if (tokens_[i].capitalized && tokens_[i].kind == text::TokenKind::kWord &&
          modifiers < kModifierSkip) {
        if (const uint32_t j = SkipModifiers(i); j != i) {
          i = j;
          continue;
        }
      }
      // A strict object may have modifiers too ("shot a teenage protester"); it must only be
      // a whole actor when it comes.
      if (modifiers < kModifierSkip && !IsFunctionWord(w) && !tokens_[i].capitalized &&
          tokens_[i].kind == text::TokenKind::kWord) {
        ++modifiers;
        ++i;
        continue;
      }
      return rule.strict_object ? Side{} : Including(i);
    }
    const Mention* m = StartingAt(i);
    if (m == nullptr) return {};
    // "arrived in Beijing": the trigger's own preposition makes no place of its object.
    if (m->locative &&
        !(i == from && from > s_.first && OneOf(Norm(from - 1), {"in", "at", "outside"}))) {
      return {};
    }
    // (A place of the possessor's is the possessor's: "withdrew from Iraq's Al-Asad base".)
    // ... and so is what a possessor seeks, for words of support or rejection: "backed
    // |India's| bid", "rejected |Kosovo's| application".
    if (rule.strict_object && (m->possessive || m->modifier) && !PossessedPlace(*m) &&
        !(m->possessive && (rule.cameo < "06" || (rule.cameo >= "10" && rule.cameo < "14")) &&
          PossessedBid(*m))) {
      return {};
    }
    if (rule.no_object_np && OneOf(Norm(m->last), {"a", "an", "the", "\"", "'"})) {
      *blocked = true;
      return {};
    }
    // ... nor an adjective: "called the junta illegitimate" names, it does not telephone.
    if (rule.no_object_np && m->last < s_.last) {
      const text::Token& next = tokens_[m->last];
      const std::string_view w = next.norm;
      if (next.kind == text::TokenKind::kWord && !next.capitalized && !IsFunctionWord(w) &&
          !IsDayOrMonth(w) && !IsAdverb(w) && !IsAuxiliary(w) &&
          !OneOf(w, {"late", "early", "last", "this", "overnight", "twice", "about", "over", "and",
                     "amid", "ahead", "back", "up", "off"})) {
        *blocked = true;
        return {};
      }
    }
    return GroupRight(*m);
  }

  // The actor of an operation "in" or "during" which a passive act happened, within a few
  // words of `from`: "killed |in a US counter-terrorism operation|", "arrested |during a
  // series of Israeli raids|".
  Side OperationAgent(uint32_t from) const {
    static const text::WordSet kOperations{
        "operation", "operations", "raid",        "raids",   "strike",    "strikes",
        "airstrike", "airstrikes", "attack",      "attacks", "offensive", "crackdown",
        "assault",   "shelling",   "bombardment", "bombing", "sweep",     "incursion"};
    for (uint32_t i = from; i < s_.last && i < from + 3; ++i) {
      if (!OneOf(Norm(i), {"in", "during", "amid"})) continue;
      for (uint32_t j = i + 1; j < s_.last && j < i + 8; ++j) {
        const Mention* m = StartingAt(j);
        if (m == nullptr) {
          if (IsClauseBreak(Norm(j))) return {};
          continue;
        }
        if (m->locative || m->possessive) return {};
        // The operation's noun within three words after the name.
        // ("a US counter-terrorism operation": a hyphenated word is one.)
        for (uint32_t k = m->last, words = 0; k < s_.last && words < 3; ++k) {
          if (kOperations.contains(Norm(k))) return GroupRight(*m);
          if (Norm(k) == "-") continue;
          if (IsFunctionWord(Norm(k)) || IsClauseBreak(Norm(k))) break;
          ++words;
        }
        return {};
      }
      return {};
    }
    return {};
  }

  // Does a possessor or adjective mention qualify a place of its state: "Iraq's Al-Asad
  // airbase", "Ukrainian territory", "Syria's north"?
  // Do two sides belong to one state (the first actor of each)?
  bool SameState(const Side& a, const Side& b) const {
    if (a.empty() || b.empty()) return false;
    const std::string state = resolver_.StateOf(a.actors.front());
    return !state.empty() && state == resolver_.StateOf(b.actors.front());
  }

  // Does a possessor mention own something it seeks: "India's |bid| for a seat", "Kosovo's
  // |application|"?
  bool PossessedBid(const Mention& m) const {
    static const text::WordSet kBids{"bid",         "bids",       "candidacy", "candidate",
                                     "application", "proposal",   "proposals", "plan",
                                     "plans",       "initiative", "request",   "requests",
                                     "claim",       "claims",     "efforts",   "push"};
    uint32_t i = m.last;
    if (i < s_.last && (Norm(i) == "'s" || Norm(i) == "'")) ++i;
    for (uint32_t k = 0; i < s_.last && k < 3; ++i, ++k) {
      const std::string_view w = Norm(i);
      if (kBids.contains(w)) return true;
      if (IsFunctionWord(w) || IsClauseBreak(w) || StartingAt(i) != nullptr) return false;
    }
    return false;
  }

  bool PossessedPlace(const Mention& m) const {
    static const text::WordSet kPlaces{
        "base", "bases",    "airbase",  "airbases", "territory", "territories",
        "soil", "airspace", "waters",   "border",   "borders",   "capital",
        "city", "cities",   "province", "region",   "north",     "south",
        "east", "west",     "port",     "ports",    "embassy",   "consulate"};
    uint32_t i = m.last;
    if (i < s_.last && (Norm(i) == "'s" || Norm(i) == "'")) ++i;
    for (uint32_t k = 0; i < s_.last && k < 5; ++i, ++k) {
      const std::string_view w = Norm(i);
      if (kPlaces.contains(w)) return true;
      if (IsFunctionWord(w) || (IsClauseBreak(w) && w != "-")) return false;
    }
    return false;
  }

  // Is a target counted in thousands or more: "tens of thousands of Haitians", "8,000 men",
  // "more than a million Rohingya"?
  bool MassOf(const Side& target) const {
    if (target.first == kNoSpan) return false;
    for (uint32_t i = target.first; i > s_.first && target.first - i < 5; --i) {
      const text::Token& t = tokens_[i - 1];
      const std::string_view w = t.norm;
      if (OneOf(w, {"thousands", "millions", "million", "thousand"})) return true;
      if (t.kind == text::TokenKind::kNumber) {
        std::string digits;
        for (char c : w) {
          if (c >= '0' && c <= '9') digits.push_back(c);
          if (c == '.') break;
        }
        return digits.size() >= 4;
      }
      if (!OneOf(w, {"of", "tens", "hundreds", "than", "more", "over", "some", "about", "nearly",
                     "almost", "around", "at", "least", "a", "an"})) {
        return false;
      }
    }
    return false;
  }

  // Is a target named in the sentence, as the head of its phrase ("captured |two Israeli
  // soldiers| in a raid"), not a modifier of a thing ("seized the |U.S. Navy| drone") nor
  // implied?
  bool NamesPeople(const Side& target) const {
    if (target.first == kNoSpan) return false;
    const Mention* m = StartingAt(target.first);
    if (m == nullptr || m->modifier || m->possessive || m->locative) return false;
    // A body named in the singular is an institution ("seized the state broadcaster").
    const bool person = std::any_of(m->actors.begin(), m->actors.end(),
                                    [](const ResolvedActor& a) { return a.person; });
    const std::string_view head = Norm(m->last - 1);
    if (!person && !(head.ends_with('s') || head.ends_with("men") || head == "people")) {
      return false;
    }
    if (m->last >= s_.last) return true;
    if (StartingAt(m->last) != nullptr) return true;  // "rebel |leader Abdullah Ocalan|"
    const text::Token& next = tokens_[m->last];
    const std::string_view w = next.norm;
    return next.kind != text::TokenKind::kWord || next.capitalized || IsFunctionWord(w) ||
           IsDayOrMonth(w) || w.ends_with("ed") || w.ends_with("ing") || IsAdverb(w) ||
           OneOf(w, {"near", "outside", "inside", "across", "along", "around", "within", "amid",
                     "off", "toward", "towards", "overnight", "last", "earlier"});
  }

  // The state of the place "in" which a verb's object noun is: "the coup |in Niger|", "the
  // violence in Sudan's Darfur" (a short object, no actor in it).
  Side ObjectPlace(uint32_t from) const {
    uint32_t i = from;
    for (uint32_t words = 0; i < s_.last && words < 4 && Norm(i) != "in"; ++i, ++words) {
      const std::string_view w = Norm(i);
      if (StartingAt(i) != nullptr || IsClauseBreak(w) || (IsFunctionWord(w) && !IsDeterminer(w)) ||
          tokens_[i].kind != text::TokenKind::kWord) {
        return {};
      }
    }
    if (i == from || i + 1 >= s_.last || Norm(i) != "in") return {};
    uint32_t j = i + 1;
    while (j < s_.last && IsDeterminer(Norm(j))) ++j;
    const Mention* m = StartingAt(j);
    if (m == nullptr || !m->locative) return {};
    Side side = GroupRight(*m);
    side.place = true;
    return side;
  }

  // The actors after `prep` within a few words of `from`. `*other` is set when `prep` follows
  // the trigger directly but governs something that is no actor ("talk to the media").
  Side AfterPreposition(std::string_view prep, uint32_t from, bool* other = nullptr,
                        uint32_t window = kPrepositionWindow, bool modifiers = true) const {
    // (A hyphenated word counts as one: "sent F-16 fighter jets to Cyprus".)
    for (uint32_t i = from, end = from + window; i < s_.last && i < end; ++i) {
      const std::string_view w = Norm(i);
      if (w == "." || w == ";") break;
      // ("Bachelet, speaking in Santiago, expressed sympathy with ...": a participle set off
      // by commas has its slots inside them.)
      if (w == "," && parenthetical_ && !InsideMention(i)) break;
      if (w == "-" && end < s_.last) end += 2;
      if (w != prep || InsideMention(i)) continue;
      // "sent troops to protect its nationals": "to" before a verb is no preposition.
      if (prep == "to" && IsPurposeVerb(Norm(i + 1))) continue;
      uint32_t j = i + 1;
      // ("with |his| Greek counterpart": a possessive pronoun is a determiner here.)
      while (j < s_.last && IsDeterminer(Norm(j)) &&
             (!StartingAt(j) ||
              (StartingAt(j)->possessive && StartingAt(j)->type != actors::MentionType::kNamed &&
               StartingAt(j + 1) != nullptr))) {
        ++j;
      }
      j = SkipQuantity(j);
      // ("into north-eastern Syria", "in southern Lebanon": a compass word.)
      while (j + 1 < s_.last && !StartingAt(j) &&
             (text::IsCompassAdjective(Norm(j)) ||
              (OneOf(Norm(j), {"north", "south", "east", "west"}) && Norm(j + 1) == "-") ||
              (Norm(j) == "-" && OneOf(Norm(j + 1), {"eastern", "western"})))) {
        ++j;
      }
      if (modifiers) j = SkipModifiers(j);
      if (const Mention* m = StartingAt(j)) {
        if (!m->locative || prep != "with") return GroupRight(*m);
      }
      Side listed = Including(j);
      if (!listed.empty()) return listed;
      // A topic's actor may stand deeper in its phrase: "statements on the result of
      // Paraguay's election", "comments about the future of Hong Kong".
      // ... and the target of criticism: "lashed out at the capital city's mayor".
      if ((statement_ && OneOf(prep, {"on", "about", "over", "regarding", "into"})) ||
          (criticism_ && OneOf(prep, {"at", "against"})) || (restriction_ && prep == "on")) {
        for (uint32_t k = j; k < s_.last && k < j + 5; ++k) {
          const std::string_view w = Norm(k);
          if (IsClauseBreak(w) || IsDayOrMonth(w) ||
              OneOf(w, {".", "that", "which", "who", "and", "but", "as", "when"})) {
            break;
          }
          // ("an inquiry into the violence |in Burundi|": the place's state.)
          if (const Mention* deep = StartingAt(k);
              deep != nullptr && (!deep->locative || prep == "into")) {
            Side side = GroupRight(*deep);
            side.place = deep->locative;
            return side;
          }
        }
      }
      if (other != nullptr && i <= from + 1) *other = true;
      return {};
    }
    return {};
  }

  static bool IsPurposeVerb(std::string_view w) {
    static const text::WordSet kVerbs{
        "protect",    "help",     "support", "defend",    "restore", "quell",       "evacuate",
        "secure",     "monitor",  "train",   "assist",    "rescue",  "stop",        "prevent",
        "ensure",     "counter",  "fight",   "guard",     "bolster", "reinforce",   "deter",
        "discuss",    "meet",     "attend",  "negotiate", "mediate", "investigate", "oversee",
        "keep",       "maintain", "end",     "push",      "press",   "seek",        "boost",
        "strengthen", "calm",     "contain", "combat",    "patrol",  "enforce",     "hunt",
        "crush"};
    return kVerbs.contains(w);
  }

  // "foreign leaders, including Turkish President Erdogan and US President Biden": the actors
  // listed after a complement that names none, within a few words of `from`.
  Side Including(uint32_t from) const {
    constexpr uint32_t kWindow = 8;
    for (uint32_t i = from; i < s_.last && i < from + kWindow; ++i) {
      const std::string_view w = Norm(i);
      if (w == "." || w == ";" || StartingAt(i) != nullptr) return {};
      const bool including = w == "including" || (w == "such" && Norm(i + 1) == "as");
      if (!including) continue;
      uint32_t j = w == "such" ? i + 2 : i + 1;
      while (j < s_.last && IsDeterminer(Norm(j)) && !StartingAt(j)) ++j;
      if (const Mention* m = StartingAt(j)) return GroupRight(*m);
      return {};
    }
    return {};
  }

  struct Found {
    Side side;
    bool joint = false;  // "between A and B": the actors are both sides
    bool other = false;  // a complement slot holds something that is no actor
  };

  Found Targets(const EventRule& rule, uint32_t from, bool* blocked,
                bool prepositions_only = false) const {
    Found found;
    for (const TargetSlot& slot : rule.targets) {
      if (prepositions_only && slot.object) continue;
      // TABARI rules stand for a parse PETRARCH gets: look further for their complements.
      // (They keep the reading they were written for: no modifiers skipped after the
      // preposition, a window of twelve words.)
      found.side = slot.object ? Object(from, rule, blocked)
                               : AfterPreposition(slot.preposition, from, &found.other,
                                                  rule.tabari ? kTabariWindow : kPrepositionWindow,
                                                  !rule.tabari);
      if (*blocked) return {};
      if (!found.side.empty()) {
        found.joint = slot.preposition == "between";
        return found;
      }
    }
    return found;
  }

  // Where the relative clause that holds the trigger begins, if it is one that describes an
  // actor ("Russia, which banned Turkish tomatoes, lifted ...", "the ship which was attacked
  // by the Houthis"), else kNoSpan.
  uint32_t RelativeClauseStart(uint32_t first) const {
    for (uint32_t i = first; i > s_.first; --i) {
      const std::string_view w = Norm(i - 1);
      if (OneOf(w, {";", ":", ".", "\"", "(", ")"})) return kNoSpan;
      if (w == ",") {
        return i < first && OneOf(Norm(i), {"which", "who", "whose", "whom"}) ? i : kNoSpan;
      }
      if (OneOf(w, {"which", "who", "whose", "whom"}) && i - 1 > s_.first &&
          (Norm(i - 2) == "," || EndingAt(i - 1) != nullptr || tokens_[i - 2].capitalized)) {
        return i - 1;
      }
    }
    return kNoSpan;
  }

  // Is the trigger background to the sentence's news: in such a relative clause, with no time
  // of its own ("which fought a war with Israel" is not coded; "which was attacked by the
  // Houthis on September 29" is, on that day)? docs/events.md, "Background".
  // An event its clause dates, by a year the text names, more than ten years before the
  // article: history told, not news ("the day Germany invaded Poland in 1939", "Iraq's
  // invasion of Kuwait in 1990").
  bool IsHistory(uint32_t first) {
    if (!d_.date) return false;
    constexpr long kDecade = 3653;  // days
    for (const dates::TimeMention& tm : TimesOfSentence()) {
      if (!tm.explicit_year || tm.date.ToDays() + kDecade >= d_.date->ToDays()) continue;
      // Only a time of the trigger's own clause: nothing that opens another stands between.
      const uint32_t at = s_.begin + static_cast<uint32_t>(tm.begin);
      const uint32_t from = std::min(at, tokens_[first].begin);
      const uint32_t to = std::max(at, tokens_[first].begin);
      bool apart = false;
      for (uint32_t k = s_.first; k < s_.last && !apart; ++k) {
        if (tokens_[k].begin <= from || tokens_[k].begin >= to) continue;
        apart = OneOf(Norm(k), {",", ";", ":", "\"", "(", ")", "which", "who", "that"});
      }
      if (!apart) return true;
    }
    return false;
  }

  // A clause of its own time long before the article's ("The peace treaty, signed by Egypt
  // and Israel in 1979, remains in force") is history, relative clause or not.
  bool IsBackground(uint32_t first) {
    if (IsHistory(first)) return true;
    uint32_t start = RelativeClauseStart(first);
    const bool reduced = start == kNoSpan && first > s_.first && Norm(first - 1) == ",";
    if (reduced) start = first;
    if (start == kNoSpan) return false;
    uint32_t end = first;
    while (end < s_.last && !OneOf(Norm(end), {",", ";", ":", "\"", "(", ")"})) ++end;
    const uint32_t from = tokens_[start].begin - s_.begin;
    const uint32_t to = (end < s_.last ? tokens_[end].begin : s_.end) - s_.begin;
    constexpr long kHistory = 366;  // days
    for (const dates::TimeMention& tm : TimesOfSentence()) {
      if (tm.begin < from || tm.begin >= to) continue;
      const bool old = d_.date && tm.date.ToDays() + kHistory < d_.date->ToDays();
      return old;
    }
    return !reduced;
  }

  // Does the verb at `at` code an event of its own (not a light verb: "was staged by")?
  bool CodesAnEvent(uint32_t at) const {
    if (IsLightVerb(Norm(at))) return false;
    const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, at, s_.last);
    return m.length > 0 && ChooseTrigger(at, at + m.length, m.payloads).trigger != nullptr;
  }

  // The verb of undergoing that governs the noun at `first` ("received a sentence", "came
  // under attack", "faces charges", "suffered an attack"), or kNoSpan.
  uint32_t Undergoes(uint32_t first) const {
    static const text::WordSet kVerbs =
        VerbFormSet({"receive", "get", "face", "suffer", "sustain", "undergo"}, /*gerund=*/true);
    constexpr uint32_t kWindow = 4;
    for (uint32_t i = first; i > s_.first && first - i < kWindow; --i) {
      const std::string_view w = Norm(i - 1);
      if (kVerbs.contains(w)) return i - 1;
      if (w == "under" && i - 1 > s_.first &&
          OneOf(Norm(i - 2), {"came", "come", "comes", "coming"})) {
        return i - 2;
      }
      if (IsClauseBreak(w) || StartingAt(i - 1) != nullptr || IsFunctionWord(w)) return kNoSpan;
    }
    return kNoSpan;
  }

  // The "by" actor of a noun ("a statement by X", "the expulsion of diplomats by Russia"), in
  // its own phrase: not after a participle ("a ceasefire between A and B, mediated by C").
  // "The ceasefire between Israel and Hamas collapsed", "the deal fell apart": an agreement
  // or concession whose noun phrase is the subject of a verb of failing is none.
  bool FailsAfter(const EventRule& rule, uint32_t last) const {
    static const text::WordSet kFail{"collapsed",  "collapses", "failed",  "fails",
                                     "unravelled", "unraveled", "crumbled"};
    static const text::WordSet kParticle{"broke", "breaks", "fell", "falls"};
    // Between the noun and the verb only its complements: "between Israel and Hamas".
    static const text::WordSet kPhrase{"between", "with", "of",      "and",     "the",  "on",
                                       "in",      "its",  "their",   "last",    "this", "has",
                                       "have",    "had",  "finally", "quickly", "soon"};
    if (rule.cameo < "05" || rule.cameo >= "09") return false;
    constexpr uint32_t kWindow = 8;
    for (uint32_t i = last; i < s_.last && i < last + kWindow; ++i) {
      if (const Mention* m = StartingAt(i)) {
        i = m->last - 1;
        continue;
      }
      const std::string_view w = Norm(i);
      if (kFail.contains(w)) return true;
      if (kParticle.contains(w)) return OneOf(Norm(i + 1), {"down", "apart", "through"});
      if (!kPhrase.contains(w) && !IsDayOrMonth(w)) return false;
    }
    return false;
  }

  Side NounAgent(uint32_t last) const {
    constexpr uint32_t kWindow = 6;
    // "the attack, |reportedly conducted| by the Taliban", "The bombing, |carried out| by Boko
    // Haram, killed": a light verb's participle set off after the noun.
    if (last + 2 < s_.last && Norm(last) == ",") {
      uint32_t j = last + 1;
      while (j < s_.last && IsAdverb(Norm(j))) ++j;
      if (j < s_.last && IsLightVerb(Norm(j)) && Norm(j).ends_with("ed")) {
        ++j;
        if (j < s_.last && OneOf(Norm(j), {"out", "up"})) ++j;
        if (j < s_.last && Norm(j) == "by") return AfterPreposition("by", j, nullptr, 1);
      }
    }
    for (uint32_t i = last; i < s_.last && i < last + kWindow; ++i) {
      const std::string_view w = Norm(i);
      if (w == "by") {
        // "by banning citizens of Mali" is a means, not an agent.
        if (Norm(i + 1).ends_with("ing") && !StartingAt(i + 1)) return {};
        return AfterPreposition("by", i, nullptr, 1);
      }
      if (IsClauseBreak(w) || w == "." || (w.size() > 4 && w.ends_with("ed"))) break;
    }
    return {};
  }

  // A participle with its agent and no auxiliary: set off after a noun phrase ("a ceasefire
  // between A and B, mediated by Qatar"), or right after its subject's noun with an actor
  // after "by" ("Philippines' largest television network |shut down| by government",
  // "Journalist killed by gunmen"; not "attacked by air").
  bool ReducedPassive(uint32_t first, uint32_t last, VerbForm form) const {
    if (form != VerbForm::kParticiple && form != VerbForm::kPastOrParticiple) return false;
    if (first <= s_.first || last >= s_.last || Norm(last) != "by") return false;
    if (Norm(first - 1) == ",") return true;
    const text::Token& prev = tokens_[first - 1];
    if (prev.kind != text::TokenKind::kWord || IsFunctionWord(prev.norm) ||
        IsAuxiliary(prev.norm) || IsAdverb(prev.norm) || IsDeterminer(prev.norm)) {
      return false;
    }
    // (A possessive before it is no subject: "the government's banned party".)
    if (const Mention* m = EndingAt(first); m != nullptr && m->possessive) return false;
    uint32_t j = last + 1;
    while (j < s_.last && IsDeterminer(Norm(j)) && StartingAt(j) == nullptr) ++j;
    return StartingAt(j) != nullptr;
  }

  // The actors of the phrase that ends at the comma before `at`, the nearest first: "a
  // ceasefire between |Afghanistan and Pakistan|, mediated by".
  Side PhraseBefore(uint32_t at) const {
    const uint32_t comma = at - 1;
    if (const Mention* m = EndingAt(comma)) return GroupLeft(*m);
    return {};
  }

  // Does a preposition stand right before token `at` ("over |Gibraltar|", "of |Crimea|")?
  bool AfterPrepositionWord(uint32_t at) const {
    if (at == kNoSpan || at <= s_.first) return false;
    uint32_t i = at;
    while (i > s_.first && IsDeterminer(Norm(i - 1))) --i;
    return i > s_.first && OneOf(Norm(i - 1), {"of", "on", "over", "against", "for", "to", "with",
                                               "from", "about", "in", "into", "at"});
  }

  // The actor inside the subject phrase of a passive verb at `verb` (past its auxiliaries):
  // the phrase's possessor ("|Spain's| proposal over Gibraltar was turned down", "|Russia's|
  // annexation of Crimea was condemned"), else the actor nearest the verb, an adjective or an
  // "of"/"on"/"against" complement ("Sanctions on |Iran| were lifted").
  Side ActorInSubjectPhrase(uint32_t verb) const {
    constexpr uint32_t kWindow = 10;
    uint32_t i = verb;
    while (i > s_.first && (IsAuxiliary(Norm(i - 1)) || IsAdverb(Norm(i - 1)))) --i;
    const Mention* nearest = nullptr;
    for (uint32_t j = i; j > s_.first && i - j < kWindow; --j) {
      const std::string_view w = Norm(j - 1);
      if (IsClauseBreak(w) && w != "-") break;
      if (OneOf(w, {"that", "which", "who", "and", "after", "before", "when", "as"}) &&
          EndingAt(j - 1) == nullptr) {
        break;
      }
      const Mention* m = EndingAt(j);
      if (m == nullptr) continue;
      if (nearest == nullptr) {
        if (m->locative && !m->place) return {};
        nearest = m;
      } else if (m->possessive && !m->locative) {
        return GroupLeft(*m);
      }
      j = m->first + 1;
    }
    return nearest != nullptr ? GroupLeft(*nearest) : Side{};
  }

  // The participle of a passive verb that follows a noun trigger's phrase ("A hunger strike
  // against the contract |was begun| by"), or 0.
  uint32_t PassiveAfterNoun(uint32_t last) const {
    static const text::WordSet kParticiples{
        "made",    "sent",   "held",   "given", "taken",     "begun", "shut", "set",   "put",
        "brought", "sought", "paid",   "won",   "lost",      "told",  "done", "seen",  "built",
        "cut",     "hit",    "struck", "led",   "withdrawn", "drawn", "laid", "sworn", "thrown"};
    constexpr uint32_t kWindow = 10;
    for (uint32_t i = last; i < s_.last && i < last + kWindow; ++i) {
      const std::string_view w = Norm(i);
      if ((IsClauseBreak(w) && w != "-") || OneOf(w, {".", "that", "which", "who"})) return 0;
      if (!OneOf(w, {"was", "were", "is", "are", "been", "being"})) continue;
      uint32_t j = i + 1;
      while (j < s_.last && (IsAdverb(Norm(j)) || OneOf(Norm(j), {"being", "been", "also"}))) ++j;
      const std::string_view p = Norm(j);
      const bool participle = tokens_[j].kind == text::TokenKind::kWord &&
                              (p.ends_with("ed") || p.ends_with("en") || kParticiples.contains(p));
      return participle ? j : 0;
    }
    return 0;
  }

  bool IsPassive(uint32_t first, VerbForm form) const {
    if (form != VerbForm::kParticiple && form != VerbForm::kPastOrParticiple) return false;
    for (uint32_t i = first; i > s_.first && i + 3 > first; --i) {
      const std::string_view w = Norm(i - 1);
      if (OneOf(w, {"was", "were", "is", "are", "be", "been", "being"})) return true;
      if (!IsAdverb(w) && !OneOf(w, {"not", "n't", "also", "never", "reportedly", "once"})) break;
    }
    return false;
  }

  // Looks left of the trigger, within its clause, for a word satisfying `test`.
  template <typename Test>
  bool LeftInClause(uint32_t first, uint32_t stop, uint32_t window, Test test) const {
    for (uint32_t i = first; i > s_.first && i > stop && first - i < window; --i) {
      const std::string_view w = Norm(i - 1);
      if (IsClauseBreak(w)) return false;
      if (test(i - 1, w)) return true;
    }
    return false;
  }

  // A negation between a governor and the event it governs: "would not provide".
  bool NegatedBetween(uint32_t from, uint32_t to) const {
    for (uint32_t i = from; i < to; ++i) {
      if (IsNegation(Norm(i)) && Norm(i + 1) != "only") return true;
    }
    return false;
  }

  bool IsNegated(uint32_t first, uint32_t stop) const {
    return LeftInClause(first, stop, 5, [&](uint32_t i, std::string_view w) {
      return IsNegation(w) && Norm(i + 1) != "only";
    });
  }

  // Is the trigger at `first` in a condition: "if the US attacks Iran", "unless Serbia
  // withdraws"? (The clause that states the consequence is not: "If Russia attacks, NATO will
  // respond": a comma ends the condition.)
  bool InConditional(uint32_t first) const {
    constexpr uint32_t kWindow = 12;
    for (uint32_t i = first; i > s_.first && first - i < kWindow; --i) {
      const std::string_view w = Norm(i - 1);
      if (OneOf(w, {"if", "unless"})) return true;
      if (IsClauseBreak(w) || OneOf(w, {".", "\"", "and", "but", "that", "when", "after"})) {
        return false;
      }
    }
    return false;
  }

  // Is the trigger at `first` in a report the sentence calls false: "Reports that prisoners
  // had begun a hunger strike were false", "claims that troops shelled the town are baseless"?
  bool Refuted(uint32_t first) const {
    static const text::WordSet kReports{"report",     "reports",     "claim",      "claims",
                                        "rumour",     "rumours",     "rumor",      "rumors",
                                        "allegation", "allegations", "suggestion", "suggestions"};
    static const text::WordSet kFalse{"false",      "untrue",     "baseless", "unfounded",
                                      "fabricated", "groundless", "fake"};
    bool reported = false;
    for (uint32_t i = first; i > s_.first + 1 && first - i < 12; --i) {
      if (Norm(i - 1) == "that" && kReports.contains(Norm(i - 2))) {
        reported = true;
        break;
      }
      if (IsClauseBreak(Norm(i - 1))) return false;
    }
    if (!reported) return false;
    for (uint32_t i = first + 1; i + 1 < s_.last; ++i) {
      if (OneOf(Norm(i), {"was", "were", "is", "are"}) && kFalse.contains(Norm(i + 1))) return true;
    }
    return false;
  }

  bool IsFactual(uint32_t first, uint32_t stop, const Trigger& trig) const {
    if (trig.form == VerbForm::kBase && Norm(first - 1) == "to") return false;
    return !LeftInClause(first, stop, 7,
                         [&](uint32_t, std::string_view w) { return IsModalOrIntent(w); });
  }

  const std::vector<dates::TimeMention>& TimesOfSentence() {
    if (!mentions_of_time_) {
      for (uint32_t i = s_.first; i < s_.last; ++i) {
        if (IsFutureCue(tokens_[i].norm)) future_ = true;
      }
      mentions_of_time_.emplace();
      // Most sentences name no time: only a number or a calendar word can begin one.
      bool cue = false;
      for (uint32_t i = s_.first; i < s_.last && !cue; ++i) {
        cue = tokens_[i].kind == text::TokenKind::kNumber || IsTimeAnchor(tokens_[i].norm);
      }
      if (d_.date && cue) {
        *mentions_of_time_ =
            dates::FindTimeMentions(doc_.Slice(s_.begin, s_.end), *d_.date,
                                    future_ ? dates::Tense::kFuture : dates::Tense::kPast);
      }
    }
    return *mentions_of_time_;
  }

  std::optional<Date> DateFor(uint32_t first) {
    TimesOfSentence();
    const uint32_t at = tokens_[first].begin - s_.begin;
    const dates::TimeMention* best = nullptr;
    uint32_t best_distance = 0;
    for (const dates::TimeMention& tm : *mentions_of_time_) {
      if (!SameClause(first, tm)) continue;
      const auto distance = static_cast<uint32_t>(tm.begin > at ? tm.begin - at : at - tm.end);
      if (best == nullptr || distance < best_distance) {
        best = &tm;
        best_distance = distance;
      }
    }
    if (best != nullptr) {
      if (future_ && best->date.precision == DatePrecision::kDay) d_.planned = best->date;
      return best->date;
    }
    if (future_ && d_.planned) return d_.planned;
    return d_.date;
  }

  // Where the event at [first, last) happened: the place of its clause after a locative
  // preposition nearest the trigger ("police in Kirkuk arrested", "talks in Moscow"), else a
  // place its trigger names as its object ("shelled Kharkiv").
  std::optional<Location> LocationFor(uint32_t first, uint32_t last) const {
    const actors::PlaceMention* best = nullptr;
    uint32_t best_distance = 0;
    for (const actors::PlaceMention& p : places_) {
      const bool object = p.first >= last && p.first <= last + 2;
      if (!p.locative && !object) continue;
      if (!InOneClause(std::min(first, p.first), std::max(last, p.last))) continue;
      const uint32_t distance = p.first >= last ? p.first - last : first - std::min(first, p.last);
      if (best == nullptr || distance < best_distance) {
        best = &p;
        best_distance = distance;
      }
    }
    if (best == nullptr) return std::nullopt;
    Location l{best->name, best->country, best->region, std::nullopt, std::nullopt};
    if (!std::isnan(best->lat) && !std::isnan(best->lon) && !best->name.empty()) {
      l.lat = std::round(double{best->lat} * 1e4) / 1e4;
      l.lon = std::round(double{best->lon} * 1e4) / 1e4;
    }
    return l;
  }

  // No semicolon, colon, quote or parenthesis between tokens `from` and `to`.
  bool InOneClause(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k < to && k < s_.last; ++k) {
      if (OneOf(Norm(k), {";", ":", "\"", "(", ")"})) return false;
    }
    return true;
  }

  // Does a time expression belong to the trigger's clause? Quotes, parentheses, colons and
  // semicolons always separate; a comma separates what follows the trigger, not a fronted
  // adverbial ("Earlier this year, Obama had urged ...").
  bool SameClause(uint32_t trigger, const dates::TimeMention& tm) const {
    const uint32_t begin = s_.begin + static_cast<uint32_t>(tm.begin);
    const bool before = begin < tokens_[trigger].begin;
    uint32_t i = trigger;
    while (i > s_.first && tokens_[i].begin > begin) --i;
    uint32_t j = trigger;
    while (j < s_.last && tokens_[j].begin < begin) ++j;
    const uint32_t from = before ? i : trigger;
    const uint32_t to = before ? trigger : j;
    for (uint32_t k = from; k < to; ++k) {
      const std::string_view w = Norm(k);
      if (OneOf(w, {";", ":", "\"", "(", ")"})) return false;
      if (!before && OneOf(w, {",", "saying", "that", "which", "who"})) return false;
    }
    return true;
  }

  void CodeTrigger(uint32_t first, uint32_t last, const Trigger& trig, uint32_t gap_begin = 0,
                   uint32_t gap_end = 0) {
    const EventRule& rule = lex_.rule(trig.rule);
    if (rule.block) {
      // "The military seized power and detained Suu Kyi": a blocked verb still has its
      // subject, which a verb joined to it by "and" shares.
      if (rule.kind == TriggerKind::kVerb && !IsPassive(first, trig.form)) {
        if (Side subject = Subject(first, false); !subject.empty()) last_subject_ = subject;
      }
      return;
    }
    if (rule.governed_only && GovernedAt(first) == nullptr) return;
    if (IsBackground(first)) return;
    const bool verb = rule.kind == TriggerKind::kVerb;
    parenthetical_ =
        verb && trig.form == VerbForm::kGerund && first > s_.first && Norm(first - 1) == ",";
    statement_ = (rule.cameo.starts_with("01") || rule.cameo.starts_with("09")) && !rule.reciprocal;
    criticism_ = rule.cameo.starts_with("11") && verb;
    restriction_ = rule.cameo.starts_with("16") || rule.cameo.starts_with("17");
    // "The fight against ...": a verb form after a determiner is a noun the lexicon lacks.
    if (verb && first > s_.first && !EndingAt(first) &&
        OneOf(Norm(first - 1), {"a", "an", "the", "this", "these", "those", "its", "his", "her",
                                "their", "our", "my", "your"})) {
      return;
    }
    // "Jailed Saudi activist on hunger strike", "launched by detained asylum seekers", "the
    // seized tanker": a participle before its noun describes it; it reports no event.
    if (verb && last == first + 1 &&
        (trig.form == VerbForm::kPast || trig.form == VerbForm::kPastOrParticiple ||
         trig.form == VerbForm::kParticiple) &&
        AttributiveParticiple(first)) {
      return;
    }
    // "Opposition rallies were banned": a verb's "-s" form before an auxiliary is a plural noun.
    if (verb && trig.form == VerbForm::kThird && last < s_.last &&
        OneOf(Norm(last), {"were", "are", "was", "is", "have", "has", "had", "will", "would"})) {
      return;
    }
    // "a ceasefire between A and B, mediated by Qatar": a participle set off after a noun
    // phrase, with its agent, is a passive whose subject is that phrase.
    // (Not after object words: "India rejected mediation by the United States" is active.
    // Without a comma, a participle of cooperation describes a standing tie, no event:
    // "rebels backed by Rwanda", "projects funded by the EU".)
    const bool reduced = verb && ReducedPassive(first, last, trig.form) &&
                         (rule.object_words.empty() || gap_begin == last) &&
                         (Norm(first - 1) == "," || rule.cameo >= "10");
    const bool passive = verb && (reduced || IsPassive(first, trig.form));
    bool blocked = false;
    Side source;
    Found target;
    if (passive) {
      // (The agent may stand between the verb and its object words: "was accused |by the
      // United States| of spying".)
      source = AfterPreposition("by", gap_begin != 0 ? gap_begin : last, nullptr,
                                2 * kPrepositionWindow);
      const bool after_comma = reduced && Norm(first - 1) == ",";
      target.side = after_comma ? PhraseBefore(first) : Subject(first, false);
      // "The protesters' main demands were conceded by ...", "Sanctions on Iran were lifted
      // by ...": the actor of the subject's phrase (its possessor first: "Spain's proposal
      // over |Gibraltar| was turned down" is Spain's).
      if (target.side.empty() || (!after_comma && AfterPrepositionWord(target.side.first))) {
        if (Side phrase = ActorInSubjectPhrase(first); !phrase.empty()) {
          target.side = std::move(phrase);
        }
      }
      // "Aid was requested by Lebanon from France": a subject that is no actor leaves the
      // target to the verb's prepositions.
      if (target.side.empty()) target = Targets(rule, last, &blocked, /*prepositions_only=*/true);
      // ("Debt relief was demanded by Argentina's president |from the IMF|": past the agent.)
      if (target.side.empty() && source.first != kNoSpan && source.first >= last &&
          source.last != kNoSpan) {
        target = Targets(rule, source.last, &blocked, /*prepositions_only=*/true);
      }
      // ("Calls for reform were rejected by the king": a rule's "by" slot is the agent here.)
      if (!source.empty() && target.side.actors == source.actors) target = {};
      // "was killed in a US counter-terrorism operation", "were arrested during Israeli
      // raids": the doer of the operation the act was part of.
      if (source.empty() && rule.cameo >= "17") source = OperationAgent(last);
    } else if (verb) {
      // "Gunmen attacked a checkpoint, killing four soldiers": a participle set off after the
      // main clause shares its subject.
      // So does one after a noun of words: "issued a statement accusing Trinidad of ...",
      // "approved a resolution condemning Iran's attacks".
      const bool trailing =
          trig.form == VerbForm::kGerund && first > s_.first &&
          (Norm(first - 1) == "," ||
           // "Maduro responded by breaking off relations", "after meeting Xi": the clause's.
           IsGerundPreposition(Norm(first - 1)) ||
           (OneOf(Norm(first - 1),
                  {"statement", "letter", "message", "communique", "note", "resolution", "speech",
                   "post", "tweet", "video", "report", "declaration", "motion", "complaint"}) &&
            !VetoedBefore(first - 1)));
      if (trailing) {
        // ("two days after New Delhi stunned the world by exploding ...": that clause's.)
        const Mention* clause =
            IsGerundPreposition(Norm(first - 1)) ? ClauseSubjectBefore(first - 1) : nullptr;
        source = clause != nullptr ? GroupLeft(*clause) : Side{};
        // ("Friday's UN resolution backing Morocco's plan": the author of the words.)
        if (source.empty() && Norm(first - 1) != ",") source = Possessor(first - 1);
        if (source.empty()) source = TrailingParticipleSubject(first);
      }
      if (source.empty()) source = Subject(first, false);
      bool weak = false;
      target.side = GapObject(rule, gap_begin, gap_end, &weak);  // "accused Russia of war crimes"
      if (weak) {
        // (Not for a place of the subject's own state: "allowed UN investigators into
        // Rakhine state".)
        if (Found slot = Targets(rule, last, &blocked, /*prepositions_only=*/true);
            !slot.side.empty() && !(slot.side.place && SameState(slot.side, source))) {
          target = std::move(slot);
        }
      }
      if (target.side.empty()) target = Targets(rule, last, &blocked);
      // "Poland threatens to halt Ukrainian grain transit": a threat whose act the lexicon
      // does not code threatens the object of that act.
      if (target.side.empty() && rule.cameo.starts_with("13") && last + 2 < s_.last &&
          Norm(last) == "to" && tokens_[last + 1].kind == text::TokenKind::kWord &&
          StartingAt(last + 1) == nullptr) {
        bool unused = false;
        target.side = Object(last + 2, rule, &unused);
      }
      // "Serbia and Kosovo accused each other": each acts on the others.
      if (target.side.empty() && source.actors.size() >= 2 && last + 1 < s_.last &&
          ((Norm(last) == "each" && Norm(last + 1) == "other") ||
           (Norm(last) == "one" && Norm(last + 1) == "another"))) {
        target.side.actors = source.actors;
      }
      if (!source.empty()) last_subject_ = source;
    } else {
      if (IsTemporalReference(first)) return;
      if (FailsAfter(rule, last)) return;
      // "Attack helicopters were requested", "strike aircraft": a kind of machine, not an act.
      if (rule.cameo >= "18" && last < s_.last &&
          OneOf(Norm(last), {"helicopter", "helicopters", "aircraft", "jet", "jets", "drone",
                             "drones", "plane", "planes", "submarine", "submarines", "boat",
                             "boats", "craft", "dog", "dogs", "squadron", "squadrons"})) {
        return;
      }
      source = Possessor(first, rule.cameo >= "18");
      // "protester killings", "civilian deaths": a people noun modifying an act of force is
      // what it befalls ("police killings" are the police's).
      const bool victim = rule.cameo >= "18" && source.actors.size() == 1 && first > s_.first &&
                          OneOf(Norm(first - 1), {"protester", "civilian", "journalist", "student",
                                                  "worker", "farmer", "activist"});
      // "Navalny's arrest by Russian police": with an agent after it, the possessor of the
      // noun is what the event befalls.
      Side patient;
      if (victim) {
        patient = std::move(source);
        source = {};
      } else if (!source.empty()) {
        if (Side agent = NounAgent(last); !agent.empty()) {
          patient = std::move(source);
          source = std::move(agent);
        }
      }
      uint32_t participle = 0;
      if (source.empty()) {
        source = NounAgent(last);  // "a statement by X"
        if (!source.empty()) participle = PassiveAfterNoun(last);
      }
      if (source.empty()) {
        // "A hunger strike against the contract was begun by Panamanian teachers"; but in
        // "Sanctions on Iran were lifted by the EU" the verb tells what happened.
        participle = PassiveAfterNoun(last);
        if (participle != 0) {
          const Governed* g = GovernedAt(first);
          if (CodesAnEvent(participle) && (g == nullptr || !g->subject_event)) return;
          // "The protesters' demands were conceded by the government": the agent answers
          // the noun's event, it does not make it.
          if (IsResponseVerb(Norm(participle))) return;
          source = AfterPreposition("by", participle + 1);
        }
      }
      if (source.empty()) source = Subject(first, true);
      target = Targets(rule, last, &blocked);
      // "A formal apology was made by the prime minister |to Suriname|", "A list of demands
      // was handed |to Qatar| by Riyadh": the noun's slots, or the one the verb gives, stand
      // after its agent or its participle.
      if (target.side.empty() && participle != 0 && !source.empty() && source.last != kNoSpan) {
        target = Targets(rule, source.last, &blocked, /*prepositions_only=*/true);
        if (target.side.empty()) target.side = AfterPreposition("to", participle + 1, nullptr, 3);
        if (target.side.actors == source.actors) target = {};
      }
      // "The resignation of Sudan's prime minister came after ...": the doer.
      if (rule.of_agent && source.empty() && last < s_.last && Norm(last) == "of") {
        if (Side of = AfterPreposition("of", last, nullptr, 3); !of.empty()) {
          if (target.side.actors == of.actors) target = {};
          source = std::move(of);
        }
      }
      if (target.side.empty() && !patient.empty()) target.side = std::move(patient);
      // "Russian drone strikes hit Odesa", "the shelling killed five people in Kharkiv": an
      // act of force as the subject of a verb of impact strikes that verb's object.
      if (target.side.empty() && rule.cameo >= "18" && last < s_.last && IsImpactVerb(Norm(last))) {
        bool unused = false;
        target.side = Object(last + 1, rule, &unused);
      }
      // "Manafort received a second sentence", "the convoy came under fire from rebels",
      // "he faces charges": the subject is what the event befalls.
      if (const uint32_t verb = Undergoes(first); verb != kNoSpan) {
        Side undergoer = Subject(verb, false);
        if (undergoer.empty()) undergoer = ActorInSubjectPhrase(verb);
        if (!undergoer.empty()) {
          Side from = AfterPreposition("from", last);
          if (from.empty()) from = NounAgent(last);
          target.side = std::move(undergoer);
          source = std::move(from);
        }
      }
    }
    if (blocked) return;
    if (rule.reverse && !target.joint) std::swap(source, target.side);  // "received aid from"
    if (target.joint) {  // "the conversation between A and B"
      if (source.empty() || source.first == kNoSpan) source = target.side;
      if (source.actors == target.side.actors) target.side = {};
    }
    if (source.empty() && !passive) source = MainClauseSubject(first);
    if (source.empty() && !passive && OpensClause(first, verb) && d_.publisher) {
      source.actors.push_back(*d_.publisher);
    }
    if (source.empty() && passive && rule.reciprocal && target.side.empty() &&
        d_.group.size() >= 2) {
      source.actors = d_.group;
    }
    if (rule.reciprocal && target.side.empty() && !target.other && source.actors.size() == 1) {
      target.side = Partners(source.actors.front());
    }
    if (const Governed* g = GovernedAt(first)) {
      CodeGoverned(*g, source, target.side, rule, first, last, trig);
      return;
    }
    if (source.empty() && !rule.implicit_source.empty()) {
      source = Implicit(target.side, rule.implicit_source);  // "was arrested"
    }
    // Force against a place or property ("torched petrol stations in Iran", "shelled a
    // market in Kharkiv") is force against the state it is in.
    // "launched missiles targeting US troops", "strikes aimed at Hamas positions".
    if (target.side.empty() && rule.cameo >= "18" && !passive) {
      target.side = AfterPreposition("targeting", last);
      if (target.side.empty()) {
        for (uint32_t i = last; i + 1 < s_.last && i < last + kPrepositionWindow; ++i) {
          if (Norm(i) == "aimed" && Norm(i + 1) == "at") {
            target.side = AfterPreposition("at", i + 1, nullptr, 2);
            break;
          }
        }
      }
    }
    // Without a place named, an assault on a thing in the article's state by one of its own
    // ("Gunmen attacked a checkpoint", "militants bombed a mosque") is against that state.
    // (Not for sides that fight each other: "the army and Tigrayan forces clashed near Mekelle".)
    if (target.side.empty() && rule.cameo >= "17" && !source.empty() &&
        !(rule.reciprocal && source.actors.size() >= 2)) {
      std::string country;
      if (const std::optional<Location> l = LocationFor(first, last)) country = l->country;
      // (A state's own place leaves the implied side to the rule: "Ethiopia shut down the
      // internet in the Amhara region" is toward its people.)
      if (!rule.implicit_target.empty() && source.actors.size() == 1 &&
          resolver_.StateOf(source.actors.front()) == country) {
        country.clear();
      }
      if (country.empty() && verb && !passive && rule.cameo >= "18" && d_.home &&
          HasThingObject(last) &&
          std::all_of(source.actors.begin(), source.actors.end(),
                      [&](const ResolvedActor& a) { return resolver_.StateOf(a) == *d_.home; })) {
        country = *d_.home;
      }
      if (!country.empty()) {
        if (std::optional<ResolvedActor> state = resolver_.StateActor(country, "")) {
          target.side.actors.push_back(std::move(*state));
          target.side.place = true;
        }
      }
    }
    // "Thousands marched in London", "Protests erupted in Antananarivo": a demonstration by
    // no one named is one by the people of the place, else of the article's state.
    if (source.empty() && !passive && rule.cameo.starts_with("14")) {
      // "Thai protesters rally for reform": a noun trigger right after its actors is a verb.
      const Mention* before = verb ? nullptr : EndingAt(first);
      if (before != nullptr && !before->possessive && !before->locative && !before->modifier) {
        source = GroupLeft(*before);
      } else if (UnnamedCrowd(first, verb)) {
        source = Crowd(first, last);
      }
    }
    if (target.side.empty() && !rule.implicit_target.empty() &&
        !(rule.implicit_target == "GOV" && IsStateAgent(source))) {
      target.side = Implicit(source, rule.implicit_target);  // "protesters marched"
    }
    // "Egypt condemned the strikes", "NATO denounced the attack": criticism of an act of
    // force the article reported is criticism of whoever did it.
    const int condemned =
        target.side.empty() && verb && rule.cameo.starts_with("11") ? ObjectIsForce(last) : 0;
    if (condemned != 0) {
      for (const ResolvedActor& a : condemned == 2 ? d_.last_coercion : d_.last_force) {
        if (std::find(source.actors.begin(), source.actors.end(), a) == source.actors.end()) {
          target.side.actors.push_back(a);
        }
      }
    }
    // "The Houthis claimed responsibility for the attacks": for an act of force the article
    // reported, against whom it struck.
    // So is a denial of involvement with no one named ("Moscow denied involvement").
    if (target.side.empty() && verb &&
        ((rule.cameo.starts_with("015") && last + 1 < s_.last && Norm(last) == "for" &&
          ObjectIsForce(last + 1) == 1) ||
         (rule.cameo.starts_with("016") && !target.other && !rule.object_words.empty() &&
          OneOf(rule.object_words.back(), {"involvement", "role", "responsibility"})))) {
      for (const ResolvedActor& a : d_.last_force_targets) {
        if (std::find(source.actors.begin(), source.actors.end(), a) == source.actors.end()) {
          target.side.actors.push_back(a);
        }
      }
    }
    // "The Security Council condemned the coup in Niger", "welcomed the elections in Iraq":
    // a statement about what happens in a place is about the state it is in.
    if (target.side.empty() && verb && !passive && !rule.reciprocal && source.actors.size() == 1 &&
        (rule.cameo.starts_with("11") || rule.cameo.starts_with("05"))) {
      target.side = ObjectPlace(last);
    }
    // "Russia and China criticised the move", "Kyiv rejected the decision": criticism of an
    // act the article reported is criticism of whoever did it.
    if (target.side.empty() && verb && !passive && !d_.last_act.empty() &&
        (rule.cameo.starts_with("11") || rule.cameo.starts_with("12")) && ObjectIsAct(last)) {
      for (const ResolvedActor& a : d_.last_act) {
        if (std::find(source.actors.begin(), source.actors.end(), a) == source.actors.end()) {
          target.side.actors.push_back(a);
        }
      }
    }
    if (target.side.empty() && !target.other) {
      const bool people =
          !rule.civilian.empty() && source.actors.size() == 1 && IsPeople(source.actors.front());
      target.side = DomesticTarget(source, people ? rule.civilian.cameo : rule.cameo, verb,
                                   verb && ActsOnRequest(first, last, passive));
    }
    const uint32_t stop = source.last == kNoSpan || source.last > first ? s_.first : source.last;
    if (source.empty() && rule.cameo >= "18") {
      Side struck = target.side;
      if (struck.empty()) struck = PassiveImpactSubject(first);
      if (struck.empty()) {
        if (const std::optional<Location> l = LocationFor(first, last)) {
          if (std::optional<ResolvedActor> state = resolver_.StateActor(l->country, "")) {
            struck.actors.push_back(std::move(*state));
          }
        }
      }
      NoteStruck(struck, first, trig, stop);
    }
    EmitPairs(source, target.side, rule, first, last, trig, stop);
  }

  // Does the one-word participle at `at` stand before a noun it describes, after a determiner,
  // a preposition or the start of its sentence ("|detained| Cameroonian asylum seekers")?
  bool AttributiveParticiple(uint32_t at) const {
    if (at + 1 >= s_.last) return false;
    if (at > s_.first) {
      const std::string_view prev = Norm(at - 1);
      // ("forces that supported them": "that" is a relative pronoun here.)
      if ((!IsDeterminer(prev) || prev == "that") &&
          !OneOf(prev, {"by", "of", "for", "with", "from", "on", "at", "among", "against", "about",
                        "over"})) {
        return false;
      }
      if (EndingAt(at) != nullptr) return false;  // "its" as a subject's possessive
    }
    const text::Token& next = tokens_[at + 1];
    if (StartingAt(at + 1) != nullptr) return true;
    return next.kind == text::TokenKind::kWord && !next.capitalized && !IsFunctionWord(next.norm) &&
           !IsDeterminer(next.norm) && !IsAdverb(next.norm) && !IsAuxiliary(next.norm) &&
           !IsDayOrMonth(next.norm);
  }

  // Is an appeal or demand at `at` what a protest is for, not an event of its own: a
  // participle after the crowd ("protesters |demanding| the king's resignation set fire to")
  // or an infinitive of purpose after a protest ("marched |to demand| Bashir's resignation",
  // "walked off the job to demand higher wages")? The protest is the event.
  bool ProtestsPurpose(uint32_t at) const {
    if (at <= s_.first) return false;
    if (Norm(at).ends_with("ing")) {
      const Mention* crowd = EndingAt(at);
      return (crowd != nullptr && !crowd->actors.empty() && IsPeople(crowd->actors.front())) ||
             IsCrowdWord(Norm(at - 1));
    }
    if (Norm(at - 1) != "to") return false;
    constexpr uint32_t kWindow = 8;
    for (uint32_t i = at - 1; i > s_.first && at - i < kWindow; --i) {
      const std::string_view w = Norm(i - 1);
      if (IsClauseBreak(w) || w == ".") return false;
      if (InsideMention(i - 1)) continue;
      const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, i - 1, at - 1);
      if (m.length == 0) continue;
      const Chosen c = ChooseTrigger(i - 1, i - 1 + m.length, m.payloads);
      if (c.trigger != nullptr && lex_.rule(c.trigger->rule).cameo.starts_with("14")) return true;
    }
    return false;
  }

  // What a passive verb of impact before an act of force struck: "Oil facilities of |Saudi
  // Aramco| were hit by drone strikes".
  Side PassiveImpactSubject(uint32_t first) const {
    uint32_t j = first;
    while (j > s_.first && j + 3 > first && !OneOf(Norm(j - 1), {"by"}) &&
           tokens_[j - 1].kind == text::TokenKind::kWord && !IsFunctionWord(Norm(j - 1))) {
      --j;
    }
    if (j < s_.first + 2 || Norm(j - 1) != "by" || !IsImpactVerb(Norm(j - 2))) return {};
    return ActorInSubjectPhrase(j - 2);
  }

  // The object of a verb with object words, when it stands between them: "accused |Russia| of
  // war crimes", "released |50 Palestinian| prisoners", "supplied |Ukraine| with weapons".
  // Also, whatever the rule's slots, an adjective or possessor there ("rejected |French|
  // cooperation", "released |Iranian| tanker") and an actor that starts with the object words
  // ("recalled its |ambassador from Washington|").
  Side GapObject(const EventRule& rule, uint32_t begin, uint32_t end, bool* weak) const {
    *weak = false;
    if (end < begin || begin == 0 || rule.targets.empty()) return {};
    const bool object = rule.targets.front().object;
    for (uint32_t j = begin; j <= end && j < s_.last; ++j) {
      const Mention* m = StartingAt(j);
      if (m == nullptr) continue;
      if (m->locative) return {};
      // "blew himself up": the object words' own reflexive is no target.
      if (OneOf(Norm(m->first), {"himself", "herself", "themselves", "itself"})) continue;
      // "lifted its sanctions on Russia": a possessive pronoun is a determiner here.
      if (m->possessive && m->type != actors::MentionType::kNamed) continue;
      // A name right before the object words modifies them: "barred |IAEA| inspectors",
      // "called off |Taliban| talks".
      const bool noun_modifier =
          m->last == end && m->type == actors::MentionType::kNamed && !m->generic;
      // "supplied |Ukraine| with weapons", "provided |Kenya| with aid": the recipient.
      const bool with = m->first < end && Norm(m->last) == "with";
      // "used |villagers| as human shields": the verb's object before "as".
      const bool as = m->first < end && Norm(m->last) == "as" && !m->modifier && !m->possessive;
      if ((j == end && !m->generic) || object || with || as) return GroupRight(*m);
      // An adjective, possessor or name modifying the object words is the target unless a
      // slot names one ("supplied |Russian| weapons |to Ukraine|").
      if (m->modifier || m->possessive || noun_modifier) {
        *weak = true;
        return GroupRight(*m);
      }
    }
    return {};
  }

  // An event a verb governs, as the governor makes it: "Sweden urged Iran to release ..." is
  // Sweden's appeal to Iran (0253); "Russia refused to meet Ukraine" Russia's rejection of a
  // meeting with Ukraine (125). The source is the governor's subject; the target is the actor
  // the governor addresses, else the governed event's own target.
  void CodeGoverned(const Governed& g, Side source, Side target, const EventRule& rule,
                    uint32_t first, uint32_t last, const Trigger& trig) {
    if (g.passive) {  // "Serbia was urged by the EU to resume talks"
      Side subject = Subject(g.first, false);
      if (subject.empty()) return;
      Side agent =
          g.agent.empty() ? AfterPreposition("by", last, nullptr, 2 * kPrepositionWindow) : g.agent;
      if (agent.empty()) return;
      Governed as_active = g;
      as_active.passive = false;
      as_active.object = std::move(subject);
      // The agent stands where the active governor's subject would.
      passive_agent_ = std::move(agent);
      CodeGoverned(as_active, source, target, rule, first, last, trig);
      passive_agent_.reset();
      const_cast<Governed&>(g).settled = as_active.settled;
      return;
    }
    // An event of forces only is one when its own subject is a force ("demanded that the
    // rebels withdraw"; not "he intends to leave the EU").
    if (rule.armed_only && !source.empty() && !IsArmed(source.actors.front()) &&
        source.actors.front().code != source.actors.front().entity) {
      return;
    }
    Side subject = passive_agent_    ? *passive_agent_
                   : g.subject_event ? g.agent
                                     : Subject(g.first, false);
    // A governing noun's possessor: "Brazil's pledge to send peacekeepers", "Vietnam's call
    // for more investment".
    if (subject.empty() && !passive_agent_) subject = Possessor(g.first);
    // "Turkey alleged that Syrian forces shelled the town": an allegation with no one
    // addressed accuses the doer of the act it reports. A claim about one's own act ("Russia
    // claimed it had shot down drones") or a noun ("claimed responsibility for the attacks")
    // is no accusation: the event is coded as it stands.
    if (g.kind == GovernKind::kAccuse && g.object.empty()) {
      const bool own =
          !subject.empty() && !source.empty() &&
          resolver_.StateOf(subject.actors.front()) == resolver_.StateOf(source.actors.front());
      // (Nor is a claim by no one named: "local sources claim that the tribe abducted ...".)
      if (rule.kind != TriggerKind::kVerb || own || source.empty() || subject.empty()) {
        const_cast<Governed&>(g).settled = true;
        const uint32_t stop =
            source.last == kNoSpan || source.last > first ? s_.first : source.last;
        EmitPairs(source, target, rule, first, last, trig, stop);
        return;
      }
      target = source;  // the doer is the accused
    }
    if (!subject.empty()) source = std::move(subject);
    if (source.empty()) source = MainClauseSubject(g.first);
    if (source.empty() && OpensClause(g.first, true) && d_.publisher) {
      source.actors.push_back(*d_.publisher);
    }
    if (!g.object.empty()) target = g.object;
    const bool asks = g.kind == GovernKind::kAppeal || g.kind == GovernKind::kDemand;
    if (target.empty() && asks) {  // "sought a loan from the IMF"
      target = AfterPreposition("from", last);
    }
    if (source.empty() && !rule.implicit_source.empty()) {
      source = Implicit(target, rule.implicit_source);
    }
    // A mutual event stays mutual when its parties intend it ("Russia and Ukraine agreed to
    // meet"); an appeal or demand is the asker's to the asked.
    const bool mutual = rule.reciprocal && !asks && g.object.empty();
    if (target.empty() && !mutual && !rule.implicit_target.empty()) {
      target = Implicit(source, rule.implicit_target);  // "Sweden's prime minister to resign"
    }
    if (target.empty() && !mutual) {
      target = DomesticTarget(source, g.code == "=" || g.code == "-" ? rule.cameo : g.code,
                              rule.kind == TriggerKind::kVerb);
    }
    if (source.empty() || (target.empty() && !mutual)) return;
    const_cast<Governed&>(g).settled = true;
    if (g.code == "-" && !keep_negated_) return;
    EventRule governed = rule;
    governed.id = g.rule->id + "+" + rule.id;
    const bool keeps = g.code == "=" || g.code == "-";
    if (!keeps) {
      governed.cameo = g.code;
      if (const CameoCode* c = lex_.cameo() ? lex_.cameo()->Find(g.code) : nullptr) {
        governed.quad_class = c->quad_class;
        governed.goldstein = c->goldstein;
      }
      governed.action = std::string(GovernKindName(g.kind)) + "-" + rule.action;
      governed.reciprocal = mutual;
    }
    const GovernKind kind = g.kind;
    governing_ = &g;
    factual_override_ =
        !g.unreal && !(keeps && (kind == GovernKind::kFuture || kind == GovernKind::kPlan ||
                                 kind == GovernKind::kSpeculate));
    negated_override_ = g.code == "-" && kind != GovernKind::kSpeculate;
    const uint32_t stop = source.last == kNoSpan || source.last > g.first ? s_.first : source.last;
    EmitPairs(source, target, governed, first, last, trig, stop);
    governing_ = nullptr;
  }

  // An armed force: a state's military, rebels, insurgents, separatists, militias, militant
  // groups ("SYRMIL", "LBNREBHEZ", "IMGMUSISI").
  static bool IsArmed(const ResolvedActor& a) {
    const std::string_view c = a.code;
    return c.starts_with("IMG") || c.find("MIL") != std::string_view::npos ||
           c.find("REB") != std::string_view::npos || c.find("INS") != std::string_view::npos ||
           c.find("SEP") != std::string_view::npos || c.find("UAF") != std::string_view::npos;
  }

  // An armed group of no state: rebels, insurgents, separatists, militias, militant groups.
  static bool IsIrregular(const ResolvedActor& a) {
    const std::string_view c = a.code;
    return c.starts_with("IMG") || c.find("REB") != std::string_view::npos ||
           c.find("INS") != std::string_view::npos || c.find("SEP") != std::string_view::npos ||
           c.find("UAF") != std::string_view::npos;
  }
  // A body of a state's people, not of its authorities or forces: protesters, workers,
  // students, villagers ("KENOPP", "FRALAB"); no single person.
  bool IsPeople(const ResolvedActor& a) const {
    if (a.person) return false;
    const std::string state = resolver_.StateOf(a);
    if (state.empty() || !a.code.starts_with(state)) return false;
    const std::string_view role = std::string_view(a.code).substr(state.size());
    return OneOf(role, {"OPP", "CVL", "LAB", "EDU", "HLH", "AGR", "REL", "REF"});
  }

  // A state's armed forces or police.
  static bool IsForces(const ResolvedActor& a) {
    const std::string_view c = a.code;
    return c.ends_with("MIL") || c.ends_with("COP");
  }

  // The other side of an event the sentence keeps at home, when it names none: a state's
  // easing, concession, refusal of reform or repression is toward its people ("Kenya eases
  // coronavirus curfew", "Japan's government rejected appeals to recognise same-sex
  // marriage"); its people's protest, strike, demand or calling off a strike is toward their
  // government ("South Korean doctors strike over medical school quota").
  // (Repression only by a verb: a noun of it, "his sentencing decisions", "impeachment
  // proceedings", is more often named than done.)
  // When the sentence names no actor of another state, also a state's threat of sanctions or
  // repression, its investigation and its rejection of requests ("rejected calls for reform",
  // "Petitions to free them were turned down by ...": `request`), and its people's appeals
  // ("opposition parties called for a transition").
  Side DomesticTarget(const Side& source, std::string_view code, bool verb,
                      bool request = false) const {
    if (source.actors.size() != 1) return {};
    if (!verb && code.starts_with("17")) return {};
    const bool state_agent = IsStateAgent(source);
    static constexpr std::array<std::string_view, 6> kByState = {"080",  "081", "083",
                                                                 "1241", "123", "17"};
    static constexpr std::array<std::string_view, 4> kByPeople = {"14", "082", "1242", "10"};
    static constexpr std::array<std::string_view, 4> kByStateAlone = {"09", "124", "132", "137"};
    const auto any = [&](const auto& prefixes) {
      return std::any_of(prefixes.begin(), prefixes.end(),
                         [&](std::string_view p) { return code.starts_with(p); });
    };
    const auto alone = [&] { return !NamesOtherState(resolver_.StateOf(source.actors.front())); };
    Side side;
    if (state_agent &&
        (any(kByState) ||
         (verb && (any(kByStateAlone) || (request && code.starts_with("12"))) && alone()))) {
      side = Implicit(source, "CVL");
    }
    if (!state_agent && (any(kByPeople) || (code.starts_with("02") && alone()))) {
      side = Implicit(source, "GOV");
    }
    side.domestic = !side.empty();
    return side;
  }

  // Does the sentence name an actor that is not of `state`?
  bool NamesOtherState(const std::string& state) const {
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
      return std::any_of(m.actors.begin(), m.actors.end(),
                         [&](const ResolvedActor& a) { return resolver_.StateOf(a) != state; });
    });
  }

  // Is what a verb at [first, last) acts on a request no one in the sentence is named as
  // making: its object ("rejected |calls| for reform", "turned down |appeals| to ..."), or
  // in the passive the noun that opens its clause ("|Requests| to lift the curfew were
  // refused")?
  bool ActsOnRequest(uint32_t first, uint32_t last, bool passive) const {
    static const text::WordSet kRequests{"call",     "calls",  "demand",  "demands",  "request",
                                         "requests", "appeal", "appeals", "petition", "petitions",
                                         "plea",     "pleas",  "pressure"};
    constexpr uint32_t kWindow = 3;
    if (!passive) {
      for (uint32_t i = last; i < s_.last && i < last + kWindow; ++i) {
        if (StartingAt(i) != nullptr) return false;
        if (kRequests.contains(Norm(i))) return true;
        if (IsFunctionWord(Norm(i)) && !IsDeterminer(Norm(i))) return false;
      }
      return false;
    }
    uint32_t i = first;
    while (i > s_.first && !IsClauseBreak(Norm(i - 1))) --i;
    if (i < s_.last && IsDeterminer(Norm(i))) ++i;
    return i < first && kRequests.contains(Norm(i));
  }

  // Does a side speak for its state (a government, its forces, police, courts, parliament)?
  // Their acts have no implicit target in their own state ("the army blocked the road").
  bool IsStateAgent(const Side& side) const {
    if (side.actors.empty()) return false;
    const ResolvedActor& a = side.actors.front();
    const std::string state = resolver_.StateOf(a);
    if (state.empty() || !a.code.starts_with(state)) return false;
    const std::string_view role = std::string_view(a.code).substr(state.size());
    return role.empty() || role == "GOV" || role == "MIL" || role == "COP" || role == "JUD" ||
           role == "LEG" || role == "SPY";
  }

  // Does a demonstration at `first` have a crowd no one names as its subject: a finite verb
  // ("Thousands marched", "1.7 million Hongkongers ... marched"), the noun opening its clause
  // ("Protests erupted", "Mass protests spread") or after a light verb ("groups held a
  // rally")? Not an infinitive of purpose ("blocked highways to protest") nor a protest in the
  // background ("resigned after weeks of protests", "facing street protests").
  bool UnnamedCrowd(uint32_t first, bool verb) const {
    uint32_t i = first;
    if (verb) {
      while (i > s_.first && IsAdverb(Norm(i - 1))) --i;
      // The subject is a crowd: a number ("Thousands marched", "1.7 million Hongkongers"), a
      // people noun ("residents rallied"), or a clause after it ("Thousands, many carrying
      // flags, marched"); not a pronoun ("when they stormed the mall": it names someone) nor
      // another thing ("stocks rallied").
      // ("sparked controversy and protests", "interrupted by protesting legislators": the
      // word is a noun or an adjective.)
      if (i == s_.first || IsClauseBreak(Norm(i - 1)) || OneOf(Norm(i - 1), {"and", "by"})) {
        return true;
      }
      // ("Supporters of the opposition marched", "Indigenous groups in Ecuador blocked": the
      // crowd heads the subject phrase.)
      for (uint32_t j = i; j > s_.first && j + 7 > i; --j) {
        const std::string_view w = Norm(j - 1);
        if (IsCrowdWord(w) || IsPeopleName(j - 1)) return true;
        if (IsClauseBreak(w) || (IsFunctionWord(w) && !OneOf(w, {"of", "in", "at", "from"}))) {
          break;
        }
      }
      return false;
    }
    for (int k = 0; k < 3 && i > s_.first; ++k) {
      const std::string_view w = Norm(i - 1);
      const bool verb_form = w.ends_with("ing") || w.ends_with("ed");
      if (IsDeterminer(w) || w == "-" ||
          (!IsFunctionWord(w) && tokens_[i - 1].kind == text::TokenKind::kWord && !verb_form &&
           !IsLightVerb(w) && !CodesAnEvent(i - 1))) {
        --i;
        continue;
      }
      break;
    }
    // ("..., sparking protests across the country": what an event set off.)
    return i == s_.first || IsClauseBreak(Norm(i - 1)) || IsLightVerb(Norm(i - 1)) ||
           OneOf(Norm(i - 1), {"and", "as", "when", "sparking", "prompting", "triggering",
                               "fuelling", "fueling"});
  }

  // A capitalized plural that names a people: "Kurds", "Mohawks", "Uyghurs" (not the
  // markets at a sentence's start: "Stocks rallied").
  bool IsPeopleName(uint32_t i) const {
    const std::string_view w = Norm(i);
    return w.size() > 3 && tokens_[i].capitalized && w.ends_with("s") && !w.ends_with("ss") &&
           !OneOf(w, {"stocks", "shares", "markets", "prices", "bonds", "futures", "talks"});
  }

  Side Crowd(uint32_t first, uint32_t last) {
    Side side;
    std::string state;
    if (const std::optional<Location> l = LocationFor(first, last)) state = l->country;
    if (state.empty() && d_.home) state = *d_.home;
    if (state.empty()) return side;
    if (std::optional<ResolvedActor> a = resolver_.StateActor(state, "CVL")) {
      side.actors.push_back(std::move(*a));
    }
    return side;
  }

  // The actor a rule implies when the sentence names none: `role` of the state the other side
  // belongs to.
  Side Implicit(const Side& other, std::string_view role) const {
    Side side;
    if (other.actors.empty()) return side;
    const std::string state = resolver_.StateOf(other.actors.front());
    if (state.empty()) return side;
    if (std::optional<ResolvedActor> a = resolver_.StateActor(state, role)) {
      side.actors.push_back(std::move(*a));
      side.domestic = true;
    }
    return side;
  }

  // The other members of the salient group (the pair of the last conversation), as implicit
  // targets of a mutual event whose partner the sentence leaves out: "The meeting was timed
  // to coincide with ...", in a release about a summit.
  Side Partners(const ResolvedActor& actor) const {
    Side side;
    const bool member = std::any_of(d_.group.begin(), d_.group.end(), [&](const ResolvedActor& a) {
      return a.entity == actor.entity;
    });
    if (!member) return side;
    for (const ResolvedActor& a : d_.group) {
      if (a.entity != actor.entity) side.actors.push_back(a);
    }
    return side;
  }

  // "Following the meeting, ...", "During the talks, ...": a definite noun in a fronted time
  // phrase refers back to an event already reported; it reports none itself.
  bool IsTemporalReference(uint32_t first) const {
    // "210 years since the establishment of relations", "the anniversary of the invasion":
    // a past event dated from, or remembered, is background.
    constexpr uint32_t kWindow = 4;
    for (uint32_t i = first; i > s_.first && first - i < kWindow; --i) {
      const std::string_view w = Norm(i - 1);
      if (IsClauseBreak(w)) break;
      if (OneOf(w, {"since", "anniversary", "anniversaries", "commemorate", "commemorated",
                    "commemorating", "commemoration", "memory", "remembrance", "recalled",
                    "recalling"})) {
        return true;
      }
    }
    if (!OneOf(Norm(s_.first), {"after", "following", "during", "before", "upon", "at", "in", "on",
                                "ahead", "prior", "throughout"})) {
      return false;
    }
    for (uint32_t i = first; i > s_.first && first - i <= kModifierSkip; --i) {
      const std::string_view w = Norm(i - 1);
      if (OneOf(w, {"the", "this", "that", "these", "those"})) return true;
      if (IsClauseBreak(w) || IsFunctionWord(w) || StartingAt(i - 1) != nullptr) return false;
    }
    return false;
  }

  // Are tokens [from, to) (past auxiliaries and adverbs at the end) one or two words naming
  // weapons: "aircraft", "drone strike", "fighter jets", "missiles"?
  bool WeaponsBetween(uint32_t from, uint32_t to) const {
    static const text::WordSet kWeapons{
        "aircraft", "warplanes", "jets",     "planes",   "drones",     "drone",     "missiles",
        "missile",  "rockets",   "rocket",   "shells",   "artillery",  "tanks",     "helicopters",
        "gunships", "warships",  "bombers",  "strike",   "strikes",    "airstrike", "airstrikes",
        "fighter",  "fire",      "shelling", "gunboats", "submarines", "navy",      "boats",
        "ships",    "vessels",   "ship",     "vessel",   "cutters",    "frigates",  "patrol"};
    while (to > from && (IsAuxiliary(Norm(to - 1)) || IsAdverb(Norm(to - 1)))) --to;
    if (to <= from || to - from > 2) return false;
    for (uint32_t k = from; k < to; ++k) {
      if (!kWeapons.contains(Norm(k))) return false;
    }
    return true;
  }

  // Is the object of a verb ending at `last` a noun of force or protest ("condemned |the
  // strikes|", "denounced |the deadly attack|"): a trigger of roots 14-20 within four words?
  // Is the object of a verb ending at `last` an act named by a general noun: "criticised |the
  // move|", "welcomed the decision", "condemned the measures"?
  bool ObjectIsAct(uint32_t last) const {
    static const text::WordSet kActs{
        "move",        "decision",    "decisions",   "measure",      "measures",   "step",
        "steps",       "action",      "actions",     "announcement", "verdict",    "ruling",
        "sentence",    "sentences",   "judgment",    "judgement",    "conviction", "ban",
        "ouster",      "removal",     "impeachment", "sanctions",    "expulsion",  "expulsions",
        "deportation", "deportations"};
    if (last >= s_.last || Norm(last) != "the") return false;  // not "this decision" of ours
    for (uint32_t i = last + 1; i < s_.last && i < last + 3; ++i) {
      const std::string_view w = Norm(i);
      // (Not an act its own words attribute: "the measures taken by Kazakhstan".)
      if (kActs.contains(w)) {
        return i + 1 >= s_.last ||
               !OneOf(Norm(i + 1), {"to", "by", "of", "being", "taken", "made", "announced"});
      }
      if (!OneOf(w, {"latest", "new", "recent", "unilateral"})) return false;
    }
    return false;
  }

  int ObjectIsForce(uint32_t last) const {
    static const text::WordSet kForce{
        "strike",     "strikes",   "attack",   "attacks",  "bombing",   "bombings",   "shelling",
        "killing",    "killings",  "raid",     "raids",    "airstrike", "airstrikes", "assault",
        "invasion",   "offensive", "massacre", "shooting", "incursion", "coup",       "violence",
        "annexation", "blockade",  "test",     "tests",    "launch",    "hijacking",  "kidnapping"};
    static const text::WordSet kCoercion{"crackdown", "executions", "execution",  "arrests",
                                         "arrest",    "detention",  "detentions", "seizure"};
    for (uint32_t i = last; i < s_.last && i < last + 4; ++i) {
      const std::string_view w = Norm(i);
      if (StartingAt(i) != nullptr || IsFunctionWord(w) || IsClauseBreak(w)) return 0;
      if (kForce.contains(w)) return 1;
      if (kCoercion.contains(w)) return 2;
      const actors::PhraseMatcher::Match m = lex_.matcher().LongestAt(tokens_, i, s_.last);
      if (m.length == 0) continue;
      const Chosen c = ChooseTrigger(i, i + m.length, m.payloads);
      if (c.trigger == nullptr) continue;
      const EventRule& r = lex_.rule(c.trigger->rule);
      if (c.trigger->form != VerbForm::kNoun || r.block || r.cameo < "14" ||
          r.cameo.starts_with("16")) {
        return 0;
      }
      return r.cameo.starts_with("17") ? 2 : 1;
    }
    return 0;
  }

  // Does a verb ending at `last` take a thing for its object: "attacked |a checkpoint|",
  // "bombed |the market|" (a determiner, then a word that is no actor)?
  bool HasThingObject(uint32_t last) const {
    if (last >= s_.last ||
        !(OneOf(Norm(last), {"a", "an", "the", "one", "two", "three", "several", "its", "their"}) ||
          tokens_[last].kind == text::TokenKind::kNumber)) {
      return false;
    }
    const uint32_t noun = last + 1;
    return noun < s_.last && StartingAt(noun) == nullptr && !InsideMention(noun) &&
           tokens_[noun].kind == text::TokenKind::kWord && !IsFunctionWord(Norm(noun));
  }

  // Does another clause with a subject of its own open before `at`: an actor followed by a
  // past verb ("two days after |New Delhi stunned| the world by exploding ...")?
  bool ClauseBetween(uint32_t at) const { return ClauseSubjectBefore(at) != nullptr; }

  // The subject of the last such clause before `at`, or null.
  const Mention* ClauseSubjectBefore(uint32_t at) const {
    // (The sentence's own opening subject is no other clause: "South Korea and the United
    // States responded by ...".)
    uint32_t opening = s_.first;
    if (const Mention* first = StartingAt(s_.first)) opening = GroupRight(*first).last;
    const Mention* last = nullptr;
    for (const Mention& m : mentions_) {
      if (m.first == s_.first || m.last <= opening || m.last >= at) continue;
      if (m.first < s_.first || m.locative || m.possessive) continue;
      const std::string_view next = Norm(m.last);
      if (next.ends_with("ed") ||
          OneOf(next, {"said", "says", "told", "held", "sent", "made", "took", "struck", "won"})) {
        last = &m;
      }
    }
    return last;
  }

  // Is the noun at `noun` something its clause's subject opposes ("vetoed a draft resolution",
  // "voted against a motion"), so that its words are not the subject's?
  bool VetoedBefore(uint32_t noun) const {
    for (uint32_t i = noun; i > s_.first && noun - i < 6; --i) {
      if (OneOf(Norm(i - 1), {"veto", "vetoed", "vetoes", "vetoing", "against", "draft", "rejected",
                              "rejects", "blocked", "blocks", "opposed", "opposes"})) {
        return true;
      }
    }
    return false;
  }

  Side TrailingParticipleSubject(uint32_t first) const {
    if (last_subject_ && last_subject_->last != kNoSpan && last_subject_->last < first) {
      return *last_subject_;
    }
    // The main clause's verb coded nothing: its subject is the sentence's first actor, if it
    // opens the sentence.
    const Mention* m = StartingAt(s_.first);
    if (m == nullptr && s_.first + 1 < s_.last && Norm(s_.first) == "the") {
      m = StartingAt(s_.first + 1);
    }
    if (m == nullptr || m->possessive || m->modifier || m->locative || m->last >= first) return {};
    return GroupRight(*m);
  }

  // A trigger in a fronted phrase takes the subject of the main clause after the comma:
  // "After talks in Kyiv, Zelenskyy and Trudeau took part ...", "During a meeting with Fiala,
  // Zhovkva conveyed ...". Only when no actor precedes the trigger in the phrase.
  Side MainClauseSubject(uint32_t first) const {
    const std::string_view opener = Norm(s_.first);
    const bool fronted =
        OneOf(opener, {"during", "after", "before", "following", "at", "on", "in", "upon", "while",
                       "when", "as", "since", "despite", "ahead", "prior"}) ||
        (opener.size() > 4 && opener.ends_with("ing"));
    if (!fronted) return {};
    for (uint32_t i = s_.first; i < first; ++i) {
      if (StartingAt(i) != nullptr && !StartingAt(i)->locative) return {};
      if (IsClauseBreak(Norm(i))) return {};
    }
    for (uint32_t i = first; i < s_.last; ++i) {
      const std::string_view w = Norm(i);
      if (w == ";" || w == ":" || w == "\"") return {};
      if (w != ",") continue;
      const Mention* m = StartingAt(i + 1);
      if (m == nullptr || m->possessive || m->modifier) return {};
      return GroupRight(*m);
    }
    return {};
  }

  // ---- TABARI/PETRARCH verb patterns -------------------------------------------------------

  // What a pattern bound: $ the source, + the target, % actors acting jointly.
  struct Binding {
    Side source;
    Side target;
    Side joint;
    uint32_t start = 0;  // where the words matched before the verb begin
  };

  static constexpr uint32_t kPatternWindow = 8;

  // Do the words of alternative `a` of `e` stand at `at`? A word matches itself with a plural
  // ending, a TABARI stem any word that begins with it.
  bool WordsAt(const PatternElement& e, size_t a, uint32_t at) const {
    const std::vector<std::string>& words = e.alternatives[a];
    if (at + words.size() > s_.last) return false;
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& norm = tokens_[at + k].norm;
      if (!e.stems.empty() && e.stems[a][k]) {
        if (!norm.starts_with(words[k])) return false;
      } else if (norm != words[k] && norm != words[k] + "s" && norm != words[k] + "es") {
        return false;
      }
    }
    return true;
  }

  static bool Stops(std::string_view w) { return w == "." || w == ";"; }

  // Matches the elements after the verb, from token `pos` on.
  bool MatchAfter(const std::vector<PatternElement>& elements, uint32_t pos, Binding* b) const {
    for (const PatternElement& e : elements) {
      if (e.kind == PatternElement::Kind::kSkip) {
        if (pos >= s_.last) return false;
        ++pos;
        continue;
      }
      bool found = false;
      for (uint32_t j = pos; j < s_.last && j < pos + kPatternWindow && !found; ++j) {
        if (Stops(Norm(j))) break;
        if (e.kind == PatternElement::Kind::kWords) {
          for (size_t a = 0; a < e.alternatives.size(); ++a) {
            const std::vector<std::string>& alt = e.alternatives[a];
            if (!alt.empty() && WordsAt(e, a, j)) {
              pos = j + static_cast<uint32_t>(alt.size());
              found = true;
              break;
            }
          }
        } else if (const Mention* m = StartingAt(j)) {
          Side side = GroupRight(*m);
          // After the verb a compound is the target list ("agrees with % ").
          (e.kind == PatternElement::Kind::kSource ? b->source : b->target) = side;
          pos = side.last;
          found = true;
        }
        if (e.adjacent && !found) break;
      }
      if (!found) return false;
    }
    return true;
  }

  // Matches the elements before the verb (nearest first), leftwards from token `pos`.
  bool MatchBefore(const std::vector<PatternElement>& elements, uint32_t pos, Binding* b) const {
    b->start = pos;
    for (const PatternElement& e : elements) {
      if (e.kind == PatternElement::Kind::kSkip) {
        if (pos <= s_.first) return false;
        --pos;
        continue;
      }
      bool found = false;
      for (uint32_t end = pos; end > s_.first && pos - end < kPatternWindow && !found; --end) {
        if (Stops(Norm(end - 1))) break;
        if (e.kind == PatternElement::Kind::kWords) {
          for (size_t a = 0; a < e.alternatives.size(); ++a) {
            const std::vector<std::string>& alt = e.alternatives[a];
            if (!alt.empty() && end >= s_.first + alt.size() &&
                WordsAt(e, a, end - static_cast<uint32_t>(alt.size()))) {
              pos = end - static_cast<uint32_t>(alt.size());
              found = true;
              break;
            }
          }
        } else if (const Mention* m = EndingAt(end)) {
          Side side = GroupLeft(*m);
          (e.kind == PatternElement::Kind::kSource   ? b->source
           : e.kind == PatternElement::Kind::kTarget ? b->target
                                                     : b->joint) = side;
          pos = side.first;
          found = true;
        }
        if (e.adjacent && !found) break;
      }
      if (!found) return false;
    }
    b->start = pos;
    return true;
  }

  // The most specific pattern of the verb that matches (its own code when none does); then
  // the pattern's actors, or the clause's subject and object.
  void CodeTabari(uint32_t first, uint32_t last, std::span<const uint32_t> payloads) {
    const EventRule* best = nullptr;
    uint32_t best_trigger = payloads.front();
    bool best_base = false;
    Binding binding;
    for (uint32_t id : payloads) {
      const Trigger& trig = lex_.trigger(id);
      const EventRule& rule = lex_.rule(trig.rule);
      // Among equally specific patterns, a verb written as it stands beats an inflection of
      // another verb ("LEFT [032:033]" over LEAVE's past tense).
      const bool base = trig.form == VerbForm::kBase;
      const bool better = best == nullptr || rule.pattern.Weight() > best->pattern.Weight() ||
                          (rule.pattern.Weight() == best->pattern.Weight() && base && !best_base);
      if (!rule.tabari || !better) continue;
      Binding b;
      if (MatchAfter(rule.pattern.after, last, &b) && MatchBefore(rule.pattern.before, first, &b)) {
        best = &rule;
        best_trigger = id;
        best_base = base;
        binding = std::move(b);
      }
    }
    if (best != nullptr && best->discard) discarded_ = true;
    if (best == nullptr || best->block) return;
    const Trigger& trig = lex_.trigger(best_trigger);
    const bool passive = IsPassive(first, trig.form);
    Side source = binding.joint.empty() ? binding.source : binding.joint;
    Side target = binding.target;
    bool blocked = false;
    if (source.empty() && passive) source = AfterPreposition("by", last);
    if (source.empty() && !passive) {
      // The subject precedes the words the pattern matched before the verb; with them a
      // possessor is the subject: "Eriador's death toll has risen".
      source = Subject(binding.start, false);
      if (source.empty() && binding.start < first && Norm(binding.start - 1) == "'s") {
        if (const Mention* m = EndingAt(binding.start - 1)) source = GroupLeft(*m);
      }
    }
    if (target.empty() && binding.joint.empty()) {
      target = passive ? Subject(first, false) : Targets(*best, last, &blocked).side;
    }
    if (!source.empty()) last_subject_ = source;
    EventRule rule = *best;
    rule.reciprocal = rule.reciprocal || !binding.joint.empty();
    const uint32_t stop = source.last == kNoSpan || source.last > first ? s_.first : source.last;
    EmitPairs(source, target, rule, first, last, trig, stop);
    if (!best->reverse_cameo.empty() && best->reverse_cameo != "---" && !target.empty()) {
      rule.cameo = best->reverse_cameo;
      rule.quad_class = best->reverse_quad_class;
      rule.goldstein = best->reverse_goldstein;
      EmitPairs(target, source, rule, first, last, trig, stop);
    }
  }

  // Is the trigger at the start of its clause (a subjectless headline, "During the call, ...")?
  bool OpensClause(uint32_t first, bool verb) const {
    if (verb && !s_.headline) return false;
    for (uint32_t i = first; i > s_.first; --i) {
      const std::string_view w = Norm(i - 1);
      if (!IsDeterminer(w) && !IsFunctionWord(w) && tokens_[i - 1].kind == text::TokenKind::kWord &&
          !tokens_[i - 1].capitalized && !IsAdverb(w)) {
        return false;
      }
      if (EndingAt(i)) return false;
    }
    return true;
  }

  // "Oil facilities in Saudi Arabia were hit by drone strikes": an act of force whose doer
  // the sentence does not name is no event, but whom it struck is remembered for a later
  // "claimed responsibility for the attacks".
  void NoteStruck(const Side& target, uint32_t first, const Trigger& trig, uint32_t stop) {
    if (target.empty() || governing_ != nullptr || IsNegated(first, stop) ||
        !IsFactual(first, stop, trig)) {
      return;
    }
    if (!force_seen_) d_.last_force_targets.clear();
    for (const ResolvedActor& a : target.actors) {
      std::vector<ResolvedActor>& struck = d_.last_force_targets;
      if (std::find(struck.begin(), struck.end(), a) == struck.end()) struck.push_back(a);
    }
  }

  void EmitPairs(const Side& source, const Side& target, const EventRule& rule, uint32_t first,
                 uint32_t last, const Trigger& trig, uint32_t stop) {
    // A person the dictionaries lack is only ever a target, and only of conflict (accused,
    // arrested, sentenced, attacked): a name met in a meeting or a letter may be anyone's.
    if (source.empty() || source.unknown || (target.unknown && rule.cameo < "11")) return;
    std::vector<std::pair<size_t, size_t>> pairs;  // indices into source/target actors
    if (!target.empty()) {
      for (size_t a = 0; a < source.actors.size(); ++a) {
        for (size_t b = 0; b < target.actors.size(); ++b) pairs.emplace_back(a, b);
      }
      Emit(source, target, pairs, rule, first, last, trig, stop);
      return;
    }
    if (!rule.reciprocal || source.actors.size() < 2) return;
    // Many parties at once ("the leaders of the CSTO states signed ..."): an official release
    // codes its own principal with each of the others, not every pair among them.
    const auto principal = std::find_if(
        source.actors.begin(), source.actors.end(),
        [&](const ResolvedActor& a) { return d_.publisher && a.entity == d_.publisher->entity; });
    const bool hub = source.actors.size() > 2 && principal != source.actors.end();
    for (size_t a = 0; a < source.actors.size(); ++a) {
      for (size_t b = 0; b < source.actors.size(); ++b) {
        const bool involves_hub = hub && (source.actors[a].entity == principal->entity ||
                                          source.actors[b].entity == principal->entity);
        // One state's actors act on each other only across the line between its
        // authorities and the rest ("Kibaki and opposition leader Odinga signed a deal"), not
        // as a president and his minister meeting.
        const auto unplaced = [](const ResolvedActor& x) {  // a person of no known role
          return x.person && x.code.ends_with("CVL");
        };
        const bool same_entity =
            source.actors[a].entity == source.actors[b].entity &&
            (IsStateAgent(Side{{source.actors[a]}}) == IsStateAgent(Side{{source.actors[b]}}) ||
             unplaced(source.actors[a]) || unplaced(source.actors[b]) || source.anaphor);
        if (a != b && !same_entity && (!hub || involves_hub)) pairs.emplace_back(a, b);
      }
    }
    Emit(source, source, pairs, rule, first, last, trig, stop);
  }

  ActorRef Ref(const ResolvedActor& a, const Side& side) const {
    ActorRef r{a.entity, a.code, a.name, "", Span{-1, -1}};
    if (side.first != kNoSpan) {
      const uint32_t b = tokens_[side.first].begin;
      const uint32_t e = tokens_[side.last - 1].end;
      r.text = std::string(doc_.Slice(b, e));
      r.span = doc_.ToField(b, e);
    }
    return r;
  }

  void Emit(const Side& source, const Side& target,
            const std::vector<std::pair<size_t, size_t>>& pairs, const EventRule& rule,
            uint32_t first, uint32_t last, const Trigger& trig, uint32_t stop) {
    const std::optional<Date> date = DateFor(first);
    const std::optional<Location> location = LocationFor(first, last);
    // A governed event is negated by what negates its governor ("did not refuse to"), and is
    // as factual as the governor makes it.
    const uint32_t at = governing_ != nullptr ? governing_->first : first;
    const bool negated =
        (governing_ != nullptr && (negated_override_ || NegatedBetween(at, first))) ||
        (!rule.pattern_negates && IsNegated(at, stop)) ||
        (!rule.object_words.empty() && NegatedBetween(first, last));  // "issued no threats"
    const bool factual = governing_ != nullptr ? factual_override_ && IsFactual(at, stop, trig)
                                               : IsFactual(first, stop, trig);
    if ((negated || InConditional(at) || Refuted(at)) && !keep_negated_) return;
    if ((rule.cameo.starts_with("02") || rule.cameo.starts_with("10")) && ProtestsPurpose(at)) {
      return;
    }
    for (const auto& [a, b] : pairs) {
      const ResolvedActor& src = source.actors[a];
      // "Iran, Iraq and Syria closed their airspace": a group's own "their" is no target.
      if (target.anaphor && &source != &target &&
          std::find(source.actors.begin(), source.actors.end(), target.actors[b]) !=
              source.actors.end()) {
        continue;
      }
      // (A state as a whole may move its forces into another: "Turkey moved into northern
      // Syria", not "Russia took control of the local businesses".)
      // (A governed event's source is the governor's subject: "the Council demanded that the
      // rebels withdraw".)
      if (rule.armed_only && governing_ == nullptr && !IsArmed(src) &&
          !(src.code == src.entity && target.actors[b].code == target.actors[b].entity)) {
        continue;
      }
      if (rule.people_only && !IsPeople(src)) continue;
      // Talking to the press is a statement, not a consultation.
      if (rule.cameo.starts_with("04") && target.actors[b].code.ends_with("MED")) continue;
      ResolvedActor tgt = target.actors[b];
      // An actor never acts on itself, nor a state as a whole on part of itself ("UKR" and
      // "UKRGOV"); a government and its rebels are two actors. A part of a state acting on
      // the state, or on a place of it, acts on its people: "Nigeria's president lifted the
      // state of emergency in Rivers State" is NGAGOV -> NGACVL.
      // Two people are two actors even with one code ("Zimbabwe's war veterans urged Robert
      // Mugabe to step down"), though a state's officials talking or praising among
      // themselves are no news of relations.
      const bool internal = rule.cameo.starts_with("01") || rule.cameo.starts_with("04") ||
                            rule.cameo.starts_with("05");
      const bool two_people = src.person && tgt.person && src.name != tgt.name && !internal;
      // A state as a whole may coerce or fight a part of itself: "Pakistan claims the
      // killing of 26 militants".
      // Sanctions, embargoes and bans a state lays on its own people are administrative
      // sanctions (172): "Bahrain imposed travel bans on six opposition figures".
      const bool domestic_sanction =
          rule.cameo.starts_with("163") && src.entity == tgt.entity && tgt.code != tgt.entity;
      // So may it yield to them: "Cuba released 553 political prisoners".
      const bool whole_on_part = src.code == src.entity && tgt.code != tgt.entity &&
                                 (rule.cameo >= "17" || rule.cameo.starts_with("08") ||
                                  domestic_sanction || target.domestic);
      if (src.entity == tgt.entity &&
          ((src.code == tgt.code && !two_people) || (src.code == src.entity && !whole_on_part) ||
           tgt.code == tgt.entity)) {
        // Only for a place, and not for consultation or praise: visiting one's own region
        // is no event.
        const bool cooperation = rule.cameo.starts_with("04") || rule.cameo.starts_with("05");
        if (!target.place || cooperation || src.code == src.entity || tgt.code != tgt.entity ||
            (src.code == tgt.entity + "CVL" && rule.civilian.empty())) {
          continue;
        }
        // (Its people rioting there riot against their government: "rioters torched shops in
        // Nairobi".)
        std::optional<ResolvedActor> people =
            resolver_.StateActor(tgt.entity, IsPeople(src) ? "GOV" : "CVL");
        if (!people) continue;
        tgt = std::move(*people);
      }
      Event e;
      e.sentence_index = static_cast<int>(index_);
      e.field = doc_.FieldOf(s_.begin);
      e.sentence = std::string(doc_.Slice(s_.begin, s_.end));
      e.source = Ref(src, source);
      e.target = Ref(tgt, target);
      e.action = rule.action;
      e.cameo = rule.cameo;
      e.quad_class = rule.quad_class;
      e.goldstein = rule.goldstein;
      // (Gunmen or militants killing civilians are no fighting: "a gunman killed 49 people".)
      const auto take = [&e](const AltCode& alt) {
        e.cameo = alt.cameo;
        e.quad_class = alt.quad_class;
        e.goldstein = alt.goldstein;
      };
      if (!rule.armed.empty() && IsArmed(src) &&
          !(rule.cameo >= "18" && IsIrregular(src) && !IsArmed(tgt))) {
        take(rule.armed);
      }
      if (!rule.irregular.empty() && IsIrregular(src) && !IsForces(tgt)) take(rule.irregular);
      // (A place, a state as a whole or a government is no people: "captured the town".)
      // (Nor, for fighting, an armed force: "troops fired on rebels" stays fighting.)
      if (!rule.people.empty() && !target.place && NamesPeople(target) &&
          (tgt.person || (tgt.code != tgt.entity && !tgt.code.ends_with("GOV"))) &&
          !(rule.cameo.starts_with("19") && !rule.cameo.starts_with("192") &&
            (IsArmed(tgt) || IsForces(tgt)))) {
        take(!rule.irregular_people.empty() && IsIrregular(src) ? rule.irregular_people
                                                                : rule.people);
      }
      if (!rule.mass.empty() && MassOf(target)) take(rule.mass);
      if (!rule.foreign.empty() && !src.entity.empty() && tgt.entity != src.entity &&
          !resolver_.StateOf(tgt).empty() && resolver_.StateOf(tgt) != resolver_.StateOf(src) &&
          !tgt.person) {
        take(rule.foreign);
      }
      if (!rule.civilian.empty() && IsPeople(src)) take(rule.civilian);
      if (domestic_sanction && lex_.cameo() != nullptr) {
        if (const CameoCode* c = lex_.cameo()->Find("172")) {
          e.cameo = "172";
          e.quad_class = c->quad_class;
          e.goldstein = c->goldstein;
        }
      }
      e.date = date;
      e.negated = negated;
      e.factual = factual;
      e.rule = rule.id;
      e.trigger = doc_.ToField(tokens_[first].begin, tokens_[last - 1].end);
      e.location = location;
      // The pair "the two sides" and "both countries" stand for: the last to meet, or to
      // fight each other ("China urged the two sides to exercise restraint").
      if ((rule.cameo.starts_with("04") || (rule.cameo >= "18" && src.entity != tgt.entity)) &&
          !negated) {
        d_.group = {src, tgt};
        group_changed_ = true;
      }
      // (A conviction, 116, is a court's act too.)
      const bool material =
          (e.cameo >= "06" && e.cameo < "10") || e.cameo >= "15" || e.cameo.starts_with("116");
      if (material && !negated && factual) {
        if (!act_seen_) d_.last_act.clear();
        act_seen_ = true;
        if (std::find(d_.last_act.begin(), d_.last_act.end(), src) == d_.last_act.end()) {
          d_.last_act.push_back(src);
        }
      }
      // (Reducing relations, 16, is neither force nor coercion.)
      const bool coercion = e.cameo.starts_with("17");
      if (e.cameo >= "14" && !e.cameo.starts_with("16") && !negated && factual) {
        std::vector<ResolvedActor>& acts = coercion ? d_.last_coercion : d_.last_force;
        bool& seen = coercion ? coercion_seen_ : force_seen_;
        if (!seen) {  // the sentence's own acts replace older ones
          acts.clear();
          if (!coercion) d_.last_force_targets.clear();
        }
        seen = true;
        if (std::find(acts.begin(), acts.end(), src) == acts.end()) acts.push_back(src);
        std::vector<ResolvedActor>& struck = d_.last_force_targets;
        if (!coercion && std::find(struck.begin(), struck.end(), tgt) == struck.end()) {
          struck.push_back(tgt);
        }
      }
      out_.push_back(std::move(e));
      priorities_.push_back(rule.priority);
    }
  }

 public:
  // TABARI's special codes, once the sentence is coded (its events are out_[start...]): a
  // discard ([###], [+++]) leaves it uncoded; an event with a dominant code ([111!]) drops
  // those without, and any other event those with a subordinate one ([023?]).
  void Settle(size_t start) {
    using Priority = EventRule::Priority;
    const auto any = [&](Priority p) {
      return std::find(priorities_.begin(), priorities_.end(), p) != priorities_.end();
    };
    if (discarded_) {
      out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(start), out_.end());
      return;
    }
    if (!any(Priority::kSubordinate) && !any(Priority::kDominant)) return;
    const Priority least = any(Priority::kDominant) ? Priority::kDominant
                           : any(Priority::kNormal) ? Priority::kNormal
                                                    : Priority::kSubordinate;
    const auto rank = [](Priority p) {
      return p == Priority::kSubordinate ? 0 : p == Priority::kNormal ? 1 : 2;
    };
    size_t kept = start;
    for (size_t i = 0; i < priorities_.size(); ++i) {
      if (rank(priorities_[i]) < rank(least)) continue;
      if (kept != start + i) out_[kept] = std::move(out_[start + i]);
      ++kept;
    }
    out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(kept), out_.end());
  }

 private:
  const EventLexicon& lex_;
  const actors::ActorResolver& resolver_;
  const std::vector<actors::PlaceMention>& places_;
  const text::Document& doc_;
  uint32_t index_;
  const text::Sentence& s_;
  const std::vector<text::Token>& tokens_;
  const std::vector<Mention>& mentions_;
  actors::Discourse& d_;
  std::vector<Event>& out_;
  std::vector<int> ending_;
  std::vector<int> starting_;
  std::vector<bool> inside_;                      // token inside a mention
  mutable uint32_t gap_limit_from_ = UINT32_MAX;  // GapLimit's last answer
  mutable uint32_t gap_limit_ = 0;
  std::optional<Side> last_subject_;
  std::optional<std::vector<dates::TimeMention>> mentions_of_time_;
  std::vector<Governed> governed_;
  std::optional<Side> passive_agent_;    // the "by" agent of a passive governor being coded
  const Governed* governing_ = nullptr;  // while a governed event is emitted
  bool factual_override_ = true;
  bool negated_override_ = false;
  bool keep_negated_ = false;   // emit negated and hypothetical events, flagged
  bool future_ = false;         // the sentence speaks of what is to come
  bool group_changed_ = false;  // an event of this sentence set the salient pair
  bool force_seen_ = false;     // an act of force of this sentence set d_.last_force
  bool coercion_seen_ = false;  // an act of coercion of this sentence set d_.last_coercion
  bool act_seen_ = false;       // a material act of this sentence set d_.last_act
  bool parenthetical_ = false;  // the trigger coded now is a participle after a comma
  bool criticism_ = false;      // ... is a verb of criticism (11)
  bool statement_ = false;      // ... is a statement (01) or an inquiry (09), whose topic's
                                // actor may lie deeper
  bool restriction_ = false;    // ... reduces relations or restricts (16, 17), whose object
                                // "on" may lie deeper: "restrictions on flights |to Cuba|"

  std::vector<EventRule::Priority> priorities_;  // of each event emitted, in order
  bool discarded_ = false;  // a TABARI discard code matched: the sentence is not coded
};

void EventCoder::Code(const text::Document& doc, uint32_t index,
                      const std::vector<actors::Mention>& mentions,
                      const std::vector<actors::PlaceMention>& places, actors::Discourse* discourse,
                      std::vector<Event>* out) const {
  SentenceCoder coder(lexicon_, resolver_, doc, index, mentions, places, discourse, out);
  coder.KeepNegated(keep_negated_);
  const size_t start = out->size();
  coder.Run();
  coder.Settle(start);
}

}  // namespace dyad::coding
