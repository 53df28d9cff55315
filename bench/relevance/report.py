"""The results table: configurations x collections x metrics, with per-query
win/tie/loss counts and a significance test against the baseline."""

from __future__ import annotations

from .metrics import METRICS, Comparison, Evaluation, compare

HEADERS = {"map": "MAP", "ndcg@10": "nDCG@10", "p@10": "P@10", "r@100": "R@100", "mrr": "MRR"}


def rows(evaluations: dict[str, Evaluation], baseline: str) -> list[list[str]]:
    """One row per configuration: metrics, relative MAP change, AP wins/ties/losses and
    the randomisation-test p-value of the MAP difference, all against `baseline`."""
    base = evaluations.get(baseline)
    out = []
    for name, ev in evaluations.items():
        means = ev.means()
        row = [name] + [f"{means[m]:.4f}" for m in METRICS]
        if base is None or name == baseline:
            row += ["", "", ""]
        else:
            cmp: Comparison = compare(ev, base, "map")
            base_map = base.mean("map")
            gain = (means["map"] - base_map) / base_map * 100 if base_map else 0.0
            p = "<0.001" if cmp.p_value < 0.001 else f"{cmp.p_value:.3f}"
            row += [f"{gain:+.1f}%", f"{cmp.wins}/{cmp.ties}/{cmp.losses}", p]
        out.append(row)
    return out


def header() -> list[str]:
    return ["configuration"] + [HEADERS[m] for m in METRICS] + ["MAP vs base", "AP W/T/L", "p"]


def markdown(table: list[list[str]]) -> str:
    head = header()
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in table]
    return "\n".join(lines) + "\n"


def plain(table: list[list[str]]) -> str:
    head = header()
    widths = [max(len(r[i]) for r in [head] + table) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(head)] + [fmt(r) for r in table]) + "\n"
