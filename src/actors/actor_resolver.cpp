#include "actors/actor_resolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "actors/home_state.h"
#include "core/lines.h"
#include "text/compass.h"
#include "text/coordination.h"
#include "text/word_set.h"

namespace dyad::actors {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// Words allowed between a nationality and a title: "Russia's acting President".
bool IsTitleFiller(std::string_view w) {
  return OneOf(w, {"acting", "interim", "new", "then", "outgoing", "incoming", "current", "top",
                   "senior", "federal", "deputy", "first", "chief", "newly", "elected", "former",
                   "late", "incumbent", "permanent"});
}

// Lowercase particles inside personal names: "Hassanal Bolkiah bin ...", "Abdel Fattah el-Sisi".
bool IsNameParticle(std::string_view w) {
  static const text::WordSet kWords{"bin", "ibn", "al",  "el",  "de", "da", "di",  "do",   "dos",
                                    "van", "von", "der", "den", "la", "le", "abu", "bint", "ben"};
  return kWords.contains(w);
}

// Capitalized words that never start or continue a personal name.
bool IsNameStop(std::string_view w) {
  static const text::WordSet kWords{
      "the",  "a",      "an",    "on",     "in",    "at",   "and",   "of",    "for",  "to",
      "with", "during", "after", "before", "this",  "that", "these", "those", "it",   "he",
      "she",  "they",   "we",    "i",      "but",   "as",   "by",    "from",  "said", "says",
      "who",  "which",  "his",   "her",    "their", "our",  "mr.",   "ms.",   "mrs.", "dr."};
  return kWords.contains(w);
}

// A word that is a past verb here: a common irregular past, or an "-ed" word before a particle
// or a determiner ("carried out", "imposed the", "sent its").
bool IsPastVerb(std::string_view w, std::string_view next) {
  static const text::WordSet kIrregular{
      "held", "sent",  "took",     "gave",    "made",      "struck", "shot",   "fought",  "met",
      "told", "said",  "began",    "won",     "lost",      "fled",   "sought", "brought", "broke",
      "drew", "drove", "threw",    "wrote",   "kept",      "paid",   "spoke",  "swore",   "came",
      "went", "got",   "withdrew", "overran", "undertook", "froze"};
  if (kIrregular.contains(w)) return true;
  static const text::WordSet kNext{"out", "up",   "off",     "down", "the", "a",
                                   "an",  "its",  "their",   "his",  "her", "to",
                                   "on",  "with", "against", "for",  "that"};
  return w.size() > 4 && w.ends_with("ed") && kNext.contains(next);
}

// A mention after these is a place, not an actor ("talks in Moscow").
bool IsPlacePreposition(std::string_view w) {
  return OneOf(
      w, {"in", "at", "near", "outside", "inside", "across", "throughout", "within", "around"});
}

constexpr size_t kMaxNameTokens = 5;

}  // namespace

// The work of resolving one sentence.
class ActorResolver::SentenceResolver {
 public:
  SentenceResolver(const ActorResolver& owner, const text::Document& doc, const text::Sentence& s,
                   Discourse* discourse, std::vector<PlaceMention>* places)
      : owner_(owner),
        dict_(owner.dict_),
        doc_(doc),
        tokens_(doc.tokens),
        s_(s),
        d_(*discourse),
        places_(places) {
    atoms_.reserve(16);  // one allocation for most sentences, rather than one per doubling
  }

  std::optional<std::string> local_state_;  // LocalState(), once found

  std::vector<Mention> Run() {
    d_.sentence_clock = d_.clock + 1;  // what this sentence names comes after
    FindAtoms();
    d_.discarded = std::any_of(atoms_.begin(), atoms_.end(), [&](const Atom& a) {
      const ActorRecord* r = RecordOf(a);
      const Role* role =
          r == nullptr || r->kind != ActorKind::kCoded ? nullptr : r->RoleOn(d_.date);
      return role != nullptr && IsDiscardCode(role->role_code);
    });
    if (d_.discarded) return {};
    size_t k = 0;
    while (k < atoms_.size()) k = Compose(k);
    Finish();
    return std::move(mentions_);
  }

 private:
  struct Atom {
    uint32_t first = 0;
    uint32_t last = 0;
    const PhraseInfo* info = nullptr;
    bool local = false;  // a name learned earlier in this article
    ResolvedActor local_actor;
  };

  std::string_view Norm(uint32_t i) const {
    return i < s_.last ? std::string_view(tokens_[i].norm) : "";
  }

  // Prefers what names an actor, then agents, then anaphors; among equals the last loaded.
  // Right after a nationality an agent comes first: "German Foreign Office" is Germany's, not
  // the British Foreign Office.
  const PhraseInfo* Choose(std::span<const uint32_t> payloads, bool after_nationality) const {
    const uint32_t* best = nullptr;
    int best_rank = -1;
    for (const uint32_t& id : payloads) {
      const PhraseUse use = dict_.phrase_use(id);
      const bool agent = use == PhraseUse::kTitle || use == PhraseUse::kBody;
      const int rank = use == PhraseUse::kAnaphor ? 0
                       : agent                    ? (after_nationality ? 3 : 1)
                       : use == PhraseUse::kDesc  ? 1
                                                  : 2;
      if (rank >= best_rank) {
        best = &id;
        best_rank = rank;
      }
    }
    return best == nullptr ? nullptr : &dict_.phrase(*best);
  }

  // "North and South Korea", "East and West Germany": the first half of a name whose head
  // the second half lends it, found as that name (an atom over the first word alone).
  uint32_t SharedHeadAt(uint32_t i) {
    static const text::WordSet kHalves{"north", "south", "east", "west"};
    if (i + 3 >= s_.last || !tokens_[i].capitalized || Norm(i + 1) != "and" ||
        !kHalves.contains(Norm(i)) || !tokens_[i + 2].capitalized ||
        !kHalves.contains(Norm(i + 2))) {
      return 0;
    }
    const PhraseMatcher::Match second = dict_.matcher().LongestAt(tokens_, i + 2, s_.last);
    if (second.length < 2) return 0;
    std::vector<text::Token> joined{tokens_[i]};
    joined.insert(joined.end(), tokens_.begin() + i + 3, tokens_.begin() + i + 2 + second.length);
    const PhraseMatcher::Match first = dict_.matcher().LongestAt(joined, 0, joined.size());
    if (first.length != joined.size()) return 0;
    atoms_.push_back(Atom{i, i + 1, Choose(first.payloads, false), false, {}});
    return 1;
  }

  void FindAtoms() {
    uint32_t i = s_.first;
    while (i < s_.last) {
      if (const uint32_t n = SharedHeadAt(i); n > 0) {
        i += n;
        continue;
      }
      const PhraseMatcher::Match m = dict_.matcher().LongestAt(tokens_, i, s_.last);
      // "the Pan-American Highway", "post-Soviet states": a prefix makes the name a word of
      // another.
      if (m.length > 0 && i >= s_.first + 2 && Norm(i - 1) == "-" && !tokens_[i].space_before &&
          !tokens_[i - 1].space_before &&
          OneOf(Norm(i - 2), {"pan", "trans", "post", "pre", "sub", "afro"})) {
        i += m.length;
        continue;
      }
      if (m.length > 0) {
        atoms_.push_back(
            Atom{i, i + m.length, Choose(m.payloads, FollowsNationality(i)), false, {}});
        i += m.length;
        continue;
      }
      if (tokens_[i].capitalized && !d_.local_names.empty()) {
        const uint32_t n = LocalNameAt(i);
        if (n > 0) {
          i += n;
          continue;
        }
      }
      if (tokens_[i].capitalized && owner_.gazetteer_ != nullptr) {
        const uint32_t n = PlaceAt(i);
        if (n > 0) {
          i += n;
          continue;
        }
      }
      ++i;
    }
  }

  // A place of the gazetteer at token i (a common-word name only after a locative
  // preposition): records it and returns its length in tokens, or 0. Of places that share
  // a name, the one in the article's state is taken, else the first (major ones first).
  uint32_t PlaceAt(uint32_t i) {
    const places::Gazetteer& g = *owner_.gazetteer_;
    const places::Gazetteer::Match m = g.LongestAt(tokens_, i, s_.last);
    if (m.length == 0) return 0;
    if (m.length == 1 && IsMonthOrDay(Norm(i))) return 0;  // "in August" is a time
    const bool locative = i > s_.first && IsLocativePreposition(Norm(i - 1));
    const places::Place* chosen = &g.place(m.places.front());
    if (chosen->common && !locative) return 0;
    // Outside "in", "near", ... only a city of some size or a region is a place: "One",
    // "Bola" and "Hamza" are small towns somewhere, and names too; a compass word never is.
    if (!locative && !chosen->major && !chosen->is_region) return 0;
    if (m.length == 1 && IsCompassWord(Norm(i))) return 0;
    if (m.places.size() > 1) {
      const std::string& home = Home();
      for (uint32_t id : m.places) {
        if (g.place(id).country == home) {
          chosen = &g.place(id);
          break;
        }
      }
    }
    sentence_places_.push_back(
        PlaceMention{i, i + m.length, std::string(chosen->name), std::string(chosen->country),
                     std::string(chosen->region), chosen->lat, chosen->lon, locative});
    return m.length;
  }

  static bool IsEquipment(std::string_view w) {
    return OneOf(w, {"warplanes", "fighter jets", "jets", "drones", "warships", "tanks",
                     "artillery", "units", "army units"});
  }

  static bool IsReportingVerb(std::string_view w) {
    return OneOf(
        w, {"said",      "says",      "say",      "announced", "announces", "stated",    "states",
            "declared",  "declares",  "insisted", "insists",   "warned",    "warns",     "added",
            "adds",      "argued",    "argues",   "claimed",   "claims",    "confirmed", "confirms",
            "indicated", "indicates", "promised", "promises",  "vowed",     "vows",      "pledged",
            "pledges",   "signalled", "signaled", "signals",   "noted",     "notes"});
  }

  static bool IsCompassWord(std::string_view w) {
    return OneOf(
        w, {"north",     "south",    "east",     "west",    "central",   "centre",    "center",
            "northern",  "southern", "eastern",  "western", "northeast", "northwest", "southeast",
            "southwest", "coast",    "littoral", "capital", "highlands", "lakes",     "islands"});
  }

  // The state the article is about (actors/home_state.h): an official release's publisher's,
  // else the one the article names most.
  const std::string& Home() {
    if (!d_.home) {
      d_.home = d_.publisher ? owner_.StateOf(*d_.publisher) : "";
      if (d_.home->empty()) d_.home = FindHomeState(dict_, owner_.gazetteer_, doc_, d_.date);
    }
    return *d_.home;
  }

  // The state agents named without one belong to: that of a place the sentence opens with
  // ("In La Paz, police fired tear gas ..."), else the article's.
  const std::string& LocalState() {
    if (!local_state_) {
      local_state_ = "";
      const std::string_view opener = Norm(s_.first);
      uint32_t at = s_.first + 1;
      if (Norm(at) == "the") ++at;
      bool comma = false;
      for (uint32_t i = at; i < s_.last && i < at + 6; ++i) comma = comma || Norm(i) == ",";
      if (OneOf(opener, {"in", "at", "near"}) && comma) {
        for (const PlaceMention& p : sentence_places_) {
          if (p.first == at) local_state_ = p.country;
        }
        if (local_state_->empty()) {
          const size_t a = AtomAt(at);
          const ActorRecord* r = a == std::string::npos ? nullptr : RecordOf(atoms_[a]);
          if (r != nullptr && r->kind == ActorKind::kState &&
              (atoms_[a].info->use == PhraseUse::kSeat || atoms_[a].info->use == PhraseUse::kName ||
               atoms_[a].info->use == PhraseUse::kPlace)) {
            local_state_ = r->id;
          }
        }
      }
      if (local_state_->empty()) local_state_ = Home();
    }
    return *local_state_;
  }

  // The state of a place right after an agent: "police in Kirkuk", "soldiers near Donetsk".
  std::string PlaceStateAfter(uint32_t pos) const {
    if (!IsLocativePreposition(Norm(pos)) && Norm(pos) != "of") return "";
    for (const PlaceMention& p : sentence_places_) {
      if (p.first == pos + 1 || (p.first == pos + 2 && Norm(pos + 1) == "the")) return p.country;
    }
    return "";
  }

  // A noun that an agent word before it only modifies: "military action", "state visit",
  // "police station", "government buildings".
  static bool IsCompoundHead(std::string_view w) {
    static const text::WordSet kHeads{
        "action", "actions", "operation", "operations", "aid", "assistance", "base", "bases",
        "exercise", "exercises", "drill", "drills", "equipment", "support", "cooperation", "ties",
        "spending", "budget", "station", "stations", "headquarters", "buildings", "building",
        "property", "hardware", "vehicle", "vehicles", "convoy", "aircraft", "presence", "power",
        "rule", "coup", "campaign", "intervention", "deployment", "personnel", "visit", "visits",
        "media", "policy", "policies", "reform", "reforms", "service", "services", "sources",
        "source", "plan", "plans", "affairs", "matters", "capabilities", "strength", "leadership",
        "control", "custody", "brutality", "violence", "crackdown", "raid", "raids", "response",
        "reports",
        // "civilian flights", "military targets", "military courts"
        "flights", "flight", "ships", "vessels", "targets", "target", "infrastructure",
        "facilities", "facility", "sites", "site", "installations", "areas", "area", "zones",
        "zone", "courts", "court", "tribunal", "tribunals", "casualties", "deaths", "areas",
        "posts", "positions", "supplies", "flotilla", "aviation", "craft", "camp", "camps",
        "hideout", "hideouts", "stronghold", "strongholds"};
    return kHeads.contains(w);
  }

  // An agent named without a state ("police", "the president"), as the agent of `state`.
  size_t GenericAgent(size_t k, const std::string& state) {
    const Atom& agent = atoms_[k];
    // Weapons belong to whoever uses them, which the article's state tells nothing of.
    if (IsEquipment(NormRange(agent.first, agent.last))) return k + 1;
    // "the Gulf states", "member states": many states, no one state's government.
    if (Norm(agent.last - 1) == "states") return k + 1;
    if (agent.last < s_.last && !tokens_[agent.last].capitalized &&
        IsCompoundHead(Norm(agent.last))) {
      return k + 1;
    }
    // "world leaders", "foreign diplomats", "Western officials", "international monitors"
    // are of many states, none of them the article's.
    if (agent.first > s_.first &&
        OneOf(Norm(agent.first - 1),
              {"world", "foreign", "international", "western", "global", "regional", "african",
               "european", "arab", "asian", "latin", "member", "allied", "partner"})) {
      return k + 1;
    }
    // "the Military Times", "Army Times", "the Police Gazette": a publication.
    if (agent.last < s_.last && tokens_[agent.last].capitalized &&
        OneOf(Norm(agent.last), {"times", "post", "news", "journal", "herald", "tribune", "gazette",
                                 "daily", "review", "magazine"})) {
      return k + 1;
    }
    // "a state of emergency", "the army of occupation": the agent word heads another noun.
    // (Not before a gerund: "accused security forces of firing".)
    if (Norm(agent.last) == "of" && agent.last + 1 < s_.last &&
        !tokens_[agent.last + 1].capitalized && Norm(agent.last + 1) != "the" &&
        !Norm(agent.last + 1).ends_with("ing")) {
      return k + 1;
    }
    std::optional<ResolvedActor> actor = owner_.StateActor(state, agent.info->role_code);
    if (!actor) return k + 1;
    // An office keeps its title in the name, so that "the president" and "the prime
    // minister" of one state are two actors.
    if (agent.info->use == PhraseUse::kTitle) {
      actor->name += " " + NormRange(agent.first, agent.last);
      // "officials", "ministers" are no one "he" or "his" can stand for.
      actor->person = !IsPluralHead(Norm(agent.last - 1));
    }
    Emit(agent.first, agent.last, std::move(*actor));
    mentions_.back().role = agent.info->role_code;
    mentions_.back().generic = true;
    mentions_.back().office = agent.info->use == PhraseUse::kTitle;
    return k + 1;
  }
  // Does an atom naming a state or organization end right before token i ("German |Foreign
  // Office", "Russia's |Foreign Ministry")?
  bool FollowsNationality(uint32_t i) const {
    if (atoms_.empty()) return false;
    const Atom& prev = atoms_.back();
    const uint32_t gap = i > s_.first && (Norm(i - 1) == "'s" || Norm(i - 1) == "-") ? i - 1 : i;
    return prev.last == gap && IsNationality(prev);
  }

  // A name learned earlier in the article, longest first ("Faramir Hurin", "Hurin"): adds its
  // atom and returns its length in tokens, or 0.
  uint32_t LocalNameAt(uint32_t i) {
    const uint32_t longest = std::min<uint32_t>(kMaxNameTokens, d_.local_name_tokens);
    for (uint32_t n = std::min<uint32_t>(longest, s_.last - i); n > 0; --n) {
      const auto it =
          n == 1 ? d_.local_names.find(tokens_[i].norm) : d_.local_names.find(NormRange(i, i + n));
      if (it != d_.local_names.end()) {
        atoms_.push_back(Atom{i, i + n, nullptr, true, it->second});
        return n;
      }
    }
    return 0;
  }

  // Index of the atom starting exactly at token `pos`, or npos.
  size_t AtomAt(uint32_t pos) const {
    for (size_t k = 0; k < atoms_.size(); ++k) {
      if (atoms_[k].first == pos) return k;
      if (atoms_[k].first > pos) break;
    }
    return std::string::npos;
  }

  static bool IsAgent(const Atom& a) {
    return a.info != nullptr &&
           (a.info->use == PhraseUse::kTitle || a.info->use == PhraseUse::kBody);
  }
  const ActorRecord* RecordOf(const Atom& a) const {
    if (a.info == nullptr) return nullptr;
    switch (a.info->use) {
      case PhraseUse::kName:
      case PhraseUse::kAdjective:
      case PhraseUse::kSeat:
      case PhraseUse::kPlace:
      case PhraseUse::kAgency:
        return &dict_.records()[a.info->record];
      default:
        return nullptr;
    }
  }
  // A TABARI entry with dated codes is a person; one with a single code a state or group.
  static bool IsPersonRecord(const ActorRecord& r) {
    return r.kind == ActorKind::kPerson || (r.kind == ActorKind::kCoded && !r.roles.empty());
  }
  bool IsNationality(const Atom& a) const {
    const ActorRecord* r = RecordOf(a);
    return r != nullptr && !IsPersonRecord(*r) && a.info->use != PhraseUse::kPlace;
  }
  bool IsPersonName(const Atom& a) const {
    const ActorRecord* r = RecordOf(a);
    return a.local || (r != nullptr && IsPersonRecord(*r));
  }

  // The actor a state or organization phrase stands for, with an optional role.
  ResolvedActor EntityActor(const Atom& a, std::string_view role) const {
    if (role.empty() && a.info->use == PhraseUse::kSeat) role = "GOV";
    if (role.empty() && a.info->use == PhraseUse::kAgency) role = a.info->role_code;
    return RecordActor(*RecordOf(a), role);
  }

  // A state, organization or TABARI entry with a role: RUS + MIL is RUSMIL; an organization
  // keeps its own code; a TABARI code gets the role appended to each of its parts.
  ResolvedActor RecordActor(const ActorRecord& r, std::string_view role) const {
    ResolvedActor out{r.id, r.code, r.name, false};
    if (r.kind == ActorKind::kCoded) {  // TABARI: the code names the entity, agents append
      out.entity = dict_.EntityOfCode(r.code);
      out.code.clear();
      for (std::string_view part : core::Split(r.code, '/')) {  // "FRO/BIL/SAM": three actors
        if (!out.code.empty()) out.code.push_back('/');
        out.code.append(WithAgent(part, role));
      }
      return out;
    }
    if (r.kind != ActorKind::kState) return out;
    out.code += role;
    return out;
  }

  // A TABARI code with an agent: "~GOV" agents follow the code (USA + GOV), "NGO~" ones come
  // first (NGO + ARN); an agent the code already ends with is not repeated (USAGOV + GOV).
  static std::string WithAgent(std::string_view code, std::string_view role) {
    if (role.ends_with('~')) {
      return std::string(role.substr(0, role.size() - 1)) + std::string(code);
    }
    if (role.empty() || code.ends_with(role)) return std::string(code);
    return std::string(code) + std::string(role);
  }

  std::optional<ResolvedActor> PersonActor(const Atom& a) const {
    if (a.local) return a.local_actor;
    return owner_.ResolvePerson(*RecordOf(a), d_.date);
  }

  // A run of capitalized words that can be a personal name, starting at `pos`: its end.
  uint32_t NameRun(uint32_t pos) const {
    uint32_t end = pos;
    size_t words = 0;
    while (end < s_.last && words < kMaxNameTokens) {
      const text::Token& t = tokens_[end];
      if (t.kind == text::TokenKind::kWord && t.capitalized && !IsNameStop(t.norm) &&
          (AtomAt(end) == std::string::npos || atoms_[AtomAt(end)].local)) {
        ++end;
        ++words;
        continue;
      }
      if (words == 0) break;
      const bool joiner =
          (std::string_view(t.norm) == "-" && !t.space_before) || IsNameParticle(t.norm);
      if (joiner && end + 1 < s_.last && tokens_[end + 1].capitalized) {
        ++end;
        continue;
      }
      break;
    }
    return end;
  }

  std::string NormRange(uint32_t first, uint32_t last) const {
    std::string out;
    for (uint32_t i = first; i < last; ++i) {
      if (i > first && tokens_[i].space_before) out.push_back(' ');
      out += tokens_[i].norm;
    }
    return out;
  }

  // Adds a person named only through a title: "President of Finland Sauli Niinistö".
  ResolvedActor TitledStranger(ResolvedActor base, uint32_t first, uint32_t last) {
    base.name = std::string(doc_.Slice(tokens_[first].begin, tokens_[last - 1].end));
    base.person = true;
    d_.local_names[NormRange(first, last)] = base;
    d_.local_name_tokens = std::max(d_.local_name_tokens, last - first);
    d_.local_names[tokens_[last - 1].norm] = base;
    // "Ricardo Rosselló Nevares" is "Rosselló" later: a name of three words is also known by
    // its second (a Spanish or Portuguese first surname), unless that is an initial.
    if (last - first == 3) {
      const text::Token& middle = tokens_[first + 1];
      if (middle.capitalized && !middle.abbreviation && middle.norm.size() > 2 &&
          middle.kind == text::TokenKind::kWord) {
        d_.local_names.emplace(middle.norm, base);
      }
    }
    return base;
  }

  void Emit(uint32_t first, uint32_t last, ResolvedActor actor, int64_t record = -1,
            bool modifier = false) {
    Mention m;
    m.first = first;
    m.last = last;
    m.actors.push_back(std::move(actor));
    m.record = record;
    m.modifier = modifier;
    mentions_.push_back(std::move(m));
  }

  // After a title: a known person, a learned name or a new name. Returns the end token.
  uint32_t PersonAfterTitle(uint32_t pos, std::optional<ResolvedActor>* person,
                            uint32_t* name_first, uint32_t* name_last) {
    const size_t k = AtomAt(pos);
    if (k != std::string::npos && IsPersonName(atoms_[k])) {
      *person = PersonActor(atoms_[k]);
      return atoms_[k].last;
    }
    // A TABARI entry with one code after a title is a name: "Bree Prime Minister Romendacil".
    if (k != std::string::npos && RecordOf(atoms_[k]) != nullptr &&
        RecordOf(atoms_[k])->kind == ActorKind::kCoded) {
      *name_first = pos;
      *name_last = atoms_[k].last;
      return atoms_[k].last;
    }
    const uint32_t end = NameRun(pos);
    *name_first = pos;
    *name_last = end;
    return end;
  }

  size_t Compose(size_t k) {
    const Atom& a = atoms_[k];
    if (a.local) {
      Emit(a.first, a.last, a.local_actor);
      return k + 1;
    }
    switch (a.info->use) {
      case PhraseUse::kTitle:
      case PhraseUse::kBody:
        return FromAgent(k);
      case PhraseUse::kAnaphor:
        if (a.info->anaphor == AnaphorKind::kEntity) return EntityAnaphor(k);
        Anaphor(a);
        return k + 1;
      case PhraseUse::kDesc:
        Desc(a);
        return k + 1;
      case PhraseUse::kNotActor:
        return k + 1;
      case PhraseUse::kPlace:
        Emit(a.first, a.last, EntityActor(a, ""), a.info->record);
        mentions_.back().place = true;
        return k + 1;
      case PhraseUse::kAgency:
        if (const size_t next = SharedInstitution(k); next != 0) return next;
        break;
      default:
        break;
    }
    if (IsPersonName(a)) {
      if (std::optional<ResolvedActor> p = PersonActor(a)) {
        // "Carrie Lam ... Lam also agreed": a known person named in full is known by the
        // last word of that name for the rest of the article (the dictionaries' own names
        // still come first).
        const text::Token& last = tokens_[a.last - 1];
        if (!a.local && a.last - a.first >= 2 && last.capitalized && last.norm.size() > 2 &&
            last.kind == text::TokenKind::kWord) {
          d_.local_names.emplace(last.norm, *p);
          d_.local_name_tokens = std::max<uint32_t>(d_.local_name_tokens, 1);
        }
        Emit(a.first, a.last, *p, a.info->record);
      }
      return k + 1;
    }
    return FromNationality(k);
  }

  // "Congress", "the Senate", "the Supreme Court": a name many states give an institution is
  // one state's in the dictionary, but the article's state's where it is another ("the Senate"
  // in an article about the Philippines). Returns the next atom, or 0 when it stays the
  // dictionary's.
  size_t SharedInstitution(size_t k) {
    static const text::WordSet kShared{"congress",
                                       "the congress",
                                       "senate",
                                       "the senate",
                                       "house of representatives",
                                       "the house of representatives",
                                       "parliament",
                                       "the parliament",
                                       "supreme court",
                                       "the supreme court",
                                       "national assembly",
                                       "the national assembly",
                                       "constitutional court",
                                       "the constitutional court",
                                       "the cabinet",
                                       "national intelligence service",
                                       "the national intelligence service",
                                       "national security council",
                                       "the national security council",
                                       "national guard",
                                       "the national guard",
                                       "the constitutional council",
                                       "constitutional council"};
    const Atom& a = atoms_[k];
    if (!kShared.contains(NormRange(a.first, a.last))) return 0;
    const ActorRecord* r = RecordOf(a);
    const std::string& home = Home();
    if (r == nullptr || home.empty() || r->kind != ActorKind::kState || r->id == home) return 0;
    // A state named just before keeps it ("the U.S. Congress" is two atoms, and the first
    // composes with the second).
    std::optional<ResolvedActor> actor = owner_.StateActor(home, a.info->role_code);
    if (!actor) return 0;
    Emit(a.first, a.last, std::move(*actor));
    mentions_.back().role = a.info->role_code;
    mentions_.back().generic = true;
    return k + 1;
  }

  // "Russia's President Vladimir Putin", "Russian forces", "NATO", "Russian" (a modifier).
  size_t FromNationality(size_t k) {
    const Atom& nat = atoms_[k];
    if (RecordOf(nat)->code.empty()) return k + 1;  // a TABARI entry with the null code
    // "pro-Russian separatists", "anti-government protesters": whom they are for or against
    // is not who they are.
    if (nat.first >= s_.first + 2 && Norm(nat.first - 1) == "-" &&
        OneOf(Norm(nat.first - 2), {"pro", "anti"}) && k + 1 < atoms_.size() &&
        atoms_[k + 1].first <= nat.last + 2 && IsAgent(atoms_[k + 1])) {
      return k + 1;  // ("an anti-Gondor parade" is against Gondor, though)
    }
    // "Turkish-backed rebels", "Iran-backed Houthi fighters": the backer is not the group,
    // which is what follows (a named group, or an agent of the place or article). "the
    // Saudi-led coalition", "US-led forces": the leader acts through them.
    if (Norm(nat.last) == "-" && nat.last + 1 < s_.last) {
      const std::string_view link = Norm(nat.last + 1);
      if (link == "led" && OneOf(Norm(nat.last + 2), {"coalition", "alliance", "forces", "force",
                                                      "mission", "troops", "operation"})) {
        const uint32_t end = nat.last + 3;
        Emit(nat.first, end, EntityActor(nat, "MIL"), nat.info->record);
        mentions_.back().role = "MIL";
        return AtomIndexAfter(end);
      }
      if (OneOf(link, {"backed", "supported", "sponsored", "allied", "aligned", "funded", "armed",
                       "trained", "led", "installed", "friendly"})) {
        return k + 1;
      }
    }
    uint32_t pos = nat.last;
    const bool possessive = Norm(pos) == "'s" || Norm(pos) == "'";
    if (possessive || Norm(pos) == "-") ++pos;
    // "Russia's new chief negotiator", "Ithilen's awful and evil minister", "Russian special
    // forces": up to three modifiers (fillers, lowercase words, "and") between a possessive
    // or an adjective and its agent; after a bare name only fillers ("Russia's acting
    // President", but "Russia sent tanks" is no agent of Russia's called "sent tanks").
    // (An acronym serves as an adjective: "the U.S. trade delegation", "EU foreign ministers".)
    const text::Token& name_end = tokens_[nat.last - 1];
    const std::string_view written = doc_.Slice(name_end.begin, name_end.end);
    const bool acronym =
        nat.last - nat.first <= 2 &&
        (name_end.abbreviation || std::all_of(written.begin(), written.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || c == '.';
         }));
    const bool open = possessive || nat.info->use == PhraseUse::kAdjective || acronym;
    for (int fill = 0; fill < 3 && pos < s_.last && AtomAt(pos) == std::string::npos; ++fill) {
      const text::Token& t = tokens_[pos];
      // After an adjective also another adjective the dictionaries lack: "Iraqi Kurdish
      // fighters".
      const bool other_adjective = open && fill == 0 && t.capitalized &&
                                   t.kind == text::TokenKind::kWord && !IsNameStop(t.norm) &&
                                   nat.info->use == PhraseUse::kAdjective;
      // A verb after a noun ends the phrase: "Russian shelling killed three civilians" is no
      // agent "Russian ... civilians"; nor does a number modify an agent ("three civilians").
      const std::string_view before = Norm(pos - 1);
      if (t.kind == text::TokenKind::kNumber ||
          (fill > 0 && std::string_view(t.norm).ends_with("ed") &&
           (before.ends_with("ing") || (before.ends_with('s') && !before.ends_with("ss"))))) {
        break;
      }
      // Nor does a past verb after the name: "the US carried out joint military drills", "the
      // EU held talks" ("U.S. armed forces" keeps its adjective).
      if (!possessive && IsPastVerb(t.norm, pos + 1 < s_.last ? Norm(pos + 1) : "")) break;
      const bool modifier =
          IsTitleFiller(t.norm) || (open && fill > 0 && std::string_view(t.norm) == "and") ||
          (open && t.kind == text::TokenKind::kWord && !t.capitalized && !IsNameStop(t.norm)) ||
          other_adjective;
      if (!modifier) break;
      ++pos;
    }
    const size_t ak = AtomAt(pos);
    // "the Libyan House of Representatives", "Argentina's National Congress": another state's
    // institution named after a state is that state's institution of the kind.
    if (ak != std::string::npos && ak != k && atoms_[ak].info != nullptr &&
        atoms_[ak].info->use == PhraseUse::kAgency && RecordOf(nat)->kind == ActorKind::kState &&
        RecordOf(atoms_[ak]) != RecordOf(nat) && RecordOf(atoms_[ak])->kind == ActorKind::kState) {
      const std::string& role = atoms_[ak].info->role_code;
      Emit(nat.first, atoms_[ak].last, EntityActor(nat, role), nat.info->record);
      mentions_.back().role = role;
      return ak + 1;
    }
    if (ak == std::string::npos || !IsAgent(atoms_[ak])) {
      const bool adjective = nat.info->use == PhraseUse::kAdjective;
      // "Thousands of Armenians protested": a people's plural name is its civilians, not a
      // modifier.
      const std::string_view word = Norm(nat.last - 1);
      const bool people = adjective && RecordOf(nat)->kind == ActorKind::kState &&
                          word.size() > 3 && word.ends_with('s') && !word.ends_with("ss") &&
                          !possessive;
      if (people) {
        Emit(nat.first, nat.last, EntityActor(nat, "CVL"), nat.info->record);
        mentions_.back().role = "CVL";
        return k + 1;
      }
      Emit(nat.first, nat.last, EntityActor(nat, ""), nat.info->record, adjective);
      mentions_.back().place = nat.info->use == PhraseUse::kSeat;
      return k + 1;
    }
    size_t next = ak;
    const Atom& agent = atoms_[ak];
    bool titled = agent.info->use == PhraseUse::kTitle;
    pos = agent.last;
    while (++next < atoms_.size() && atoms_[next].first == pos && IsAgent(atoms_[next])) {
      titled = titled || atoms_[next].info->use == PhraseUse::kTitle;
      pos = atoms_[next].last;
    }
    ResolvedActor base = EntityActor(nat, agent.info->role_code);
    const size_t next_atom = FinishTitled(nat.first, pos, titled, base, nat.info->record);
    mentions_.back().role = agent.info->role_code;
    return next_atom;
  }

  // "President of Finland Sauli Niinistö", "Head of the Office of the President of Ukraine".
  size_t FromAgent(size_t k) {
    const Atom& agent = atoms_[k];
    const bool titled = agent.info->use == PhraseUse::kTitle;
    uint32_t pos = agent.last;
    const Atom* nat = TitleNationality(pos);
    // "the delegation in Vienna" is no Austrian delegation.
    if (nat != nullptr && IsPostedAbroad(Norm(agent.last - 1)) &&
        OneOf(Norm(nat->first - 1), {"in", "the"}) &&
        (Norm(nat->first - 1) == "in" || Norm(nat->first - 2) == "in")) {
      nat = nullptr;
    }
    if (nat != nullptr) {
      pos = nat->last;
      // "police in Cairo": the agent's state, and where the event is.
      const uint32_t before =
          nat->first > s_.first && Norm(nat->first - 1) == "the" ? nat->first - 1 : nat->first;
      if (before > s_.first && IsPlacePreposition(Norm(before - 1)) &&
          nat->info->use != PhraseUse::kName) {
        NoteStatePlace(nat->first, nat->last, nat->info->record);
      }
      if (Norm(pos) == "(" && Norm(pos + 2) == ")") pos += 3;  // "(ASEAN)"
    } else {
      // "Head of the Office of the President": a chain of agents without a state.
      while (Norm(pos) == "of" || Norm(pos) == "for") {
        const size_t next = AtomAt(Norm(pos + 1) == "the" ? pos + 2 : pos + 1);
        if (next == std::string::npos || !IsAgent(atoms_[next])) break;
        pos = atoms_[next].last;
      }
    }
    if (nat != nullptr) {
      const ResolvedActor base = EntityActor(*nat, agent.info->role_code);
      const size_t next =
          AtomIndexAfter(FinishTitledEnd(agent.first, pos, titled, base, nat->info->record));
      mentions_.back().role = agent.info->role_code;
      return next;
    }
    // "the Danish media and government": a bare agent coordinated after an agent of a state
    // belongs to the same state.
    if (!mentions_.empty() && !mentions_.back().role.empty() && mentions_.back().record >= 0 &&
        text::IsCoordination(tokens_, mentions_.back().last, agent.first)) {
      const ActorRecord& r = dict_.records()[static_cast<size_t>(mentions_.back().record)];
      if (r.kind != ActorKind::kPerson) {
        Emit(agent.first, agent.last, RecordActor(r, agent.info->role_code),
             mentions_.back().record);
        mentions_.back().role = agent.info->role_code;
        return k + 1;
      }
    }
    // "police in Kirkuk" are Iraq's; but an embassy, a delegation or an envoy in a capital is
    // usually another state's ("the delegation in Vienna", "the ambassador in Moscow").
    const bool abroad = IsPostedAbroad(Norm(agent.last - 1)) && Norm(pos) != "of";
    if (const std::string state = abroad ? "" : PlaceStateAfter(pos); !state.empty()) {
      return GenericAgent(k, state);
    }
    if (!titled) return LocalState().empty() ? k + 1 : GenericAgent(k, LocalState());
    // "The President thanked ...": in an official release, the publisher's own title.
    if (d_.publisher && pos == agent.last && agent.first > s_.first &&
        Norm(agent.first - 1) == "the" &&
        NormRange(agent.first, agent.last) == d_.publisher_title &&
        !(pos < s_.last && tokens_[pos].capitalized &&
          tokens_[pos].kind == text::TokenKind::kWord)) {
      Emit(agent.first, agent.last, *d_.publisher);
      return k + 1;
    }
    std::optional<ResolvedActor> person;
    uint32_t name_first = 0;
    uint32_t name_last = 0;
    const uint32_t end = PersonAfterTitle(pos, &person, &name_first, &name_last);
    if (!person && name_last > name_first && (Norm(end) == "of" || Norm(end) == "for")) {
      const uint32_t p = Norm(end + 1) == "the" ? end + 2 : end + 1;
      const size_t nk = AtomAt(p);
      if (nk != std::string::npos && IsNationality(atoms_[nk])) {
        const ResolvedActor base = EntityActor(atoms_[nk], agent.info->role_code);
        Emit(agent.first, atoms_[nk].last, TitledStranger(base, name_first, name_last),
             atoms_[nk].info->record);
        return nk + 1;
      }
    }
    const size_t named = name_last > name_first ? AtomAt(name_first) : std::string::npos;
    if (person) {
      Emit(agent.first, end, *person);
    } else if (named != std::string::npos && RecordOf(atoms_[named]) != nullptr) {
      // "President Romendacil" with Romendacil coded BRE: the title gives the role.
      Emit(agent.first, end, EntityActor(atoms_[named], agent.info->role_code));
    } else if (name_last > name_first) {
      const auto it = d_.local_names.find(tokens_[name_last - 1].norm);
      if (it != d_.local_names.end()) {
        Emit(agent.first, end, it->second);
      } else if (std::optional<ResolvedActor> base =
                     Home().empty() ? std::nullopt
                                    : owner_.StateActor(Home(), agent.info->role_code)) {
        // "Judge Amy Berman Jackson", in an article about the United States.
        Emit(agent.first, end, TitledStranger(*base, name_first, name_last));
        mentions_.back().generic = true;
      }
    } else if (!LocalState().empty()) {
      GenericAgent(k, LocalState());  // "the president", in an article about one state
    }
    return AtomIndexAfter(std::max(end, agent.last));
  }

  // The state or organization a title belongs to, looking past its portfolio: "of Finland",
  // "Adviser to the Chancellor of Austria", "Secretary of State for Defence of the United
  // Kingdom", "Minister for European Union Affairs of ... the Republic of Poland", "soldiers
  // from Gondor", "lawmakers in Fornost". Only capitalized words, dictionary phrases, "of",
  // "for", "from", "in", "to", "the", "and" and commas may lie between; "to" never introduces
  // the state ("Ambassador of Sweden to Ukraine").
  static bool IsPostedAbroad(std::string_view w) {
    static const text::WordSet kAbroad{"delegation", "delegations", "embassy", "embassies",
                                       "ambassador", "ambassadors", "envoy",   "envoys",
                                       "consulate",  "consul",      "mission", "negotiators"};
    return kAbroad.contains(w);
  }

  const Atom* TitleNationality(uint32_t pos) const {
    constexpr uint32_t kWindow = 14;
    const uint32_t stop = std::min(s_.last, pos + kWindow);
    std::string_view prep;
    while (pos < stop) {
      const std::string_view w = Norm(pos);
      if (w == "of" || w == "for" || w == "to" || w == "from" || w == "in") {
        prep = w;
        ++pos;
        continue;
      }
      if (w == "the" || w == "and" || w == "," || w == "-") {
        ++pos;
        continue;
      }
      const size_t k = AtomAt(pos);
      if (k != std::string::npos) {
        const Atom& a = atoms_[k];
        const bool portfolio = a.last < s_.last && tokens_[a.last].capitalized &&
                               IsPortfolioWord(Norm(a.last));  // "European Union Affairs"
        const bool belongs = prep == "of" || prep == "for" || prep == "from" || prep == "in";
        if (belongs && IsNationality(a) && !portfolio) return &a;
        if (!IsAgent(a) && !IsNationality(a)) return nullptr;
        pos = a.last;
        prep = {};
        continue;
      }
      if (!tokens_[pos].capitalized || tokens_[pos].kind != text::TokenKind::kWord) return nullptr;
      ++pos;
      prep = {};
    }
    return nullptr;
  }

  static bool IsPortfolioWord(std::string_view w) {
    return OneOf(w,
                 {"affairs", "policy",      "integration", "cooperation",   "relations",  "matters",
                  "issues",  "development", "defence",     "defense",       "security",   "trade",
                  "economy", "energy",      "finance",     "justice",       "interior",   "health",
                  "culture", "education",   "agriculture", "reintegration", "communities"});
  }

  uint32_t FinishTitledEnd(uint32_t first, uint32_t pos, bool titled, const ResolvedActor& base,
                           int64_t record) {
    std::optional<ResolvedActor> person;
    uint32_t name_first = 0;
    uint32_t name_last = 0;
    uint32_t end = pos;
    if (titled) end = PersonAfterTitle(pos, &person, &name_first, &name_last);
    if (person) {
      Emit(first, end, *person, record);
    } else if (name_last > name_first) {
      Emit(first, end, TitledStranger(base, name_first, name_last), record);
    } else if (titled) {
      Emit(first, pos, TitledOffice(base, first, pos), record);
      mentions_.back().office = true;
      end = pos;
    } else {
      Emit(first, pos, base, record);
      end = pos;
    }
    return end;
  }

  // An office named without its holder ("the Ukrainian president", "Russia's foreign
  // minister") keeps its title in the name, as a generic one does, so that the president and
  // the prime minister of one state are two actors; a plural title is no person.
  ResolvedActor TitledOffice(ResolvedActor base, uint32_t first, uint32_t pos) const {
    std::string title;
    uint32_t head = 0;  // the title's last word
    for (const Atom& a : atoms_) {
      // (A TABARI file's agents are titles alike: "Mordor orcmen" stays Mordor.)
      if (a.first < first || a.last > pos || a.info == nullptr ||
          a.info->use != PhraseUse::kTitle || a.info->tabari) {
        continue;
      }
      if (!title.empty()) title.push_back(' ');
      title += NormRange(a.first, a.last);
      head = a.last - 1;
    }
    if (title.empty()) return base;
    base.name += " " + title;
    base.person = !IsPluralHead(Norm(head));
    return base;
  }

  static bool IsPluralHead(std::string_view head) {
    return (head.size() > 3 && head.ends_with('s') && !head.ends_with("ss") &&
            !head.ends_with("us")) ||
           (head.size() > 4 && (head.ends_with("men") || head.ends_with("people"))) ||
           OneOf(head, {"people", "public", "staff", "police", "personnel", "crowd", "leadership",
                        "clergy", "youth"});
  }

  size_t FinishTitled(uint32_t first, uint32_t pos, bool titled, const ResolvedActor& base,
                      int64_t record) {
    return AtomIndexAfter(FinishTitledEnd(first, pos, titled, base, record));
  }

  size_t AtomIndexAfter(uint32_t token) const {
    size_t k = 0;
    while (k < atoms_.size() && atoms_[k].first < token) ++k;
    return k;
  }

  void Anaphor(const Atom& a) {
    Mention m;
    m.first = a.first;
    m.last = a.last;
    const std::string_view w = Norm(a.first);
    switch (a.info->anaphor) {
      case AnaphorKind::kPerson: {
        m.type = MentionType::kPronoun;
        m.possessive = w == "his" || w == "her";
        // "he" is the sentence's first person, its subject; "his" the person named last
        // ("Putin congratulated Trump on his victory").
        const ResolvedActor* p = nullptr;
        for (const Mention& prev : mentions_) {
          if (prev.actors.size() == 1 && prev.actors[0].person && !prev.possessive &&
              prev.type == MentionType::kNamed) {
            p = &prev.actors[0];
            if (!m.possessive) break;
          }
        }
        if (p == nullptr && d_.person) p = &*d_.person;
        if (p == nullptr) return;
        m.actors.push_back(*p);
        break;
      }
      case AnaphorKind::kGroup:
        m.type = MentionType::kGroup;
        m.possessive = w == "their";
        m.actors = sentence_group_.empty() ? d_.group : sentence_group_;
        if (m.actors.size() < 2) {
          // "thousands of protesters gathered ... as they chanted slogans", "the gunmen killed
          // 59 people when they stormed the mall": with no group of several, "they" is the
          // body the sentence names first, its subject.
          const Mention* body = nullptr;
          for (const Mention& prev : mentions_) {
            if (prev.actors.size() == 1 && !prev.actors[0].person && !prev.role.empty() &&
                !prev.possessive && !prev.locative && prev.type == MentionType::kNamed) {
              body = &prev;
              break;
            }
          }
          if (body == nullptr || w != "they") return;
          m.type = MentionType::kPronoun;
          m.actors = body->actors;
        }
        break;
      case AnaphorKind::kSpeaker:
        m.type = MentionType::kSpeaker;
        m.possessive = w == "our" || w == "my";
        if (const ResolvedActor* label = SpeakerLabel()) {
          m.actors.push_back(*label);
        } else if (d_.speaker) {
          m.actors.push_back(*d_.speaker);
        } else if (d_.publisher) {
          m.actors.push_back(*d_.publisher);
        } else {
          return;
        }
        break;
      case AnaphorKind::kEntity:  // handled by EntityAnaphor
        return;
    }
    mentions_.push_back(std::move(m));
  }

  // "Ethiopia indicated it would act", "Russia said its troops ...": the state or organization
  // last named in the same sentence (never one from an earlier sentence: "It was agreed" is
  // no anaphor), with an agent that follows.
  size_t EntityAnaphor(size_t k) {
    const Atom& a = atoms_[k];
    const Mention* antecedent = nullptr;
    const auto eligible = [](const Mention& m) {
      return m.record >= 0 && m.actors.size() == 1 && !m.actors[0].person && !m.locative;
    };
    for (const Mention& m : mentions_) {
      if (eligible(m)) antecedent = &m;
    }
    // "The United States condemned China's actions and reaffirmed its commitment": a
    // possessor or adjective inside an object is no antecedent over the clause's subject.
    const auto possessor = [&](const Mention& m) {
      return m.possessive || m.modifier || Norm(m.last) == "'s" || Norm(m.last) == "'";
    };
    if (antecedent != nullptr && possessor(*antecedent)) {
      for (const Mention& m : mentions_) {
        if (m.first >= a.first) break;
        const bool opens =
            m.first == s_.first || (m.first == s_.first + 1 && Norm(s_.first) == "the");
        if (opens && eligible(m) && !possessor(m)) {
          antecedent = &m;
          break;
        }
      }
    }
    // "Estonia, which holds the EU presidency, said it would ...": after a verb of saying,
    // "it" is the subject of the governing clause, the sentence's first actor, not the
    // nearest one.
    const uint32_t before =
        a.first > s_.first && Norm(a.first - 1) == "that" ? a.first - 1 : a.first;
    if (before > s_.first && IsReportingVerb(Norm(before - 1))) {
      // In a clause of its own the subject is that clause's: "received a message that the
      // Russian Federation confirms its readiness".
      uint32_t clause = s_.first;
      for (uint32_t i = before - 1; i > s_.first; --i) {
        if (OneOf(Norm(i - 1), {"that", "whether", ";"})) {
          clause = i;
          break;
        }
      }
      for (const Mention& m : mentions_) {
        if (m.first >= clause && eligible(m) && !m.possessive && !m.modifier) {
          antecedent = &m;
          break;
        }
      }
    }
    // "Kenya summoned the envoy. It also recalled ...": a sentence's opening "It" or "Its"
    // before a verb is the state or organization the last sentence opened with ("It is
    // unclear", "It was agreed" are no anaphors).
    int64_t record = antecedent != nullptr ? antecedent->record : -1;
    ResolvedActor actor = antecedent != nullptr ? antecedent->actors[0] : ResolvedActor{};
    if (antecedent == nullptr) {
      const bool opens =
          a.first == s_.first || (a.first == s_.first + 1 && OneOf(Norm(s_.first), {"and", "but"}));
      const std::string_view next = Norm(a.last);
      const bool expletive =
          OneOf(next, {"is",    "was",   "'s",     "would",   "will",     "could",   "may",
                       "might", "seems", "seemed", "appears", "appeared", "remains", "remained",
                       "has",   "had",   "took",   "takes",   "comes",    "came"});
      if (!opens || expletive || !d_.entity) return k + 1;
      record = d_.entity->first;
      actor = d_.entity->second;
    }
    const ActorRecord& r = dict_.records()[static_cast<size_t>(record)];
    if (r.kind == ActorKind::kPerson) return k + 1;
    if (k + 1 < atoms_.size() && atoms_[k + 1].first == a.last && IsAgent(atoms_[k + 1])) {
      const Atom& agent = atoms_[k + 1];
      Emit(a.first, agent.last, RecordActor(r, agent.info->role_code), record);
      mentions_.back().role = agent.info->role_code;
      return k + 2;
    }
    Mention m;
    m.first = a.first;
    m.last = a.last;
    m.type = MentionType::kPronoun;
    m.possessive = Norm(a.first) == "its";
    m.record = record;
    m.actors.push_back(std::move(actor));
    mentions_.push_back(std::move(m));
    return k + 1;
  }

  // "the alliance" after NATO was named: the most recent record described so.
  void Desc(const Atom& a) {
    uint32_t the = a.first;
    for (uint32_t back = a.first; back > s_.first && a.first - back < 4; --back) {
      if (Norm(back - 1) == "the") {
        the = back - 1;
        break;
      }
    }
    if (the == a.first) return;
    const PhraseMatcher::Match m = dict_.matcher().LongestAt(tokens_, a.first, a.last);
    const std::pair<uint64_t, ResolvedActor>* best = nullptr;
    const std::pair<uint64_t, ResolvedActor>* home = nullptr;
    const std::string& home_state = Home();
    for (uint32_t id : m.payloads) {
      const PhraseInfo& info = dict_.phrase(id);
      if (info.use != PhraseUse::kDesc) continue;
      const auto it = d_.recent.find(info.record);
      if (it == d_.recent.end()) continue;
      if (best == nullptr || it->second.first > best->first) best = &it->second;
      if (!home_state.empty() && it->second.second.entity == home_state) home = &it->second;
    }
    if (best == nullptr) return;
    // "Bozize fled to Cameroon. The African Union suspended the country.": a state described
    // in a later sentence is the article's own, when it was named.
    if (home != nullptr && home != best && best->first < d_.sentence_clock) {
      if (std::optional<ResolvedActor> state = owner_.StateActor(home_state, "")) {
        Emit(the, a.last, std::move(*state));
        return;
      }
    }
    Emit(the, a.last, best->second);
  }

  // "the paramilitary Rapid Support Forces", "the militant group al-Shabaab": an agent word
  // right before the name of a group describes it; the name is the actor.
  void DescribedNames() {
    for (size_t k = 0; k + 1 < mentions_.size(); ++k) {
      Mention& m = mentions_[k];
      Mention& next = mentions_[k + 1];
      // (An agent word alone, no name in it: "the paramilitary", "militant group".)
      bool lowercase = !m.role.empty();
      for (uint32_t t = m.first; t < m.last && lowercase; ++t) {
        lowercase = !tokens_[t].capitalized || (t == m.first && Norm(t) == "the");
      }
      const bool agent_only = m.generic || lowercase;
      if (!agent_only || m.possessive || next.first != m.last || next.type != MentionType::kNamed ||
          next.generic || next.place || next.actors.empty()) {
        continue;
      }
      const ResolvedActor& a = next.actors.front();
      if (a.code.size() <= 3 || a.code == a.entity) continue;  // a state names no group
      next.first = m.first;
      mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }

  void Finish() {
    DescribedNames();
    for (Mention& m : mentions_) {
      SplitJointCodes(&m);
      // "the Acting Federal Chancellor ...": fillers and the article belong to the mention.
      while (m.type == MentionType::kNamed && m.first > s_.first &&
             IsTitleFiller(Norm(m.first - 1)) && !MentionEndsAt(m.first - 1)) {
        --m.first;
      }
      if (m.first > s_.first && Norm(m.first - 1) == "the") --m.first;
      const std::string_view after = Norm(m.last);
      if (after == "'s" || after == "'") m.possessive = true;
      // (An adjective there modifies what follows: "in |Russian| drone strikes".)
      // "off the coast of Venezuela", "on the outskirts of Kyiv", "in the waters of ...".
      const bool along = m.first > s_.first + 1 && Norm(m.first - 1) == "of" &&
                         OneOf(Norm(m.first - 2), {"coast", "coasts", "shores", "waters",
                                                   "outskirts", "border", "borders"});
      // "in southern Russia", "in the north-east of" ... : a compass word between.
      const bool compass = m.first > s_.first + 1 && text::IsCompassAdjective(Norm(m.first - 1)) &&
                           (IsPlacePreposition(Norm(m.first - 2)) ||
                            (Norm(m.first - 2) == "the" && m.first > s_.first + 2 &&
                             IsPlacePreposition(Norm(m.first - 3))));
      if (m.first > s_.first && (IsPlacePreposition(Norm(m.first - 1)) || along || compass) &&
          !m.modifier) {
        m.locative = true;
        NoteStatePlace(m);
      }
    }
    NamesInApposition();
    UnknownPeople();
    ShareAgents();
    FindGroups();
    UpdateDiscourse();
    if (places_ != nullptr) *places_ = sentence_places_;
  }

  // "Qasem Soleimani, head of Iran's Quds Force, ...", "Iran's foreign minister, Hossein
  // Amir-Abdollahian, ...": a name the dictionaries do not know, set off by commas beside a
  // title of a state, is that person, and is learned for the rest of the article.
  void NamesInApposition() {
    const size_t n = mentions_.size();
    for (size_t k = 0; k < n; ++k) {
      const Mention m = mentions_[k];
      if (m.role.empty() || m.type != MentionType::kNamed || m.actors.size() != 1 ||
          (m.actors[0].person && !m.office)) {
        continue;
      }
      // NAME , TITLE
      if (m.first >= s_.first + 3 && Norm(m.first - 1) == ",") {
        const uint32_t end = m.first - 1;
        uint32_t begin = end;
        while (begin > s_.first && end - begin < kMaxNameTokens && tokens_[begin - 1].capitalized &&
               tokens_[begin - 1].kind == text::TokenKind::kWord &&
               !IsNameStop(tokens_[begin - 1].norm) && !MentionCovers(begin - 1)) {
          --begin;
        }
        if (end - begin >= 2) AddApposed(begin, end, m.actors[0]);
      }
      // TITLE , NAME ,
      if (Norm(m.last) == ",") {
        const uint32_t begin = m.last + 1;
        const uint32_t end = NameRun(begin);
        if (end - begin >= 2 && Norm(end) == "," && !MentionCovers(begin)) {
          AddApposed(begin, end, m.actors[0]);
        }
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention& a, const Mention& b) { return a.first < b.first; });
  }

  bool MentionCovers(uint32_t token) const {
    for (const Mention& m : mentions_) {
      if (token >= m.first && token < m.last) return true;
    }
    return false;
  }

  // "Paul Manafort was sentenced": a name of two to four capitalized words that the
  // dictionaries lack, no place and no organization's name, is a person of the article's
  // state, and is learned for the rest of it. Such a person is never a source.
  void UnknownPeople() {
    if (Home().empty()) return;
    const size_t n = mentions_.size();
    for (uint32_t i = s_.first; i < s_.last;) {
      const uint32_t end = NameRun(i);
      const bool run = end > i && (i == s_.first || !tokens_[i - 1].capitalized ||
                                   tokens_[i - 1].kind != text::TokenKind::kWord);
      if (!run || end - i < 2 || end - i > 4 || (end < s_.last && tokens_[end].capitalized) ||
          CoveredByAny(i, end) || HasOrganizationWord(i, end)) {
        i = std::max(i + 1, end);
        continue;
      }
      std::optional<ResolvedActor> base = owner_.StateActor(Home(), "CVL");
      if (!base) return;
      Mention person;
      person.first = i;
      person.last = end;
      person.unknown = true;
      person.actors.push_back(TitledStranger(*base, i, end));
      mentions_.push_back(std::move(person));
      i = end;
    }
    if (mentions_.size() != n) {
      std::sort(mentions_.begin(), mentions_.end(),
                [](const Mention& a, const Mention& b) { return a.first < b.first; });
    }
  }

  bool CoveredByAny(uint32_t first, uint32_t last) const {
    for (uint32_t t = first; t < last; ++t) {
      if (MentionCovers(t)) return true;
      for (const PlaceMention& p : sentence_places_) {
        if (t >= p.first && t < p.last) return true;
      }
      if (AtomAt(t) != std::string::npos) return true;
    }
    return false;
  }

  // Words of the names of organizations, ships, events and works, not of people.
  bool HasOrganizationWord(uint32_t first, uint32_t last) const {
    static const text::WordSet kWords{
        "board", "advisory", "affairs", "duchy", "cosmodrome", "program", "programme", "assembly",
        "parliament", "congress", "senate", "conference", "summit", "forum", "initiative", "fund",
        "centre", "center", "air", "airlines", "airways", "party", "front", "army", "council",
        "court", "ministry", "company", "group", "bank", "university", "agency", "force", "forces",
        "committee", "union", "movement", "organization", "organisation", "association", "news",
        "times", "post", "daily", "international", "institute", "foundation", "corporation", "inc",
        "ltd", "league", "federation", "commission", "office", "department", "service", "services",
        "club", "fc", "united", "republic", "kingdom", "state", "states", "city", "street",
        "square", "airport", "station", "hospital", "school", "church", "mosque", "palace", "house",
        "day", "week", "act",
        // places: "Eastern Mediterranean", "Schengen Area", "Red Sea"
        "eastern", "western", "northern", "southern", "central", "area", "zone", "sea", "ocean",
        "gulf", "strait", "river", "valley", "island", "islands", "province", "region", "district",
        "county", "peninsula", "mountains", "desert", "mediterranean",
        // regions' adjectives: "West African leaders", "Middle East"
        "west", "east", "north", "south", "african", "asian", "european", "american", "arab",
        "middle"};
    // Nor a gerund or a contraction opening a quote: "Saying I'm sorry".
    if (Norm(first).ends_with("ing") || Norm(first).find('\'') != std::string_view::npos) {
      return true;
    }
    for (uint32_t t = first; t < last; ++t) {
      if (Norm(t).find('\'') != std::string_view::npos) return true;
      if (kWords.contains(Norm(t))) return true;
      if (IsMonthOrDay(Norm(t))) return true;
    }
    return false;
  }

  static bool IsMonthOrDay(std::string_view w) {
    return OneOf(w, {"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "monday", "tuesday",
                     "wednesday", "thursday", "friday", "saturday", "sunday"});
  }

  void AddApposed(uint32_t begin, uint32_t end, const ResolvedActor& office) {
    for (const PlaceMention& p : sentence_places_) {
      if (p.first < end && p.last > begin) return;  // "Kharkiv, Ukraine's second city"
    }
    Mention person;
    person.first = begin;
    person.last = end;
    person.actors.push_back(TitledStranger(office, begin, end));
    mentions_.push_back(std::move(person));
  }

  // A state, or its place or seat, after a locative preposition is where an event happened
  // ("talks in Moscow", "fighting in Syria"): a place of the sentence too.
  void NoteStatePlace(const Mention& m) {
    if (m.actors.size() == 1) NoteStatePlace(m.first, m.last, m.record);
  }
  void NoteStatePlace(uint32_t first, uint32_t last, int64_t record) {
    if (record < 0) return;
    const ActorRecord& r = dict_.records()[static_cast<size_t>(record)];
    if (r.kind != ActorKind::kState) return;
    PlaceMention p{first, last, "", r.id, "", std::nanf(""), std::nanf(""), true};
    if (Norm(first) == "the") ++p.first;
    for (const PlaceMention& known : sentence_places_) {
      if (known.first == p.first) return;
    }
    if (owner_.gazetteer_ != nullptr) {  // a city the state's record names: its coordinates
      const places::Gazetteer::Match g = owner_.gazetteer_->LongestAt(tokens_, p.first, last);
      for (uint32_t id : g.places) {
        const places::Place& place = owner_.gazetteer_->place(id);
        if (g.length == last - p.first && place.country == r.id) {
          p.name = place.name;
          p.region = place.region;
          p.lat = place.lat;
          p.lon = place.lon;
          break;
        }
      }
    }
    sentence_places_.push_back(std::move(p));
  }

  // "the Polish and Lithuanian leaders": an adjective coordinated with an adjective-and-agent
  // mention is an actor with the same role, not a modifier.
  // Likewise "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost and
  // Gondor": states listed after an agent of a state share the agent.
  void ShareAgents() {
    for (size_t i = mentions_.size(); i-- > 1;) {
      Mention& a = mentions_[i - 1];
      const Mention& b = mentions_[i];
      if (!a.modifier || a.record < 0 || b.role.empty()) continue;
      if (!text::IsCoordination(tokens_, a.last, b.first)) continue;
      GiveRole(&a, b.role);
    }
    for (size_t i = 1; i < mentions_.size(); ++i) {
      const Mention& a = mentions_[i - 1];
      Mention& b = mentions_[i];
      if (a.role.empty() || !b.role.empty() || b.record < 0 || b.type != MentionType::kNamed) {
        continue;
      }
      if (b.last - b.first > 2 || !text::IsCoordination(tokens_, a.last, b.first)) continue;
      GiveRole(&b, a.role);
    }
  }

  void GiveRole(Mention* m, const std::string& role) const {
    const ActorRecord& r = dict_.records()[static_cast<size_t>(m->record)];
    if (r.kind == ActorKind::kPerson || (r.kind == ActorKind::kCoded && !r.roles.empty())) return;
    m->modifier = false;
    m->role = role;
    m->actors = {RecordActor(r, role)};
  }

  // A TABARI code "FRO/BIL/SAM" names several actors at once.
  void SplitJointCodes(Mention* m) const {
    if (m->actors.size() != 1 || m->actors[0].code.find('/') == std::string::npos) return;
    const ResolvedActor joint = m->actors[0];
    m->actors.clear();
    for (std::string_view part : core::Split(joint.code, '/')) {
      m->actors.push_back(
          ResolvedActor{dict_.EntityOfCode(part), std::string(part), joint.name, false});
    }
  }

  bool MentionEndsAt(uint32_t token) const {
    for (const Mention& m : mentions_) {
      if (m.last == token + 1) return true;
    }
    return false;
  }

  // "Putin and Trump", "Russia, China and India": the salient group. A comma joins only
  // inside a list that an "and" closes.
  void FindGroups() {
    size_t i = 0;
    while (i + 1 < mentions_.size()) {
      size_t j = i;
      size_t closed_at = i;
      while (j + 1 < mentions_.size()) {
        const Mention& a = mentions_[j];
        const Mention& b = mentions_[j + 1];
        bool comma = false;
        const bool link = text::IsCoordination(tokens_, a.last, b.first, &comma);
        if (a.modifier || b.modifier || a.possessive || !link) break;
        ++j;
        if (!comma) closed_at = j;
      }
      if (closed_at > i) {
        std::vector<ResolvedActor> group;
        for (size_t k = i; k <= closed_at; ++k) {
          for (const ResolvedActor& r : mentions_[k].actors) {
            if (std::find(group.begin(), group.end(), r) == group.end()) group.push_back(r);
          }
        }
        sentence_group_ = std::move(group);
      }
      i = std::max(j, i + 1);
    }
  }

  void UpdateDiscourse() {
    if (sentence_group_.size() >= 2) d_.group = sentence_group_;
    d_.entity.reset();
    if (!mentions_.empty()) {
      const Mention& m = mentions_.front();
      const bool opens = m.first <= s_.first + 1 || Norm(m.first - 1) == ",";
      // A named state or organization, or "It" again (the same one).
      const bool named =
          m.type == MentionType::kNamed && !m.locative && !m.possessive && !m.modifier;
      if (opens && (named || m.type == MentionType::kPronoun) && m.record >= 0 &&
          m.actors.size() == 1 && !m.actors[0].person) {
        d_.entity.emplace(m.record, m.actors[0]);
      }
    }
    bool person_set = false;
    for (const Mention& m : mentions_) {
      if (!person_set && m.actors.size() == 1 && m.actors[0].person && !m.possessive) {
        d_.person = m.actors[0];
        person_set = true;
      }
      if (m.record >= 0 && m.actors.size() == 1) {
        d_.recent[static_cast<uint32_t>(m.record)] = {++d_.clock, m.actors[0]};
      }
    }
    if (const ResolvedActor* label = SpeakerLabel()) d_.speaker = *label;
  }

  // A transcript's speaker label opening the sentence: "Vladimir Putin: Friends, ..."
  const ResolvedActor* SpeakerLabel() const {
    if (mentions_.empty()) return nullptr;
    const Mention& m = mentions_.front();
    const bool at_start =
        m.first == s_.first ||
        (m.first == s_.first + 1 && (Norm(s_.first) == "\"" || Norm(s_.first) == "["));
    if (at_start && Norm(m.last) == ":" && m.actors.size() == 1 && m.actors[0].person) {
      return &m.actors[0];
    }
    return nullptr;
  }

  const ActorResolver& owner_;
  const ActorDictionary& dict_;
  const text::Document& doc_;
  const std::vector<text::Token>& tokens_;
  const text::Sentence& s_;
  Discourse& d_;
  std::vector<Atom> atoms_;
  std::vector<Mention> mentions_;
  std::vector<ResolvedActor> sentence_group_;
  std::vector<PlaceMention>* places_;
  std::vector<PlaceMention> sentence_places_;  // places of the gazetteer, left to right
};

std::optional<ResolvedActor> ActorResolver::ResolvePerson(const ActorRecord& person,
                                                          const std::optional<Date>& day) const {
  const Role* role = person.RoleOn(day);
  // TABARI's special codes name no actor ("[--- >050630]": not coded after that day).
  if (role == nullptr || IsNullCode(role->role_code) || IsDiscardCode(role->role_code)) {
    return std::nullopt;
  }
  ResolvedActor out{role->entity, role->entity + role->role_code, person.name, true};
  if (person.kind == ActorKind::kCoded) {  // TABARI: the full code, e.g. USAGOV
    out.code = role->role_code;
    out.person = !person.roles.empty();
  } else if (const ActorRecord* entity = dict_.FindEntity(role->entity)) {
    out.code = entity->kind == ActorKind::kState ? entity->code + role->role_code : entity->code;
  }
  return out;
}

std::string ActorResolver::StateOf(const ResolvedActor& actor) const {
  const auto is_state = [&](std::string_view id) {
    const ActorRecord* r = dict_.FindEntity(id);
    return r != nullptr && r->kind == ActorKind::kState;
  };
  if (is_state(actor.entity)) return actor.entity;
  if (actor.code.size() >= 3 && is_state(std::string_view(actor.code).substr(0, 3))) {
    return actor.code.substr(0, 3);
  }
  return "";
}

std::optional<ResolvedActor> ActorResolver::StateActor(std::string_view state,
                                                       std::string_view role) const {
  const ActorRecord* r = dict_.FindEntity(state);
  if (r == nullptr || r->kind != ActorKind::kState) return std::nullopt;
  return ResolvedActor{r->id, r->code + std::string(role), r->name, false};
}

Discourse ActorResolver::Begin(const Article& article) const {
  Discourse d;
  d.date = article.date;
  const Publisher* pub = dict_.FindPublisher(article.source);
  if (pub == nullptr) return d;
  d.publisher_title = pub->title;
  std::replace(d.publisher_title.begin(), d.publisher_title.end(), '-', ' ');
  const ActorRecord* holder =
      article.date ? dict_.HolderOf(pub->entity, pub->title, *article.date) : nullptr;
  if (holder != nullptr) {
    d.publisher = ResolvePerson(*holder, article.date);
  } else if (const ActorRecord* entity = dict_.FindEntity(pub->entity)) {
    const bool state = entity->kind == ActorKind::kState;
    d.publisher =
        ResolvedActor{entity->id, state ? entity->code + "GOV" : entity->code, entity->name, false};
  }
  return d;
}

std::vector<Mention> ActorResolver::Resolve(const text::Document& doc,
                                            const text::Sentence& sentence, Discourse* discourse,
                                            std::vector<PlaceMention>* places) const {
  return SentenceResolver(*this, doc, sentence, discourse, places).Run();
}

}  // namespace dyad::actors
