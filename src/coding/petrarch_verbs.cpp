#include "coding/petrarch_verbs.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "coding/dictionary_rule.h"
#include "core/lines.h"
#include "text/inflection.h"

namespace dyad::coding {
namespace {

// Where a '#' comment starts; "[###]" (TABARI's discard code) is no comment.
size_t CommentStart(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || (line[i - 1] != '[' && line[i - 1] != '#'))) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

struct Verb {
  std::vector<EventLexicon::Form> forms;  // every form, the verb as written first
  std::string code;                       // the verb's own code ("" for the block's)
};

struct Pattern {
  VerbPattern pattern;
  std::string code;
  std::string reverse;
  int64_t line = 0;
};

class PetrarchReader {
 public:
  PetrarchReader(std::string_view file, const CameoTable& cameo, EventLexicon* lexicon,
                 std::vector<Diagnostic>* diagnostics)
      : file_(file), cameo_(cameo), lexicon_(*lexicon), diagnostics_(*diagnostics) {}

  void Line(std::string_view raw, int64_t number) {
    line_ = number;
    raw_ = raw;
    std::string_view text = TrimBlanks(raw.substr(0, CommentStart(raw)));
    if (text.empty() || text.starts_with("<!")) return;
    if (text.starts_with("---")) return Block(text);
    if (text.front() == '&') return Synset(text);
    if (text.front() == '+' && !synset_.empty()) return Member(text.substr(1));
    synset_.clear();
    if (text.front() == '~') return;  // transformations are not read: see docs/events.md
    if (text.front() == '-') return PatternLine(text.substr(1));
    if (!in_block_) return Warn("a verb needs a '--- ... [CODE] ---' block before it");
    VerbLine(text);
  }

  void Finish() { Flush(); }

 private:
  void Warn(const std::string& message) {
    diagnostics_.push_back(
        Diagnostic{Severity::kWarning, std::string(file_), line_, "", -1, message, Excerpt(raw_)});
  }

  // "[064]" -> "064"; "[032:033]" -> "032" and reverse "033"; "[---]" -> "---".
  static bool Code(std::string_view text, std::string* code, std::string* reverse) {
    const size_t open = text.find('[');
    const size_t close = text.find(']', open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) return false;
    const std::string_view inside = TrimBlanks(text.substr(open + 1, close - open - 1));
    const size_t colon = inside.find(':');
    *code = std::string(TrimBlanks(inside.substr(0, colon)));
    *reverse =
        colon == std::string_view::npos ? "" : std::string(TrimBlanks(inside.substr(colon + 1)));
    return !code->empty();
  }

  void Block(std::string_view text) {
    Flush();
    synset_.clear();
    in_block_ = true;
    std::string reverse;
    if (!Code(text, &block_code_, &reverse)) block_code_ = "---";
    block_reverse_ = reverse;
  }

  void Synset(std::string_view text) {
    const std::vector<std::string> w = Words(text);
    synset_ = w[0];
    plural_ = !synset_.ends_with("_");
    if (!plural_) synset_.pop_back();
    synsets_[synset_];  // defined, possibly empty
  }

  void Member(std::string_view text) {
    std::string phrase(TrimBlanks(text));
    if (phrase.empty()) return Warn("empty synset member");
    std::vector<std::vector<std::string>>& members = synsets_[synset_];
    if (phrase.front() == '&') {  // a synset inside a synset
      const auto it = synsets_.find(phrase);
      if (it == synsets_.end()) return Warn("synset " + phrase + " is used before it is defined");
      members.insert(members.end(), it->second.begin(), it->second.end());
      return;
    }
    const bool plural = plural_ && !phrase.ends_with("_");
    std::vector<std::string> tokens = PhraseTokens(phrase);
    if (tokens.empty()) return;
    members.push_back(tokens);
    if (plural) {
      tokens.back() = text::Pluralize(tokens.back());
      if (tokens != members.back()) members.push_back(tokens);
    }
  }

  // "BREAK { BROKE BROKEN }", "+CORDON_OFF {+CORDONED_OFF ...}", "APPEAL [095]".
  void VerbLine(std::string_view text) {
    Verb verb;
    std::string reverse;
    const size_t bracket = text.find('[');
    if (bracket != std::string_view::npos) Code(text.substr(bracket), &verb.code, &reverse);
    std::string_view head = TrimBlanks(text.substr(0, bracket));
    std::vector<std::string> irregular;
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      const size_t end = head.find('}', brace);
      irregular = Words(head.substr(
          brace + 1, end == std::string_view::npos ? std::string_view::npos : end - brace - 1));
      head = TrimBlanks(head.substr(0, brace));
    }
    if (head.empty()) return Warn("a verb line needs a verb");
    verb.forms = Forms(head, irregular);
    verbs_.push_back(std::move(verb));
  }

  // The forms of "CORDON_OFF" / "+CORDON_OFF" / "WIRE_+TAP": the '+' word (else the first) is
  // inflected, the other words kept; the verb as written comes first, as the base form.
  static std::vector<EventLexicon::Form> Forms(std::string_view head,
                                               const std::vector<std::string>& irregular) {
    std::vector<std::string> words;
    size_t verb_at = 0;
    for (std::string_view part : core::Split(head, '_')) {
      if (part.empty()) continue;
      if (part.front() == '+') {
        verb_at = words.size();
        part.remove_prefix(1);
      }
      words.push_back(Lowercase(part));
    }
    if (words.empty()) return {};
    const auto with = [&](const std::string& form) {
      std::string out;
      for (size_t i = 0; i < words.size(); ++i) {
        out += (i ? " " : "") + (i == verb_at ? form : words[i]);
      }
      return out;
    };
    std::vector<EventLexicon::Form> forms = {{with(words[verb_at]), VerbForm::kBase}};
    const auto add = [&](std::string text, VerbForm form) {
      const bool known = std::any_of(forms.begin(), forms.end(),
                                     [&](const EventLexicon::Form& f) { return f.first == text; });
      if (!known) forms.emplace_back(std::move(text), form);
    };
    if (irregular.empty()) {
      const text::VerbForms f = text::Inflect(words[verb_at]);
      add(with(f.third), VerbForm::kThird);
      add(with(f.past), f.past == f.participle ? VerbForm::kPastOrParticiple : VerbForm::kPast);
      add(with(f.participle), VerbForm::kParticiple);
      add(with(f.gerund), VerbForm::kGerund);
    } else {
      for (const std::string& form : irregular) {
        std::string text = Lowercase(form);
        text.erase(std::remove(text.begin(), text.end(), '+'), text.end());
        std::replace(text.begin(), text.end(), '_', ' ');
        add(text, text.ends_with("ing") ? VerbForm::kGerund : VerbForm::kPastOrParticiple);
      }
    }
    return forms;
  }

  // "- $ NOT * ^ TO_ +  [124]"
  void PatternLine(std::string_view text) {
    Pattern p;
    p.line = line_;
    const size_t bracket = text.find('[');
    if (bracket == std::string_view::npos || !Code(text.substr(bracket), &p.code, &p.reverse)) {
      return Warn("a pattern needs a code in [...]");
    }
    struct Item {
      std::string text;
      bool joined_next = false;
    };
    std::vector<Item> items;
    for (const std::string& chunk : Words(text.substr(0, bracket))) {
      const std::vector<std::string_view> parts = core::Split(chunk, '_');
      for (size_t i = 0; i < parts.size(); ++i) {
        std::string part(parts[i]);
        part.erase(
            std::remove_if(part.begin(), part.end(),
                           [](char c) { return c == '{' || c == '}' || c == '(' || c == ')'; }),
            part.end());
        if (part.empty()) {
          if (!items.empty()) items.back().joined_next = true;  // "WAS_ *": WAS next to the verb
          continue;
        }
        items.push_back(Item{part, i + 1 < parts.size()});
      }
    }
    const auto verb =
        std::find_if(items.begin(), items.end(), [](const Item& i) { return i.text == "*"; });
    if (verb == items.end()) return Warn("a pattern needs '*' where the verb is");
    const auto element = [&](const Item& item, bool adjacent, PatternElement* e) {
      e->adjacent = adjacent;
      if (item.text == "$") {
        e->kind = PatternElement::Kind::kSource;
      } else if (item.text == "+") {
        e->kind = PatternElement::Kind::kTarget;
      } else if (item.text == "%") {
        e->kind = PatternElement::Kind::kCompound;
      } else if (item.text == "^") {
        e->kind = PatternElement::Kind::kSkip;
      } else if (item.text.front() == '&') {
        const auto it = synsets_.find(item.text);
        if (it == synsets_.end()) return false;
        e->alternatives = it->second;
      } else {
        e->alternatives.push_back(PhraseTokens(item.text));
      }
      return true;
    };
    const size_t v = static_cast<size_t>(verb - items.begin());
    for (size_t i = v + 1; i < items.size(); ++i) {
      PatternElement e;
      if (!element(items[i], items[i - 1].joined_next, &e)) {
        return Warn("synset " + items[i].text + " is not defined (before this line)");
      }
      p.pattern.after.push_back(std::move(e));
    }
    for (size_t i = v; i-- > 0;) {
      PatternElement e;
      if (!element(items[i], items[i].joined_next, &e)) {
        return Warn("synset " + items[i].text + " is not defined (before this line)");
      }
      p.pattern.before.push_back(std::move(e));
    }
    patterns_.push_back(std::move(p));
  }

  // Turns a finished block into rules: each verb's own code, and each pattern for all verbs.
  void Flush() {
    if (!in_block_ || verbs_.empty()) {
      verbs_.clear();
      patterns_.clear();
      return;
    }
    std::vector<EventLexicon::Form> all_forms;
    for (const Verb& v : verbs_) {
      all_forms.insert(all_forms.end(), v.forms.begin(), v.forms.end());
      EventRule rule = DictionaryRule(v.code.empty() ? block_code_ : v.code, block_reverse_, file_,
                                      line_, cameo_);
      lexicon_.AddTabariRule(std::move(rule), v.forms);
    }
    for (Pattern& p : patterns_) {
      if (p.code == "+++") p.code = block_code_;  // TABARI: the block's own code
      EventRule rule = DictionaryRule(p.code, p.reverse, file_, p.line, cameo_);
      rule.pattern = std::move(p.pattern);
      rule.pattern_negates = SpellsNegation(rule.pattern);
      lexicon_.AddTabariRule(std::move(rule), all_forms);
    }
    verbs_.clear();
    patterns_.clear();
  }

  std::string_view file_;
  const CameoTable& cameo_;
  EventLexicon& lexicon_;
  std::vector<Diagnostic>& diagnostics_;
  int64_t line_ = 0;
  std::string_view raw_;
  std::map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::string synset_;  // the synset whose members follow
  bool plural_ = true;
  bool in_block_ = false;
  std::string block_code_;
  std::string block_reverse_;
  std::vector<Verb> verbs_;
  std::vector<Pattern> patterns_;
};

}  // namespace

void LoadPetrarchVerbs(std::string_view content, std::string_view file, const CameoTable& cameo,
                       EventLexicon* lexicon, std::vector<Diagnostic>* diagnostics) {
  PetrarchReader reader(file, cameo, lexicon, diagnostics);
  core::ForEachLine(content, [&](std::string_view line, int64_t n) { reader.Line(line, n); });
  reader.Finish();
}

}  // namespace dyad::coding
