"""Scoring of extracted main text as trafilatura's evaluation defines it (see
../shared/corpora/trafilatura-eval/README.md): per page, every "with" segment found in the
text is a true positive, every one missing a false negative; every "without" segment found
is a false positive, every one missing a true negative. Sums over all pages give precision,
recall, accuracy and F. White space is squeezed in the segments and the text alike (the
stored body joins paragraphs with newlines, the segments were cut from rendered text)."""

import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalise(text):
    return _SPACE.sub(" ", text or "").strip()


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    found_with: list = field(default_factory=list)      # per "with" segment: found?
    found_without: list = field(default_factory=list)   # per "without" segment: found?

    def add(self, other):
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def accuracy(self):
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    def f_score(self):
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def errors(self):
        return self.fn + self.fp


def score_page(text, with_segments, without_segments):
    """Counts for one page; `text` None (nothing extracted) misses every "with" segment
    and finds no "without" segment."""
    c = Counts()
    body = normalise(text) if text is not None else None
    for seg in with_segments:
        hit = body is not None and normalise(seg) in body
        c.found_with.append(hit)
        c.tp += hit
        c.fn += not hit
    for seg in without_segments:
        hit = body is not None and normalise(seg) in body
        c.found_without.append(hit)
        c.fp += hit
        c.tn += not hit
    return c


def cause(text, with_segments, without_segments, counts, problem=None):
    """One line saying what went wrong on a page, from what was and was not found."""
    def quote(s):
        s = normalise(s)
        return '"' + (s[:50] + "..." if len(s) > 50 else s) + '"'
    if text is None:
        return "skipped: " + (problem or "no article stored")
    parts = []
    if with_segments and counts.tp == 0:
        parts.append("article lost: none of the %d expected segments in the %d stored characters"
                     % (len(with_segments), len(normalise(text))))
    else:
        missed = [s for s, hit in zip(with_segments, counts.found_with) if not hit]
        if missed:
            first = counts.found_with and not counts.found_with[0]
            last = counts.found_with and not counts.found_with[-1]
            where = "start" if first and not last else "end" if last and not first else "parts"
            parts.append("missed %d (%s), e.g. %s" % (len(missed), where, quote(missed[0])))
    kept = [s for s, hit in zip(without_segments, counts.found_without) if hit]
    if kept:
        parts.append("kept %d furniture segment(s), e.g. %s" % (len(kept), quote(kept[0])))
    return "; ".join(parts) or "ok"


_DATE_MARKUP = re.compile(
    r'datePublished|dateModified|dateCreated|article:published_time|og:published_time|'
    r'<time[^>]+datetime=|name=["\'](?:dc\.date|dcterms\.(?:date|created|issued)|date|pubdate|publishdate|'
    r'publish-date|sailthru\.date|parsely-pub-date)["\']', re.I)


def page_carries_date(html):
    """True when the raw page has date markup of its own (an independent, textual check:
    JSON-LD/microdata date properties, Open Graph, Dublin Core and date meta tags, <time>)."""
    return _DATE_MARKUP.search(html) is not None


_HTML_LANG = re.compile(r'<html[^>]*\slang=["\']?([A-Za-z]{2,3})', re.I)


def declared_language(html):
    m = _HTML_LANG.search(html)
    return m.group(1).lower() if m else ""
