#include "coding/tabari_verbs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/fictional.h"
#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad::coding {
namespace {

// A TABARI verb dictionary (the format of chapter 5 of the TABARI manual) over the fictional
// countries of actors/fictional.h. Every line is one the manual allows.
constexpr const char* kVerbs = R"(/ dyad's TABARI-format test dictionary
# both '/' and '#' start a comment line
<SYNSETS>
&TIETYPES
+MILITARY
+CULTURAL
&RELATIONS
+RELATIONS_
+&TIETYPES_TIES
+OFFICE_OF_&TIETYPES_AFFAIRS
</SYNSETS>

<NOUN>
BOMBS
ROCKETS
</NOUN>
<ADJECTIVE>
LAZY
</ADJECTIVE>

ACCEPT  ; a stem, and no code of its own: only its patterns code
- * PROPOSAL  [081]
- REFUSED TO *  [112]
- * INVIT  [082]
- * CEASE-FIRE  [083]

AGREE_  [081]
- * TO_LET_ESCAPE  [066]
- * AID  [071]

BREAK_  [161]
{BROKE_ BROKEN_}
- * TREATY  [163]

ABANDON  [160]
- * &RELATIONS  [161]

CONDEMN  [111]

FLEW_
{FLOWN_}
- $ * TO +  [032:033]

MEET_  [036]
{MET_ MEETING_}
- % * IN  [031]

POUND_  [190]
- GONDORIAN_*  [---]

KILLED_  [190]
- * IN ACCIDENT  [###]

BLAST_  [+++]

SAID_  [010?]

REJECT_  [111]
- * EFFORT BY  [112!]

THREATEN_  [130]
- * TO_{ INVADE | ATTACK | STRIKE_AT } +  [138]

HEAD  [---]
- * FOR +  [032]

CRITICIZE_  [111]
DENOUNCE=  [111]

PLEDGE_  [050]
- * SUPPORT~ FOR  [051]

<ATTRIB>
CLAIMED_
</ATTRIB>
<TIME>
YESTERDAY  [-1]
- * AND_TOMORROW  [+1]
</TIME>
~FINISH
Lines after ~FINISH are not read: [not a code
)";

class TabariVerbsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const testing::TempDir dir;
    ExtractorOptions options;
    options.use_builtin = false;
    options.actor_files = {dir.Write("fictional.actors", testing::kFictionalActors)};
    options.verb_files = {dir.Write("test.verbs", kVerbs)};
    diagnostics_ = new std::vector<Diagnostic>;
    extractor_ = Extractor::Create(options, diagnostics_).release();
  }

  static std::string Code(const std::string& text) {
    Article a;
    a.text = text;
    a.date = Date::FromYmd(3019, 6, 15);
    std::vector<Diagnostic> d;
    std::string out;
    for (const Event& e : extractor_->Extract(a, &d)) {
      if (!out.empty()) out += "; ";
      out += e.source.code + ">" + e.target.code + " " + e.cameo;
    }
    return out;
  }

  static inline Extractor* extractor_ = nullptr;
  static inline std::vector<Diagnostic>* diagnostics_ = nullptr;
};

TEST_F(TabariVerbsTest, EveryLineTheManualAllowsLoadsWithoutAWarning) {
  std::vector<std::string> got;
  for (const Diagnostic& d : *diagnostics_) {
    got.push_back(std::string(SeverityName(d.severity)) + " " + std::to_string(d.line) + " " +
                  d.message.substr(0, d.message.find(')') + 1));
  }
  // The sections dyad has no use for: one note each.
  EXPECT_EQ(got, (std::vector<std::string>{"info 13 TABARI <NOUN> section (lines 13-16)",
                                           "info 17 TABARI <ADJECTIVE> section (lines 17-19)",
                                           "info 73 TABARI <ATTRIB> section (lines 73-75)",
                                           "info 76 TABARI <TIME> section (lines 76-79)"}));
}

struct Case {
  const char* construct;
  const char* text;
  const char* events;
};

TEST_F(TabariVerbsTest, EachConstructCodesItsEvent) {
  const Case cases[] = {
      {"a root without a code codes nothing", "Arnor accepts Gondor.", ""},
      {"a pattern after the verb", "Arnor accepted the proposal of Gondor.", "ARN>GON 081"},
      {"a pattern before the verb", "Arnor refused to accept the plan of Gondor.", "ARN>GON 112"},
      {"a stem in a pattern", "Arnor accepted the invitation of Gondor.", "ARN>GON 082"},
      {"a hyphen is an underscore", "Arnor accepted the cease fire with Gondor.", "ARN>GON 083"},
      {"... and matches a hyphen", "Arnor accepted the cease-fire with Gondor.", "ARN>GON 083"},
      {"a root's own code", "Arnor agreed with Gondor.", "ARN>GON 081"},
      {"consecutive words", "Arnor agreed to let escape the captives of Gondor.", "ARN>GON 066"},
      {"... not when apart", "Arnor agreed to let the captives of Gondor escape.", "ARN>GON 081"},
      {"regular ending S", "Arnor breaks with Gondor.", "ARN>GON 161"},
      {"irregular forms", "Arnor broke the treaty with Gondor.", "ARN>GON 163"},
      {"irregular forms, passive", "Gondor was broken by Arnor.", "ARN>GON 161"},
      {"a synset", "Arnor abandoned relations with Gondor.", "ARN>GON 161"},
      {"a synset inside a synset", "Arnor abandoned military ties with Gondor.", "ARN>GON 161"},
      {"... in the middle of a member",
       "Arnor abandoned the office of cultural affairs with Gondor.", "ARN>GON 161"},
      {"an exact synset member", "Arnor abandoned relationships with Gondor.", "ARN>GON 160"},
      {"a stem root matches a derived word", "Arnor has condemnatory words for Gondor.",
       "ARN>GON 111"},
      {"$ and +, and a paired code", "Aragorn flew to Gondor.", "ARNGOV>GON 032; GON>ARNGOV 033"},
      {"% a compound actor", "Arnor and Gondor met in Osgiliath.", "ARN>GON 031; GON>ARN 031"},
      {"a null-coded pattern", "Gondorian pounding of the Fellowship went on.", ""},
      {"... and without it", "Gondor pounded the Fellowship.", "GON>IGOFEL 190"},
      {"a discard code in a pattern", "Arnor killed Gondor in an accident.", ""},
      {"... drops the sentence's other events",
       "Arnor pounded Gondor and killed Eriador in an "
       "accident.",
       ""},
      {"a complex code", "Gondor pounded the Fellowship and blasted Arnor.", ""},
      {"a subordinate code alone", "Arnor said to Gondor that it was ready.", "ARN>GON 010"},
      {"... gives way to another event", "Arnor said Gondor pounded the Fellowship.",
       "GON>IGOFEL 190"},
      {"a dominant code", "Gondor criticized the Fellowship; Arnor rejected the effort by Gondor.",
       "ARN>GON 112"},
      {"{ | } alternatives", "Arnor threatened to invade Gondor.", "ARN>GON 138"},
      {"... of several words", "Arnor threatened to strike at Gondor.", "ARN>GON 138"},
      {"... or none of them", "Arnor threatened Gondor.", "ARN>GON 130"},
      {"a null-coded stem with a pattern", "Aragorn headed for Gondor.", "ARNGOV>GON 032"},
      {"... codes nothing alone", "Aragorn heads the Fellowship.", ""},
      {"English spelling of the endings", "Arnor criticized Gondor.", "ARN>GON 111"},
      {"'=': no endings", "Arnor denounced Gondor.", ""},
      {"... the word as written", "Arnor and Gondor denounce the Fellowship.",
       "ARN>IGOFEL 111; GON>IGOFEL 111"},
      {"'~': a stem, then the next word at once", "Arnor pledged supporting for Gondor.",
       "ARN>GON 051"},
      {"... not a word later", "Arnor pledged support only for Gondor.", "ARN>GON 050"},
      {"<ATTRIB> roots are not verbs", "Arnor claimed Gondor.", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Code(c.text), c.events) << c.construct << ": " << c.text;
}

struct Malformed {
  int64_t line;
  const char* message;  // the start of the diagnostic's message
};

TEST(TabariVerbs, AMalformedLineIsAWarningAndTheRestLoads) {
  const std::string verbs =
      "- * ORPHAN [081]\n"      // 1
      "ABANDON [161\n"          // 2
      "- * TIES [162]\n"        // 3: goes with its verb, without a warning of its own
      "ABSORB] [190]\n"         // 4
      "BLESS [051]\n"           // 5
      "- * WITH_TEARS [052]\n"  // 6
      "- BY + [053]\n"          // 7
      "{BLESSED_}\n"            // 8
      "- * $* [054]\n"          // 9
      "- * &UNDEFINED [055]\n"  // 10
      "BLESS [051]\n"           // 11
      "CHEER [05X!!]\n"         // 12
      "GO [010]\n"              // 13
      "PRAISE_ * [051]\n"       // 14
      "<FOO>\n"                 // 15
      "</NOUN>\n"               // 16
      "~STOP\n"                 // 17
      "+MEMBER\n"               // 18
      "SALUTE_ [051]\n"         // 19
      "- * { WARMLY | [052]\n"  // 20
      "- * [-]\n"               // 21
      "<TIME>\n"                // 22
      "TOMORROW [+1]\n";        // 23
  const Malformed expected[] = {
      {1, "a pattern needs a verb line before it"},
      {2, "missing ']' after the code"},
      {4, "missing '[' before the code"},
      {7, "a pattern needs '*' where the verb is"},
      {8, "irregular forms go right after their verb"},
      {9, "'*' stands alone"},
      {10, "synset &UNDEFINED is not defined before this line"},
      {11, "verb 'BLESS' is given at line 5 already"},
      {12, "unreadable code '[05X!!]'"},
      {13, "a verb of fewer than three characters"},
      {14, "a verb is words only: '*' belongs in a pattern line"},
      {15, "unknown section <FOO>"},
      {16, "</NOUN> closes no open <NOUN>"},
      {17, "unknown '~' line"},
      {18, "a '+' member needs a synset"},
      {20, "'{' without '}'"},
      {21, "unreadable code '[-]'"},
      {22, "<TIME> has no </TIME>: the rest of the file was skipped"},
  };
  const testing::TempDir dir;
  ExtractorOptions options;
  options.use_builtin = false;
  options.actor_files = {dir.Write("fictional.actors", testing::kFictionalActors)};
  options.verb_files = {dir.Write("broken.verbs", verbs)};
  std::vector<Diagnostic> d;
  const auto extractor = Extractor::Create(options, &d);
  ASSERT_EQ(d.size(), std::size(expected));
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(d[i].file, options.verb_files[0]);
    EXPECT_EQ(d[i].severity, Severity::kWarning) << d[i].ToString();
    EXPECT_EQ(d[i].line, expected[i].line) << d[i].ToString();
    EXPECT_TRUE(d[i].message.starts_with(expected[i].message)) << d[i].ToString();
  }
  const auto code = [&](const char* text) {
    Article a;
    a.text = text;
    std::vector<Diagnostic> ignored;
    std::string out;
    for (const Event& e : extractor->Extract(a, &ignored)) out += e.cameo + " ";
    return out;
  };
  EXPECT_EQ(code("Arnor blessed Gondor."), "051 ");
  EXPECT_EQ(code("Arnor blessed Gondor with tears."), "052 ");
  EXPECT_EQ(code("Arnor saluted Gondor."), "051 ");
  EXPECT_EQ(code("Arnor abandoned Gondor."), "");  // its line was skipped
}

TEST(TabariVerbs, TellsTheFormats) {
  const std::pair<const char*, VerbFormat> cases[] = {
      {"--- ABANDON [345] ---\nABANDON\n", VerbFormat::kPetrarch},
      {"&TIES\n+RELATIONS_\n--- RESTORE [064] ---\nRESTORE\n", VerbFormat::kPetrarch},
      {"verb warn => warn 130\n", VerbFormat::kDyad},
      {"# a comment\nnoun talks => meet 043 recip\n", VerbFormat::kDyad},
      {"ACCEPT\n- * PROPOSAL [081]\n~FINISH\n", VerbFormat::kTabari},
      {"<SYNSETS>\n&CURRENCY\n+DOLLAR\n</SYNSETS>\nABANDON [345]\n- * [---]\n",
       VerbFormat::kTabari},
      {"KILLED [223]\n- * IN ACCIDENT [###] ; '#' => comment\n", VerbFormat::kTabari},
  };
  for (const auto& [content, format] : cases) {
    EXPECT_EQ(VerbFormatOf(content), format) << content;
  }
}

}  // namespace
}  // namespace dyad::coding
