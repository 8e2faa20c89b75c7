#include "text/inflection.h"

#include <array>

namespace dyad::text {
namespace {

struct Irregular {
  std::string_view lemma, past, participle;
};

constexpr std::array<Irregular, 152> kIrregular = {{
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
    {"bind", "bound", "bound"},
    {"blow", "blew", "blown"},
    {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"},
    {"deal", "dealt", "dealt"},
    {"dig", "dug", "dug"},
    {"drive", "drove", "driven"},
    {"fall", "fell", "fallen"},
    {"feed", "fed", "fed"},
    {"feel", "felt", "felt"},
    {"find", "found", "found"},
    {"forget", "forgot", "forgotten"},
    {"get", "got", "got"},
    {"grow", "grew", "grown"},
    {"hang", "hanged", "hanged"},
    {"hear", "heard", "heard"},
    {"hide", "hid", "hidden"},
    {"know", "knew", "known"},
    {"lay", "laid", "laid"},
    {"light", "lit", "lit"},
    {"mean", "meant", "meant"},
    {"overtake", "overtook", "overtaken"},
    {"ride", "rode", "ridden"},
    {"show", "showed", "shown"},
    {"sit", "sat", "sat"},
    {"slay", "slew", "slain"},
    {"spread", "spread", "spread"},
    {"stick", "stuck", "stuck"},
    {"sweep", "swept", "swept"},
    {"teach", "taught", "taught"},
    {"wear", "wore", "worn"},
    {"withhold", "withheld", "withheld"},
    {"uphold", "upheld", "upheld"},
    {"override", "overrode", "overridden"},
    {"mislead", "misled", "misled"},
    {"oversee", "oversaw", "overseen"},
    {"undergo", "underwent", "undergone"},
    {"forgo", "forwent", "forgone"},
    {"rebuild", "rebuilt", "rebuilt"},
    {"retake", "retook", "retaken"},
    {"shut", "shut", "shut"},
    {"quit", "quit", "quit"},
    {"rid", "rid", "rid"},
    {"let", "let", "let"},
    {"broadcast", "broadcast", "broadcast"},
    {"cast", "cast", "cast"},
    {"upset", "upset", "upset"},
    {"hurt", "hurt", "hurt"},
    {"burst", "burst", "burst"},
    {"thrust", "thrust", "thrust"},
    {"bleed", "bled", "bled"},
    {"withstand", "withstood", "withstood"},
    {"mistake", "mistook", "mistaken"},
    {"beset", "beset", "beset"},
    {"foresee", "foresaw", "foreseen"},
    {"outbid", "outbid", "outbid"},
    {"spit", "spat", "spat"},
    {"sting", "stung", "stung"},
    {"swing", "swung", "swung"},
    {"wake", "woke", "woken"},
    {"wind", "wound", "wound"},
    {"overhear", "overheard", "overheard"},
    {"overcome", "overcame", "overcome"},
    {"become", "became", "become"},
    {"arise", "arose", "arisen"},
    {"awake", "awoke", "awoken"},
    {"forsake", "forsook", "forsaken"},
    {"grind", "ground", "ground"},
    {"read", "read", "read"},
    {"ring", "rang", "rung"},
    {"sing", "sang", "sung"},
    {"shine", "shone", "shone"},
    {"shrink", "shrank", "shrunk"},
    {"slide", "slid", "slid"},
    {"split", "split", "split"},
    {"spin", "spun", "spun"},
    {"stride", "strode", "stridden"},
    {"strive", "strove", "striven"},
    {"swim", "swam", "swum"},
    {"tread", "trod", "trodden"},
    {"weep", "wept", "wept"},
    {"rewrite", "rewrote", "rewritten"},
    {"outrun", "outran", "outrun"},
    {"overdo", "overdid", "overdone"},
    {"forecast", "forecast", "forecast"},
    {"bet", "bet", "bet"},
    {"offset", "offset", "offset"},
    {"input", "input", "input"},
    {"overhang", "overhung", "overhung"},
    {"sneak", "snuck", "snuck"},
}};

// Verbs stressed on a final consonant-vowel-consonant syllable double it: "expelled".
constexpr std::array<std::string_view, 48> kDoubling = {
    "commit", "admit",  "regret", "refer", "prefer", "occur",  "control", "patrol",
    "expel",  "compel", "propel", "rebut", "submit", "permit", "omit",    "transmit",
    "acquit", "equip",  "deter",  "incur", "confer", "defer",  "abet",    "annul",
    "ban",    "plan",   "stop",   "step",  "drop",   "ship",   "rob",     "shun",
    "kidnap", "dispel", "repel",  "embed", "rebel",  "extol",  "enrol",   "instil",
    "outstrip", "remit", "worship", "handicap", "format", "overstep", "unplug", "offset"};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// A word of one syllable ending in a single vowel and a consonant doubles it ("slam",
// "stab", "grab"), as do the listed longer verbs stressed on their last syllable.
bool Doubles(std::string_view lemma) {
  for (std::string_view d : kDoubling) {
    if (d == lemma) return true;
  }
  const size_t n = lemma.size();
  if (n < 3) return false;
  const char last = lemma[n - 1];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y' || !IsVowel(lemma[n - 2]) ||
      IsVowel(lemma[n - 3])) {
    return false;
  }
  int groups = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsVowel(lemma[i]) && (i == 0 || !IsVowel(lemma[i - 1]))) ++groups;
  }
  return groups == 1;
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
