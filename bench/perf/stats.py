"""The report's arithmetic: medians, percentiles and ratios, kept apart so they are tested."""
import math
import statistics


def median(values):
    """The median of a non-empty sequence; None for an empty one (a run that did not happen)."""
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values, p):
    """The p-th percentile (0-100) by linear interpolation between closest ranks, as
    numpy's default and hyperfine do: percentile([1, 2, 3, 4], 50) == 2.5."""
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return None
    if not 0 <= p <= 100:
        raise ValueError("percentile %r is not within 0..100" % p)
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def ratio(a, b):
    """a / b, or None when either is missing or b is zero (shown as a dash, never as inf)."""
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_ratio(r, digits=2):
    return "–" if r is None else ("%.*f×" % (digits, r))


def fmt_num(x, digits=0):
    """Thousands separated, `digits` decimals; a dash for a missing value."""
    if x is None:
        return "–"
    return "{:,.{}f}".format(x, digits)
