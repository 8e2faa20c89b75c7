#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::core {
namespace {

constexpr size_t kValid = std::string_view::npos;

struct Utf8Case {
  const char* name;
  std::string text;
  size_t first_invalid;
};

TEST(FindInvalidUtf8, Table) {
  const Utf8Case cases[] = {
      {"empty", "", kValid},
      {"ascii", "Putin met Trump.", kValid},
      {"nul is valid", std::string("a\0b", 3), kValid},
      {"two-byte", "Zelens\xCA\xB9kyi", kValid},
      {"three-byte", "\xE2\x80\x94 dash", kValid},
      {"four-byte", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6", kValid},
      {"largest code point", "\xF4\x8F\xBF\xBF", kValid},
      {"bom", "\xEF\xBB\xBFtext", kValid},
      {"last before surrogates", "\xED\x9F\xBF", kValid},
      {"first after surrogates", "\xEE\x80\x80", kValid},
      {"stray continuation", "ab\x80", 2},
      {"latin-1", "caf\xE9 au lait", 3},
      {"overlong two-byte", "x\xC0\xAF", 1},
      {"overlong two-byte C1", "\xC1\xBF", 0},
      {"overlong three-byte", "xy\xE0\x80\xAF", 2},
      {"overlong four-byte", "\xF0\x8F\xBF\xBF", 0},
      {"high surrogate", "a\xED\xA0\x80", 1},
      {"low surrogate", "\xED\xBF\xBF", 0},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead", "\xF5\x80\x80\x80", 0},
      {"FF byte", "ok\xFF", 2},
      {"truncated two-byte", "end\xC3", 3},
      {"truncated three-byte", "\xE2\x80", 0},
      {"truncated four-byte", "abc\xF0\x9F\x87", 3},
      {"lead then ascii",
       "\xE2"
       "a\x80",
       0},
      {"missing third byte",
       "\xE2\x80"
       "a",
       0},
      {"error after valid multibyte", "\xE2\x80\x94\x80", 3},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.text), c.first_invalid) << c.name;
  }
}

TEST(Utf8SequenceLength, CountsOneCharacter) {
  EXPECT_EQ(Utf8SequenceLength(""), 0u);
  EXPECT_EQ(Utf8SequenceLength("ab"), 1u);
  EXPECT_EQ(Utf8SequenceLength("\xC3\xA9t\xC3\xA9"), 2u);
  EXPECT_EQ(Utf8SequenceLength("\xE2\x80\x94"), 3u);
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x87\xBA"), 4u);
  EXPECT_EQ(Utf8SequenceLength("\x80"), 0u);
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x87"), 0u);
}

TEST(FindInvalidUtf8, EveryTwoByteInputAgreesWithTheDefinition) {
  for (int lead = 0; lead < 256; ++lead) {
    for (int next = 0; next < 256; ++next) {
      const std::string text = {static_cast<char>(lead), static_cast<char>(next)};
      const bool ascii_pair = lead < 0x80 && next < 0x80;
      const bool two_byte = lead >= 0xC2 && lead <= 0xDF && next >= 0x80 && next <= 0xBF;
      EXPECT_EQ(FindInvalidUtf8(text) == kValid, ascii_pair || two_byte) << lead << " " << next;
    }
  }
}

TEST(FindInvalidUtf8, FindsABadByteAtEveryOffsetOfLongAsciiText) {
  // The ASCII runs are skipped eight bytes at a time: a bad byte, or a valid multi-byte
  // character, must be seen wherever it falls against those steps.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(41, 'a');
    text[at] = '\xFF';
    EXPECT_EQ(FindInvalidUtf8(text), at);
    std::string valid(41, 'a');
    valid.replace(at, 2, "\xC3\xA9");
    EXPECT_EQ(FindInvalidUtf8(valid), kValid) << at;
    valid.back() = '\xC3';  // truncated at the very end
    EXPECT_EQ(FindInvalidUtf8(valid), at + 2 >= valid.size() ? at : valid.size() - 1) << at;
  }
}

TEST(StripUtf8Bom, RemovesOnlyALeadingMark) {
  std::string with_bom = "\xEF\xBB\xBFhello";
  EXPECT_TRUE(StripUtf8Bom(&with_bom));
  EXPECT_EQ(with_bom, "hello");

  std::string inner = "a\xEF\xBB\xBF";
  EXPECT_FALSE(StripUtf8Bom(&inner));
  EXPECT_EQ(inner, "a\xEF\xBB\xBF");

  std::string partial = "\xEF\xBB";
  EXPECT_FALSE(StripUtf8Bom(&partial));
  EXPECT_EQ(partial.size(), 2u);

  std::string empty;
  EXPECT_FALSE(StripUtf8Bom(&empty));
}

}  // namespace
}  // namespace dyad::core
