#include "coding/complement_table.h"

#include <algorithm>

#include "text/inflection.h"
#include "text/tokenizer.h"

namespace dyad::coding {
namespace {

constexpr std::array<std::string_view, kGovernKinds> kKindNames = {
    "appeal", "demand", "intend",  "reject", "threaten", "deny",     "accuse",
    "future", "plan",   "attempt", "enact",  "negate",   "speculate"};

// Words that are not inflected: modal auxiliaries.
bool IsModal(std::string_view w) {
  for (std::string_view m :
       {"will", "would", "shall", "should", "might", "could", "may", "can", "must", "'ll"}) {
    if (m == w) return true;
  }
  return false;
}

// The forms of a governor's first word.
std::vector<std::string> FormsOf(const std::string& lemma) {
  if (IsModal(lemma)) return {lemma};
  if (lemma == "be") return {"be", "is", "are", "was", "were", "been", "being", "'re"};
  const text::VerbForms f = text::Inflect(lemma);
  std::vector<std::string> out = {lemma, f.third, f.past, f.gerund};
  if (f.participle != f.past) out.push_back(f.participle);
  return out;
}

bool IsCodeValue(std::string_view v, const CameoTable& cameo) {
  return v == "=" || v == "-" || cameo.Find(v) != nullptr;
}

}  // namespace

std::optional<GovernKind> GovernKindOf(std::string_view name) {
  for (size_t k = 0; k < kKindNames.size(); ++k) {
    if (kKindNames[k] == name) return static_cast<GovernKind>(k);
  }
  return std::nullopt;
}

std::string_view GovernKindName(GovernKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::string ComplementTable::ParseGovern(const std::vector<std::string>& lhs,
                                         const std::vector<std::string>& rhs) {
  const char* const shape = "expected 'govern VERB [WORD|OBJ...] => KIND [id=NAME]'";
  if (lhs.empty() || lhs[0] == "OBJ" || rhs.empty()) return shape;
  const std::optional<GovernKind> kind = GovernKindOf(rhs[0]);
  if (!kind) {
    std::string known;
    for (std::string_view k : kKindNames) known += (known.empty() ? "" : ", ") + std::string(k);
    return "unknown governor kind '" + rhs[0] + "' (one of " + known + ")";
  }
  GovernRule rule;
  rule.kind = *kind;
  std::string joined;
  for (const std::string& w : lhs) joined += (joined.empty() ? "" : "-") + w;
  rule.id = "govern." + joined;
  for (size_t i = 1; i < rhs.size(); ++i) {
    if (!rhs[i].starts_with("id=")) return "unknown option '" + rhs[i] + "'";
    rule.id = rhs[i].substr(3);
  }
  // The governor's own words run to the first OBJ; the rest is matched after them.
  std::string rest;
  size_t i = 1;
  for (; i < lhs.size() && lhs[i] != "OBJ"; ++i) rest += " " + lhs[i];
  for (; i < lhs.size(); ++i) {
    rule.after.push_back(lhs[i] == "OBJ" ? GovernElement{true, ""} : GovernElement{false, lhs[i]});
  }
  const auto id = static_cast<uint32_t>(rules_.size());
  rules_.push_back(std::move(rule));
  for (const std::string& form : FormsOf(lhs[0])) matcher_.Add(text::Tokenize(form + rest), id);
  return "";
}

std::string ComplementTable::ParseComplement(const std::vector<std::string>& lhs,
                                             const std::vector<std::string>& rhs,
                                             const CameoTable& cameo) {
  if (lhs.size() != 1 || rhs.empty()) {
    return "expected 'complement CAMEO-PREFIX => KIND=CODE...' (CODE a CAMEO code, '=' or '-')";
  }
  const std::string& prefix = lhs[0];
  if (prefix.empty() || !std::all_of(prefix.begin(), prefix.end(), ::isdigit)) {
    return "'" + prefix + "' is not a CAMEO code prefix";
  }
  ComplementCodes codes;
  for (const std::string& item : rhs) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) return "expected KIND=CODE, got '" + item + "'";
    const std::optional<GovernKind> kind = GovernKindOf(item.substr(0, eq));
    if (!kind) return "unknown governor kind '" + item.substr(0, eq) + "'";
    const std::string value = item.substr(eq + 1);
    if (!IsCodeValue(value, cameo)) return "unknown CAMEO code '" + value + "'";
    codes.by_kind[static_cast<size_t>(*kind)] = value;
  }
  const auto it = std::find_if(rows_.begin(), rows_.end(),
                               [&](const auto& row) { return row.first == prefix; });
  if (it != rows_.end()) {
    it->second = std::move(codes);  // a later line (a user's file) replaces the row
  } else {
    rows_.emplace_back(prefix, std::move(codes));
  }
  return "";
}

std::string_view ComplementTable::CodeFor(GovernKind kind, std::string_view cameo) const {
  if (kind == GovernKind::kNegate || kind == GovernKind::kSpeculate) return "-";
  const ComplementCodes* best = nullptr;
  size_t best_length = 0;
  for (const auto& [prefix, codes] : rows_) {
    if (prefix.size() > best_length && cameo.starts_with(prefix)) {
      best = &codes;
      best_length = prefix.size();
    }
  }
  const bool keeps = kind == GovernKind::kFuture || kind == GovernKind::kPlan ||
                     kind == GovernKind::kAttempt || kind == GovernKind::kEnact;
  if (best == nullptr) return keeps ? "=" : "";
  const std::string& own = best->by_kind[static_cast<size_t>(kind)];
  if (!own.empty()) return own;
  switch (kind) {
    case GovernKind::kFuture:
      return CodeFor(GovernKind::kIntend, cameo).empty() ? "="
                                                         : CodeFor(GovernKind::kIntend, cameo);
    case GovernKind::kPlan:
      return CodeFor(GovernKind::kFuture, cameo);
    case GovernKind::kAttempt:
    case GovernKind::kEnact:
      return "=";
    default:
      return "";
  }
}

}  // namespace dyad::coding
