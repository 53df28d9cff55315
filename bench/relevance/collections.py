"""Test collections: documents, queries and graded judgments, loaded with each one's quirks.

Three layouts are recognised in a folder:

- Cranfield (`cran.all.1400`, `cran.qry`, `cranqrel`): qrels name queries by their
  1-based position in cran.qry, not by their (non-consecutive) `.I` numbers; grades
  follow Cleverdon, 1 = complete answer ... 4 = minimum interest, and -1 = not
  relevant, so the gain used here is 5 - grade (4 for a complete answer, 0 for -1).
- CISI (`CISI.ALL`, `CISI.QRY`, `CISI.REL`): CISI.REL is `qid docid 0 0.000000`, not
  TREC qrels (every listed pair is relevant, gain 1); a query's `.T`/`.A`/`.B` describe
  a reference article, and only its `.W` is the information need; `.X` (citations) is
  not text; `.A` repeats, once per author.
- Generic (`docs.all`, `queries.qry`, `qrels`): SMART documents and queries, TREC qrels,
  queries named by their `.I` ids.
- CACM (`cacm.all`, `query.text`, `qrels.text`): the id of document 2856 is split over
  two lines (`.I 28` then `56`); two lines hold a control byte 0x19; `.K` (keywords),
  `.C` (categories), `.N` (load stamps) and `.X` (citations) are not text; qrels name
  queries with two zero-padded digits (`01`) where query.text writes `.I 1`; only 52
  of the 64 queries are judged.
- LISA (`LISA*.001`..., `LISA.QUE`, `LISARJ.NUM`): documents split over 14 files, each
  `Document <id>`, the title (upper case) up to a blank or all-space line, the abstract
  (upper case), a line of 44 `*`; queries end with ` #`; judgments come from
  LISARJ.NUM (`<qid> <n> <docid x n>`), since LISA.REL is wrong for queries 21-23.

In every layout a document with neither title nor text (Cranfield's 471 and 995) is
left out of the document list, so no system indexes it, and noted.
"""

from __future__ import annotations

import dataclasses
import os
import re

from . import smart, trec


@dataclasses.dataclass
class Document:
    docno: str
    title: str
    authors: list[str]
    source: str
    body: str


@dataclasses.dataclass
class Query:
    qid: str
    text: str


@dataclasses.dataclass
class Collection:
    name: str
    documents: list[Document]
    queries: list[Query]
    qrels: trec.Qrels
    notes: list[str] = dataclasses.field(default_factory=list)


class CollectionError(ValueError):
    """A folder that holds no known collection, or inconsistent files."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _documents(records: list[smart.Record], notes: list[str], multi_author: bool) -> list[Document]:
    docs, empty = [], []
    for r in records:
        authors = [_one_line(a) for a in r.parts("A")] if multi_author else [_one_line(r.text("A", " "))]
        doc = Document(r.id, _one_line(r.text("T", " ")), [a for a in authors if a], _one_line(r.text("B", " ")),
                       r.text("W").strip("\n"))
        if not doc.title and not doc.body.strip():
            empty.append(r.id)
            continue
        docs.append(doc)
    if empty:
        notes.append(f"{len(empty)} empty document(s) left out: {', '.join(empty)}")
    return docs


def _check_qrels(name: str, qrels: trec.Qrels, docs: list[Document], queries: list[Query], notes: list[str]) -> None:
    known_queries = {q.qid for q in queries}
    unknown_q = sorted(set(qrels) - known_queries)
    if unknown_q:
        raise CollectionError(f"{name}: judgments for queries that do not exist: {', '.join(unknown_q[:5])}")
    known_docs = {d.docno for d in docs}
    missing = sorted({d for judged in qrels.values() for d, g in judged.items() if g >= 1 and d not in known_docs})
    if missing:
        notes.append(f"{len(missing)} judged-relevant document(s) not in the index (count against recall): "
                     + ", ".join(missing[:10]))
    without = [q.qid for q in queries if not any(g >= 1 for g in qrels.get(q.qid, {}).values())]
    if without:
        notes.append(f"{len(without)} of {len(queries)} queries have no relevant document: left out of the means")


def load_cranfield(folder: str, name: str = "cranfield") -> Collection:
    notes: list[str] = []
    docs = _documents(smart.parse_file(os.path.join(folder, "cran.all.1400")), notes, multi_author=False)
    records = smart.parse_file(os.path.join(folder, "cran.qry"))
    # cranqrel numbers queries 1..225 by position; the .I numbers skip (001, 002, 004...).
    queries = [Query(str(position), _one_line(r.text("W", " "))) for position, r in enumerate(records, start=1)]
    qrels: trec.Qrels = {}
    path = os.path.join(folder, "cranqrel")
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 3:
                raise CollectionError(f"{path}:{number}: expected 'query doc grade', got {line.strip()!r}")
            qid, docno, code = parts
            grade = int(code)
            gain = 5 - grade if 1 <= grade <= 4 else 0
            judged = qrels.setdefault(qid, {})
            judged[docno] = max(gain, judged.get(docno, gain))
    _check_qrels(name, qrels, docs, queries, notes)
    return Collection(name, docs, queries, qrels, notes)


def load_cisi(folder: str, name: str = "cisi") -> Collection:
    notes: list[str] = []
    docs = _documents(smart.parse_file(os.path.join(folder, "CISI.ALL")), notes, multi_author=True)
    queries = [Query(r.id, _one_line(r.text("W", " "))) for r in smart.parse_file(os.path.join(folder, "CISI.QRY"))]
    qrels: trec.Qrels = {}
    path = os.path.join(folder, "CISI.REL")
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise CollectionError(f"{path}:{number}: expected 'query doc 0 0.0', got {line.strip()!r}")
            qrels.setdefault(parts[0], {})[parts[1]] = 1
    _check_qrels(name, qrels, docs, queries, notes)
    return Collection(name, docs, queries, qrels, notes)


def load_generic(folder: str, name: str) -> Collection:
    notes: list[str] = []
    docs = _documents(smart.parse_file(os.path.join(folder, "docs.all")), notes, multi_author=True)
    queries = [Query(r.id, _one_line(r.text("W", " "))) for r in smart.parse_file(os.path.join(folder, "queries.qry"))]
    qrels = {qid: {d: max(g, 0) for d, g in judged.items()}
             for qid, judged in trec.read_qrels(os.path.join(folder, "qrels")).items()}
    _check_qrels(name, qrels, docs, queries, notes)
    return Collection(name, docs, queries, qrels, notes)


def load_cacm(folder: str, name: str = "cacm") -> Collection:
    notes: list[str] = []
    path = os.path.join(folder, "cacm.all")
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    # Document 2856's id is split over two lines; 0x19 is a stray control byte.
    text, fixed = re.subn(r"^\.I 28\n56$", ".I 2856", text, flags=re.MULTILINE)
    text = text.replace("\x19", " ")
    if fixed:
        notes.append("document 2856's split id (.I 28 / 56) joined")
    records = smart.parse(text, path, frozenset("TWBAKCNX"))
    docs = []
    for r in records:
        title, body = _one_line(r.text("T", " ")), r.text("W", "\n").strip()
        if not title and not body:
            continue
        docs.append(Document(r.id, title, [a.strip() for a in "\n".join(r.parts("A")).splitlines() if a.strip()],
                             _one_line(r.text("B", " ")), body))
    queries = [Query(r.id, _one_line(r.text("W", " ")))
               for r in smart.parse_file(os.path.join(folder, "query.text"), frozenset("WANX"))]
    qrels: trec.Qrels = {}
    path = os.path.join(folder, "qrels.text")
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise CollectionError(f"{path}:{number}: expected 'qid docid 0 0', got {line.strip()!r}")
            qrels.setdefault(str(int(parts[0])), {})[str(int(parts[1]))] = 1
    _check_qrels(name, qrels, docs, queries, notes)
    return Collection(name, docs, queries, qrels, notes)


def load_lisa(folder: str, name: str = "lisa") -> Collection:
    notes: list[str] = []
    docs: list[Document] = []
    parts = sorted(f for f in os.listdir(folder) if re.fullmatch(r"LISA\d\.\d{3}", f))
    for part in parts:
        with open(os.path.join(folder, part), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for record in re.split(r"^\*{44}\s*$", text, flags=re.MULTILINE):
            lines = record.strip("\n").split("\n")
            while lines and not lines[0].strip():
                lines.pop(0)
            if not lines:
                continue
            head = re.fullmatch(r"Document\s+(\d+)\s*", lines[0])
            if not head:
                raise CollectionError(f"{part}: expected 'Document <id>', got {lines[0]!r}")
            rest = lines[1:]
            blank = next((i for i, line in enumerate(rest) if not line.strip()), 1)
            docs.append(Document(head.group(1), _one_line(" ".join(rest[:blank])), [], "",
                                 "\n".join(rest[blank:]).strip()))
    queries = []
    with open(os.path.join(folder, "LISA.QUE"), encoding="utf-8", errors="replace") as f:
        for block in f.read().split("#"):
            lines = block.strip().split("\n")
            if lines and lines[0].strip().isdigit():
                queries.append(Query(lines[0].strip(), _one_line(" ".join(lines[1:]))))
    with open(os.path.join(folder, "LISARJ.NUM"), encoding="utf-8") as f:
        numbers = [int(x) for x in f.read().split()]
    qrels: trec.Qrels = {}
    at = 0
    while at < len(numbers):
        qid, count = numbers[at], numbers[at + 1]
        qrels[str(qid)] = {str(d): 1 for d in numbers[at + 2:at + 2 + count]}
        at += 2 + count
    _check_qrels(name, qrels, docs, queries, notes)
    return Collection(name, docs, queries, qrels, notes)


def load(folder: str, name: str | None = None) -> Collection:
    """Loads the collection in `folder`, recognising its layout by its file names."""
    name = name or os.path.basename(os.path.normpath(folder))
    if os.path.isfile(os.path.join(folder, "cran.all.1400")):
        return load_cranfield(folder, name)
    if os.path.isfile(os.path.join(folder, "CISI.ALL")):
        return load_cisi(folder, name)
    if os.path.isfile(os.path.join(folder, "cacm.all")):
        return load_cacm(folder, name)
    if os.path.isfile(os.path.join(folder, "LISARJ.NUM")):
        return load_lisa(folder, name)
    if os.path.isfile(os.path.join(folder, "docs.all")):
        return load_generic(folder, name)
    raise CollectionError(f"{folder}: no collection here (expected cran.all.1400, CISI.ALL, or docs.all + "
                          "queries.qry + qrels)")


def keyword_variant(collection: Collection, words: int) -> Collection:
    """The collection with each query cut to its `words` rarest words (fewest documents
    holding them; words no document holds, and words of one or two letters, left out),
    in their original order: a stand-in for the two- or three-word queries people type,
    judged by the same qrels. Named `<name>-kw<words>`."""
    token = re.compile(r"[^\W_]+")
    df: dict[str, int] = {}
    for doc in collection.documents:
        for w in set(token.findall(f"{doc.title} {doc.body}".lower())):
            df[w] = df.get(w, 0) + 1
    queries = []
    for q in collection.queries:
        seen: list[str] = []
        for w in token.findall(q.text.lower()):
            if len(w) > 2 and df.get(w, 0) > 0 and w not in seen:
                seen.append(w)
        keep = set(sorted(seen, key=lambda w: (df[w], seen.index(w)))[:words])
        queries.append(Query(q.qid, " ".join(w for w in seen if w in keep)))
    return Collection(f"{collection.name}-kw{words}", collection.documents, queries, collection.qrels,
                      [f"queries cut to their {words} rarest words"])


def judged_only(collection: Collection) -> Collection:
    """The collection with only the queries that have a relevant document (the others
    are left out of every mean anyway): fewer searches to run."""
    queries = [q for q in collection.queries if any(g >= 1 for g in collection.qrels.get(q.qid, {}).values())]
    return Collection(collection.name, collection.documents, queries, collection.qrels, collection.notes)


def study_variants(collection: Collection) -> list[Collection]:
    """The four query forms of the generalisation study, sharing one document list (so
    one index): `<name>` the verbose queries in lower case, `<name>-short` their 3 rarest
    words in query order, and `<name>-verbose-upper`, `<name>-short-upper` the same in
    upper case (a pasted headline, caps lock, a collection typed in capitals)."""
    lower = Collection(collection.name, collection.documents,
                       [Query(q.qid, q.text.lower()) for q in collection.queries], collection.qrels,
                       collection.notes + ["queries in lower case"])
    short = keyword_variant(lower, 3)
    short = Collection(f"{collection.name}-short", short.documents, short.queries, short.qrels, short.notes)
    upper = lambda c, name: Collection(name, c.documents, [Query(q.qid, q.text.upper()) for q in c.queries],
                                       c.qrels, [n.replace("lower", "upper") for n in c.notes] + ["upper case"])
    return [lower, short, upper(lower, f"{collection.name}-verbose-upper"),
            upper(short, f"{collection.name}-short-upper")]
