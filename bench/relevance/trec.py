"""TREC formats: qrels (`qid iter docno rel`) and runs (`qid Q0 docno rank score tag`).

Qrels map each query id to {docno: relevance}; relevance >= 1 is relevant, 0 or less
is judged non-relevant (the trec_eval convention). Runs map each query id to its
ranked docnos.
"""

from __future__ import annotations

import math

Qrels = dict[str, dict[str, int]]
Run = dict[str, list[str]]


class TrecFormatError(ValueError):
    """A malformed qrels or run line; the message names the file and line."""


def parse_qrels(text: str, source: str = "<qrels>") -> Qrels:
    """Reads TREC qrels. A pair judged twice keeps the higher grade."""
    qrels: Qrels = {}
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise TrecFormatError(f"{source}:{number}: expected 'qid iter docno rel', got {line.strip()!r}")
        qid, _, docno, rel = parts
        try:
            grade = int(float(rel))
        except ValueError:
            raise TrecFormatError(f"{source}:{number}: relevance {rel!r} is not a number") from None
        judged = qrels.setdefault(qid, {})
        judged[docno] = max(grade, judged.get(docno, grade))
    return qrels


def read_qrels(path: str) -> Qrels:
    with open(path, encoding="utf-8") as f:
        return parse_qrels(f.read(), path)


def format_qrels(qrels: Qrels) -> str:
    lines = []
    for qid in sorted(qrels, key=_id_key):
        for docno in sorted(qrels[qid], key=_id_key):
            lines.append(f"{qid} 0 {docno} {qrels[qid][docno]}\n")
    return "".join(lines)


def format_run(run: Run, tag: str) -> str:
    """TREC run lines. trec_eval orders a query's documents by score, not by the rank
    column, so the score written here falls with rank: the product's order is kept even
    where its own scores are not monotonic (all-words matches before partial ones)."""
    lines = []
    for qid in sorted(run, key=_id_key):
        docnos = run[qid]
        for rank, docno in enumerate(docnos, start=1):
            lines.append(f"{qid} Q0 {docno} {rank} {len(docnos) - rank + 1} {tag}\n")
    return "".join(lines)


def parse_run(text: str, source: str = "<run>") -> Run:
    """Reads a TREC run and orders each query's documents as trec_eval does: by score,
    highest first, ties broken by docno in reverse string order. A document listed twice
    for one query counts once, at its better position."""
    scored: dict[str, list[tuple[float, str]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 6:
            raise TrecFormatError(f"{source}:{number}: expected 'qid Q0 docno rank score tag', got {line.strip()!r}")
        try:
            score = float(parts[4])
        except ValueError:
            raise TrecFormatError(f"{source}:{number}: score {parts[4]!r} is not a number") from None
        if math.isnan(score):
            raise TrecFormatError(f"{source}:{number}: score is NaN")
        scored.setdefault(parts[0], []).append((score, parts[2]))
    run: Run = {}
    for qid, entries in scored.items():
        entries.sort(reverse=True)
        seen: set[str] = set()
        run[qid] = [d for _, d in entries if not (d in seen or seen.add(d))]
    return run


def read_run(path: str) -> Run:
    with open(path, encoding="utf-8") as f:
        return parse_run(f.read(), path)


def _id_key(value: str) -> tuple[int, int | str]:
    """Numeric ids in numeric order, others after them in string order."""
    return (0, int(value)) if value.isdigit() else (1, value)
