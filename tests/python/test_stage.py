"""test_stage.py — writing stages: the decorator, options, doc.add and
spanpipe.testing.run, in Python only (no spanpipe needed)."""
import json
import runpy
import unittest

import spanpipe
from spanpipe.testing import run
from helpers import example


def load(name, stage):
    """The stage STAGE defined in examples/exec/NAME (loaded, not served)."""
    return runpy.run_path(example(name))[stage]


class ExamplesTest(unittest.TestCase):
    def test_countries(self):
        countries = load("countries.py", "countries")
        doc = run(countries, {"id": "t", "text": "The USSR and the United States — and France."})
        got = [(s.id, s.text, s.attrs["name"]) for s in doc.spans("country")]
        self.assertEqual(got, [("country.0", "USSR", "Soviet Union"),
                               ("country.1", "United States", "United States"),
                               ("country.2", "France", "France")])
        self.assertEqual(doc.layers["country"]["stage"], "countries")
        self.assertEqual(doc.id, "t")

    def test_offsets_are_code_points(self):
        countries = load("countries.py", "countries")
        doc = run(countries, "“Ça va”, said France’s envoy — to Spain.")
        for s in doc.spans("country"):
            self.assertEqual(doc.text[s.start:s.end], s.text)
            self.assertEqual(s.text, s.attrs["name"])
        self.assertEqual([s.start for s in doc.spans()], [14, 34])

    def test_keywords_options(self):
        keywords = load("keywords.py", "keywords")
        text = "SALT and salt; the ABM Treaty."
        self.assertEqual(run(keywords, text).spans(), [])  # no words given
        doc = run(keywords, text, words=["SALT", "ABM"])
        self.assertEqual([s.text for s in doc.spans("keyword")], ["SALT", "ABM"])
        doc = run(keywords, text, words=["salt"], ignore_case=True)
        self.assertEqual([s.text for s in doc.spans("keyword")], ["SALT", "salt"])
        self.assertEqual(doc.layers["keyword"]["options"],
                         {"words": ["salt"], "ignore_case": True})

    def test_questions_requires_sentence(self):
        questions = load("questions.py", "questions")
        text = "Is it? It is. “Why not?”"
        sentences = [(0, 6), (7, 13), (14, 24)]
        doc = run(questions, {"id": "q", "text": text, "spans": [
            {"id": f"sentence.{i}", "layer": "sentence", "start": s, "end": e}
            for i, (s, e) in enumerate(sentences)]})
        got = [(q.text, q.attrs["sentence"], q.attrs["words"]) for q in doc.spans("question")]
        self.assertEqual(got, [("Is it?", "sentence.0", 2), ("“Why not?”", "sentence.2", 2)])
        # the earlier layer is still there, and the references lead to it
        self.assertEqual(doc.spans("question")[1].ref("sentence").id, "sentence.2")
        self.assertEqual(len(doc.spans("sentence")), 3)
        # document order: by start, longer first, then layer
        self.assertEqual([s.id for s in doc.spans()],
                         ["question.0", "sentence.0", "sentence.1", "question.1", "sentence.2"])


class StageTest(unittest.TestCase):
    def test_handshake(self):
        @spanpipe.stage(name="countries", version="1.2.0", requires=["sentence"],
                        produces=["country"])
        def s(doc):
            pass
        self.assertEqual(json.loads(s.handshake()), {"name": "countries", "version": "1.2.0",
                                                     "requires": ["sentence"],
                                                     "produces": ["country"]})

    def test_ids_count_per_layer_and_refer(self):
        @spanpipe.stage(name="pairs", version="1.0.0", produces=["a", "b"])
        def pairs(doc):
            for i in range(3):
                a = doc.add("a", i, i + 1)
                doc.add("b", i, i + 2, first=a, whole=doc.spans("w")[0])
        doc = run(pairs, {"id": "x", "text": "abcd", "spans": [
            {"id": "w.0", "layer": "w", "start": 0, "end": 4}]})
        self.assertEqual([s.id for s in doc.spans("a")], ["a.0", "a.1", "a.2"])
        for b in doc.spans("b"):
            self.assertEqual(b.ref("first").id, "a." + b.id.split(".")[1])
            self.assertEqual(b.attrs["whole"], "w.0")  # a Span is written as its id
        self.assertIsNone(doc.spans("a")[0].ref("nothing"))

    def test_add_checks(self):
        def check(fn, error, message):
            s = spanpipe.stage(name="bad", version="1", produces=["ok"])(fn)
            with self.assertRaisesRegex(error, message):
                run(s, "text")
        check(lambda d: d.add("other", 0, 1), ValueError, "layer 'other'.*produces=\\['ok'\\]")
        check(lambda d: d.add("ok", 2, 9), ValueError, "outside the text \\(0 to 4\\)")
        check(lambda d: d.add("ok", 3, 2), ValueError, "reversed")
        check(lambda d: d.add("ok", 0, 1.0), TypeError, "ints")
        check(lambda d: d.add("ok", 0, 1, when=object()), TypeError, "not JSON")

    def test_exception_reaches_the_test(self):
        @spanpipe.stage(name="boom", version="1", produces=["x"])
        def boom(doc):
            raise KeyError("nope")
        with self.assertRaises(KeyError):
            run(boom, "text")

    def test_failure_summary_names_the_stage_line(self):
        from spanpipe.protocol import _summary

        @spanpipe.stage(name="re", version="1", produces=["x"])
        def bad_pattern(doc):
            import re
            re.compile("(")  # raises inside the standard library
        try:  # (not assertRaises: it drops the traceback on Python 3.9)
            run(bad_pattern, "text")
        except Exception as e:
            raised = e
        else:
            self.fail("the stage did not raise")
        line = bad_pattern.fn.__code__.co_firstlineno + 3  # from the decorator's line
        self.assertEqual(_summary(raised),
                         f"{type(raised).__name__}: missing ), unterminated subpattern "
                         f"at position 0 (at test_stage.py line {line}, in bad_pattern)")

    def test_options_from_the_command_line(self):
        @spanpipe.stage(name="o", version="1", produces=["x"],
                        options={"words": ["a"], "on": False, "n": 3, "f": 0.5, "s": "x"})
        def o(doc, words, on, n, f, s):
            pass
        self.assertEqual(o.options(), {"words": ["a"], "on": False, "n": 3, "f": 0.5, "s": "x"})
        self.assertEqual(o.options(["words=France, Spain,", "on=yes", "n=7", "f=2", "s=a=b"]),
                         {"words": ["France", "Spain"], "on": True, "n": 7, "f": 2.0, "s": "a=b"})
        # in Python, values as they are, or strings as on the command line
        self.assertEqual(o.options(words=["b"], on=True, n=1),
                         dict(o.defaults, words=["b"], on=True, n=1))
        self.assertEqual(o.options(words="b,c", on="yes", n="2", s="3"),
                         dict(o.defaults, words=["b", "c"], on=True, n=2, s="3"))
        for args, message in ((["n=x"], "option n: 'x' is not an integer"),
                              (["on=maybe"], "not true or false"),
                              (["f=x"], "not a number"),
                              (["size=1"],
                               "no option 'size' \\(its options: f, n, on, s, words\\)"),
                              (["words"], "key=value")):
            with self.assertRaisesRegex(spanpipe.OptionError, message):
                o.options(args)

    def test_function_must_take_its_options(self):
        with self.assertRaisesRegex(TypeError, "keyword arguments: n"):
            spanpipe.stage(name="o", version="1", produces=["x"],
                           options={"n": 1})(lambda doc: None)
        # **options takes them all
        spanpipe.stage(name="o", version="1", produces=["x"], options={"n": 1})(
            lambda doc, **options: None)

    def test_declarations_checked(self):
        with self.assertRaisesRegex(ValueError, "produces"):
            spanpipe.stage(name="o", produces="x")(lambda doc: None)
        with self.assertRaisesRegex(ValueError, "produces"):
            spanpipe.stage(name="o")(lambda doc: None)
        for name, version in (("a\tb", "1"), ("o", ""), ("o", 1)):
            with self.assertRaisesRegex(ValueError, "non-empty string without control"):
                spanpipe.stage(name=name, version=version, produces=["x"])(lambda doc: None)

    def test_usage(self):
        keywords = load("keywords.py", "keywords")
        usage = keywords.usage()
        self.assertIn("keywords 1.0.0 — mark each occurrence of the given words", usage)
        self.assertIn("ignore_case=False", usage)


if __name__ == "__main__":
    unittest.main()
