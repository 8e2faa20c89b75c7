#include "dyad/extractor.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "actors/actor_dictionary.h"
#include "actors/actor_resolver.h"
#include "coding/cameo_table.h"
#include "coding/event_coder.h"
#include "coding/event_lexicon.h"
#include "core/embedded.h"
#include "dyad/error.h"
#include "text/document.h"

namespace dyad {
namespace {

constexpr size_t kMaxArticleBytes = size_t{1} << 30;  // offsets are 32-bit

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, "cannot open dictionary '" + path + "'");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::kIo, "cannot read dictionary '" + path + "'");
  return out.str();
}

// FNV-1a, 64 bits: a fingerprint of the dictionaries, not a security hash.
class Fingerprint {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
    return buf;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::string_view BuiltinFile(std::string_view kind) {
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == kind) return f.data;
  }
  return {};
}

}  // namespace

struct Extractor::Impl {
  actors::ActorDictionary actors;
  coding::CameoTable cameo;
  coding::EventLexicon lexicon;
  text::ProseFilter prose{BuiltinFile("text")};
  actors::ActorResolver resolver{actors};
  coding::EventCoder coder{lexicon};
  DictionaryInfo info;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::Create(const ExtractorOptions& options,
                                             std::vector<Diagnostic>* diagnostics) {
  auto impl = std::make_unique<Impl>();
  Fingerprint fp;
  const std::string builtin_prefix = "<builtin>/";
  // The CAMEO table is always the built-in one: it is a fact table, not a dictionary.
  impl->cameo.Load(BuiltinFile("cameo"), builtin_prefix + "cameo.tsv", diagnostics);
  if (options.use_builtin) {
    for (const builtin::EmbeddedFile& f : builtin::Files()) {
      const std::string name = builtin_prefix + std::string(f.path);
      if (f.kind == "actors") {
        impl->actors.Load(f.data, name, diagnostics);
      } else if (f.kind == "verbs") {
        impl->lexicon.Load(f.data, name, impl->cameo, diagnostics);
      } else {
        continue;
      }
      fp.Add(f.data);
    }
  }
  for (const std::string& path : options.actor_files) {
    const std::string content = ReadWholeFile(path);
    impl->actors.Load(content, path, diagnostics);
    fp.Add(content);
  }
  for (const std::string& path : options.verb_files) {
    const std::string content = ReadWholeFile(path);
    impl->lexicon.Load(content, path, impl->cameo, diagnostics);
    fp.Add(content);
  }
  impl->info.fingerprint = fp.Hex();
  impl->info.actors = impl->actors.records().size();
  impl->info.phrases = impl->actors.matcher().size();
  impl->info.rules = impl->lexicon.size();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

const DictionaryInfo& Extractor::info() const { return impl_->info; }

std::vector<Event> Extractor::Extract(const Article& article,
                                      std::vector<Diagnostic>* diagnostics) const {
  std::vector<Event> events;
  const auto fail = [&](const std::string& message) {
    Diagnostic d;
    d.article_id = article.id;
    d.message = message;
    diagnostics->push_back(std::move(d));
  };
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fail("empty text");
    return events;
  }
  if (article.text.size() + article.title.size() > kMaxArticleBytes) {
    fail("article larger than 1 GiB");
    return events;
  }
  const text::Document doc = text::BuildDocument(article, impl_->prose);
  actors::Discourse discourse = impl_->resolver.Begin(article);
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const text::Sentence& s = doc.sentences[i];
    if (!s.coded) continue;
    const std::vector<actors::Mention> mentions = impl_->resolver.Resolve(doc, s, &discourse);
    const size_t before = events.size();
    impl_->coder.Code(doc, i, mentions, &discourse, &events);
    for (size_t k = before; k < events.size(); ++k) events[k].article_id = article.id;
  }
  return events;
}

}  // namespace dyad
