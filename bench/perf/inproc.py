"""In-process query latency: runs newsdex-perf-bench (bench/perf/inproc.cc, Google Benchmark)
and reads back every single call's time and each query's hit counts."""
import json
import os
import subprocess

from perf.timing import log


def run(binary, db, plan_path, out_path, reps, fts5_db=None):
    """Returns {"samples": {"newsdex": {qid: [µs, ...]}, "fts5": ..., "newsdex_cpu": ..., "fts5_cpu": ...}, "totals": {"newsdex": {qid: n}, ...},
    "errors": {qid: message}}."""
    cmd = [binary, "--db", db, "--plan", plan_path, "--reps", str(reps),
           "--benchmark_out=" + out_path, "--benchmark_out_format=json", "--benchmark_format=console",
           "--benchmark_report_aggregates_only=false", "--benchmark_display_aggregates_only=true"]
    if fts5_db:
        cmd += ["--fts5", fts5_db]
    log("in-process:", " ".join(cmd))
    # Its console output (the context: hit counts per query; Debian's "library was built as
    # DEBUG" notice, about Google Benchmark's own build, not the timed code) goes to a log.
    with open(out_path + ".log", "w") as log_file:
        p = subprocess.run(cmd, stdout=log_file, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        with open(out_path + ".log") as f:
            raise RuntimeError("newsdex-perf-bench exited with %d:\n%s" % (p.returncode, f.read()[-3000:]))
    with open(out_path) as f:
        data = json.load(f)
    samples = {}
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        system, qid = b["run_name"].split("/")[:2]
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "us")]
        samples.setdefault(system, {}).setdefault(qid, []).append(b["real_time"] * scale)
        # The calling thread's CPU time as well: on this shared machine the wall time of a
        # call sometimes includes a few ms in which another job held the core.
        samples.setdefault(system + "_cpu", {}).setdefault(qid, []).append(b["cpu_time"] * scale)
    totals, errors = {}, {}
    for key, value in data.get("context", {}).items():
        if "/" not in key:
            continue
        kind, qid = key.split("/", 1)
        if kind.endswith("_error"):
            errors[qid] = value
        elif kind.endswith("_total") or kind.endswith("_hits"):
            system, what = kind.rsplit("_", 1)
            totals.setdefault(system, {}).setdefault(qid, {})[what] = int(value)
    return {"samples": samples, "totals": totals, "errors": errors}
