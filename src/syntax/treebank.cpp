#include "syntax/treebank.h"

#include <charconv>

#include "core/lines.h"

namespace dyad::syntax {
namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Reads the lines of one sentence block; returns an empty message when they are well formed.
class SentenceBuilder {
 public:
  void Start(int64_t line) {
    sentence_ = TreebankSentence{};
    sentence_.line = line;
    error_.clear();
    error_line_ = -1;
    error_excerpt_.clear();
  }

  void Comment(std::string_view line) {
    constexpr std::string_view kId = "# sent_id = ";
    if (line.starts_with(kId)) sentence_.id = std::string(line.substr(kId.size()));
  }

  void Word(std::string_view line, int64_t number) {
    if (!error_.empty()) return;
    const std::vector<std::string_view> fields = core::Split(line, '\t');
    if (fields.size() != 10) {
      Fail(number, line,
           "expected 10 tab-separated fields, found " + std::to_string(fields.size()));
      return;
    }
    const std::string_view index = fields[0];
    if (index.find('-') != std::string_view::npos || index.find('.') != std::string_view::npos) {
      return;  // a multiword token or an empty node: not a syntactic word of the tree
    }
    int id = 0;
    if (!ParseInt(index, &id) || id != static_cast<int>(sentence_.words.size()) + 1) {
      Fail(number, line, "word index '" + std::string(index) + "' is not the next word's");
      return;
    }
    TreebankWord word;
    word.form = std::string(fields[1]);
    word.lemma = std::string(fields[2]);
    word.upos = std::string(fields[3]);
    word.xpos = std::string(fields[4]);
    word.deprel = std::string(fields[7]);
    if (word.form.empty() || word.upos.empty()) {
      Fail(number, line, "empty FORM or UPOS field");
      return;
    }
    if (fields[6] != "_" && !ParseInt(fields[6], &word.head)) {
      Fail(number, line, "HEAD '" + std::string(fields[6]) + "' is not a number");
      return;
    }
    if (word.head < -1) {
      Fail(number, line, "HEAD " + std::string(fields[6]) + " is negative");
      return;
    }
    if (sentence_.words.empty()) sentence_.line = number;
    sentence_.words.push_back(std::move(word));
  }

  // Moves the sentence into `out`, or reports why it was skipped.
  void Finish(std::string_view file, std::vector<TreebankSentence>* out,
              std::vector<Diagnostic>* diagnostics) {
    if (error_.empty() && !sentence_.words.empty()) {
      const int n = static_cast<int>(sentence_.words.size());
      for (const TreebankWord& w : sentence_.words) {
        if (w.head > n) {
          Fail(sentence_.line, w.form,
               "HEAD " + std::to_string(w.head) + " is past the sentence's last word (" +
                   std::to_string(n) + ")");
          break;
        }
      }
    }
    if (!error_.empty()) {
      if (diagnostics != nullptr) {
        Diagnostic d;
        d.severity = Severity::kError;
        d.file = std::string(file);
        d.line = error_line_;
        d.message = error_ + "; sentence skipped";
        d.excerpt = Excerpt(error_excerpt_);
        diagnostics->push_back(std::move(d));
      }
    } else if (!sentence_.words.empty()) {
      out->push_back(std::move(sentence_));
    }
    sentence_ = TreebankSentence{};
    error_.clear();
  }

 private:
  void Fail(int64_t line, std::string_view excerpt, std::string message) {
    if (!error_.empty()) return;
    error_ = std::move(message);
    error_line_ = line;
    error_excerpt_ = std::string(excerpt);
  }

  TreebankSentence sentence_;
  std::string error_;
  int64_t error_line_ = -1;
  std::string error_excerpt_;
};

}  // namespace

bool TreebankSentence::IsTree() const {
  const int n = static_cast<int>(words.size());
  int roots = 0;
  for (const TreebankWord& w : words) {
    if (w.head < 0 || w.head > n) return false;
    if (w.head == 0) ++roots;
  }
  if (roots != 1) return false;
  // Following heads from each word must reach the root within n steps (no cycle).
  for (int i = 0; i < n; ++i) {
    int at = i + 1;
    int steps = 0;
    while (at != 0 && steps <= n) {
      at = words[static_cast<size_t>(at - 1)].head;
      ++steps;
    }
    if (at != 0) return false;
  }
  return true;
}

std::vector<TreebankSentence> ReadConllu(std::string_view content, std::string_view file,
                                         std::vector<Diagnostic>* diagnostics) {
  std::vector<TreebankSentence> sentences;
  SentenceBuilder builder;
  bool open = false;
  core::ForEachLine(content, [&](std::string_view line, int64_t number) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (open) builder.Finish(file, &sentences, diagnostics);
      open = false;
      return;
    }
    if (!open) {
      builder.Start(number);
      open = true;
    }
    if (line.front() == '#') {
      builder.Comment(line);
    } else {
      builder.Word(line, number);
    }
  });
  if (open) builder.Finish(file, &sentences, diagnostics);
  return sentences;
}

std::string WriteConllu(const std::vector<TreebankSentence>& sentences) {
  std::string out;
  const auto field = [&out](std::string_view s) {
    out.append(s.empty() ? "_" : s);
    out.push_back('\t');
  };
  for (const TreebankSentence& s : sentences) {
    if (!s.id.empty()) out.append("# sent_id = ").append(s.id).append("\n");
    for (size_t i = 0; i < s.words.size(); ++i) {
      const TreebankWord& w = s.words[i];
      out.append(std::to_string(i + 1)).push_back('\t');
      field(w.form);
      field(w.lemma);
      field(w.upos);
      field(w.xpos);
      field("_");
      field(w.head < 0 ? "_" : std::to_string(w.head));
      field(w.deprel);
      field("_");
      out.append("_\n");
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace dyad::syntax
