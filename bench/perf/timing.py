"""Timed runs of other programs: wall time and peak RSS from GNU time, a warm page cache,
and on-disk sizes."""
import os
import re
import subprocess
import sys
import time

GNU_TIME = "/usr/bin/time"


def warm(paths):
    """Reads every file under paths, so the timed run that follows reads from memory: this
    VM drops the page cache when idle for about a minute, which would otherwise make the
    first system of each round pay for the disk."""
    for p in paths:
        files = [p] if os.path.isfile(p) else (os.path.join(d, f) for d, _, fs in os.walk(p) for f in fs)
        for f in files:
            with open(f, "rb") as fh:
                while fh.read(1 << 20):
                    pass


def du(path):
    """Bytes on disk under path (allocated blocks, as `du -s` counts them)."""
    if os.path.isfile(path):
        return os.stat(path).st_blocks * 512
    total = 0
    for d, _, fs in os.walk(path):
        for f in fs:
            try:
                total += os.lstat(os.path.join(d, f)).st_blocks * 512
            except FileNotFoundError:
                pass
    return total


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class Run:
    """One timed command: seconds (wall), peak RSS in bytes, exit status, its output."""

    def __init__(self, seconds, rss, status, stdout, stderr, load):
        self.seconds, self.rss, self.status = seconds, rss, status
        self.stdout, self.stderr, self.load = stdout, stderr, load


def timed(cmd, ok_status=(0,), env=None, cwd=None, stdin=None):
    """Runs cmd under GNU time -v. Raises RuntimeError (with its stderr's tail) on a status
    outside ok_status."""
    load = load_average()
    start = time.monotonic()
    p = subprocess.run([GNU_TIME, "-v"] + list(cmd), capture_output=True, text=True,
                       env=env, cwd=cwd, stdin=stdin, errors="replace")
    wall = time.monotonic() - start
    rss_kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode not in ok_status:
        raise RuntimeError("%s exited with %d:\n%s" % (" ".join(cmd), p.returncode, p.stderr[-3000:]))
    return Run(wall, int(rss_kb.group(1)) * 1024 if rss_kb else None, p.returncode, p.stdout, p.stderr, load)


def log(*args):
    print("perf:", *args, file=sys.stderr, flush=True)
