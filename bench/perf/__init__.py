"""The performance benchmark (bench/perf.sh): corpus synthesis, timed runs of Newsdex and
its peers (omindex, SQLite FTS5), and the report. Python 3 standard library only."""
