#include "coding/event_coder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "actors/fictional.h"
#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad::coding {
namespace {

// Codes sentences with the fictional actors and the built-in event lexicon.
class EventCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto path = std::filesystem::temp_directory_path() /
                      ("dyad_fictional_" + std::to_string(::getpid()) + ".actors");
    std::ofstream(path) << testing::kFictionalActors;
    std::vector<Diagnostic> d;
    ExtractorOptions options;
    options.use_builtin = false;
    options.actor_files = {path.string()};
    options.verb_files = testing::BuiltinLexiconFiles();
    extractor_ = Extractor::Create(options, &d).release();
    options.keep_negated = true;
    keeping_ = Extractor::Create(options, &d).release();
    std::filesystem::remove(path);
    ASSERT_TRUE(d.empty()) << d.front().ToString();
  }

  // "SRC>TGT action cameo date[ neg][ nonfact]" per event, joined by "; ".
  static std::string Code(const std::string& text, const std::string& source = "",
                          bool keep_negated = false) {
    Article a;
    a.id = "t";
    a.text = text;
    a.source = source;
    a.date = Date::FromYmd(3019, 6, 15);  // a Tuesday
    std::vector<Diagnostic> d;
    std::string out;
    for (const Event& e : (keep_negated ? keeping_ : extractor_)->Extract(a, &d)) {
      if (!out.empty()) out += "; ";
      out += e.source.entity + ">" + e.target.entity + " " + e.action + " " + e.cameo + " " +
             (e.date ? e.date->ToString() : "-");
      if (e.negated) out += " neg";
      if (!e.factual) out += " nonfact";
    }
    return out;
  }

  static inline Extractor* extractor_ = nullptr;
  static inline Extractor* keeping_ = nullptr;  // with keep_negated
};

TEST_F(EventCoderTest, SubjectsObjectsAndPrepositions) {
  struct Case {
    std::string text, want;
  };
  const std::vector<Case> cases = {
      {"Arnor warned Gondor.", "ARN>GON warn 130 3019-06-15"},
      {"The Arnorian army attacked Gondorian troops on Monday.", "ARN>GON attack 190 3019-06-14"},
      {"Aragorn had a telephone conversation with Gondor yesterday.",
       "ARN>GON call 041 3019-06-14"},
      {"Gondor was warned by the Fellowship.", "FEL>GON warn 130 3019-06-15"},
      {"Aragorn criticized Gondor's policy and praised the Fellowship.",
       "ARN>GON criticize 111 3019-06-15; ARN>FEL praise 051 3019-06-15"},
      {"Arnor's illegal annexation of Osgiliath in March 3018.", "ARN>GON annex 192 3018-03"},
      {"Aragorn called on Gondor to withdraw.", "ARN>GON appeal-withdraw 0256 3019-06-15"},
      {"Arnor and Gondor agreed on the border.",
       "ARN>GON agree 030 3019-06-15; GON>ARN agree 030 3019-06-15"},
  };
  for (const Case& c : cases) EXPECT_EQ(Code(c.text), c.want) << c.text;
}

TEST_F(EventCoderTest, CallIsAPhoneCallOnlyWhenItIsOne) {
  EXPECT_EQ(Code("Gondorians call Aragorn a puppet."), "");
  EXPECT_EQ(Code("Aragorn called Gondor on Friday."), "ARN>GON call 041 3019-06-11");
  EXPECT_EQ(Code("Arnor called for Gondor to talk."), "ARN>GON appeal 020 3019-06-15");
}

TEST_F(EventCoderTest, NegationAndFactuality) {
  // Denied and supposed events are left out, or kept flagged with keep_negated.
  EXPECT_EQ(Code("Arnor did not agree with Gondor."), "");
  EXPECT_EQ(Code("Arnor did not agree with Gondor.", "", true), "ARN>GON agree 030 3019-06-15 neg");
  EXPECT_EQ(Code("Arnor may sanction Gondor."), "");
  EXPECT_EQ(Code("Arnor may sanction Gondor.", "", true),
            "ARN>GON sanction 163 3019-06-15 nonfact");
  EXPECT_EQ(Code("Arnor plans to visit Gondor next Friday."),
            "ARN>GON visit 042 3019-06-18 nonfact");
  EXPECT_EQ(Code("Arnor and Gondor not only agreed on trade."),
            "ARN>GON agree 030 3019-06-15; GON>ARN agree 030 3019-06-15");
}

TEST_F(EventCoderTest, ReleasesSpeakForTheirPublisher) {
  EXPECT_EQ(
      Code("Telephone conversation with Gondor.\nThe parties discussed trade.", "arnor.example"),
      "ARN>GON call 041 3019-06-15; ARN>GON discuss 040 3019-06-15; "
      "GON>ARN discuss 040 3019-06-15");
}

TEST_F(EventCoderTest, WhoDidWhatToWhomNeedsBothActors) {
  EXPECT_EQ(Code("A web project warned that Gondor could fall."), "");
  EXPECT_EQ(Code("Arnor warned."), "");
}

}  // namespace
}  // namespace dyad::coding
