#include "dyad/corpus_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// Serves `content` as standard input while in scope.
class StdinFrom {
 public:
  explicit StdinFrom(std::string content)
      : buffer_(std::move(content)), saved_(std::cin.rdbuf(&buffer_)) {}
  ~StdinFrom() {
    std::cin.rdbuf(saved_);
    std::cin.clear();
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  std::stringbuf buffer_;
  std::streambuf* saved_;
};

struct Corpus {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  int64_t skipped = 0;

  std::string Diagnostics() const {
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics) {
      all += diagnostic.ToString() + "\n";
    }
    return all;
  }
};

Corpus ReadCorpus(std::vector<std::string> paths, CorpusReaderOptions options = {}) {
  CorpusReader reader(std::move(paths), std::move(options));
  Corpus corpus;
  Article article;
  while (reader.Next(&article, &corpus.diagnostics)) {
    corpus.articles.push_back(article);
  }
  EXPECT_FALSE(reader.Next(&article, &corpus.diagnostics)) << "the end is final";
  corpus.skipped = reader.skipped();
  return corpus;
}

const Date kElectionDay{2016, 11, 8};

TEST(CorpusReader, PlainTextFileIsOneArticle) {
  TempDir dir;
  const std::string text = "Putin calls Trump\n\nMOSCOW - Vladimir Putin called Donald Trump.\n";
  const Corpus corpus = ReadCorpus({dir.Write("putin-trump-call.txt", text)});

  ASSERT_EQ(corpus.articles.size(), 1u) << corpus.Diagnostics();
  const Article& article = corpus.articles[0];
  EXPECT_EQ(article.id, "putin-trump-call");
  EXPECT_EQ(article.title, "");
  EXPECT_EQ(article.text, text);
  EXPECT_EQ(article.date, std::nullopt);
  EXPECT_TRUE(corpus.diagnostics.empty());
  EXPECT_EQ(corpus.skipped, 0);
}

TEST(CorpusReader, PlainTextTakesIdAndDateFromOptions) {
  TempDir dir;
  const Corpus corpus =
      ReadCorpus({dir.Write("a.txt", "Text.")}, {.id = "kremlin-1", .date = kElectionDay});

  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.articles[0].id, "kremlin-1");
  EXPECT_EQ(corpus.articles[0].date, kElectionDay);
}

TEST(CorpusReader, PlainTextStripsBomAndKeepsEveryOtherByte) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write("crlf.txt", "\xEF\xBB\xBFTitle\r\n\r\nBody\r\n")});

  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.articles[0].text, "Title\r\n\r\nBody\r\n");
}

TEST(CorpusReader, PlainTextWithInvalidUtf8IsSkipped) {
  TempDir dir;
  const std::string bad = dir.Write("latin1.txt", "Headline\nMeeting in Bogot\xE1 today\n");
  const std::string good = dir.Write("good.txt", "Fine.");
  const Corpus corpus = ReadCorpus({bad, good});

  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.articles[0].id, "good");
  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  const Diagnostic& error = corpus.diagnostics[0];
  EXPECT_EQ(error.severity, Severity::kError);
  EXPECT_EQ(error.file, bad);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.offset, 16);
  EXPECT_EQ(error.article_id, "latin1");
  EXPECT_EQ(error.message, "invalid UTF-8 at byte 16");
  EXPECT_EQ(error.excerpt, "Meeting in Bogot? today");
  EXPECT_EQ(corpus.skipped, 1);
}

TEST(CorpusReader, EmptyPlainTextIsSkipped) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write("empty.txt", ""), dir.Write("blank.txt", " \r\n\t")});

  EXPECT_TRUE(corpus.articles.empty());
  ASSERT_EQ(corpus.diagnostics.size(), 2u);
  EXPECT_EQ(corpus.diagnostics[0].ToString(),
            dir.Path("empty.txt") + " (article empty): empty text");
  EXPECT_EQ(corpus.diagnostics[1].message, "empty text");
  EXPECT_EQ(corpus.skipped, 2);
}

TEST(CorpusReader, JsonlReadsEveryField) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write(
      "news.jsonl",
      R"({"id": "k1", "title": "Talks", "text": "Putin met Erdogan.", "date": "2016-11-15T10:30:00Z",)"
      R"( "url": "http://kremlin.ru/1", "source": "kremlin.ru", "lang": "en", "tags": [1, {}]})"
      "\n")});

  ASSERT_EQ(corpus.articles.size(), 1u) << corpus.Diagnostics();
  const Article& article = corpus.articles[0];
  EXPECT_EQ(article.id, "k1");
  EXPECT_EQ(article.title, "Talks");
  EXPECT_EQ(article.text, "Putin met Erdogan.");
  EXPECT_EQ(article.date, (Date{2016, 11, 15}));
  EXPECT_EQ(article.url, "http://kremlin.ru/1");
  EXPECT_EQ(article.source, "kremlin.ru");
  EXPECT_TRUE(corpus.diagnostics.empty()) << corpus.Diagnostics();
}

TEST(CorpusReader, JsonlDefaultsIdToStemAndLineAndSkipsBlankLines) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write("wire.ndjson",
                                              "{\"text\": \"One.\"}\n"
                                              "\n"
                                              "   \t\r\n"
                                              "{\"text\": \"Two.\", \"id\": \"\"}\n"
                                              "{\"text\": \"Three.\", \"id\": null}")});

  ASSERT_EQ(corpus.articles.size(), 3u) << corpus.Diagnostics();
  EXPECT_EQ(corpus.articles[0].id, "wire:1");
  EXPECT_EQ(corpus.articles[1].id, "wire:4");
  EXPECT_EQ(corpus.articles[2].id, "wire:5");
  EXPECT_TRUE(corpus.diagnostics.empty()) << corpus.Diagnostics();
  EXPECT_EQ(corpus.skipped, 0);
}

TEST(CorpusReader, JsonlDateFallsBackToOptionsDate) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write("d.jsonl",
                                              "{\"text\": \"a\"}\n"
                                              "{\"text\": \"b\", \"date\": \"2014-03-18\"}\n"
                                              "{\"text\": \"c\", \"date\": \"soon\"}\n")},
                                   {.id = "ignored for JSONL", .date = kElectionDay});

  ASSERT_EQ(corpus.articles.size(), 3u);
  EXPECT_EQ(corpus.articles[0].id, "d:1");
  EXPECT_EQ(corpus.articles[0].date, kElectionDay);
  EXPECT_EQ(corpus.articles[1].date, (Date{2014, 3, 18}));
  EXPECT_EQ(corpus.articles[2].date, kElectionDay);
  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  EXPECT_EQ(corpus.diagnostics[0].severity, Severity::kWarning);
}

TEST(CorpusReader, JsonlToleratesBomAndCrlf) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write(
      "crlf.JSONL",
      "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"A.\"}\r\n{\"id\": \"b\", \"text\": \"B.\"}\r\n")});

  ASSERT_EQ(corpus.articles.size(), 2u) << corpus.Diagnostics();
  EXPECT_EQ(corpus.articles[0].id, "a");
  EXPECT_EQ(corpus.articles[1].text, "B.");
}

struct RecordCase {
  const char* name;
  std::string line;
  Severity severity;
  std::string message;  // the one diagnostic expected, or "" for none
  bool kept;            // whether the article is still returned
};

TEST(CorpusReader, JsonlRecordProblems) {
  constexpr Severity kError = Severity::kError;
  constexpr Severity kWarning = Severity::kWarning;
  const RecordCase cases[] = {
      {"unknown keys and nulls", R"({"text": "x", "title": null, "extra": {"a": [1]}})", kWarning,
       "", true},
      {"syntax", R"({"id": "abc", "text" "x)", kError,
       "malformed JSON at byte 21: Missing a colon after a name of object member", false},
      {"syntax after a byte order mark", "\xEF\xBB\xBF{\"id\": \"abc\", \"text\" \"x", kError,
       "malformed JSON at byte 24: Missing a colon after a name of object member", false},
      {"truncated", R"({"text": "x")", kError,
       "malformed JSON at byte 12: Missing a comma or '}' after an object member", false},
      {"two values", R"({"text": "x"} {})", kError,
       "malformed JSON at byte 14: The document root must not be followed by other values", false},
      {"unpaired high surrogate", R"({"text": "\ud800"})", kError,
       "malformed JSON at byte 10: The surrogate pair in string is invalid", false},
      {"raw tab in string", "{\"text\": \"a\tb\"}", kError,
       "malformed JSON at byte 11: Invalid escape character in string", false},
      {"nul byte", std::string("{\"text\": \"a\"}\0junk", 18), kError,
       "malformed JSON at byte 13: NUL byte", false},
      {"array", R"(["text"])", kError, "not a JSON object", false},
      {"string", R"("text")", kError, "not a JSON object", false},
      {"missing text", R"({"id": "a", "title": "t"})", kError, "missing \"text\"", false},
      {"null text", R"({"text": null})", kError, "missing \"text\"", false},
      {"numeric text", R"({"text": 5})", kError, "\"text\" is not a string", false},
      {"object text", R"({"text": {"body": "x"}})", kError, "\"text\" is not a string", false},
      {"escaped low surrogate", R"({"text": "\udc00"})", kError,
       "\"text\" is not valid UTF-8 (an unpaired surrogate escape)", false},
      {"empty text", R"({"text": ""})", kError, "empty text", false},
      {"blank text", R"({"text": " \n\t\r "})", kError, "empty text", false},
      {"invalid UTF-8", "{\"text\": \"caf\xE9\"}", kError, "invalid UTF-8 at byte 13", false},
      {"numeric title", R"({"text": "x", "title": 3})", kWarning,
       "\"title\" is not a string; ignored", true},
      {"numeric id", R"({"text": "x", "id": 12})", kWarning, "\"id\" is not a string; ignored",
       true},
      {"array url", R"({"text": "x", "url": []})", kWarning, "\"url\" is not a string; ignored",
       true},
      {"bad source escape", R"({"text": "x", "source": "\udfff"})", kWarning,
       "\"source\" is not valid UTF-8 (an unpaired surrogate escape); ignored", true},
      {"unparseable date", R"({"text": "x", "date": "yesterday"})", kWarning,
       "unparseable date 'yesterday'; ignored", true},
      {"month date", R"({"text": "x", "date": "2016-11"})", kWarning,
       "date names no day '2016-11'; ignored", true},
      {"numeric date", R"({"text": "x", "date": 20161115})", kWarning,
       "\"date\" is not a string; ignored", true},
  };
  for (const RecordCase& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path =
        dir.Write("case.jsonl", c.line + "\n{\"id\": \"next\", \"text\": \"ok\"}\n");
    const Corpus corpus = ReadCorpus({path});

    ASSERT_EQ(corpus.articles.size(), c.kept ? 2u : 1u) << corpus.Diagnostics();
    EXPECT_EQ(corpus.articles.back().id, "next");
    EXPECT_EQ(corpus.skipped, c.kept ? 0 : 1);
    if (c.message.empty()) {
      EXPECT_TRUE(corpus.diagnostics.empty()) << corpus.Diagnostics();
      continue;
    }
    ASSERT_EQ(corpus.diagnostics.size(), 1u) << corpus.Diagnostics();
    const Diagnostic& diagnostic = corpus.diagnostics[0];
    EXPECT_EQ(diagnostic.severity, c.severity);
    EXPECT_EQ(diagnostic.message, c.message);
    EXPECT_EQ(diagnostic.file, path);
    EXPECT_EQ(diagnostic.line, 1);
    EXPECT_FALSE(diagnostic.excerpt.empty());
  }
}

TEST(CorpusReader, JsonlDiagnosticNamesArticleAndRecord) {
  TempDir dir;
  const std::string path = dir.Write("news.jsonl",
                                     "\n\n\n\n\n\n"
                                     R"({"id": "abc", "text" "x)");
  const Corpus corpus = ReadCorpus({path});

  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  EXPECT_EQ(corpus.diagnostics[0].offset, 21);
  EXPECT_EQ(corpus.diagnostics[0].ToString(),
            path +
                " line 7: malformed JSON at byte 21: Missing a colon after a name of object "
                "member. Record: '{\"id\": \"abc\", \"text\" \"x'");

  const std::string empty = dir.Write("empty.jsonl", R"({"id": "abc", "text": "  "})");
  EXPECT_EQ(ReadCorpus({empty}).diagnostics.at(0).ToString(),
            empty + R"( line 1 (article abc): empty text. Record: '{"id": "abc", "text": "  "}')");
}

TEST(CorpusReader, ExcerptShowsTheOffendingBytesOfALongLine) {
  TempDir dir;
  const std::string line =
      "{\"text\": \"" + std::string(5000, 'a') + "\xC0" + std::string(100, 'b') + "\"}";
  const Corpus corpus = ReadCorpus({dir.Write("long.jsonl", line)});

  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  EXPECT_EQ(corpus.diagnostics[0].message, "invalid UTF-8 at byte 5010");
  EXPECT_EQ(corpus.diagnostics[0].excerpt,
            "..." + std::string(30, 'a') + "?" + std::string(49, 'b') + "...");
}

TEST(CorpusReader, DuplicateIdsAreWarnedButKept) {
  TempDir dir;
  const Corpus corpus = ReadCorpus({dir.Write("a.jsonl",
                                              "{\"id\": \"x\", \"text\": \"1\"}\n"
                                              "{\"id\": \"x\", \"text\": \"2\"}\n"),
                                    dir.Write("x.txt", "3")});

  ASSERT_EQ(corpus.articles.size(), 3u);
  ASSERT_EQ(corpus.diagnostics.size(), 2u) << corpus.Diagnostics();
  EXPECT_EQ(corpus.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(corpus.diagnostics[0].message, "duplicate id");
  EXPECT_EQ(corpus.diagnostics[0].line, 2);
  EXPECT_EQ(corpus.diagnostics[1].article_id, "x");
  EXPECT_EQ(corpus.skipped, 0);
}

TEST(CorpusReader, UnreadablePathsAreSkipped) {
  TempDir dir;
  fs::create_directory(dir.Path("folder.jsonl"));
  const Corpus corpus =
      ReadCorpus({dir.Path("missing.txt"), dir.Path("folder.jsonl"), dir.Write("ok.txt", "Text.")});

  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.articles[0].id, "ok");
  ASSERT_EQ(corpus.diagnostics.size(), 2u);
  EXPECT_EQ(corpus.diagnostics[0].ToString(),
            dir.Path("missing.txt") + ": cannot open: No such file or directory");
  EXPECT_EQ(corpus.diagnostics[1].ToString(), dir.Path("folder.jsonl") + ": is a directory");
  EXPECT_EQ(corpus.skipped, 2);
}

TEST(CorpusReader, NoInputMeansNoArticles) {
  TempDir dir;
  const Corpus none = ReadCorpus({});
  EXPECT_TRUE(none.articles.empty());
  // An empty corpus is not an error, but it is said: a warning, nothing skipped.
  const Corpus empty =
      ReadCorpus({dir.Write("empty.jsonl", ""), dir.Write("blank.jsonl", "\n \n")});
  EXPECT_TRUE(empty.articles.empty());
  EXPECT_EQ(empty.skipped, 0);
  ASSERT_EQ(empty.diagnostics.size(), 2u);
  EXPECT_EQ(empty.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(empty.diagnostics[0].message, "empty: no articles");
  EXPECT_EQ(empty.diagnostics[1].message, "no articles: every line is blank");
}

TEST(CorpusReader, StdinStartingWithABraceIsJsonl) {
  StdinFrom stdin_content(" \n{\"text\": \"A.\"}\n{\"text\": 1}\n");
  const Corpus corpus = ReadCorpus({"-"});

  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.articles[0].id, "stdin:2");
  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  EXPECT_EQ(corpus.diagnostics[0].file, "-");
  EXPECT_EQ(corpus.diagnostics[0].line, 3);
}

TEST(CorpusReader, StdinOtherwiseIsOnePlainTextArticle) {
  {
    StdinFrom stdin_content("\xEF\xBB\xBFMoscow, 8 November.\n{not json}\n");
    const Corpus corpus = ReadCorpus({"-"}, {std::nullopt, kElectionDay});
    ASSERT_EQ(corpus.articles.size(), 1u);
    EXPECT_EQ(corpus.articles[0].id, "stdin");
    EXPECT_EQ(corpus.articles[0].text, "Moscow, 8 November.\n{not json}\n");
    EXPECT_EQ(corpus.articles[0].date, kElectionDay);
  }
  {
    StdinFrom stdin_content("Text.");
    const Corpus corpus = ReadCorpus({"-"}, {"cli", std::nullopt});
    ASSERT_EQ(corpus.articles.size(), 1u);
    EXPECT_EQ(corpus.articles[0].id, "cli");
  }
}

// Deterministic junk: every byte value, NULs and newlines included.
std::string Junk(size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string junk(size, '\0');
  for (char& c : junk) {
    c = static_cast<char>(random() & 0xFF);
  }
  return junk;
}

TEST(CorpusReader, SurvivesHostileInput) {
  TempDir dir;
  const std::string huge_text(10 << 20, 'x');
  const std::vector<std::string> paths = {
      dir.Write("huge.jsonl", "{\"text\": \"" + huge_text + "\"}\n"),
      dir.Write("deep.jsonl", std::string(10 << 20, '[') + "\n"),
      dir.Write("deep-object.jsonl", "{\"text\": " + std::string(1 << 20, '[')),
      dir.Write("junk.jsonl", Junk(1 << 16, 1)),
      dir.Write("junk.txt", Junk(1 << 16, 2)),
      dir.Write("nul.txt", std::string("a\0b", 3)),
      dir.Write("nul.jsonl", std::string("\0\0\0\n", 4) + R"({"text": "a\u0000b"})"),
  };
  const Corpus corpus = ReadCorpus(paths);

  ASSERT_EQ(corpus.articles.size(), 3u) << corpus.Diagnostics();
  EXPECT_EQ(corpus.articles[0].text, huge_text);
  EXPECT_EQ(corpus.articles[1].text, std::string("a\0b", 3));
  EXPECT_EQ(corpus.articles[2].text, std::string("a\0b", 3));
  for (const Diagnostic& diagnostic : corpus.diagnostics) {
    EXPECT_EQ(diagnostic.severity, Severity::kError);
    EXPECT_LE(diagnostic.excerpt.size(), 86u);
    EXPECT_LE(diagnostic.ToString().size(), 400u);
  }
  EXPECT_GE(corpus.skipped, 4);
}

TEST(CorpusReader, SkipsArticlesLongerThanTheLimitWithoutHoldingThem) {
  TempDir dir;
  const std::string long_text(5000, 'w');
  const std::vector<std::string> paths = {
      dir.Write("c.jsonl", R"({"id": "a", "text": "France praised Germany."})"
                           "\n{\"id\": \"long\", \"text\": \"" +
                               long_text + "\"}\n" +
                               R"({"id": "b", "text": "Chile thanked Peru."})" + "\n"),
      dir.Write("long.txt", long_text),
      dir.Write("short.txt", "Headline\nBody."),
  };
  CorpusReaderOptions options;
  options.max_article_bytes = 4096;
  CorpusReader reader(paths, options);
  std::vector<Diagnostic> diagnostics;
  Article a;
  std::vector<std::string> ids;
  while (reader.Next(&a, &diagnostics)) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "short"}));
  EXPECT_EQ(reader.skipped(), 2);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].line, 2);
  EXPECT_NE(diagnostics[0].message.find("record of 5026 bytes is longer than the limit of 4096 "
                                        "bytes (--max-article-mb); skipped"),
            std::string::npos)
      << diagnostics[0].ToString();
  EXPECT_NE(diagnostics[1].message.find("article of 5000 bytes is longer than the limit"),
            std::string::npos)
      << diagnostics[1].ToString();
}

TEST(CorpusReader, CountsTheBytesItConsumedForProgress) {
  TempDir dir;
  const std::string first = R"({"id": "a", "text": "France praised Germany."})";
  const std::string jsonl =
      dir.Write("c.jsonl", first + "\n\n" + R"({"id": "b", "text": "x"})" + "\n");
  const std::string plain = dir.Write("p.txt", "Headline\nBody.\n");
  CorpusReader reader({jsonl, plain}, {});
  std::vector<Diagnostic> diagnostics;
  Article article;
  ASSERT_TRUE(reader.Next(&article, &diagnostics));
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(first.size()) + 1);
  while (reader.Next(&article, &diagnostics)) {
  }
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(fs::file_size(jsonl) + fs::file_size(plain)));
}

// A compressed corpus reads as the plain one, a line at a time; a truncated one gives what
// came before the damage and a read error.
TEST(CorpusReader, ReadsGzipAndZstdCorpora) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 20000; ++i) {  // some 1.1 MB: several zstd blocks
    jsonl += R"({"id": "a)" + std::to_string(i) + R"(", "text": "France praised Germany )" +
             std::to_string(i) + ".\"}\n";
  }
  const std::string plain = dir.Write("c.jsonl", jsonl);
  const std::string gz = dir.Path("c.jsonl.gz");
  {
    gzFile out = gzopen(gz.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    ASSERT_EQ(gzwrite(out, jsonl.data(), static_cast<unsigned>(jsonl.size())),
              static_cast<int>(jsonl.size()));
    gzclose(out);
  }
  std::string packed(ZSTD_compressBound(jsonl.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), jsonl.data(), jsonl.size(), 3));
  const std::string zst = dir.Write("c.jsonl.zst", packed);
  const Corpus expected = ReadCorpus({plain});
  ASSERT_EQ(expected.articles.size(), 20000u);
  for (const std::string& path : {gz, zst}) {
    CorpusReader reader({path}, {});
    std::vector<Diagnostic> diagnostics;
    Article article;
    size_t n = 0;
    while (reader.Next(&article, &diagnostics)) {
      ASSERT_LT(n, expected.articles.size());
      EXPECT_EQ(article.text, expected.articles[n].text) << path;
      EXPECT_EQ(article.id, expected.articles[n].id) << path;
      ++n;
    }
    EXPECT_EQ(n, 20000u) << path;
    EXPECT_TRUE(diagnostics.empty()) << path;
    EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(fs::file_size(path))) << path;
  }
  // Cut in the middle: the articles before the cut, then a read error.
  const std::string cut_gz = dir.Write("cut.jsonl.gz", testing::ReadFile(gz).substr(0, 4000));
  const std::string cut_zst = dir.Write("cut.jsonl.zst", packed.substr(0, packed.size() / 2));
  for (const std::string& path : {cut_gz, cut_zst}) {
    const Corpus cut = ReadCorpus({path});
    EXPECT_GT(cut.articles.size(), 10u) << path;
    EXPECT_LT(cut.articles.size(), 20000u) << path;
    bool read_error = false;
    for (const Diagnostic& d : cut.diagnostics) read_error |= d.message.starts_with("read error");
    EXPECT_TRUE(read_error) << path << ": " << cut.Diagnostics();
  }
  // Not compressed at all, though named so: an error, not a crash.
  const Corpus fake = ReadCorpus({dir.Write("fake.jsonl.zst", jsonl)});
  EXPECT_TRUE(fake.articles.empty());
  EXPECT_EQ(fake.skipped, 1) << fake.Diagnostics();
}

}  // namespace
}  // namespace dyad
