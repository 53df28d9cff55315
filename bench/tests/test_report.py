"""The results table."""

import unittest

from relevance import metrics, report


class Table(unittest.TestCase):
    def setUp(self):
        qrels = {str(q): {"a": 1} for q in range(1, 21)}
        self.evaluations = {
            "base": metrics.evaluate({q: ["x", "a"] for q in qrels}, qrels),  # MAP 0.5
            "better": metrics.evaluate({q: ["a"] for q in qrels}, qrels),     # MAP 1.0
        }

    def test_rows_compare_with_the_baseline(self):
        base, better = report.rows(self.evaluations, "base")
        self.assertEqual(base, ["base", "0.5000", "0.6309", "0.1000", "1.0000", "0.5000", "", "", ""])
        self.assertEqual(better[0], "better")
        self.assertEqual(better[1], "1.0000")
        self.assertEqual(better[6:], ["+100.0%", "20/0/0", "<0.001"])

    def test_formats(self):
        table = report.rows(self.evaluations, "base")
        md = report.markdown(table).splitlines()
        self.assertEqual(md[0], "| " + " | ".join(report.header()) + " |")
        self.assertTrue(md[1].startswith("|---|---:|"))
        self.assertEqual(len(md), 4)
        plain = report.plain(table).splitlines()
        self.assertTrue(plain[0].startswith("configuration"))
        self.assertEqual(len({len(line) for line in plain}), 1)  # aligned columns


if __name__ == "__main__":
    unittest.main()
