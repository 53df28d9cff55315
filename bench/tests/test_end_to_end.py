"""The whole harness on tests/data/tiny, with the real newsdex-index, newsdex-search and
baseline programs (their paths come from ctest; without them the test skips).

Every ranking that matters in the tiny collection is forced by which documents hold
the query words, so every system must reach the numbers worked out by hand in
tests/data/tiny/README.md.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

from relevance import metrics, systems, trec

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
TINY = os.path.join(HERE, "data", "tiny")
BINARIES = {k: os.environ.get(k, "") for k in ("NEWSDEX_INDEX_BIN", "NEWSDEX_SEARCH_BIN", "NEWSDEX_BASELINE_BIN")}

EXPECTED_MEANS = {"map": 0.625, "ndcg@10": 0.622662, "p@10": 0.125, "r@100": 0.75, "mrr": 0.625}
EXPECTED_AP = {"1": 1.0, "2": 0.0, "4": 1.0, "5": 0.5}


@unittest.skipUnless(all(os.access(p, os.X_OK) for p in BINARIES.values()),
                     "NEWSDEX_*_BIN not set: run through ctest")
class TinyCollection(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "out")
        cmd = [sys.executable, "-m", "relevance", "--collection", TINY, "--out", cls.out,
               "--index-bin", BINARIES["NEWSDEX_INDEX_BIN"], "--search-bin", BINARIES["NEWSDEX_SEARCH_BIN"],
               "--baseline-bin", BINARIES["NEWSDEX_BASELINE_BIN"], "--jobs", "2", "--snippet-timing", "2",
               "--config", "classic-bm25=--weighting bm25:k1=1.2,b=0.75"]
        cls.proc = subprocess.run(cmd, cwd=BENCH, capture_output=True, text=True, timeout=240)
        with open(os.path.join(cls.out, "results.json"), encoding="utf-8") as f:
            cls.results = json.load(f)["collections"]["tiny"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def expected_systems(self):
        names = ["xapian-defaults", "newsdex", "classic-bm25"]
        return names + (["sqlite-fts5"] if systems.fts5_available() else [])

    def test_it_succeeds_and_prints_the_table(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        self.assertIn("tiny: 10 documents, 4 queries scored (1 without relevant documents left out)", self.proc.stdout)
        for name in self.expected_systems():
            self.assertIn(name, self.proc.stdout)
        self.assertIn("AP W/T/L", self.proc.stdout)
        self.assertIn("1 empty document(s) left out: 10", self.proc.stderr)
        self.assertIn("indexed 10 articles", self.proc.stderr)

    def test_every_system_reaches_the_hand_computed_numbers(self):
        self.assertEqual(self.results["scored"], 4)
        self.assertEqual(self.results["unscored"], 1)
        configs = self.results["configurations"]
        self.assertEqual(sorted(configs), sorted(self.expected_systems()))
        for name, result in configs.items():
            for metric, value in EXPECTED_MEANS.items():
                self.assertAlmostEqual(result["means"][metric], value, places=6, msg=f"{name} {metric}")
            self.assertEqual({q: m["map"] for q, m in result["per_query"].items()}, EXPECTED_AP, name)

    def test_run_files_are_trec_and_score_as_reported(self):
        qrels = trec.read_qrels(os.path.join(self.out, "tiny.qrels"))
        for name, result in self.results["configurations"].items():
            run = trec.read_run(os.path.join(self.out, f"tiny.{name}.run"))
            self.assertEqual(run["5"][:2], ["8", "9"], name)
            self.assertNotIn("3", run.get("2", []), name)  # no system can find it
            means = metrics.evaluate(run, qrels).means()
            for metric, value in result["means"].items():
                self.assertAlmostEqual(means[metric], value, places=9, msg=f"{name} {metric}")

    def test_snippet_timing(self):
        self.assertEqual(set(self.results["snippet_timing_ms"]), {"snippets", "no_snippets"})
        self.assertIn("median of 2 queries", self.proc.stdout)

    def test_markdown_table(self):
        with open(os.path.join(self.out, "table.md"), encoding="utf-8") as f:
            table = f.read()
        self.assertIn("| configuration | MAP | nDCG@10 | P@10 | R@100 | MRR |", table)
        self.assertIn("| newsdex | 0.6250 | 0.6227 | 0.1250 | 0.7500 | 0.6250 |", table)


class Skips(unittest.TestCase):
    def test_no_collections_is_a_clean_skip(self):
        with tempfile.TemporaryDirectory() as empty:
            env = dict(os.environ, NEWSDEX_SHARED_DIR=empty)
            proc = subprocess.run([sys.executable, "-m", "relevance", "--bin-dir", empty], cwd=BENCH, env=env,
                                  capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("skipped: no test collections found", proc.stdout)

    def test_missing_programs_are_a_usage_error(self):
        with tempfile.TemporaryDirectory() as empty:
            proc = subprocess.run([sys.executable, "-m", "relevance", "--bin-dir", empty, "--collection", TINY],
                                  cwd=BENCH, capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("not found; build first", proc.stderr)

    def test_bad_config_is_a_usage_error(self):
        # A taken name, no options, and a name cut short by an "=" in the scheme it meant to name.
        for spec in ("newsdex=--weighting dlh", "dlh", "bm25:k1=2=--weighting bm25:k1=2"):
            proc = subprocess.run([sys.executable, "-m", "relevance", "--config", spec],
                                  cwd=BENCH, capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 2, spec)
            self.assertIn("expected NAME=OPTIONS", proc.stderr)


if __name__ == "__main__":
    unittest.main()
