"""Indexing runs: Newsdex (--jobs 1, --jobs 2, and --shards when the binary has it), omindex
and SQLite FTS5 over the same input, in rounds (each round runs every system once, from an
empty database, page cache warmed first), then compaction of the last round's databases."""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

from perf import timing
from perf.timing import log

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def has_option(binary, option):
    """Whether `binary --help` lists option: --shards is being added on another branch."""
    p = subprocess.run([binary, "--help"], capture_output=True, text=True)
    return re.search(r"(^|\s)%s(\s|\[|=|$)" % re.escape(option), p.stdout, re.M) is not None


def input_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


class System:
    """How one system indexes `corpus` into `db`, and how it counts what it indexed."""

    def __init__(self, name, command, count, kind):
        self.name, self.command, self.count, self.kind = name, command, count, kind


def newsdex_system(bins, name, extra):
    def command(corpus, db):
        return [bins["index"], "--db", db, "--progress-interval", "0"] + extra + [corpus]

    def count(run, db):
        m = re.search(r"indexed (\d+) articles", run.stdout + run.stderr)
        return int(m.group(1)) if m else None
    return System(name, command, count, "xapian")


def omindex_system():
    # -E/--sample-size: omindex stores only a 512-byte sample of each file's text by
    # default; 64M stores all of it, as Newsdex and FTS5 do. --overwrite: a fresh database.
    def command(corpus, db):
        return ["omindex", "--db", db, "--url", "/", "--overwrite", "--sample-size", "64M",
                "--max-size", "64M", "--empty-docs", "index", corpus]

    def count(_run, db):
        p = subprocess.run(["xapian-delve", db], capture_output=True, text=True)
        m = re.search(r"number of documents = (\d+)", p.stdout)
        return int(m.group(1)) if m else None
    return System("omindex", command, count, "xapian")


def fts5_system(kind):
    def command(corpus, db):
        return [sys.executable, "-m", "perf.fts5", "--" + kind, corpus, "--db", db]

    def count(_run, db):
        con = sqlite3.connect(db)
        n = con.execute("SELECT count(*) FROM news").fetchone()[0]
        con.close()
        return n
    return System("sqlite-fts5", command, count, "sqlite")


def systems_for(bins, kind, peers, shards, jobs1=True):
    out = [newsdex_system(bins, "newsdex --jobs 1", ["--jobs", "1"])] if jobs1 else []
    out.append(newsdex_system(bins, "newsdex --jobs 2", ["--jobs", "2"]))
    if shards:
        out.append(newsdex_system(bins, "newsdex --jobs 2 --shards 2", ["--jobs", "2", "--shards", "2"]))
        # What the spelling dictionary ("Did you mean") costs: the same without it.
        out.append(newsdex_system(bins, "newsdex --jobs 2 --shards 2 --no-spelling",
                                  ["--jobs", "2", "--shards", "2", "--no-spelling"]))
    if peers:
        if kind == "txt" and shutil.which("omindex"):
            out.append(omindex_system())
        out.append(fts5_system(kind))
    return out


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def compact(system, db, work):
    """Size after the system's own compaction: xapian-compact for Xapian databases,
    FTS5's 'optimize' and VACUUM for SQLite. Returns (bytes, seconds)."""
    if system.kind == "xapian":
        out = os.path.join(work, os.path.basename(db) + ".compact")
        shutil.rmtree(out, ignore_errors=True)
        run = timing.timed(["xapian-compact", db, out])
        size = timing.du(out)
        shutil.rmtree(out, ignore_errors=True)
        return size, run.seconds
    copy = db + ".compact"
    shutil.copyfile(db, copy)
    start = time.monotonic()
    con = sqlite3.connect(copy)
    con.execute("INSERT INTO news(news) VALUES('optimize')")
    con.commit()
    con.execute("VACUUM")
    con.close()
    seconds = time.monotonic() - start
    size = timing.du(copy)
    os.remove(copy)
    return size, seconds


def run_rounds(systems, corpus, kind, runs, work):
    """Returns {system name: {"runs": [...], "articles", "db", "compact_bytes", ...}}; the
    databases of the last round are kept for the query runs."""
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=BENCH_DIR, PYTHONDONTWRITEBYTECODE="1")
    results = {s.name: {"runs": []} for s in systems}
    for r in range(1, runs + 1):
        for s in systems:
            slug = re.sub(r"[^a-z0-9]+", "-", s.name.lower()).strip("-")
            db = os.path.join(work, slug + (".sqlite" if s.kind == "sqlite" else ".db"))
            remove(db)
            timing.warm([corpus])
            # Newsdex exits 1 when it skipped a file (named on stderr): still a complete run.
            run = timing.timed(s.command(corpus, db), ok_status=(0, 1), env=env)
            size = timing.du(db)
            articles = s.count(run, db)
            res = results[s.name]
            res["runs"].append({"seconds": run.seconds, "rss": run.rss, "bytes": size, "load": run.load,
                                "articles": articles, "status": run.status})
            res["db"], res["articles"] = db, articles
            if run.status != 0:
                res["warnings"] = run.stderr.strip().splitlines()[-3:]
            log("index round %d/%d %-28s %7.2f s  %6.0f MiB  %d articles  load %.2f"
                % (r, runs, s.name, run.seconds, (run.rss or 0) / 2**20, articles or 0, run.load))
    for s in systems:
        res = results[s.name]
        res["compact_bytes"], res["compact_seconds"] = compact(s, res["db"], work)
    return results
