// Tests of src/core/diagnostic.cpp.
#include "dyad/diagnostic.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

Diagnostic Make(std::string file, int64_t line, std::string article_id, std::string message,
                std::string excerpt = "") {
  Diagnostic diagnostic;
  diagnostic.file = std::move(file);
  diagnostic.line = line;
  diagnostic.article_id = std::move(article_id);
  diagnostic.message = std::move(message);
  diagnostic.excerpt = std::move(excerpt);
  return diagnostic;
}

struct ToStringCase {
  Diagnostic diagnostic;
  std::string expected;
};

TEST(Diagnostic, ToStringShowsTheKnownParts) {
  const ToStringCase cases[] = {
      {Make("news.jsonl", 7, "abc",
            "malformed JSON at byte 12: Missing a comma or '}' after an object "
            "member",
            R"({"id": "abc", "text" "x)"),
       R"(news.jsonl line 7 (article abc): malformed JSON at byte 12: Missing a comma or '}' )"
       R"(after an object member. Record: '{"id": "abc", "text" "x')"},
      {Make("", -1, "putin-trump-call", "empty text"), "article putin-trump-call: empty text"},
      {Make("a.txt", -1, "", "is a directory"), "a.txt: is a directory"},
      {Make("", 3, "", "bad"), "line 3: bad"},
      {Make("", -1, "", "lonely"), "lonely"},
      {Make("", -1, "", "ends with a period.", "x"), "ends with a period. Record: 'x'"},
      {Make("a\nb", -1, "id\t1", "m"), "a?b (article id?1): m"},
  };
  for (const ToStringCase& c : cases) {
    EXPECT_EQ(c.diagnostic.ToString(), c.expected);
  }
}

struct ExcerptCase {
  std::string text;
  size_t max_bytes;
  std::string expected;
};

TEST(Excerpt, Table) {
  const ExcerptCase cases[] = {
      {"", 80, ""},
      {"short", 80, "short"},
      {"exactly", 7, "exactly"},
      {"too long", 3, "too..."},
      {"line\nbreak\ttab\r", 80, "line?break?tab?"},
      {std::string("nul\0byte", 8), 80, "nul?byte"},
      {"del\x7F", 80, "del?"},
      {"c1 \xC2\x85 control", 80, "c1 ? control"},
      {"caf\xC3\xA9", 80, "caf\xC3\xA9"},
      {"caf\xC3\xA9", 4, "caf..."},  // never half a character
      {"caf\xC3\xA9!", 5, "caf\xC3\xA9..."},
      {"\xE2\x80\x94\xE2\x80\x94", 5, "\xE2\x80\x94..."},
      {"bad \xFF\xFE bytes", 80, "bad ?? bytes"},
      {"cut \xE2\x80", 80, "cut ??"},
      {"surrogate \xED\xA0\x80", 80, "surrogate ???"},
      {"anything", 0, "..."},
  };
  for (const ExcerptCase& c : cases) {
    EXPECT_EQ(Excerpt(c.text, c.max_bytes), c.expected) << c.text << " / " << c.max_bytes;
  }
}

TEST(Excerpt, DefaultsToEightyBytes) {
  EXPECT_EQ(Excerpt(std::string(100, 'x')), std::string(80, 'x') + "...");
}

}  // namespace
}  // namespace dyad
