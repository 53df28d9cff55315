"""SMART and TREC parsing, and the quirks of each collection layout."""

import os
import tempfile
import unittest

from relevance import collections, smart, systems, trec


class Smart(unittest.TestCase):
    def test_fields_markers_with_trailing_blanks_and_repeats(self):
        text = ".I 1\n.T \nA title\n.A\nSmith, J.\n.A\nJones, K.\n.W\n  first line\nsecond line\n.X\n1\t5\t1\n.I 2\n.W\nx\n"
        r1, r2 = smart.parse(text)
        self.assertEqual(r1.id, "1")
        self.assertEqual(r1.text("T"), "A title")
        self.assertEqual(r1.parts("A"), ["Smith, J.", "Jones, K."])
        self.assertEqual(r1.text("W"), "  first line\nsecond line")
        self.assertEqual(r2.text("W"), "x")
        self.assertEqual(r2.text("T"), "")

    def test_unknown_dot_lines_are_text(self):
        # CISI document 321 has in-text ".K " and ".C " lines.
        r = smart.parse(".I 321\n.W\nabstract\n.K \nmore\n.C \nend\n")[0]
        self.assertEqual(r.text("W"), "abstract\n.K \nmore\n.C \nend")

    def test_empty_fields(self):
        r = smart.parse(".I 471\n.T\n.A\n.B\n.W\n\n")[0]
        self.assertEqual([r.text(f) for f in "TABW"], ["", "", "", ""])

    def test_crlf(self):
        r = smart.parse(".I 7\r\n.W\r\nword\r\n")[0]
        self.assertEqual(r.text("W"), "word")

    def test_errors_name_the_line(self):
        for text, where in ((".T\nx\n", ":1:"), ("junk\n.I 1\n", ":1:"), (".I 1\n.W\nx\n.I 1\n", ":4:"),
                            (".I 1\nstray\n", ":2:"), ("", "no .I")):
            with self.assertRaises(smart.SmartFormatError) as e:
                smart.parse(text, "f.all")
            self.assertIn(where, str(e.exception))


class Trec(unittest.TestCase):
    def test_qrels_round_trip_and_duplicates_keep_the_higher_grade(self):
        q = trec.parse_qrels("1 0 d1 1\n1 0 d2 0\n2 0 d1 2\n1 0 d1 3\n\n")
        self.assertEqual(q, {"1": {"d1": 3, "d2": 0}, "2": {"d1": 2}})
        self.assertEqual(trec.parse_qrels(trec.format_qrels(q)), q)

    def test_run_order_follows_trec_eval(self):
        # By score, highest first; equal scores by docno in reverse string order.
        run = trec.parse_run("1 Q0 a 1 2.0 t\n1 Q0 c 2 5.0 t\n1 Q0 b 3 2.0 t\n1 Q0 c 4 1.0 t\n")
        self.assertEqual(run, {"1": ["c", "b", "a"]})

    def test_written_runs_keep_the_given_order(self):
        run = {"2": ["z", "a", "m"], "10": ["b"]}
        self.assertEqual(trec.parse_run(trec.format_run(run, "tag")), run)
        self.assertTrue(trec.format_run(run, "tag").startswith("2 Q0 z 1 3 tag\n"))

    def test_malformed_lines(self):
        for bad in ("1 0 d1\n", "1 0 d1 yes\n"):
            with self.assertRaises(trec.TrecFormatError):
                trec.parse_qrels(bad)
        for bad in ("1 Q0 d 1 x t\n", "1 Q0 d 1\n", "1 Q0 d 1 nan t\n"):
            with self.assertRaises(trec.TrecFormatError):
                trec.parse_run(bad)


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


class Layouts(unittest.TestCase):
    def test_cranfield_numbers_queries_by_position_and_reverses_grades(self):
        with tempfile.TemporaryDirectory() as d:
            write(d, "cran.all.1400", ".I 1\n.T\nwing .\n.A\nsmith,j.\n.B\nj. ae. 1958\n.W\nwing lift .\n"
                                      ".I 2\n.T\n.A\n.B\n.W\n\n.I 3\n.T\nflow\n.W\nflow\n")
            write(d, "cran.qry", ".I 001\n.W\nwing lift .\n.I 004\n.W\nflow\n")
            write(d, "cranqrel", "1 1 1 \n1 3 4 \n1 2 -1 \n2 3 2 ")
            c = collections.load(d, "cran")
        self.assertEqual([q.qid for q in c.queries], ["1", "2"])  # not 001, 004
        self.assertEqual(c.qrels, {"1": {"1": 4, "3": 1, "2": 0}, "2": {"3": 3}})
        self.assertEqual([doc.docno for doc in c.documents], ["1", "3"])  # 2 is empty
        self.assertEqual(c.documents[0].authors, ["smith,j."])
        self.assertEqual(c.documents[0].source, "j. ae. 1958")
        self.assertTrue(any("empty" in n for n in c.notes))

    def test_cisi_reads_its_rel_format_and_only_the_query_text(self):
        with tempfile.TemporaryDirectory() as d:
            write(d, "CISI.ALL", ".I 1\n.T \nTitle\n.A \nA, B.\n.A\nC, D.\n.W\n   Text\n.X\n1\t5\t1\n"
                                 ".I 2\n.T\nOther\n.W\nMore\n.X\n2\t5\t2\n")
            write(d, "CISI.QRY", ".I 1\n.T\nReference article\n.A\nSomeone\n.B\n1970\n.W\nThe need.\n"
                                 ".I 2\n.W\nUnjudged need.\n")
            write(d, "CISI.REL", "     1     2\t0\t0.000000\n")
            c = collections.load(d, "cisi")
        self.assertEqual(c.queries[0].text, "The need.")
        self.assertEqual(c.documents[0].authors, ["A, B.", "C, D."])
        self.assertEqual(c.documents[0].body, "   Text")
        self.assertEqual(c.qrels, {"1": {"2": 1}})
        self.assertTrue(any("1 of 2 queries have no relevant" in n for n in c.notes))

    def test_judgments_for_unknown_queries_are_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            write(d, "docs.all", ".I 1\n.W\nx\n")
            write(d, "queries.qry", ".I 1\n.W\nx\n")
            write(d, "qrels", "5 0 1 1\n")
            with self.assertRaises(collections.CollectionError):
                collections.load(d)

    def test_a_folder_without_a_collection(self):
        with tempfile.TemporaryDirectory() as d, self.assertRaises(collections.CollectionError):
            collections.load(d)


class KeywordQueries(unittest.TestCase):
    def test_queries_keep_their_rarest_words_in_order(self):
        docs = [collections.Document(str(i), "", [], "", body) for i, body in enumerate(
            ["the wing flutter at speed", "the wing at speed", "the speed of sound", "the end"])]
        # document frequency: the 4, speed 3, wing 2, flutter 1; "zebra" is in no document, "at" too short
        col = collections.Collection("c", docs, [collections.Query("1", "The zebra wing flutter at speed?")],
                                     {"1": {"0": 1}})
        kw = collections.keyword_variant(col, 2)
        self.assertEqual(kw.name, "c-kw2")
        self.assertEqual(kw.queries[0].text, "wing flutter")
        self.assertEqual(collections.keyword_variant(col, 3).queries[0].text, "wing flutter speed")
        self.assertIs(kw.documents, col.documents)
        self.assertEqual(kw.qrels, col.qrels)


class QueryText(unittest.TestCase):
    def test_syntax_is_neutralised_but_words_stay(self):
        cases = {
            'flow (the "slip" effect) .': "flow the slip effect .",
            "-car +taurus non-linear": "car taurus non-linear",
            "MEDLARS AND OR NOT title: x": "MEDLARS title x",
            "heat and mass transfer or flow, not ADJ": "heat mass transfer flow,",
            "android ordinal notable": "android ordinal notable",
            "  a\n b ": "a b",
        }
        for raw, cleaned in cases.items():
            self.assertEqual(systems.query_text(raw), cleaned, raw)


class Articles(unittest.TestCase):
    def test_header_block_then_body(self):
        with tempfile.TemporaryDirectory() as d:
            path = systems.write_article(collections.Document("7", "T", ["A, B.", "C"], "J. 1958", "body\ntext"), d)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), "Title: T\nAuthor: A, B.; C\nSource: J. 1958\n\nbody\ntext\n")
            path = systems.write_article(collections.Document("8", "", [], "", "Name: value line"), d)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), "Language: en\n\nName: value line\n")


if __name__ == "__main__":
    unittest.main()
