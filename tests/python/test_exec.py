"""test_exec.py — stages written with the module, run by the built spanpipe:
the bytes do not depend on -j, the module's answers are those of the
hand-written capwords.py, and each way a stage can go wrong gives a failed
document (or a refused start) with spanpipe's message naming the stage."""
import json
import os
import re
import shutil
import tempfile
import unittest

import spanpipe
from helpers import SAMPLE, STAGES, example, spanpipe as run, stage_command


def write_docs(path, texts):
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, text in texts:
            f.write(json.dumps({"id": doc_id, "text": text}) + "\n")


class ExecTest(unittest.TestCase):
    copies = 2 if os.environ.get("SPANPIPE_VALGRIND") else 10

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="exec-", dir=os.getcwd())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def many(self):
        """The sample ten times over, under fresh ids: 130 documents (26
        under valgrind, which is slow enough with them)."""
        many = self.path("many.jsonl")
        with open(SAMPLE, encoding="utf-8") as f:
            lines = f.read().splitlines()
        with open(many, "w", encoding="utf-8") as out:
            for i in range(self.copies):
                for line in lines:
                    doc = json.loads(line)
                    doc["id"] = f"{i}-{doc['id']}"
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return many

    def test_round_trip_j1_j3(self):
        many = self.many()
        cmd = "exec:command=" + stage_command(example("capwords_module.py"))
        j1 = run("run", "-q", "-j", "1", "-p", cmd, many)
        j3 = run("run", "-q", "-j", "3", "-p", cmd, many)
        self.assertEqual(j1.returncode, 0, j1.stderr)
        self.assertEqual(j3.returncode, 0, j3.stderr)
        self.assertEqual(j1.stdout, j3.stdout)
        self.assertEqual(j1.stdout.count(b"\n"), 13 * self.copies)
        # the same spans as the hand-written capwords.py, ids and attrs included
        raw = run("run", "-q", "-j", "1", "-p",
                  "exec:command=" + stage_command(example("capwords.py")), many)
        self.assertEqual(raw.returncode, 0, raw.stderr)
        mine = [json.loads(l)["spans"] for l in j1.stdout.splitlines()]
        theirs = [json.loads(l)["spans"] for l in raw.stdout.splitlines()]
        self.assertEqual(mine, theirs)
        self.assertGreater(sum(map(len, mine)), 100 * self.copies)

    def test_name_and_version_in_provenance(self):
        out = run("run", "-q", "-p", "exec:command=" + stage_command(example("countries.py")),
                  SAMPLE)
        self.assertEqual(out.returncode, 0, out.stderr)
        doc = json.loads(out.stdout.splitlines()[0])
        self.assertEqual(doc["layers"]["country"]["stage"], "countries")
        self.assertEqual(doc["layers"]["country"]["version"], "1.0.0")

    def test_requires_sentence(self):
        cmd = "exec:command=" + stage_command(example("questions.py"))
        wrong = run("run", "-q", "-p", cmd + ",segment", SAMPLE)
        self.assertEqual(wrong.returncode, 2)
        self.assertIn(b"sentence", wrong.stderr)
        out = run("run", "-q", "-p", "segment", "-p", cmd, SAMPLE)
        self.assertEqual(out.returncode, 0, out.stderr)
        docs = list(spanpipe.read(self.save(out.stdout, "q.jsonl")))
        questions = [q for d in docs for q in d.spans("question")]
        self.assertGreater(len(questions), 5)
        for q in questions:
            sentence = q.ref("sentence")
            self.assertEqual(sentence.layer, "sentence")
            self.assertEqual((q.start, q.end), (sentence.start, sentence.end))
            self.assertIn("?", q.text)

    def save(self, data, name):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def test_faults(self):
        docs = self.path("docs.jsonl")
        write_docs(docs, [("one", "one"), ("two", "two RAISE"), ("three", "three PRINT"),
                          ("four", "four SLOW"), ("five", "five")])
        # the handshake gets longer than the 3 s of a document: with -j, the
        # workers start a copy each, and Python starts slowly on a loaded
        # machine (3 s were seen to pass at load 25)
        cmd = ("exec:command=" + stage_command(os.path.join(STAGES, "faults.py")) +
               ",timeout=3,handshake-timeout=60")
        out = run("run", "-p", cmd, docs)
        self.assertEqual(out.returncode, 1, out.stderr)
        # the stage that raised fails its document only, with the exception's
        # message and where it was raised, under the stage's own name
        err = out.stderr.decode()
        self.assertRegex(err, r"docs.jsonl:2: stage 'faults' failed on document \"two\": "
                              r".*ValueError: cannot handle two "
                              r"\(at faults.py line \d+, in faults\)")
        self.assertRegex(err, r"docs.jsonl:4: stage 'faults' failed on document \"four\": "
                              r".*did not answer within 3 s")
        self.assertIn("5 documents read, 3 written, 2 failed", err)
        # print(), a child's output and input() stayed off the protocol
        written = [json.loads(l) for l in out.stdout.splitlines()]
        self.assertEqual([d["id"] for d in written], ["one", "three", "five"])
        self.assertNotIn(b"debug", out.stdout)
        self.assertNotIn(b"child process", out.stdout)
        for d in written:
            self.assertEqual(d["spans"], [{"id": "mark.0", "layer": "mark", "start": 0,
                                           "end": len(d["text"])}])
            self.assertEqual(d["layers"]["mark"]["stage"], "faults")
            self.assertEqual(d["layers"]["mark"]["version"], "2.1.0")

    def test_printed_output_goes_to_stderr(self):
        # what the stage prints is in spanpipe's message when a later
        # document fails: it went to standard error
        docs = self.path("docs.jsonl")
        write_docs(docs, [("a", "PRINT"), ("b", "RAISE")])
        cmd = "exec:command=" + stage_command(os.path.join(STAGES, "faults.py"))
        out = run("run", "-j", "1", "-p", cmd, docs)
        self.assertEqual(out.returncode, 1)
        err = out.stderr.decode()
        self.assertIn("debug: looking at a", err)
        self.assertIn("a child process prints too", err)
        self.assertIn("standard input is not the protocol's", err)

    def test_bad_option_refuses_to_start(self):
        cmd = "exec:command=" + stage_command(example("keywords.py"), "ignore_case=maybe")
        out = run("run", "-p", cmd, SAMPLE)
        self.assertEqual(out.returncode, 2)
        self.assertIn("keywords: option ignore_case: 'maybe' is not true or false",
                      out.stderr.decode())
        self.assertEqual(out.stdout, b"")

    def keywords(self, option):
        out = run("run", "-q", "-p", option, SAMPLE)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = spanpipe.to_rows(spanpipe.read(self.save(out.stdout, "k.jsonl")), "keyword")
        return sorted({r["attrs.word"] for r in rows})

    def test_option_with_commas_quoted(self):
        prog = stage_command(example("keywords.py"), "words=SALT,ABM")
        self.assertEqual(self.keywords(f'exec:command="{prog}"'), ["ABM", "SALT"])

    def test_option_with_commas_escaped(self):
        prog = stage_command(example("keywords.py"), "words=salt\\,abm", "ignore_case=true")
        self.assertEqual(self.keywords(f"exec:command={prog}"), ["ABM", "SALT"])

    def test_gzip_output_reads_as_plain(self):
        cmd = "exec:command=" + stage_command(example("countries.py"))
        gz = self.path("out.jsonl.gz")
        out = run("run", "-q", "-p", cmd, "-o", gz, SAMPLE)
        self.assertEqual(out.returncode, 0, out.stderr)
        plain = run("run", "-q", "-p", cmd, SAMPLE)
        from_gz = spanpipe.to_rows(gz)
        self.assertEqual(from_gz, spanpipe.to_rows(self.save(plain.stdout, "out.jsonl")))
        self.assertIn("Soviet Union", {r["attrs.name"] for r in from_gz})


if __name__ == "__main__":
    unittest.main()
