"""spanpipe — write spanpipe stages in Python, and read spanpipe's output.

Writing a stage (a file run by spanpipe's exec stage):

    import spanpipe

    @spanpipe.stage(name="countries", version="1.0.0", produces=["country"])
    def countries(doc):
        for m in PATTERN.finditer(doc.text):
            doc.add("country", m.start(), m.end(), name=m.group())

    spanpipe run -p segment -p exec:command='python3 countries.py' corpus.jsonl

Testing it without spanpipe: spanpipe.testing.run(countries, {"id": ..,
"text": ..}). Reading results: `for doc in spanpipe.read(path)`, and
spanpipe.to_rows(...) for a table. See docs/python.md.

Standard library only; Python 3.9 or later.
"""

from .document import Doc, Span
from .protocol import serve
from .reading import read, to_rows
from .stage import OptionError, Stage, stage

__all__ = ["Doc", "Span", "Stage", "OptionError", "stage", "serve", "read", "to_rows"]
