// Standing relations of the knowledge base: dated facts about actors, beside the events.
#pragma once

#include <optional>
#include <string>

#include "dyad/date.h"

namespace dyad {

enum class RelationKind {
  kLeaderOf,  // a person holds an office of a state or organization (from dated roles)
  kMemberOf,  // a state (or organization) belongs to an organization
};

// "Vladimir Putin leader_of RUS (president) from 2012-05-07". Both ends inclusive; nullopt is
// open. A value type.
struct Relation {
  RelationKind kind = RelationKind::kMemberOf;
  std::string subject;       // entity id, or a person's name for leader_of
  std::string subject_name;  // display name ("France", "Vladimir Putin")
  std::string subject_code;  // CAMEO code of the subject (RUSGOV for a Russian leader)
  std::string object;        // entity id
  std::string object_code;   // CAMEO code of the object (IGOWSTNAT for NATO)
  std::string object_name;   // its display name ("NATO")
  std::string title;         // the office, for leader_of ("president")
  std::optional<Date> from;
  std::optional<Date> to;

  // Does the relation hold on `day`?
  bool ValidOn(const Date& day) const;
};

// "leader_of", "member_of".
std::string_view RelationKindName(RelationKind kind);

}  // namespace dyad
