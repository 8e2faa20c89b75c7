// The actor knowledge base: states, organizations, people with dated roles, agents (titles and
// collective nouns), publishers and anaphors, loaded from files in the format of
// docs/actors.md. Built once, then read-only and safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/phrase_matcher.h"
#include "dyad/date.h"
#include "dyad/diagnostic.h"

namespace dyad::actors {

// kCoded: an entry of a TABARI/PETRARCH dictionary, known only by its CAMEO codes (a default
// code and codes restricted to dates).
enum class ActorKind : uint8_t { kState, kOrganization, kPerson, kCoded };

// Where a dictionary entry was written, for diagnostics.
struct Origin {
  std::string file;
  int64_t line = 0;
};

// A role held between two dates (inclusive; nullopt = open).
struct Role {
  std::string entity;     // state or organization id
  std::string role_code;  // GOV, MIL, ELI, ...
  std::string title;      // "president", "prime-minister", ...
  std::optional<Date> from;
  std::optional<Date> to;
  Origin origin;
  bool Covers(const Date& day) const;
  bool Overlaps(const Role& other) const;  // the two periods share at least one day
};

// A state's (or organization's) membership of an organization between two dates.
struct Membership {
  std::string organization;
  std::string member;
  std::optional<Date> from;
  std::optional<Date> to;
  Origin origin;
};

struct ActorRecord {
  ActorKind kind = ActorKind::kState;
  std::string id;                 // ISO alpha-3, organization acronym, or person slug
  std::string name;               // display name
  std::string code;               // CAMEO code of a state or organization (default: the id)
  std::vector<Role> roles;        // people only
  std::optional<Role> otherwise;  // people only: affiliation outside every role
  Origin origin;

  // The role on `day`: the first that covers it, else `otherwise`; with no day, `otherwise`,
  // else the last role. nullptr when none applies.
  const Role* RoleOn(const std::optional<Date>& day) const;
};

// What a matched phrase stands for.
enum class PhraseUse : uint8_t {
  kName,       // the actor itself: "Russia", "NATO", "Vladimir Putin"
  kAdjective,  // "Russian"
  kSeat,       // stands for the government: "the Kremlin"
  kPlace,      // a place inside a state: "Crimea"
  kAgency,     // a named institution with a role: "the Pentagon"
  kDesc,       // a descriptive noun for anaphora: "alliance"
  kTitle,      // agent: a person's title: "president"
  kBody,       // agent: a collective noun: "government", "troops"
  kAnaphor,    // "he", "both leaders", "we"
  kNotActor,   // a phrase that names no actor though it contains one: "Latin American"
};

// kEntity: "it", "its", standing for a state or organization named before in the sentence.
enum class AnaphorKind : uint8_t { kPerson, kGroup, kSpeaker, kEntity };

struct PhraseInfo {
  PhraseUse use = PhraseUse::kName;
  Origin origin;
  uint32_t record = 0;    // index into records() (unused for titles, bodies, anaphors)
  std::string role_code;  // agencies, titles and bodies
  AnaphorKind anaphor = AnaphorKind::kPerson;
  bool tabari = false;  // from a TABARI agents file, whose agents are all titles
};

// Whose voice an official outlet's releases are: the holder of `title` at `entity`.
struct Publisher {
  std::string entity;
  std::string title;
  Origin origin;
};

class ActorDictionary {
 public:
  // Parses `content` (named `file` in diagnostics) and adds its records. Broken lines become
  // diagnostics and are skipped; the rest of the file still loads.
  void Load(std::string_view content, std::string_view file, std::vector<Diagnostic>* diagnostics);

  const std::vector<ActorRecord>& records() const { return records_; }
  const PhraseInfo& phrase(uint32_t id) const { return phrases_[id]; }
  // phrase(id).use, from a compact array: what the resolver reads of every phrase it weighs.
  PhraseUse phrase_use(uint32_t id) const { return phrase_uses_[id]; }
  const PhraseMatcher& matcher() const { return matcher_; }

  // The state or organization with this id, or nullptr.
  const ActorRecord* FindEntity(std::string_view id) const;
  // The stable entity of a CAMEO actor code: the organization whose code it is ("IGOWSTNAT"
  // -> NATO), else the state its first three letters name ("USAGOV" -> USA), else those
  // three letters.
  std::string EntityOfCode(std::string_view code) const;

  // Building from other formats (TABARI/PETRARCH readers): adds a record, its phrases.
  uint32_t AddRecord(ActorRecord record);
  ActorRecord& MutableRecord(uint32_t index) {
    holders_.clear();  // the record's roles may change
    return records_[index];
  }
  // Adds a phrase; `text` is matched as written (a capitalized word needs a capital).
  void AddPhrase(std::string_view text, PhraseInfo info);
  // The person holding `title` at `entity` on `day`, or nullptr: the first such record.
  const ActorRecord* HolderOf(std::string_view entity, std::string_view title,
                              const Date& day) const;
  // Indexes the offices people hold, so that HolderOf is a lookup rather than a walk through
  // every record. For when loading is done: adding or changing a record drops the index.
  void IndexHolders();
  const Publisher* FindPublisher(std::string_view source) const;
  const std::vector<Membership>& memberships() const { return memberships_; }

  // Checks what no single line shows (docs/actors.md, "Checking dictionaries"): a phrase that
  // names two records, an id given twice, two holders of one office at once, a role, an
  // affiliation, a publisher or a membership naming an unknown state or organization.
  void Lint(std::vector<Diagnostic>* diagnostics) const;

 private:
  struct Parser;

  std::vector<ActorRecord> records_;
  std::vector<PhraseInfo> phrases_;
  std::vector<PhraseUse> phrase_uses_;  // phrases_[id].use
  PhraseMatcher matcher_;
  std::unordered_map<std::string, uint32_t> entities_;
  std::unordered_map<std::string, uint32_t> ids_;       // every record, people included
  std::unordered_map<std::string, std::string> codes_;  // CAMEO code -> state/organization id
  std::unordered_map<std::string, Publisher> publishers_;
  std::vector<Membership> memberships_;
  std::vector<Origin> duplicate_ids_;  // records whose id an earlier record already had
  // "entity\ntitle" -> (record, role) of every person's role there, in record order; empty
  // until IndexHolders.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> holders_;
};

// True for the CAMEO role codes dyad knows (GOV, MIL, REB, ...).
bool IsRoleCode(std::string_view code);

// TABARI's special actor codes (its manual, chapter 6): the null code "---" and the blank code
// "***" code nothing; the discard code "###" and the complex code "+++" leave a sentence that
// names the phrase uncoded (dyad has no file of complex sentences to divert it to).
bool IsNullCode(std::string_view code);
bool IsDiscardCode(std::string_view code);

}  // namespace dyad::actors
