#include "dyad/syntax.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "dyad/error.h"
#include "syntax/model_file.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/tagger_training.h"
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

// The model in `path`, or the built-in one; throws when it cannot be used.
template <typename Model>
class Loaded {
 public:
  explicit Loaded(const std::string& path) {
    if (path.empty()) {
      model_ = &Model::Builtin();
    } else {
      owned_ = std::make_unique<Model>(ReadWhole(path), path);
      model_ = owned_.get();
    }
    if (!model_->ok()) throw Error(ErrorKind::kInvalidArgument, model_->error());
  }
  const Model& operator*() const { return *model_; }
  const Model* operator->() const { return model_; }

 private:
  std::unique_ptr<Model> owned_;
  const Model* model_ = nullptr;
};
using LoadedTagger = Loaded<syntax::Tagger>;
using LoadedParser = Loaded<syntax::Parser>;

// The sentences of `files`, read in order, and the files' names joined for an attribution.
std::vector<syntax::TreebankSentence> ReadAll(const std::vector<std::string>& files,
                                              std::string* names,
                                              std::vector<Diagnostic>* diagnostics);

constexpr std::string_view kTreebanks =
    "A derived work of the Universal Dependencies English treebanks it was trained on: "
    "UD English EWT (CC BY-SA 4.0) and UD English GUM (CC BY 4.0 genres); see NOTICE.";

std::string FileName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<syntax::TreebankSentence> ReadAll(const std::vector<std::string>& files,
                                              std::string* names,
                                              std::vector<Diagnostic>* diagnostics) {
  if (files.empty()) throw Error(ErrorKind::kInvalidArgument, "no training file given");
  std::vector<syntax::TreebankSentence> all;
  for (const std::string& path : files) {
    std::vector<syntax::TreebankSentence> part = ReadTreebank(path, diagnostics);
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
    *names += (names->empty() ? "" : ", ") + FileName(path);
  }
  if (all.empty()) {
    throw Error(ErrorKind::kInvalidArgument, "the training files hold no sentence");
  }
  return all;
}

}  // namespace

std::string TrainTagger(const TaggerTrainingOptions& options,
                        std::vector<Diagnostic>* diagnostics) {
  std::string sources;
  const std::vector<syntax::TreebankSentence> train =
      ReadAll(options.train_files, &sources, diagnostics);
  const std::vector<syntax::TreebankSentence> dev =
      options.dev_file.empty() ? std::vector<syntax::TreebankSentence>{}
                               : ReadTreebank(options.dev_file, diagnostics);
  syntax::TaggerTraining training;
  training.iterations = options.iterations;
  training.seed = options.seed;
  training.progress = options.progress;
  training.attribution = "dyad part-of-speech tagger, trained by `dyad train tagger` on " +
                         sources + " (" + std::to_string(train.size()) + " sentences, " +
                         std::to_string(options.iterations) + " passes, seed " +
                         std::to_string(options.seed) + "). " + std::string(kTreebanks);
  return syntax::TrainTagger(train, dev, training);
}

std::string TrainParser(const ParserTrainingOptions& options,
                        std::vector<Diagnostic>* diagnostics) {
  std::string sources;
  const std::vector<syntax::TreebankSentence> train =
      ReadAll(options.train_files, &sources, diagnostics);
  const std::vector<syntax::TreebankSentence> dev =
      options.dev_file.empty() ? std::vector<syntax::TreebankSentence>{}
                               : ReadTreebank(options.dev_file, diagnostics);
  const LoadedTagger tagger(options.tagger_file);
  syntax::ParserTraining training;
  training.iterations = options.iterations;
  training.seed = options.seed;
  training.min_weight = options.min_weight;
  training.progress = options.progress;
  training.attribution = "dyad dependency parser, trained by `dyad train parser` on " + sources +
                         " (" + std::to_string(train.size()) + " sentences, " +
                         std::to_string(options.iterations) + " passes, seed " +
                         std::to_string(options.seed) + "). " + std::string(kTreebanks);
  return syntax::TrainParser(train, dev, *tagger, training);
}

SyntaxScore EvaluateSyntax(const std::string& tagger_file, const std::string& parser_file,
                           const std::string& treebank_file, std::vector<Diagnostic>* diagnostics) {
  const LoadedTagger tagger(tagger_file);
  const LoadedParser parser(parser_file);
  const std::vector<syntax::TreebankSentence> gold = ReadTreebank(treebank_file, diagnostics);
  const auto seconds_since = [](std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  auto start = std::chrono::steady_clock::now();
  const syntax::TaggingScore tagging = syntax::EvaluateTagger(*tagger, gold);
  const double tag_seconds = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const syntax::ParsingScore parsing = syntax::EvaluateParser(*parser, *tagger, gold);
  const double parse_seconds = seconds_since(start);
  SyntaxScore score;
  score.sentences = static_cast<int64_t>(gold.size());
  score.words = tagging.words;
  score.upos = tagging.upos();
  score.xpos = tagging.xpos();
  score.uas = parsing.uas();
  score.las = parsing.las();
  score.ulas = parsing.ulas();
  const auto words = static_cast<double>(tagging.words);
  score.tag_tokens_per_second = tag_seconds > 0.0 ? words / tag_seconds : 0.0;
  score.parse_tokens_per_second = parse_seconds > 0.0 ? words / parse_seconds : 0.0;
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

ModelInfo DescribeParser(const std::string& path) {
  const LoadedParser parser(path);
  ModelInfo info;
  info.kind = "parser";
  info.fingerprint = parser->fingerprint();
  info.attribution = parser->attribution();
  info.labels = parser->relations();
  info.features = parser->parts().transitions.features() + parser->parts().labels.features();
  info.weights = parser->parts().transitions.weights() + parser->parts().labels.weights();
  return info;
}

std::string ParseText(std::string_view text, const std::string& tagger_file,
                      const std::string& parser_file) {
  const LoadedTagger tagger(tagger_file);
  const LoadedParser parser(parser_file);
  syntax::Parse parse;
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
    parser->Run(syntax::ParseWords(*tagger, words, labels), &parse);
    syntax::TreebankSentence sentence;
    for (size_t i = 0; i < words.size(); ++i) {
      syntax::TreebankWord w;
      w.form = std::string(words[i]);
      w.upos = tagger->upos(labels[i]);
      w.xpos = tagger->xpos(labels[i]);
      w.head = parse.heads[i] + 1;
      w.deprel = parser->relation(parse.relations[i]);
      sentence.words.push_back(std::move(w));
    }
    out.push_back(std::move(sentence));
  }
  return syntax::WriteConllu(out);
}

}  // namespace dyad
