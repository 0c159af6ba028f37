"""test_read.py — reading spanpipe's output: plain and gzip JSON Lines from
a path, a file or standard input, spans and their text, references
followed, and the rows for a table."""
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import spanpipe
from helpers import SAMPLE, TOP_SRCDIR, spanpipe as run


class ReadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        """The sample through the whole bundled chain, plain and gzipped by
        spanpipe itself."""
        cls.dir = tempfile.mkdtemp(prefix="read-", dir=os.getcwd())
        persons = os.path.join(TOP_SRCDIR, "data", "frus1981-88v05-persons.tsv")
        chain = f"segment,speakers:persons={persons},citations"
        cls.plain = os.path.join(cls.dir, "out.jsonl")
        cls.gz = os.path.join(cls.dir, "out.jsonl.gz")
        for out in (cls.plain, cls.gz):
            r = run("run", "-q", "-p", chain, "-o", out, SAMPLE)
            assert r.returncode == 0, r.stderr
        with open(cls.plain, "rb") as f:
            cls.records = [json.loads(line) for line in f]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def check_docs(self, docs):
        docs = list(docs)
        self.assertEqual(len(docs), 13)
        for doc, record in zip(docs, self.records):
            self.assertEqual(doc.id, record["id"])
            self.assertEqual(doc.text, record["text"])
            self.assertEqual(doc.meta, record.get("meta", {}))
            self.assertEqual(doc.layers, record["layers"])
            spans = doc.spans()
            self.assertEqual(len(spans), len(record["spans"]))
            for s, r in zip(spans, record["spans"]):
                self.assertEqual((s.id, s.layer, s.start, s.end, s.attrs),
                                 (r["id"], r["layer"], r["start"], r["end"], r.get("attrs", {})))
                self.assertEqual(s.text, record["text"][r["start"]:r["end"]])

    def test_plain_path(self):
        self.check_docs(spanpipe.read(self.plain))

    def test_gzip_path(self):
        self.check_docs(spanpipe.read(self.gz))

    def test_open_files(self):
        for path in (self.plain, self.gz):
            with open(path, "rb") as f:
                self.check_docs(spanpipe.read(f))
        with open(self.plain, encoding="utf-8") as f:
            self.check_docs(spanpipe.read(f))
        with open(self.plain, encoding="utf-8") as f:
            self.check_docs(spanpipe.read(io.StringIO(f.read())))
        with open(self.gz, "rb") as f:
            self.check_docs(spanpipe.read(io.BytesIO(f.read())))

    def test_gzip_members_and_blank_lines(self):
        path = os.path.join(self.dir, "two-members.jsonl.gz")
        with open(self.plain, "rb") as f:
            lines = f.readlines()
        with open(path, "wb") as f:
            f.write(gzip.compress(b"".join(lines[:5]) + b"\n"))
            f.write(gzip.compress(b"".join(lines[5:])))
        self.check_docs(spanpipe.read(path))

    def test_standard_input(self):
        code = ("import sys, spanpipe\n"
                "print(sum(len(d.spans('sentence')) for d in spanpipe.read('-')))")
        want = sum(1 for r in self.records for s in r["spans"] if s["layer"] == "sentence")
        for path in (self.plain, self.gz):
            with open(path, "rb") as f:
                out = subprocess.run([sys.executable, "-c", code], stdin=f,
                                     stdout=subprocess.PIPE, check=True)
            self.assertEqual(int(out.stdout), want)

    def test_not_a_document(self):
        path = os.path.join(self.dir, "bad.jsonl")
        with open(path, "w") as f:
            f.write('{"id":"a","text":"x"}\n\n{"id":"b"}\n')
        docs = spanpipe.read(path)
        self.assertEqual(next(docs).id, "a")
        with self.assertRaisesRegex(ValueError,
                                    r"bad.jsonl:3: not a spanpipe document: .*\"text\""):
            next(docs)

    def test_references_followed(self):
        refs = 0
        for doc in spanpipe.read(self.gz):
            self.assertIsNone(doc.find("no-such-id"))
            for marker in doc.spans("note-ref"):
                note = marker.ref("note")
                self.assertIs(note, doc.find(marker.attrs["note"]))
                self.assertEqual(note.layer, "note")
                # the marker and its note have the same number
                self.assertEqual(note.attrs["n"], marker.attrs["n"])
                self.assertEqual(marker.text, marker.attrs["n"])
                refs += 1
            for speech in doc.spans("speech"):
                if "speaker" in speech.attrs:
                    self.assertEqual(speech.ref("speaker").layer, "participant")
        self.assertEqual(refs, sum(1 for r in self.records for s in r["spans"]
                                   if s["layer"] == "note-ref"))
        self.assertGreater(refs, 40)

    def test_dangling_reference(self):
        doc = spanpipe.Doc({"id": "d", "text": "ab", "spans": [
            {"id": "r.0", "layer": "r", "start": 0, "end": 1, "attrs": {"to": "gone.3"}}]})
        with self.assertRaisesRegex(LookupError, "span r.0's attr 'to' refers to 'gone.3', "
                                                 "which no span of document 'd' has"):
            doc.spans("r")[0].ref("to")

    def test_to_rows(self):
        rows = spanpipe.to_rows(self.gz, "note-ref", "note")
        want = [(r["id"], s["id"]) for r in self.records for s in r["spans"]
                if s["layer"] in ("note-ref", "note")]
        self.assertEqual([(row["doc"], row["id"]) for row in rows], want)
        marker = next(row for row in rows if row["layer"] == "note-ref")
        self.assertEqual(set(marker), {"doc", "id", "layer", "start", "end", "text", "attrs.n",
                                       "attrs.note"})
        # one document, or documents, and without the text
        first = next(spanpipe.read(self.plain))
        rows = spanpipe.to_rows(first, "sentence", text=False)
        self.assertEqual(len(rows), len(first.spans("sentence")))
        self.assertNotIn("text", rows[0])
        self.assertEqual(len(spanpipe.to_rows(spanpipe.read(self.plain))),
                         sum(len(r["spans"]) for r in self.records))


if __name__ == "__main__":
    unittest.main()
