#include "text/inflection.h"

#include <array>

namespace dyad::text {
namespace {

struct Irregular {
  std::string_view lemma, past, participle;
};

constexpr std::array<Irregular, 62> kIrregular = {{
    {"meet", "met", "met"},
    {"speak", "spoke", "spoken"},
    {"hold", "held", "held"},
    {"tell", "told", "told"},
    {"say", "said", "said"},
    {"give", "gave", "given"},
    {"take", "took", "taken"},
    {"make", "made", "made"},
    {"send", "sent", "sent"},
    {"seek", "sought", "sought"},
    {"fight", "fought", "fought"},
    {"shoot", "shot", "shot"},
    {"strike", "struck", "struck"},
    {"lead", "led", "led"},
    {"bring", "brought", "brought"},
    {"win", "won", "won"},
    {"lose", "lost", "lost"},
    {"break", "broke", "broken"},
    {"withdraw", "withdrew", "withdrawn"},
    {"freeze", "froze", "frozen"},
    {"forbid", "forbade", "forbidden"},
    {"begin", "began", "begun"},
    {"sell", "sold", "sold"},
    {"buy", "bought", "bought"},
    {"beat", "beat", "beaten"},
    {"see", "saw", "seen"},
    {"come", "came", "come"},
    {"go", "went", "gone"},
    {"have", "had", "had"},
    {"do", "did", "done"},
    {"write", "wrote", "written"},
    {"draw", "drew", "drawn"},
    {"throw", "threw", "thrown"},
    {"overthrow", "overthrew", "overthrown"},
    {"spend", "spent", "spent"},
    {"lend", "lent", "lent"},
    {"stand", "stood", "stood"},
    {"hit", "hit", "hit"},
    {"put", "put", "put"},
    {"set", "set", "set"},
    {"cut", "cut", "cut"},
    {"build", "built", "built"},
    {"keep", "kept", "kept"},
    {"leave", "left", "left"},
    {"pay", "paid", "paid"},
    {"shake", "shook", "shaken"},
    {"swear", "swore", "sworn"},
    {"think", "thought", "thought"},
    {"fly", "flew", "flown"},
    {"rise", "rose", "risen"},
    {"flee", "fled", "fled"},
    {"steal", "stole", "stolen"},
    {"forgive", "forgave", "forgiven"},
    {"overrun", "overran", "overrun"},
    {"run", "ran", "run"},
    {"understand", "understood", "understood"},
    {"undertake", "undertook", "undertaken"},
    {"sink", "sank", "sunk"},
    {"tear", "tore", "torn"},
    {"bear", "bore", "borne"},
    {"shed", "shed", "shed"},
    {"bid", "bid", "bid"},
}};

// Verbs stressed on a final consonant-vowel-consonant syllable double it: "expelled".
constexpr std::array<std::string_view, 32> kDoubling = {
    "commit", "admit",  "regret", "refer", "prefer", "occur",  "control", "patrol",
    "expel",  "compel", "propel", "rebut", "submit", "permit", "omit",    "transmit",
    "acquit", "equip",  "deter",  "incur", "confer", "defer",  "abet",    "annul",
    "ban",    "plan",   "stop",   "step",  "drop",   "ship",   "rob",     "shun"};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool Doubles(std::string_view lemma) {
  for (std::string_view d : kDoubling) {
    if (d == lemma) return true;
  }
  return false;
}

}  // namespace

VerbForms Inflect(std::string_view lemma) {
  const std::string w(lemma);
  VerbForms f;
  const char last = w.empty() ? ' ' : w.back();
  const char before = w.size() > 1 ? w[w.size() - 2] : ' ';
  if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") ||
      w.ends_with("sh")) {
    f.third = w + "es";
  } else if (last == 'y' && !IsVowel(before)) {
    f.third = w.substr(0, w.size() - 1) + "ies";
  } else {
    f.third = w + "s";
  }
  const std::string doubled = Doubles(w) ? w + last : w;
  if (last == 'e') {
    f.past = w + "d";
    f.gerund = (w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe"))
                   ? w + "ing"
                   : w.substr(0, w.size() - 1) + "ing";
    if (w.ends_with("ie")) f.gerund = w.substr(0, w.size() - 2) + "ying";
  } else if (last == 'y' && !IsVowel(before)) {
    f.past = w.substr(0, w.size() - 1) + "ied";
    f.gerund = w + "ing";
  } else {
    f.past = doubled + "ed";
    f.gerund = doubled + "ing";
  }
  f.participle = f.past;
  for (const Irregular& irr : kIrregular) {
    if (irr.lemma == w) {
      f.past = irr.past;
      f.participle = irr.participle;
    }
  }
  return f;
}

std::string Pluralize(std::string_view noun) {
  std::string w(noun);
  if (w.ends_with("s")) return w;
  if (w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") || w.ends_with("sh")) {
    return w + "es";
  }
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

}  // namespace dyad::text
