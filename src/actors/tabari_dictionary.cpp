#include "actors/tabari_dictionary.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "core/lines.h"
#include "text/inflection.h"
#include "text/tokenizer.h"

namespace dyad::actors {
namespace {

constexpr std::string_view kDyadKinds[] = {"state ",     "org ",     "person ",    "agent ",
                                           "publisher ", "anaphor ", "not-actors", "membership "};

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The line without its comment: a line that starts with '/' or '#' is one (TABARI), and so
// is a "<!-- ... -->" line (PETRARCH); outside [...], '#' and ';' start one ("[###]", the
// discard code, is none).
std::string_view StripComment(std::string_view line) {
  const std::string_view text = Trim(line);
  if (text.empty() || text.front() == '/' || text.front() == '#' || text.starts_with("<!")) {
    return {};
  }
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') {
      ++depth;
    } else if (line[i] == ']') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && (line[i] == '#' || line[i] == ';')) {
      return line.substr(0, i);
    }
  }
  return line;
}

// "~FINISH": the end of a TABARI dictionary; what follows is not read.
bool IsFinish(std::string_view text) {
  return text.size() == 7 && text.front() == '~' &&
         std::equal(text.begin() + 1, text.end(), "FINISH", [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == b;
         });
}

// A code of an actor dictionary: letters and digits, '/' between the codes of a compound
// ("GME/GMW"), or one of TABARI's special codes.
bool IsReadableCode(std::string_view code) {
  return IsNullCode(code) || IsDiscardCode(code) ||
         (!code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/';
         }));
}

// "VLADIMIR_PUTIN_" -> "vladimir putin": TABARI phrases match in any case.
std::string PhraseText(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    out.push_back(c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return std::string(Trim(out));
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Problems in TABARI files are warnings: the entry (or the one restriction) is skipped and the
// rest of the file loads, as TABARI and PETRARCH do.
Diagnostic Problem(std::string_view file, int64_t line, std::string message,
                   std::string_view text) {
  return Diagnostic{Severity::kWarning, std::string(file), line, "", -1,
                    std::move(message), Excerpt(text)};
}

// "vladimir putin" -> "Vladimir Putin", for display.
std::string TitleCase(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-';
  }
  return s;
}

// Reads one TABARI actor file into the dictionary.
class ActorReader {
 public:
  ActorReader(std::string_view file, ActorDictionary* dict, std::vector<Diagnostic>* diagnostics)
      : file_(file), dict_(*dict), diagnostics_(*diagnostics) {}

  void Line(std::string_view raw, int64_t number) {
    line_ = number;
    raw_ = raw;
    if (finished_) return;
    const std::string_view text = Trim(StripComment(raw));
    if (text.empty()) return;
    if (IsFinish(text)) {
      Close();
      finished_ = true;
      return;
    }
    if (text.front() == '<') return Tag(text);
    if (!section_.empty()) return;  // a <NOUN> or <ADJECTIVE> list
    if (text.front() == '[') return Codes(text);
    if (text.front() == '+') return Synonym(text.substr(1));
    Primary(text);
  }

  void Finish() {
    Close();
    if (section_.empty()) return;
    diagnostics_.push_back(
        Problem(file_, section_line_,
                "<" + section_ + "> has no </" + section_ + ">: the rest of the file was skipped",
                "<" + section_ + ">"));
  }

 private:
  void Fail(const std::string& message) {
    diagnostics_.push_back(Problem(file_, line_, message, raw_));
  }

  // "<NOUN>" ... "</NOUN>", "<ADJECTIVE>" ... "</ADJECTIVE>": words TABARI parses compound
  // phrases with, no actors; dyad skips them, with a note.
  void Tag(std::string_view text) {
    const core::SectionTag tag = core::ReadSectionTag(text);
    std::string name = tag.name;
    if (name == "NOUNS") name = "NOUN";
    if (name == "ADJ" || name == "ADJECTIVES") name = "ADJECTIVE";
    if (name != "NOUN" && name != "ADJECTIVE") {
      return Fail(tag.name.empty() ? "unreadable section tag: <NAME> or </NAME> goes alone on "
                                     "its line"
                                   : "unknown section <" + tag.name +
                                         ">: an actor dictionary's are <NOUN> and <ADJECTIVE>");
    }
    Close();
    if (!tag.closing) {
      if (!section_.empty()) {
        Fail("<" + section_ + "> (line " + std::to_string(section_line_) + ") has no </" +
             section_ + "> before this section: it ends here");
      }
      section_ = name;
      section_line_ = line_;
      return;
    }
    if (section_ != name) return Fail("</" + name + "> closes no open <" + name + ">");
    Diagnostic note = Problem(file_, section_line_,
                              "TABARI <" + name + "> section (lines " +
                                  std::to_string(section_line_) + "-" + std::to_string(line_) +
                                  ") skipped: nouns and adjectives have no codes; TABARI parses "
                                  "compound phrases with them, dyad's resolver does without",
                              "<" + name + ">");
    note.severity = Severity::kInfo;
    diagnostics_.push_back(std::move(note));
    section_.clear();
  }

  // "PHRASE [CODE] [CODE date-date]": a new record.
  void Primary(std::string_view text) {
    Close();
    const size_t bracket = text.find('[');
    const std::string phrase = PhraseText(text.substr(0, bracket));
    if (phrase.empty()) return Fail("a record needs a phrase before its codes");
    ActorRecord r;
    r.kind = ActorKind::kCoded;
    r.id = phrase;
    r.name = TitleCase(phrase);
    r.origin = Origin{std::string(file_), line_};
    record_ = dict_.AddRecord(std::move(r));
    phrases_.push_back({phrase, line_});
    if (bracket != std::string_view::npos) Codes(text.substr(bracket));
  }

  void Synonym(std::string_view text) {
    if (!record_) return Fail("a synonym ('+') needs a record before it");
    const size_t bracket = text.find('[');
    const std::string phrase = PhraseText(text.substr(0, bracket));
    if (phrase.empty()) return Fail("empty synonym");
    phrases_.push_back({phrase, line_});
    if (bracket != std::string_view::npos) Codes(text.substr(bracket));
  }

  // "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE date-date]", several on a line.
  void Codes(std::string_view text) {
    if (!record_) return Fail("codes need a record before them");
    size_t pos = 0;
    while ((pos = text.find('[', pos)) != std::string_view::npos) {
      const size_t close = text.find(']', pos);
      if (close == std::string_view::npos) return Fail("'[' without ']'");
      Code(Trim(text.substr(pos + 1, close - pos - 1)));
      pos = close + 1;
    }
  }

  void Code(std::string_view group) {
    const size_t space = group.find_first_of(" \t<>");
    const std::string code = Upper(Trim(group.substr(0, space)));
    const std::string_view restriction =
        space == std::string_view::npos ? std::string_view{} : Trim(group.substr(space));
    if (code.empty()) return Fail("empty code");
    if (!IsReadableCode(code)) {
      return Fail("unreadable code '" + code +
                  "': a code is letters and digits ('/' between those of a compound), or one of "
                  "---, ***, ### and +++");
    }
    Restricted r{code, std::nullopt, std::nullopt};
    if (!restriction.empty() && !ParseRestriction(restriction, &r)) {
      return Fail("unreadable date restriction '" + std::string(restriction) + "'");
    }
    codes_.push_back(std::move(r));
  }

  struct Restricted {
    std::string code;
    std::optional<Date> from;
    std::optional<Date> to;
  };

  static bool ParseRestriction(std::string_view text, Restricted* r) {
    if (text.front() == '<') {
      r->to = ParseTabariDate(Trim(text.substr(1)));
      return r->to.has_value();
    }
    if (text.front() == '>') {
      r->from = ParseTabariDate(Trim(text.substr(1)));
      return r->from.has_value();
    }
    const size_t dash = text.find('-');
    if (dash == std::string_view::npos) return false;
    r->from = ParseTabariDate(Trim(text.substr(0, dash)));
    r->to = ParseTabariDate(Trim(text.substr(dash + 1)));
    return r->from && r->to;
  }

  // Gives the finished record its codes and phrases. Dated codes are tried in order, the
  // default when none applies; special codes are kept as roles, so that "[### >890120]
  // [USA]" discards sentences after that day and codes USA before it.
  void Close() {
    if (!record_) return;
    ActorRecord& r = dict_.MutableRecord(*record_);
    const auto special = [](std::string_view code) {
      return IsNullCode(code) || IsDiscardCode(code);
    };
    for (const Restricted& c : codes_) {
      const std::string entity = special(c.code) ? "" : dict_.EntityOfCode(c.code);
      Role role{entity, c.code, "", c.from, c.to, r.origin};
      if (!c.from && !c.to) {
        r.otherwise = role;
      } else {
        r.roles.push_back(role);
      }
    }
    // The code that names the entry: the default, else the first dated one; "" for none (an
    // entry without dated codes is then not coded).
    r.code.clear();
    if (r.otherwise && !special(r.otherwise->role_code)) r.code = r.otherwise->role_code;
    for (size_t i = 0; i < r.roles.size() && r.code.empty(); ++i) {
      if (!special(r.roles[i].role_code)) r.code = r.roles[i].role_code;
    }
    for (const auto& [phrase, line] : phrases_) {
      PhraseInfo info;
      info.use = PhraseUse::kName;
      info.record = *record_;
      info.origin = Origin{std::string(file_), line};
      dict_.AddPhrase(phrase, info);
      // TABARI reads a hyphen as '_' in dictionaries and as a blank in texts: "AL-WAZIR" also
      // names "al Wazir", unless that is some other entry's phrase.
      if (phrase.find('-') == std::string::npos) continue;
      std::string spaced = phrase;
      std::replace(spaced.begin(), spaced.end(), '-', ' ');
      const std::vector<text::Token> tokens = text::Tokenize(spaced);
      if (tokens.empty() ||
          dict_.matcher().LongestAt(tokens, 0, tokens.size()).length == tokens.size()) {
        continue;
      }
      dict_.AddPhrase(spaced, info);
    }
    record_.reset();
    codes_.clear();
    phrases_.clear();
  }

  std::string_view file_;
  ActorDictionary& dict_;
  std::vector<Diagnostic>& diagnostics_;
  int64_t line_ = 0;
  std::string_view raw_;
  bool finished_ = false;  // after ~FINISH
  std::string section_;    // the <NOUN> or <ADJECTIVE> section open, if any
  int64_t section_line_ = 0;
  std::optional<uint32_t> record_;
  std::vector<Restricted> codes_;
  std::vector<std::pair<std::string, int64_t>> phrases_;
};

// "!PERSON! = MAN, MEN" markers, then "PHRASE {PLURAL...} [~CODE]" lines.
class AgentReader {
 public:
  AgentReader(std::string_view file, ActorDictionary* dict, std::vector<Diagnostic>* diagnostics)
      : file_(file), dict_(*dict), diagnostics_(*diagnostics) {}

  void Line(std::string_view raw, int64_t number) {
    if (finished_) return;
    const std::string_view text = Trim(StripComment(raw));
    if (text.empty()) return;
    if (IsFinish(text)) {
      finished_ = true;
      return;
    }
    const auto fail = [&](const std::string& m) {
      diagnostics_.push_back(Problem(file_, number, m, raw));
    };
    const size_t marker_end = text.front() == '!' ? text.find('!', 1) : std::string_view::npos;
    const bool definition =
        marker_end != std::string_view::npos && Trim(text.substr(marker_end + 1)).starts_with("=");
    if (definition) {
      const size_t close = marker_end;
      const size_t eq = text.find('=', close);
      std::vector<std::string>& items = markers_[std::string(text.substr(0, close + 1))];
      for (std::string_view item : core::Split(text.substr(eq + 1), ',')) {
        if (!Trim(item).empty()) items.emplace_back(Trim(item));
      }
      return;
    }
    const size_t bracket = text.find('[');
    // "[~ENV}": a closing brace for a bracket is a common slip; accept it.
    const size_t close =
        bracket == std::string_view::npos ? bracket : text.find_first_of("]}", bracket);
    if (bracket == std::string_view::npos || close == std::string_view::npos) {
      return fail("an agent needs a code in [...]; skipped");
    }
    std::string code = Upper(Trim(text.substr(bracket + 1, close - bracket - 1)));
    if (code.find('~') == std::string::npos) {
      return fail("an agent code has a '~': [~GOV] or [NGO~]");
    }
    // "~GOV" is kept as "GOV" (appended to the actor's code), "NGO~" as is (put before it).
    if (code.front() == '~') code.erase(0, 1);
    std::string_view head = Trim(text.substr(0, bracket));
    std::optional<std::vector<std::string>> plurals;  // {...}: given plurals, {} none
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      const size_t end = head.find('}', brace);
      if (end == std::string_view::npos) return fail("'{' without '}'");
      plurals.emplace();
      for (std::string_view p : core::Split(Trim(head.substr(brace + 1, end - brace - 1)), ' ')) {
        if (!p.empty()) plurals->push_back(std::string(p));
      }
      head = Trim(head.substr(0, brace));
    }
    if (head.empty()) return fail("an agent needs a phrase");
    PhraseInfo info;
    info.use = PhraseUse::kTitle;
    info.tabari = true;
    info.role_code = code;
    info.origin = Origin{std::string(file_), number};
    for (const std::string& phrase : Expand(std::string(head))) {
      dict_.AddPhrase(PhraseText(phrase), info);
      if (!plurals) {
        const std::string words = PhraseText(phrase);
        const size_t last = words.rfind(' ');
        const std::string stem = last == std::string::npos ? "" : words.substr(0, last + 1);
        dict_.AddPhrase(stem + text::Pluralize(words.substr(stem.size())), info);
      }
    }
    for (const std::string& plural : plurals.value_or(std::vector<std::string>{})) {
      for (const std::string& phrase : Expand(plural)) dict_.AddPhrase(PhraseText(phrase), info);
    }
  }

 private:
  // "CONGRESS!PERSON!" -> CONGRESSMAN, CONGRESSMEN, ...
  std::vector<std::string> Expand(const std::string& phrase) const {
    for (const auto& [marker, items] : markers_) {
      const size_t at = phrase.find(marker);
      if (at == std::string::npos) continue;
      std::vector<std::string> out;
      for (const std::string& item : items) {
        for (std::string& more :
             Expand(phrase.substr(0, at) + item + phrase.substr(at + marker.size()))) {
          out.push_back(std::move(more));
        }
      }
      return out;
    }
    return {phrase};
  }

  std::string_view file_;
  ActorDictionary& dict_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, std::vector<std::string>> markers_;
  bool finished_ = false;  // after ~FINISH
};

}  // namespace

std::optional<Date> ParseTabariDate(std::string_view text) {
  if ((text.size() != 6 && text.size() != 8) ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  int year = 0;
  size_t rest = 4;
  if (text.size() == 8) {
    year = number(0, 4);
  } else {
    const int yy = number(0, 2);
    year = yy <= 30 ? 2000 + yy : 1900 + yy;  // the TABARI manual's pivot
    rest = 2;
  }
  return Date::FromYmd(year, number(rest, 2), number(rest + 2, 2));
}

bool LooksLikeTabariActors(std::string_view content) {
  bool tabari = false;
  bool decided = false;
  core::ForEachLine(content, [&](std::string_view raw, int64_t) {
    if (decided) return;
    const std::string_view line = StripComment(raw);
    if (Trim(line).empty()) return;
    decided = true;
    tabari = std::none_of(std::begin(kDyadKinds), std::end(kDyadKinds), [&](std::string_view kind) {
      return line.starts_with(kind) || line == Trim(kind);
    });
  });
  return tabari;
}

void LoadTabariActors(std::string_view content, std::string_view file, ActorDictionary* dict,
                      std::vector<Diagnostic>* diagnostics) {
  ActorReader reader(file, dict, diagnostics);
  core::ForEachLine(content, [&](std::string_view line, int64_t n) { reader.Line(line, n); });
  reader.Finish();
}

void LoadTabariAgents(std::string_view content, std::string_view file, ActorDictionary* dict,
                      std::vector<Diagnostic>* diagnostics) {
  AgentReader reader(file, dict, diagnostics);
  core::ForEachLine(content, [&](std::string_view line, int64_t n) { reader.Line(line, n); });
}

}  // namespace dyad::actors
