// Events: who did what to whom, when, and the evidence for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dyad/date.h"

namespace dyad {

// A half-open byte range [begin, end) into an article field (see Event::field).
struct Span {
  int64_t begin = 0;
  int64_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// An actor as resolved in one event. `entity` is stable (ISO 3166-1 alpha-3 for states, an
// acronym such as NATO or EU for organizations); `code` is the CAMEO-style actor code (entity
// plus role, e.g. RUSGOV); `name` is the canonical name (a person's when one is known);
// `text`/`span` are what the article says (for pronouns, the pronoun itself).
struct ActorRef {
  std::string entity;
  std::string code;
  std::string name;
  std::string text;
  Span span;
};

// Where an event happened, as far as its sentence says: a place of the gazetteer (with its
// first-level region and coordinates), or only a state ("fighting in Syria").
struct Location {
  std::string place;    // "Kirkuk"; empty when only the state is known
  std::string country;  // ISO 3166-1 alpha-3
  std::string region;   // the place's first-level region, or empty
  std::optional<double> lat;  // degrees north, when known
  std::optional<double> lon;  // degrees east, when known
  friend bool operator==(const Location&, const Location&) = default;
};

// Which part of the article a sentence and its spans come from.
enum class ArticleField { kTitle, kText };

// One coded event mention. A value type.
struct Event {
  std::string article_id;
  int sentence_index = 0;  // 0-based over the article's sentences, title first
  ArticleField field = ArticleField::kText;
  std::string sentence;  // the sentence as written in the article
  ActorRef source;
  ActorRef target;
  std::string action;  // readable action name, e.g. "call", "congratulate"
  std::string cameo;   // CAMEO event code, e.g. "041"
  int quad_class = 0;  // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                       // 4 material conflict
  double goldstein = 0.0;
  std::optional<Date> date;  // nullopt when neither the sentence nor the article gives one
  bool negated = false;      // "did not agree"
  bool factual = true;       // false for expected, planned, possible or conditional events
  std::string rule;          // id of the lexicon rule that fired
  Span trigger;              // the words that triggered the rule
  std::optional<Location> location;  // where it happened, when the sentence says
};

}  // namespace dyad
