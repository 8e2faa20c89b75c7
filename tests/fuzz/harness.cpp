#include "fuzz/harness.h"

#include <rapidjson/document.h>
#include <stdlib.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/utf8.h"
#include "dates/time_expression.h"
#include "dyad/corpus_reader.h"
#include "dyad/dictionary_check.h"
#include "dyad/error.h"
#include "dyad/event_format.h"
#include "dyad/event_reader.h"
#include "dyad/extractor.h"
#include "syntax/model_file.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/treebank.h"

namespace dyad::fuzz {
namespace {

// A broken invariant: abort, so that the fuzzer keeps the input (and a test fails).
void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// A private scratch directory for the life of the process, removed at its exit.
const std::filesystem::path& Scratch() {
  struct Dir {
    Dir() {
      std::string pattern = (std::filesystem::temp_directory_path() / "dyad-fuzz-XXXXXX").string();
      Require(mkdtemp(pattern.data()) != nullptr, "a scratch directory");
      path = pattern;
    }
    ~Dir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
    std::filesystem::path path;
  };
  static const Dir dir;
  return dir.path;
}

std::string WriteScratch(const std::string& name, std::string_view data) {
  const std::string path = (Scratch() / name).string();
  std::ofstream(path, std::ios::binary)
      .write(data.data(), static_cast<std::streamsize>(data.size()));
  return path;
}

// The longest valid UTF-8 prefix: what the readers hand on (they reject the rest).
std::string_view ValidPrefix(std::string_view data) {
  return data.substr(0, std::min(data.size(), core::FindInvalidUtf8(data)));
}

bool InField(const Span& s, const Article& a, ArticleField field) {
  const auto size = static_cast<int64_t>((field == ArticleField::kTitle ? a.title : a.text).size());
  return 0 <= s.begin && s.begin <= s.end && s.end <= size;
}

// Every event an extraction gives: spans inside their field, a code, JSON that parses.
void CheckEvents(const Article& a, const std::vector<Event>& events) {
  for (const Event& e : events) {
    Require(InField(e.trigger, a, e.field), "the trigger lies in its field");
    Require(!e.cameo.empty() && !e.action.empty(), "an event has a code and an action");
    Require(e.quad_class >= 1 && e.quad_class <= 4, "a QuadClass of 1-4");
    Require(!e.source.code.empty() && !e.target.code.empty(), "both actors have codes");
    rapidjson::Document d;
    d.Parse(EventToJson(e).c_str());
    Require(!d.HasParseError() && d.IsObject(), "an event's JSON parses");
  }
}

const Extractor& Builtin() {
  static const std::unique_ptr<Extractor> extractor = [] {
    std::vector<Diagnostic> diagnostics;
    return Extractor::Create({}, &diagnostics);
  }();
  return *extractor;
}

}  // namespace

void Jsonl(std::string_view data) {
  const std::string path = WriteScratch("corpus.jsonl", data);
  CorpusReader reader({path}, {});
  Article a;
  std::vector<Diagnostic> diagnostics;
  int64_t articles = 0;
  while (reader.Next(&a, &diagnostics)) {
    ++articles;
    Require(core::FindInvalidUtf8(a.text) == std::string::npos, "an article's text is UTF-8");
    Require(core::FindInvalidUtf8(a.title) == std::string::npos, "an article's title is UTF-8");
    Require(a.text.find_first_not_of(" \t\r\n") != std::string::npos, "no blank article");
  }
  for (const Diagnostic& d : diagnostics) Require(!d.message.empty(), "a diagnostic says what");
  Require(articles + reader.skipped() <= static_cast<int64_t>(data.size()) + 1,
          "no more records than lines");
}

void Events(std::string_view data) {
  const std::string path = WriteScratch("events.jsonl", data);
  EventReader reader({path});
  ArticleRecord record;
  std::vector<Diagnostic> diagnostics;
  std::string again;  // every record read, written once more
  std::vector<std::pair<std::string, size_t>> read;
  while (reader.Next(&record, &diagnostics)) {
    if (!record.has_article) continue;
    for (const Event& e : record.events) {
      rapidjson::Document d;
      d.Parse(EventToJson(e).c_str());
      Require(!d.HasParseError() && d.IsObject(), "an event read writes as JSON that parses");
    }
    read.emplace_back(record.article.id, record.events.size());
    again += ArticleRecordToJson(record) + "\n";
  }
  for (const Diagnostic& d : diagnostics) Require(!d.message.empty(), "a diagnostic says what");
  EventReader back({WriteScratch("again.jsonl", again)});
  size_t k = 0;
  while (back.Next(&record, &diagnostics)) {
    if (!record.has_article) continue;
    Require(k < read.size() && read[k].first == record.article.id &&
                read[k].second == record.events.size(),
            "a record written again reads back the same");
    ++k;
  }
  Require(k == read.size(), "every record written again reads back");
}

void Text(std::string_view data) {
  const std::string_view text = ValidPrefix(data);
  Article a;
  a.id = "fuzz";
  const size_t line = text.find('\n');
  if (line != std::string_view::npos && line < 200) {  // a first short line is the title
    a.title = std::string(text.substr(0, line));
    a.text = std::string(text.substr(line + 1));
  } else {
    a.text = std::string(text);
  }
  a.date = Date::FromYmd(2021, 3, 1);
  a.source = "kremlin.ru";
  std::vector<Diagnostic> diagnostics;
  CheckEvents(a, Builtin().Extract(a, &diagnostics));
  for (const dates::Tense tense : {dates::Tense::kPast, dates::Tense::kFuture}) {
    for (const dates::TimeMention& m : dates::FindTimeMentions(text, *a.date, tense)) {
      Require(m.begin < m.end && m.end <= text.size(), "a time expression lies in the text");
    }
  }
}

void Dictionary(std::string_view data) {
  if (data.empty()) return;
  // The name tells the loaders the format (api::KindOfPath); the content decides between
  // dyad's format and TABARI's for actors, and between dyad's, PETRARCH's and TABARI's for
  // verbs (the seeds hold each).
  static constexpr const char* kNames[] = {"fuzz.actors", "fuzz-agents.txt", "fuzz.verbs",
                                           "fuzz-discard.txt"};
  const char* name = kNames[static_cast<unsigned char>(data[0]) % 4];
  const std::string path = WriteScratch(name, ValidPrefix(data.substr(1)));
  ExtractorOptions options;
  options.use_builtin = false;
  switch (static_cast<unsigned char>(data[0]) % 4) {
    case 0:
      options.actor_files = {path};
      break;
    case 1:
      options.agent_files = {path};
      break;
    case 2:
      options.verb_files = {path};
      break;
    default:
      options.discard_files = {path};
      break;
  }
  std::vector<Diagnostic> diagnostics;
  const std::unique_ptr<Extractor> extractor = Extractor::Create(options, &diagnostics);
  for (const Diagnostic& d : diagnostics) Require(!d.message.empty(), "a diagnostic says what");
  // Code the dictionary's own words, and a plain news sentence, with it.
  for (std::string text : {std::string(ValidPrefix(data.substr(1))),
                           std::string("Russia warned Ukraine on Monday. The president called "
                                       "Macron and they agreed to meet.")}) {
    Article a;
    a.id = "fuzz";
    a.text = std::move(text);
    a.date = Date::FromYmd(2021, 3, 1);
    CheckEvents(a, extractor->Extract(a, &diagnostics));
  }
  (void)extractor->Relations();
  (void)CheckDictionaries({path}, /*with_builtin=*/false);
}

void Query(std::string_view data) {
  static const std::string db = [] {
    const std::string path = (Scratch() / "sample.db").string();
    CLI::App app;
    int code = cli::kExitOk;
    cli::AddIngestCommand(app, &code);
    const std::string sample = std::string(DYAD_SOURCE_DIR) + "/tests/data/sample/news.jsonl";
    std::vector<std::string> args = {"ingest", "--db", path, sample};
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    app.parse(args);
    // The sample has broken lines on purpose: exit 1, with its articles stored.
    Require(code == cli::kExitOk || code == cli::kExitSkipped, "the sample database is built");
    return path;
  }();
  if (data.empty()) return;
  static constexpr const char* kCommands[] = {"timeline", "neighbors", "path",
                                              "partners", "series",    "stats"};
  std::vector<std::string> args = {kCommands[static_cast<unsigned char>(data[0]) % 6]};
  std::string_view rest = data.substr(1);
  while (!rest.empty() && args.size() < 12) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    args.emplace_back(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  for (const std::string& arg : args) {
    // The database is the fixture's, read only: no other database, and no command that
    // writes (ingest) or reads other files.
    if (arg == "--db" || arg.starts_with("--db=") || arg == "ingest") return;
  }
  args.insert(args.begin() + 1, {"--db", db});
  std::reverse(args.begin(), args.end());
  CLI::App app;
  int code = cli::kExitOk;
  cli::AddIngestCommand(app, &code);
  cli::AddQueryCommands(app, &code);
  try {
    app.parse(args);
  } catch (const CLI::ParseError&) {  // a bad command line: what `dyad` reports as usage
  } catch (const Error&) {            // an unknown actor, a bad date: reported, exit 1-3
  }
}

void Conllu(std::string_view data) {
  std::vector<Diagnostic> diagnostics;
  const std::vector<syntax::TreebankSentence> read = syntax::ReadConllu(data, "fuzz", &diagnostics);
  for (const Diagnostic& d : diagnostics) {
    Require(d.line > 0, "a CoNLL-U diagnostic names its line");
  }
  size_t words = 0;
  for (const syntax::TreebankSentence& s : read) {
    Require(!s.words.empty(), "a sentence read has words");
    for (const syntax::TreebankWord& w : s.words) {
      Require(w.head >= -1 && w.head <= static_cast<int>(s.words.size()), "heads are words");
    }
    words += s.words.size();
    (void)s.IsTree();
  }
  // What WriteConllu writes reads back as the same sentences and words.
  const std::vector<syntax::TreebankSentence> again =
      syntax::ReadConllu(syntax::WriteConllu(read), "again", nullptr);
  Require(again.size() == read.size(), "written sentences read back");
  size_t again_words = 0;
  for (size_t i = 0; i < again.size(); ++i) {
    again_words += again[i].words.size();
    Require(again[i].words.size() == read[i].words.size() &&
                again[i].words.front().form == read[i].words.front().form,
            "written words read back");
  }
  Require(again_words == words, "every word reads back");
}

void ParserModel(std::string_view data) {
  const syntax::Parser parser(data, "fuzz");
  if (!parser.ok()) {
    Require(!parser.error().empty(), "a refused model says why");
    return;
  }
  std::vector<syntax::ParseWord> words;
  for (uint64_t i = 0; i < 9; ++i) words.push_back({i * 31 + 7, i % 3});
  syntax::Parse parse;
  parser.Run(words, &parse);
  int roots = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    Require(parse.heads[i] >= -1 && parse.heads[i] < static_cast<int>(words.size()),
            "heads are words");
    Require(parse.relations[i] < parser.relations(), "relations are the model's");
    roots += parse.heads[i] == -1 ? 1 : 0;
  }
  Require(roots == 1, "one root");
  const syntax::Parser again(syntax::WriteParserModel(parser, parser.attribution()), "again");
  Require(again.ok(), "a written model loads");
}

void LoadModel(std::string_view data) {
  const syntax::Tagger tagger(data, "fuzz");
  if (!tagger.ok()) {
    Require(!tagger.error().empty(), "a refused model says why");
    if (tagger.error().find("a parser model") != std::string::npos) ParserModel(data);
    return;
  }
  const std::vector<std::string_view> words = {"Rebels", "shelled", "the", "town", "."};
  std::vector<uint8_t> labels;
  tagger.Tag(words, &labels);
  Require(labels.size() == words.size(), "one label per word");
  for (uint8_t l : labels) Require(l < tagger.labels(), "labels are the model's");
  // A model written again loads again and tags alike.
  const syntax::Tagger again(syntax::WriteTaggerModel(tagger, tagger.attribution()), "again");
  Require(again.ok(), "a written model loads");
  std::vector<uint8_t> again_labels;
  again.Tag(words, &again_labels);
  Require(again_labels.size() == labels.size(), "the reloaded model tags every word");
}

void Model(std::string_view data) {
  LoadModel(data);
  // The same bytes with the header's size and checksum made to match, so that the fuzzer
  // reaches the payload's own checks rather than stopping at the checksum.
  constexpr size_t kHeader = 28;
  if (data.size() < kHeader || !data.starts_with("DYADMODL")) return;
  std::string sealed(data);
  const uint64_t size = sealed.size() - kHeader;
  const uint64_t checksum = syntax::Fnv1a(std::string_view(sealed).substr(kHeader));
  std::memcpy(sealed.data() + 12, &size, sizeof size);
  std::memcpy(sealed.data() + 20, &checksum, sizeof checksum);
  LoadModel(sealed);
}

void Run(std::string_view target, std::string_view data) {
  if (target == "jsonl") Jsonl(data);
  if (target == "events") Events(data);
  if (target == "text") Text(data);
  if (target == "dictionary") Dictionary(data);
  if (target == "query") Query(data);
  if (target == "conllu") Conllu(data);
  if (target == "model") Model(data);
}

}  // namespace dyad::fuzz
