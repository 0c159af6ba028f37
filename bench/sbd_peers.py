"""sbd_peers.py -- sentence boundary F1 of spanpipe and its peers on the
general-text corpora of tests/segment/corpus.

usage: python3 bench/sbd_peers.py [--spanpipe BIN] [--icu BIN] [--only NAMES]
                                  [--show TOOL] CORPUS.txt ...

Each corpus (one gold sentence a line, see tests/segment/corpus/README) is
rebuilt into documents in the three layouts of tests/segment/sbd_check.c
(par, blank, line) and handed to every tool found:

  spanpipe   BIN run -p segment (default core/spanpipe), JSON Lines in and out
  icu        bench/icu_sentences -b, built by hand:
             cc -O2 bench/icu_sentences.c $(pkg-config --cflags --libs icu-uc icu-i18n)
             locale LANG@ss=standard (ICU's abbreviation suppressions)
  punkt      NLTK's PunktSentenceTokenizer; pretrained data when installed,
             otherwise untrained (this machine has no NLTK data)
  ucto       ucto -L eng|deu|fra -n (its own abbreviation lists)
  lingua     Perl's Lingua::EN::Sentence (English rules, every language)

Sentences are compared as spans of non-space characters, as sbd_check does
and as the CoNLL 2018 shared task scores sentences.  The language of a corpus
comes from its name: en*, de*, fr*.  A tool that is missing is skipped.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

LAYOUTS = ("par", "blank", "line")
ICU_LOCALE = {"en": "en@ss=standard", "de": "de@ss=standard", "fr": "fr@ss=standard"}
UCTO_LANG = {"en": "eng", "de": "deu", "fr": "fra"}


def read_corpus(path):
    """Documents as lists of paragraphs, each a list of sentences."""
    docs, doc, par = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip()
            if line.startswith("# newdoc"):
                if doc is not None:
                    if par:
                        doc.append(par)
                    docs.append(doc)
                doc, par = [], []
                continue
            if line.startswith("#"):
                continue
            if not line:
                if par:
                    doc.append(par)
                par = []
                continue
            par.append(line)
    if doc is not None:
        if par:
            doc.append(par)
        docs.append(doc)
    return [d for d in docs if d]


def build(doc, layout):
    """The document's text in LAYOUT and its gold spans (code points)."""
    text, spans = "", []
    for pi, par in enumerate(doc):
        for si, sent in enumerate(par):
            if spans:
                if layout == "line":
                    text += "\n"
                elif si:
                    text += " "
                else:
                    text += "\n" if layout == "par" else "\n\n"
            spans.append((len(text), len(text) + len(sent)))
            text += sent
    return text, spans


def nonspace(text):
    """NS[i]: non-space characters before code point i."""
    ns, k = [], 0
    for ch in text:
        ns.append(k)
        if not ch.isspace():
            k += 1
    ns.append(k)
    return ns


def to_ns(text, spans):
    ns = nonspace(text)
    out = set()
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.add((ns[s], ns[e]))
    return out


def spans_from_strings(text, sentences):
    """Align sentence strings (maybe retokenised) to TEXT by non-space characters."""
    ns_text = [i for i, ch in enumerate(text) if not ch.isspace()]
    spans, k = [], 0
    for sent in sentences:
        n = sum(1 for ch in sent if not ch.isspace())
        if n == 0:
            continue
        if k + n > len(ns_text):
            break
        spans.append((ns_text[k], ns_text[k + n - 1] + 1))
        k += n
    return spans


def spans_from_bounds(text_bytes, bounds):
    """Code point spans from byte boundaries (each the end of a sentence)."""
    spans, prev = [], 0
    for b in bounds:
        s = len(text_bytes[:prev].decode("utf-8", "replace"))
        e = len(text_bytes[:b].decode("utf-8", "replace"))
        spans.append((s, e))
        prev = b
    return spans


# ---- the tools: each takes (lang, [text]) and returns [[spans]] -------------------


def run_spanpipe(binary, lang, texts):
    inp = "".join(json.dumps({"id": "d%d" % i, "text": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([binary, "run", "-q", "-p", "segment", "-"], input=inp,
                         capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines():
        doc = json.loads(line)
        result.append([(s["start"], s["end"]) for s in doc.get("spans", [])
                       if s["layer"] == "sentence"])
    return result


def run_icu(binary, lang, texts):
    data = "".join(t + "\n\f" for t in texts).encode("utf-8")
    out = subprocess.run([binary, "-b", "-l", ICU_LOCALE[lang]], input=data,
                         capture_output=True, check=True).stdout.decode().splitlines()
    return [spans_from_bounds(t.encode("utf-8"), [int(x) for x in line.split()])
            for t, line in zip(texts, out)]


def run_punkt(lang, texts):
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    tok = PunktSentenceTokenizer()
    return [list(tok.span_tokenize(t)) for t in texts]


def run_ucto(lang, texts):
    result = []
    with tempfile.TemporaryDirectory() as tmp:
        # One run for all documents: a blank line between documents is a
        # paragraph break to ucto, so no sentence crosses it.
        path = os.path.join(tmp, "in.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n\n".join(texts) + "\n")
        out = subprocess.run(["ucto", "-L", UCTO_LANG[lang], "-n", path],
                             capture_output=True, text=True, check=True).stdout
    sentences = [s for s in out.splitlines() if s.strip()]
    whole = "\n\n".join(texts)
    spans = spans_from_strings(whole, sentences)
    # Split the spans back into documents.
    start = 0
    for t in texts:
        end = start + len(t)
        result.append([(s - start, e - start) for s, e in spans if s >= start and e <= end])
        start = end + 2
    return result


def run_lingua(lang, texts):
    script = r'''
use strict; use warnings; use utf8; use Lingua::EN::Sentence qw(get_sentences);
binmode STDIN, ":utf8"; binmode STDOUT, ":utf8";
local $/ = "\f";
while (my $doc = <STDIN>) {
    $doc =~ s/\f\z//;
    my $s = get_sentences($doc) || [];
    print join("\x1e", @$s), "\f";
}
'''
    data = "".join(t + "\f" for t in texts)
    out = subprocess.run(["perl", "-e", script], input=data, capture_output=True,
                         text=True, check=True).stdout
    docs = out.split("\f")[:len(texts)]
    return [spans_from_strings(t, d.split("\x1e")) for t, d in zip(texts, docs)]


def score(golds, systems):
    g = s = c = 0
    for gold, sys_ in zip(golds, systems):
        g += len(gold)
        s += len(sys_)
        c += len(gold & sys_)
    p = c / s if s else 0.0
    r = c / g if g else 0.0
    return g, s, c, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spanpipe", default="core/spanpipe")
    ap.add_argument("--icu", default="")
    ap.add_argument("--only", default="", help="comma-separated tools to run")
    ap.add_argument("--show", default="", help="print the misses of this tool")
    ap.add_argument("corpora", nargs="+")
    args = ap.parse_args()

    tools = {}
    if os.access(args.spanpipe, os.X_OK):
        tools["spanpipe"] = lambda lang, t: run_spanpipe(args.spanpipe, lang, t)
    if args.icu and os.access(args.icu, os.X_OK):
        tools["icu"] = lambda lang, t: run_icu(args.icu, lang, t)
    try:
        import nltk  # noqa: F401
        tools["punkt"] = run_punkt
    except ImportError:
        pass
    if shutil.which("ucto"):
        tools["ucto"] = run_ucto
    if subprocess.run(["perl", "-MLingua::EN::Sentence", "-e", "1"],
                      capture_output=True).returncode == 0:
        tools["lingua"] = run_lingua
    if args.only:
        tools = {k: v for k, v in tools.items() if k in args.only.split(",")}

    print("%-14s %-6s %-9s %5s %5s %5s %6s" % ("corpus", "layout", "tool", "gold", "sys", "ok", "F1"))
    summary = {}
    for path in args.corpora:
        name = os.path.basename(path)
        lang = name[:2]
        docs = read_corpus(path)
        for layout in LAYOUTS:
            built = [build(d, layout) for d in docs]
            texts = [t for t, _ in built]
            golds = [to_ns(t, spans) for t, spans in built]
            for tool, fn in tools.items():
                try:
                    out = fn(lang, texts)
                except (subprocess.CalledProcessError, OSError) as e:
                    print("%-14s %-6s %-9s failed: %s" % (name, layout, tool, e))
                    continue
                systems = [to_ns(t, spans) for t, spans in zip(texts, out)]
                g, s, c, f1 = score(golds, systems)
                summary.setdefault((name, tool), []).append(f1)
                print("%-14s %-6s %-9s %5d %5d %5d %6.3f" % (name, layout, tool, g, s, c, f1))
                if tool == args.show:
                    for t, gold, sys_ in zip(texts, golds, systems):
                        ns = nonspace(t)
                        back = {}
                        for i in range(len(t)):
                            back.setdefault(ns[i], i)
                        for a, b in sorted(sys_ - gold):
                            print("    wrong : %r" % t[back.get(a, 0):back.get(b, len(t))])
    print()
    print("mean F1 over the layouts")
    for (name, tool), f1s in summary.items():
        print("%-14s %-9s %6.3f" % (name, tool, sum(f1s) / len(f1s)))


if __name__ == "__main__":
    sys.exit(main())
