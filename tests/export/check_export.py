#!/usr/bin/env python3
"""check_export.py — checks `spanpipe export` output against the JSON it came from.

    check_export.py tei    DOCS.jsonl CORPUS.xml
    check_export.py brat   DOCS.jsonl DIR
    check_export.py conllu DOCS.jsonl FILE.conllu
    check_export.py spans  DOCS.jsonl FILE.tsv      (spans --bytes off, all fields)

Each prints one line per check and exits 1 when one fails.  Offsets in the
JSON are code points, as Python's str indices are, so text[start:end] is the
span.  Standard library only.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
    print(("ok   " if ok else "FAIL ") + what)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def xml_text(t):
    # what an XML parser gives back: CR written as &#13; survives, the
    # characters XML cannot carry are U+FFFD
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", t)


def tei(docs, path):
    root = ET.parse(path).getroot()
    check(root.tag == TEI + "teiCorpus", "root is teiCorpus")
    teis = root.findall(TEI + "TEI")
    check(len(teis) == len(docs), "one TEI per document (%d)" % len(docs))
    ids = set()
    dup = 0
    for el in root.iter():
        i = el.get(XML_ID)
        if i is not None:
            dup += i in ids
            ids.add(i)
    check(dup == 0, "xml:id values unique (%d ids)" % len(ids))
    for k, (d, t) in enumerate(zip(docs, teis)):
        body = t.find(TEI + "text/" + TEI + "body")
        got = "".join(body.itertext())
        check(got == xml_text(d["text"]), "%s: text round-trips (%d chars)" % (d["id"], len(got)))
        # every span is an element over text[start:end], or (when it crosses
        # one) a standoff <span> whose anchors are at start and end
        where = {}
        pos = [0]

        def walk(el):
            i = el.get(XML_ID)
            start = pos[0]
            pos[0] += len(el.text or "")
            for c in el:
                walk(c)
                pos[0] += len(c.tail or "")
            if i is not None:
                where[re.sub(r"\.entry$", "", i) if el.tag != TEI + "anchor" else i] = (start, pos[0])
        walk(body)
        got_text = xml_text(d["text"])
        for sp in t.iter(TEI + "span"):
            a, b = where.get(sp.get("from", "")[1:]), where.get(sp.get("to", "")[1:])
            if a and b:
                where[sp.get(XML_ID)] = (a[0], b[0])
        bad = 0
        for s in d.get("spans", []):
            key = "d%d.%s" % (k, re.sub(r"[^A-Za-z0-9._-]", "_", s["id"]))
            at = where.get(key)
            if at is None or got_text[at[0]:at[1]] != xml_text(d["text"][s["start"]:s["end"]]):
                bad += 1
        check(bad == 0, "%s: %d spans as elements over their text" % (d["id"], len(d.get("spans", []))))
        persons = t.findall(".//" + TEI + "person")
        npart = sum(1 for s in d.get("spans", []) if s["layer"] == "participant")
        check(len(persons) == npart, "%s: listPerson has the %d participants" % (d["id"], npart))
        targets = {"#" + i for i in ids}
        dangling = [el.get("who") or el.get("target") for el in body.iter()
                    if (el.get("who") or "").startswith("#") and el.get("who") not in targets
                    or (el.get("target") or "").startswith("#") and el.get("target") not in targets]
        check(not dangling, "%s: every #pointer resolves" % d["id"])


def safe_stem(doc_id):
    comps = []
    for c in doc_id.split("/"):
        c = re.sub(r"[^A-Za-z0-9._-]", "_", c)
        comps.append("_" if c in ("", ".", "..") else c)
    return "/".join(comps)


def brat(docs, out):
    conf = open(os.path.join(out, "annotation.conf"), encoding="utf-8").read()
    declared = set()
    section = None
    for line in conf.splitlines():
        if line.startswith("["):
            section = line
        elif line and not line.startswith("#") and section == "[attributes]":
            name, rest = line.split("\t", 1)
            m = re.search(r"Value:(\S+)", rest)
            for v in (m.group(1).split("|") if m else []):
                declared.add((name, v))
    for d in docs:
        stem = os.path.join(out, safe_stem(d["id"]))
        text = open(stem + ".txt", encoding="utf-8", newline="").read()
        check(text == d["text"], "%s: .txt is the text" % d["id"])
        ann = open(stem + ".ann", encoding="utf-8").read().splitlines()
        tnum = {}
        bad = 0
        for line in ann:
            if line.startswith("T"):
                tid, typ_off, covered = line.split("\t")
                typ, offs = typ_off.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in offs.split(";")]
                pieces = [text[a:b] for a, b in frags]
                if any("\n" in p or p == "" for p in pieces):
                    bad += 1
                if " ".join(pieces).replace("\t", " ") != covered:
                    bad += 1
                tnum[tid] = (typ, frags)
        spans = [s for s in sorted(d.get("spans", []), key=lambda s: (s["start"], -s["end"], s["layer"]))
                 if d["text"][s["start"]:s["end"]].strip("\r\n") != ""]
        check(len(tnum) == len(spans), "%s: one T per span with characters (%d)" % (d["id"], len(spans)))
        # the same spans, in the same order: fragments cover the span's text
        for (tid, (typ, frags)), s in zip(sorted(tnum.items(), key=lambda kv: int(kv[0][1:])), spans):
            if typ != s["layer"] or frags[0][0] < s["start"] or frags[-1][1] > s["end"]:
                bad += 1
        check(bad == 0, "%s: T offsets point at the right characters" % d["id"])
        rel_ok = all(line.split("\t")[1].split()[1][5:] in tnum and line.split("\t")[1].split()[2][5:] in tnum
                     for line in ann if line.startswith("R"))
        check(rel_ok, "%s: relations join existing T" % d["id"])
        attr_ok = True
        for line in ann:
            if line.startswith("A"):
                f = line.split("\t")[1].split()
                if f[1] not in tnum or (len(f) == 3 and (f[0], f[2]) not in declared):
                    attr_ok = False
        check(attr_ok, "%s: attributes on existing T, values declared" % d["id"])


def conllu(docs, path):
    blocks = open(path, encoding="utf-8").read().split("\n\n")
    by_doc = {}
    cur = None
    for b in blocks:
        lines = [l for l in b.split("\n") if l]
        for l in lines:
            if l.startswith("# newdoc id = "):
                cur = l[len("# newdoc id = "):]
        if cur is not None and any(not l.startswith("#") for l in lines):
            by_doc.setdefault(cur, []).append(lines)
    for d in docs:
        text = d["text"]
        sents = by_doc.get(d["id"], [])
        tokens = [s for s in d["spans"] if s["layer"] == "token"]
        ntok = 0
        bad = 0
        for lines in sents:
            rows = [l.split("\t") for l in lines if not l.startswith("#")]
            if any(len(r) != 10 for r in rows) or [r[0] for r in rows] != [str(i + 1) for i in range(len(rows))]:
                bad += 1
            for r in rows:
                a, b = map(int, re.search(r"TokenRange=(\d+):(\d+)", r[9]).groups())
                form = re.sub("[\t\n\r]", " ", text[a:b])
                if r[1] != form:
                    bad += 1
                ntok += 1
        check(ntok == len(tokens), "%s: every token once (%d)" % (d["id"], len(tokens)))
        check(bad == 0, "%s: ten columns, ids from 1, TokenRange gives the form" % d["id"])


def spans(docs, path):
    rows = [l.split("\t") for l in open(path, encoding="utf-8").read().split("\n")[1:] if l]
    want = sum(len(d.get("spans", [])) for d in docs)
    check(len(rows) == want, "one row per span (%d)" % want)
    unesc = lambda s: re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], s)
    texts = {d["id"]: d["text"] for d in docs}
    bad = sum(1 for r in rows if texts[unesc(r[0])][int(r[3]):int(r[4])] != unesc(r[5]))
    check(bad == 0, "text column is text[start:end]")


if __name__ == "__main__":
    kind, src, out = sys.argv[1:4]
    {"tei": tei, "brat": brat, "conllu": conllu, "spans": spans}[kind](load(src), out)
    sys.exit(1 if failures else 0)
