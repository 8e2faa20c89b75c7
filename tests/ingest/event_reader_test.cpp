#include "dyad/event_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "dyad/event_format.h"
#include "test_support.h"

namespace dyad {
namespace {

Event MakeEvent(const std::string& article, const std::string& action) {
  Event e;
  e.article_id = article;
  e.sentence_index = 2;
  e.field = ArticleField::kTitle;
  e.sentence = "Russia \"warned\" NATO.";
  e.source = ActorRef{"RUS", "RUSGOV", "Russia", "Russia", Span{0, 6}};
  e.target = ActorRef{"NATO", "IGOWSTNAT", "NATO", "", Span{-1, -1}};  // implied: no text
  e.action = action;
  e.cameo = "130";
  e.quad_class = 3;
  e.goldstein = -4.4;
  e.date = Date::ParseIso("2016-11");
  e.negated = true;
  e.factual = false;
  e.rule = "warn.verb";
  e.trigger = Span{7, 13};
  return e;
}

std::vector<ArticleRecord> ReadAll(const std::string& path, std::vector<Diagnostic>* diagnostics) {
  EventReader reader({path});
  std::vector<ArticleRecord> out;
  ArticleRecord r;
  while (reader.Next(&r, diagnostics)) out.push_back(r);
  return out;
}

// What extract --format records writes reads back whole, through gzip too.
TEST(EventReader, ArticleRecordsRoundTrip) {
  ArticleRecord r;
  r.article.id = "a1";
  r.article.title = "Title, \"quoted\"";
  r.article.url = "https://example.org/a1";
  r.article.source = "example.org";
  r.article.date = Date::ParseIso("2016-11-15");
  r.content_hash = "0123456789abcdef";
  r.fingerprint = "fp";
  r.events = {MakeEvent("a1", "warn"), MakeEvent("a1", "threaten")};
  Diagnostic read;
  read.file = "corpus.jsonl";
  read.line = 4;
  read.message = "malformed JSON";
  read.excerpt = "{broken";
  r.read = {read};
  ArticleRecord trailer;
  trailer.has_article = false;
  trailer.read = {read};
  const std::string text = ArticleRecordToJson(r) + "\n" + ArticleRecordToJson(trailer) + "\n";
  const testing::TempDir dir;
  const std::string gz = dir.Path("records.jsonl.gz");
  gzFile out = gzopen(gz.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
  for (const std::string& path : {dir.Write("records.jsonl", text), gz}) {
    std::vector<Diagnostic> diagnostics;
    const auto records = ReadAll(path, &diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << path;
    ASSERT_EQ(records.size(), 2u) << path;
    const ArticleRecord& back = records[0];
    EXPECT_TRUE(back.has_article);
    EXPECT_EQ(back.article.title, r.article.title);
    EXPECT_EQ(back.article.date, r.article.date);
    EXPECT_EQ(back.content_hash, r.content_hash);
    ASSERT_EQ(back.events.size(), 2u);
    // Written again, an event is the same line: every field came back.
    EXPECT_EQ(EventToJson(back.events[1]), EventToJson(r.events[1]));
    ASSERT_EQ(back.read.size(), 1u);
    EXPECT_EQ(back.read[0].ToString(), read.ToString());
    EXPECT_FALSE(records[1].has_article);
    EXPECT_EQ(records[1].read.size(), 1u);
  }
}

// Plain event lines make articles of consecutive events; a broken line is a diagnostic with
// its file and line, and reading goes on.
TEST(EventReader, PlainEventsAreGroupedByArticle) {
  const testing::TempDir dir;
  const std::string lines = EventToJson(MakeEvent("a1", "warn")) + "\n" +
                            EventToJson(MakeEvent("a1", "threaten")) + "\nnot json\n" +
                            R"({"article_id": "a2"})" + "\n" +
                            EventToJson(MakeEvent("a2", "warn")) + "\n";
  const std::string path = dir.Write("events.jsonl", lines);
  std::vector<Diagnostic> diagnostics;
  const auto records = ReadAll(path, &diagnostics);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].article.id, "a1");
  EXPECT_EQ(records[0].events.size(), 2u);
  EXPECT_EQ(records[1].events.size(), 1u);
  EXPECT_EQ(records[0].fingerprint, "events");
  EXPECT_TRUE(records[0].content_hash.starts_with("events:"));
  EXPECT_NE(records[0].content_hash, records[1].content_hash);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].line, 3);
  EXPECT_NE(diagnostics[1].message.find("\"sentence_index\""), std::string::npos)
      << diagnostics[1].message;
  // The same events give the same hashes: a re-run changes nothing.
  std::vector<Diagnostic> again;
  EXPECT_EQ(ReadAll(path, &again)[0].content_hash, records[0].content_hash);
}

// Values the store would take as given are checked: each broken event is a diagnostic naming
// its member, and the good ones still come through.
TEST(EventReader, EventsWithValuesOutOfRangeAreSkipped) {
  const testing::TempDir dir;
  std::string lines;
  const auto with = [&](auto change) {
    Event e = MakeEvent("a1", "warn");
    change(&e);
    lines += EventToJson(e) + "\n";
  };
  with([](Event*) {});
  with([](Event* e) { e->quad_class = 9; });
  with([](Event* e) { e->goldstein = 11.5; });
  with([](Event* e) { e->cameo = "13a"; });
  with([](Event* e) { e->cameo = ""; });
  with([](Event* e) { e->source.code = ""; });
  with([](Event* e) { e->trigger = Span{13, 7}; });
  with([](Event* e) { e->sentence_index = -1; });
  with([](Event* e) { e->action = "threaten"; });
  std::vector<Diagnostic> diagnostics;
  const auto records = ReadAll(dir.Write("e.jsonl", lines), &diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].events.size(), 2u);
  ASSERT_EQ(diagnostics.size(), 7u);
  const char* members[] = {"quad_class", "goldstein", "cameo",         "cameo",
                           "source",     "trigger",   "sentence_index"};
  for (size_t k = 0; k < 7; ++k) {
    EXPECT_EQ(diagnostics[k].line, static_cast<int64_t>(k) + 2);
    EXPECT_NE(diagnostics[k].message.find(std::string("\"") + members[k] + "\""), std::string::npos)
        << diagnostics[k].message;
  }
}

}  // namespace
}  // namespace dyad
