"""punkt_sentences.py -- the NLTK peer of the benchmark: count sentences with Punkt.

usage: python3 punkt_sentences.py TEXT_FILE [TRAINING_TEXT ...]

Reads the plain-text corpus that bench/gencorpus writes (documents each
followed by a line holding a form feed), one document at a time, and prints
"docs N sentences N bytes N model WHAT".

The model: NLTK's pretrained English Punkt when its data is installed
(nltk.download('punkt') -- which this machine may not be able to run). Without
it, a PunktSentenceTokenizer trained on the TRAINING_TEXT files (bench/run
passes the bundled FRUS sample's text, which every generated paragraph comes
from, so this is Punkt trained on the corpus's own text, as its authors
intend for a new domain); with neither, an untrained Punkt (no abbreviations
known). The "model" field says which, and the training time is part of the
timed run (a fraction of a second for the sample).
"""

import json
import sys

import nltk
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer


def load_model(training_files):
    """Return (tokenizer, description)."""
    for name in ("tokenizers/punkt/english.pickle", "tokenizers/punkt_tab/english/"):
        try:
            nltk.data.find(name)
        except LookupError:
            continue
        try:
            return nltk.data.load(name) if name.endswith(".pickle") else \
                nltk.tokenize.PunktTokenizer("english"), "pretrained english punkt"
        except Exception:  # an NLTK without the loader for that format
            continue
    text = []
    for path in training_files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                # JSON Lines (the bundled sample) or plain text
                text.append(json.loads(line)["text"] if line.startswith("{") else line)
    if text:
        trainer = PunktTrainer()
        trainer.INCLUDE_ALL_COLLOCS = True
        trainer.train("\n\n".join(text), finalize=True)
        return PunktSentenceTokenizer(trainer.get_params()), \
            "punkt trained on the bundled sample text (no pretrained data installed)"
    return PunktSentenceTokenizer(), "untrained punkt (no pretrained data installed)"


def documents(path):
    """Yield each document of the form-feed separated text, read in chunks so
    memory holds about one document, as the other tools do."""
    pending = ""
    with open(path, encoding="utf-8") as f:
        while True:
            block = f.read(1 << 20)
            if not block:
                break
            parts = (pending + block).split("\f")
            pending = parts.pop()
            for doc in parts:
                yield doc.strip("\n")
    if pending.strip("\n"):
        yield pending.strip("\n")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: punkt_sentences.py TEXT_FILE [TRAINING_TEXT ...]")
    tokenizer, model = load_model(sys.argv[2:])
    docs = sentences = nbytes = 0
    for doc in documents(sys.argv[1]):
        if not doc:
            continue
        docs += 1
        nbytes += len(doc.encode("utf-8"))
        # span_tokenize, not tokenize: the offsets are what an annotator
        # keeps, and it spares building the sentence strings.
        sentences += sum(1 for _ in tokenizer.span_tokenize(doc))
    print("docs %d sentences %d bytes %d model %s" % (docs, sentences, nbytes, model))


if __name__ == "__main__":
    main()
