"""The synthetic corpus generator (perf/synth.py): deterministic for a seed, and shaped like
its model: article lengths and word frequencies roughly preserved. No ../shared needed: the
model is a small corpus made here."""
import collections
import io
import json
import os
import random
import statistics
import tempfile
import unittest

from perf import synth

WORDS = ["the", "minister", "said", "oil", "prices", "rose,", "Taurus", "bank.", "rates", "election"]


def fake_corpus(path, n=300):
    """n articles, Zipf-like word use, lengths 20-400 words in 1-6 paragraphs."""
    rng = random.Random(7)
    weights = [1 / (i + 1) for i in range(len(WORDS))]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            paras = [" ".join(rng.choices(WORDS, weights, k=rng.randint(5, 70))) for _ in range(rng.randint(1, 6))]
            f.write(json.dumps({"id": str(i), "title": " ".join(rng.choices(WORDS, k=rng.randint(2, 9))),
                                "body": "\n".join(paras), "source": rng.choice(["bbc", "reuters"])}) + "\n")


class Generator(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "news.jsonl")
        fake_corpus(cls.path)
        cls.model = synth.Model.from_jsonl(cls.path)
        with open(cls.path, encoding="utf-8") as f:
            cls.real = [json.loads(line) for line in f]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def generate(self, n, seed):
        out = io.StringIO()
        synth.write(self.model, n, seed, out)
        return out.getvalue()

    def test_same_seed_same_bytes(self):
        self.assertEqual(self.generate(200, 42), self.generate(200, 42))

    def test_model_does_not_depend_on_input_order(self):
        shuffled = os.path.join(self.tmp.name, "shuffled.jsonl")
        with open(self.path, encoding="utf-8") as f:
            lines = f.readlines()
        random.Random(1).shuffle(lines)
        with open(shuffled, "w", encoding="utf-8") as f:
            f.writelines(lines)
        out = io.StringIO()
        synth.write(synth.Model.from_jsonl(shuffled), 50, 3, out)
        self.assertEqual(out.getvalue(), self.generate(50, 3))

    def test_other_seed_other_articles(self):
        self.assertNotEqual(self.generate(50, 1), self.generate(50, 2))

    def test_records_are_what_newsdex_index_reads(self):
        lines = self.generate(20, 5).splitlines()
        self.assertEqual(len(lines), 20)
        for line in lines:
            d = json.loads(line)
            self.assertEqual(set(d), {"id", "title", "body", "source", "date"})
            self.assertTrue(d["title"] and d["body"])
            self.assertRegex(d["date"], r"^(198[7-9]|199\d|20[0-2]\d)-\d\d-\d\d$")
        self.assertEqual(len({json.loads(line)["id"] for line in lines}), 20)

    def test_length_distribution_roughly_preserved(self):
        fake = [json.loads(line) for line in self.generate(3000, 9).splitlines()]
        real_len = [len(d["body"].split()) for d in self.real]
        fake_len = [len(d["body"].split()) for d in fake]
        self.assertAlmostEqual(statistics.mean(fake_len) / statistics.mean(real_len), 1, delta=0.05)
        self.assertAlmostEqual(statistics.median(fake_len) / statistics.median(real_len), 1, delta=0.1)
        self.assertEqual(max(fake_len) <= max(real_len), True)

    def test_word_frequencies_roughly_preserved(self):
        def shares(docs):
            c = collections.Counter(w for d in docs for w in d["body"].split())
            total = sum(c.values())
            return {w: n / total for w, n in c.items()}
        real = shares(self.real)
        fake = shares(json.loads(line) for line in self.generate(3000, 11).splitlines())
        self.assertEqual(set(fake), set(real))  # no word the model never saw
        for w, share in real.items():
            self.assertAlmostEqual(fake[w], share, delta=0.1 * share, msg=w)


if __name__ == "__main__":
    unittest.main()
