"""The report: one headline table (medians, ratios against the peers, the issue's targets),
then the detail tables, in Markdown, with the date and the machine."""
import os
import platform
import subprocess

from perf.stats import fmt_num, fmt_ratio, median, percentile, ratio

MiB = 2 ** 20


def machine(bins):
    def first(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    return {"nproc": os.cpu_count(), "cpu": first("/proc/cpuinfo", "model name"),
            "ram_gib": round(int(mem_kb) / 2**20, 1) if mem_kb.isdigit() else "?",
            "kernel": platform.release(), "newsdex": out([bins["search"], "--version"]),
            "sqlite": out(["sqlite3", "-version"]).split(" ")[0], "omindex": out(["omindex", "--version"]),
            "hyperfine": out(["hyperfine", "--version"]), "python": platform.python_version()}


def index_figures(stage, name):
    """Medians of a system's indexing runs, or None when it did not run."""
    res = stage["indexing"].get(name)
    if not res:
        return None
    runs = res["runs"]
    secs = median(r["seconds"] for r in runs)
    arts = res["articles"]
    return {"seconds": secs, "articles": arts, "aps": ratio(arts, secs),
            "mbps": ratio(stage["bytes"] / 1e6, secs), "rss": median(r["rss"] for r in runs),
            "size": ratio(median(r["bytes"] for r in runs), stage["bytes"]),
            "compact": ratio(res["compact_bytes"], stage["bytes"]), "runs": len(runs),
            "load": median(r["load"] for r in runs)}


def pooled(samples):
    """Every call of every query in one list (in ms), so p99 is a call's p99, not a query's."""
    return [v for vs in samples.values() for v in vs]


def latency(stage, where, system, scale):
    s = stage.get(where, {})
    s = s.get("samples", s).get(system) if s else None
    if not s:
        return None
    xs = [v * scale for v in pooled(s)]
    return {"p50": percentile(xs, 50), "p95": percentile(xs, 95), "p99": percentile(xs, 99), "n": len(xs)}


def inproc_ms(stage, system):
    return latency(stage, "inproc", system, 1e-3)  # µs -> ms


def cli_ms(stage, system):
    return latency(stage, "cli", system, 1e3)  # s -> ms


def floor_ms(stage, name):
    s = stage.get("cli", {}).get("floor", {}).get(name)
    return median(v * 1e3 for v in s) if s else None


def f2(x):
    return fmt_num(x, 2)


def headline(results):
    real = next((s for s in results["stages"] if s["kind"] == "txt"), None)
    rows = []
    if real:
        nd, om, ft = (index_figures(real, n) for n in ("newsdex --jobs 2", "omindex", "sqlite-fts5"))
        if nd:
            rows.append(("indexing articles/s, `--jobs 2` (%s)" % real["label"], fmt_num(nd["aps"]),
                         "omindex %s" % fmt_num(om and om["aps"]), fmt_ratio(ratio(nd["aps"], om and om["aps"])),
                         "≥ 8×"))
            rows.append(("indexing articles/s, `--jobs 2`", fmt_num(nd["aps"]), "FTS5 %s" % fmt_num(ft and ft["aps"]),
                         fmt_ratio(ratio(nd["aps"], ft and ft["aps"])), "report (aim 1×)"))
            rows.append(("index size ÷ corpus, after compaction", fmt_ratio(nd["compact"]),
                         "omindex %s, FTS5 %s" % (fmt_ratio(om and om["compact"]), fmt_ratio(ft and ft["compact"])),
                         "", "≤ 2.5×"))
        ni, fi = inproc_ms(real, "newsdex"), inproc_ms(real, "fts5")
        if ni:
            rows.append(("in-process p50, 10 hits + snippets (ms)", f2(ni["p50"]), "FTS5 %s" % f2(fi and fi["p50"]),
                         fmt_ratio(ratio(ni["p50"], fi and fi["p50"])), "< FTS5 and ≤ 1 ms"))
        nc, fc = cli_ms(real, "newsdex"), cli_ms(real, "fts5")
        floor = floor_ms(real, "newsdex-search --version")
        if nc:
            rows.append(("CLI p50 (ms)", f2(nc["p50"]), "sqlite3 %s" % f2(fc and fc["p50"]),
                         fmt_ratio(ratio(nc["p50"], fc and fc["p50"])), ""))
            rows.append(("CLI p50 − process-start floor (ms)", f2(nc["p50"] - floor if floor else None),
                         "floor `newsdex-search --version` %s" % f2(floor), "", "≤ 2 ms"))
    synth = [s for s in results["stages"] if s["kind"] == "jsonl"]
    if len(synth) >= 2:
        a, b = index_figures(synth[0], "newsdex --jobs 2"), index_figures(synth[-1], "newsdex --jobs 2")
        rows.append(("peak RSS at %s ÷ at %s" % (fmt_num(b["articles"]), fmt_num(a["articles"])),
                     fmt_ratio(ratio(b["rss"], a["rss"])), "", "", "≤ 1.5×"))
    if not rows:
        return ""
    out = ["| measure | Newsdex | peer | Newsdex ÷ peer | target (issue 7) |", "|---|---:|---:|---:|---|"]
    out += ["| %s |" % " | ".join(r) for r in rows]
    return "\n".join(out)


def indexing_table(stage):
    out = ["| system | runs | seconds | articles/s | MB/s | peak RSS | index ÷ corpus | compacted ÷ corpus | load |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in stage["indexing"]:
        f = index_figures(stage, name)
        out.append("| %s | %d | %s | %s | %s | %s MiB | %s | %s | %s |" % (
            name, f["runs"], f2(f["seconds"]), fmt_num(f["aps"]), f2(f["mbps"]), fmt_num(f["rss"] / MiB),
            fmt_ratio(f["size"]), fmt_ratio(f["compact"]), f2(f["load"])))
    nd = index_figures(stage, "newsdex --jobs 2")
    notes = []
    j1 = index_figures(stage, "newsdex --jobs 1")
    if j1:
        notes.append("`--jobs 2` ÷ `--jobs 1` articles/s: %s" % fmt_ratio(ratio(nd["aps"], j1["aps"])))
    for peer in ("omindex", "sqlite-fts5"):
        p = index_figures(stage, peer)
        if p:
            notes.append("Newsdex `--jobs 2` ÷ %s: articles/s %s, peak RSS %s, compacted size %s" % (
                peer, fmt_ratio(ratio(nd["aps"], p["aps"])), fmt_ratio(ratio(nd["rss"], p["rss"])),
                fmt_ratio(ratio(nd["compact"], p["compact"]))))
    return "\n".join(out) + ("\n\n" + "; ".join(notes) + "." if notes else "")


def query_table(stage):
    out = ["| system | in-process p50 | p95 | p99 | CLI p50 | p95 | p99 |", "|---|---:|---:|---:|---:|---:|---:|"]
    rows = {}
    for system, label in (("newsdex", "Newsdex"), ("fts5", "SQLite FTS5")):
        i, c = inproc_ms(stage, system), cli_ms(stage, system)
        if not i and not c:
            continue
        rows[system] = (i, c)
        cells = [f2(x and x[k]) for x in (i, c) for k in ("p50", "p95", "p99")]
        out.append("| %s | %s |" % (label, " | ".join(cells)))
    if "newsdex" in rows and "fts5" in rows:
        (ni, nc), (fi, fc) = rows["newsdex"], rows["fts5"]
        cells = [fmt_ratio(ratio(a and a[k], b and b[k])) for a, b in ((ni, fi), (nc, fc)) for k in ("p50", "p95", "p99")]
        out.append("| Newsdex ÷ FTS5 | %s |" % " | ".join(cells))
    cpu = {}
    for system, label in (("newsdex_cpu", "Newsdex, CPU time"), ("fts5_cpu", "SQLite FTS5, CPU time")):
        i = inproc_ms(stage, system)
        if i:
            cpu[system] = i
            out.append("| %s | %s | – | – | – |" % (label, " | ".join(f2(i[k]) for k in ("p50", "p95", "p99"))))
    if len(cpu) == 2:
        out.append("| Newsdex ÷ FTS5, CPU time | %s | – | – | – |" % " | ".join(
            fmt_ratio(ratio(cpu["newsdex_cpu"][k], cpu["fts5_cpu"][k])) for k in ("p50", "p95", "p99")))
    floors = stage.get("cli", {}).get("floor", {})
    if floors:
        out.append("")
        out.append("Process-start floors (CLI medians): " + ", ".join(
            "`%s` %s ms" % (name, f2(floor_ms(stage, name))) for name in floors) + ".")
    return "\n".join(out)


def class_table(stage, qs_classes):
    """p50 per query class: where the time goes."""
    out = ["| class | queries | Newsdex in-process p50 | FTS5 in-process p50 | Newsdex CLI p50 | sqlite3 CLI p50 |",
           "|---|---:|---:|---:|---:|---:|"]
    for klass in sorted(set(qs_classes.values()), key=list(qs_classes.values()).index):
        ids = [q for q, k in qs_classes.items() if k == klass]
        cells = []
        for where, system, scale in (("inproc", "newsdex", 1e-3), ("inproc", "fts5", 1e-3),
                                     ("cli", "newsdex", 1e3), ("cli", "fts5", 1e3)):
            s = stage.get(where, {})
            s = s.get("samples", s).get(system, {}) if s else {}
            xs = [v * scale for q in ids for v in s.get(q, [])]
            cells.append(f2(percentile(xs, 50)))
        out.append("| %s | %d | %s |" % (klass, len(ids), " | ".join(cells)))
    return "\n".join(out)


def findings(stage, qs_text):
    """Queries worth a look: the slowest, those Newsdex refused, and those where one system
    finds nothing and the other finds something (not the same as wrong, but a pointer)."""
    lines = []
    inp = stage.get("inproc", {})
    nd = inp.get("samples", {}).get("newsdex", {})
    slow = sorted(((median(v) / 1e3, q) for q, v in nd.items()), reverse=True)[:5]
    if slow:
        lines.append("Slowest Newsdex queries in-process (median ms): " + ", ".join(
            "%s `%s` %s" % (q, qs_text.get(q, "?"), f2(t)) for t, q in slow) + ".")
    for qid, msg in sorted(inp.get("errors", {}).items()):
        lines.append("Newsdex refused query %s `%s`: %s" % (qid, qs_text.get(qid, "?"), msg))
    tn, tf = inp.get("totals", {}).get("newsdex", {}), inp.get("totals", {}).get("fts5", {})
    diff = [(q, tn[q]["total"], tf[q]["total"]) for q in tn if q in tf and (tn[q]["total"] == 0) != (tf[q]["total"] == 0)]
    if diff:
        lines.append("Matches found by one system only (Newsdex / FTS5 totals): " + ", ".join(
            "%s `%s` %d / %d" % (q, qs_text.get(q, "?"), a, b) for q, a, b in diff) + ".")
    return "\n\n".join(lines)


def scale_table(results):
    stages = [s for s in results["stages"] if "newsdex --jobs 2" in s["indexing"]]
    out = ["| corpus | articles | MB | index s | articles/s | peak RSS | index ÷ corpus | compacted ÷ corpus "
           "| in-process p50 | p99 | CLI p50 | p99 |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    base = None
    for s in stages:
        f = index_figures(s, "newsdex --jobs 2")
        i, c = inproc_ms(s, "newsdex"), cli_ms(s, "newsdex")
        out.append("| %s | %s | %s | %s | %s | %s MiB | %s | %s | %s | %s | %s | %s |" % (
            s["label"], fmt_num(f["articles"]), fmt_num(s["bytes"] / 1e6, 1), f2(f["seconds"]), fmt_num(f["aps"]),
            fmt_num(f["rss"] / MiB), fmt_ratio(f["size"]), fmt_ratio(f["compact"]), f2(i and i["p50"]),
            f2(i and i["p99"]), f2(c and c["p50"]), f2(c and c["p99"])))
    synth = [s for s in stages if s["kind"] == "jsonl"]
    if len(synth) >= 2:
        a, b = synth[0], synth[-1]
        fa, fb = index_figures(a, "newsdex --jobs 2"), index_figures(b, "newsdex --jobs 2")
        ia, ib = inproc_ms(a, "newsdex"), inproc_ms(b, "newsdex")
        base = "Growth from %s to %s articles (%s×): index time %s, peak RSS %s, index size %s, in-process p50 %s, p99 %s." % (
            fmt_num(fa["articles"]), fmt_num(fb["articles"]), fmt_num(ratio(fb["articles"], fa["articles"]), 1),
            fmt_ratio(ratio(fb["seconds"], fa["seconds"])), fmt_ratio(ratio(fb["rss"], fa["rss"])),
            fmt_ratio(ratio(fb["size"] * b["bytes"], fa["size"] * a["bytes"])),
            fmt_ratio(ratio(ib and ib["p50"], ia and ia["p50"])), fmt_ratio(ratio(ib and ib["p99"], ia and ia["p99"])))
    return "\n".join(out) + ("\n\n" + base if base else "")


def render(results, qs=None):
    m = results.get("machine", {})
    head = ["## Performance run of %s" % results["started"].replace("T", " "), "",
            "`%s`" % (results.get("command") or "bench/perf.sh"), "",
            "Machine: %s cores, %s, %s GiB RAM, Linux %s; %s; SQLite %s; %s; %s; Python %s. "
            "%d queries; `newsdex-index --shards`: %s. Whole run %.0f s." % (
                m.get("nproc"), m.get("cpu"), m.get("ram_gib"), m.get("kernel"), m.get("newsdex"), m.get("sqlite"),
                m.get("omindex"), m.get("hyperfine"), m.get("python"), results["queries"],
                "measured" if results.get("shards") else "not in this binary", results.get("wall", 0))]
    parts = ["\n".join(head), headline(results)]
    classes, texts = results.get("query_classes", {}), results.get("query_texts", {})
    for s in results["stages"]:
        sec = ["### %s: %s articles, %s MB" % (s["label"], fmt_num(s["articles"]), fmt_num(s["bytes"] / 1e6, 1)), "",
               "Indexing (medians of the runs; page cache warmed before each):", "", indexing_table(s), "",
               "Queries, 10 hits with snippets (ms; p50/p95/p99 over every call of every query; wall time, "
               "and for the in-process calls also the calling thread's CPU time, which other jobs on the machine do not inflate):", "", query_table(s)]
        if classes:
            sec += ["", class_table(s, classes)]
        f = findings(s, texts)
        if f:
            sec += ["", f]
        walls = ", ".join("%s %.0f s" % (k[:-5], s[k]) for k in ("generate_wall", "indexing_wall", "inproc_wall", "cli_wall")
                          if k in s)
        sec += ["", "Stage time: %s." % walls]
        parts.append("\n".join(sec))
    parts.append("### Scale (Newsdex `--jobs 2`)\n\n" + scale_table(results))
    return "\n\n".join(p for p in parts if p) + "\n"
