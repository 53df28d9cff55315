"""Runs the performance benchmark's measurements and writes the report; bench/perf.sh
builds the programs and prepares the corpus first, then calls this (from bench/):

  python3 -m perf --bin-dir build-release --data bench/data [--real-limit 3000] [--scales 10000]
"""
import argparse
import datetime
import json
import os
import shutil
import sys
import time

from perf import cli, indexing, inproc, report, synth, timing
from perf import queries as Q
from perf.timing import log

HERE = os.path.dirname(os.path.abspath(__file__))


def subset(src, n, dst):
    """The real corpus cut to n articles for a short run: every k-th file of the sorted tree,
    so each source keeps its share. Re-made only when missing."""
    files = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
    if n >= len(files):
        return src
    if os.path.isdir(dst) and sum(len(fs) for _, _, fs in os.walk(dst)) == n:
        return dst
    shutil.rmtree(dst, ignore_errors=True)
    step = len(files) / n
    for i in range(n):
        rel = files[int(i * step)]
        os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
        shutil.copyfile(os.path.join(src, rel), os.path.join(dst, rel))
    return dst


def split_into_parts(path, per_part=10000):
    """A folder beside `path` holding its lines as part-NNNN.jsonl files of `per_part`
    records: newsdex-index reads a file whole (up to --max-size, 64 MiB by default), so a
    folder of parts is how an archive this size would be kept and indexed, streaming."""
    folder = path[: -len(".jsonl")] + ".parts"
    done = os.path.join(folder, ".complete")
    if os.path.exists(done) and os.path.getmtime(done) >= os.path.getmtime(path):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(path, encoding="utf-8") as src:
        part, out = 0, None
        for i, line in enumerate(src):
            if i % per_part == 0:
                if out:
                    out.close()
                out = open(os.path.join(folder, "part-%04d.jsonl" % part), "w", encoding="utf-8")
                part += 1
            out.write(line)
        if out:
            out.close()
    open(done, "w").close()
    return folder


def synthetic(model_path, n, seed, data):
    """bench/data/synth-N-sS.jsonl, made unless present and made from this model and seed."""
    path = os.path.join(data, "synth-%d-s%d.jsonl" % (n, seed))
    stamp = {"articles": n, "seed": seed, "model_size": os.path.getsize(model_path),
             "model_mtime": int(os.path.getmtime(model_path)),
             "synth_mtime": int(os.path.getmtime(os.path.join(HERE, "synth.py")))}
    meta = path + ".meta.json"
    if os.path.exists(path) and os.path.exists(meta):
        with open(meta) as f:
            if json.load(f) == stamp:
                log("synthetic corpus %s is up to date" % path)
                return path
    log("making %s (%d articles, seed %d)" % (path, n, seed))
    start = time.monotonic()
    synth.main(["--model", model_path, "--articles", str(n), "--seed", str(seed), "--out", path])
    log("made in %.0f s" % (time.monotonic() - start))
    with open(meta, "w") as f:
        json.dump(stamp, f)
    return path


def measure(args, bins, label, corpus, kind, work, qs, peers, runs, shards):
    """Indexing rounds, then in-process and CLI query runs on the last round's databases."""
    stage = {"label": label, "corpus": corpus, "kind": kind, "bytes": indexing.input_bytes(corpus)}
    t0 = time.monotonic()
    # At scale only --jobs 2 (the product's default on this machine): a 1M-article round is long.
    systems = indexing.systems_for(bins, kind, peers, shards, jobs1=peers)
    stage["indexing"] = indexing.run_rounds(systems, corpus, kind, runs, work)
    stage["indexing_wall"] = time.monotonic() - t0
    newsdex_db = stage["indexing"]["newsdex --jobs 2"]["db"]
    fts5_db = stage["indexing"].get("sqlite-fts5", {}).get("db")
    stage["articles"] = stage["indexing"]["newsdex --jobs 2"]["articles"]
    plan = os.path.join(work, "plan.tsv")
    with open(plan, "w", encoding="utf-8") as f:
        f.write("".join(q.plan_row() + "\n" for q in qs))
    t0 = time.monotonic()
    stage["inproc"] = inproc.run(bins["perf"], newsdex_db, plan, os.path.join(work, "inproc.json"),
                                 args.reps, fts5_db)
    stage["inproc_wall"] = time.monotonic() - t0
    if not args.no_cli:
        t0 = time.monotonic()
        stage["cli"] = cli.run(bins["search"], newsdex_db, qs, os.path.join(work, "hyperfine.json"),
                               args.cli_runs, args.cli_warmup, fts5_db)
        stage["cli_wall"] = time.monotonic() - t0
    return stage


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin-dir", required=True, help="the Release build folder")
    ap.add_argument("--data", required=True, help="the real corpus folder (news-txt/, news.jsonl)")
    ap.add_argument("--work", help="databases and raw results (default DATA/perf-work)")
    ap.add_argument("--out", required=True, help="where the report goes")
    ap.add_argument("--queries", action="append", help="query files (default bench/perf/queries.tsv)")
    ap.add_argument("--runs", type=int, default=3, help="indexing rounds on the real corpus (medians)")
    ap.add_argument("--scale-runs", type=int, default=1, help="indexing rounds per synthetic scale")
    ap.add_argument("--reps", type=int, default=20, help="in-process calls per query and system")
    ap.add_argument("--cli-runs", type=int, default=10, help="hyperfine runs per query and system")
    ap.add_argument("--cli-warmup", type=int, default=2)
    ap.add_argument("--real-limit", type=int, default=0, help="index only this many real articles (0: all)")
    ap.add_argument("--scales", default="100000,1000000", help="synthetic sizes, comma-separated ('' for none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-real", action="store_true", help="skip the real corpus and the peers")
    ap.add_argument("--no-cli", action="store_true", help="skip the hyperfine (whole-CLI) runs")
    ap.add_argument("--command", default="", help="the command line, for the report")
    args = ap.parse_args(argv)

    bins = {"index": os.path.join(args.bin_dir, "indexer", "newsdex-index"),
            "search": os.path.join(args.bin_dir, "searcher", "newsdex-search"),
            "perf": os.path.join(args.bin_dir, "bench", "newsdex-perf-bench")}
    for b in bins.values():
        if not os.access(b, os.X_OK):
            sys.exit("perf: no %s: build first (bench/perf.sh does)" % b)
    work = args.work or os.path.join(args.data, "perf-work")
    qs = Q.load(args.queries or [os.path.join(HERE, "queries.tsv")])
    shards = indexing.has_option(bins["index"], "--shards")
    log("%d queries; newsdex-index %s --shards" % (len(qs), "has" if shards else "has no"))
    results = {"started": datetime.datetime.now().isoformat(timespec="seconds"), "queries": len(qs),
               "shards": shards, "command": args.command, "stages": [],
               "query_classes": {q.qid: q.klass for q in qs}, "query_texts": {q.qid: q.text for q in qs}}
    t_all = time.monotonic()

    if not args.no_real:
        txt = os.path.join(args.data, "news-txt")
        corpus = txt
        if args.real_limit:
            corpus = subset(txt, args.real_limit, os.path.join(args.data, "news-txt-%d" % args.real_limit))
        label = "real" if corpus == txt else "real (%d-article subset)" % args.real_limit
        log("stage:", label)
        results["stages"].append(measure(args, bins, label, corpus, "txt", os.path.join(work, "real"),
                                         qs, True, args.runs, shards))
    model = os.path.join(args.data, "news.jsonl")
    for n in [int(s) for s in args.scales.split(",") if s.strip()]:
        t0 = time.monotonic()
        path = split_into_parts(synthetic(model, n, args.seed, args.data))
        gen = time.monotonic() - t0
        log("stage: synthetic", n)
        # Newsdex only at scale: the peers' figures come from the real corpus.
        stage = measure(args, bins, "synthetic %d" % n, path, "jsonl", os.path.join(work, "synth-%d" % n),
                        qs, False, args.scale_runs, False)
        stage["generate_wall"] = gen
        results["stages"].append(stage)
    results["wall"] = time.monotonic() - t_all
    results["machine"] = report.machine(bins)

    os.makedirs(args.out, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(args.out, "perf-%s.json" % stamp), "w") as f:
        json.dump(results, f, indent=1, default=str)
    text = report.render(results)
    with open(os.path.join(args.out, "perf-%s.md" % stamp), "w") as f:
        f.write(text)
    print(text)
    log("report: %s" % os.path.join(args.out, "perf-%s.md" % stamp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
