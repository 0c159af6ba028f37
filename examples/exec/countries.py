#!/usr/bin/env python3
"""countries.py — mark the names of countries (a spanpipe stage in Python).

Each mention of a country becomes a span of the layer `country`, with the
country's usual name in attrs ("USSR" and "Soviet Union" are both
"Soviet Union"):

    spanpipe run -p exec:command='python3 examples/exec/countries.py' corpus.jsonl

docs/python.md walks through it; spanpipe.testing.run tries it in Python.
"""
import re

import spanpipe

# Each way of writing a country, and the name it is recorded under.
NAMES = {
    "Soviet Union": "Soviet Union", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "United States": "United States", "USA": "United States", "US": "United States",
    "U.S.": "United States",
    "Afghanistan": "Afghanistan", "China": "China", "Cuba": "Cuba",
    "France": "France", "Germany": "Germany", "FRG": "West Germany",
    "GDR": "East Germany", "Iran": "Iran", "Iraq": "Iraq", "Israel": "Israel",
    "Japan": "Japan", "Nicaragua": "Nicaragua", "Poland": "Poland",
    "Spain": "Spain", "United Kingdom": "United Kingdom", "Britain": "United Kingdom",
    "Vietnam": "Vietnam",
}
# Longest first, so that "United States" wins over a shorter name inside it.
PATTERN = re.compile(r"(?<!\w)(" + "|".join(
    re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")(?!\w)")


@spanpipe.stage(name="countries", version="1.0.0", produces=["country"])
def countries(doc):
    """mark the names of countries"""
    for m in PATTERN.finditer(doc.text):
        doc.add("country", m.start(), m.end(), name=NAMES[m.group()])
