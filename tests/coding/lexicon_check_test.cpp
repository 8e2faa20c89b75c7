// `dyad dict check` on event lexicons: every CAMEO code reached by the built-in lexicon, and a
// trigger given two codes reported with both places.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/dictionary_check.h"
#include "test_support.h"

namespace dyad {
namespace {

std::vector<std::string> Messages(const std::vector<Diagnostic>& ds, std::string_view part) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) {
    if (d.message.find(part) != std::string::npos) out.push_back(d.ToString());
  }
  return out;
}

TEST(LexiconCheck, TheBuiltinLexiconReachesEveryCameoCode) {
  const std::vector<Diagnostic> ds = CheckDictionaries({}, true);
  EXPECT_TRUE(Messages(ds, "no rule reaches").empty()) << Messages(ds, "no rule reaches").front();
  EXPECT_TRUE(Messages(ds, "is also rule").empty()) << Messages(ds, "is also rule").front();
}

TEST(LexiconCheck, ATriggerWithTwoCodesIsReportedWithBothPlaces) {
  testing::TempDir dir;
  const std::string path = dir.Write("mine.verbs",
                                     "verb parley => discuss 040 target=with recip\n"
                                     "verb parley => negotiate 046 target=with recip\n");
  const std::vector<Diagnostic> ds = CheckDictionaries({path}, true);
  const std::vector<std::string> twice = Messages(ds, "is also rule");
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_NE(twice[0].find("line 2"), std::string::npos) << twice[0];
  EXPECT_NE(twice[0].find("line 1"), std::string::npos) << twice[0];
  EXPECT_NE(twice[0].find("046, wins"), std::string::npos) << twice[0];
}

}  // namespace
}  // namespace dyad
