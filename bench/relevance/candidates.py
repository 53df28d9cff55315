"""The Newsdex settings the generalisation study (--study) tries, besides the product's
default (`newsdex`). Each is a set of newsdex-search options; the leave-one-collection-
out choice among them (relevance/heldout.py) is what the default is taken from. Kept
small: every candidate runs every query of every query form.

Names: kK bB = BM25 k1 and b; prf = feedback (expand=weight); prox = proximity pairs;
soft3 = the every-word bonus for 2-3 word queries at 1x instead of decisive."""

_K12 = ["--weighting", "bm25:k1=1.2,b=0.75"]
CANDIDATES = [
    ("k3b5", ["--weighting", "bm25:k1=3,b=0.5", "--no-expand", "--ranking", "prox=0"]),
    ("k12b75", _K12 + ["--no-expand", "--ranking", "prox=0"]),
    ("k12b75-prox05", _K12 + ["--no-expand", "--ranking", "prox=0.05"]),
    ("k12b75-prf", _K12 + ["--ranking", "prox=0,expand=0.5"]),
    ("k12b75-prf1", _K12 + ["--ranking", "prox=0,expand=1"]),
    ("k12b75-prf-soft3", _K12 + ["--ranking", "prox=0,expand=0.5,short=1"]),
    ("k3b5-prf", ["--weighting", "bm25:k1=3,b=0.5", "--ranking", "prox=0,expand=0.5"]),
    ("k2b75-prf", ["--weighting", "bm25:k1=2,b=0.75", "--ranking", "prox=0,expand=0.5"]),
]
