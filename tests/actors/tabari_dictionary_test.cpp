#include "actors/tabari_dictionary.h"

#include <gtest/gtest.h>

#include "actors/actor_resolver.h"
#include "actors/fictional.h"
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
        "MORDOR_ [MOR]\n"                     // 2
        "+DARK_LAND\n"                        // 3
        "SARUMAN_  # a wizard\n"              // 4
        "\t[ISEGOV 30000101-30190305]\n"      // 5
        "\t[ISEELI]\n"                        // 6
        "GOLLUM [---]\n"                      // 7: the null code
        "+SMEAGOL\n"
        "BROKEN [MOR 2004017-20061201]\n"     // 9: unreadable restriction
        "+\n",                                // 10: empty synonym
        "test.actors", &dict_, &diagnostics_);
    LoadTabariAgents(
        "!PERSON! = MAN, MEN\n"
        "ORC!PERSON! [~MIL]\n"
        "WARG {} [~ANM]\n"
        "NAZGUL {NAZGULS_} [~SPY]\n"
        "RANGER [~REB}\n"
        "HOBBIT\n",                           // 6: no code
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
