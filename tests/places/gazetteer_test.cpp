#include "places/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "text/tokenizer.h"

namespace dyad::places {
namespace {

// The places named at the first token of `text`, as "country:name" (major places first).
struct Found {
  uint32_t length = 0;
  std::vector<std::string> places;
};
Found FindAt(const Gazetteer& g, std::string_view text, size_t at = 0) {
  const std::vector<text::Token> tokens = text::Tokenize(text);
  const Gazetteer::Match m = g.LongestAt(tokens, at, tokens.size());
  Found found{m.length, {}};
  for (uint32_t id : m.places) {
    const Place& p = g.place(id);
    found.places.push_back(std::string(p.country) + ":" + std::string(p.name));
  }
  return found;
}

// The first place of that name in that country, or nullptr.
const Place* PlaceIn(const Gazetteer& g, std::string_view text, std::string_view country,
                     bool region = false) {
  const std::vector<text::Token> tokens = text::Tokenize(text);
  for (uint32_t id : g.LongestAt(tokens, 0, tokens.size()).places) {
    const Place& p = g.place(id);
    if (p.country == country && p.is_region == region) return &p;
  }
  return nullptr;
}

TEST(Gazetteer, BuiltinTableLoadsWithoutDiagnostics) {
  std::string_view table;
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == "places") table = f.data;
  }
  ASSERT_FALSE(table.empty());
  Gazetteer g;
  std::vector<Diagnostic> diagnostics;
  g.Load(table, "places.tsv.gz", &diagnostics);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
  EXPECT_GT(g.size(), 150000u);
  EXPECT_EQ(g.size(), Gazetteer::Builtin().size());
  EXPECT_EQ(&Gazetteer::Builtin(), &Gazetteer::Builtin());  // parsed once
}

struct KnownPlace {
  std::string_view text;     // the name, then whatever follows it in a sentence
  uint32_t length;           // tokens matched
  std::string_view country;  // ISO alpha-3 of a place with that name
  std::string_view region;   // its first-level region
  bool is_region;
  bool major;
};

TEST(Gazetteer, FindsKnownPlacesAndTheirCountries) {
  const Gazetteer& g = Gazetteer::Builtin();
  const KnownPlace cases[] = {
      {"Kirkuk said", 1, "IRQ", "Kirkuk", false, true},
      {"Kirkuk", 1, "IRQ", "Kirkuk", true, false},  // the governorate too
      {"Nairobi on Monday", 1, "KEN", "Nairobi County", false, true},
      {"Kharkiv's mayor", 1, "UKR", "Kharkiv", false, true},
      {"Rio de Janeiro police", 3, "BRA", "Rio de Janeiro", false, true},
      {"Rio De Janeiro", 3, "BRA", "Rio de Janeiro", false, true},
      {"Sharm el-Sheikh summit", 4, "EGY", "South Sinai", false, true},
      {"Sharm El Sheikh summit", 3, "EGY", "South Sinai", false, true},  // no hyphen
      {"New Delhi", 2, "IND", "Delhi", false, true},
      {"Mariupol", 1, "UKR", "Donetsk", false, true},
      {"Donetsk Oblast", 2, "UKR", "Donetsk", true, false},
      {"Zhytomyr Oblast", 2, "UKR", "Zhytomyr Oblast", true, false},
      {"Zhytomyr", 1, "UKR", "Zhytomyr Oblast", true, false},  // the short form of the oblast
      {"Saint Petersburg", 2, "RUS", "St.-Petersburg", false, true},
      {"St. Petersburg", 2, "RUS", "St.-Petersburg", false, true},
      {"Ni\xC5\xA1", 1, "SRB", "Central Serbia", false, true},  // "Niš", diacritics folded
      {"Nis", 1, "SRB", "Central Serbia", false, true},
      {"KIRKUK", 1, "IRQ", "Kirkuk", false, true},  // a headline in capitals
  };
  for (const KnownPlace& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<text::Token> tokens = text::Tokenize(c.text);
    const Gazetteer::Match m = g.LongestAt(tokens, 0, tokens.size());
    EXPECT_EQ(m.length, c.length);
    const Place* p = PlaceIn(g, c.text, c.country, c.is_region);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->region, c.region);
    EXPECT_EQ(p->major, c.major);
    EXPECT_FALSE(p->common);
    if (!p->is_region) {
      EXPECT_FALSE(std::isnan(p->lat));
    }
  }
}

TEST(Gazetteer, GivesCoordinatesRoundedToTheTable) {
  const Place* kirkuk = PlaceIn(Gazetteer::Builtin(), "Kirkuk", "IRQ");
  ASSERT_NE(kirkuk, nullptr);
  EXPECT_NEAR(kirkuk->lat, 35.47, 0.01);
  EXPECT_NEAR(kirkuk->lon, 44.39, 0.01);
  const Place* nairobi = PlaceIn(Gazetteer::Builtin(), "Nairobi", "KEN");
  ASSERT_NE(nairobi, nullptr);
  EXPECT_NEAR(nairobi->lat, -1.28, 0.01);
}

TEST(Gazetteer, GivesEveryPlaceOfANameCapitalsAndMajorFirst) {
  const Gazetteer& g = Gazetteer::Builtin();
  const struct {
    std::string_view name;
    std::string_view first;  // country:name of the first place given
  } cases[] = {
      {"London", "GBR:London"},          // before London, Ontario (also major)
      {"Washington", "USA:Washington"},  // the District of Columbia's
      {"Paris", "FRA:Paris"},            // before Paris, Texas
      {"Moscow", "RUS:Moscow"},          // before Moscow, Idaho
      {"Tripoli", "LBY:Tripoli"},        // before Tripoli, Lebanon
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Found found = FindAt(g, c.name);
    ASSERT_GE(found.places.size(), 2u);
    EXPECT_EQ(found.places.front(), c.first);
  }
  const std::vector<text::Token> t = text::Tokenize("Washington");
  const Gazetteer::Match m = g.LongestAt(t, 0, t.size());
  ASSERT_FALSE(m.places.empty());
  EXPECT_TRUE(g.place(m.places[0]).capital);
  EXPECT_EQ(g.place(m.places[0]).region, "District of Columbia");
  EXPECT_TRUE(g.place(m.places[1]).major);  // then the major ones
  const Found moscow = FindAt(g, "Moscow");
  EXPECT_NE(std::find(moscow.places.begin(), moscow.places.end(), "USA:Moscow"),
            moscow.places.end());
  // "Moscow" is the city and the region of the city, not also "Moscow Oblast".
  for (uint32_t id : g.LongestAt(text::Tokenize("Moscow"), 0, 1).places) {
    EXPECT_NE(g.place(id).region, "Moscow Oblast");
  }
}

TEST(Gazetteer, MatchesCapitalizedWordsOnly) {
  const Gazetteer& g = Gazetteer::Builtin();
  const std::string_view none[] = {
      "kirkuk", "nairobi", "the", "said", "rio de janeiro", "mobile phones",
  };
  for (std::string_view text : none) {
    SCOPED_TRACE(text);
    EXPECT_EQ(FindAt(g, text).length, 0u);
  }
  // A capitalized word of the name must be capitalized in the text ("Rio" alone is a town
  // in Wisconsin).
  EXPECT_EQ(FindAt(g, "Rio de janeiro").length, 1u);
  // A name does not run across a line break.
  EXPECT_EQ(FindAt(g, "New\nDelhi").length, 0u);
  EXPECT_EQ(FindAt(g, "New Delhi").length, 2u);
}

TEST(Gazetteer, FlagsCommonWordsAndNames) {
  const Gazetteer& g = Gazetteer::Builtin();
  const struct {
    std::string_view name;
    std::string_view country;
  } cases[] = {
      {"Reading", "GBR"}, {"Bath", "GBR"},  {"Mobile", "USA"},
      {"Police", "POL"},  {"Obama", "JPN"}, {"Nice", "FRA"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Place* p = PlaceIn(g, c.name, c.country);
    ASSERT_NE(p, nullptr);
    EXPECT_TRUE(p->common);
  }
  const Place* paris = PlaceIn(g, "Paris", "FRA");
  ASSERT_NE(paris, nullptr);
  EXPECT_FALSE(paris->common);
}

TEST(Gazetteer, HonoursTheEndBound) {
  const Gazetteer& g = Gazetteer::Builtin();
  const std::vector<text::Token> t = text::Tokenize("in Rio de Janeiro today");
  EXPECT_EQ(g.LongestAt(t, 1, t.size()).length, 3u);
  EXPECT_EQ(g.LongestAt(t, 1, 3).length, 1u);  // "Rio" alone
  EXPECT_EQ(g.LongestAt(t, 1, 1).length, 0u);
  EXPECT_EQ(g.LongestAt(t, t.size(), t.size()).length, 0u);
}

TEST(Gazetteer, ABrokenLineIsADiagnosticAndTheOthersLoad) {
  const std::string table =
      "# a table\n"
      "Alphaville\tXAA\tNorth\t10.50\t20.25\tmajor\n"
      "Betatown\tXA\tNorth\t1\t2\t-\n"          // line 3: a two-letter country
      "Gammaburg\tXAA\tNorth\t95\t2\t-\n"       // line 4: latitude out of range
      "Deltaport\tXAA\tSouth\t1.5\t2.5\tbig\n"  // line 5: an unknown flag
      "Epsilon City\tXAA\tSouth\t-1.5\t-2.5\tcommon,region\n"
      "Zeta\tXAA\tSouth\t1\n"          // line 7: too few fields
      "Eta Bay\tXAB\t\t\t\tregion\n";  // no coordinates: allowed
  Gazetteer g;
  std::vector<Diagnostic> diagnostics;
  g.Load(table, "mine.tsv", &diagnostics);
  ASSERT_EQ(diagnostics.size(), 4u);
  const int64_t lines[] = {3, 4, 5, 7};
  for (size_t k = 0; k < diagnostics.size(); ++k) {
    EXPECT_EQ(diagnostics[k].file, "mine.tsv");
    EXPECT_EQ(diagnostics[k].line, lines[k]);
    EXPECT_FALSE(diagnostics[k].excerpt.empty());
  }
  EXPECT_NE(diagnostics[0].ToString().find("mine.tsv line 3"), std::string::npos);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(FindAt(g, "Alphaville").places, std::vector<std::string>{"XAA:Alphaville"});
  const Found epsilon = FindAt(g, "Epsilon City");
  EXPECT_EQ(epsilon.length, 2u);
  const Place& e = g.place(1);
  EXPECT_TRUE(e.common);
  EXPECT_TRUE(e.is_region);
  EXPECT_FALSE(e.major);
  EXPECT_FLOAT_EQ(e.lat, -1.5f);
  EXPECT_TRUE(std::isnan(g.place(2).lat));
  EXPECT_EQ(FindAt(g, "Betatown").length, 0u);
}

TEST(Gazetteer, LoadsMoreTablesOnTop) {
  Gazetteer g;
  std::vector<Diagnostic> diagnostics;
  g.Load("Alphaville\tXAA\tNorth\t1\t2\t-\n", "a.tsv", &diagnostics);
  g.Load("Alphaville\tXAB\tWest\t3\t4\tmajor\nAlphaville Heights\tXAB\tWest\t3\t4\t-\n", "b.tsv",
         &diagnostics);
  g.Load("Alphaville\tXAC\tEast\t5\t6\tcapital,major\n", "c.tsv", &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(FindAt(g, "Alphaville").places,
            (std::vector<std::string>{"XAC:Alphaville", "XAB:Alphaville", "XAA:Alphaville"}));
  EXPECT_EQ(FindAt(g, "Alphaville Heights").length, 2u);
}

TEST(Gazetteer, ACorruptCompressedTableIsOneDiagnostic) {
  Gazetteer g;
  std::vector<Diagnostic> diagnostics;
  g.Load(std::string_view("\x1F\x8B\x08\x00garbage", 11), "broken.tsv.gz", &diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].file, "broken.tsv.gz");
  EXPECT_EQ(g.size(), 0u);
}

}  // namespace
}  // namespace dyad::places
