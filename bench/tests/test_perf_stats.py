"""The performance report's arithmetic (perf/stats.py) on cases worked out by hand."""
import unittest

from perf import queries, stats


class Stats(unittest.TestCase):
    def test_median(self):
        self.assertEqual(stats.median([3, 1, 2]), 2)
        self.assertEqual(stats.median([4, 1, 3, 2]), 2.5)
        self.assertIsNone(stats.median([]))
        self.assertEqual(stats.median([None, 5, 1]), 3)  # a missing run is left out

    def test_percentile_interpolates_between_ranks(self):
        xs = [1, 2, 3, 4]
        self.assertEqual(stats.percentile(xs, 50), 2.5)
        self.assertEqual(stats.percentile(xs, 0), 1)
        self.assertEqual(stats.percentile(xs, 100), 4)
        # rank (4 - 1) * 0.95 = 2.85: 3 + 0.85 * (4 - 3)
        self.assertAlmostEqual(stats.percentile(xs, 95), 3.85)
        # 1..100: p99 at rank 98.01 -> 99.01
        self.assertAlmostEqual(stats.percentile(range(1, 101), 99), 99.01)
        self.assertEqual(stats.percentile([7], 99), 7)
        self.assertIsNone(stats.percentile([], 50))
        self.assertEqual(stats.percentile([5, 1, 4, 2, 3], 50), 3)  # unsorted input
        with self.assertRaises(ValueError):
            stats.percentile(xs, 101)

    def test_ratio(self):
        self.assertEqual(stats.ratio(6, 3), 2)
        self.assertIsNone(stats.ratio(1, 0))
        self.assertIsNone(stats.ratio(None, 2))
        self.assertEqual(stats.fmt_ratio(stats.ratio(1, 8)), "0.12×")
        self.assertEqual(stats.fmt_ratio(None), "–")
        self.assertEqual(stats.fmt_num(12345.6), "12,346")


class Fts5Syntax(unittest.TestCase):
    def check(self, text, match, date_from="", date_to=""):
        self.assertEqual(queries.to_fts5(text), (match, date_from, date_to))

    def test_rewriting(self):
        self.check("said", '"said"')
        self.check("taurus AND missiles", '"taurus" AND "missiles"')
        self.check('"foreign minister"', '"foreign minister"')
        self.check("minist*", '"minist"*')
        self.check("(oil OR gas) AND prices", '( "oil" OR "gas" ) AND "prices"')
        self.check("title:oil", 'title : "oil"')
        self.check("oil date:1987-01-01..1987-12-31", '"oil"', "1987-01-01", "1987-12-31")
        self.check("election date:2000-01-01..", '"election"', "2000-01-01", "")


if __name__ == "__main__":
    unittest.main()
