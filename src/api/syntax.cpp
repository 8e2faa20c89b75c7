#include "dyad/syntax.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "dyad/error.h"
#include "syntax/model_file.h"
#include "syntax/tagger.h"
#include "syntax/treebank.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, "cannot open '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::kIo, "cannot read '" + path + "'");
  return content.str();
}

std::vector<syntax::TreebankSentence> ReadTreebank(const std::string& path,
                                                   std::vector<Diagnostic>* diagnostics) {
  return syntax::ReadConllu(ReadWhole(path), path, diagnostics);
}

// The tagger in `path`, or the built-in one; throws when it cannot be used.
class LoadedTagger {
 public:
  explicit LoadedTagger(const std::string& path) {
    if (path.empty()) {
      tagger_ = &syntax::Tagger::Builtin();
    } else {
      owned_ = std::make_unique<syntax::Tagger>(ReadWhole(path), path);
      tagger_ = owned_.get();
    }
    if (!tagger_->ok()) throw Error(ErrorKind::kInvalidArgument, tagger_->error());
  }
  const syntax::Tagger& operator*() const { return *tagger_; }
  const syntax::Tagger* operator->() const { return tagger_; }

 private:
  std::unique_ptr<syntax::Tagger> owned_;
  const syntax::Tagger* tagger_ = nullptr;
};

std::string FileName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string TrainTagger(const TaggerTrainingOptions& options,
                        std::vector<Diagnostic>* diagnostics) {
  if (options.train_files.empty()) {
    throw Error(ErrorKind::kInvalidArgument, "no training file given");
  }
  std::vector<syntax::TreebankSentence> train;
  std::string sources;
  for (const std::string& path : options.train_files) {
    std::vector<syntax::TreebankSentence> part = ReadTreebank(path, diagnostics);
    train.insert(train.end(), std::make_move_iterator(part.begin()),
                 std::make_move_iterator(part.end()));
    sources += (sources.empty() ? "" : ", ") + FileName(path);
  }
  if (train.empty()) {
    throw Error(ErrorKind::kInvalidArgument, "the training files hold no sentence");
  }
  const std::vector<syntax::TreebankSentence> dev =
      options.dev_file.empty() ? std::vector<syntax::TreebankSentence>{}
                               : ReadTreebank(options.dev_file, diagnostics);
  syntax::TaggerTraining training;
  training.iterations = options.iterations;
  training.seed = options.seed;
  training.progress = options.progress;
  training.attribution =
      "dyad part-of-speech tagger, trained by `dyad train tagger` on " + sources + " (" +
      std::to_string(train.size()) + " sentences, " + std::to_string(options.iterations) +
      " passes, seed " + std::to_string(options.seed) +
      "). A derived work of the Universal Dependencies English treebanks it was trained on: "
      "UD English EWT (CC BY-SA 4.0) and UD English GUM (CC BY 4.0 genres); see NOTICE.";
  return syntax::TrainTagger(train, dev, training);
}

SyntaxScore EvaluateSyntax(const std::string& tagger_file, const std::string& treebank_file,
                           std::vector<Diagnostic>* diagnostics) {
  const LoadedTagger tagger(tagger_file);
  const std::vector<syntax::TreebankSentence> gold = ReadTreebank(treebank_file, diagnostics);
  const auto start = std::chrono::steady_clock::now();
  const syntax::TaggingScore tagging = syntax::EvaluateTagger(*tagger, gold);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  SyntaxScore score;
  score.sentences = static_cast<int64_t>(gold.size());
  score.words = tagging.words;
  score.upos = tagging.upos();
  score.xpos = tagging.xpos();
  score.tokens_per_second = seconds > 0.0 ? static_cast<double>(tagging.words) / seconds : 0.0;
  return score;
}

ModelInfo DescribeTagger(const std::string& path) {
  const LoadedTagger tagger(path);
  ModelInfo info;
  info.kind = "tagger";
  info.fingerprint = tagger->fingerprint();
  info.attribution = tagger->attribution();
  info.labels = tagger->labels();
  info.features = tagger->parts().model.features();
  info.weights = tagger->parts().model.weights();
  return info;
}

std::string TagText(std::string_view text, const std::string& tagger_file) {
  const LoadedTagger tagger(tagger_file);
  const std::vector<text::Token> tokens = text::Tokenize(text);
  std::vector<syntax::TreebankSentence> out;
  std::vector<std::string_view> words;
  std::vector<uint8_t> labels;
  for (const text::Sentence& s : text::SplitSentences(tokens)) {
    words.clear();
    for (uint32_t i = s.first; i < s.last; ++i) {
      words.push_back(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    }
    tagger->Tag(words, &labels);
    syntax::TreebankSentence sentence;
    for (size_t i = 0; i < words.size(); ++i) {
      syntax::TreebankWord w;
      w.form = std::string(words[i]);
      w.upos = tagger->upos(labels[i]);
      w.xpos = tagger->xpos(labels[i]);
      sentence.words.push_back(std::move(w));
    }
    out.push_back(std::move(sentence));
  }
  return syntax::WriteConllu(out);
}

}  // namespace dyad
