#!/usr/bin/env python3
"""questions.py — mark the sentences that ask a question: a spanpipe stage in
Python that needs another stage's layer.

It requires `sentence` (from the bundled `segment` stage), so it runs after
it; spanpipe refuses the chain in the other order:

    spanpipe run -p segment -p exec:command='python3 examples/exec/questions.py' corpus.jsonl

Each question is a span of the layer `question` over its sentence, with the
sentence's id in attrs["sentence"] (a reference: spanpipe.read's
span.ref("sentence") follows it) and its number of words.
"""
import spanpipe


@spanpipe.stage(name="questions", version="1.0.0", requires=["sentence"],
                produces=["question"])
def questions(doc):
    """mark the sentences that end with a question mark"""
    for s in doc.spans("sentence"):
        text = s.text.rstrip(" \n\"'”’)")
        if text.endswith("?"):
            doc.add("question", s.start, s.end, sentence=s, words=len(text.split()))
