#!/usr/bin/env python3
"""Generate a synthetic news corpus for dyad ingest benchmarks.

What it generates
    JSONL, one article a line, in the corpus format that ``dyad extract`` and
    ``dyad ingest`` read (docs/input.md)::

        {"id": "...", "title": "...", "text": "...", "date": "YYYY-MM-DD",
         "url": "...", "source": "..."}

    Every article has an event-free headline ("Diplomatic roundup" and
    variations) and a text of ``--per-article`` sentences. Each sentence names
    two states and one verb ("France criticized Germany on Monday.", "Japan
    warned North Korea.", "Spain urged Italy to act."), so it codes to exactly
    one event. The last article holds the remainder, so the corpus has exactly
    ``--events`` event sentences. Actors are drawn with Zipf-like weights (a
    few dyads, such as United States -> China, are very frequent, most are
    rare), verbs with fixed weights, and publication dates uniformly from
    ``--days`` days starting at ``--start``; some sentences carry a weekday
    ("on Monday"), which dyad resolves against the publication date.

    ``dyad extract`` writes exactly ``--events`` events. ``dyad ingest`` stores
    that many mentions; its ``events`` table holds somewhat fewer rows, because
    sentences with the same source, target, CAMEO code and date count as one
    real-world event (about 947,000 for the default 1,000,000, seed 1).

Why
    To benchmark ``dyad ingest`` (coding plus the knowledge-graph store, see
    docs/store.md) on a corpus of 1,000,000 events, with a realistic skew of
    actors and dyads and a known event count. Every country name, verb
    template and headline below was checked against the built binary: each
    sentence yields one event with the expected source, action and target;
    headlines yield none.

How to run
    The output depends only on the arguments: the same seed gives the same
    corpus. For example::

        python3 tools/bench/gen_corpus.py --events 1000000 \\
            --out /tmp/gen-1m.jsonl \\
            && build/dyad ingest /tmp/gen-1m.jsonl --db /tmp/gen-1m.db

    A quick check that the count holds::

        python3 tools/bench/gen_corpus.py --events 5000 --out /tmp/gen-5k.jsonl
        build/dyad extract /tmp/gen-5k.jsonl | wc -l    # 5000

Only the Python 3 standard library is used.
"""

import argparse
import datetime
import itertools
import json
import random
import sys

DEFAULT_EVENTS = 1_000_000
DEFAULT_PER_ARTICLE = 10
DEFAULT_SEED = 1
DEFAULT_START = "2010-01-01"
DEFAULT_DAYS = 5475  # 15 years

# States, most newsworthy first: (name as written mid-sentence, CAMEO code
# dyad gives it). The code documents what dyad must extract; the generator
# writes only names, capitalized at the start of a sentence.
COUNTRIES = (
    ("the United States", "USA"),
    ("China", "CHN"),
    ("Russia", "RUS"),
    ("Britain", "GBR"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("Japan", "JPN"),
    ("India", "IND"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("Ukraine", "UKR"),
    ("Turkey", "TUR"),
    ("North Korea", "PRK"),
    ("South Korea", "KOR"),
    ("Pakistan", "PAK"),
    ("Saudi Arabia", "SAU"),
    ("Syria", "SYR"),
    ("Iraq", "IRQ"),
    ("Afghanistan", "AFG"),
    ("Brazil", "BRA"),
    ("Canada", "CAN"),
    ("Italy", "ITA"),
    ("Spain", "ESP"),
    ("Mexico", "MEX"),
    ("Australia", "AUS"),
    ("Egypt", "EGY"),
    ("Poland", "POL"),
    ("Belarus", "BLR"),
    ("Venezuela", "VEN"),
    ("Cuba", "CUB"),
    ("Qatar", "QAT"),
    ("Lebanon", "LBN"),
    ("Jordan", "JOR"),
    ("Taiwan", "TWN"),
    ("Vietnam", "VNM"),
    ("Indonesia", "IDN"),
    ("the Philippines", "PHL"),
    ("Nigeria", "NGA"),
    ("South Africa", "ZAF"),
    ("Ethiopia", "ETH"),
    ("Kenya", "KEN"),
    ("Argentina", "ARG"),
    ("Colombia", "COL"),
    ("Chile", "CHL"),
    ("Peru", "PER"),
    ("Greece", "GRC"),
    ("Sweden", "SWE"),
    ("Norway", "NOR"),
    ("Finland", "FIN"),
    ("the Netherlands", "NLD"),
    ("Belgium", "BEL"),
    ("Austria", "AUT"),
    ("Switzerland", "CHE"),
    ("Hungary", "HUN"),
    ("Serbia", "SRB"),
    ("Armenia", "ARM"),
    ("Azerbaijan", "AZE"),
    ("Kazakhstan", "KAZ"),
    ("Thailand", "THA"),
    ("Morocco", "MAR"),
)

# Exponent of the Zipf weights 1 / rank**s given to COUNTRIES, as source and
# as target: with 60 states and s = 1, the top state is in ~21% of the
# sentences on each side and the top dyad in ~2%.
ZIPF_EXPONENT = 1.0

# Event sentences: (template, dyad action, relative weight). {src} and {tgt}
# are country names; {when} is "" or " on <weekday>".
TEMPLATES = (
    ("{src} met with {tgt}{when}.", "meet", 12),
    ("{src} criticized {tgt}{when}.", "criticize", 10),
    ("{src} held talks with {tgt}{when}.", "discuss", 9),
    ("{src} praised {tgt}{when}.", "praise", 8),
    ("{src} warned {tgt}{when}.", "warn", 8),
    ("{src} accused {tgt}{when}.", "accuse", 7),
    ("{src} urged {tgt} to act{when}.", "urge", 7),
    ("{src} condemned {tgt}{when}.", "criticize", 6),
    ("{src} supported {tgt}{when}.", "support", 6),
    ("{src} signed an agreement with {tgt}{when}.", "sign", 5),
    ("{src} called on {tgt} to show restraint{when}.", "appeal", 5),
    ("{src} threatened {tgt} with sanctions{when}.", "threaten", 4),
    ("{src} congratulated {tgt}{when}.", "congratulate", 4),
    ("{src} hosted {tgt}{when}.", "host", 3),
    ("{src} sanctioned {tgt}{when}.", "sanction", 2),
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday")
WEEKDAY_SHARE = 0.3  # share of sentences that say "on <weekday>"

# Event-free headlines: every "<prefix> <noun>" combination.
HEADLINE_PREFIXES = ("Diplomatic", "World", "Regional", "International",
                     "Global", "Foreign affairs")
HEADLINE_NOUNS = ("roundup", "digest", "briefing", "bulletin", "review",
                  "wrap")
HEADLINES = tuple(f"{prefix} {noun}" for prefix, noun
                  in itertools.product(HEADLINE_PREFIXES, HEADLINE_NOUNS))

# Publishers, on the reserved .example top-level domain so that none is a
# known publisher with a default actor.
SOURCES = ("globalwire.example", "dailyherald.example", "worldpost.example",
           "capitalnews.example", "theobserver.example")


def zipf_cum_weights(count, exponent):
    """Cumulative weights 1 / rank**exponent for ranks 1..count."""
    return list(itertools.accumulate(
        1.0 / rank ** exponent for rank in range(1, count + 1)))


class CorpusGenerator:
    """Draws articles from a seeded random number generator."""

    def __init__(self, seed, start, days, per_article):
        self._rng = random.Random(seed)
        self._seed = seed
        self._start = start
        self._days = days
        self._per_article = per_article
        self._names = [name for name, _ in COUNTRIES]
        self._country_cum = zipf_cum_weights(len(COUNTRIES), ZIPF_EXPONENT)
        self._templates = [template for template, _, _ in TEMPLATES]
        self._template_cum = list(itertools.accumulate(
            weight for _, _, weight in TEMPLATES))

    def _country(self):
        return self._rng.choices(self._names,
                                 cum_weights=self._country_cum)[0]

    def sentence(self):
        """One event sentence: two different states and one verb."""
        source = self._country()
        target = self._country()
        while target == source:  # dyad codes no event of a state on itself
            target = self._country()
        template = self._rng.choices(self._templates,
                                     cum_weights=self._template_cum)[0]
        when = ""
        if self._rng.random() < WEEKDAY_SHARE:
            when = " on " + self._rng.choice(WEEKDAYS)
        sentence = template.format(src=source, tgt=target, when=when)
        return sentence[0].upper() + sentence[1:]

    def article(self, number, sentences):
        """Article `number` (0-based) with `sentences` event sentences."""
        article_id = f"gen-{self._seed}-{number:08d}"
        date = self._start + datetime.timedelta(
            days=self._rng.randrange(self._days))
        source = self._rng.choice(SOURCES)
        return {
            "id": article_id,
            "title": self._rng.choice(HEADLINES),
            "text": " ".join(self.sentence() for _ in range(sentences)),
            "date": date.isoformat(),
            "url": f"https://{source}/{date:%Y/%m/%d}/{article_id}",
            "source": source,
        }

    def articles(self, events):
        """(article, its event sentences) pairs, `events` sentences in all."""
        for number, first in enumerate(range(0, events, self._per_article)):
            sentences = min(self._per_article, events - first)
            yield self.article(number, sentences), sentences


def iso_date(text):
    """argparse type: a YYYY-MM-DD date."""
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a YYYY-MM-DD date: {text!r}") from None


def int_at_least(minimum):
    """argparse type: an integer of at least `minimum`."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"not an integer: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Write a synthetic news corpus (JSONL) with a known "
                    "number of events, for dyad ingest benchmarks.")
    parser.add_argument("--events", type=int_at_least(0), metavar="N",
                        default=DEFAULT_EVENTS,
                        help="number of event sentences, hence coded events "
                             "(default: %(default)s)")
    parser.add_argument("--per-article", type=int_at_least(1), metavar="K",
                        default=DEFAULT_PER_ARTICLE,
                        help="event sentences per article "
                             "(default: %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help="random seed (default: %(default)s)")
    parser.add_argument("--start", type=iso_date, metavar="DATE",
                        default=iso_date(DEFAULT_START),
                        help="first publication date (default: "
                             f"{DEFAULT_START})")
    parser.add_argument("--days", type=int_at_least(1), metavar="DAYS",
                        default=DEFAULT_DAYS,
                        help="publication dates spread over this many days "
                             "(default: %(default)s)")
    parser.add_argument("--out", metavar="FILE",
                        help="output file (default: standard output)")
    return parser.parse_args(argv)


def write_corpus(args, out):
    """Writes the corpus to `out`; returns (articles, event sentences)."""
    generator = CorpusGenerator(args.seed, args.start, args.days,
                                args.per_article)
    articles = events = 0
    for article, sentences in generator.articles(args.events):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        articles += 1
        events += sentences
    return articles, events


def main(argv=None):
    args = parse_args(argv)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="\n") as out:
            articles, events = write_corpus(args, out)
    else:
        articles, events = write_corpus(args, sys.stdout)
    print(f"gen_corpus: {articles} articles written, "
          f"{events} event sentences written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
