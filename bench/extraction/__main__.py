"""The main-text extraction benchmark: the real newsdex-index over the 990 annotated pages
of ../shared/corpora/trafilatura-eval, the stored article text read back from the database,
scored as the corpus README describes, beside the published figures of other extractors.
Run by bench/extraction.sh; see bench/README.md."""

import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

from . import score


def default_corpus():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("NEWSDEX_SHARED_DIR") or os.path.join(here, "..", "..", "..", "shared")
    return os.path.normpath(os.path.join(shared, "corpora", "trafilatura-eval"))


def published_rows(readme):
    """The 'Published figures' table of the corpus README: [(name, p, r, acc, f)]."""
    rows = []
    try:
        with open(readme, encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) == 5 and re.fullmatch(r"[0-9.]+", cells[4] or "x"):
                    rows.append((cells[0],) + tuple(float(c) for c in cells[1:]))
    except OSError:
        pass
    return rows


def run_index(index_bin, pages, db):
    """newsdex-index over the pages folder; returns {file name: skip message}."""
    proc = subprocess.run([index_bin, "--db", db, "--format", "html", "--jobs", "2", pages],
                          capture_output=True, text=True, errors="replace")
    if proc.returncode not in (0, 1):
        sys.exit("extraction: newsdex-index failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    problems = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"newsdex-index: (skipped|failed): (.*): (.*)$", line)
        if m:
            problems[os.path.basename(m.group(2))] = m.group(1) + ": " + m.group(3)
    return problems, proc.stdout.strip().splitlines()[-1:] if proc.stdout.strip() else []


def read_articles(dump_bin, db):
    out = subprocess.run([dump_bin, db], capture_output=True, text=True, check=True).stdout
    articles = {}
    for line in out.split("\n"):  # not splitlines(): a body may hold U+2028
        if not line:
            continue
        a = json.loads(line)
        articles[os.path.basename(a.get("path") or a["id"])] = a
    return articles


def html_speed(speed_bin, files, rounds):
    out = subprocess.run([speed_bin, str(rounds)] + files, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"html_reader_mb_s (\S+)", out).group(1)), int(re.search(r"bytes (\d+)", out).group(1))


def main(argv=None):
    ap = argparse.ArgumentParser(prog="extraction", description=__doc__)
    ap.add_argument("--corpus", default=default_corpus(), help="the trafilatura-eval folder")
    ap.add_argument("--bin-dir", required=True, help="build folder with indexer/, bench/")
    ap.add_argument("--worst", type=int, default=20, help="worst pages listed (default 20)")
    ap.add_argument("--speed-rounds", type=int, default=3, help="rounds of the HTML reader's timing (median)")
    ap.add_argument("--baseline-speed-bin", help="another newsdex-bench-html-speed (e.g. built from main) "
                    "timed alternately with this one, for a ratio in the same run")
    ap.add_argument("--with-title", action="store_true", help="score title + body instead of the body")
    ap.add_argument("--workdir", help="keep the database there (default: a temporary folder, removed)")
    ap.add_argument("--json", help="also write every page's counts and cause to this file")
    args = ap.parse_args(argv)

    evaldata = os.path.join(args.corpus, "evaldata.json")
    pages = os.path.join(args.corpus, "pages")
    if not os.path.isfile(evaldata) or not os.path.isdir(pages):
        print("extraction: skipped: no benchmark pages at %s (set NEWSDEX_SHARED_DIR)" % args.corpus)
        return 0
    index_bin = os.path.join(args.bin_dir, "indexer", "newsdex-index")
    dump_bin = os.path.join(args.bin_dir, "bench", "newsdex-bench-dump-articles")
    speed_bin = os.path.join(args.bin_dir, "bench", "newsdex-bench-html-speed")
    for b in (index_bin, dump_bin, speed_bin):
        if not os.access(b, os.X_OK):
            print("extraction: missing program %s" % b, file=sys.stderr)
            return 2
    with open(evaldata, encoding="utf-8") as f:
        entries = json.load(f)

    work = args.workdir or tempfile.mkdtemp(prefix="newsdex-extraction-")
    db = os.path.join(work, "db")
    shutil.rmtree(db, ignore_errors=True)
    try:
        problems, summary = run_index(index_bin, pages, db)
        articles = read_articles(dump_bin, db)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    total = score.Counts()
    by_lang = collections.defaultdict(score.Counts)
    pages_by_lang = collections.Counter()
    per_page = []
    dated = carries = 0
    origins = collections.Counter()
    for url, e in entries.items():
        name = e["file"]
        with open(os.path.join(pages, name), "rb") as f:
            html = f.read().decode("utf-8", "replace")
        a = articles.get(name)
        text = None
        if a is not None:
            text = a.get("body") or ""
            if args.with_title:
                text = (a.get("title") or "") + "\n" + text
        c = score.score_page(text, e["with"], e["without"])
        total.add(c)
        lang = (a or {}).get("language") or score.declared_language(html) or "?"
        by_lang[lang].add(c)
        pages_by_lang[lang] += 1
        origin = (a or {}).get("date_origin", "skipped")
        origins[origin] += 1
        if score.page_carries_date(html):
            carries += 1
            dated += origin == "header"
        per_page.append({"file": name, "url": url, "language": lang, "tp": c.tp, "fn": c.fn, "fp": c.fp,
                         "tn": c.tn, "date_origin": origin,
                         "cause": score.cause(text, e["with"], e["without"], c, problems.get(name))})

    print("## Main text: %d pages, %d \"with\" and %d \"without\" segments%s\n"
          % (len(entries), total.tp + total.fn, total.fp + total.tn, " (title + body)" if args.with_title else ""))
    if summary:
        print("newsdex-index: " + summary[0] + "\n")
    print("| extractor | precision | recall | accuracy | F-score |")
    print("|---|---:|---:|---:|---:|")
    print("| **newsdex (this build)** | **%.3f** | **%.3f** | **%.3f** | **%.3f** |"
          % (total.precision(), total.recall(), total.accuracy(), total.f_score()))
    for name, p, r, acc, fs in published_rows(os.path.join(args.corpus, "README.md")):
        print("| %s (published) | %.3f | %.3f | %.3f | %.3f |" % (name, p, r, acc, fs))
    skipped = [p for p in per_page if p["date_origin"] == "skipped"]
    lost = [p for p in per_page if p["tp"] == 0 and p["date_origin"] != "skipped"]
    print("\nPages skipped: %d; stored but with none of their expected segments: %d" % (len(skipped), len(lost)))
    print("Dates: %d of %d pages with date markup dated from it (%.1f%%); date_origin over all pages: %s"
          % (dated, carries, 100.0 * dated / carries if carries else 0.0,
             ", ".join("%s %d" % kv for kv in sorted(origins.items()))))

    print("\n### By language (stored language, else <html lang>)\n")
    print("| language | pages | precision | recall | accuracy | F-score |")
    print("|---|---:|---:|---:|---:|---:|")
    for lang, n in pages_by_lang.most_common():
        c = by_lang[lang]
        print("| %s | %d | %.3f | %.3f | %.3f | %.3f |" % (lang, n, c.precision(), c.recall(), c.accuracy(), c.f_score()))

    print("\n### The %d worst pages (most segments wrong)\n" % args.worst)
    worst = sorted(per_page, key=lambda p: (-(p["fn"] + p["fp"]), p["tp"], p["file"]))[:args.worst]
    for p in worst:
        print("- `%s` (%s) tp %d fn %d fp %d: %s" % (p["file"], p["language"], p["tp"], p["fn"], p["fp"], p["cause"]))

    files = sorted(os.path.join(pages, e["file"]) for e in entries.values())
    print("\n### HTML reader speed (parse_html_page over the %d pages in memory, median of %d rounds)\n"
          % (len(files), args.speed_rounds))
    if args.baseline_speed_bin:
        mine, base = [], []
        for _ in range(args.speed_rounds):  # alternate, so load on the machine hits both alike
            mine.append(html_speed(speed_bin, files, 1)[0])
            base.append(html_speed(args.baseline_speed_bin, files, 1)[0])
        m, b = statistics.median(mine), statistics.median(base)
        print("this build %.2f MB/s, baseline %.2f MB/s: %.2fx" % (m, b, m / b))
    else:
        mb_s, size = html_speed(speed_bin, files, args.speed_rounds)
        print("%.2f MB/s over %.1f MB" % (mb_s, size / 1e6))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"precision": total.precision(), "recall": total.recall(), "accuracy": total.accuracy(),
                       "f_score": total.f_score(), "pages": per_page}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
