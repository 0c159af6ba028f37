"""reading.py — spanpipe's output read back into Python.

    for doc in spanpipe.read("annotated.jsonl.gz"):
        for s in doc.spans("note-ref"):
            print(doc.id, s.text, s.ref("note").text)

read() takes JSON Lines, plain or gzipped (told by content, like the
command: concatenated gzip members included), from a path, "-" (standard
input) or an open file. to_rows() turns spans into a list of dicts, one a
span, for pandas (`pandas.DataFrame(rows)`) or the csv module.
"""

import io
import json
import os
import sys

from .document import Doc

__all__ = ["read", "to_rows"]

_GZIP_MAGIC = b"\x1f\x8b"


def _lines(source):
    """The lines of SOURCE, ungzipped when it is gzip, and whether read()
    opened it (and is to close it)."""
    if source == "-":
        f, opened = sys.stdin.buffer, False
    elif isinstance(source, (str, bytes, os.PathLike)):
        f, opened = open(source, "rb"), True
    elif isinstance(source, io.TextIOBase):
        if not hasattr(source, "buffer"):  # io.StringIO: text already
            return source, source, False
        f, opened = source.buffer, False
    else:
        f, opened = source, False
    if not hasattr(f, "peek"):
        f = io.BufferedReader(f)
    if f.peek(2)[:2] == _GZIP_MAGIC:
        import gzip  # here: a stage that never reads files does not load it
        return f, gzip.GzipFile(fileobj=f, mode="rb"), opened
    return f, f, opened


def read(source):
    """Yield each document of SOURCE (a path, "-" for standard input, or a
    file opened in binary or text mode) as a Doc. Blank lines are skipped;
    a line that is not a document raises ValueError naming the line."""
    f, lines, opened = _lines(source)
    if isinstance(source, (str, bytes, os.PathLike)):
        name = os.fsdecode(source)
    else:
        name = str(getattr(f, "name", "<input>"))
    try:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = Doc(json.loads(line))
            except ValueError as e:
                raise ValueError(f"{name}:{n}: not a spanpipe document: {e}") from None
            yield doc
    finally:
        if opened:
            f.close()


def _docs(source):
    if isinstance(source, Doc):
        return (source,)
    if isinstance(source, (str, bytes, os.PathLike, io.IOBase)):
        return read(source)
    return source


def to_rows(source, *layers, text=True):
    """One dict a span of the given layers (all when none is given): "doc"
    (the document's id), "id", "layer", "start", "end", "text" (unless
    text=False), and each attr as "attrs.KEY" (the names `spanpipe spans -f`
    uses). SOURCE is a Doc, documents (any iterable of Docs), or what read()
    takes. pandas.DataFrame(to_rows(...)) makes a table of them."""
    rows = []
    for doc in _docs(source):
        for s in doc.spans(*layers):
            row = {"doc": doc.id, "id": s.id, "layer": s.layer, "start": s.start, "end": s.end}
            if text:
                row["text"] = doc.text[s.start:s.end]
            for key, value in s.attrs.items():
                row["attrs." + key] = value
            rows.append(row)
    return rows
