"""Retrieval metrics with trec_eval's conventions.

- A document is relevant when its judgment is >= 1; unjudged documents count as
  non-relevant. Graded judgments are the gains of nDCG (trec_eval's ndcg_cut: gain =
  grade, discount log2(rank + 1), ideal ranking from all judged documents).
- A query with no relevant document cannot be scored: it is left out of every
  average, and counted (Evaluation.unscored).
- A query with relevant documents but no results scores 0 on every metric (trec_eval
  -c), so a system cannot gain by answering nothing.
- P@k divides by k even when fewer than k documents were returned.

Names follow trec_eval: map, ndcg_cut_10, P_10, recall_100, recip_rank.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence

# Order of the columns in reports.
METRICS = ("map", "ndcg@10", "p@10", "r@100", "mrr")


def average_precision(ranking: Sequence[str], judged: Mapping[str, int]) -> float:
    relevant = sum(1 for g in judged.values() if g >= 1)
    if relevant == 0:
        return 0.0
    found, total = 0, 0.0
    for rank, docno in enumerate(ranking, start=1):
        if judged.get(docno, 0) >= 1:
            found += 1
            total += found / rank
    return total / relevant


def ndcg_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    ideal_gains = sorted((g for g in judged.values() if g >= 1), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(ideal_gains))
    if ideal == 0:
        return 0.0
    dcg = sum(max(judged.get(d, 0), 0) / math.log2(i + 2) for i, d in enumerate(ranking[:k]))
    return dcg / ideal


def precision_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    return sum(1 for d in ranking[:k] if judged.get(d, 0) >= 1) / k


def recall_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    relevant = sum(1 for g in judged.values() if g >= 1)
    if relevant == 0:
        return 0.0
    return sum(1 for d in ranking[:k] if judged.get(d, 0) >= 1) / relevant


def reciprocal_rank(ranking: Sequence[str], judged: Mapping[str, int]) -> float:
    for rank, docno in enumerate(ranking, start=1):
        if judged.get(docno, 0) >= 1:
            return 1.0 / rank
    return 0.0


def query_metrics(ranking: Sequence[str], judged: Mapping[str, int]) -> dict[str, float]:
    return {
        "map": average_precision(ranking, judged),
        "ndcg@10": ndcg_at(ranking, judged, 10),
        "p@10": precision_at(ranking, judged, 10),
        "r@100": recall_at(ranking, judged, 100),
        "mrr": reciprocal_rank(ranking, judged),
    }


@dataclasses.dataclass
class Evaluation:
    per_query: dict[str, dict[str, float]]  # scored queries only
    unscored: list[str]                     # queries without a relevant document

    def mean(self, metric: str) -> float:
        if not self.per_query:
            return 0.0
        return sum(m[metric] for m in self.per_query.values()) / len(self.per_query)

    def means(self) -> dict[str, float]:
        return {metric: self.mean(metric) for metric in METRICS}


def evaluate(run: Mapping[str, Sequence[str]], qrels: Mapping[str, Mapping[str, int]],
             queries: Sequence[str] = ()) -> Evaluation:
    """Scores every query of `queries`, the qrels and the run (in id order)."""
    per_query: dict[str, dict[str, float]] = {}
    unscored: list[str] = []
    for qid in sorted(set(qrels) | set(run) | set(queries), key=_id_key):
        judged = qrels.get(qid, {})
        if not any(g >= 1 for g in judged.values()):
            unscored.append(qid)
            continue
        per_query[qid] = query_metrics(run.get(qid, []), judged)
    return Evaluation(per_query, unscored)


@dataclasses.dataclass
class Comparison:
    wins: int
    ties: int
    losses: int
    p_value: float  # two-sided paired randomisation test on the mean difference


def compare(system: Evaluation, baseline: Evaluation, metric: str = "map",
            trials: int = 5000, seed: int = 8) -> Comparison:
    """Per-query wins, ties and losses of `system` against `baseline` on queries both
    scored, with a paired randomisation test (fixed seed: reproducible)."""
    import random

    shared = sorted(set(system.per_query) & set(baseline.per_query))
    diffs = [system.per_query[q][metric] - baseline.per_query[q][metric] for q in shared]
    eps = 1e-12
    wins = sum(1 for d in diffs if d > eps)
    losses = sum(1 for d in diffs if d < -eps)
    if not diffs:
        return Comparison(0, 0, 0, 1.0)
    observed = abs(sum(diffs))
    rng = random.Random(seed)
    extreme = 0
    for _ in range(trials):
        total = sum(d if rng.random() < 0.5 else -d for d in diffs)
        if abs(total) >= observed - eps:
            extreme += 1
    return Comparison(wins, len(diffs) - wins - losses, losses, (extreme + 1) / (trials + 1))


def _id_key(value: str) -> tuple[int, int | str]:
    return (0, int(value)) if value.isdigit() else (1, value)
