"""Seeded synthetic news articles shaped like the real corpus, streamed as JSON Lines.

The model is read from the real corpus's news.jsonl (make-news-corpus.py's output):
  - the vocabulary with each word's frequency, for titles and bodies separately; a word is
    a whitespace-separated token as written ("Minister", "said,", "1987."), so case,
    punctuation and sentence ends keep their real rates and snippets still find sentences;
  - every article's shape: title length, body length (words) and paragraph count, drawn
    together so their joint distribution is the real one;
  - the sources, with the shape they came with.
Words are drawn independently (a unigram model): term statistics and postings sizes grow
as in the real archive, phrases occur only by chance. Each article gets a date, uniform
over 1987-2024, so date filters select a real share.

The output depends only on the model and the seed (random.Random(seed), no hashing of
str, sorted tables), and articles are written one at a time: 1M articles need no more
memory than the model (about 100 MB for the 48k-article corpus).

  python3 -m perf.synth --model bench/data/news.jsonl --articles 100000 --seed 1 --out synth.jsonl
"""
import argparse
import bisect
import collections
import datetime
import itertools
import json
import os
import random
import sys

FIRST_DAY = datetime.date(1987, 1, 1).toordinal()
LAST_DAY = datetime.date(2024, 12, 31).toordinal()


class Model:
    """Word tables and article shapes of a corpus."""

    def __init__(self, title_counts, body_counts, shapes):
        # Sorted by falling count, then by word, so the tables do not depend on input order.
        def table(counts):
            items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            words = [w for w, _ in items]
            cum = list(itertools.accumulate(c for _, c in items))
            return words, cum
        self.title_words, self.title_cum = table(title_counts)
        self.body_words, self.body_cum = table(body_counts)
        self.shapes = sorted(shapes)  # (title_len, body_len, paragraphs, source)

    @classmethod
    def from_jsonl(cls, path):
        title_counts, body_counts = collections.Counter(), collections.Counter()
        shapes = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                title = d.get("title", "").split()
                body_text = d.get("body", "")
                body = body_text.split()
                if not body:
                    continue
                paragraphs = max(1, sum(1 for p in body_text.split("\n") if p.strip()))
                title_counts.update(title)
                body_counts.update(body)
                shapes.append((len(title), len(body), min(paragraphs, len(body)), d.get("source", "")))
        if not shapes:
            raise ValueError("%s holds no article with a body" % path)
        return cls(title_counts, body_counts, shapes)


def _draw(rng, words, cum, k):
    # random.choices(cum_weights=...) is a bisect per word; this is the same, spelled out
    # so the stream does not change if random.choices' internals do.
    total = cum[-1]
    return [words[bisect.bisect_right(cum, rng.random() * total)] for _ in range(k)]


def articles(model, n, seed):
    """Yields n article dicts: {"id", "title", "body", "source", "date"}."""
    rng = random.Random(seed)
    width = len(str(max(n, 1)))
    for i in range(n):
        title_len, body_len, paragraphs, source = model.shapes[rng.randrange(len(model.shapes))]
        title = _draw(rng, model.title_words, model.title_cum, max(title_len, 1))
        body = _draw(rng, model.body_words, model.body_cum, body_len)
        # Paragraph breaks at evenly spread places: the real paragraph count, real text between.
        cuts = sorted(rng.sample(range(1, body_len), paragraphs - 1)) if paragraphs > 1 else []
        paras = [" ".join(body[a:b]) for a, b in zip([0] + cuts, cuts + [body_len])]
        day = datetime.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
        yield {"id": "synth-%0*d" % (width, i + 1), "title": " ".join(title),
               "body": "\n\n".join(paras), "source": source, "date": day.isoformat()}


def write(model, n, seed, out):
    """Writes n articles as JSON Lines to the file object out; returns the bytes written."""
    size = 0
    for d in articles(model, n, seed):
        line = json.dumps(d, ensure_ascii=False) + "\n"
        out.write(line)
        size += len(line.encode("utf-8"))
    return size


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="the real corpus's news.jsonl")
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output .jsonl ('-' for standard output)")
    a = ap.parse_args(argv)
    model = Model.from_jsonl(a.model)
    if a.out == "-":
        size = write(model, a.articles, a.seed, sys.stdout)
    else:
        # Written beside and renamed, so an interrupted run never leaves a short file behind.
        with open(a.out + ".tmp", "w", encoding="utf-8", newline="\n") as out:
            size = write(model, a.articles, a.seed, out)
        os.replace(a.out + ".tmp", a.out)
    print("synth: %d articles, %.1f MB, seed %d, vocabulary %d body / %d title words"
          % (a.articles, size / 1e6, a.seed, len(model.body_words), len(model.title_words)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
