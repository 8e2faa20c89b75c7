// PETRARCH's own unit-test records (../shared/compat/petrarch2), coded by dyad with the
// dictionaries they were written for: a peer's test suite, over fictional countries. Reports
// the share of expected codings reproduced and of extra codings, overall and per category.
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad {
namespace {

constexpr double kMinReproduced = 0.75;
constexpr double kMaxExtra = 0.10;

struct Record {
  std::string id;
  std::string category;
  std::string text;
  std::optional<Date> date;
  std::set<std::tuple<std::string, std::string, std::string>> codings;  // source, target, code
};

std::string Attribute(std::string_view tag, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  const size_t end = tag.find('"', at + key.size());
  return std::string(tag.substr(at + key.size(), end - at - key.size()));
}

std::vector<Record> ReadRecords(const std::string& xml) {
  std::vector<Record> out;
  size_t pos = 0;
  while ((pos = xml.find("<Sentence ", pos)) != std::string::npos) {
    const size_t end = xml.find("</Sentence>", pos);
    const std::string_view body(xml.data() + pos, end - pos);
    const std::string_view tag = body.substr(0, body.find('>'));
    Record r;
    r.id = Attribute(tag, "id");
    r.category = Attribute(tag, "category");
    const std::string date = Attribute(tag, "date");
    if (date.size() == 8) {
      r.date = Date::FromYmd(std::stoi(date.substr(0, 4)), std::stoi(date.substr(4, 2)),
                             std::stoi(date.substr(6, 2)));
    }
    for (size_t c = body.find("<EventCoding"); c != std::string_view::npos;
         c = body.find("<EventCoding", c + 1)) {
      const std::string_view coding = body.substr(c, body.find('>', c) - c);
      if (coding.find("noevents") != std::string_view::npos) continue;
      r.codings.emplace(Attribute(coding, "sourcecode"), Attribute(coding, "targetcode"),
                        Attribute(coding, "eventcode"));
    }
    const size_t t = body.find("<Text>");
    const size_t te = body.find("</Text>");
    // The records wrap one sentence over several lines; dyad reads a line break as a
    // sentence boundary, so the text is joined into one line as PETRARCH reads it.
    std::istringstream words{std::string(body.substr(t + 6, te - t - 6))};
    for (std::string w; words >> w;) r.text += (r.text.empty() ? "" : " ") + w;
    out.push_back(std::move(r));
    pos = end;
  }
  return out;
}

TEST(PetrarchValidation, ReproducesTheExpectedCodings) {
  DYAD_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/compat/petrarch2/";
  const std::vector<Record> records = ReadRecords(testing::ReadFile(dir + "PETR.UnitTest.records.xml"));
  ASSERT_EQ(records.size(), 284u);
  ExtractorOptions options;
  options.use_builtin = false;
  options.actor_files = {dir + "PETR.Validate.actors.txt"};
  options.agent_files = {dir + "PETR.Validate.agents.txt"};
  options.verb_files = {dir + "PETR.Validate.verbs.txt"};
  options.discard_files = {dir + "PETR.Validate.discards.txt"};
  std::vector<Diagnostic> diagnostics;
  const auto extractor = Extractor::Create(options, &diagnostics);

  struct Tally {
    size_t expected = 0, reproduced = 0, extra = 0;
  };
  std::map<std::string, Tally> by_category;
  Tally total;
  for (const Record& r : records) {
    Article a;
    a.id = r.id;
    a.text = r.text;
    a.date = r.date;
    std::set<std::tuple<std::string, std::string, std::string>> got;
    for (const Event& e : extractor->Extract(a, &diagnostics)) {
      if (!e.negated) got.emplace(e.source.code, e.target.code, e.cameo);
    }
    Tally& c = by_category[r.category];
    for (const auto& coding : r.codings) {
      const bool hit = got.contains(coding);
      c.reproduced += hit;
      total.reproduced += hit;
    }
    for (const auto& coding : got) {
      const bool extra = !r.codings.contains(coding);
      c.extra += extra;
      total.extra += extra;
    }
    c.expected += r.codings.size();
    total.expected += r.codings.size();
  }
  std::ostringstream report;
  report << std::fixed << std::setprecision(3);
  for (const auto& [category, c] : by_category) {
    report << "  " << std::setw(10) << category << "  expected " << std::setw(3) << c.expected
           << "  reproduced " << std::setw(3) << c.reproduced << "  extra " << std::setw(3) << c.extra
           << "\n";
  }
  const double reproduced = static_cast<double>(total.reproduced) / total.expected;
  const double extra = static_cast<double>(total.extra) / total.expected;
  std::cout << "PETRARCH unit-test records: " << total.reproduced << "/" << total.expected
            << " expected codings reproduced (" << reproduced << "), " << total.extra
            << " extra (" << extra << ")\n"
            << report.str();
  // Issue 3 asks for at least 0.75 reproduced with at most 0.15 extra; the extra bound is set
  // at the measured level, so that a change that adds noise fails too (docs/quality.md).
  EXPECT_GE(reproduced, kMinReproduced);
  EXPECT_LE(extra, kMaxExtra);
}

}  // namespace
}  // namespace dyad
