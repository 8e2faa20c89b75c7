#!/usr/bin/env python3
"""Generate a large, realistic news corpus by recombining the sentences of a given one.

What it generates
    JSONL articles in dyad's corpus format (docs/input.md), as many as it takes to reach
    ``--size`` bytes: each has a title taken from the source corpus, a text of sentences drawn
    from the source corpus's texts (between ``--min-sentences`` and ``--max-sentences``, kept
    in runs of one to three consecutive sentences so that pronouns and "the two leaders" keep
    some context), a publication date drawn from ``--start`` over ``--days`` days, a new id
    (``gen-N``), a URL and a source taken from the source article of the first sentence.
    Sentences keep their own time words ("on Monday", "in March 2014"), which dyad resolves
    against the new date. The output is written through gzip when ``--out`` ends in ".gz".

Why
    Benchmarks of corpus-scale runs (``dyad extract --jobs``, ``dyad ingest`` of a gigabyte,
    docs/performance.md) need corpora far larger than any the project can ship, made of real
    prose rather than templates: this makes them from the presidential releases in ../shared,
    so that no download is needed. The generated text is not committed.

How to run
    The output depends only on the arguments: the same seed gives the same corpus::

        python3 tools/bench/recombine_corpus.py \\
            ../shared/corpus/presidential-releases/releases-2021-2022.jsonl \\
            --size 1G --out /tmp/gen-1g.jsonl
"""

import argparse
import datetime
import gzip
import json
import random
import re
import sys

# A sentence ends at ., ! or ? (and a closing quote), before a space and a capital or a quote.
SENTENCE_END = re.compile(r'(?<=[.!?])["\u201d\u2019]?\s+(?=["\u201c(]?[A-Z])')


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def load(paths):
    """Titles, (source, url) pairs, and every article's sentences, from JSONL corpora."""
    titles, origins, texts = [], [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                text = record.get("text") or ""
                sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
                if not sentences:
                    continue
                if record.get("title"):
                    titles.append(record["title"])
                texts.append(sentences)
                origins.append((record.get("source", ""), record.get("url", "")))
    return titles, origins, texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="source JSONL corpora")
    parser.add_argument("--size", default="100M", help="bytes to write, e.g. 500M, 1G")
    parser.add_argument("--out", required=True, help="output JSONL (.gz: compressed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-sentences", type=int, default=4)
    parser.add_argument("--max-sentences", type=int, default=24)
    parser.add_argument("--start", default="2015-01-01", help="first publication date")
    parser.add_argument("--days", type=int, default=3650, help="dates span this many days")
    args = parser.parse_args()

    titles, origins, texts = load(args.corpus)
    if not texts:
        sys.exit("recombine_corpus: no article with text in " + " ".join(args.corpus))
    rng = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    target = parse_size(args.size)
    opener = gzip.open if args.out.endswith(".gz") else open
    written, n = 0, 0
    with opener(args.out, "wt", encoding="utf-8") as out:
        while written < target:
            wanted = rng.randint(args.min_sentences, args.max_sentences)
            sentences, first = [], None
            while len(sentences) < wanted:
                k = rng.randrange(len(texts))
                first = k if first is None else first
                run = texts[k]
                at = rng.randrange(len(run))
                sentences.extend(run[at:at + rng.randint(1, 3)])
            source, url = origins[first]
            n += 1
            record = {
                "id": f"gen-{n}",
                "title": rng.choice(titles) if titles else "",
                "text": " ".join(sentences[:wanted]),
                "date": (start + datetime.timedelta(days=rng.randrange(args.days))).isoformat(),
                "url": f"{url}#gen-{n}" if url else f"https://example.invalid/gen/{n}",
                "source": source,
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    print(f"recombine_corpus: {n} articles, {written / 1e6:.1f} MB to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
