#include "coding/event_coder.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <span>

#include "dates/time_expression.h"
#include "text/coordination.h"
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

bool IsAdverb(std::string_view w) { return w.size() > 4 && w.ends_with("ly") && w != "only"; }

bool IsDayOrMonth(std::string_view w) {
  static const text::WordSet kWords{
      "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",      "june",     "july",
      "august",  "september", "october",   "november", "december", "today",    "yesterday",
      "tonight", "tomorrow",  "week",      "month",    "year",     "weekend",  "morning",
      "evening", "afternoon", "night"};
  return kWords.contains(w);
}

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

bool IsLightVerb(std::string_view w) {
  return OneOf(
      w,
      {"had",        "has",        "have",      "having",    "held",      "hold",      "holds",
       "holding",    "conducted",  "conduct",   "conducts",  "made",      "make",      "makes",
       "paid",       "pay",        "pays",      "expressed", "express",   "expresses", "gave",
       "give",       "gives",      "launched",  "launch",    "launches",  "started",   "start",
       "starts",     "began",      "begin",     "begins",    "continued", "continue",  "continues",
       "reached",    "reach",      "imposed",   "impose",    "imposes",   "announced", "announce",
       "staged",     "stage",      "stepped",   "offered",   "offer",     "provided",  "provide",
       "provides",   "sent",       "send",      "sends",     "extended",  "extend",    "voiced",
       "reaffirmed", "reiterated", "confirmed", "carried",   "organized", "organised", "arranged",
       "arrange",    "up",         "out",       "resumed",   "resume",    "took",      "take",
       "takes",      "taking",     "part",      "joined",    "join",      "joins",     "attended",
       "attend",     "attends",    "concluded", "completed", "paying",    "making"});
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

bool IsNegation(std::string_view w) {
  return OneOf(w, {"not", "n't", "never", "neither", "nor", "refused", "refuses", "declined",
                   "declines", "failed", "fails", "no"});
}

bool IsClauseBreak(std::string_view w) { return OneOf(w, {",", ";", ":", "(", ")", "\"", "-"}); }

bool IsFutureCue(std::string_view w) {
  return OneOf(w, {"will", "shall", "'ll", "scheduled", "upcoming", "next", "tomorrow", "plans",
                   "planned", "intends", "due"});
}

constexpr uint32_t kPrepositionWindow = 6;
constexpr uint32_t kModifierSkip = 2;
constexpr uint32_t kNoSpan = static_cast<uint32_t>(-1);

// The actors of one side of an event, with the words that named them.
struct Side {
  std::vector<ResolvedActor> actors;
  uint32_t first = kNoSpan;  // token range of the mention(s); kNoSpan when implicit
  uint32_t last = kNoSpan;
  bool empty() const { return actors.empty(); }
};

}  // namespace

class EventCoder::SentenceCoder {
 public:
  SentenceCoder(const EventLexicon& lexicon, const text::Document& doc, uint32_t index,
                const std::vector<Mention>& mentions, actors::Discourse* discourse,
                std::vector<Event>* out)
      : lex_(lexicon),
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
    for (size_t k = 0; k < mentions_.size(); ++k) {
      ending_[mentions_[k].last - s_.first] = static_cast<int>(k);
      starting_[mentions_[k].first - s_.first] = static_cast<int>(k);
    }
  }

  void Run() {
    uint32_t i = s_.first;
    while (i < s_.last) {
      if (InsideMention(i)) {
        ++i;
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
      } else {
        CodeTrigger(i, i + m.length, ChooseTrigger(i, m.payloads));
      }
      i += m.length;
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
    for (const Mention& m : mentions_) {
      if (token >= m.first && token < m.last) return true;
    }
    return false;
  }

  // A word that is both a verb and a noun trigger ("visit", "talks", "meeting") is the verb
  // after its subject, an auxiliary, "to", an adverb or a coordinating "and"; else the noun.
  const Trigger& ChooseTrigger(uint32_t at, std::span<const uint32_t> payloads) const {
    const Trigger* verb = nullptr;
    const Trigger* noun = nullptr;
    for (uint32_t id : payloads) {
      const Trigger& t = lex_.trigger(id);
      (t.form == VerbForm::kNoun ? noun : verb) = &t;
    }
    if (verb == nullptr || noun == nullptr) return verb != nullptr ? *verb : *noun;
    const std::string_view prev = Norm(at - 1);
    const bool verbal =
        at > s_.first && (EndingAt(at) != nullptr || IsAuxiliary(prev) || IsAdverb(prev) ||
                          OneOf(prev, {"and", "but", "who", "which", "that"}));
    return verbal && !IsDeterminer(prev) ? *verb : *noun;
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
      if (it->modifier || it->locative || !joined || (comma && !closed)) break;
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
    for (const Mention& next : mentions_) {
      const Mention* cur = chain.back();
      if (next.first < cur->last) continue;
      if (next.modifier || next.locative || !text::IsCoordination(tokens_, cur->last, next.first)) {
        break;
      }
      chain.push_back(&next);
    }
    // Drop trailing comma-joined members: "Russia, Kremlin sources said" is no list.
    bool comma = true;
    while (
        chain.size() > 1 &&
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
    uint32_t modifiers = 0;
    bool crossed_verb = !noun;
    for (uint32_t i = at; i > s_.first; --i) {
      const uint32_t t = i - 1;
      if (const Mention* m = EndingAt(i)) {
        if (m->locative || m->modifier) {
          i = m->first + 1;
          continue;
        }
        return crossed_verb ? GroupLeft(*m) : Side{};
      }
      const std::string_view w = Norm(t);
      if (IsAuxiliary(w) || IsAdverb(w)) {
        crossed_verb = true;
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
        crossed_verb = true;
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
      if ((w == "and" || w == "but") && last_subject_) return *last_subject_;
      if (w == ",") {  // "Russia's foreign minister, speaking in Moscow, warned ..."
        if (const Mention* m = BeforeParenthetical(t)) return GroupLeft(*m);
      }
      if (w == "who" || w == "which" || w == "that") {
        const uint32_t j = Norm(t - 1) == "," ? t - 1 : t;
        if (const Mention* m = EndingAt(j)) return GroupLeft(*m);
      }
      break;
    }
    return {};
  }

  // The actor before a parenthetical phrase that ends with the comma at `comma`: ", in
  // remarks published on Monday," holds no actor, and an actor ends right before its first
  // comma.
  const Mention* BeforeParenthetical(uint32_t comma) const {
    constexpr uint32_t kMaxParenthetical = 10;
    for (uint32_t i = comma; i > s_.first && comma - i < kMaxParenthetical; --i) {
      const uint32_t t = i - 1;
      if (StartingAt(t) != nullptr && Norm(t) != ",") return nullptr;
      if (Norm(t) == ",") return EndingAt(t);
    }
    return nullptr;
  }

  // "Russia's annexation", "Russian annexation", "Russia-ASEAN summit".
  Side Possessor(uint32_t at) const {
    uint32_t i = at;
    for (uint32_t k = 0; k < kModifierSkip && i > s_.first && !EndingAt(i); ++k) {
      const std::string_view w = Norm(i - 1);
      if (w == "'s" || w == "'" || IsFunctionWord(w) || IsDeterminer(w) ||
          tokens_[i - 1].kind != text::TokenKind::kWord) {
        break;
      }
      --i;
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
        side.actors.size() == 1) {
      return {};  // "NATO summit": a name before a noun is no possessor of an event
    }
    return side;
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
      if (IsDeterminer(w) || IsAdverb(w)) {
        ++i;
        continue;
      }
      if (w == "-" && OneOf(Norm(i - 1), {"anti", "pro", "non"})) {  // "an anti-Gondor parade"
        ++i;
        continue;
      }
      if (!rule.strict_object && modifiers < kModifierSkip && !IsFunctionWord(w) &&
          !tokens_[i].capitalized && tokens_[i].kind == text::TokenKind::kWord) {
        ++modifiers;
        ++i;
        continue;
      }
      return rule.strict_object ? Side{} : Including(i);
    }
    const Mention* m = StartingAt(i);
    if (m == nullptr) return {};
    if (m->locative) return {};
    if (rule.strict_object && (m->possessive || m->modifier)) return {};
    if (rule.no_object_np && OneOf(Norm(m->last), {"a", "an", "the", "as"})) {
      *blocked = true;
      return {};
    }
    return GroupRight(*m);
  }

  // The actors after `prep` within a few words of `from`. `*other` is set when `prep` follows
  // the trigger directly but governs something that is no actor ("talk to the media").
  Side AfterPreposition(std::string_view prep, uint32_t from, bool* other = nullptr,
                        uint32_t window = kPrepositionWindow) const {
    for (uint32_t i = from; i < s_.last && i < from + window; ++i) {
      const std::string_view w = Norm(i);
      if (w == "." || w == ";") break;
      if (w != prep || InsideMention(i)) continue;
      uint32_t j = i + 1;
      while (j < s_.last && IsDeterminer(Norm(j)) && !StartingAt(j)) ++j;
      if (const Mention* m = StartingAt(j)) {
        if (!m->locative || prep != "with") return GroupRight(*m);
      }
      Side listed = Including(j);
      if (!listed.empty()) return listed;
      if (other != nullptr && i <= from + 1) *other = true;
      return {};
    }
    return {};
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

  Found Targets(const EventRule& rule, uint32_t from, bool* blocked) const {
    Found found;
    for (const TargetSlot& slot : rule.targets) {
      // TABARI rules stand for a parse PETRARCH gets: look further for their complements.
      found.side =
          slot.object ? Object(from, rule, blocked)
                      : AfterPreposition(slot.preposition, from, &found.other,
                                         rule.tabari ? 2 * kPrepositionWindow : kPrepositionWindow);
      if (*blocked) return {};
      if (!found.side.empty()) {
        found.joint = slot.preposition == "between";
        return found;
      }
    }
    return found;
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

  bool IsNegated(uint32_t first, uint32_t stop) const {
    return LeftInClause(first, stop, 5, [&](uint32_t i, std::string_view w) {
      return IsNegation(w) && Norm(i + 1) != "only";
    });
  }

  bool IsFactual(uint32_t first, uint32_t stop, const Trigger& trig) const {
    if (trig.form == VerbForm::kBase && Norm(first - 1) == "to") return false;
    return !LeftInClause(first, stop, 7,
                         [&](uint32_t, std::string_view w) { return IsModalOrIntent(w); });
  }

  std::optional<Date> DateFor(uint32_t first) {
    if (!mentions_of_time_) {
      for (uint32_t i = s_.first; i < s_.last; ++i) {
        if (IsFutureCue(tokens_[i].norm)) future_ = true;
      }
      mentions_of_time_.emplace();
      if (d_.date) {
        *mentions_of_time_ =
            dates::FindTimeMentions(doc_.Slice(s_.begin, s_.end), *d_.date,
                                    future_ ? dates::Tense::kFuture : dates::Tense::kPast);
      }
    }
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

  void CodeTrigger(uint32_t first, uint32_t last, const Trigger& trig) {
    const EventRule& rule = lex_.rule(trig.rule);
    if (rule.block) return;
    const bool verb = rule.kind == TriggerKind::kVerb;
    // "The fight against ...": a verb form after a determiner is a noun the lexicon lacks.
    if (verb && first > s_.first && !EndingAt(first) &&
        OneOf(Norm(first - 1), {"a", "an", "the", "this", "these", "those", "its", "his", "her",
                                "their", "our", "my", "your"})) {
      return;
    }
    const bool passive = verb && IsPassive(first, trig.form);
    bool blocked = false;
    Side source;
    Found target;
    if (passive) {
      source = AfterPreposition("by", last);
      target.side = Subject(first, false);
    } else if (verb) {
      source = Subject(first, false);
      target = Targets(rule, last, &blocked);
      if (!source.empty()) last_subject_ = source;
    } else {
      if (IsTemporalReference(first)) return;
      source = Possessor(first);
      if (source.empty()) source = AfterPreposition("by", last);  // "a statement by X"
      if (source.empty()) source = Subject(first, true);
      target = Targets(rule, last, &blocked);
    }
    if (blocked) return;
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
    const uint32_t stop = source.last == kNoSpan || source.last > first ? s_.first : source.last;
    EmitPairs(source, target.side, rule, first, last, trig, stop);
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

  bool WordsAt(const std::vector<std::string>& words, uint32_t at) const {
    if (at + words.size() > s_.last) return false;
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& norm = tokens_[at + k].norm;
      if (norm != words[k] && norm != words[k] + "s" && norm != words[k] + "es") return false;
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
          for (const std::vector<std::string>& alt : e.alternatives) {
            if (!alt.empty() && WordsAt(alt, j)) {
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
          for (const std::vector<std::string>& alt : e.alternatives) {
            if (!alt.empty() && end >= s_.first + alt.size() &&
                WordsAt(alt, end - static_cast<uint32_t>(alt.size()))) {
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

  void EmitPairs(const Side& source, const Side& target, const EventRule& rule, uint32_t first,
                 uint32_t last, const Trigger& trig, uint32_t stop) {
    if (source.empty()) return;
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
        const bool same_entity = source.actors[a].entity == source.actors[b].entity;
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
    const bool negated = !rule.pattern_negates && IsNegated(first, stop);
    const bool factual = IsFactual(first, stop, trig);
    for (const auto& [a, b] : pairs) {
      const ResolvedActor& src = source.actors[a];
      const ResolvedActor& tgt = target.actors[b];
      // An actor never acts on itself, nor a state on its own generic self ("UKRGOV" and
      // "UKR"); a government and its rebels are two actors.
      if (src.entity == tgt.entity &&
          (src.code == tgt.code || src.code == src.entity || tgt.code == tgt.entity)) {
        continue;
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
      e.date = date;
      e.negated = negated;
      e.factual = factual;
      e.rule = rule.id;
      e.trigger = doc_.ToField(tokens_[first].begin, tokens_[last - 1].end);
      if (rule.cameo.starts_with("04") && !negated) {
        d_.group = {src, tgt};
        group_changed_ = true;
      }
      out_.push_back(std::move(e));
    }
  }

  const EventLexicon& lex_;
  const text::Document& doc_;
  uint32_t index_;
  const text::Sentence& s_;
  const std::vector<text::Token>& tokens_;
  const std::vector<Mention>& mentions_;
  actors::Discourse& d_;
  std::vector<Event>& out_;
  std::vector<int> ending_;
  std::vector<int> starting_;
  std::optional<Side> last_subject_;
  std::optional<std::vector<dates::TimeMention>> mentions_of_time_;
  bool future_ = false;         // the sentence speaks of what is to come
  bool group_changed_ = false;  // an event of this sentence set the salient pair
};

void EventCoder::Code(const text::Document& doc, uint32_t index,
                      const std::vector<actors::Mention>& mentions, actors::Discourse* discourse,
                      std::vector<Event>* out) const {
  SentenceCoder coder(lexicon_, doc, index, mentions, discourse, out);
  coder.Run();
}

}  // namespace dyad::coding
