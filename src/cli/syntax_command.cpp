// `dyad train tagger|parser` and `dyad syntax eval|parse|info` (docs/syntax.md).
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dyad/error.h"
#include "dyad/syntax.h"

namespace dyad::cli {
namespace {

void Report(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) spdlog::warn("{}", d.ToString());
}

struct TrainOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string output;
  std::string tagger;  // parser only: the tagger of the dev words
  int iterations = 10;
  uint64_t seed = 1;
  float min_weight = 1.0F;  // parser only
};

void WriteModel(const std::string& model, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(model.data(), static_cast<std::streamsize>(model.size()));
  out.close();
  if (!out) throw Error(ErrorKind::kIo, "cannot write '" + path + "'");
}

void LogWritten(const std::string& path, size_t bytes, const ModelInfo& info) {
  spdlog::info("wrote {} ({} bytes, fingerprint {}, {} labels, {} features, {} weights)", path,
               bytes, info.fingerprint, info.labels, info.features, info.weights);
}

int RunTrainTagger(const TrainOptions& o) {
  std::vector<Diagnostic> diagnostics;
  TaggerTrainingOptions options;
  options.train_files = o.train;
  options.dev_file = o.dev;
  options.iterations = o.iterations;
  options.seed = o.seed;
  options.progress = [&o](int pass, double train, double dev) {
    if (o.dev.empty()) {
      spdlog::info("pass {}: training accuracy {:.4f}", pass, train);
    } else {
      spdlog::info("pass {}: training accuracy {:.4f}, dev UPOS {:.4f}", pass, train, dev);
    }
  };
  const std::string model = TrainTagger(options, &diagnostics);
  Report(diagnostics);
  WriteModel(model, o.output);
  LogWritten(o.output, model.size(), DescribeTagger(o.output));
  return diagnostics.empty() ? kExitOk : kExitSkipped;
}

int RunTrainParser(const TrainOptions& o) {
  std::vector<Diagnostic> diagnostics;
  ParserTrainingOptions options;
  options.train_files = o.train;
  options.dev_file = o.dev;
  options.tagger_file = o.tagger;
  options.min_weight = o.min_weight;
  options.iterations = o.iterations;
  options.seed = o.seed;
  options.progress = [&o](int pass, double train, double uas, double las) {
    if (o.dev.empty()) {
      spdlog::info("pass {}: training heads {:.4f}", pass, train);
    } else {
      spdlog::info("pass {}: training heads {:.4f}, dev UAS {:.4f} LAS {:.4f}", pass, train, uas,
                   las);
    }
  };
  const std::string model = TrainParser(options, &diagnostics);
  Report(diagnostics);
  WriteModel(model, o.output);
  LogWritten(o.output, model.size(), DescribeParser(o.output));
  return diagnostics.empty() ? kExitOk : kExitSkipped;
}

struct EvalOptions {
  std::string tagger;
  std::string parser;
  std::string treebank;
};

int RunEval(const EvalOptions& o) {
  std::vector<Diagnostic> diagnostics;
  const SyntaxScore score = EvaluateSyntax(o.tagger, o.parser, o.treebank, &diagnostics);
  Report(diagnostics);
  std::printf(
      "treebank\t%s\nsentences\t%lld\nwords\t%lld\nupos\t%.4f\nxpos\t%.4f\n"
      "uas\t%.4f\nlas\t%.4f\nlas_universal\t%.4f\ntag_tokens_per_second\t%.0f\n"
      "parse_tokens_per_second\t%.0f\n",
      o.treebank.c_str(), static_cast<long long>(score.sentences),
      static_cast<long long>(score.words), score.upos, score.xpos, score.uas, score.las, score.ulas,
      score.tag_tokens_per_second, score.parse_tokens_per_second);
  return diagnostics.empty() ? kExitOk : kExitSkipped;
}

struct ParseOptions {
  std::string tagger;
  std::string parser;
  std::string file = "-";
};

int RunParse(const ParseOptions& o) {
  std::string text;
  if (o.file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw Error(ErrorKind::kIo, "cannot open '" + o.file + "'");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string conllu = ParseText(text, o.tagger, o.parser);
  std::fwrite(conllu.data(), 1, conllu.size(), stdout);
  return kExitOk;
}

struct InfoOptions {
  std::string tagger;
  std::string parser;
};

void PrintInfo(const ModelInfo& info) {
  std::printf(
      "kind\t%s\nfingerprint\t%s\nlabels\t%d\nfeatures\t%zu\nweights\t%zu\n"
      "attribution\t%s\n",
      info.kind.c_str(), info.fingerprint.c_str(), info.labels, info.features, info.weights,
      info.attribution.c_str());
}

int RunInfo(const InfoOptions& o) {
  // Both built-in models without a flag; else the ones named.
  const bool both = o.tagger.empty() && o.parser.empty();
  if (both || !o.tagger.empty()) PrintInfo(DescribeTagger(o.tagger));
  if (both) std::printf("\n");
  if (both || !o.parser.empty()) PrintInfo(DescribeParser(o.parser));
  return kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train dyad's syntax models from treebanks");
  train->require_subcommand(1);
  auto o = std::make_shared<TrainOptions>();
  CLI::App* tagger = train->add_subcommand(
      "tagger",
      "Train the part-of-speech tagger on CoNLL-U treebanks (docs/syntax.md). Deterministic:\n"
      "the same files, passes and seed give the same model bytes. tools/train-models.sh\n"
      "rebuilds the shipped model from ../shared/reference/ud-english.");
  tagger->add_option("--train", o->train, "Training treebank (CoNLL-U); repeatable")->required();
  tagger->add_option("--dev", o->dev, "Development treebank: its accuracy after each pass");
  tagger->add_option("-o,--output", o->output, "Where to write the model")->required();
  tagger->add_option("--iterations", o->iterations, "Passes over the training data")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  tagger->add_option("--seed", o->seed, "Seed of the sentence order")->capture_default_str();
  tagger->callback([o, exit_code] { *exit_code = RunTrainTagger(*o); });

  auto p = std::make_shared<TrainOptions>();
  CLI::App* parser = train->add_subcommand(
      "parser",
      "Train the dependency parser on CoNLL-U treebanks (docs/syntax.md): the training words\n"
      "are tagged by taggers trained on the other folds, the dev words by --tagger.\n"
      "Deterministic, as the tagger's training.");
  parser->add_option("--train", p->train, "Training treebank (CoNLL-U); repeatable")->required();
  parser->add_option("--dev", p->dev, "Development treebank: its accuracy after each pass");
  parser->add_option("--tagger", p->tagger, "Tagger for the dev words (default: built-in)");
  parser->add_option("-o,--output", p->output, "Where to write the model")->required();
  parser->add_option("--iterations", p->iterations, "Passes over the training data")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  parser->add_option("--seed", p->seed, "Seed of the sentence order")->capture_default_str();
  parser
      ->add_option("--min-weight", p->min_weight,
                   "Leave out averaged weights smaller than this (a smaller model; use 0 for\n"
                   "a treebank of a few hundred sentences)")
      ->capture_default_str();
  parser->callback([p, exit_code] { *exit_code = RunTrainParser(*p); });
}

void AddSyntaxCommand(CLI::App& app, int* exit_code) {
  CLI::App* syntax =
      app.add_subcommand("syntax", "Parse text, score and describe the syntax models");
  syntax->require_subcommand(1);

  auto eval = std::make_shared<EvalOptions>();
  CLI::App* e = syntax->add_subcommand(
      "eval",
      "Score the tagger and parser on a CoNLL-U treebank's own tokens: UPOS and XPOS\n"
      "accuracy, UAS, LAS (full and universal relations), tokens per second; TSV");
  e->add_option("TREEBANK", eval->treebank, "CoNLL-U file")->required();
  e->add_option("--tagger", eval->tagger, "Tagger model (default: the built-in one)");
  e->add_option("--parser", eval->parser, "Parser model (default: the built-in one)");
  e->footer("Exit status: 0; 1 when sentences of the treebank were skipped as malformed.");
  e->callback([eval, exit_code] { *exit_code = RunEval(*eval); });

  auto parse = std::make_shared<ParseOptions>();
  CLI::App* t = syntax->add_subcommand(
      "parse",
      "Tokenize, tag and parse plain text; write CoNLL-U (ID, FORM, UPOS, XPOS, HEAD, DEPREL)");
  t->add_option("FILE", parse->file, "Text file, or - for standard input")->capture_default_str();
  t->add_option("--tagger", parse->tagger, "Tagger model (default: the built-in one)");
  t->add_option("--parser", parse->parser, "Parser model (default: the built-in one)");
  t->callback([parse, exit_code] { *exit_code = RunParse(*parse); });

  auto info = std::make_shared<InfoOptions>();
  CLI::App* i = syntax->add_subcommand(
      "info", "Print models' kind, fingerprint, size and attribution (both built-in ones)");
  i->add_option("--tagger", info->tagger, "A tagger model file");
  i->add_option("--parser", info->parser, "A parser model file");
  i->callback([info, exit_code] { *exit_code = RunInfo(*info); });
}

}  // namespace dyad::cli
