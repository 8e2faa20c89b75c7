#include "coding/tabari_verbs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "actors/fictional.h"
#include "dyad/extractor.h"

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

class TabariVerbsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = std::filesystem::temp_directory_path() / ("dyad_tabari_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "fictional.actors") << testing::kFictionalActors;
    std::ofstream(dir / "test.verbs.txt") << kVerbs;
    ExtractorOptions options;
    options.use_builtin = false;
    options.actor_files = {(dir / "fictional.actors").string()};
    options.verb_files = {(dir / "test.verbs.txt").string()};
    std::vector<Diagnostic> d;
    extractor_ = Extractor::Create(options, &d).release();
    std::filesystem::remove_all(dir);
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

TEST_F(TabariVerbsTest, TheMostSpecificMatchingPatternGivesTheCode) {
  EXPECT_EQ(Code("Arnor restored trade with Gondor."), "ARN>GON 064");
  EXPECT_EQ(Code("Arnor restored full diplomatic ties with Gondor."), "ARN>GON 066");
  EXPECT_EQ(Code("Arnor restored its relations with Gondor."), "ARN>GON 066");
  EXPECT_EQ(Code("Arnor will restore fxll ties with Gondor."), "ARN>GON 064");  // +++: block code
  EXPECT_EQ(Code("Arnor restored ties with Gondor."), "ARN>GON 064");  // no synset member
}

TEST_F(TabariVerbsTest, NegationSpelledOutByAPatternIsItsCode) {
  EXPECT_EQ(Code("Arnor didn't restore diplomatic ties with Gondor."), "ARN>GON 166");
  EXPECT_EQ(Code("Arnor did not restore trade with Gondor."), "ARN>GON 064 neg");
}

TEST_F(TabariVerbsTest, ReverseCodesCompoundsSlotsAndNullCodes) {
  EXPECT_EQ(Code("Aragorn arrived in Gondor."), "ARNGOV>GON 032; GON>ARNGOV 033");
  EXPECT_EQ(Code("Arnor and Gondor met for talks."), "ARN>GON 046; GON>ARN 046");
  EXPECT_EQ(Code("Arnor met Gondor."), "ARN>GON 031");
  EXPECT_EQ(Code("Arnor ignored Gondor."), "");
  EXPECT_EQ(Code("Arnor ignored the warning of Gondor."), "ARN>GON 130");
}

TEST(TabariVerbs, TellsTheFormat) {
  EXPECT_TRUE(LooksLikeTabariVerbs("--- ABANDON [345] ---\nABANDON\n"));
  EXPECT_FALSE(LooksLikeTabariVerbs("verb warn => warn 130\n"));
}

}  // namespace
}  // namespace dyad::coding
