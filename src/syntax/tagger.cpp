#include "syntax/tagger.h"

#include <algorithm>

#include "syntax/model_file.h"
#include "text/token.h"

namespace dyad::syntax {
namespace {

constexpr std::string_view kKind = "tagger";
constexpr uint64_t kStart = 0x5354415254ULL;  // the value of a tag before the sentence
constexpr uint64_t kNone = 0x4E4F4E45ULL;     // the value of a word past either end

enum Template : uint32_t {
  kBias = 1,
  kWord,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kShape,
  kPrevTag,
  kPrevTags,
  kPrevTagWord,
  kPrevWord,
  kPrevSuffix3,
  kPrev2Word,
  kNextWord,
  kNextSuffix3,
  kNext2Word,
  kPrevWordWord,
  kWordNextWord,
  kFirstCapitalized,
  kForm,
  kPrevShapeShape,
  kNextShape,
  kAmbiguity,
  kNextAmbiguity,
  kNext2Ambiguity,
  kPrevTagAmbiguity,
  kAmbiguityNextAmbiguity,
};

}  // namespace

std::string FeatureLower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

namespace {

// 'X' upper, 'x' lower, 'd' digit, other bytes as they are; runs cut at two.
std::string Shape(std::string_view w) {
  std::string out;
  char last = 0;
  int run = 0;
  for (char c : w) {
    char s = c;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (c >= '0' && c <= '9') {
      s = 'd';
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      s = 'u';
    }
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) out.push_back(s);
  }
  return out;
}

// The last or first `n` characters (UTF-8 aware: a multibyte letter counts as one).
std::string_view Suffix(std::string_view w, size_t n) {
  size_t at = w.size();
  for (size_t k = 0; k < n && at > 0; ++k) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(w[at]) & 0xC0) == 0x80) --at;
  }
  return w.substr(at);
}
std::string_view Prefix(std::string_view w, size_t n) {
  size_t at = 0;
  for (size_t k = 0; k < n && at < w.size(); ++k) {
    ++at;
    while (at < w.size() && (static_cast<unsigned char>(w[at]) & 0xC0) == 0x80) ++at;
  }
  return w.substr(0, at);
}

}  // namespace

uint64_t TagValue(int label) { return label < 0 ? kStart : static_cast<uint64_t>(label) + 1; }

int Argmax(const float* scores, int n) {
  int best = 0;
  for (int k = 1; k < n; ++k) {
    if (scores[k] > scores[best]) best = k;
  }
  return best;
}

std::vector<WordHashes> HashWords(std::span<const std::string_view> words,
                                  const std::unordered_map<uint64_t, uint64_t>& ambiguity) {
  std::vector<WordHashes> out(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string lower = FeatureLower(words[i]);
    WordHashes& h = out[i];
    h.form = text::NormHash(words[i]);
    h.lower = text::NormHash(lower);
    for (size_t n = 0; n < 4; ++n) h.suffix[n] = text::NormHash(Suffix(lower, n + 1));
    for (size_t n = 0; n < 3; ++n) h.prefix[n] = text::NormHash(Prefix(lower, n + 1));
    h.shape = text::NormHash(Shape(words[i]));
    const auto it = ambiguity.find(h.lower);
    h.ambiguity = it == ambiguity.end() ? 0 : it->second;
    h.capitalized = !words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z';
  }
  return out;
}

void TaggerFeatures(std::span<const WordHashes> words, size_t i, int prev, int prev2,
                    std::vector<uint32_t>* out) {
  out->clear();
  const WordHashes& w = words[i];
  const auto at = [&](ptrdiff_t k) -> const WordHashes* {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<ptrdiff_t>(words.size()) ? nullptr
                                                              : &words[static_cast<size_t>(j)];
  };
  const WordHashes* p1 = at(-1);
  const WordHashes* p2 = at(-2);
  const WordHashes* n1 = at(1);
  const WordHashes* n2 = at(2);
  const auto add = [out](Template t, uint64_t v) { out->push_back(FeatureKey(t, v)); };
  add(kBias, 0);
  add(kWord, w.lower);
  add(kForm, w.form);
  add(kSuffix1, w.suffix[0]);
  add(kSuffix2, w.suffix[1]);
  add(kSuffix3, w.suffix[2]);
  add(kSuffix4, w.suffix[3]);
  add(kPrefix1, w.prefix[0]);
  add(kPrefix2, w.prefix[1]);
  add(kPrefix3, w.prefix[2]);
  add(kShape, w.shape);
  add(kPrevTag, TagValue(prev));
  add(kPrevTags, Combine(TagValue(prev), TagValue(prev2)));
  add(kPrevTagWord, Combine(TagValue(prev), w.lower));
  add(kPrevWord, p1 != nullptr ? p1->lower : kNone);
  add(kPrevSuffix3, p1 != nullptr ? p1->suffix[2] : kNone);
  add(kPrev2Word, p2 != nullptr ? p2->lower : kNone);
  add(kNextWord, n1 != nullptr ? n1->lower : kNone);
  add(kNextSuffix3, n1 != nullptr ? n1->suffix[2] : kNone);
  add(kNext2Word, n2 != nullptr ? n2->lower : kNone);
  add(kPrevWordWord, Combine(p1 != nullptr ? p1->lower : kNone, w.lower));
  add(kWordNextWord, Combine(w.lower, n1 != nullptr ? n1->lower : kNone));
  add(kPrevShapeShape, Combine(p1 != nullptr ? p1->shape : kNone, w.shape));
  add(kNextShape, n1 != nullptr ? n1->shape : kNone);
  add(kFirstCapitalized, (i == 0 ? 2U : 0U) + (w.capitalized ? 1U : 0U));
  const uint64_t a1 = n1 != nullptr ? n1->ambiguity : kNone;
  add(kAmbiguity, w.ambiguity);
  add(kNextAmbiguity, a1);
  add(kNext2Ambiguity, n2 != nullptr ? n2->ambiguity : kNone);
  add(kPrevTagAmbiguity, Combine(TagValue(prev), w.ambiguity));
  add(kAmbiguityNextAmbiguity, Combine(w.ambiguity, a1));
}

Tagger::Tagger(Parts parts) : parts_(std::move(parts)) {}

Tagger::Tagger(std::string_view file, std::string_view name) {
  ModelReader in(file, kKind, name);
  const uint32_t labels = in.U32();
  if (in.ok() && (labels == 0 || labels > 255)) {
    in.Fail("damaged: " + std::to_string(labels) + " labels");
  }
  for (uint32_t k = 0; k < labels && in.ok(); ++k) {
    parts_.upos.push_back(in.String());
    parts_.xpos.push_back(in.String());
  }
  const uint32_t words = in.U32();
  for (uint32_t k = 0; k < words && in.ok(); ++k) {
    const uint64_t form = in.U64();
    const uint8_t label = in.U8();
    if (label >= labels) in.Fail("damaged: a tag-dictionary label out of range");
    parts_.dictionary.emplace(form, label);
  }
  const uint32_t classes = in.U32();
  for (uint32_t k = 0; k < classes && in.ok(); ++k) {
    const uint64_t form = in.U64();
    parts_.ambiguity.emplace(form, in.U64());
  }
  if (in.ok()) parts_.model = in.Model(static_cast<int>(labels));
  if (!Adopt(in)) parts_ = Parts{};
}

const Tagger& Tagger::Builtin() {
  static const Tagger kTagger = [] {
    const BuiltinModelFile file = BuiltinModel(kKind);
    return Tagger(file.data, file.name);
  }();
  return kTagger;
}

void Tagger::Tag(std::span<const std::string_view> words, std::vector<uint8_t>* labels) const {
  labels->assign(words.size(), 0);
  if (!ok() || words.empty()) return;
  const std::vector<WordHashes> hashes = HashWords(words, parts_.ambiguity);
  std::vector<uint32_t> features;
  std::vector<float> scores(static_cast<size_t>(this->labels()));
  int prev = -1;
  int prev2 = -1;
  for (size_t i = 0; i < words.size(); ++i) {
    int label = 0;
    if (const auto it = parts_.dictionary.find(hashes[i].form); it != parts_.dictionary.end()) {
      label = it->second;
    } else {
      TaggerFeatures(hashes, i, prev, prev2, &features);
      std::fill(scores.begin(), scores.end(), 0.0F);
      parts_.model.Score(features, scores.data());
      label = Argmax(scores.data(), this->labels());
    }
    (*labels)[i] = static_cast<uint8_t>(label);
    prev2 = prev;
    prev = label;
  }
}

std::string WriteTaggerModel(const Tagger& tagger, std::string_view attribution) {
  const Tagger::Parts& p = tagger.parts();
  ModelWriter out(kKind, attribution);
  out.U32(static_cast<uint32_t>(p.upos.size()));
  for (size_t k = 0; k < p.upos.size(); ++k) {
    out.String(p.upos[k]);
    out.String(p.xpos[k]);
  }
  std::vector<std::pair<uint64_t, uint8_t>> words(p.dictionary.begin(), p.dictionary.end());
  std::sort(words.begin(), words.end());  // the same bytes whatever the map's order
  out.U32(static_cast<uint32_t>(words.size()));
  for (const auto& [form, label] : words) {
    out.U64(form);
    out.U8(label);
  }
  std::vector<std::pair<uint64_t, uint64_t>> classes(p.ambiguity.begin(), p.ambiguity.end());
  std::sort(classes.begin(), classes.end());
  out.U32(static_cast<uint32_t>(classes.size()));
  for (const auto& [form, set] : classes) {
    out.U64(form);
    out.U64(set);
  }
  out.Model(p.model);
  return out.Finish();
}

}  // namespace dyad::syntax
