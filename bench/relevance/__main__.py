"""Command line of the relevance harness: `python3 -m relevance --help` (from bench/),
or bench/relevance.sh, which builds the programs first."""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time

from . import candidates, collections, heldout, metrics, report, systems, trec

BASELINE = "xapian-defaults"
PEER = "sqlite-fts5"
PRODUCT = "newsdex"

EPILOG = """\
Each collection is indexed by the real newsdex-index and every query is run through the
real newsdex-search --format json (top --limit). The same documents and queries go to
the baseline (Xapian's plain defaults) and, where Python's sqlite3 has FTS5, to SQLite
FTS5. Run files (TREC format), the qrels used, results.json and table.md go to --out.

Exit status: 0 done (or skipped: no collection found); 1 a system failed; 2 usage error.
"""


def default_collections() -> list[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("NEWSDEX_SHARED_DIR") or os.path.join(here, "..", "..", "..", "shared")
    return [os.path.normpath(os.path.join(shared, "corpora", c)) for c in ("cranfield", "cisi", "cacm", "lisa")]


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="relevance", description="Newsdex relevance evaluation harness.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin-dir", default="build", help="CMake build folder holding the programs (default: build)")
    p.add_argument("--index-bin", help="newsdex-index (default: BIN_DIR/indexer/newsdex-index)")
    p.add_argument("--search-bin", help="newsdex-search (default: BIN_DIR/searcher/newsdex-search)")
    p.add_argument("--batch-bin", help="the study's batch searcher (default: BIN_DIR/bench/newsdex-bench-search)")
    p.add_argument("--baseline-bin",
                   help="baseline program (default: BIN_DIR/bench/newsdex-bench-xapian-defaults)")
    p.add_argument("--collection", action="append", metavar="DIR",
                   help="a test collection folder; repeatable (default: ../shared/corpora/{cranfield,cisi}, "
                        "or under $NEWSDEX_SHARED_DIR)")
    p.add_argument("--config", action="append", default=[], metavar="NAME=OPTIONS",
                   help="also run newsdex-search with these extra options, e.g. "
                        "'bm25-classic=--weighting bm25:k1=1.2,b=0.75'; repeatable")
    p.add_argument("--out", help="folder for run files and results (default: BIN_DIR/relevance)")
    p.add_argument("--workdir", help="folder for the articles and databases (default: a temporary folder, "
                                     "removed afterwards)")
    p.add_argument("--limit", type=int, default=1000, help="results per query (default 1000)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="searches run at once")
    p.add_argument("--keywords", type=int, default=0, metavar="N",
                   help="also score each collection with every query cut to its N rarest words, "
                        "as keyword searches (collection name + '-kwN')")
    p.add_argument("--no-fts5", action="store_true", help="leave out the SQLite FTS5 peer")
    p.add_argument("--snippet-timing", type=int, default=0, metavar="N",
                   help="also time N queries of each collection with and without snippets (medians)")
    p.add_argument("--quiet", action="store_true", help="print only the tables")
    p.add_argument("--study", action="store_true",
                   help="the generalisation study (what bench/relevance.sh runs with no options): judged queries "
                        "only, each collection in four forms (verbose and 3 rarest words, lower and upper case), "
                        "the built-in candidate settings (relevance/candidates.py) and their leave-one-"
                        "collection-out choice")
    args = p.parse_args(argv)
    args.index_bin = args.index_bin or os.path.join(args.bin_dir, "indexer", "newsdex-index")
    args.search_bin = args.search_bin or os.path.join(args.bin_dir, "searcher", "newsdex-search")
    args.baseline_bin = args.baseline_bin or os.path.join(args.bin_dir, "bench", "newsdex-bench-xapian-defaults")
    args.batch_bin = args.batch_bin or os.path.join(args.bin_dir, "bench", "newsdex-bench-search")
    args.out = args.out or os.path.join(args.bin_dir, "relevance")
    configs = []
    for spec in args.config:
        name, sep, options = spec.partition("=")
        if not sep or not re.fullmatch(r"[\w.+-]+", name) or name in (BASELINE, PEER, PRODUCT) \
                or name in (n for n, _ in configs):
            p.error(f"--config {spec!r}: expected NAME=OPTIONS, NAME new and made of letters, digits, '.', '+', "
                    "'-' and '_'")
        configs.append((name, shlex.split(options)))
    if args.study:
        if args.keywords:
            p.error("--study makes its own short queries; leave out --keywords")
        configs += [(n, o) for n, o in candidates.CANDIDATES if n not in (c for c, _ in configs)]
    args.configs = configs
    if args.limit < 1 or args.jobs < 1 or args.keywords < 0 or args.snippet_timing < 0:
        p.error("--limit and --jobs must be positive, --keywords not negative")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    log = (lambda msg: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))

    folders = args.collection or [d for d in default_collections() if os.path.isdir(d)]
    if not folders:
        print("relevance: skipped: no test collections found (looked for "
              + ", ".join(default_collections()) + "; pass --collection DIR)")
        return 0
    for binary in (args.index_bin, args.search_bin, args.baseline_bin) + ((args.batch_bin,) if args.study else ()):
        if not os.access(binary, os.X_OK):
            print(f"relevance: {binary}: not found; build first (bench/relevance.sh does)", file=sys.stderr)
            return 2
    try:
        loaded = []
        bases = []
        for folder in folders:
            if args.study:
                base = collections.judged_only(collections.load(folder))
                bases.append(base.name)
                loaded += collections.study_variants(base)
                continue
            loaded.append(collections.load(folder))
            if args.keywords:
                loaded.append(collections.keyword_variant(loaded[-1], args.keywords))
    except (OSError, ValueError) as e:
        print(f"relevance: {e}", file=sys.stderr)
        return 2

    use_fts5 = not args.no_fts5 and systems.fts5_available()
    if not args.no_fts5 and not use_fts5:
        log("sqlite-fts5: skipped: Python's sqlite3 has no FTS5")

    workdir = args.workdir or tempfile.mkdtemp(prefix="newsdex-relevance-")
    os.makedirs(args.out, exist_ok=True)
    newsdex = systems.Newsdex(args.index_bin, args.search_bin, args.jobs, args.limit)
    baseline = systems.XapianDefaults(args.baseline_bin, args.limit)
    fts5 = systems.Fts5(args.limit)
    results: dict = {"limit": args.limit, "collections": {}}
    markdown_parts = []
    status = 0
    try:
        for col in loaded:
            log(f"{col.name}: {len(col.documents)} documents, {len(col.queries)} queries")
            newsdex.last_query_seconds = []
            for note in col.notes:
                log(f"  note: {note}")
            with open(os.path.join(args.out, f"{col.name}.qrels"), "w", encoding="utf-8") as f:
                f.write(trec.format_qrels(col.qrels))
            plan = [(BASELINE, lambda c: baseline.run(c, workdir, log))]
            if use_fts5:
                plan.append((PEER, lambda c: fts5.run(c, workdir, log)))
            if args.study:
                # Every Newsdex setting in one process per query form, two at a time.
                newsdex.database(col, workdir, log)
                pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
                started = {name: pool.submit(newsdex.run_batch, args.batch_bin, col, workdir, options, log)
                           for name, options in [(PRODUCT, [])] + args.configs}
                pool.shutdown(wait=False)
                for name in started:
                    plan.append((name, lambda c, f=started[name]: f.result()))
            else:
                plan.append((PRODUCT, lambda c: newsdex.run(c, workdir, [], log)))
                for name, options in args.configs:
                    plan.append((name, lambda c, o=options: newsdex.run(c, workdir, o, log)))

            evaluations: dict[str, metrics.Evaluation] = {}
            seconds: dict[str, float] = {}
            query_ms: dict[str, float] = {}
            for name, runner in plan:
                start = time.monotonic()
                try:
                    run = runner(col)
                except systems.SystemError_ as e:
                    print(f"relevance: {col.name}: {name}: {e}", file=sys.stderr)
                    status = 1
                    continue
                seconds[name] = time.monotonic() - start
                with open(os.path.join(args.out, f"{col.name}.{name}.run"), "w", encoding="utf-8") as f:
                    f.write(trec.format_run(run, name))
                evaluations[name] = metrics.evaluate(run, col.qrels, [q.qid for q in col.queries])
                latency = ""
                if name not in (BASELINE, PEER) and newsdex.last_query_seconds:
                    query_ms[name] = statistics.median(newsdex.last_query_seconds) * 1000
                    latency = f", median newsdex-search {query_ms[name]:.0f} ms"
                log(f"  {name}: MAP {evaluations[name].mean('map'):.4f} ({seconds[name]:.1f} s{latency})")

            snippet_ms = {}
            if args.snippet_timing and not col.name.endswith(f"-kw{args.keywords}") and "-" not in col.name:
                snippet_ms = newsdex.snippet_cost(col, workdir, args.snippet_timing, log)
            table = report.rows(evaluations, BASELINE)
            scored = len(next(iter(evaluations.values())).per_query) if evaluations else 0
            unscored = len(next(iter(evaluations.values())).unscored) if evaluations else 0
            title = (f"{col.name}: {len(col.documents)} documents, {scored} queries scored"
                     + (f" ({unscored} without relevant documents left out)" if unscored else ""))
            print(f"\n{title}\n")
            print(report.plain(table), end="")
            markdown_parts.append(f"**{title}**\n\n" + report.markdown(table))
            if len(snippet_ms) == 2:
                timing = (f"newsdex-search --limit {args.limit}, median of {min(args.snippet_timing, len(col.queries))} "
                          f"queries: {snippet_ms['snippets']:.0f} ms with snippets, {snippet_ms['no_snippets']:.0f} ms "
                          f"with --no-snippets ({snippet_ms['snippets'] / snippet_ms['no_snippets']:.1f}x)")
                print(timing)
                markdown_parts[-1] += f"\n{timing}\n"
            results["collections"][col.name] = {
                "documents": len(col.documents), "queries": len(col.queries), "scored": scored,
                "unscored": unscored, "notes": col.notes,
                "configurations": {name: {"means": ev.means(), "per_query": ev.per_query,
                                          "seconds": round(seconds[name], 3),
                                          "median_query_ms": round(query_ms[name], 1) if name in query_ms else None}
                                   for name, ev in evaluations.items()},
                "index_seconds": round(newsdex.index_seconds.get(col.name, 0.0), 3),
                "snippet_timing_ms": {k: round(v, 1) for k, v in snippet_ms.items()},
            }
        if args.study and len(bases) > 1:
            table = {name: {c: v["means"] for c, v in col["configurations"].items()}
                     for name, col in results["collections"].items()}
            names = [PRODUCT] + [n for n, _ in args.configs]
            choices = heldout.choose(table, bases, names, [BASELINE, PEER])
            held = heldout.rows(table, bases, choices, [BASELINE, PEER])
            results["held_out"] = {"choices": choices, "rows": held}
            title = ("Held out (leave one collection out): each collection scored with the setting that did best "
                     "on the other three (geometric mean of MAP / better peer, verbose and short, lower case)")
            print(f"\n{title}\n")
            print(heldout.plain(held), end="")
            markdown_parts.append(f"**{title}**\n\n" + heldout.markdown(held))
        with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, sort_keys=True)
        with open(os.path.join(args.out, "table.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(markdown_parts))
        log(f"\nrun files, qrels, results.json and table.md: {args.out}")
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
