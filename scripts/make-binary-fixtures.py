#!/usr/bin/env python3
"""Regenerates the binary fixtures in corpus/ (a WARC with per-record gzip members, a
tar.gz and a zip of articles) from the text written here, so their content can be
reviewed. Run from the checkout: scripts/make-binary-fixtures.py"""
import gzip
import io
import os
import tarfile
import time
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")
FIXED_TIME = 1714557600  # 2024-05-01T10:00:00Z: reproducible archives


def http_response(status, headers, body):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def warc_record(warc_type, uri, date, content_type, block, number):
    headers = [("WARC-Type", warc_type), ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"),
               ("WARC-Date", date)]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def chunked(data, size=200):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


PAGE_EN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Night buses return to the coast road | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-04-30T19:00:00Z">
<meta name="author" content="Jonas Berg"></head>
<body><nav class="top-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night buses return to the coast road</h1>
<p>Night buses will run again on the coast road from June, four years after the service was cut,
the transport authority confirmed on Tuesday.</p>
<p>Buses will leave the harbour every hour between midnight and five in the morning on Fridays and
Saturdays, with a trial of weekday services planned for the autumn.</p></article>
<div class="cookie-consent"><p>This site uses cookies. Accept all cookies?</p></div>
</body></html>"""

PAGE_DE = """<html lang="de"><head><title>Fähre nach Helgoland fährt wieder täglich</title></head>
<body><div class="story"><p>Die Fähre nach Helgoland fährt ab Mai wieder täglich, teilte die Reederei
am Montag mit. Im Winter hatte sie nur dreimal pro Woche verkehrt.</p>
<p>Für Tagesgäste gibt es künftig ein günstigeres Rückfahrticket, das auch für Fahrräder gilt.</p></div>
</body></html>"""


def make_warc():
    records = []
    n = 0

    def add(*args):
        nonlocal n
        n += 1
        records.append(warc_record(*args, n))

    add("warcinfo", None, "2024-05-01T10:00:00Z", "application/warc-fields",
        b"software: newsdex fixture writer\r\nformat: WARC File Format 1.1\r\n")
    add("request", "https://courier.example.org/2024/04/30/night-buses", "2024-05-01T10:00:01Z",
        "application/http; msgtype=request", b"GET /2024/04/30/night-buses HTTP/1.1\r\nHost: courier.example.org\r\n\r\n")
    body = chunked(gzip.compress(PAGE_EN.encode("utf-8"), mtime=0))
    add("response", "https://courier.example.org/2024/04/30/night-buses", "2024-05-01T10:00:02Z",
        "application/http; msgtype=response",
        http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                 ("Transfer-Encoding", "chunked")], body))
    add("metadata", "https://courier.example.org/2024/04/30/night-buses", "2024-05-01T10:00:02Z",
        "application/warc-fields", b"outlink: https://courier.example.org/news\r\n")
    add("response", "https://courier.example.org/old-buses", "2024-05-01T10:00:03Z",
        "application/http; msgtype=response",
        http_response("301 Moved Permanently", [("Location", "https://courier.example.org/2024/04/30/night-buses"),
                                                ("Content-Length", "0")], b""))
    add("response", "https://courier.example.org/logo.png", "2024-05-01T10:00:04Z",
        "application/http; msgtype=response",
        http_response("200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + bytes(32)))
    add("response", "https://courier.example.org/missing", "2024-05-01T10:00:05Z",
        "application/http; msgtype=response",
        http_response("404 Not Found", [("Content-Type", "text/html")], b"<p>Page not found</p>"))
    add("response", "https://nordsee.example.de/2024/05/faehre-helgoland", "2024-05-01T10:00:06Z",
        "application/http; msgtype=response",
        http_response("200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], PAGE_DE.encode("latin-1")))
    with open(os.path.join(ROOT, "warc", "coastal-crawl.warc.gz"), "wb") as out:
        for record in records:  # one gzip member per record, as WARC tools write them
            out.write(gzip.compress(record, mtime=0))


ARCHIVE_TEXT = {
    "regional-desk/ferry-timetable.txt": """Title: Summer ferry timetable adds a late sailing
Author: Maren Holt
Date: 2024-04-20
Source: The Coastal Courier

The summer ferry timetable adds a late sailing at half past eleven on Fridays and Saturdays from
the end of May, the operator said.

The change follows a petition signed by more than two thousand residents of the island.
""",
    "regional-desk/market-hall.html": """<html lang="en"><head><title>Market hall reopens after restoration</title>
<meta name="author" content="Priya Natarajan"><meta property="article:published_time" content="2024-04-21"></head>
<body><article><h1>Market hall reopens after restoration</h1><p>The Victorian market hall reopened on Saturday
after a two-year restoration that replaced its glass roof and repaired the cast-iron columns.</p>
<p>Forty traders have taken stalls, half of them selling local produce.</p></article></body></html>
""",
    "regional-desk/briefs.jsonl": """{"title": "Library extends opening hours", "text": "The central library will open until eight in the evening on weekdays from next month.", "date": "2024-04-22"}
{"title": "Beach cleaning day draws volunteers", "text": "More than three hundred volunteers collected rubbish along the dunes on Sunday.", "date": "2024-04-22"}
""",
}

ZIP_TEXT = {
    "sports-desk/rowing-regatta.txt": """Priya Natarajan

Rowing club wins the estuary regatta for the third year

The town rowing club won the estuary regatta for the third year running on Saturday, finishing two
lengths clear of the university crew in blustery conditions.
""",
    "sports-desk/cycling-sportive.txt": """Title: Coastal cycling sportive sells out in a day
Date: 2024-04-25

All two thousand places in the coastal cycling sportive sold out within a day of opening, the
organisers said, and a waiting list has been set up.
""",
}


def make_archives():
    with tarfile.open(os.path.join(ROOT, "archives", "regional-desk.tar.gz"), "w:gz") as tar:
        for name, text in ARCHIVE_TEXT.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = FIXED_TIME
            tar.addfile(info, io.BytesIO(data))
    with zipfile.ZipFile(os.path.join(ROOT, "archives", "sports-desk.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in ZIP_TEXT.items():
            info = zipfile.ZipInfo(name, time.gmtime(FIXED_TIME)[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    make_warc()
    make_archives()
