#include "places/gazetteer.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/embedded.h"
#include "core/lines.h"
#include "text/tokenizer.h"

namespace dyad::places {
namespace {

constexpr std::string_view kBuiltinName = "<builtin>/src/places/data/places.tsv.gz";

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
         static_cast<unsigned char>(data[1]) == 0x8B;
}

// Inflates the gzip stream `data` into `out`; on failure returns false with `error` set.
bool Gunzip(std::string_view data, std::string* out, std::string* error) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    *error = "gzip: cannot start inflating";
    return false;
  }
  // The trailer gives the size (modulo 4 GiB); trust it only so far.
  uint32_t size = 0;
  if (data.size() >= 18) std::memcpy(&size, data.data() + data.size() - 4, 4);
  out->clear();
  out->reserve(std::min<size_t>(size, data.size() * 16));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
  std::array<char, 1 << 16> chunk{};
  int status = Z_OK;
  while (status == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&zs, Z_NO_FLUSH);
    out->append(chunk.data(), chunk.size() - zs.avail_out);
    if (status == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated
  }
  inflateEnd(&zs);
  if (status != Z_STREAM_END) {
    *error = std::string("gzip: ") + (zs.msg != nullptr ? zs.msg : "truncated or corrupt data");
    return false;
  }
  return true;
}

// A coordinate, or NaN for an empty field; false when it is not a number in [-limit, limit].
bool ParseCoordinate(std::string_view field, float limit, float* out) {
  if (field.empty()) {
    *out = std::numeric_limits<float>::quiet_NaN();
    return true;
  }
  const char* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, *out);
  return ec == std::errc() && ptr == end && std::fabs(*out) <= limit;
}

// Reads a table line into `place`; returns what is wrong with it, or nullptr.
const char* ParseLine(std::string_view line, Place* place) {
  std::array<std::string_view, 6> f;
  size_t n = 0;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    if (n == f.size())
      return "expected 6 tab-separated fields: name, country, region, lat, lon, flags";
    f[n++] = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  if (n != f.size())
    return "expected 6 tab-separated fields: name, country, region, lat, lon, flags";
  place->name = f[0];
  if (place->name.empty() || place->name.front() == ' ' || place->name.back() == ' ') {
    return "the name is empty or has spaces around it";
  }
  place->country = f[1];
  if (f[1].size() != 3 ||
      !std::all_of(f[1].begin(), f[1].end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return "the country is not an ISO 3166-1 alpha-3 code";
  }
  place->region = f[2];
  if (!ParseCoordinate(f[3], 90, &place->lat) || !ParseCoordinate(f[4], 180, &place->lon) ||
      std::isnan(place->lat) != std::isnan(place->lon)) {
    return "latitude and longitude must be degrees (-90..90, -180..180), or both empty";
  }
  if (f[5] != "-") {
    for (std::string_view flag : core::Split(f[5], ',')) {
      if (flag == "capital") {
        place->capital = true;
      } else if (flag == "major") {
        place->major = true;
      } else if (flag == "region") {
        place->is_region = true;
      } else if (flag == "common") {
        place->common = true;
      } else {
        return "unknown flag: the flags are capital, major, region and common (comma-separated), "
               "or -";
      }
    }
  }
  return nullptr;
}

}  // namespace

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer builtin = [] {
    Gazetteer g;
    std::vector<Diagnostic> diagnostics;  // none: tests/places check the built-in table
    for (const builtin::EmbeddedFile& f : builtin::Files()) {
      if (f.kind == "places") g.Load(f.data, kBuiltinName, &diagnostics);
    }
    return g;
  }();
  return builtin;
}

uint64_t Gazetteer::Key(uint32_t parent, uint64_t word_hash) {
  uint64_t h = word_hash ^ ((uint64_t{parent} + 1) * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 29);
}

uint32_t Gazetteer::Find(uint32_t parent, const text::Token& token) const {
  if (slots_.empty()) return kNone;
  const uint64_t key = Key(parent, text::NormHashOf(token));
  const uint64_t tag = key & 0xFFFFFFFF00000000ULL;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == kEmpty) return kNone;
    if ((slot & 0xFFFFFFFF00000000ULL) != tag) continue;
    const auto index = static_cast<uint32_t>(slot);
    const Node& n = nodes_[index];
    if (n.parent == parent && std::string_view(words_).substr(n.word, n.word_size) == token.norm) {
      return index;
    }
  }
}

void Gazetteer::Grow(size_t nodes) {
  if (2 * nodes <= slots_.size()) return;
  slots_.assign(std::bit_ceil(std::max<size_t>(64, 2 * nodes)), kEmpty);
  const size_t mask = slots_.size() - 1;
  for (uint32_t index = 0; index < nodes_.size(); ++index) {
    const Node& n = nodes_[index];
    const uint64_t key =
        Key(n.parent, text::NormHash(std::string_view(words_).substr(n.word, n.word_size)));
    size_t i = key & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = (key & 0xFFFFFFFF00000000ULL) | index;
  }
}

uint32_t Gazetteer::FindOrAdd(uint32_t parent, const Word& word) {
  const uint64_t key = Key(parent, word.hash);
  const uint64_t tag = key & 0xFFFFFFFF00000000ULL;
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
    if ((slots_[i] & 0xFFFFFFFF00000000ULL) != tag) continue;
    const auto index = static_cast<uint32_t>(slots_[i]);
    Node& n = nodes_[index];
    if (n.parent == parent && std::string_view(words_).substr(n.word, n.word_size) == word.norm) {
      n.capital = n.capital && word.capital;
      return index;
    }
  }
  const auto index = static_cast<uint32_t>(nodes_.size());
  Node& added = nodes_.emplace_back();
  added.parent = parent;
  added.word = static_cast<uint32_t>(words_.size());
  added.word_size = static_cast<uint16_t>(word.norm.size());
  added.capital = word.capital;
  words_ += word.norm;
  if (parent != kRoot) nodes_[parent].has_children = true;
  if (2 * nodes_.size() > slots_.size()) {
    Grow(nodes_.size());  // places every node again, this one too
  } else {
    slots_[i] = tag | index;
  }
  return index;
}

uint32_t Gazetteer::AddName(const std::vector<Word>& words) {
  uint32_t node = kRoot;
  for (const Word& w : words) node = FindOrAdd(node, w);
  return node;
}

void Gazetteer::Index(std::string_view name, std::vector<uint32_t>* ends) {
  const std::vector<text::Token> tokens = text::Tokenize(name);
  std::vector<Word> words;
  bool hyphen = false;
  bool saint = false;
  for (const text::Token& t : tokens) {
    if (t.norm.size() > UINT16_MAX) return;
    words.push_back(
        {t.norm, text::NormHashOf(t), t.kind == text::TokenKind::kWord && t.capitalized});
    hyphen = hyphen || (t.norm == "-" && words.size() > 1);
    saint = saint || t.norm == "saint" || t.norm == "st." || t.norm == "st";
  }
  if (words.empty()) return;
  std::vector<std::vector<Word>> variants{words};
  if (hyphen) {  // "Sharm el-Sheikh" is also "Sharm el Sheikh"
    std::vector<Word> joined;
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k].norm != "-" || k == 0 || k + 1 == words.size()) joined.push_back(words[k]);
    }
    variants.push_back(std::move(joined));
  }
  if (saint) {  // "Saint Petersburg" is also "St. Petersburg" and "St Petersburg"
    static constexpr std::array<std::string_view, 3> kForms = {"saint", "st.", "st"};
    const size_t given = variants.size();
    for (size_t v = 0; v < given; ++v) {
      for (std::string_view form : kForms) {
        std::vector<Word> swapped = variants[v];
        bool changed = false;
        for (Word& w : swapped) {
          if ((w.norm == "saint" || w.norm == "st." || w.norm == "st") && w.norm != form) {
            w.norm = form;
            w.hash = text::NormHash(form);
            changed = true;
          }
        }
        if (changed) variants.push_back(std::move(swapped));
      }
    }
  }
  for (const std::vector<Word>& v : variants) {
    const uint32_t end = AddName(v);
    if (std::find(ends->begin(), ends->end(), end) == ends->end()) ends->push_back(end);
  }
}

void Gazetteer::Group() {
  std::vector<uint32_t> begin(nodes_.size() + 1, 0);
  for (const auto& [node, place] : named_) ++begin[node + 1];
  for (size_t k = 1; k < begin.size(); ++k) begin[k] += begin[k - 1];
  for (uint32_t k = 0; k < nodes_.size(); ++k) {
    nodes_[k].places_begin = begin[k];
    nodes_[k].places_end = begin[k + 1];
  }
  by_node_.resize(named_.size());
  const auto rank = [](const Place& p) { return p.capital ? 0 : p.major ? 1 : 2; };
  for (int pass = 0; pass < 3; ++pass) {  // capitals, major places, the others: in table order
    for (const auto& [node, place] : named_) {
      if (rank(places_[place]) == pass) by_node_[begin[node]++] = place;
    }
  }
}

void Gazetteer::Load(std::string_view table, std::string_view file,
                     std::vector<Diagnostic>* diagnostics) {
  const auto report = [&](int64_t line, const char* message, std::string_view excerpt) {
    if (diagnostics != nullptr) {
      diagnostics->push_back(
          Diagnostic{Severity::kError, std::string(file), line, "", -1, message, Excerpt(excerpt)});
    }
  };
  auto text = std::make_unique<std::string>();
  if (IsGzip(table)) {
    std::string error;
    if (!Gunzip(table, text.get(), &error)) {
      report(-1, error.c_str(), {});
      return;
    }
  } else {
    text->assign(table);
  }
  const std::string_view content = *text;
  tables_.push_back(std::move(text));
  const auto lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  places_.reserve(places_.size() + lines);
  named_.reserve(named_.size() + lines + lines / 8);
  nodes_.reserve(nodes_.size() + lines + lines / 2);
  Grow(nodes_.size() + lines + lines / 2);

  std::string_view last_name;
  std::vector<uint32_t> ends;  // the nodes that end the name of the line before
  core::ForEachLine(content, [&](std::string_view line, int64_t number) {
    if (line.empty() || line.front() == '#') return;
    Place place;
    if (const char* error = ParseLine(line, &place)) {
      report(number, error, line);
      return;
    }
    if (place.name != last_name) {  // the table is sorted: a name's places are together
      ends.clear();
      Index(place.name, &ends);
      last_name = place.name;
    }
    const auto id = static_cast<uint32_t>(places_.size());
    places_.push_back(place);
    for (uint32_t node : ends) named_.emplace_back(node, id);
  });
  Group();
}

Gazetteer::Match Gazetteer::LongestAt(const std::vector<text::Token>& tokens, size_t at,
                                      size_t end) const {
  Match match;
  end = std::min(end, tokens.size());
  if (at >= end) return match;
  const text::Token& first = tokens[at];
  if (first.kind == text::TokenKind::kWord && !first.capitalized) return match;
  uint32_t node = Find(kRoot, first);
  for (size_t k = at; node != kNone;) {
    const Node& n = nodes_[node];
    if (n.places_end > n.places_begin) {
      match.length = static_cast<uint32_t>(k - at + 1);
      match.places = std::span<const uint32_t>(by_node_.data() + n.places_begin,
                                               n.places_end - n.places_begin);
    }
    if (!n.has_children || ++k >= end) break;
    const text::Token& next = tokens[k];
    if (next.newline_before) break;
    node = Find(node, next);
    if (node != kNone && nodes_[node].capital && !next.capitalized) break;
  }
  return match;
}

}  // namespace dyad::places
