#!/usr/bin/env python3
"""capwords.py — an example spanpipe stage in Python (standard library only).

Marks words written in capitals ("SALT", "NATO", "ABM") as spans of the layer
`caps`, with the word in attrs:

    spanpipe run -p exec:command='python3 examples/exec/capwords.py' corpus.jsonl

The protocol: print one handshake line declaring the layers, then for each
document line read, print that document back with the new spans added.
Offsets are code points, which is what Python's string indices are.

capwords_module.py is the same stage written with the spanpipe Python module,
which does all of this for you (docs/python.md); this one stays as the
protocol written out, and as the baseline `make bench` compares it with.
"""
import json
import re
import sys

WORD = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def annotate(doc):
    spans = doc.setdefault("spans", [])
    for n, m in enumerate(WORD.finditer(doc["text"])):
        spans.append({"id": f"caps.{n}", "layer": "caps",
                      "start": m.start(), "end": m.end(),
                      "attrs": {"word": m.group()}})
    return doc


def main():
    print(json.dumps({"requires": [], "produces": ["caps"]}), flush=True)
    for line in sys.stdin:
        doc = json.loads(line)
        # ensure_ascii=False keeps the text as it came (any escape form is fine)
        sys.stdout.write(json.dumps(annotate(doc), ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
