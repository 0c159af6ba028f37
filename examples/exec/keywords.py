#!/usr/bin/env python3
"""keywords.py — mark given words: a spanpipe stage in Python with options.

Options are given after the program's name, as key=value; a list takes its
items separated by commas. spanpipe's -p separates its own options with
commas too, so put the command in double quotes (or write each comma as \\,):

    spanpipe run -p 'exec:command="python3 examples/exec/keywords.py words=SALT,ABM ignore_case=true"' corpus.jsonl

Each match becomes a span of the layer `keyword` with the word it matched.
`python3 examples/exec/keywords.py --help` lists the options.
"""
import re

import spanpipe


@spanpipe.stage(name="keywords", version="1.0.0", produces=["keyword"],
                options={"words": [], "ignore_case": False})
def keywords(doc, words, ignore_case):
    """mark each occurrence of the given words"""
    if not words:
        return
    pattern = _pattern(tuple(words), ignore_case)
    for m in pattern.finditer(doc.text):
        doc.add("keyword", m.start(), m.end(), word=m.group())


_cache = {}


def _pattern(words, ignore_case):
    """The regular expression for WORDS, compiled once for the whole run."""
    key = (words, ignore_case)
    if key not in _cache:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        _cache[key] = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)",
                                 re.IGNORECASE if ignore_case else 0)
    return _cache[key]
