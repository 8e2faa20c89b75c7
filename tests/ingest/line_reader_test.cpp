#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "ingest/byte_source.h"

namespace dyad::ingest {
namespace {

// A source that hands out a string a few bytes at a time, so that lines cross reads.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  ptrdiff_t Read(char* buffer, size_t n) override {
    const size_t got = std::min({n, step_, data_.size() - at_});
    std::copy_n(data_.data() + at_, got, buffer);
    at_ += got;
    return static_cast<ptrdiff_t>(got);
  }
  int64_t consumed() const override { return static_cast<int64_t>(at_); }

 private:
  std::string data_;
  size_t step_;
  size_t at_ = 0;
};

struct Line {
  std::string text;
  size_t oversize;
  friend bool operator==(const Line&, const Line&) = default;
};

std::vector<Line> Lines(const std::string& data, size_t step, size_t max_line) {
  LineReader reader(std::make_unique<StringSource>(data, step), "", max_line);
  std::vector<Line> out;
  std::string line;
  while (reader.Next(&line)) out.push_back({line, reader.oversize()});
  EXPECT_EQ(reader.consumed(), static_cast<int64_t>(data.size()));
  return out;
}

TEST(LineReader, SkipsLinesLongerThanTheLimitAndSaysHowLong) {
  const std::string big(1 << 20, 'x');  // many reads long, whatever the step
  const std::string data = "short\n" + big + "\n" + std::string(10, 'y') + "\nlast " + big;
  for (const size_t step : {size_t{1} << 16, size_t{7}, size_t{1} << 20}) {
    const std::vector<Line> lines = Lines(data, step, 10);
    ASSERT_EQ(lines.size(), 4u) << step;
    EXPECT_EQ(lines[0], (Line{"short", 0}));
    EXPECT_EQ(lines[1], (Line{"", big.size()}));
    EXPECT_EQ(lines[2], (Line{std::string(10, 'y'), 0}));  // at the limit: kept
    EXPECT_EQ(lines[3], (Line{"", big.size() + 5}));       // the last line, with no line feed
  }
}

TEST(LineReader, WithoutALimitKeepsEveryLine) {
  const std::string big(300000, 'z');
  const std::vector<Line> lines = Lines("a\n" + big + "\n\nb", 4096, SIZE_MAX);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1].text, big);
  EXPECT_EQ(lines[2].text, "");
  EXPECT_EQ(lines[3].text, "b");
}

}  // namespace
}  // namespace dyad::ingest
