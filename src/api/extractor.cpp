#include "dyad/extractor.h"

#include "actors/actor_resolver.h"
#include "api/dictionaries.h"
#include "coding/event_coder.h"
#include "coding/headline_dates.h"
#include "places/gazetteer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "text/document.h"

namespace dyad {
namespace {

constexpr size_t kMaxArticleBytes = size_t{1} << 30;  // offsets are 32-bit

// The offices whose holder leads the state or organization (ministers and deputies do not).
bool IsLeaderTitle(std::string_view title) {
  for (std::string_view t : {"president",
                             "prime-minister",
                             "chancellor",
                             "king",
                             "queen",
                             "emir",
                             "sultan",
                             "supreme-leader",
                             "pope",
                             "secretary-general",
                             "commission-president",
                             "council-president",
                             "commission-chair",
                             "premier",
                             "emperor",
                             "grand-duke",
                             "head-of-state",
                             "chairman",
                             "leader",
                             "political-bureau-chief",
                             "prince",
                             "chief-adviser",
                             "first-prime-minister",
                             "presidium-president",
                             "fry-president",
                             "gnc-president",
                             "presidential-council-chairman",
                             "council-of-ministers-president",
                             "general-secretary"}) {
    if (t == title) return true;
  }
  return false;
}

}  // namespace

struct Extractor::Impl {
  // The gazetteer is built-in data, left out with the other built-in dictionaries.
  explicit Impl(const ExtractorOptions& options)
      : resolver{dicts.actors, options.use_builtin ? &places::Gazetteer::Builtin() : nullptr},
        coder{dicts.lexicon, resolver, options.keep_negated} {}
  api::Dictionaries dicts;
  text::ProseFilter prose{api::BuiltinFile("text")};
  actors::ActorResolver resolver;
  coding::EventCoder coder;
  DictionaryInfo info;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::Create(const ExtractorOptions& options,
                                             std::vector<Diagnostic>* diagnostics) {
  auto impl = std::make_unique<Impl>(options);
  api::Dictionaries& dicts = impl->dicts;
  dicts.LoadBuiltin(options.use_builtin, diagnostics);
  for (const std::string& path : options.actor_files) {
    dicts.LoadFile(path, api::DictionaryKind::kActors, diagnostics);
  }
  for (const std::string& path : options.agent_files) {
    dicts.LoadFile(path, api::DictionaryKind::kAgents, diagnostics);
  }
  for (const std::string& path : options.verb_files) {
    dicts.LoadFile(path, api::DictionaryKind::kVerbs, diagnostics);
  }
  for (const std::string& path : options.discard_files) {
    dicts.LoadFile(path, api::DictionaryKind::kDiscards, diagnostics);
  }
  dicts.actors.IndexHolders();
  impl->info.fingerprint = dicts.fingerprint;
  impl->info.actors = dicts.actors.records().size();
  impl->info.phrases = dicts.actors.matcher().size();
  impl->info.rules = dicts.lexicon.size();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

namespace {

// Applies the discard lists: marks sentences not to code; false when the whole article goes.
bool ApplyDiscards(const text::DiscardList& discards, text::Document* doc) {
  if (discards.empty()) return true;
  for (text::Sentence& s : doc->sentences) {
    const text::DiscardList::Scope scope = discards.Find(doc->tokens, s.first, s.last);
    if (scope == text::DiscardList::Scope::kArticle) return false;
    if (scope == text::DiscardList::Scope::kSentence) s.coded = false;
  }
  return true;
}

}  // namespace

std::vector<Relation> Extractor::Relations(const std::optional<Date>& day) const {
  const actors::ActorDictionary& dict = impl_->dicts.actors;
  std::vector<Relation> out;
  const auto keep = [&](Relation r) {
    if (!day || r.ValidOn(*day)) out.push_back(std::move(r));
  };
  for (const actors::ActorRecord& r : dict.records()) {
    if (r.kind != actors::ActorKind::kPerson) continue;
    for (const actors::Role& role : r.roles) {
      if (!IsLeaderTitle(role.title)) continue;
      const actors::ActorRecord* entity = dict.FindEntity(role.entity);
      const bool state = entity != nullptr && entity->kind == actors::ActorKind::kState;
      const std::string code = entity == nullptr
                                   ? role.entity + role.role_code
                                   : (state ? entity->code + role.role_code : entity->code);
      keep(Relation{RelationKind::kLeaderOf, r.name, r.name, code, role.entity,
                    entity == nullptr ? role.entity : entity->code,
                    entity == nullptr ? role.entity : entity->name, role.title, role.from,
                    role.to});
    }
  }
  for (const actors::Membership& m : dict.memberships()) {
    const actors::ActorRecord* member = dict.FindEntity(m.member);
    const actors::ActorRecord* org = dict.FindEntity(m.organization);
    keep(Relation{RelationKind::kMemberOf, m.member, member != nullptr ? member->name : m.member,
                  member != nullptr ? member->code : m.member, m.organization,
                  org != nullptr ? org->code : m.organization,
                  org != nullptr ? org->name : m.organization, "", m.from, m.to});
  }
  return out;
}

const DictionaryInfo& Extractor::info() const { return impl_->info; }

namespace {

// The sentence's tagged dependency tree, for Explain: each word as word/XPOS>head:relation
// ("Turkey/NNP>accused:nsubj"; the root's head is "ROOT"). Only sentences that hold an actor
// and a lexicon word, the ones the syntax stage will read (docs/syntax.md).
void ExplainTree(const text::Document& doc, const text::Sentence& s, std::string* out) {
  const syntax::Tagger& tagger = syntax::Tagger::Builtin();
  const syntax::Parser& parser = syntax::Parser::Builtin();
  if (!tagger.ok() || !parser.ok()) return;
  std::vector<std::string_view> words;
  for (uint32_t t = s.first; t < s.last; ++t) {
    words.push_back(doc.Slice(doc.tokens[t].begin, doc.tokens[t].end));
  }
  std::vector<uint8_t> tags;
  tagger.Tag(words, &tags);
  syntax::Parse tree;
  parser.Run(syntax::ParseWords(tagger, words, tags), &tree);
  out->append("  tree  ");
  for (size_t w = 0; w < words.size(); ++w) {
    const int head = tree.heads[w];
    out->append(" ").append(words[w]).append("/").append(tagger.xpos(tags[w])).append(">");
    out->append(head < 0 ? std::string_view("ROOT") : words[static_cast<size_t>(head)]);
    out->append(":").append(parser.relation(tree.relations[w]));
  }
  out->append("\n");
}

}  // namespace

std::string Extractor::Explain(const Article& article) const {
  std::string out;
  const auto add = [&out](std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) out.append(p);
  };
  add({"# ", article.id, "\n"});
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    add({"(empty)\n"});
    return out;
  }
  text::Document doc = text::BuildDocument(article, impl_->prose);
  if (!ApplyDiscards(impl_->dicts.discards, &doc)) {
    add({"(discarded)\n"});
    return out;
  }
  const auto words = [&doc](uint32_t first, uint32_t last) {
    return doc.Slice(doc.tokens[first].begin, doc.tokens[last - 1].end);
  };
  actors::Discourse discourse = impl_->resolver.Begin(article);
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const text::Sentence& s = doc.sentences[i];
    if (!s.coded) continue;
    std::vector<actors::PlaceMention> places;
    const std::vector<actors::Mention> mentions =
        impl_->resolver.Resolve(doc, s, &discourse, &places);
    add({"[", std::to_string(i), "] ", doc.Slice(s.begin, s.end), "\n"});
    for (const actors::Mention& m : mentions) {
      add({"  actor  '", words(m.first, m.last), "' ="});
      for (const actors::ResolvedActor& a : m.actors) add({" ", a.code, " (", a.name, ")"});
      if (m.generic) add({" generic"});
      if (m.modifier) add({" modifier"});
      if (m.possessive) add({" possessive"});
      if (m.locative) add({" locative"});
      add({"\n"});
    }
    for (const actors::PlaceMention& p : places) {
      add({"  place  '", words(p.first, p.last), "' = ", p.country, " ", p.name,
           p.locative ? " locative" : "", "\n"});
    }
    const coding::EventLexicon& lexicon = impl_->dicts.lexicon;
    bool lexicon_words = false;
    for (uint32_t t = s.first; t < s.last;) {  // the lexicon's words, events or not
      const actors::PhraseMatcher::Match m = lexicon.matcher().LongestAt(doc.tokens, t, s.last);
      if (m.length == 0) {
        ++t;
        continue;
      }
      lexicon_words = true;
      add({"  words  '", words(t, t + m.length), "':"});
      for (uint32_t id : m.payloads) {
        const coding::EventRule& rule = lexicon.rule(lexicon.trigger(id).rule);
        add({" ", rule.id, ":", rule.cameo});
      }
      add({"\n"});
      t += m.length;
    }
    if (lexicon_words && !mentions.empty()) ExplainTree(doc, s, &out);
    std::vector<Event> events;
    impl_->coder.Code(doc, i, mentions, places, &discourse, &events);
    for (const Event& e : events) {
      add({"  event  ", e.source.code, " -> ", e.target.code, " ", e.cameo, " ", e.action, " (",
           e.rule, ")", e.negated ? " negated" : "", e.factual ? "" : " not-factual"});
      if (e.location) add({" at ", e.location->country, " ", e.location->place});
      add({"\n"});
    }
  }
  return out;
}

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
  text::Document doc = text::BuildDocument(article, impl_->prose);
  if (!ApplyDiscards(impl_->dicts.discards, &doc)) return events;
  actors::Discourse discourse = impl_->resolver.Begin(article);
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const text::Sentence& s = doc.sentences[i];
    if (!s.coded) continue;
    std::vector<actors::PlaceMention> places;
    const std::vector<actors::Mention> mentions =
        impl_->resolver.Resolve(doc, s, &discourse, &places);
    if (discourse.discarded) continue;
    const size_t before = events.size();
    impl_->coder.Code(doc, i, mentions, places, &discourse, &events);
    for (size_t k = before; k < events.size(); ++k) events[k].article_id = article.id;
  }
  coding::DateHeadlinesByLead(article.date, &events);
  return events;
}

}  // namespace dyad
