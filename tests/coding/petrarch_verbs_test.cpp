#include "coding/petrarch_verbs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/fictional.h"
#include "coding/tabari_verbs.h"
#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad::coding {
namespace {

constexpr const char* kVerbs = R"(
&TIES
+DIPLOMATIC TIES
+RELATIONS_

&NEGATION_
+DID N'T
+WILL NOT

--- RESTORE  [064]  ---
RESTORE
- * &TIES  [066]
- &NEGATION * &TIES  [166]
- * FXLL  [+++]

--- ARRIVE  [032:033]  ---
ARRIVE

--- MEET  [031]  ---
MEET {MET MEETING}
- % * TALKS  [046]

--- IGNORE  [---]  ---
IGNORE
- * THE WARNING OF +  [130]

--- BADBLOCK ---
- * SOMETHING
)";

class PetrarchVerbsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const testing::TempDir dir;
    ExtractorOptions options;
    options.use_builtin = false;
    options.keep_negated = true;  // "did not restore" is coded, flagged negated
    options.actor_files = {dir.Write("fictional.actors", testing::kFictionalActors)};
    options.verb_files = {dir.Write("test.verbs.txt", kVerbs)};
    std::vector<Diagnostic> d;
    extractor_ = Extractor::Create(options, &d).release();
    ASSERT_EQ(d.size(), 1u);  // the pattern without a code
    EXPECT_EQ(d[0].line, 28);
    EXPECT_EQ(d[0].severity, Severity::kWarning);
  }

  static std::string Code(const std::string& text) {
    Article a;
    a.text = text;
    a.date = Date::FromYmd(3019, 6, 15);
    std::vector<Diagnostic> d;
    std::string out;
    for (const Event& e : extractor_->Extract(a, &d)) {
      if (!out.empty()) out += "; ";
      out += e.source.code + ">" + e.target.code + " " + e.cameo + (e.negated ? " neg" : "");
    }
    return out;
  }

  static inline Extractor* extractor_ = nullptr;
};

TEST_F(PetrarchVerbsTest, TheMostSpecificMatchingPatternGivesTheCode) {
  EXPECT_EQ(Code("Arnor restored trade with Gondor."), "ARN>GON 064");
  EXPECT_EQ(Code("Arnor restored full diplomatic ties with Gondor."), "ARN>GON 066");
  EXPECT_EQ(Code("Arnor restored its relations with Gondor."), "ARN>GON 066");
  EXPECT_EQ(Code("Arnor will restore fxll ties with Gondor."), "ARN>GON 064");  // +++: block code
  EXPECT_EQ(Code("Arnor restored ties with Gondor."), "ARN>GON 064");           // no synset member
}

TEST_F(PetrarchVerbsTest, NegationSpelledOutByAPatternIsItsCode) {
  EXPECT_EQ(Code("Arnor didn't restore diplomatic ties with Gondor."), "ARN>GON 166");
  EXPECT_EQ(Code("Arnor did not restore trade with Gondor."), "ARN>GON 064 neg");
}

TEST_F(PetrarchVerbsTest, ReverseCodesCompoundsSlotsAndNullCodes) {
  EXPECT_EQ(Code("Aragorn arrived in Gondor."), "ARNGOV>GON 032; GON>ARNGOV 033");
  EXPECT_EQ(Code("Arnor and Gondor met for talks."), "ARN>GON 046; GON>ARN 046");
  EXPECT_EQ(Code("Arnor met Gondor."), "ARN>GON 031");
  EXPECT_EQ(Code("Arnor ignored Gondor."), "");
  EXPECT_EQ(Code("Arnor ignored the warning of Gondor."), "ARN>GON 130");
}

// Phoenix's verb dictionary (PETRARCH format) reads as before TABARI's format was: the same
// warnings (patterns coded "[:195]", two undefined synsets, a pattern without '*'), and codes.
TEST(PetrarchVerbs, PhoenixDictionaryLoadsAndCodes) {
  DYAD_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/compat/phoenix/";
  const std::string verbs = testing::ReadFile(dir + "CAMEO.2.0.txt");
  ASSERT_EQ(VerbFormatOf(verbs), VerbFormat::kPetrarch);
  ExtractorOptions options;
  options.use_builtin = false;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt"}) {
    options.actor_files.push_back(dir + f);
  }
  options.agent_files = {dir + "Phoenix.agents.txt"};
  options.verb_files = {dir + "CAMEO.2.0.txt"};
  std::vector<Diagnostic> d;
  const auto extractor = Extractor::Create(options, &d);
  size_t in_verbs = 0;
  for (const Diagnostic& x : d) {
    EXPECT_EQ(x.severity, Severity::kWarning) << x.ToString();
    in_verbs += x.file == dir + "CAMEO.2.0.txt";
  }
  EXPECT_EQ(in_verbs, 100u);
  Article a;
  a.text = "Russian President Vladimir Putin accused the German foreign minister of lying.";
  a.date = Date::FromYmd(2016, 11, 15);
  std::vector<std::string> got;
  for (const Event& e : extractor->Extract(a, &d)) {
    got.push_back(e.source.code + ">" + e.target.code + " " + e.cameo);
  }
  EXPECT_EQ(got, std::vector<std::string>{"RUSGOV>DEUGOV 112"});
}

}  // namespace
}  // namespace dyad::coding
