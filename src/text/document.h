// An article made ready for coding: its text, tokens and sentences.
#pragma once

#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/event.h"
#include "text/prose_filter.h"
#include "text/sentence_splitter.h"
#include "text/token.h"

namespace dyad::text {

// The title and text of an article in one buffer ("title\n\ntext", or the text alone), with
// its tokens and sentences. Offsets are into `buffer`; ToField maps them back to the article
// field they came from. A value type.
struct Document {
  std::string buffer;
  uint32_t text_offset = 0;  // where the article's text starts in `buffer`
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // The wire dateline opening the text ("BEIRUT, Aug 21 (Reuters) -"), tokens
  // [dateline_first, dateline_last); empty when there is none. Its sentence starts after it.
  uint32_t dateline_first = 0;
  uint32_t dateline_last = 0;

  ArticleField FieldOf(uint32_t offset) const {
    return offset < text_offset ? ArticleField::kTitle : ArticleField::kText;
  }
  // A buffer range as a span into its article field.
  Span ToField(uint32_t begin, uint32_t end) const;
  std::string_view Slice(uint32_t begin, uint32_t end) const {
    return std::string_view(buffer).substr(begin, end - begin);
  }
};

// Tokenizes, splits and filters an article. The title, or else the first line of a multi-line
// text, is the headline.
Document BuildDocument(const Article& article, const ProseFilter& filter);

}  // namespace dyad::text
