// Extraction throughput on the presidential releases corpus (../shared), single thread.
// Reports bytes/s (article text), sentences/s and events/s as counters.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "dyad/corpus_reader.h"
#include "dyad/extractor.h"
#include "places/gazetteer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace {

std::string CorpusPath() {
  const char* env = std::getenv("DYAD_SHARED_DIR");
  const std::filesystem::path dir = env != nullptr ? env : DYAD_SHARED_DIR;
  return (dir / "corpus/presidential-releases/releases-2021-2022.jsonl").string();
}

const std::vector<dyad::Article>& Corpus() {
  static const std::vector<dyad::Article> articles = [] {
    std::vector<dyad::Article> out;
    std::vector<dyad::Diagnostic> diagnostics;
    dyad::CorpusReader reader({CorpusPath()}, {});
    dyad::Article a;
    while (reader.Next(&a, &diagnostics)) out.push_back(a);
    return out;
  }();
  return articles;
}

std::string_view ProseCues() {
  for (const dyad::builtin::EmbeddedFile& f : dyad::builtin::Files()) {
    if (f.kind == "text") return f.data;
  }
  return {};
}

// Sentences the pipeline codes (prose, headlines included), counted once outside the timing.
int64_t CountSentences(const std::vector<dyad::Article>& corpus) {
  const dyad::text::ProseFilter filter(ProseCues());
  int64_t n = 0;
  for (const dyad::Article& a : corpus) {
    for (const dyad::text::Sentence& s : dyad::text::BuildDocument(a, filter).sentences) {
      n += s.coded ? 1 : 0;
    }
  }
  return n;
}

void BM_ExtractCorpus(benchmark::State& state) {
  const std::vector<dyad::Article>& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError(("corpus not found: " + CorpusPath() + " (../shared absent?)").c_str());
    return;
  }
  std::vector<dyad::Diagnostic> diagnostics;
  const auto extractor = dyad::Extractor::Create({}, &diagnostics);
  const int64_t sentences = CountSentences(corpus);
  int64_t bytes = 0;
  int64_t events = 0;
  for (auto _ : state) {
    for (const dyad::Article& a : corpus) {
      const std::vector<dyad::Event> found = extractor->Extract(a, &diagnostics);
      events += static_cast<int64_t>(found.size());
      bytes += static_cast<int64_t>(a.text.size() + a.title.size());
      benchmark::DoNotOptimize(found.data());
    }
    diagnostics.clear();
  }
  state.SetBytesProcessed(bytes);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(corpus.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The first stages alone, to see where extraction's time goes: tokenizing, and the whole
// text stage (tokens, sentences and the prose filter).
void BM_Tokenize(benchmark::State& state) {
  const std::vector<dyad::Article>& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError(("corpus not found: " + CorpusPath()).c_str());
    return;
  }
  int64_t bytes = 0;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const dyad::Article& a : corpus) {
      const std::vector<dyad::text::Token> t = dyad::text::Tokenize(a.text);
      tokens += static_cast<int64_t>(t.size());
      bytes += static_cast<int64_t>(a.text.size());
      benchmark::DoNotOptimize(t.data());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_BuildDocument(benchmark::State& state) {
  const std::vector<dyad::Article>& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError(("corpus not found: " + CorpusPath()).c_str());
    return;
  }
  const dyad::text::ProseFilter filter(ProseCues());
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const dyad::Article& a : corpus) {
      const dyad::text::Document doc = dyad::text::BuildDocument(a, filter);
      bytes += static_cast<int64_t>(a.text.size() + a.title.size());
      benchmark::DoNotOptimize(doc.sentences.data());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMillisecond);

void BM_LoadDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<dyad::Diagnostic> diagnostics;
    benchmark::DoNotOptimize(dyad::Extractor::Create({}, &diagnostics));
  }
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond);

// The built-in knowledge base and the Phoenix actor and agent dictionaries (~64,000 lines)
// together, as `dyad extract --actors ... --agents ...` loads them.
void BM_LoadBuiltinAndPhoenix(benchmark::State& state) {
  const char* env = std::getenv("DYAD_SHARED_DIR");
  const std::filesystem::path dir =
      std::filesystem::path(env != nullptr ? env : DYAD_SHARED_DIR) / "compat/phoenix";
  if (!std::filesystem::exists(dir)) {
    state.SkipWithError(("Phoenix dictionaries not found: " + dir.string()).c_str());
    return;
  }
  dyad::ExtractorOptions options;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt"}) {
    options.actor_files.push_back((dir / f).string());
  }
  options.agent_files.push_back((dir / "Phoenix.agents.txt").string());
  for (auto _ : state) {
    std::vector<dyad::Diagnostic> diagnostics;
    benchmark::DoNotOptimize(dyad::Extractor::Create(options, &diagnostics));
  }
}
BENCHMARK(BM_LoadBuiltinAndPhoenix)->Unit(benchmark::kMillisecond);

// The built-in gazetteer (src/places/data/places.tsv.gz: inflating, parsing, indexing), as
// Gazetteer::Builtin() does once per process.
void BM_LoadGazetteer(benchmark::State& state) {
  std::string_view table;
  for (const dyad::builtin::EmbeddedFile& f : dyad::builtin::Files()) {
    if (f.kind == "places") table = f.data;
  }
  size_t places = 0;
  for (auto _ : state) {
    dyad::places::Gazetteer g;
    std::vector<dyad::Diagnostic> diagnostics;
    g.Load(table, "places.tsv.gz", &diagnostics);
    places = g.size();
    benchmark::DoNotOptimize(places);
  }
  state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_LoadGazetteer)->Unit(benchmark::kMillisecond);

// Gazetteer::LongestAt at every token of the corpus's articles (tokenized outside the timing),
// skipping the tokens of each name found.
void BM_GazetteerLongestAt(benchmark::State& state) {
  const std::vector<dyad::Article>& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError(("corpus not found: " + CorpusPath()).c_str());
    return;
  }
  const dyad::places::Gazetteer& g = dyad::places::Gazetteer::Builtin();
  std::vector<std::vector<dyad::text::Token>> articles;
  for (const dyad::Article& a : corpus) articles.push_back(dyad::text::Tokenize(a.text));
  int64_t tokens = 0;
  int64_t names = 0;
  for (auto _ : state) {
    for (const std::vector<dyad::text::Token>& t : articles) {
      for (size_t at = 0; at < t.size(); ++at) {
        const dyad::places::Gazetteer::Match m = g.LongestAt(t, at, t.size());
        if (m.length > 0) {
          ++names;
          at += m.length - 1;
        }
        benchmark::DoNotOptimize(m.places.data());
      }
      tokens += static_cast<int64_t>(t.size());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["names/article"] =
      static_cast<double>(names) / static_cast<double>(state.iterations() * articles.size());
}
BENCHMARK(BM_GazetteerLongestAt)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// The syntax stage alone (docs/syntax.md): the corpus's coded sentences, tokenized once
// outside the timing, tagged, or tagged and parsed, by the built-in models.
struct Sentences {
  std::vector<std::string> buffers;  // what `words` point into, one per article
  std::vector<std::vector<std::string_view>> words;
  int64_t tokens = 0;
  int64_t bytes = 0;
};

const Sentences& CorpusSentences() {
  static const Sentences sentences = [] {
    Sentences out;
    out.buffers.reserve(Corpus().size());  // the views stay valid
    const dyad::text::ProseFilter filter(ProseCues());
    for (const dyad::Article& a : Corpus()) {
      const dyad::text::Document doc = dyad::text::BuildDocument(a, filter);
      out.buffers.push_back(doc.buffer);
      const std::string_view text = out.buffers.back();
      for (const dyad::text::Sentence& s : doc.sentences) {
        if (!s.coded) continue;
        std::vector<std::string_view> words;
        for (uint32_t i = s.first; i < s.last; ++i) {
          const dyad::text::Token& t = doc.tokens[i];
          words.push_back(text.substr(t.begin, t.end - t.begin));
        }
        out.tokens += static_cast<int64_t>(words.size());
        out.bytes += s.end - s.begin;
        out.words.push_back(std::move(words));
      }
    }
    return out;
  }();
  return sentences;
}

void BM_Syntax(benchmark::State& state, bool parse) {
  const Sentences& sentences = CorpusSentences();
  if (sentences.words.empty()) {
    state.SkipWithError(("corpus not found: " + CorpusPath()).c_str());
    return;
  }
  const dyad::syntax::Tagger& tagger = dyad::syntax::Tagger::Builtin();
  const dyad::syntax::Parser& parser = dyad::syntax::Parser::Builtin();
  std::vector<uint8_t> labels;
  dyad::syntax::Parse tree;
  int64_t tokens = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::vector<std::string_view>& words : sentences.words) {
      tagger.Tag(words, &labels);
      if (parse) parser.Run(dyad::syntax::ParseWords(tagger, words, labels), &tree);
      benchmark::DoNotOptimize(labels.data());
    }
    tokens += sentences.tokens;
    bytes += sentences.bytes;
  }
  state.SetBytesProcessed(bytes);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Syntax, Tag, false)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Syntax, TagAndParse, true)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
