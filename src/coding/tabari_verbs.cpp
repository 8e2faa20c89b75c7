#include "coding/tabari_verbs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "coding/dictionary_rule.h"
#include "core/lines.h"
#include "text/inflection.h"

namespace dyad::coding {
namespace {

constexpr size_t kMaxAlternatives = 4096;  // what one pattern element may expand into
constexpr size_t kMaxPatternChars = 255;   // TABARI's limit on a pattern
constexpr size_t kMinPhraseChars = 3;      // TABARI reads no shorter verb
constexpr size_t kMaxHyphenated = 4;       // tokens of a run also tried with hyphens between

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The line without its comment: a line that starts with '/' or '#' is one, and a ';' outside
// [...] starts one (so does a '#' after a blank: "[###]" is the discard code).
std::string_view StripComment(std::string_view line) {
  const std::string_view text = TrimBlanks(line);
  if (text.empty() || text.front() == '/' || text.front() == '#') return {};
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && (c == ';' || (c == '#' && IsBlank(text[i - 1])))) {
      return TrimBlanks(text.substr(0, i));
    }
  }
  return text;
}

// A code as a verb dictionary gives it.
struct Code {
  std::string code;     // "081", "---", "###", "+++"; "" when the line gives none
  std::string reverse;  // the target's event of a paired code ("[032:033]")
  EventRule::Priority priority = EventRule::Priority::kNormal;
};

bool IsNullCode(std::string_view c) { return c == "---" || c == "***"; }
bool IsDiscardCode(std::string_view c) { return c == "###" || c == "+++"; }
bool IsReadableCode(std::string_view c) {
  return IsNullCode(c) || IsDiscardCode(c) ||
         (!c.empty() && std::all_of(c.begin(), c.end(), IsAlnum));
}

// Splits "PHRASE [CODE]" into the phrase and the code (a line without [...] has no code);
// what follows the ']' is ignored. Returns what is wrong, or "".
std::string SplitCode(std::string_view line, std::string_view* phrase, Code* code) {
  const size_t open = line.find('[');
  const size_t close = line.find(']');
  *phrase = line.substr(0, std::min(open, close));
  if (open == std::string_view::npos && close == std::string_view::npos) return "";
  if (open == std::string_view::npos || close < open) return "missing '[' before the code";
  if (close == std::string_view::npos) return "missing ']' after the code";
  std::string inside;
  for (char c : line.substr(open + 1, close - open - 1)) {
    if (!IsBlank(c)) inside.push_back(c);  // "[- - -]" is how the manual prints "[---]"
  }
  if (inside.empty()) return "no code in [...]";
  if (inside.back() == '?' || inside.back() == '!') {
    code->priority =
        inside.back() == '?' ? EventRule::Priority::kSubordinate : EventRule::Priority::kDominant;
    inside.pop_back();
  }
  const size_t colon = inside.find(':');
  code->code = Uppercase(inside.substr(0, colon));
  code->reverse = colon == std::string::npos ? "" : Uppercase(inside.substr(colon + 1));
  const bool paired_ok = colon == std::string::npos || IsReadableCode(code->reverse);
  if (!IsReadableCode(code->code) || !paired_ok) {
    return "unreadable code '" + std::string(line.substr(open, close - open + 1)) +
           "': a code is letters and digits, or ---, ###, +++, with an optional :CODE for the "
           "target's event and ? (subordinate) or ! (dominant)";
  }
  return "";
}

// A run of consecutive tokens a pattern element matches; stems[k]: token k matches any word
// that begins with it.
struct TokenRun {
  std::vector<std::string> tokens;
  std::vector<bool> stems;
};
using Alternatives = std::vector<TokenRun>;

// Every run made of one alternative of `a` followed by one of `b`; false when there would be
// more than kMaxAlternatives.
bool Concatenate(const Alternatives& a, const Alternatives& b, Alternatives* out) {
  if (a.size() * b.size() > kMaxAlternatives) return false;
  Alternatives joined;
  for (const TokenRun& x : a) {
    for (const TokenRun& y : b) {
      TokenRun run = x;
      run.tokens.insert(run.tokens.end(), y.tokens.begin(), y.tokens.end());
      run.stems.insert(run.stems.end(), y.stems.begin(), y.stems.end());
      joined.push_back(std::move(run));
    }
  }
  *out = std::move(joined);
  return true;
}

// Adds the spellings of a run with hyphens between its words ("cease-fire" for CEASE_FIRE):
// TABARI reads a hyphen in the text as a blank, dyad's tokenizer keeps it as a token.
void AddHyphenated(Alternatives* alternatives) {
  const size_t n = alternatives->size();
  for (size_t a = 0; a < n; ++a) {
    const TokenRun run = (*alternatives)[a];
    if (run.tokens.size() < 2 || run.tokens.size() > kMaxHyphenated) continue;
    const size_t gaps = run.tokens.size() - 1;
    for (unsigned mask = 1; mask < (1u << gaps); ++mask) {
      if (alternatives->size() >= kMaxAlternatives) return;
      TokenRun variant;
      for (size_t k = 0; k < run.tokens.size(); ++k) {
        variant.tokens.push_back(run.tokens[k]);
        variant.stems.push_back(run.stems[k]);
        if (k < gaps && (mask >> k & 1u)) {
          variant.tokens.emplace_back("-");
          variant.stems.push_back(false);
        }
      }
      alternatives->push_back(std::move(variant));
    }
  }
}

// The words the coder reads as a negation before a verb ("refused to accept"): a pattern with
// one of them spells out the negated event.
bool NamesNegation(const VerbPattern& pattern) {
  static constexpr std::string_view kCues[] = {
      "not",    "n't",      "never",    "neither", "nor",    "no",    "refused", "refuses",
      "refuse", "declined", "declines", "decline", "failed", "fails", "fail"};
  for (const auto* side : {&pattern.before, &pattern.after}) {
    for (const PatternElement& e : *side) {
      for (size_t a = 0; a < e.alternatives.size(); ++a) {
        for (size_t k = 0; k < e.alternatives[a].size(); ++k) {
          const std::string& w = e.alternatives[a][k];
          const bool stem = a < e.stems.size() && e.stems[a][k];
          for (std::string_view cue : kCues) {
            if (cue == w || (stem && cue.starts_with(w))) return true;
          }
        }
      }
    }
  }
  return false;
}

// One item of a pattern: a word, a synset, a {...|...} group, '*' or an actor token.
struct Item {
  enum class Kind : uint8_t { kWords, kVerb, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWords;
  Alternatives alternatives;  // kWords
  bool joined_next = false;   // '_' or '~' right before the next item: no gap between them
};

// The synsets defined so far, by label ("&CURRENCY").
using Synsets = std::map<std::string, Alternatives>;

// Reads a pattern, a synset member or one of a group's alternatives into items, synsets
// replaced by their members.
class PatternLexer {
 public:
  PatternLexer(std::string_view text, const Synsets& synsets, std::string_view defining)
      : text_(text), synsets_(synsets), defining_(defining) {}

  // Reads the items of the text; returns what is wrong, or "".
  std::string Read(std::vector<Item>* items) {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (IsBlank(c) || c == '_' || c == '~') {  // a connector with nothing before it
        ++pos_;
        continue;
      }
      Item item;
      bool stemmable = false;  // a word without '=': a stem unless '_' follows
      std::string error;
      if (const auto kind = TokenKind(c)) {
        item.kind = *kind;
        ++pos_;
      } else if (c == '{') {
        error = Group(&item.alternatives);
      } else if (c == '|' || c == '}') {
        error = std::string("'") + c + "' outside {...}";
      } else if (c == '&') {
        error = Synset(&item.alternatives);
      } else {
        error = Word(&item.alternatives, &stemmable);
      }
      if (!error.empty()) return error;
      error = Connector(&item, stemmable);
      if (!error.empty()) return error;
      items->push_back(std::move(item));
    }
    return "";
  }

  // A run of words and synsets, read as consecutive ("OFFICE_OF_&TIETYPES_AFFAIRS", or an
  // alternative of a group).
  static std::string ReadRun(std::string_view text, const Synsets& synsets,
                             std::string_view defining, Alternatives* out) {
    std::vector<Item> items;
    std::string error = PatternLexer(text, synsets, defining).Read(&items);
    if (!error.empty()) return error;
    if (items.empty()) return "an empty phrase";
    Alternatives runs{TokenRun{}};
    for (const Item& item : items) {
      if (item.kind != Item::Kind::kWords) {
        return "only words and synsets here: no '*', '$', '+', '%', '^' or '@'";
      }
      if (!Concatenate(runs, item.alternatives, &runs)) return "too many alternatives";
    }
    *out = std::move(runs);
    return "";
  }

 private:
  static std::optional<Item::Kind> TokenKind(char c) {
    switch (c) {
      case '*':
        return Item::Kind::kVerb;
      case '$':
        return Item::Kind::kSource;
      case '+':
        return Item::Kind::kTarget;
      case '%':
        return Item::Kind::kCompound;
      case '^':
      case '@':  // the attribution actor: dyad has no attribution, so it is skipped like '^'
        return Item::Kind::kSkip;
      default:
        return std::nullopt;
    }
  }
  static bool EndsWord(char c) {
    return IsBlank(c) || std::string_view("_~*$+%^@{}|&").find(c) != std::string_view::npos;
  }

  // What follows an item: '_' (an exact word; joined when the next item follows at once), '~'
  // (a stem, joined), a blank or the end (a stem, not joined).
  std::string Connector(Item* item, bool stemmable) {
    const bool verb = item->kind == Item::Kind::kVerb;
    bool stem = true;
    if (pos_ < text_.size() && text_[pos_] == '_') {
      stem = false;
      ++pos_;
      item->joined_next = pos_ < text_.size() && !IsBlank(text_[pos_]);
    } else if (pos_ < text_.size() && text_[pos_] == '~') {
      ++pos_;
      item->joined_next = true;
    } else if (pos_ < text_.size() && !IsBlank(text_[pos_]) && (verb || text_[pos_] == '*')) {
      return "'*' stands alone: only a blank or '_' may come right before or after it";
    }
    if (stemmable && stem) {
      for (TokenRun& run : item->alternatives) run.stems.back() = true;
    }
    return "";
  }

  // A word: its tokens, none a stem yet ("WORD=" never is one).
  std::string Word(Alternatives* out, bool* stemmable) {
    const size_t start = pos_;
    while (pos_ < text_.size() && !EndsWord(text_[pos_])) ++pos_;
    std::string_view word = text_.substr(start, pos_ - start);
    *stemmable = !word.ends_with('=');
    if (!*stemmable) word.remove_suffix(1);
    TokenRun run;
    run.tokens = PhraseTokens(word);
    if (run.tokens.empty()) return "unreadable word '" + std::string(word) + "'";
    run.stems.assign(run.tokens.size(), false);
    out->push_back(std::move(run));
    return "";
  }

  std::string Synset(Alternatives* out) {
    const size_t start = pos_++;
    while (pos_ < text_.size() && IsAlnum(text_[pos_])) ++pos_;
    const std::string label = Uppercase(text_.substr(start, pos_ - start));
    if (label.size() == 1) return "a synset needs a name after '&'";
    if (label == defining_) return "synset " + label + " cannot contain itself";
    const auto it = synsets_.find(label);
    if (it == synsets_.end()) return "synset " + label + " is not defined before this line";
    if (it->second.empty()) return "synset " + label + " has no members";
    *out = it->second;
    return "";
  }

  // "{ WAS | IS | WILL_BE }": each alternative a run of consecutive words and synsets.
  std::string Group(Alternatives* out) {
    const size_t close = text_.find('}', pos_);
    const size_t nested = text_.find('{', pos_ + 1);
    if (close == std::string_view::npos) return "'{' without '}'";
    if (nested < close) return "{...} alternatives do not nest";
    const std::string_view inside = text_.substr(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    for (std::string_view alternative : core::Split(inside, '|')) {
      Alternatives runs;
      std::string error = ReadRun(alternative, synsets_, defining_, &runs);
      if (!error.empty()) return error;
      if (out->size() + runs.size() > kMaxAlternatives) return "too many alternatives";
      out->insert(out->end(), runs.begin(), runs.end());
    }
    return "";
  }

 private:
  std::string_view text_;
  const Synsets& synsets_;
  std::string_view defining_;  // the synset whose member this is, if any
  size_t pos_ = 0;
};

// The forms of a root verb or an irregular form: "BREAK_" (exact, with the regular endings
// S, ED, ES, EN, ING and English spelling: "criticized", "stopped"), "BREAK=" (exact, no
// endings), "BREAK" (also a stem: any word that begins with it).
struct VerbForms {
  std::vector<EventLexicon::Form> forms;
  std::vector<std::string> stems;

  void Add(std::string text, VerbForm form) {
    const bool known = std::any_of(forms.begin(), forms.end(),
                                   [&](const EventLexicon::Form& f) { return f.first == text; });
    if (!known) forms.emplace_back(std::move(text), form);
  }

  // Adds a phrase whose last word is the verb; `irregular`: one of its {...} forms.
  void AddPhrase(std::string_view phrase, bool irregular) {
    std::string text(phrase);
    std::replace(text.begin(), text.end(), '-', '_');
    const bool no_endings = text.ends_with('=');
    const bool exact = no_endings || text.ends_with('_');
    std::vector<std::string> words;
    for (std::string_view part : core::Split(text, '_')) {
      for (std::string_view w : core::Split(part, ' ')) {
        std::string word = Lowercase(TrimBlanks(w));
        if (!word.empty() && word != "=") {
          if (word.ends_with('=')) word.pop_back();
          words.push_back(std::move(word));
        }
      }
    }
    if (words.empty()) return;
    std::string head;
    for (size_t i = 0; i + 1 < words.size(); ++i) head += words[i] + " ";
    const std::string& last = words.back();
    const VerbForm form = !irregular              ? VerbForm::kBase
                          : last.ends_with("ing") ? VerbForm::kGerund
                                                  : VerbForm::kPastOrParticiple;
    Add(head + last, form);
    if (!exact) stems.push_back(head + last);
    if (no_endings || irregular) return;
    const text::VerbForms f = text::Inflect(last);
    // English spelling, where it keeps the verb but for its last letter ("stopped", "tries";
    // not "broke"), then TABARI's regular endings.
    const auto regular = [&](const std::string& inflected) {
      return inflected.compare(0, last.size() - 1, last, 0, last.size() - 1) == 0;
    };
    if (regular(f.third)) Add(head + f.third, VerbForm::kThird);
    if (regular(f.past)) {
      Add(head + f.past, f.past == f.participle ? VerbForm::kPastOrParticiple : VerbForm::kPast);
    }
    if (regular(f.participle)) Add(head + f.participle, VerbForm::kParticiple);
    if (regular(f.gerund)) Add(head + f.gerund, VerbForm::kGerund);
    Add(head + last + "s", VerbForm::kThird);
    Add(head + last + "es", VerbForm::kThird);
    Add(head + last + "ed", VerbForm::kPastOrParticiple);
    Add(head + last + "en", VerbForm::kParticiple);
    Add(head + last + "ing", VerbForm::kGerund);
  }
};

struct Pattern {
  VerbPattern pattern;
  Code code;
  int64_t line = 0;
};

// A root verb and what goes with it: its forms, its code, its patterns.
struct Root {
  VerbForms forms;
  Code code;
  int64_t line = 0;
  std::vector<Pattern> patterns;
  bool forms_allowed = true;  // no pattern yet: {irregular forms} may still come
};

class TabariVerbReader {
 public:
  TabariVerbReader(std::string_view file, const CameoTable& cameo, EventLexicon* lexicon,
                   std::vector<Diagnostic>* diagnostics)
      : file_(file), cameo_(cameo), lexicon_(*lexicon), diagnostics_(*diagnostics) {}

  void Line(std::string_view raw, int64_t number) {
    line_ = number;
    raw_ = raw;
    if (finished_) return;
    const std::string_view text = StripComment(raw);
    if (text.empty()) return;
    if (text.front() == '<') return Tag(text);
    if (text.front() == '~') return Tilde(text);
    if (Skipping()) return;
    if (text.front() == '&') return SynsetLabel(text);
    if (text.front() == '+') return SynsetMember(text.substr(1));
    synset_.clear();
    if (section_ == Section::kSynsets) {
      Warn("<SYNSETS> (line " + std::to_string(section_line_) +
           ") is not closed before this line: read as if </SYNSETS> came before it");
      section_ = Section::kNone;
    }
    if (text.front() == '{') return FormsLine(text);
    // "_ * BONE" is a pattern in the manual's own example (5.5.1).
    if (text.front() == '-' || text.starts_with("_ ")) return PatternLine(text.substr(1));
    RootLine(text);
  }

  void Finish() {
    Flush();
    if (section_ == Section::kNone) return;
    const std::string name = SectionName(section_);
    Report(Severity::kWarning, section_line_,
           "<" + name + "> has no </" + name + ">" +
               (Skipping() ? ": the rest of the file was skipped" : ""),
           "<" + name + ">");
  }

 private:
  enum class Section : uint8_t { kNone, kSynsets, kNouns, kAdjectives, kAttribution, kTime };

  static Section SectionNamed(std::string_view name) {
    if (name == "SYNSET" || name == "SYNSETS") return Section::kSynsets;
    if (name == "NOUN" || name == "NOUNS") return Section::kNouns;
    if (name == "ADJ" || name == "ADJECTIVE" || name == "ADJECTIVES") return Section::kAdjectives;
    if (name == "ATTRIB" || name == "ATTRIBUTION") return Section::kAttribution;
    if (name == "TIME") return Section::kTime;
    return Section::kNone;
  }
  static std::string SectionName(Section s) {
    switch (s) {
      case Section::kSynsets:
        return "SYNSETS";
      case Section::kNouns:
        return "NOUN";
      case Section::kAdjectives:
        return "ADJECTIVE";
      case Section::kAttribution:
        return "ATTRIB";
      case Section::kTime:
        return "TIME";
      case Section::kNone:
        break;
    }
    return "";
  }
  static std::string WhySkipped(Section s) {
    switch (s) {
      case Section::kNouns:
      case Section::kAdjectives:
        return "nouns and adjectives have no codes; TABARI parses compound phrases with them, "
               "dyad's tokenizer and actor resolver do without";
      case Section::kAttribution:
        return "dyad's events have no attribution (who made a statement)";
      case Section::kTime:
        return "dyad dates events by the time expressions of the text";
      default:
        return "";
    }
  }
  bool Skipping() const { return section_ != Section::kNone && section_ != Section::kSynsets; }

  void Report(Severity severity, int64_t line, const std::string& message,
              std::string_view excerpt) {
    diagnostics_.push_back(
        Diagnostic{severity, std::string(file_), line, "", -1, message, Excerpt(excerpt)});
  }
  void Warn(const std::string& message) { Report(Severity::kWarning, line_, message, raw_); }

  // "<NOUN>", "</NOUN>", "<SYNSETS>", ...
  void Tag(std::string_view text) {
    if (text.starts_with("<!")) return;  // an XML-style comment
    const core::SectionTag tag = core::ReadSectionTag(text);
    if (tag.name.empty()) {
      return Warn("unreadable section tag: <NAME> or </NAME> goes alone on its line");
    }
    const Section s = SectionNamed(tag.name);
    if (s == Section::kNone) {
      return Warn("unknown section <" + tag.name +
                  ">: TABARI's are <SYNSETS>, <NOUN>, <ADJECTIVE>, <ATTRIB> and <TIME>");
    }
    if (tag.closing) return CloseSection(s, tag.name);
    if (s == section_) return Warn("<" + tag.name + "> is open already");
    OpenSection(s);
  }

  void OpenSection(Section s) {
    Flush();
    synset_.clear();
    if (section_ != Section::kNone) {
      const std::string open = SectionName(section_);
      Warn("<" + open + "> (line " + std::to_string(section_line_) + ") has no </" + open +
           "> before this section: it ends here");
    }
    section_ = s;
    section_line_ = line_;
  }

  void CloseSection(Section s, const std::string& name) {
    if (section_ != s) return Warn("</" + name + "> closes no open <" + name + ">");
    Flush();
    synset_.clear();
    if (Skipping()) {
      Report(Severity::kInfo, section_line_,
             "TABARI <" + SectionName(s) + "> section (lines " + std::to_string(section_line_) +
                 "-" + std::to_string(line_) + ") skipped: " + WhySkipped(s),
             "<" + SectionName(s) + ">");
    }
    section_ = Section::kNone;
  }

  void Tilde(std::string_view text) {
    if (Uppercase(text) == "~FINISH") {  // the end of the dictionary; what follows is not read
      Flush();
      finished_ = true;
      return;
    }
    if (Skipping()) return;
    Warn("unknown '~' line: TABARI's only one is ~FINISH, which ends the dictionary");
  }

  // "&CURRENCY": the members follow, one '+' line each.
  void SynsetLabel(std::string_view text) {
    Flush();
    synset_.clear();
    std::string label = Uppercase(text.substr(0, text.find_first_of(" \t")));
    while (label.ends_with('_')) label.pop_back();
    if (label.size() == 1) return Warn("a synset needs a name after '&'");
    if (!std::all_of(label.begin() + 1, label.end(), IsAlnum)) {
      return Warn("a synset name is letters and digits");
    }
    if (section_ != Section::kSynsets) {
      Warn("a synset outside <SYNSETS> ... </SYNSETS>; read anyway");
    }
    synset_ = label;
    synsets_[label];  // defined, possibly empty
  }

  void SynsetMember(std::string_view text) {
    if (synset_.empty()) return Warn("a '+' member needs a synset (&NAME) line before it");
    Alternatives runs;
    const std::string error =
        PatternLexer::ReadRun(Hyphenless(TrimBlanks(text)), synsets_, synset_, &runs);
    if (!error.empty()) return Warn(error);
    Alternatives& members = synsets_[synset_];
    if (members.size() + runs.size() > kMaxAlternatives) return Warn("too many synset members");
    members.insert(members.end(), runs.begin(), runs.end());
  }

  // Hyphens are read as underscores (TABARI 5.2).
  static std::string Hyphenless(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
  }

  // "ACCEPT [081]", "BREAK_", "SHOT_AND_KILLED [123]".
  void RootLine(std::string_view text) {
    Flush();
    std::string_view phrase;
    Code code;
    std::string error = SplitCode(text, &phrase, &code);
    phrase = TrimBlanks(phrase);
    const size_t special = phrase.find_first_of("*$%^@&{}|+");
    if (error.empty() && phrase.empty()) error = "a verb line needs its verb before the code";
    if (error.empty() && special != std::string_view::npos && phrase[special] == '{') {
      error = "irregular forms go on a line of their own, which begins with '{'";
    }
    if (error.empty() && special != std::string_view::npos) {
      error = std::string("a verb is words only: '") + phrase[special] +
              "' belongs in a pattern line, which begins with '-'";
    }
    if (error.empty() && phrase.size() < kMinPhraseChars) {
      error = "a verb of fewer than three characters (TABARI reads none)";
    }
    const std::string key = Uppercase(Hyphenless(phrase));
    if (const auto it = roots_.find(key); error.empty() && it != roots_.end()) {
      error = "verb '" + std::string(phrase) + "' is given at line " + std::to_string(it->second) +
              " already";
    }
    if (!error.empty()) {
      skipping_root_ = true;  // its {forms} and patterns go with it, without more warnings
      return Warn(error + "; the verb and its patterns are skipped");
    }
    roots_.emplace(key, line_);
    root_.emplace();
    root_->forms.AddPhrase(phrase, false);
    root_->code = code;
    root_->line = line_;
  }

  // "{BROKE_ BROKEN_}", right after its verb.
  void FormsLine(std::string_view text) {
    if (skipping_root_) return;
    if (!root_) return Warn("irregular forms {...} need a verb line right before them");
    if (!root_->forms_allowed) {
      return Warn("irregular forms go right after their verb, before its patterns");
    }
    const size_t close = text.find('}');
    if (close == std::string_view::npos) return Warn("'{' without '}'");
    const std::string inside = Hyphenless(text.substr(1, close - 1));
    std::vector<std::string_view> forms;
    for (std::string_view w : core::Split(inside, ' ')) {
      for (std::string_view form : core::Split(w, '\t')) {
        if (!form.empty()) forms.push_back(form);
      }
    }
    if (forms.empty()) return Warn("no verb forms inside {...}");
    if (!TrimBlanks(text.substr(close + 1)).empty()) {
      Warn("irregular forms take no code: what follows '}' is ignored");
    }
    for (std::string_view form : forms) root_->forms.AddPhrase(form, true);
  }

  // "- $ * TO + [032:033]", "- PROPOSAL WAS * [081]", "- * BACK~ POLICY [062]".
  void PatternLine(std::string_view text) {
    if (skipping_root_) return;
    if (!root_) return Warn("a pattern needs a verb line before it");
    root_->forms_allowed = false;
    std::string_view phrase;
    Code code;
    std::string error = SplitCode(text, &phrase, &code);
    if (error.empty() && phrase.size() > kMaxPatternChars) {
      error = "a pattern longer than TABARI's 255 characters";
    }
    std::vector<Item> items;
    if (error.empty()) error = PatternLexer(Hyphenless(phrase), synsets_, "").Read(&items);
    if (!error.empty()) return Warn(error);
    if (code.code.empty()) code = root_->code;  // no [...]: the verb's own code
    Pattern p;
    p.code = code;
    p.line = line_;
    error = Build(std::move(items), &p.pattern);
    if (!error.empty()) return Warn(error);
    root_->patterns.push_back(std::move(p));
  }

  // The elements around '*': runs of words joined by '_' become one element (their
  // alternatives concatenated), nearest the verb first before it.
  static std::string Build(std::vector<Item> items, VerbPattern* pattern) {
    std::vector<Item> merged;
    for (Item& item : items) {
      Item* last = merged.empty() ? nullptr : &merged.back();
      if (last != nullptr && last->kind == Item::Kind::kWords && last->joined_next &&
          item.kind == Item::Kind::kWords) {
        if (!Concatenate(last->alternatives, item.alternatives, &last->alternatives)) {
          return "too many alternatives";
        }
        last->joined_next = item.joined_next;
        continue;
      }
      merged.push_back(std::move(item));
    }
    const auto is_verb = [](const Item& i) { return i.kind == Item::Kind::kVerb; };
    const auto verbs = std::count_if(merged.begin(), merged.end(), is_verb);
    if (verbs == 0) return "a pattern needs '*' where the verb is";
    if (verbs > 1) return "a pattern has one '*', where the verb is";
    const size_t v =
        static_cast<size_t>(std::find_if(merged.begin(), merged.end(), is_verb) - merged.begin());
    // An element after the verb is adjacent to the one before it, an element before the verb
    // to the one after it.
    std::vector<bool> joined(merged.size());
    for (size_t i = 0; i < merged.size(); ++i) joined[i] = merged[i].joined_next;
    for (size_t i = v + 1; i < merged.size(); ++i) {
      pattern->after.push_back(Element(std::move(merged[i]), joined[i - 1]));
    }
    for (size_t i = v; i-- > 0;) {
      pattern->before.push_back(Element(std::move(merged[i]), joined[i]));
    }
    return "";
  }

  static PatternElement Element(Item item, bool adjacent) {
    PatternElement e;
    e.adjacent = adjacent;
    switch (item.kind) {
      case Item::Kind::kSource:
        e.kind = PatternElement::Kind::kSource;
        return e;
      case Item::Kind::kTarget:
        e.kind = PatternElement::Kind::kTarget;
        return e;
      case Item::Kind::kCompound:
        e.kind = PatternElement::Kind::kCompound;
        return e;
      case Item::Kind::kSkip:
        e.kind = PatternElement::Kind::kSkip;
        return e;
      case Item::Kind::kWords:
      case Item::Kind::kVerb:
        break;
    }
    AddHyphenated(&item.alternatives);
    const bool stems =
        std::any_of(item.alternatives.begin(), item.alternatives.end(), [](const TokenRun& r) {
          return std::find(r.stems.begin(), r.stems.end(), true) != r.stems.end();
        });
    for (TokenRun& run : item.alternatives) {
      e.alternatives.push_back(std::move(run.tokens));
      if (stems) e.stems.push_back(std::move(run.stems));
    }
    return e;
  }

  // Turns the finished root into rules: its own code, and each of its patterns, for every
  // form of the verb.
  void Flush() {
    skipping_root_ = false;
    if (!root_) return;
    const VerbForms& forms = root_->forms;
    lexicon_.AddTabariRule(Rule(root_->code, root_->line), forms.forms, forms.stems);
    for (Pattern& p : root_->patterns) {
      EventRule rule = Rule(p.code, p.line);
      rule.pattern = std::move(p.pattern);
      rule.pattern_negates = SpellsNegation(rule.pattern) || NamesNegation(rule.pattern);
      lexicon_.AddTabariRule(std::move(rule), forms.forms, forms.stems);
    }
    root_.reset();
  }

  EventRule Rule(const Code& code, int64_t line) const {
    const std::string c = code.code.empty() ? "---" : code.code;  // no code: codes nothing
    EventRule rule = DictionaryRule(c, code.reverse, file_, line, cameo_);
    rule.block = IsNullCode(c) || IsDiscardCode(c);
    rule.discard = IsDiscardCode(c);
    rule.priority = code.priority;
    return rule;
  }

  std::string_view file_;
  const CameoTable& cameo_;
  EventLexicon& lexicon_;
  std::vector<Diagnostic>& diagnostics_;
  int64_t line_ = 0;
  std::string_view raw_;
  bool finished_ = false;  // after ~FINISH
  Section section_ = Section::kNone;
  int64_t section_line_ = 0;
  Synsets synsets_;
  std::string synset_;  // the synset whose members follow
  std::optional<Root> root_;
  bool skipping_root_ = false;            // the last root line was skipped
  std::map<std::string, int64_t> roots_;  // every root verb read, with its line
};

}  // namespace

VerbFormat VerbFormatOf(std::string_view content) {
  VerbFormat format = VerbFormat::kTabari;
  core::ForEachLine(content, [&](std::string_view raw, int64_t) {
    if (format == VerbFormat::kDyad) return;
    const std::string_view line = TrimBlanks(raw.substr(0, raw.find('#')));
    if (line.find("=>") != std::string_view::npos) {
      format = VerbFormat::kDyad;
    } else if (line.starts_with("---")) {
      format = VerbFormat::kPetrarch;
    }
  });
  return format;
}

void LoadTabariVerbs(std::string_view content, std::string_view file, const CameoTable& cameo,
                     EventLexicon* lexicon, std::vector<Diagnostic>* diagnostics) {
  TabariVerbReader reader(file, cameo, lexicon, diagnostics);
  core::ForEachLine(content, [&](std::string_view line, int64_t n) { reader.Line(line, n); });
  reader.Finish();
}

}  // namespace dyad::coding
