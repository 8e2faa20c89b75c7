#include "dyad/relation.h"

namespace dyad {

bool Relation::ValidOn(const Date& day) const {
  const long d = day.ToDays();
  return (!from || from->ToDays() <= d) && (!to || d <= to->ToDays());
}

std::string_view RelationKindName(RelationKind kind) {
  return kind == RelationKind::kLeaderOf ? "leader_of" : "member_of";
}

}  // namespace dyad
