"""SMART-format records: `.I <id>` starts a record; field markers stand alone on a line.

    .I 12
    .T
    title words ...
    .A
    an author
    .W
    abstract ...

Only the markers a collection declares are fields (by default .T .A .B .W .X). Any other
line that begins with a dot is text: CISI's document 321 holds in-text lines `.K ` and
`.C `, which a parser that splits on every leading dot would take for fields. Markers
may carry trailing blanks (CISI writes `.T `). A field that appears more than once in
a record (CISI repeats `.A` for each author) keeps every occurrence, in order.
"""

from __future__ import annotations

import dataclasses
import re

DEFAULT_FIELDS = frozenset("TABWX")

_ID_LINE = re.compile(r"^\.I[ \t]+(\S+)[ \t]*$")


class SmartFormatError(ValueError):
    """A file that is not in SMART format; the message names the file and line."""


@dataclasses.dataclass
class Record:
    id: str
    fields: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    def text(self, marker: str, sep: str = "\n") -> str:
        """All occurrences of a field, each stripped of surrounding blank lines, joined."""
        return sep.join(part for part in self.fields.get(marker, []) if part)

    def parts(self, marker: str) -> list[str]:
        return [part for part in self.fields.get(marker, []) if part]


def parse(text: str, source: str = "<text>", fields: frozenset[str] = DEFAULT_FIELDS) -> list[Record]:
    """Parses SMART text into records, in file order. Raises SmartFormatError for text
    before the first `.I`, for a duplicate record id, or for a file with no record."""
    records: list[Record] = []
    seen: set[str] = set()
    current: Record | None = None
    marker: str | None = None
    lines: list[str] = []

    def close_field() -> None:
        if current is not None and marker is not None:
            current.fields.setdefault(marker, []).append("\n".join(lines).strip("\n"))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        id_match = _ID_LINE.match(line)
        if id_match:
            close_field()
            record_id = id_match.group(1)
            if record_id in seen:
                raise SmartFormatError(f"{source}:{number}: duplicate record .I {record_id}")
            seen.add(record_id)
            current = Record(record_id)
            records.append(current)
            marker, lines = None, []
            continue
        stripped = line.rstrip()
        if len(stripped) == 2 and stripped[0] == "." and stripped[1] in fields:
            if current is None:
                raise SmartFormatError(f"{source}:{number}: field {stripped} before the first .I")
            close_field()
            marker, lines = stripped[1], []
            continue
        if current is None:
            if stripped:
                raise SmartFormatError(f"{source}:{number}: text before the first .I record")
            continue
        if marker is None:
            if stripped:
                raise SmartFormatError(f"{source}:{number}: text outside any field of record {current.id}")
            continue
        lines.append(line)
    close_field()
    if not records:
        raise SmartFormatError(f"{source}: no .I records")
    return records


def parse_file(path: str, fields: frozenset[str] = DEFAULT_FIELDS) -> list[Record]:
    with open(path, encoding="utf-8", errors="replace") as f:
        return parse(f.read(), path, fields)
