"""The SQLite FTS5 peer's loader: the same articles Newsdex indexes, into one FTS5 table
with the porter stemmer, positions (FTS5's default detail=full) and the text stored
(FTS5's default content table), in one transaction, as an application would bulk-load.

  python3 -m perf.fts5 --txt bench/data/news-txt --db news.sqlite     # title, blank line, body
  python3 -m perf.fts5 --jsonl synth.jsonl --db news.sqlite

The table: news(id UNINDEXED, title, body, date UNINDEXED); date is YYYY-MM-DD: the JSON
"date", else (as Newsdex does for a plain-text file) the file's modification date.
Run under GNU time by the benchmark, so its time and peak RSS include Python's start.
"""
import argparse
import datetime
import json
import os
import sqlite3
import sys

SCHEMA = ("CREATE VIRTUAL TABLE news USING fts5(id UNINDEXED, title, body, date UNINDEXED, "
          "tokenize = 'porter unicode61')")


def txt_rows(root):
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(d, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            title, _, body = text.partition("\n\n")
            day = datetime.date.fromtimestamp(os.stat(path).st_mtime).isoformat()
            yield os.path.abspath(path), title.strip(), body, day


def jsonl_rows(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                d = json.loads(line)
                yield "%s#%d" % (path, n), d.get("title", ""), d.get("body", ""), d.get("date", "")


def load(rows, db_path):
    if os.path.exists(db_path):
        os.remove(db_path)
    con = sqlite3.connect(db_path)
    con.execute(SCHEMA)
    with con:
        con.executemany("INSERT INTO news(id, title, body, date) VALUES (?, ?, ?, ?)", rows)
    n = con.execute("SELECT count(*) FROM news").fetchone()[0]
    con.close()
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--txt", help="a folder of .txt articles")
    src.add_argument("--jsonl", help="a JSON Lines file")
    ap.add_argument("--db", required=True)
    a = ap.parse_args(argv)
    rows = txt_rows(a.txt) if a.txt else jsonl_rows(a.jsonl)
    n = load(rows, a.db)
    print("fts5: loaded %d articles into %s" % (n, a.db), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
