#!/usr/bin/env python3
"""capwords_module.py — capwords.py written with the spanpipe module.

Marks words written in capitals ("SALT", "NATO", "ABM") as spans of the layer
`caps`, with the word in attrs, like capwords.py, which speaks the protocol
by hand; the module does the handshake, the JSON, the ids and the flushing:

    spanpipe run -p exec:command='python3 examples/exec/capwords_module.py' corpus.jsonl
"""
import re

import spanpipe

WORD = re.compile(r"\b[A-Z][A-Z0-9]+\b")


@spanpipe.stage(name="capwords", version="1.0.0", produces=["caps"])
def capwords(doc):
    """mark words in capitals"""
    for m in WORD.finditer(doc.text):
        doc.add("caps", m.start(), m.end(), word=m.group())
