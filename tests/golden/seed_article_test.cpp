// Golden test: the whole seed article (../shared/corpus/seed/putin-trump-call.txt), coded with
// the built-in dictionaries, against the events a careful coder expects (seed.golden, written
// by the project: one event a line, "sentence source-code action cameo target-code date").
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "dyad/corpus_reader.h"
#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad {
namespace {

std::set<std::string> GoldenLines() {
  std::istringstream in(testing::ReadFile(testing::SourceDir() + "/tests/golden/seed.golden"));
  std::set<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.insert(line);
  }
  return out;
}

// The seed article as the evaluation reads it (published 2016-11-15), and its events.
struct Coded {
  Article article;
  std::vector<Event> events;
};

Coded CodeSeed() {
  CorpusReaderOptions options;
  options.id = "putin-trump-call";
  options.date = Date::FromYmd(2016, 11, 15);
  CorpusReader reader({testing::SharedDir() + "/corpus/seed/putin-trump-call.txt"}, options);
  std::vector<Diagnostic> diagnostics;
  Coded coded;
  EXPECT_TRUE(reader.Next(&coded.article, &diagnostics));
  const auto extractor = Extractor::Create({}, &diagnostics);
  coded.events = extractor->Extract(coded.article, &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().ToString();
  return coded;
}

TEST(SeedArticle, CodesEveryEventACarefulCoderRecords) {
  DYAD_REQUIRE_SHARED();
  const auto [article, events] = CodeSeed();

  std::set<std::string> got;
  for (const Event& e : events) {
    got.insert(std::to_string(e.sentence_index) + " " + e.source.code + " " + e.action + " " +
               e.cameo + " " + e.target.code + " " + (e.date ? e.date->ToString() : "-"));
    // Provenance: spans slice the article to the words reported.
    if (e.source.span.begin >= 0) {
      EXPECT_EQ(article.text.substr(e.source.span.begin, e.source.span.end - e.source.span.begin),
                e.source.text);
    }
    if (e.target.span.begin >= 0) {
      EXPECT_EQ(article.text.substr(e.target.span.begin, e.target.span.end - e.target.span.begin),
                e.target.text);
    }
    EXPECT_NE(
        e.sentence.find(article.text.substr(e.trigger.begin, e.trigger.end - e.trigger.begin)),
        std::string::npos);
  }
  EXPECT_EQ(got, GoldenLines());
}

TEST(SeedArticle, TrapsAreNotCoded) {
  DYAD_REQUIRE_SHARED();
  for (const Event& e : CodeSeed().events) {
    EXPECT_EQ(e.sentence.find("call him a puppet"), std::string::npos) << e.sentence;
    EXPECT_EQ(e.sentence.find("urges you"), std::string::npos) << e.sentence;
    EXPECT_EQ(e.sentence.find("award-winning"), std::string::npos) << e.sentence;
    EXPECT_EQ(e.sentence.find("online project"), std::string::npos) << e.sentence;
  }
}

}  // namespace
}  // namespace dyad
