"""Every metric on cases worked out by hand (the arithmetic is in the comments)."""

import unittest

from relevance import metrics

# Judgments of one query: a, c, d relevant (c twice as useful), b judged non-relevant.
JUDGED = {"a": 1, "b": 0, "c": 2, "d": 1}
# b (non-relevant), a (relevant), x (unjudged), c (relevant), y (unjudged); d not found.
RANKING = ["b", "a", "x", "c", "y"]


class OneQuery(unittest.TestCase):
    def test_average_precision(self):
        # Relevant at ranks 2 and 4: (1/2 + 2/4) / 3 relevant = 1/3; d, never found, still counts.
        self.assertAlmostEqual(metrics.average_precision(RANKING, JUDGED), 1 / 3)

    def test_ndcg_uses_grades_as_gains(self):
        # DCG@10 = 1/log2(3) + 2/log2(5) = 0.630930 + 0.861353 = 1.492283
        # ideal: gains 2, 1, 1 -> 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.630930 + 0.5 = 3.130930
        self.assertAlmostEqual(metrics.ndcg_at(RANKING, JUDGED, 10), 1.492283 / 3.130930, places=6)

    def test_precision_divides_by_the_cutoff_even_when_fewer_were_returned(self):
        self.assertAlmostEqual(metrics.precision_at(RANKING, JUDGED, 10), 2 / 10)
        self.assertAlmostEqual(metrics.precision_at(RANKING, JUDGED, 2), 1 / 2)

    def test_recall(self):
        self.assertAlmostEqual(metrics.recall_at(RANKING, JUDGED, 100), 2 / 3)
        self.assertAlmostEqual(metrics.recall_at(RANKING, JUDGED, 3), 1 / 3)

    def test_reciprocal_rank(self):
        self.assertAlmostEqual(metrics.reciprocal_rank(RANKING, JUDGED), 1 / 2)

    def test_a_perfect_ranking_scores_one(self):
        perfect = ["c", "a", "d", "b"]
        m = metrics.query_metrics(perfect, JUDGED)
        for name in ("map", "ndcg@10", "r@100", "mrr"):
            self.assertAlmostEqual(m[name], 1.0, msg=name)
        self.assertAlmostEqual(m["p@10"], 3 / 10)

    def test_order_among_relevant_documents_matters_only_to_ndcg(self):
        # a (gain 1) before c (gain 2): DCG = 1 + 2/log2(3) = 2.261860; ideal = 2 + 1/log2(3) = 2.630930.
        judged = {"a": 1, "c": 2}
        self.assertAlmostEqual(metrics.ndcg_at(["a", "c"], judged, 10), 2.261860 / 2.630930, places=6)
        self.assertAlmostEqual(metrics.average_precision(["a", "c"], judged), 1.0)

    def test_cutoffs_ignore_what_lies_beyond(self):
        ranking = [f"n{i}" for i in range(100)] + ["a"]  # a at rank 101
        judged = {"a": 1}
        self.assertEqual(metrics.recall_at(ranking, judged, 100), 0.0)
        self.assertEqual(metrics.ndcg_at(ranking, judged, 10), 0.0)
        self.assertEqual(metrics.precision_at(ranking, judged, 10), 0.0)
        self.assertAlmostEqual(metrics.average_precision(ranking, judged), 1 / 101)
        self.assertAlmostEqual(metrics.reciprocal_rank(ranking, judged), 1 / 101)

    def test_ideal_ndcg_is_cut_at_k_too(self):
        # 12 relevant documents of gain 1, the first 10 found: ideal@10 = DCG@10, nDCG = 1.
        judged = {f"r{i}": 1 for i in range(12)}
        self.assertAlmostEqual(metrics.ndcg_at([f"r{i}" for i in range(10)], judged, 10), 1.0)

    def test_negative_grades_are_not_relevant_and_gain_nothing(self):
        judged = {"a": -1, "b": 1}
        self.assertAlmostEqual(metrics.ndcg_at(["a", "b"], judged, 10), (1 / 1.584963) / 1.0, places=6)
        self.assertAlmostEqual(metrics.reciprocal_rank(["a", "b"], judged), 1 / 2)

    def test_nothing_returned_scores_zero(self):
        for name, value in metrics.query_metrics([], JUDGED).items():
            self.assertEqual(value, 0.0, name)


class Averages(unittest.TestCase):
    def test_queries_without_relevant_documents_are_left_out_and_counted(self):
        qrels = {"1": {"a": 1}, "2": {"b": 0}, "3": {"c": 1}}
        run = {"1": ["a"], "2": ["b"], "3": ["x", "c"], "9": ["a"]}
        ev = metrics.evaluate(run, qrels, ["1", "2", "3", "4"])
        self.assertEqual(sorted(ev.per_query), ["1", "3"])
        # 2: judged but nothing relevant; 4: in the topics, never judged; 9: only in the run.
        self.assertEqual(ev.unscored, ["2", "4", "9"])
        self.assertAlmostEqual(ev.mean("map"), (1 + 1 / 2) / 2)
        self.assertAlmostEqual(ev.mean("mrr"), (1 + 1 / 2) / 2)

    def test_a_query_the_run_does_not_answer_counts_as_zero(self):
        qrels = {"1": {"a": 1}, "2": {"b": 1}}
        ev = metrics.evaluate({"1": ["a"]}, qrels)
        self.assertEqual(ev.per_query["2"]["map"], 0.0)
        self.assertAlmostEqual(ev.mean("map"), 0.5)
        self.assertAlmostEqual(ev.mean("p@10"), 0.05)

    def test_means_have_every_metric(self):
        ev = metrics.evaluate({"1": RANKING}, {"1": JUDGED})
        self.assertEqual(set(ev.means()), set(metrics.METRICS))

    def test_no_scored_query_means_zero(self):
        self.assertEqual(metrics.evaluate({}, {}).mean("map"), 0.0)


class Comparison(unittest.TestCase):
    def test_wins_ties_losses_and_significance(self):
        qrels = {str(q): {"a": 1} for q in range(1, 21)}
        base = metrics.evaluate({q: ["x", "a"] for q in qrels}, qrels)  # AP 1/2 everywhere
        better = metrics.evaluate({q: ["a"] for q in qrels}, qrels)     # AP 1 everywhere
        c = metrics.compare(better, base)
        self.assertEqual((c.wins, c.ties, c.losses), (20, 0, 0))
        # All 20 differences agree: only 2 of 2^20 sign patterns are as extreme.
        self.assertLess(c.p_value, 0.01)
        same = metrics.compare(base, base)
        self.assertEqual((same.wins, same.ties, same.losses), (0, 20, 0))
        self.assertEqual(same.p_value, 1.0)

    def test_mixed_results_are_not_significant(self):
        qrels = {str(q): {"a": 1} for q in range(1, 11)}
        base = metrics.evaluate({q: ["a"] if int(q) % 2 else ["x", "a"] for q in qrels}, qrels)
        other = metrics.evaluate({q: ["x", "a"] if int(q) % 2 else ["a"] for q in qrels}, qrels)
        c = metrics.compare(other, base)
        self.assertEqual((c.wins, c.ties, c.losses), (5, 0, 5))
        self.assertGreater(c.p_value, 0.5)


if __name__ == "__main__":
    unittest.main()
