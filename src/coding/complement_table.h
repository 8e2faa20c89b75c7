// Verbs that govern another event, and what they make of it: "refused to meet" is a rejection
// (125), "threatened to attack" a threat (1384), "urged Iran to release" an appeal to Iran
// (0253), "failed to renew" no event, "might ask" a hypothetical one. Both halves are data in
// the lexicon files (`govern` and `complement` lines; docs/events.md, "Complement verbs").
// Read-only after loading; safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/phrase_matcher.h"
#include "coding/cameo_table.h"

namespace dyad::coding {

// What a governing verb does to the event it governs.
enum class GovernKind : uint8_t {
  kAppeal,     // "urged X to", "called for": the governor's object is asked (02)
  kDemand,     // "demanded that X", "demanded the release of" (10)
  kIntend,     // "vowed to", "offered to", "agreed to": intent (03, or 13 for force)
  kReject,     // "refused to", "ruled out" (12)
  kThreaten,   // "threatened to", "threatened X with" (13)
  kDeny,       // "denied attacking" (016)
  kAccuse,     // "accused Russia of shelling" (112, 1123 for force)
  kFuture,     // "will", "is to": a meeting keeps its code, other events are intents
  kPlan,       // "plans to", "wants to": like kFuture, but violence is not coded
  kAttempt,    // "tried to": the event itself (an attempted assassination is 185)
  kEnact,      // "approved", "ordered", "authorized": the event itself, the enactor's
  kNegate,     // "failed to", "stopped short of": no event
  kSpeculate,  // "might", "could", "may": no event
};
constexpr size_t kGovernKinds = 13;

// One element of what follows a governor: a literal word, or the actor it addresses.
struct GovernElement {
  bool actor = false;  // OBJ: an actor mention (the governor's object)
  std::string word;    // otherwise: this word
};

struct GovernRule {
  std::string id;  // "govern.urge-OBJ-to"
  GovernKind kind = GovernKind::kAppeal;
  std::vector<GovernElement> after;  // after the governor's own words, before the event
};

// The code a governor gives the event it governs, by kind: a CAMEO code, "=" for the event's
// own code, "-" for no event, "" for the governor's plain rule (when it has one).
struct ComplementCodes {
  std::array<std::string, kGovernKinds> by_kind;
};

class ComplementTable {
 public:
  // Parses one `govern` or `complement` line (without the keyword's line kind check done by
  // the caller); returns what is wrong with it, or "".
  std::string ParseGovern(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs);
  std::string ParseComplement(const std::vector<std::string>& lhs,
                              const std::vector<std::string>& rhs, const CameoTable& cameo);

  const actors::PhraseMatcher& matcher() const { return matcher_; }
  const GovernRule& rule(uint32_t id) const { return rules_[id]; }
  size_t size() const { return rules_.size(); }
  bool empty() const { return rules_.empty(); }

  // What a governor of `kind` makes of an event coded `cameo`: the longest `complement`
  // prefix of the code decides ("=" when none does).
  std::string_view CodeFor(GovernKind kind, std::string_view cameo) const;

  // Every (prefix, codes) row, for checks.
  const std::vector<std::pair<std::string, ComplementCodes>>& rows() const { return rows_; }

 private:
  actors::PhraseMatcher matcher_;
  std::vector<GovernRule> rules_;
  std::vector<std::pair<std::string, ComplementCodes>> rows_;
};

std::optional<GovernKind> GovernKindOf(std::string_view name);
std::string_view GovernKindName(GovernKind kind);

}  // namespace dyad::coding
