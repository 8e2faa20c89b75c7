// The lexicon's own test sentences (tests/data/lexicon/sentences.tsv, written by its authors),
// coded with the built-in dictionaries: each gives its expected CAMEO code, or no event.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad {
namespace {

struct Line {
  std::string sentence;
  std::string code;  // "none": no event
};

std::vector<Line> ReadLines() {
  std::istringstream in(
      testing::ReadFile(testing::SourceDir() + "/tests/data/lexicon/sentences.tsv"));
  std::vector<Line> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

TEST(LexiconSentences, EachCodesItsExpectedEvent) {
  const std::vector<Line> lines = ReadLines();
  ASSERT_GE(lines.size(), 100u);
  std::vector<Diagnostic> diagnostics;
  const auto extractor = Extractor::Create({}, &diagnostics);
  for (const Line& l : lines) {
    Article a;
    a.id = "t";
    a.text = l.sentence;
    a.date = Date::FromYmd(2024, 1, 10);
    std::vector<std::string> codes;
    for (const Event& e : extractor->Extract(a, &diagnostics)) codes.push_back(e.cameo);
    if (l.code == "none") {
      EXPECT_TRUE(codes.empty()) << l.sentence << ": coded " << codes.front();
    } else {
      EXPECT_NE(std::find(codes.begin(), codes.end(), l.code), codes.end())
          << l.sentence << ": expected " << l.code << ", coded "
          << (codes.empty() ? "nothing" : codes.front());
    }
  }
}

}  // namespace
}  // namespace dyad
