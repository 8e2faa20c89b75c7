#include "coding/dictionary_rule.h"

#include <algorithm>
#include <cctype>

#include "text/tokenizer.h"

namespace dyad::coding {

std::string_view TrimBlanks(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Uppercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> PhraseTokens(std::string_view phrase) {
  std::string text = Lowercase(phrase);
  std::replace(text.begin(), text.end(), '_', ' ');
  std::vector<std::string> out;
  for (text::Token& t : text::Tokenize(text)) out.push_back(std::move(t.norm));
  return out;
}

bool SpellsNegation(const VerbPattern& pattern) {
  for (const auto* side : {&pattern.before, &pattern.after}) {
    for (const PatternElement& e : *side) {
      for (const std::vector<std::string>& alt : e.alternatives) {
        for (const std::string& w : alt) {
          if (w == "not" || w == "n't" || w == "never") return true;
        }
      }
    }
  }
  return false;
}

EventRule DictionaryRule(std::string_view code, std::string_view reverse, std::string_view file,
                         int64_t line, const CameoTable& cameo) {
  EventRule rule;
  rule.tabari = true;
  rule.kind = TriggerKind::kVerb;
  rule.cameo = std::string(code);
  rule.reverse_cameo = std::string(reverse);
  rule.block = code == "---" || code == "###";  // ### discards the sentence in TABARI
  rule.action = "tabari";
  rule.id = std::string(file) + ":" + std::to_string(line);
  if (const CameoCode* c = cameo.Find(rule.cameo)) {  // codes outside CAMEO (WEIS) have neither
    rule.quad_class = c->quad_class;
    rule.goldstein = c->goldstein;
    rule.action = c->name;
  }
  if (const CameoCode* c = cameo.Find(rule.reverse_cameo)) {
    rule.reverse_quad_class = c->quad_class;
    rule.reverse_goldstein = c->goldstein;
  }
  for (const char* slot : {"object", "with", "between", "to", "into", "against", "on", "for",
                           "from", "in", "of", "about", "at", "by"}) {
    rule.targets.push_back(std::string_view(slot) == "object" ? TargetSlot{true, ""}
                                                              : TargetSlot{false, slot});
  }
  return rule;
}

}  // namespace dyad::coding
