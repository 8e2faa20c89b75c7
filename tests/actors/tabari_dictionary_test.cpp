#include "actors/tabari_dictionary.h"

#include <gtest/gtest.h>

#include "actors/actor_resolver.h"
#include "actors/fictional.h"
#include "dyad/extractor.h"
#include "test_support.h"
#include "text/document.h"

namespace dyad::actors {
namespace {

TEST(TabariDate, TwoAndFourDigitYears) {
  EXPECT_EQ(ParseTabariDate("450703")->ToString(), "1945-07-03");
  EXPECT_EQ(ParseTabariDate("070723")->ToString(), "2007-07-23");
  EXPECT_EQ(ParseTabariDate("300101")->ToString(), "2030-01-01");
  EXPECT_EQ(ParseTabariDate("310101")->ToString(), "1931-01-01");
  EXPECT_EQ(ParseTabariDate("19270101")->ToString(), "1927-01-01");
  for (const char* bad : {"9008223", "201005011", "991301", "", "12a456"}) {
    EXPECT_FALSE(ParseTabariDate(bad)) << bad;
  }
}

TEST(TabariDictionary, TellsTheFormats) {
  EXPECT_TRUE(LooksLikeTabariActors("# comment\n<!-- x -->\nARNOR_ [ARN]\n"));
  EXPECT_FALSE(LooksLikeTabariActors("# comment\nstate ARN \"Arnor\"\n"));
}

class TabariDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dict_.Load(testing::kFictionalActors, "fictional.actors", &diagnostics_);
    LoadTabariActors(
        "<!-- a validation-style file -->\n"
        "MORDOR_ [MOR]\n"                 // 2
        "+DARK_LAND\n"                    // 3
        "SARUMAN_  # a wizard\n"          // 4
        "\t[ISEGOV 30000101-30190305]\n"  // 5
        "\t[ISEELI]\n"                    // 6
        "GOLLUM [---]\n"                  // 7: the null code
        "+SMEAGOL\n"
        "BROKEN [MOR 2004017-20061201]\n"  // 9: unreadable restriction
        "+\n",                             // 10: empty synonym
        "test.actors", &dict_, &diagnostics_);
    LoadTabariAgents(
        "!PERSON! = MAN, MEN\n"
        "ORC!PERSON! [~MIL]\n"
        "WARG {} [~ANM]\n"
        "NAZGUL {NAZGULS_} [~SPY]\n"
        "RANGER [~REB}\n"
        "HOBBIT\n",  // 6: no code
        "test.agents", &dict_, &diagnostics_);
  }

  std::string Resolve(const std::string& body) {
    Article a;
    a.text = body;
    a.date = Date::FromYmd(3019, 1, 1);
    const text::Document doc = text::BuildDocument(a, text::ProseFilter(""));
    const ActorResolver resolver(dict_);
    Discourse d = resolver.Begin(a);
    std::string out;
    for (const text::Sentence& s : doc.sentences) {
      for (const Mention& m : resolver.Resolve(doc, s, &d)) {
        if (!out.empty()) out += "; ";
        out += m.actors[0].entity + ":" + m.actors[0].code + ":" + m.actors[0].name;
      }
    }
    return out;
  }

  ActorDictionary dict_;
  std::vector<Diagnostic> diagnostics_;
};

TEST_F(TabariDictionaryTest, ReportsBrokenLinesAndLoadsTheRest) {
  std::vector<std::string> got;
  for (const Diagnostic& d : diagnostics_) got.push_back(d.file + ":" + std::to_string(d.line));
  EXPECT_EQ(got, (std::vector<std::string>{"test.actors:9", "test.actors:10", "test.agents:6"}));
  for (const Diagnostic& d : diagnostics_) EXPECT_EQ(d.severity, Severity::kWarning);
}

TEST_F(TabariDictionaryTest, CodesDatesSynonymsAndAgents) {
  EXPECT_EQ(Resolve("The dark land spoke. Saruman spoke. Smeagol spoke."),
            "MOR:MOR:Mordor; ISE:ISEGOV:Saruman");  // Gollum's null code codes nothing
  EXPECT_EQ(Resolve("Mordor orcmen and Mordor wargs and Mordor nazguls and Mordor rangers."),
            "MOR:MORMIL:Mordor; MOR:MORANM:Mordor; MOR:MORSPY:Mordor; MOR:MORREB:Mordor");
  EXPECT_EQ(Resolve("Gondorian orcman."), "GON:GONMIL:Gondor");
}

// A TABARI actor dictionary (chapter 5 of the TABARI manual) of fictional places and people;
// every line is one the manual allows.
constexpr const char* kTabariActors = R"(/ dyad's TABARI-format test actors
# a comment line
<NOUN>
BOMBS
</NOUN>
<ADJECTIVE>
LAZY
</ADJECTIVE>
ERIADOR [ERI]  ; a comment after the code
RIVENDELL [ERI]# and one right after it
BREE [### <30190301] [BRE]
HOBBITON [BRE <30190101] [--- >30190102]
WEATHERHILLS [--- >30180101] [WEA]
ISENGARD [ISE >30190301]
TREEBEARD [***]
MORIA [+++]
EAST_AND_WEST_ANORIEN [ANE/ANW]
BOUTROS-GHALI[EGY < 911231] [UNO > 920101]
THORONGIL [### <890101] [GON]
ECTHELION [--- >010101] [GON]
GOLLUM ; pas 27 Apr 03
+SMEAGOL
+STINKER
  [HOB <30190101]
  [HOBGOV 30190101-30190501]
  [HOBREB >30190502]
~FINISH
NOT_READ [NOT]
)";

class TabariActorsTest : public ::testing::Test {
 protected:
  void SetUp() override { LoadTabariActors(kTabariActors, "test.actors", &dict_, &diagnostics_); }

  // The codes of the mentions of `text` on `day`, or "discarded".
  std::string Resolve(const std::string& text, const Date& day) const {
    Article a;
    a.text = text;
    a.date = day;
    const text::Document doc = text::BuildDocument(a, text::ProseFilter(""));
    const ActorResolver resolver(dict_);
    Discourse d = resolver.Begin(a);
    std::string out;
    for (const Mention& m : resolver.Resolve(doc, doc.sentences[0], &d)) {
      for (const ResolvedActor& actor : m.actors) out += (out.empty() ? "" : " ") + actor.code;
    }
    return d.discarded ? "discarded" : out;
  }

  ActorDictionary dict_;
  std::vector<Diagnostic> diagnostics_;
};

TEST_F(TabariActorsTest, EveryLineTheManualAllowsLoadsWithoutAWarning) {
  std::vector<std::string> got;
  for (const Diagnostic& d : diagnostics_) {
    got.push_back(std::string(SeverityName(d.severity)) + " " + std::to_string(d.line));
  }
  // The <NOUN> and <ADJECTIVE> sections: a note each.
  EXPECT_EQ(got, (std::vector<std::string>{"info 3", "info 6"}));
}

TEST_F(TabariActorsTest, CodesWhatTheManualSays) {
  struct Case {
    const char* construct;
    const char* text;
    Date day;
    const char* codes;
  };
  const Date y3018 = *Date::FromYmd(3018, 6, 1);
  const Date y3019 = *Date::FromYmd(3019, 6, 1);
  const Case cases[] = {
      {"a code", "Eriador spoke.", y3019, "ERI"},
      {"'#' right after the code", "Rivendell spoke.", y3019, "ERI"},
      {"[### <date]: discarded before", "Bree spoke.", y3018, "discarded"},
      {"... coded after", "Bree spoke.", y3019, "BRE"},
      {"[CODE <date]", "Hobbiton spoke.", y3018, "BRE"},
      {"[--- >date]: nothing after", "Hobbiton spoke.", y3019, ""},
      {"a dated null code before the default", "Weatherhills spoke.", y3019, ""},
      {"... the default outside its dates", "Weatherhills spoke.", *Date::FromYmd(3017, 1, 1),
       "WEA"},
      {"one restriction: null outside it", "Isengard spoke.", y3018, ""},
      {"... coded in it", "Isengard spoke.", y3019, "ISE"},
      {"[***] codes nothing", "Treebeard spoke.", y3019, ""},
      {"[+++]: the sentence is not coded", "Moria spoke to Eriador.", y3019, "discarded"},
      {"a compound code", "East and West Anorien spoke.", y3019, "ANE ANW"},
      {"spaces in restrictions, a hyphen", "Boutros-Ghali spoke.", *Date::FromYmd(1991, 6, 1),
       "EGY"},
      {"... the hyphen also a blank", "Boutros Ghali spoke.", *Date::FromYmd(1993, 6, 1), "UNO"},
      {"[### <890101], six-digit dates", "Thorongil spoke.", *Date::FromYmd(1988, 6, 1),
       "discarded"},
      {"... and after", "Thorongil spoke.", *Date::FromYmd(1990, 6, 1), "GON"},
      {"[--- >010101]: 01 is 2001", "Ecthelion spoke.", *Date::FromYmd(2002, 6, 1), ""},
      {"... and before", "Ecthelion spoke.", *Date::FromYmd(1999, 6, 1), "GON"},
      {"synonyms and multi-line restrictions", "Smeagol spoke.", y3018, "HOB"},
      {"...", "Stinker spoke.", *Date::FromYmd(3019, 3, 1), "HOBGOV"},
      {"...", "Gollum spoke.", y3019, "HOBREB"},
      {"<NOUN> words are no actors", "Bombs spoke.", y3019, ""},
      {"nothing after ~FINISH", "Not read spoke.", y3019, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Resolve(c.text, c.day), c.codes) << c.construct << ": " << c.text;
  }
}

TEST(TabariActors, ADiscardedSentenceCodesNoEvent) {
  const testing::TempDir dir;
  ExtractorOptions options;
  options.use_builtin = false;
  options.actor_files = {dir.Write("test.actors", kTabariActors)};
  options.verb_files = {dir.Write("test.verbs", "ACCUSE_ [112]\n")};
  std::vector<Diagnostic> d;
  const auto extractor = Extractor::Create(options, &d);
  const auto code = [&](const char* text, const Date& day) {
    Article a;
    a.text = text;
    a.date = day;
    std::string out;
    for (const Event& e : extractor->Extract(a, &d)) {
      out += e.source.code + ">" + e.target.code + " " + e.cameo + "; ";
    }
    return out;
  };
  EXPECT_EQ(code("Eriador accused Bree. Bree accused Eriador.", *Date::FromYmd(3019, 6, 1)),
            "ERI>BRE 112; BRE>ERI 112; ");
  EXPECT_EQ(code("Eriador accused Bree. Hobbiton accused Eriador.", *Date::FromYmd(3018, 6, 1)),
            "BRE>ERI 112; ");
}

TEST(TabariActors, AMalformedLineIsAWarningAndTheRestLoads) {
  ActorDictionary dict;
  std::vector<Diagnostic> d;
  LoadTabariActors(
      "ERIADOR [ERI]\n"         // 1
      "BREE [BRE-X]\n"          // 2: unreadable code
      "<FOO>\n"                 // 3: unknown section
      "</NOUN>\n"               // 4: closes nothing
      "HOBBITON [BRE <3019]\n"  // 5: unreadable date
      "ISENGARD [ISE\n"         // 6: no ']'
      "<ADJECTIVE>\n"           // 7: never closed
      "LAZY\n",
      "broken.actors", &dict, &d);
  const std::pair<int64_t, const char*> expected[] = {
      {2, "unreadable code 'BRE-X'"},
      {3, "unknown section <FOO>"},
      {4, "</NOUN> closes no open <NOUN>"},
      {5, "unreadable date restriction '<3019'"},
      {6, "'[' without ']'"},
      {7, "<ADJECTIVE> has no </ADJECTIVE>: the rest of the file was skipped"},
  };
  ASSERT_EQ(d.size(), std::size(expected));
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(d[i].severity, Severity::kWarning) << d[i].ToString();
    EXPECT_EQ(d[i].line, expected[i].first) << d[i].ToString();
    EXPECT_TRUE(d[i].message.starts_with(expected[i].second)) << d[i].ToString();
  }
  EXPECT_EQ(dict.records().size(), 4u);  // Eriador, Bree, Hobbiton and Isengard, partly coded
}

TEST(TabariDictionary, PhoenixDictionariesLoadAndCode) {
  DYAD_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/compat/phoenix/";
  ActorDictionary dict;
  std::vector<Diagnostic> d;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt"}) {
    LoadTabariActors(testing::ReadFile(dir + f), f, &dict, &d);
  }
  LoadTabariAgents(testing::ReadFile(dir + "Phoenix.agents.txt"), "Phoenix.agents.txt", &dict, &d);
  for (const Diagnostic& x : d) EXPECT_EQ(x.severity, Severity::kWarning) << x.ToString();
  EXPECT_LT(d.size(), 20u);  // typos in the files themselves, each reported with its line
  EXPECT_GT(dict.records().size(), 20000u);
  Article a;
  a.text = "Russian President Vladimir Putin met the German foreign minister.";
  a.date = Date::FromYmd(2016, 11, 15);
  const text::Document doc = text::BuildDocument(a, text::ProseFilter(""));
  const ActorResolver resolver(dict);
  Discourse discourse = resolver.Begin(a);
  std::vector<std::string> codes;
  for (const Mention& m : resolver.Resolve(doc, doc.sentences[0], &discourse)) {
    codes.push_back(m.actors[0].code);
  }
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[0], "RUSGOV");
  EXPECT_TRUE(codes[1].starts_with("DEUGOV")) << codes[1];
}

}  // namespace
}  // namespace dyad::actors
