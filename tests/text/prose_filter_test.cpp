#include "text/prose_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/embedded.h"
#include "text/document.h"

namespace dyad::text {
namespace {

std::string_view BuiltinCues() {
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == "text") return f.data;
  }
  return {};
}

TEST(ProseFilter, SkipsLinksBylinesCreditsAppealsAndFragments) {
  const ProseFilter filter(BuiltinCues());
  Article article;
  article.text =
      "Leaders Meet in Geneva\n\n"
      "Jane Doe\n\n"
      "The two presidents met on Monday.\n\n"
      "[ Related: Talks Stall in Vienna ]\n\n"
      "By Jane Doe, who covers diplomacy.\n\n"
      "Photo courtesy: Example Agency\n\n"
      "Please donate to keep us independent. Click here to give.\n\n"
      "They agreed to meet again.";
  const Document doc = BuildDocument(article, filter);
  std::vector<std::pair<std::string, bool>> got;
  for (const Sentence& s : doc.sentences) {
    got.emplace_back(std::string(doc.Slice(s.begin, s.end)), s.coded);
  }
  const std::vector<std::pair<std::string, bool>> want = {
      {"Leaders Meet in Geneva", true},
      {"Jane Doe", false},
      {"The two presidents met on Monday.", true},
      {"[ Related: Talks Stall in Vienna ]", false},
      {"By Jane Doe, who covers diplomacy.", false},
      {"Photo courtesy: Example Agency", false},
      {"Please donate to keep us independent.", false},
      {"Click here to give.", false},
      {"They agreed to meet again.", true},
  };
  EXPECT_EQ(got, want);
  EXPECT_TRUE(doc.sentences[0].headline);
}

TEST(ProseFilter, TitleComesFirstAndSpansMapBackToTheirField) {
  const ProseFilter filter(BuiltinCues());
  Article article;
  article.title = "Talks in Geneva";
  article.text = "They met.";
  const Document doc = BuildDocument(article, filter);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.FieldOf(doc.sentences[0].begin), ArticleField::kTitle);
  EXPECT_EQ(doc.FieldOf(doc.sentences[1].begin), ArticleField::kText);
  const Span span = doc.ToField(doc.sentences[1].begin, doc.sentences[1].end);
  EXPECT_EQ(article.text.substr(span.begin, span.end - span.begin), "They met.");
}

}  // namespace
}  // namespace dyad::text
