#include "coding/event_lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/lines.h"
#include "text/tokenizer.h"

namespace dyad::coding {
namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::string_view piece : core::Split(s, sep)) {
    if (!piece.empty()) out.emplace_back(piece);
  }
  return out;
}

// Fills `out` with the code `code` names, or says why it cannot.
std::string SetAltCode(const CameoTable& cameo, const std::string& code, AltCode* out) {
  const CameoCode* c = cameo.Find(code);
  if (c == nullptr) return "unknown CAMEO code '" + code + "'";
  *out = AltCode{code, c->quad_class, c->goldstein};
  return "";
}

}  // namespace

void EventLexicon::AddTrigger(const std::string& words, Trigger trigger, bool stem) {
  const auto id = static_cast<uint32_t>(triggers_.size());
  if (matcher_.Add(text::Tokenize(words), id, stem)) triggers_.push_back(trigger);
}

void EventLexicon::AddRule(EventRule rule, const std::vector<std::string>& words,
                           const std::vector<std::string>& extra_forms) {
  const auto rule_id = static_cast<uint32_t>(rules_.size());
  const TriggerKind kind = rule.kind;
  rules_.push_back(std::move(rule));
  std::string rest;
  for (size_t i = 1; i < words.size(); ++i) rest += " " + words[i];
  if (kind == TriggerKind::kNoun) {
    std::string head;
    for (size_t i = 0; i + 1 < words.size(); ++i) head += words[i] + " ";
    const auto n = static_cast<uint32_t>(words.size());
    AddTrigger(head + words.back(), Trigger{rule_id, VerbForm::kNoun, n});
    const std::string plural = text::Pluralize(words.back());
    if (plural != words.back()) AddTrigger(head + plural, Trigger{rule_id, VerbForm::kNoun, n});
    return;
  }
  const text::VerbForms f = text::Inflect(words[0]);
  AddTrigger(words[0] + rest, Trigger{rule_id, VerbForm::kBase, 1});
  AddTrigger(f.third + rest, Trigger{rule_id, VerbForm::kThird, 1});
  AddTrigger(f.gerund + rest, Trigger{rule_id, VerbForm::kGerund, 1});
  if (f.past == f.participle) {
    AddTrigger(f.past + rest, Trigger{rule_id, VerbForm::kPastOrParticiple, 1});
  } else {
    AddTrigger(f.past + rest, Trigger{rule_id, VerbForm::kPast, 1});
    AddTrigger(f.participle + rest, Trigger{rule_id, VerbForm::kParticiple, 1});
  }
  for (const std::string& form : extra_forms) {
    const VerbForm vf = form.ends_with("ing") ? VerbForm::kGerund : VerbForm::kPastOrParticiple;
    AddTrigger(form + rest, Trigger{rule_id, vf, 1});
  }
}

void EventLexicon::AddTabariRule(EventRule rule, const std::vector<Form>& forms,
                                 const std::vector<std::string>& stems) {
  const auto rule_id = static_cast<uint32_t>(rules_.size());
  rules_.push_back(std::move(rule));
  for (const auto& [text, form] : forms) AddTrigger(text, Trigger{rule_id, form, 1});
  for (const std::string& text : stems) {
    AddTrigger(text, Trigger{rule_id, VerbForm::kBase, 1}, /*stem=*/true);
  }
}

void EventLexicon::Load(std::string_view content, std::string_view file, const CameoTable& cameo,
                        std::vector<Diagnostic>* diagnostics) {
  cameo_ = &cameo;
  core::ForEachLine(content, [&](std::string_view line, int64_t line_no) {
    const std::string error = ParseLine(line, file, line_no, cameo);
    if (!error.empty()) {
      diagnostics->push_back(
          Diagnostic{Severity::kError, std::string(file), line_no, "", -1, error, Excerpt(line)});
    }
  });
}

std::string EventLexicon::ParseLine(std::string_view line, std::string_view file, int64_t line_no,
                                    const CameoTable& cameo) {
  const std::string_view body = line.substr(0, line.find('#'));
  if (SplitSpaces(body).empty()) return "";
  const size_t arrow = body.find("=>");
  const char* const shape =
      "expected 'verb|noun TRIGGER => ACTION CAMEO [OPTION...]', 'govern ...' or 'complement ...'";
  if (arrow == std::string_view::npos) return shape;
  std::vector<std::string> lhs = SplitSpaces(body.substr(0, arrow));
  const std::vector<std::string> rhs = SplitSpaces(body.substr(arrow + 2));
  if (!lhs.empty() && lhs[0] == "govern") {
    return complements_.ParseGovern({lhs.begin() + 1, lhs.end()}, rhs);
  }
  if (!lhs.empty() && lhs[0] == "complement") {
    return complements_.ParseComplement({lhs.begin() + 1, lhs.end()}, rhs, cameo);
  }
  if (lhs.size() < 2 || (lhs[0] != "verb" && lhs[0] != "noun") || rhs.size() < 2) return shape;
  EventRule rule;
  rule.file = file;
  rule.line = line_no;
  rule.kind = lhs[0] == "verb" ? TriggerKind::kVerb : TriggerKind::kNoun;
  lhs.erase(lhs.begin());
  rule.action = rhs[0];
  rule.cameo = rhs[1];
  const CameoCode* code = cameo.Find(rule.cameo);
  if (code == nullptr) return "unknown CAMEO code '" + rule.cameo + "'";
  rule.quad_class = code->quad_class;
  rule.goldstein = code->goldstein;
  std::string joined;
  for (const std::string& w : lhs) {
    if (w != "~") joined += (joined.empty() ? "" : "-") + w;
  }
  rule.id = rule.action + "." + joined;
  const auto gap = std::find(lhs.begin(), lhs.end(), "~");
  if (gap != lhs.end()) {
    if (rule.kind != TriggerKind::kVerb || gap == lhs.begin() || gap + 1 == lhs.end() ||
        std::find(gap + 1, lhs.end(), "~") != lhs.end()) {
      return "'~' stands between a verb and the words of its object, once: 'verb impose ~ "
             "curfew'";
    }
    rule.object_words.assign(gap + 1, lhs.end());
    const std::string& noun = rule.object_words.back();
    const std::string plural = text::Pluralize(noun);
    rule.object_other_number = plural != noun ? plural : noun.substr(0, noun.size() - 1);
    for (const std::string& w : rule.object_words) rule.object_hashes.push_back(text::NormHash(w));
    lhs.erase(gap, lhs.end());
  }
  std::vector<std::string> extra_forms;
  for (size_t i = 2; i < rhs.size(); ++i) {
    const std::string& opt = rhs[i];
    if (opt == "recip") {
      rule.reciprocal = true;
    } else if (opt == "no-object-np") {
      rule.no_object_np = true;
    } else if (opt == "strict-object") {
      rule.strict_object = true;
    } else if (opt == "block") {
      rule.block = true;
    } else if (opt == "reverse") {
      rule.reverse = true;
    } else if (opt == "of-agent") {
      rule.of_agent = true;
    } else if (opt == "governed") {
      rule.governed_only = true;
    } else if (opt == "armed-only") {
      rule.armed_only = true;
    } else if (opt == "people-only") {
      rule.people_only = true;
    } else if (opt.starts_with("irregular=")) {
      if (std::string error = SetAltCode(cameo, opt.substr(10), &rule.irregular); !error.empty()) {
        return error;
      }
    } else if (opt.starts_with("people=")) {
      const std::string value = opt.substr(7);
      const size_t slash = value.find('/');
      if (std::string error = SetAltCode(cameo, value.substr(0, slash), &rule.people);
          !error.empty()) {
        return error;
      }
      if (slash != std::string::npos) {
        if (std::string error = SetAltCode(cameo, value.substr(slash + 1), &rule.irregular_people);
            !error.empty()) {
          return error;
        }
      }
    } else if (opt.starts_with("foreign=")) {
      if (std::string error = SetAltCode(cameo, opt.substr(8), &rule.foreign); !error.empty()) {
        return error;
      }
    } else if (opt.starts_with("mass=")) {
      if (std::string error = SetAltCode(cameo, opt.substr(5), &rule.mass); !error.empty()) {
        return error;
      }
    } else if (opt.starts_with("civilian=")) {
      if (std::string error = SetAltCode(cameo, opt.substr(9), &rule.civilian); !error.empty()) {
        return error;
      }
    } else if (opt.starts_with("armed=")) {
      if (std::string error = SetAltCode(cameo, opt.substr(6), &rule.armed); !error.empty()) {
        return error;
      }
    } else if (opt.starts_with("implicit-source=")) {
      rule.implicit_source = opt.substr(16);
    } else if (opt.starts_with("implicit-target=")) {
      rule.implicit_target = opt.substr(16);
    } else if (opt.starts_with("id=")) {
      rule.id = opt.substr(3);
    } else if (opt.starts_with("forms=")) {
      extra_forms = SplitOn(opt.substr(6), ',');
    } else if (opt.starts_with("target=")) {
      for (const std::string& slot : SplitOn(opt.substr(7), '|')) {
        rule.targets.push_back(slot == "object" ? TargetSlot{true, ""} : TargetSlot{false, slot});
      }
    } else {
      return "unknown option '" + opt + "'";
    }
  }
  AddRule(std::move(rule), lhs, extra_forms);
  return "";
}

void EventLexicon::Lint(const CameoTable& cameo, bool coverage,
                        std::vector<Diagnostic>* diagnostics) const {
  if (coverage) {
    std::set<std::string> reached;
    for (const EventRule& r : rules_) {
      if (r.block) continue;
      reached.insert(r.cameo);
      for (const AltCode* alt :
           {&r.armed, &r.irregular, &r.civilian, &r.people, &r.irregular_people, &r.mass}) {
        if (!alt->empty()) reached.insert(alt->cameo);
      }
      if (!r.reverse_cameo.empty()) reached.insert(r.reverse_cameo);
    }
    for (const auto& [prefix, codes] : complements_.rows()) {
      for (const std::string& c : codes.by_kind) reached.insert(c);
    }
    std::vector<std::string> all = cameo.Codes();
    std::sort(all.begin(), all.end());
    std::string file = "<lexicon>";
    for (const EventRule& r : rules_) {
      if (!r.file.empty()) {
        file = r.file.substr(0, r.file.rfind('/') + 1);
        break;
      }
    }
    for (const std::string& code : all) {
      // A root ("19") is reached through its own general code ("190").
      if (code.size() == 2 && reached.contains(code + "0")) continue;
      if (!reached.contains(code)) {
        diagnostics->push_back(Diagnostic{Severity::kWarning, file, -1, "", -1,
                                          "no rule reaches CAMEO code " + code, ""});
      }
    }
  }
  // The same words and kind given two codes: the rule loaded later wins at that place (one
  // warning for each pair of rules, not for each of their forms).
  std::set<std::pair<const EventRule*, const EventRule*>> seen;
  matcher_.ForEach([&](const std::vector<std::string>& words, const std::vector<uint32_t>& ids) {
    std::map<std::pair<TriggerKind, bool>, const EventRule*> first;
    for (uint32_t id : ids) {
      const EventRule& r = rules_[triggers_[id].rule];
      if (r.tabari || !r.object_words.empty()) continue;
      const auto key = std::make_pair(r.kind, r.block);
      const auto [it, inserted] = first.emplace(key, &r);
      if (inserted || it->second == &r || it->second->cameo == r.cameo) continue;
      if (r.line < 0 || it->second->line < 0 || !seen.emplace(it->second, &r).second) continue;
      std::string text;
      for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
      diagnostics->push_back(Diagnostic{Severity::kWarning, r.file, r.line, "", -1,
                                        "'" + text + "' is also rule " + it->second->id + " (" +
                                            it->second->cameo + ", " + it->second->file + " line " +
                                            std::to_string(it->second->line) + "): this one, " +
                                            r.cameo + ", wins",
                                        ""});
      it->second = &r;
    }
  });
}

}  // namespace dyad::coding
