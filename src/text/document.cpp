#include "text/document.h"

#include "text/dateline.h"
#include "text/tokenizer.h"

namespace dyad::text {

Span Document::ToField(uint32_t begin, uint32_t end) const {
  if (FieldOf(begin) == ArticleField::kTitle) return Span{begin, end};
  return Span{static_cast<int64_t>(begin) - text_offset, static_cast<int64_t>(end) - text_offset};
}

Document BuildDocument(const Article& article, const ProseFilter& filter) {
  Document doc;
  if (!article.title.empty()) {
    doc.buffer.reserve(article.title.size() + 2 + article.text.size());
    doc.buffer.append(article.title).append("\n\n");
    doc.text_offset = static_cast<uint32_t>(doc.buffer.size());
  }
  doc.buffer.append(article.text);
  doc.tokens = Tokenize(doc.buffer);
  doc.sentences = SplitSentences(doc.tokens);
  const bool multi_line = !doc.sentences.empty() && doc.sentences.back().line > 0;
  const uint32_t headline_lines = article.title.empty() && !multi_line ? 0 : 1;
  filter.Mark(doc.tokens, &doc.sentences, headline_lines);
  // A dateline opens the text's first sentence: the sentence begins after it.
  for (Sentence& s : doc.sentences) {
    if (s.headline || s.first >= s.last || doc.tokens[s.first].begin < doc.text_offset) continue;
    const uint32_t after = DatelineEnd(doc.tokens, s.first, s.last, doc.buffer);
    if (after != s.first) {
      doc.dateline_first = s.first;
      doc.dateline_last = after;
      s.first = after;
      s.begin = doc.tokens[after].begin;
    }
    break;
  }
  return doc;
}

}  // namespace dyad::text
