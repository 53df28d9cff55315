"""The systems the harness runs over a collection, each answering every query with a
ranked list of docnos:

- Newsdex: articles written as files, indexed by the real newsdex-index, every query
  run through the real `newsdex-search --format json` (one process per query, as a
  user or a script would call it), optionally with extra searcher options.
- Xapian defaults: bench/xapian_defaults.cc, the untuned baseline.
- SQLite FTS5: Python's sqlite3 module, porter tokenizer, ranked by bm25().
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import time

from .collections import Collection, Document
from .trec import Run, parse_run

# Query syntax a pasted question must not trigger by accident; every system gets the
# same cleaned text. Quotes and brackets go, a leading +/- is dropped (a hyphen inside a
# word stays), a colon could name a field, and operator words go whatever their case
# (newsdex reads a lower-case "and"/"or" between words as the operator; as stop words
# they would not have counted for ranking anyway).
_SYNTAX = re.compile(r'["()\[\]{}*:^~]')
_SIGN = re.compile(r"(^|\s)[+-]+")
_OPERATORS = re.compile(r"\b(AND|OR|NOT|XOR|NEAR|ADJ)\b", re.IGNORECASE)


def query_text(text: str) -> str:
    text = _SYNTAX.sub(" ", text)
    text = _SIGN.sub(r"\1", text)
    text = _OPERATORS.sub(" ", text)
    return " ".join(text.split())


class SystemError_(RuntimeError):
    """A system that could not index or search; the message says which and why."""


def write_article(doc: Document, folder: str) -> str:
    """Writes a document as a text article with an RFC-822 header block, as
    core/readers/text_reader.cc reads it; returns its path (the docno names the file)."""
    headers = []
    if doc.title:
        headers.append(f"Title: {doc.title}")
    if doc.authors:
        headers.append(f"Author: {'; '.join(doc.authors)}")
    if doc.source:
        headers.append(f"Source: {doc.source}")
    if not headers:
        headers.append("Language: en")  # a header block, so no body line is taken for one
    path = os.path.join(folder, f"{doc.docno}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(headers) + "\n\n" + doc.body + "\n")
    return path


class Newsdex:
    """newsdex-index once per collection (shared by every Newsdex configuration),
    newsdex-search per query."""

    def __init__(self, index_bin: str, search_bin: str, jobs: int = 2, limit: int = 1000):
        self.index_bin, self.search_bin, self.jobs, self.limit = index_bin, search_bin, jobs, limit
        self._indexed: dict[int, str] = {}  # by the identity of a document list
        self.index_seconds: dict[str, float] = {}
        self.last_query_seconds: list[float] = []  # wall time of each newsdex-search of the last run

    def database(self, collection: Collection, workdir: str, log) -> str:
        if id(collection.documents) in self._indexed:
            return self._indexed[id(collection.documents)]
        articles = os.path.join(workdir, collection.name, "articles")
        db = os.path.join(workdir, collection.name, "newsdex-db")
        # A kept --workdir keeps its databases: reused while the documents and the
        # indexer are the same (the stamp names both).
        stamp_path = os.path.join(workdir, collection.name, "newsdex-db.stamp")
        stamp = f"{len(collection.documents)} {sum(len(d.body) + len(d.title) for d in collection.documents)} " \
                f"{os.stat(self.index_bin).st_mtime_ns}"
        if os.path.isdir(db) and os.path.isfile(stamp_path):
            with open(stamp_path, encoding="utf-8") as f:
                if f.read() == stamp:
                    log("  newsdex-index: reusing " + db)
                    self._indexed[id(collection.documents)] = db
                    return db
        shutil.rmtree(db, ignore_errors=True)
        os.makedirs(articles, exist_ok=True)
        for doc in collection.documents:
            write_article(doc, articles)
        start = time.monotonic()
        proc = subprocess.run([self.index_bin, "--db", db, articles], capture_output=True, text=True)
        self.index_seconds[collection.name] = time.monotonic() - start
        if proc.returncode not in (0, 1):
            raise SystemError_(f"newsdex-index failed ({proc.returncode}): {proc.stderr.strip()}")
        for line in proc.stderr.splitlines():
            log(f"  {line}")
        log(f"  {proc.stdout.strip()}")
        with open(stamp_path, "w", encoding="utf-8") as f:
            f.write(stamp)
        self._indexed[id(collection.documents)] = db
        return db

    def run(self, collection: Collection, workdir: str, options: list[str], log) -> Run:
        db = self.database(collection, workdir, log)
        failures: list[str] = []
        seconds: list[float] = []

        def search(query) -> tuple[str, list[str]]:
            cmd = [self.search_bin, "--db", db, "--format", "json", "--limit", str(self.limit),
                   "--no-snippets", *options, "--", query_text(query.text)]
            start = time.monotonic()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            seconds.append(time.monotonic() - start)
            if proc.returncode == 1:
                return query.qid, []
            if proc.returncode != 0:
                failures.append(f"query {query.qid}: {proc.stderr.strip()}")
                return query.qid, []
            hits = json.loads(proc.stdout)["hits"]
            return query.qid, [os.path.splitext(os.path.basename(h["path"]))[0] for h in hits]

        with concurrent.futures.ThreadPoolExecutor(max_workers=self.jobs) as pool:
            run = dict(pool.map(search, collection.queries))
        self.last_query_seconds = seconds
        for failure in failures[:5]:
            log(f"  newsdex-search: {failure}")
        if failures:
            raise SystemError_(f"newsdex-search failed on {len(failures)} queries")
        return run


    def run_batch(self, batch_bin: str, collection: Collection, workdir: str, options: list[str], log) -> Run:
        """The same searches in one process (bench/search_batch.cc, core's Searcher with the
        same options): for the study, where a process per query would dominate the time.
        A refused query is a failure, as it is for run()."""
        db = self.database(collection, workdir, log)
        folder = os.path.join(workdir, collection.name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"queries.{os.getpid()}.{id(options)}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for q in collection.queries:
                f.write(json.dumps({"qid": q.qid, "text": query_text(q.text)}) + "\n")
        proc = subprocess.run([batch_bin, "--db", db, "--queries", path, "--limit", str(self.limit), *options],
                              capture_output=True, text=True)
        os.remove(path)
        if proc.returncode != 0:
            for line in proc.stderr.splitlines()[:5]:
                log(f"  newsdex-bench-search: {line}")
            raise SystemError_(f"newsdex-bench-search failed ({proc.returncode}): "
                               f"{len(proc.stderr.splitlines())} line(s) on stderr")
        run = parse_run(proc.stdout, batch_bin)
        return {q.qid: run.get(q.qid, []) for q in collection.queries}

    def snippet_cost(self, collection: Collection, workdir: str, queries: int, log) -> dict[str, float]:
        """Median wall time of one `newsdex-search --limit LIMIT` with and without snippets,
        over the first `queries` queries; the two forms alternate query by query, so both
        see the same machine load."""
        db = self.database(collection, workdir, log)
        times: dict[str, list[float]] = {"snippets": [], "no_snippets": []}
        for query in collection.queries[:queries]:
            for key, extra in (("snippets", []), ("no_snippets", ["--no-snippets"])):
                cmd = [self.search_bin, "--db", db, "--format", "json", "--limit", str(self.limit), *extra,
                       "--", query_text(query.text)]
                start = time.monotonic()
                subprocess.run(cmd, capture_output=True, text=True)
                times[key].append(time.monotonic() - start)
        return {key: statistics.median(values) * 1000 for key, values in times.items() if values}


class XapianDefaults:
    def __init__(self, binary: str, limit: int = 1000):
        self.binary, self.limit = binary, limit

    def run(self, collection: Collection, workdir: str, log) -> Run:
        folder = os.path.join(workdir, collection.name)
        os.makedirs(folder, exist_ok=True)
        docs, queries = os.path.join(folder, "docs.jsonl"), os.path.join(folder, "queries.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for d in collection.documents:
                f.write(json.dumps({"docno": d.docno, "title": d.title, "authors": d.authors, "body": d.body}) + "\n")
        with open(queries, "w", encoding="utf-8") as f:
            for q in collection.queries:
                f.write(json.dumps({"qid": q.qid, "text": query_text(q.text)}) + "\n")
        proc = subprocess.run([self.binary, "--docs", docs, "--queries", queries, "--limit", str(self.limit)],
                              capture_output=True, text=True)
        for line in proc.stderr.splitlines():
            log(f"  {line}")
        if proc.returncode != 0:
            raise SystemError_(f"{os.path.basename(self.binary)} failed ({proc.returncode})")
        return parse_run(proc.stdout, self.binary)


def fts5_available() -> bool:
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter')")
        con.close()
        return True
    except sqlite3.Error:
        return False


class Fts5:
    """SQLite FTS5 with the porter tokenizer, bm25() over title, authors and body
    (all columns weighted 1, FTS5's defaults); a query is the OR of its words."""

    def __init__(self, limit: int = 1000):
        self.limit = limit

    def run(self, collection: Collection, workdir: str, log) -> Run:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE docs USING fts5(docno UNINDEXED, title, authors, body, tokenize='porter')")
        con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                        ((d.docno, d.title, " ".join(d.authors), d.body) for d in collection.documents))
        run: Run = {}
        for q in collection.queries:
            words = re.findall(r"\w+", query_text(q.text).lower())
            if not words:
                run[q.qid] = []
                continue
            match = " OR ".join(f'"{w}"' for w in dict.fromkeys(words))
            rows = con.execute("SELECT docno FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                               (match, self.limit))
            run[q.qid] = [r[0] for r in rows]
        con.close()
        return run
