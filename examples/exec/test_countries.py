"""test_countries.py — countries.py tested without spanpipe (docs/python.md §3):

    cd examples/exec && python3 -m unittest test_countries -v
"""
import unittest

from spanpipe.testing import run

from countries import countries


class CountriesTest(unittest.TestCase):
    def test_names(self):
        doc = run(countries, {"id": "t", "text": "The USSR and the United States."})
        self.assertEqual([(s.text, s.attrs["name"]) for s in doc.spans("country")],
                         [("USSR", "Soviet Union"), ("United States", "United States")])
        self.assertEqual(doc.spans("country")[0].id, "country.0")

    def test_whole_words_only(self):
        doc = run(countries, "Cubans, Cuba; Francesca in France")
        self.assertEqual([s.text for s in doc.spans("country")], ["Cuba", "France"])


if __name__ == "__main__":
    unittest.main()
