// `dyad train tagger` and `dyad syntax tag|eval|info` (docs/syntax.md).
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
  int iterations = 10;
  uint64_t seed = 1;
};

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
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out.write(model.data(), static_cast<std::streamsize>(model.size()));
  out.close();
  if (!out) throw Error(ErrorKind::kIo, "cannot write '" + o.output + "'");
  const ModelInfo info = DescribeTagger(o.output);
  spdlog::info("wrote {} ({} bytes, fingerprint {}, {} labels, {} features, {} weights)", o.output,
               model.size(), info.fingerprint, info.labels, info.features, info.weights);
  return diagnostics.empty() ? kExitOk : kExitSkipped;
}

struct EvalOptions {
  std::string tagger;
  std::string treebank;
};

int RunEval(const EvalOptions& o) {
  std::vector<Diagnostic> diagnostics;
  const SyntaxScore score = EvaluateSyntax(o.tagger, o.treebank, &diagnostics);
  Report(diagnostics);
  std::printf(
      "treebank\t%s\nsentences\t%lld\nwords\t%lld\nupos\t%.4f\nxpos\t%.4f\n"
      "tokens_per_second\t%.0f\n",
      o.treebank.c_str(), static_cast<long long>(score.sentences),
      static_cast<long long>(score.words), score.upos, score.xpos, score.tokens_per_second);
  return diagnostics.empty() ? kExitOk : kExitSkipped;
}

struct TagOptions {
  std::string tagger;
  std::string file = "-";
};

int RunTag(const TagOptions& o) {
  std::string text;
  if (o.file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw Error(ErrorKind::kIo, "cannot open '" + o.file + "'");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string conllu = TagText(text, o.tagger);
  std::fwrite(conllu.data(), 1, conllu.size(), stdout);
  return kExitOk;
}

int RunInfo(const std::string& tagger) {
  const ModelInfo info = DescribeTagger(tagger);
  std::printf(
      "kind\t%s\nfingerprint\t%s\nlabels\t%d\nfeatures\t%zu\nweights\t%zu\n"
      "attribution\t%s\n",
      info.kind.c_str(), info.fingerprint.c_str(), info.labels, info.features, info.weights,
      info.attribution.c_str());
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
}

void AddSyntaxCommand(CLI::App& app, int* exit_code) {
  CLI::App* syntax = app.add_subcommand("syntax", "Tag text, score and describe syntax models");
  syntax->require_subcommand(1);

  auto eval = std::make_shared<EvalOptions>();
  CLI::App* e = syntax->add_subcommand(
      "eval", "Score the tagger on a CoNLL-U treebank's own tokens: UPOS and XPOS accuracy, speed");
  e->add_option("TREEBANK", eval->treebank, "CoNLL-U file")->required();
  e->add_option("--tagger", eval->tagger, "Tagger model (default: the built-in one)");
  e->footer("Exit status: 0; 1 when sentences of the treebank were skipped as malformed.");
  e->callback([eval, exit_code] { *exit_code = RunEval(*eval); });

  auto tag = std::make_shared<TagOptions>();
  CLI::App* t = syntax->add_subcommand(
      "tag", "Tokenize and tag plain text; write CoNLL-U (ID, FORM, UPOS, XPOS)");
  t->add_option("FILE", tag->file, "Text file, or - for standard input")->capture_default_str();
  t->add_option("--tagger", tag->tagger, "Tagger model (default: the built-in one)");
  t->callback([tag, exit_code] { *exit_code = RunTag(*tag); });

  auto info = std::make_shared<std::string>();
  CLI::App* i =
      syntax->add_subcommand("info", "Print a model's kind, fingerprint, size and attribution");
  i->add_option("--tagger", *info, "Tagger model (default: the built-in one)");
  i->callback([info, exit_code] { *exit_code = RunInfo(*info); });
}

}  // namespace dyad::cli
