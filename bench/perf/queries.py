"""The query set (bench/perf/queries.tsv) and its rewriting into each system's syntax.

The neutral syntax is Newsdex's own, so Newsdex gets the text unchanged. FTS5 gets a MATCH
expression with every word quoted (so no word is read as FTS5 syntax: `WebEx`, `NOT`),
prefixes as "pre"*, title:word as a column filter, and date:FROM..TO taken out into a
separate filter on the table's date column.
"""
import re

TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()]+')
OPERATORS = {"AND", "OR", "NOT"}
DATE = re.compile(r"^date:(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$")


class Query:
    def __init__(self, qid, klass, text):
        self.qid, self.klass, self.text = qid, klass, text
        self.fts5, self.date_from, self.date_to = to_fts5(text)

    def plan_row(self):
        """A line of the plan newsdex-perf-bench reads (tab-separated, see inproc.cc)."""
        return "\t".join([self.qid, self.klass, self.text, self.fts5, self.date_from, self.date_to])


def load(paths):
    """Queries from QID<TAB>CLASS<TAB>QUERY files, in order; '#' lines are comments."""
    out, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                qid, klass, text = line.split("\t", 2)
                if qid in seen:
                    raise ValueError("%s: query id %s twice" % (path, qid))
                seen.add(qid)
                out.append(Query(qid, klass, text))
    return out


def _quote(word):
    return '"' + word.replace('"', '""') + '"'


def to_fts5(text):
    """(MATCH expression, date_from, date_to); dates '' when open."""
    parts, date_from, date_to = [], "", ""
    for tok in TOKEN.findall(text):
        m = DATE.match(tok)
        if m:
            date_from, date_to = m.group(1) or "", m.group(2) or ""
        elif tok in OPERATORS or tok in "()":
            parts.append(tok)
        elif tok.startswith('"'):
            parts.append(_quote(tok.strip('"')))
        elif tok.startswith("title:"):
            parts.append("title : " + _word(tok[len("title:"):]))
        else:
            parts.append(_word(tok))
    return " ".join(parts), date_from, date_to


def _word(tok):
    return _quote(tok[:-1]) + "*" if tok.endswith("*") else _quote(tok)


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def fts5_cli_sql(q):
    """The statement the sqlite3 CLI runs for q: what inproc.cc runs, as one literal SQL text."""
    return ("SELECT id, highlight(news, 1, '[', ']'), snippet(news, 2, '[', ']', '…', 64) FROM news "
            "WHERE news MATCH %s AND date BETWEEN %s AND %s ORDER BY bm25(news, 0.0, 3.0, 1.0) LIMIT 10;"
            % (sql_literal(q.fts5), sql_literal(q.date_from or "0000"), sql_literal(q.date_to or "9999")))
