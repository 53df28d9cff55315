"""The Newsdex settings the generalisation study (--study) tries, besides the product's
default (`newsdex`). Each is a set of newsdex-search options; the leave-one-collection-
out choice among them (relevance/heldout.py) is what the default is taken from. Kept
small: every candidate is one newsdex-search process per query per query form."""

CANDIDATES = [
    ("k3b5", ["--weighting", "bm25:k1=3,b=0.5", "--no-expand", "--ranking", "prox=0"]),
    ("k12b75", ["--weighting", "bm25:k1=1.2,b=0.75", "--no-expand", "--ranking", "prox=0"]),
    ("k12b75-prox", ["--weighting", "bm25:k1=1.2,b=0.75", "--no-expand"]),
    ("k12b75-prf", ["--weighting", "bm25:k1=1.2,b=0.75", "--ranking", "prox=0"]),
    ("k12b75-prox-prf", ["--weighting", "bm25:k1=1.2,b=0.75"]),
    ("k3b5-prox-prf", ["--weighting", "bm25:k1=3,b=0.5"]),
    ("k2b75-prox-prf", ["--weighting", "bm25:k1=2,b=0.75"]),
]
