"""testing.py — run a stage on one document in Python, without spanpipe.

    from spanpipe.testing import run
    doc = run(countries, {"id": "t", "text": "France and Spain"})
    assert [s.text for s in doc.spans("country")] == ["France", "Spain"]

The document goes through the same code as under spanpipe (a JSON round
trip in, the stage's answer as the JSON line it would send), so a test
catches what spanpipe would refuse, such as an attr that is not JSON. An
exception in the stage is raised as it is, with its traceback.
"""

import json

from .document import Doc

__all__ = ["run"]


def _order(record):
    # spanpipe's output order: by start, longer first, then layer (then the
    # order they were added, which sorted() keeps)
    return (record["start"], -record["end"], record["layer"])


def run(stage, doc, **options):
    """Run STAGE on DOC (a dict with "text" and usually "id", a Doc, or a
    string of text) with OPTIONS (Python values for the declared options;
    the others keep their defaults) and return the document as spanpipe
    would write it, a Doc: its earlier spans, except those of the layers the
    stage produces, which it replaces, and the stage's own, in document
    order, with the stage's layers in `layers`."""
    if isinstance(doc, str):
        doc = {"id": "test", "text": doc}
    elif isinstance(doc, Doc):
        doc = doc.record
    record = json.loads(json.dumps(doc))  # what spanpipe would send: JSON, a copy
    opts = stage.options(**options)
    answer = json.loads(stage.answer(record, opts))
    produced = set(stage.produces)
    kept = [s for s in record.get("spans") or () if s["layer"] not in produced]
    record["spans"] = sorted(kept + answer["spans"], key=_order)
    layers = {k: v for k, v in (record.get("layers") or {}).items() if k not in produced}
    for layer in stage.produces:  # each of them, spans or none, as spanpipe does
        layers[layer] = {"stage": stage.name, "version": stage.version, "options": opts}
    record["layers"] = layers
    return Doc(record)
