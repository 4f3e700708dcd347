#!/usr/bin/env python3
"""Build a large corpus for the cross-article benchmark from the bbc corpus.

Usage: scripts/gen-corpus.py N OUTDIR [--corpus DIR] [--seed S] [--inject P]

Writes N plain-text articles to OUTDIR (nothing is committed: point OUTDIR at a
temp folder). Each article is a bbc article with a dateline added (so no two are
byte-identical and date-aware rules have dates), spread over 100 section folders;
with probability P (0.3) a paragraph is injected that repeats a quotation taken
from another bbc article, either exactly (a correct repeat) or as a variant: one
word changed (wording drift), another speaker (speaker conflict), or the speaker's
name misspelt or hyphenated (name variant). A summary of what was injected is
printed at the end.
"""

import argparse
import datetime
import os
import random
import re
import sys

QUOTE_AFTER = re.compile(r'"([^"\n]{40,300}?),?" said ([A-Z][a-z]+ [A-Z][a-z]+)')
QUOTE_BEFORE = re.compile(r'([A-Z][a-z]+ [A-Z][a-z]+) said: "([^"\n]{40,300}?)"')


def pool_of(texts):
    """(speaker, words) pairs of the corpus: quotations with a named speaker."""
    pool = []
    for t in texts:
        for m in QUOTE_AFTER.finditer(t):
            pool.append((m.group(2), m.group(1)))
        for m in QUOTE_BEFORE.finditer(t):
            pool.append((m.group(1), m.group(2)))
    return pool


def change_word(words, rng):
    ws = words.split()
    cands = [i for i, w in enumerate(ws) if len(w) > 3 and w.isalpha()]
    if not cands:
        return words
    i = rng.choice(cands)
    ws[i] = rng.choice(["never", "always", "really", "certainly", "clearly"])
    return " ".join(ws)


def name_variant(name, rng):
    first, last = name.split(" ", 1)
    if rng.random() < 0.5 and len(last) > 4:
        i = rng.randrange(1, len(last) - 1)
        return f"{first} {last[:i]}{last[i + 1:]}"
    return f"{first} {last[:3]}-{last[3:]}" if len(last) > 5 else f"{first} Mac{last}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "bbc"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inject", type=float, default=0.3)
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        a.corpus = "/work/shared/corpus/bbc"
    names = sorted(f for f in os.listdir(a.corpus) if f.endswith(".txt"))
    texts = []
    for f in names:
        with open(os.path.join(a.corpus, f), encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    pool = pool_of(texts)
    speakers = sorted({s for s, _ in pool})
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    counts = {"exact": 0, "changed-word": 0, "swapped-speaker": 0, "name-variant": 0}
    day0 = datetime.date(2005, 1, 1)
    for i in range(a.n):
        base = texts[i % len(texts)]
        paras = base.split("\n\n")
        date = day0 + datetime.timedelta(days=rng.randrange(0, 365))
        paras.insert(1, date.strftime("%d %B %Y"))
        if pool and rng.random() < a.inject:
            speaker, words = rng.choice(pool)
            how = rng.choice(list(counts))
            if how == "changed-word":
                words = change_word(words, rng)
            elif how == "swapped-speaker":
                speaker = rng.choice(speakers)
            elif how == "name-variant":
                speaker = name_variant(speaker, rng)
            counts[how] += 1
            paras.insert(min(3, len(paras)), f'{speaker} said: "{words}."')
        sub = os.path.join(a.out, f"s{i % 100:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"a{i:06d}.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n\n".join(paras))
    print(f"{a.n} articles in {a.out}; pool of {len(pool)} quotations; injected {counts}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
