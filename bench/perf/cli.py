"""Whole-CLI query latency with hyperfine: one process per query, as a script or a shell
user runs it (start, open the database, search, 10 hits with snippets, print), for
newsdex-search and the sqlite3 shell, plus the process-start floors."""
import json
import shlex
import subprocess

from perf import queries as Q
from perf.timing import log


def floors(search_bin, fts5_db=None):
    out = [("floor", "true", "/bin/true"),
           ("floor", "newsdex-search --version", shlex.join([search_bin, "--version"]))]
    if fts5_db:
        out.append(("floor", "sqlite3 -version", "sqlite3 -version"))
    return out


def commands(search_bin, db, qs, fts5_db=None):
    """[(system, qid, command)]: hyperfine runs them without a shell (-N), splitting each
    command as a POSIX shell would, so shlex quoting is exact."""
    out = []
    for q in qs:
        out.append(("newsdex", q.qid, shlex.join([search_bin, "--db", db, "--limit", "10", "--color", "never",
                                                  "--", q.text])))
        if fts5_db:
            out.append(("fts5", q.qid, shlex.join(["sqlite3", "-readonly", fts5_db, Q.fts5_cli_sql(q)])))
    return out


def run(search_bin, db, qs, out_path, runs, warmup, fts5_db=None):
    """Returns {system: {qid: [seconds, ...]}}; the floors under "floor"."""
    # The floors are a few milliseconds and what every query is compared with: many runs,
    # so a short --cli-runs does not leave them to chance.
    samples = hyperfine(floors(search_bin, fts5_db), out_path + ".floors", max(runs, 30), max(warmup, 3))
    samples.update(hyperfine(commands(search_bin, db, qs, fts5_db), out_path, runs, warmup))
    return samples


def hyperfine(cmds, out_path, runs, warmup):
    argv = ["hyperfine", "-N", "-i", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
            "--export-json", out_path]
    for system, qid, cmd in cmds:
        argv += ["-n", "%s/%s" % (system, qid), cmd]
    log("hyperfine: %d commands x (%d runs + %d warm-up)" % (len(cmds), runs, warmup))
    # Its warnings (non-zero exits of no-hit queries, outliers) go to a log, not the screen.
    with open(out_path + ".log", "w") as err:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=err)
    with open(out_path) as f:
        data = json.load(f)
    samples = {}
    for res, (system, qid, _) in zip(data["results"], cmds):
        samples.setdefault(system, {})[qid] = res["times"]
    return samples
