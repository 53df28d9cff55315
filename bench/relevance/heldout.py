"""Leave-one-collection-out choice of Newsdex's defaults, so that the figures reported
are those of a setting chosen without looking at the collection it is scored on.

For each collection H in turn, every candidate configuration is scored on the other
collections only: the geometric mean, over those collections and over the query forms
(verbose and short, lower case), of its MAP divided by the better peer's MAP on the same
queries. The candidate with the best score is H's choice, and H's figures (every query
form, upper case included) are reported for it. The product's default should be a
candidate that the folds choose, not one picked on all four at once.
"""

from __future__ import annotations

import math

# Query forms of one collection, as named by the harness (see variant_names).
FORMS = ("verbose", "short", "verbose-upper", "short-upper")
TUNED_ON = ("verbose", "short")  # upper case is a check, not something to tune on


def variant_name(collection: str, form: str) -> str:
    return collection if form == "verbose" else f"{collection}-{form}"


def better_peer(means: dict[str, dict[str, float]], peers: list[str], metric: str) -> float:
    return max((means[p][metric] for p in peers if p in means), default=0.0)


def fold_score(table: dict, collections: list[str], config: str, peers: list[str]) -> float:
    """Geometric mean of MAP / better peer's MAP over `collections` x TUNED_ON."""
    logs = []
    for col in collections:
        for form in TUNED_ON:
            means = table.get(variant_name(col, form))
            if not means or config not in means:
                return -math.inf
            peer = better_peer(means, peers, "map")
            if peer <= 0 or means[config]["map"] <= 0:
                return -math.inf
            logs.append(math.log(means[config]["map"] / peer))
    return math.exp(sum(logs) / len(logs)) if logs else -math.inf


def choose(table: dict, collections: list[str], candidates: list[str], peers: list[str]) -> dict[str, dict]:
    """{held-out collection: {"choice": config, "train_score": ratio}} for every collection."""
    out = {}
    for held in collections:
        train = [c for c in collections if c != held]
        scored = [(fold_score(table, train, c, peers), c) for c in candidates]
        best_score, best = max(scored, key=lambda sc: (sc[0], -candidates.index(sc[1])))
        out[held] = {"choice": best, "train_score": best_score}
    return out


def rows(table: dict, collections: list[str], choices: dict[str, dict], peers: list[str]) -> list[list[str]]:
    """One row per collection and query form: the held-out choice's MAP, nDCG@10 and P@10
    with each as a ratio to the better peer, and upper case against lower case."""
    out = []
    for col in collections:
        choice = choices[col]["choice"]
        for form in FORMS:
            means = table.get(variant_name(col, form))
            if not means or choice not in means:
                continue
            m = means[choice]
            cells = [col, form, choice]
            for metric in ("map", "ndcg@10", "p@10"):
                peer = better_peer(means, peers, metric)
                cells += [f"{m[metric]:.4f}", f"{peer:.4f}", f"{m[metric] / peer:.3f}x" if peer else ""]
            lower = table.get(variant_name(col, form.replace("-upper", "")), {}).get(choice)
            cells.append(f"{(m['map'] / lower['map'] - 1) * 100:+.1f}%" if "upper" in form and lower and lower["map"]
                         else "")
            out.append(cells)
    return out


HEADER = ["held out", "queries", "chosen on the other three", "MAP", "peer MAP", "ratio", "nDCG@10", "peer",
          "ratio", "P@10", "peer", "ratio", "upper vs lower MAP"]


def markdown(table_rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(["---"] * 3 + ["---:"] * (len(HEADER) - 3)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in table_rows]
    return "\n".join(lines) + "\n"


def plain(table_rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER] + table_rows) for i in range(len(HEADER))]
    fmt = lambda r: "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(HEADER)] + [fmt(r) for r in table_rows]) + "\n"
