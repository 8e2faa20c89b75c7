#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "dyad/extractor.h"

namespace dyad {
namespace {

class RelationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<Diagnostic> d;
    extractor_ = Extractor::Create({}, &d).release();
  }
  static std::set<std::string> Subjects(RelationKind kind, const std::string& object, int y, int m,
                                        int day) {
    std::set<std::string> out;
    for (const Relation& r : extractor_->Relations(Date::FromYmd(y, m, day))) {
      if (r.kind == kind && r.object == object) out.insert(r.subject);
    }
    return out;
  }
  static inline Extractor* extractor_ = nullptr;
};

TEST_F(RelationsTest, MembershipsFollowTheirDates) {
  EXPECT_EQ(Subjects(RelationKind::kMemberOf, "NATO", 2016, 11, 15).size(), 28u);
  const std::set<std::string> nato_2024 = Subjects(RelationKind::kMemberOf, "NATO", 2024, 1, 1);
  EXPECT_TRUE(nato_2024.contains("FIN"));
  EXPECT_FALSE(nato_2024.contains("SWE"));  // joined 2024-03-07
  EXPECT_TRUE(Subjects(RelationKind::kMemberOf, "EU", 2019, 6, 1).contains("GBR"));
  EXPECT_FALSE(Subjects(RelationKind::kMemberOf, "EU", 2021, 6, 1).contains("GBR"));
}

TEST_F(RelationsTest, LeadersComeFromDatedRoles) {
  EXPECT_EQ(Subjects(RelationKind::kLeaderOf, "USA", 2016, 11, 15),
            (std::set<std::string>{"Barack Obama"}));  // Trump was only president-elect
  EXPECT_EQ(Subjects(RelationKind::kLeaderOf, "USA", 2017, 1, 20),
            (std::set<std::string>{"Donald Trump"}));
  EXPECT_TRUE(Subjects(RelationKind::kLeaderOf, "RUS", 2016, 11, 15).contains("Vladimir Putin"));
}

TEST_F(RelationsTest, WithoutADayEveryRelationIsListed) {
  const std::vector<Relation> all = extractor_->Relations();
  const auto putin = std::count_if(all.begin(), all.end(), [](const Relation& r) {
    return r.subject == "Vladimir Putin" && r.kind == RelationKind::kLeaderOf;
  });
  EXPECT_GE(putin, 3);  // president twice, prime minister in between
}

}  // namespace
}  // namespace dyad
