#include "text/discard_list.h"

#include <algorithm>
#include <cctype>

#include "core/lines.h"
#include "text/tokenizer.h"

namespace dyad::text {

void DiscardList::Load(std::string_view content, std::string_view file,
                       std::vector<Diagnostic>* diagnostics) {
  core::ForEachLine(content, [&](std::string_view raw, int64_t number) {
    std::string_view line = raw.substr(0, raw.find('#'));
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    line = line.substr(line.find_first_not_of(" \t"));
    line = line.substr(0, line.find_last_not_of(" \t") + 1);
    if (line.starts_with("<!")) return;
    Entry e;
    if (line.front() == '+') {
      e.scope = Scope::kArticle;
      line.remove_prefix(1);
    }
    std::string text(line);
    e.stem = !text.ends_with("_");
    std::replace(text.begin(), text.end(), '_', ' ');
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (Token& t : Tokenize(text)) e.words.push_back(std::move(t.norm));
    if (e.words.empty()) {
      diagnostics->push_back(Diagnostic{Severity::kError, std::string(file), number, "", -1,
                                        "empty discard phrase", Excerpt(raw)});
      return;
    }
    const auto id = static_cast<uint32_t>(entries_.size());
    if (e.stem && e.words.size() == 1 && e.words[0].size() >= kStemKey) {
      by_stem_key_[e.words[0].substr(0, kStemKey)].push_back(id);
    } else {
      by_first_[e.words[0]].push_back(id);
    }
    entries_.push_back(std::move(e));
  });
}

bool DiscardList::Matches(const Entry& e, const std::vector<Token>& tokens, uint32_t at,
                          uint32_t last) const {
  if (at + e.words.size() > last) return false;
  for (size_t k = 0; k < e.words.size(); ++k) {
    const std::string& norm = tokens[at + k].norm;
    const bool final_stem = e.stem && k + 1 == e.words.size();
    if (final_stem ? !norm.starts_with(e.words[k]) : norm != e.words[k]) return false;
  }
  return true;
}

DiscardList::Scope DiscardList::Find(const std::vector<Token>& tokens, uint32_t first,
                                     uint32_t last) const {
  Scope widest = Scope::kNone;
  const auto consider = [&](const std::vector<uint32_t>& ids, uint32_t at) {
    for (uint32_t id : ids) {
      if (Matches(entries_[id], tokens, at, last)) widest = std::max(widest, entries_[id].scope);
    }
  };
  for (uint32_t i = first; i < last && widest != Scope::kArticle; ++i) {
    const std::string& norm = tokens[i].norm;
    if (const auto it = by_first_.find(norm); it != by_first_.end()) consider(it->second, i);
    if (norm.size() >= kStemKey) {
      if (const auto it = by_stem_key_.find(norm.substr(0, kStemKey)); it != by_stem_key_.end()) {
        consider(it->second, i);
      }
    }
  }
  return widest;
}

}  // namespace dyad::text
