#include "actors/actor_dictionary.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "core/lines.h"
#include "text/inflection.h"
#include "text/tokenizer.h"

namespace dyad::actors {
namespace {

constexpr std::array<std::string_view, 29> kRoleCodes = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI",
    "BUS", "MED", "CVL", "IGO", "NGO", "HLH", "EDU", "LAB", "REF", "AGR",
    "CRM", "IMG", "UAF", "SEP", "MNC", "RAD", "REL", "INS", "HRI"};

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

// Removes a comment: '#' at the start of the line or after white space.
std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

// Splits on white space, keeping "quoted strings" whole (without their quotes).
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    if (s[i] == '"') {
      const size_t close = s.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? s.size() : close;
      out.push_back(s.substr(i + 1, end - i - 1));
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
    out.push_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view piece : core::Split(s, '|')) out.push_back(Trim(piece));
  return out;
}

// The last day of the period a coarse date names ("2016" -> 2016-12-31).
Date EndOfPeriod(const Date& d) {
  switch (d.precision) {
    case DatePrecision::kYear:
      return *Date::FromYmd(d.year, 12, 31);
    case DatePrecision::kMonth:
      return (d.month == 12 ? *Date::FromYmd(d.year + 1, 1, 1)
                            : *Date::FromYmd(d.year, d.month + 1, 1))
          .AddDays(-1);
    case DatePrecision::kDay:
      break;
  }
  return d;
}

}  // namespace

bool IsRoleCode(std::string_view code) {
  for (std::string_view c : kRoleCodes) {
    if (c == code) return true;
  }
  return false;
}

bool IsNullCode(std::string_view code) { return code == "---" || code == "***"; }
bool IsDiscardCode(std::string_view code) { return code == "###" || code == "+++"; }

const Role* ActorRecord::RoleOn(const std::optional<Date>& day) const {
  if (day) {
    for (const Role& r : roles) {
      if (r.Covers(*day)) return &r;
    }
  }
  if (otherwise) return &*otherwise;
  if (!day && !roles.empty()) return &roles.back();
  return nullptr;
}

bool Role::Overlaps(const Role& other) const {
  const long a_from = from ? from->ToDays() : std::numeric_limits<long>::min();
  const long a_to = to ? to->ToDays() : std::numeric_limits<long>::max();
  const long b_from = other.from ? other.from->ToDays() : std::numeric_limits<long>::min();
  const long b_to = other.to ? other.to->ToDays() : std::numeric_limits<long>::max();
  return a_from <= b_to && b_from <= a_to;
}

bool Role::Covers(const Date& day) const {
  const long d = day.ToDays();
  return (!from || from->ToDays() <= d) && (!to || d <= to->ToDays());
}

// Reads one file, line by line, into the dictionary.
struct ActorDictionary::Parser {
  ActorDictionary& dict;
  std::string_view file;
  std::vector<Diagnostic>* diagnostics;
  int64_t line_no = 0;
  std::string_view raw_line;
  std::string kind;        // kind of the record being read; "" when none
  int64_t record = -1;     // its index in records_, for states, orgs and people
  std::string agent_code;  // for agent records
  AnaphorKind anaphor = AnaphorKind::kPerson;
  std::string organization;  // for membership records

  Origin Here() const { return Origin{std::string(file), line_no}; }

  void Fail(const std::string& message) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.file = std::string(file);
    d.line = line_no;
    d.message = message;
    d.excerpt = Excerpt(raw_line);
    diagnostics->push_back(std::move(d));
  }

  void Line(std::string_view line) {
    raw_line = line;
    line = StripComment(line);
    if (Trim(line).empty()) return;
    if (line[0] == ' ' || line[0] == '\t') {
      Field(Trim(line));
    } else {
      Header(Words(line));
    }
  }

  void Header(const std::vector<std::string_view>& w) {
    kind.clear();
    record = -1;
    const std::string_view k = w[0];
    if (k == "state" || k == "org" || k == "person") {
      Entity(w);
    } else if (k == "agent") {
      if (w.size() != 2 || !IsRoleCode(w[1])) return Fail("agent needs one known role code");
      kind = "agent";
      agent_code = std::string(w[1]);
    } else if (k == "anaphor") {
      if (w.size() != 2) return Fail("anaphor needs a kind: person, group, speaker or entity");
      if (w[1] == "person") {
        anaphor = AnaphorKind::kPerson;
      } else if (w[1] == "group") {
        anaphor = AnaphorKind::kGroup;
      } else if (w[1] == "speaker") {
        anaphor = AnaphorKind::kSpeaker;
      } else if (w[1] == "entity") {
        anaphor = AnaphorKind::kEntity;
      } else {
        return Fail("unknown anaphor kind '" + std::string(w[1]) + "'");
      }
      kind = "anaphor";
    } else if (k == "not-actors") {
      if (w.size() != 1) return Fail("not-actors takes no id");
      kind = "not-actors";
    } else if (k == "publisher") {
      if (w.size() != 4) return Fail("publisher needs: publisher SOURCE ENTITY TITLE");
      dict.publishers_[std::string(w[1])] = Publisher{std::string(w[2]), std::string(w[3]), Here()};
    } else if (k == "membership") {
      if (w.size() != 2) return Fail("membership needs an organization id");
      kind = "membership";
      organization = std::string(w[1]);
    } else {
      Fail("unknown record kind '" + std::string(k) + "'");
    }
  }

  void Entity(const std::vector<std::string_view>& w) {
    if (w.size() < 3) return Fail("a record needs a kind, an id and a quoted name");
    ActorRecord r;
    r.kind = w[0] == "state" ? ActorKind::kState
             : w[0] == "org" ? ActorKind::kOrganization
                             : ActorKind::kPerson;
    r.id = std::string(w[1]);
    r.name = std::string(w[2]);
    r.code = r.id;
    for (size_t i = 3; i < w.size(); ++i) {
      if (!w[i].starts_with("code=") || w[i].size() == 5) {
        return Fail("unknown header option '" + std::string(w[i]) + "'");
      }
      r.code = std::string(w[i].substr(5));
    }
    r.origin = Here();
    kind = std::string(w[0]);
    record = static_cast<int64_t>(dict.records_.size());
    if (!dict.ids_.emplace(r.id, static_cast<uint32_t>(record)).second) {
      dict.duplicate_ids_.push_back(r.origin);
    }
    if (r.kind != ActorKind::kPerson) dict.entities_[r.id] = static_cast<uint32_t>(record);
    if (r.kind != ActorKind::kPerson) dict.codes_[r.code] = r.id;
    dict.records_.push_back(std::move(r));
  }

  void Phrases(std::string_view list, const PhraseInfo& info) {
    for (std::string_view item : SplitList(list)) {
      if (item.empty()) {
        Fail("empty item in a '|' list");
        continue;
      }
      dict.AddPhrase(item, info);
    }
  }

  PhraseInfo Info(PhraseUse use) const {
    PhraseInfo info;
    info.use = use;
    info.origin = Here();
    info.record = static_cast<uint32_t>(record < 0 ? 0 : record);
    return info;
  }

  void Field(std::string_view line) {
    if (kind.empty()) return Fail("indented line outside a record");
    const size_t space = line.find_first_of(" \t");
    const std::string_view key = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? "" : Trim(line.substr(space));
    if (rest.empty()) return Fail("field '" + std::string(key) + "' has no value");
    if (kind == "agent") return AgentField(key, rest);
    if (kind == "membership") return MemberField(key, rest);
    if (kind == "not-actors") {
      if (key != "phrases") return Fail("not-actors records take 'phrases'");
      return Phrases(rest, Info(PhraseUse::kNotActor));
    }
    if (kind == "anaphor") {
      if (key != "phrases") return Fail("anaphor records take 'phrases'");
      PhraseInfo info = Info(PhraseUse::kAnaphor);
      info.anaphor = anaphor;
      return Phrases(rest, info);
    }
    if (key == "names") return Phrases(rest, Info(PhraseUse::kName));
    if (kind == "person") return PersonField(key, rest);
    if (key == "adjectives") return Phrases(rest, Info(PhraseUse::kAdjective));
    if (key == "seats") return Phrases(rest, Info(PhraseUse::kSeat));
    if (key == "places") return Phrases(rest, Info(PhraseUse::kPlace));
    if (key == "desc") return Phrases(rest, Info(PhraseUse::kDesc));
    if (key == "agency") {
      const size_t sp = rest.find_first_of(" \t");
      const std::string_view role = rest.substr(0, sp);
      if (!IsRoleCode(role) || sp == std::string_view::npos) {
        return Fail("agency needs a known role code and names");
      }
      PhraseInfo info = Info(PhraseUse::kAgency);
      info.role_code = std::string(role);
      return Phrases(Trim(rest.substr(sp)), info);
    }
    Fail("unknown field '" + std::string(key) + "' in a " + kind + " record");
  }

  void AgentField(std::string_view key, std::string_view rest) {
    PhraseInfo info;
    info.origin = Here();
    if (key == "titles") {
      info.use = PhraseUse::kTitle;
    } else if (key == "bodies") {
      info.use = PhraseUse::kBody;
    } else {
      return Fail("agent records take 'titles' and 'bodies'");
    }
    info.role_code = agent_code;
    Phrases(rest, info);
  }

  // Parses "FROM..TO" (either end may be empty); reports and returns false when unreadable.
  bool Range(std::string_view text, std::optional<Date>* from, std::optional<Date>* to) {
    const size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
      Fail("dates must be FROM..TO");
      return false;
    }
    const std::string_view first = text.substr(0, dots);
    const std::string_view last = text.substr(dots + 2);
    if (!first.empty()) {
      *from = Date::ParseIso(first);
      if (!*from) {
        Fail("unreadable date '" + std::string(first) + "'");
        return false;
      }
    }
    if (!last.empty()) {
      const std::optional<Date> end = Date::ParseIso(last);
      if (!end) {
        Fail("unreadable date '" + std::string(last) + "'");
        return false;
      }
      *to = EndOfPeriod(*end);
    }
    if (*from && *to && (*from)->ToDays() > (*to)->ToDays()) {
      Fail("ends before it starts");
      return false;
    }
    return true;
  }

  void MemberField(std::string_view key, std::string_view rest) {
    const std::vector<std::string_view> w = Words(rest);
    if (key != "member" || w.size() != 2)
      return Fail("membership records take 'member ID FROM..TO'");
    Membership m{organization, std::string(w[0]), std::nullopt, std::nullopt, Here()};
    if (Range(w[1], &m.from, &m.to)) dict.memberships_.push_back(std::move(m));
  }

  void PersonField(std::string_view key, std::string_view rest) {
    const std::vector<std::string_view> w = Words(rest);
    ActorRecord& person = dict.records_[static_cast<size_t>(record)];
    if (key == "else") {
      if (w.size() != 2 || !IsRoleCode(w[1])) return Fail("else needs: else ENTITY ROLE");
      person.otherwise =
          Role{std::string(w[0]), std::string(w[1]), "", std::nullopt, std::nullopt, Here()};
      return;
    }
    if (key != "role") return Fail("unknown field '" + std::string(key) + "' in a person record");
    if (w.size() != 4) return Fail("role needs: role ENTITY ROLE TITLE FROM..TO");
    if (!IsRoleCode(w[1])) return Fail("unknown role code '" + std::string(w[1]) + "'");
    Role role{std::string(w[0]), std::string(w[1]), std::string(w[2]),
              std::nullopt,      std::nullopt,      Here()};
    if (!Range(w[3], &role.from, &role.to)) return;
    person.roles.push_back(std::move(role));
  }
};

void ActorDictionary::Load(std::string_view content, std::string_view file,
                           std::vector<Diagnostic>* diagnostics) {
  holders_.clear();
  Parser parser{*this, file, diagnostics, 0, {}, {}, -1, {}, AnaphorKind::kPerson, {}};
  core::ForEachLine(content, [&](std::string_view line, int64_t line_no) {
    parser.line_no = line_no;
    parser.Line(line);
  });
}

void ActorDictionary::AddPhrase(std::string_view text, PhraseInfo info) {
  std::vector<text::Token> tokens = text::Tokenize(text);
  // "the Kremlin" is stored as "Kremlin": the resolver takes a preceding "the" by itself.
  if (tokens.size() > 1 && std::string_view(tokens.front().norm) == "the" &&
      info.use != PhraseUse::kAnaphor) {
    tokens.erase(tokens.begin());
  }
  const auto id = static_cast<uint32_t>(phrases_.size());
  if (!matcher_.Add(tokens, id)) return;
  // Agents also match in the plural: "presidents", "heads of state", "foreign ministers".
  if (info.use == PhraseUse::kTitle || info.use == PhraseUse::kBody) {
    size_t head = tokens.size() - 1;
    for (size_t i = 1; i < tokens.size(); ++i) {
      const std::string_view w = tokens[i].norm;
      if (w == "of" || w == "for" || w == "to") {
        head = i - 1;
        break;
      }
    }
    const std::string plural = text::Pluralize(tokens[head].norm);
    if (plural != tokens[head].norm) {
      std::vector<text::Token> plural_tokens = tokens;
      plural_tokens[head].norm = plural;
      matcher_.Add(plural_tokens, id);
    }
  }
  phrase_uses_.push_back(info.use);
  phrases_.push_back(std::move(info));
}

uint32_t ActorDictionary::AddRecord(ActorRecord record) {
  holders_.clear();
  const auto index = static_cast<uint32_t>(records_.size());
  records_.push_back(std::move(record));
  return index;
}

std::string ActorDictionary::EntityOfCode(std::string_view code) const {
  const auto whole = codes_.find(std::string(code));
  if (whole != codes_.end()) return whole->second;
  const std::string prefix(code.substr(0, 3));
  const auto state = codes_.find(prefix);
  if (state != codes_.end() && FindEntity(state->second)->kind == ActorKind::kState) {
    return state->second;
  }
  return prefix;
}

const ActorRecord* ActorDictionary::FindEntity(std::string_view id) const {
  const auto it = entities_.find(std::string(id));
  return it == entities_.end() ? nullptr : &records_[it->second];
}

namespace {
std::string OfficeKey(std::string_view entity, std::string_view title) {
  std::string key(entity);
  key.append("\n").append(title);
  return key;
}
}  // namespace

void ActorDictionary::IndexHolders() {
  holders_.clear();
  for (uint32_t r = 0; r < records_.size(); ++r) {
    if (records_[r].kind != ActorKind::kPerson) continue;
    for (uint32_t k = 0; k < records_[r].roles.size(); ++k) {
      const Role& role = records_[r].roles[k];
      holders_[OfficeKey(role.entity, role.title)].emplace_back(r, k);
    }
  }
}

const ActorRecord* ActorDictionary::HolderOf(std::string_view entity, std::string_view title,
                                             const Date& day) const {
  if (!holders_.empty()) {
    const auto it = holders_.find(OfficeKey(entity, title));
    if (it == holders_.end()) return nullptr;
    for (const auto& [r, k] : it->second) {
      if (records_[r].roles[k].Covers(day)) return &records_[r];
    }
    return nullptr;
  }
  for (const ActorRecord& r : records_) {
    if (r.kind != ActorKind::kPerson) continue;
    for (const Role& role : r.roles) {
      if (role.entity == entity && role.title == title && role.Covers(day)) return &r;
    }
  }
  return nullptr;
}

const Publisher* ActorDictionary::FindPublisher(std::string_view source) const {
  const auto it = publishers_.find(std::string(source));
  return it == publishers_.end() ? nullptr : &it->second;
}

namespace {

Diagnostic LintDiagnostic(Severity severity, const Origin& at, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = at.file;
  d.line = at.line;
  d.message = std::move(message);
  return d;
}

std::string Where(const Origin& at) { return at.file + " line " + std::to_string(at.line); }

// Offices that several people hold at once: deputies, aides, advisers, envoys.
bool IsSharedOffice(std::string_view title) {
  for (std::string_view part :
       {"deputy", "vice", "aide", "adviser", "advisor", "envoy", "commissioner", "ambassador",
        "minister-without", "spokes", "member"}) {
    if (title.find(part) != std::string_view::npos) return true;
  }
  return title == "minister" || title == "senator" || title == "representative";
}

bool NamesActor(PhraseUse use) {
  return use == PhraseUse::kName || use == PhraseUse::kAdjective || use == PhraseUse::kSeat ||
         use == PhraseUse::kPlace || use == PhraseUse::kAgency;
}

}  // namespace

void ActorDictionary::Lint(std::vector<Diagnostic>* out) const {
  for (const Origin& at : duplicate_ids_) {
    out->push_back(LintDiagnostic(Severity::kWarning, at, "id given to an earlier record too"));
  }
  // A phrase that names two records: the later one wins, silently, unless reported.
  matcher_.ForEach([&](const std::vector<std::string>& words, const std::vector<uint32_t>& ids) {
    const PhraseInfo* first = nullptr;
    for (uint32_t id : ids) {
      const PhraseInfo& info = phrases_[id];
      if (!NamesActor(info.use)) continue;
      if (first == nullptr) {
        first = &info;
      } else if (info.record != first->record) {
        std::string text;
        for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
        out->push_back(LintDiagnostic(Severity::kWarning, info.origin,
                                      "'" + text + "' also names " + records_[first->record].id +
                                          " (" + Where(first->origin) + "); this record wins"));
      }
    }
  });
  const auto known = [&](const std::string& id, const Origin& at) {
    if (FindEntity(id) == nullptr) {
      out->push_back(
          LintDiagnostic(Severity::kError, at, "unknown state or organization '" + id + "'"));
    }
  };
  // Two holders of one office on the same day.
  std::map<std::pair<std::string, std::string>,
           std::vector<std::pair<const ActorRecord*, const Role*>>>
      offices;
  for (const ActorRecord& r : records_) {
    // A TABARI/PETRARCH entry's codes name no office, and their first letters an entity only
    // by dyad's guess (EntityOfCode): neither check applies.
    if (r.kind == ActorKind::kCoded) continue;
    for (const Role& role : r.roles) {
      known(role.entity, role.origin);
      offices[{role.entity, role.title}].emplace_back(&r, &role);
    }
    if (r.otherwise) known(r.otherwise->entity, r.otherwise->origin);
  }
  for (const auto& [office, holders] : offices) {
    if (IsSharedOffice(office.second)) continue;
    for (size_t i = 0; i < holders.size(); ++i) {
      for (size_t j = i + 1; j < holders.size(); ++j) {
        const auto& [a, role_a] = holders[i];
        const auto& [b, role_b] = holders[j];
        if (!role_a->Overlaps(*role_b)) continue;
        out->push_back(LintDiagnostic(Severity::kWarning, role_b->origin,
                                      b->name + " and " + a->name + " (" + Where(role_a->origin) +
                                          ") both hold " + office.first + " " + office.second +
                                          " at once"));
      }
    }
  }
  for (const auto& [source, pub] : publishers_) known(pub.entity, pub.origin);
  for (const Membership& m : memberships_) {
    known(m.organization, m.origin);
    known(m.member, m.origin);
  }
}

}  // namespace dyad::actors
