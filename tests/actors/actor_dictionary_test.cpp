#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include "actors/fictional.h"

namespace dyad::actors {
namespace {

TEST(ActorDictionary, LoadsRecordsRolesAndPublishers) {
  ActorDictionary dict;
  std::vector<Diagnostic> diagnostics;
  dict.Load(testing::kFictionalActors, "fictional.actors", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().ToString();
  const ActorRecord* arnor = dict.FindEntity("ARN");
  ASSERT_NE(arnor, nullptr);
  EXPECT_EQ(arnor->name, "Arnor");
  EXPECT_EQ(dict.FindEntity("FEL")->code, "IGOFEL");
  const ActorRecord* king = dict.HolderOf("ARN", "king", *Date::FromYmd(3019, 6, 1));
  ASSERT_NE(king, nullptr);
  EXPECT_EQ(king->name, "Aragorn");
  EXPECT_EQ(dict.HolderOf("ARN", "king", *Date::FromYmd(3019, 4, 30)), nullptr);
  ASSERT_NE(dict.FindPublisher("arnor.example"), nullptr);
  EXPECT_EQ(dict.FindPublisher("arnor.example")->entity, "ARN");
}

TEST(ActorDictionary, BrokenLinesAreDiagnosticsWithFileAndLine) {
  const char* text =
      "state ARN \"Arnor\"\n"             // 1
      "  names Arnor\n"                   // 2
      "  colour blue\n"                   // 3: unknown field
      "planet X \"Mars\"\n"               // 4: unknown kind
      "person p \"P\"\n"                  // 5
      "  role ARN XYZ king 2000..\n"      // 6: unknown role code
      "  role ARN GOV king 2010..2001\n"  // 7: ends before it starts
      "  role ARN GOV king 20xx..\n"      // 8: bad date
      "  names A || B\n"                  // 9: empty item
      "    orphan\n";                     // 10: field of a record that was rejected? (person p ok)
  ActorDictionary dict;
  std::vector<Diagnostic> d;
  dict.Load(text, "broken.actors", &d);
  std::vector<int64_t> lines;
  for (const Diagnostic& x : d) {
    EXPECT_EQ(x.file, "broken.actors");
    lines.push_back(x.line);
  }
  EXPECT_EQ(lines, (std::vector<int64_t>{3, 4, 6, 7, 8, 9, 10}));
  // What was right still loaded.
  EXPECT_NE(dict.FindEntity("ARN"), nullptr);
}

TEST(Role, CoversInclusiveRanges) {
  Role r{"ARN", "GOV", "king", Date::FromYmd(2000, 1, 1), Date::FromYmd(2000, 12, 31)};
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2000, 1, 1)));
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2000, 12, 31)));
  EXPECT_FALSE(r.Covers(*Date::FromYmd(2001, 1, 1)));
  r.to.reset();
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2100, 1, 1)));
}

}  // namespace
}  // namespace dyad::actors
