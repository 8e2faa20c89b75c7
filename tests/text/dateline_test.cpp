#include "text/dateline.h"

#include <gtest/gtest.h>

#include <string>

#include "text/document.h"
#include "text/tokenizer.h"

namespace dyad::text {
namespace {

// The words of the first sentence's text after any dateline.
std::string Opening(const std::string& text) {
  Article article;
  article.text = text;
  const Document doc = BuildDocument(article, ProseFilter(""));
  const Sentence& s = doc.sentences.front();
  return std::string(doc.Slice(doc.tokens[s.first].begin, doc.tokens[s.first].end));
}

TEST(Dateline, WireDatelinesAreCutFromTheirSentence) {
  EXPECT_EQ(Opening("BEIRUT, Aug 21 - Syrian activists accused the army."), "Syrian");
  EXPECT_EQ(Opening("KYIV, Feb 24 (Reuters) - Russian forces invaded."), "Russian");
  EXPECT_EQ(Opening("KIRKUK, Iraq, Oct 16 - Iraqi forces took Kirkuk."), "Iraqi");
  EXPECT_EQ(Opening("ADDIS ABABA, Nov 4 — The prime minister ordered an offensive."), "The");
  EXPECT_EQ(Opening("KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint."), "Gunmen");
}

TEST(Dateline, OrdinaryOpeningsAreKept) {
  EXPECT_EQ(Opening("NATO warned Russia on Monday."), "NATO");
  EXPECT_EQ(Opening("US and EU leaders met - briefly - in Brussels."), "US");
  EXPECT_EQ(Opening("UN - The council met."), "UN");  // a dash right after two letters
  EXPECT_EQ(Opening("KENYA -"), "KENYA");             // nothing after the dash
}

TEST(Dateline, TheDocumentKeepsWhereItWas) {
  Article article;
  article.text = "MOSCOW, Jan 18 - A court ordered Navalny held.";
  const Document doc = BuildDocument(article, ProseFilter(""));
  ASSERT_LT(doc.dateline_first, doc.dateline_last);
  EXPECT_EQ(doc.Slice(doc.tokens[doc.dateline_first].begin, doc.tokens[doc.dateline_first].end),
            "MOSCOW");
  EXPECT_EQ(doc.sentences.front().begin, doc.tokens[doc.dateline_last].begin);
}

}  // namespace
}  // namespace dyad::text
