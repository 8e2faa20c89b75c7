#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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

TEST(ActorDictionary, HolderIndexAnswersAsTheWalkDoesAndFollowsLaterLoads) {
  ActorDictionary dict;
  std::vector<Diagnostic> diagnostics;
  dict.Load(testing::kFictionalActors, "fictional.actors", &diagnostics);
  const auto holder = [&](std::string_view entity, std::string_view title, int y, int m, int d) {
    const ActorRecord* r = dict.HolderOf(entity, title, *Date::FromYmd(y, m, d));
    return r == nullptr ? std::string("-") : r->name;
  };
  const auto answers = [&] {
    return std::vector<std::string>{
        holder("ARN", "king", 3019, 6, 1),       holder("ARN", "king", 3019, 4, 30),
        holder("ARN", "king-elect", 3018, 5, 1), holder("GON", "steward", 3019, 3, 1),
        holder("GON", "steward", 3019, 3, 16),   holder("GON", "king", 3019, 6, 1),
        holder("ARN", "steward", 3019, 3, 1)};
  };
  const std::vector<std::string> walked = answers();
  EXPECT_EQ(walked,
            (std::vector<std::string>{"Aragorn", "-", "Aragorn", "Denethor", "-", "-", "-"}));
  dict.IndexHolders();
  EXPECT_EQ(answers(), walked);
  // A later load drops the index; a new steward is found, by the walk and by a new index.
  dict.Load("person faramir \"Faramir\"\n  role GON GOV steward 3019-03-16..\n", "more.actors",
            &diagnostics);
  EXPECT_EQ(holder("GON", "steward", 3019, 3, 16), "Faramir");
  dict.IndexHolders();
  EXPECT_EQ(holder("GON", "steward", 3019, 3, 16), "Faramir");
  EXPECT_EQ(holder("GON", "steward", 3019, 3, 1), "Denethor");
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
  Role r{"ARN", "GOV", "king", Date::FromYmd(2000, 1, 1), Date::FromYmd(2000, 12, 31), {}};
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2000, 1, 1)));
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2000, 12, 31)));
  EXPECT_FALSE(r.Covers(*Date::FromYmd(2001, 1, 1)));
  r.to.reset();
  EXPECT_TRUE(r.Covers(*Date::FromYmd(2100, 1, 1)));
}

}  // namespace
}  // namespace dyad::actors

namespace dyad::actors {
namespace {

std::vector<std::string> LintMessages(const std::string& text) {
  ActorDictionary dict;
  std::vector<Diagnostic> d;
  dict.Load(testing::kFictionalActors, "fictional.actors", &d);
  dict.Load(text, "extra.actors", &d);
  EXPECT_TRUE(d.empty()) << d.front().ToString();
  dict.Lint(&d);
  std::stable_sort(d.begin(), d.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  std::vector<std::string> out;
  for (const Diagnostic& x : d) {
    if (x.file == "extra.actors") out.push_back(std::to_string(x.line) + ": " + x.message);
  }
  return out;
}

TEST(ActorDictionaryLint, ReportsWhatNoSingleLineShows) {
  const std::vector<std::string> got = LintMessages(
      "state GON \"Gondor again\"\n"  // 1: id given twice
      "  names Minas Ithil\n"
      "state MRD \"Mordor\"\n"               // 3
      "  names Mordor | Annuminas\n"         // 4: a seat of Arnor
      "person boromir \"Boromir\"\n"         // 5
      "  role GON GOV steward 3000..3010\n"  // 6: Denethor holds it then
      "  else ERE GOV\n"                     // 7: unknown entity
      "publisher mordor.example ANG king\n"  // 8: unknown entity
      "membership FEL\n"                     // 9
      "  member ARN 3018..\n"                // 10: fine
      "  member XXX 3018..\n");              // 11: unknown member
  const std::vector<std::string> want = {
      "1: id given to an earlier record too",
      "4: 'annuminas' also names ARN (fictional.actors line 5); this record wins",
      "6: Boromir and Denethor (fictional.actors line 22) both hold GON steward at once",
      "7: unknown state or organization 'ERE'",
      "8: unknown state or organization 'ANG'",
      "11: unknown state or organization 'XXX'",
  };
  EXPECT_EQ(got, want);
}

TEST(ActorDictionaryLint, SharedOfficesAndSuccessionsAreFine) {
  EXPECT_TRUE(LintMessages("person a \"A\"\n"
                           "  role GON GOV deputy-steward 3000..\n"
                           "person b \"B\"\n"
                           "  role GON GOV deputy-steward 3000..\n"
                           "person c \"C\"\n"
                           "  role ARN GOV regent 2000-01-01..2000-12-31\n"
                           "person e \"E\"\n"
                           "  role ARN GOV regent 2001-01-01..\n")
                  .empty());
}

TEST(ActorDictionary, MembershipsAreRead) {
  ActorDictionary dict;
  std::vector<Diagnostic> d;
  dict.Load("membership FEL\n  member ARN 3018-12-25..3019-03-25\n  member GON 3019\n", "m", &d);
  ASSERT_EQ(d.size(), 1u);  // "3019" is no range
  EXPECT_EQ(d[0].line, 3);
  ASSERT_EQ(dict.memberships().size(), 1u);
  EXPECT_EQ(dict.memberships()[0].member, "ARN");
  EXPECT_EQ(dict.memberships()[0].to->ToString(), "3019-03-25");
}

}  // namespace
}  // namespace dyad::actors
