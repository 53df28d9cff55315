"""Relevance evaluation harness for Newsdex (see bench/README.md).

Reads SMART-format IR test collections and their judgments, indexes them with the
real newsdex-index, runs every query through the real newsdex-search, does the same
with plain Xapian defaults and SQLite FTS5, and scores all runs the way trec_eval does.
Python 3 standard library only.
"""
