#include "actors/home_state.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace dyad::actors {
namespace {

bool IsState(const ActorDictionary& dict, std::string_view id) {
  const ActorRecord* r = dict.FindEntity(id);
  return r != nullptr && r->kind == ActorKind::kState;
}

// The state a dictionary record stands for on `day`, or "".
std::string StateOfRecord(const ActorDictionary& dict, const ActorRecord& r,
                          const std::optional<Date>& day) {
  switch (r.kind) {
    case ActorKind::kState:
      return r.id;
    case ActorKind::kPerson: {
      const Role* role = nullptr;
      for (const Role& candidate : r.roles) {
        if (day && candidate.Covers(*day)) role = &candidate;
      }
      if (role == nullptr && r.otherwise) role = &*r.otherwise;
      return role != nullptr && IsState(dict, role->entity) ? role->entity : "";
    }
    case ActorKind::kOrganization:
    case ActorKind::kCoded: {
      const std::string entity = dict.EntityOfCode(r.code);
      if (IsState(dict, entity)) return entity;
      if (r.code.size() >= 3 && IsState(dict, std::string_view(r.code).substr(0, 3))) {
        return r.code.substr(0, 3);
      }
      return "";
    }
  }
  return "";
}

bool IsMonthOrDayName(std::string_view w) {
  for (std::string_view m : {"january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december", "monday",
                             "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    if (m == w) return true;
  }
  return false;
}

}  // namespace

bool IsLocativePreposition(std::string_view w) {
  for (std::string_view p : {"in", "at", "near", "outside", "inside", "across", "throughout",
                             "within", "around", "from", "into", "towards", "toward"}) {
    if (p == w) return true;
  }
  return false;
}

std::string FindHomeState(const ActorDictionary& dict, const places::Gazetteer* gazetteer,
                          const text::Document& doc, const std::optional<Date>& day) {
  struct Count {
    int score = 0;
    size_t first = 0;  // order of first mention
  };
  std::unordered_map<std::string, Count> counts;
  size_t order = 0;
  const auto add = [&](const std::string& state, int weight) {
    if (state.empty()) return;
    Count& c = counts[state];
    if (c.score == 0) c.first = order++;
    c.score += weight;
  };
  const std::vector<text::Token>& tokens = doc.tokens;
  // The dateline's place counts once (where the story was filed, often a neighbour's capital:
  // "BEIRUT" for Syria), then the sentences.
  std::vector<text::Sentence> spans;
  if (doc.dateline_last > doc.dateline_first) {
    text::Sentence dateline;
    dateline.first = doc.dateline_first;
    dateline.last = doc.dateline_last;
    spans.push_back(dateline);
  }
  spans.insert(spans.end(), doc.sentences.begin(), doc.sentences.end());
  for (const text::Sentence& s : spans) {
    if (!s.coded) continue;
    const int base = s.headline ? 2 : 1;
    uint32_t i = s.first;
    while (i < s.last) {
      const bool locative = i > s.first && IsLocativePreposition(tokens[i - 1].norm);
      const int weight = locative ? 2 * base : base;
      const PhraseMatcher::Match m = dict.matcher().LongestAt(tokens, i, s.last);
      if (m.length > 0) {
        std::string state;
        for (uint32_t id : m.payloads) {
          const PhraseInfo& info = dict.phrase(id);
          const bool names = info.use == PhraseUse::kName || info.use == PhraseUse::kAdjective ||
                             info.use == PhraseUse::kSeat || info.use == PhraseUse::kPlace ||
                             info.use == PhraseUse::kAgency;
          if (names) state = StateOfRecord(dict, dict.records()[info.record], day);
        }
        // "pro-Russian separatists", "Turkish-backed rebels" say little of where they are.
        const bool oriented = i >= s.first + 2 && tokens[i - 1].norm == "-" &&
                              (tokens[i - 2].norm == "pro" || tokens[i - 2].norm == "anti");
        const bool backing =
            i + m.length + 1 < s.last && tokens[i + m.length].norm == "-" &&
            (tokens[i + m.length + 1].norm == "backed" || tokens[i + m.length + 1].norm == "led");
        if (!oriented && !backing) add(state, weight);
        i += m.length;
        continue;
      }
      if (gazetteer != nullptr && tokens[i].capitalized) {
        const places::Gazetteer::Match p = gazetteer->LongestAt(tokens, i, s.last);
        if (p.length > 0) {
          const places::Place& place = gazetteer->place(p.places.front());
          if (p.length == 1 && IsMonthOrDayName(tokens[i].norm)) {  // "in August"
            ++i;
            continue;
          }
          // As the resolver reads places (actor_resolver.cpp): outside "in", "near", ... only a
          // city of some size or a region counts; "Rosselló" is a town in Catalonia and a
          // governor of Puerto Rico.
          if (locative || (!place.common && (place.major || place.is_region))) {
            add(std::string(place.country), weight);
          }
          i += p.length;
          continue;
        }
      }
      ++i;
    }
  }
  const auto best =
      std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second.score != b.second.score ? a.second.score < b.second.score
                                                : a.second.first > b.second.first;
      });
  return best == counts.end() ? "" : best->first;
}

}  // namespace dyad::actors
