"""document.py — a spanpipe document and its spans, as Python objects.

A Doc wraps one JSON Lines record (docs/format.md): its id, text, meta,
layers' provenance and spans. Offsets are code points, so `doc.text[s.start:
s.end]` is a span's text. The same class serves the reader (`spanpipe.read`)
and a stage, which also calls `doc.add`.

Spans are turned into Span objects only when first asked for, so a stage
that never looks at earlier spans pays nothing for them.
"""

__all__ = ["Doc", "Span"]


class Span:
    """One span: `id`, `layer`, `start`, `end` (code points, half-open),
    `attrs` (a dict, empty when the span has none), `text`, and `ref(key)`
    to follow an attr that holds another span's id."""

    __slots__ = ("doc", "id", "layer", "start", "end", "attrs")

    def __init__(self, doc, record):
        self.doc = doc
        self.id = record.get("id")
        self.layer = record["layer"]
        self.start = record["start"]
        self.end = record["end"]
        self.attrs = record.get("attrs") or {}

    @property
    def text(self):
        """The text the span covers."""
        return self.doc.text[self.start:self.end]

    def ref(self, key):
        """The span whose id is attrs[KEY] (a list of spans when the attr is a
        list of ids), or None when the span has no such attr. A reference to
        an id no span has raises LookupError: the document is broken."""
        value = self.attrs.get(key)
        if value is None:
            return None
        if isinstance(value, list):
            return [self._follow(key, v) for v in value]
        return self._follow(key, value)

    def _follow(self, key, value):
        target = self.doc.find(value) if isinstance(value, str) else None
        if target is None:
            raise LookupError(f"span {self.id}'s attr {key!r} refers to {value!r}, "
                              f"which no span of document {self.doc.id!r} has")
        return target

    def __repr__(self):
        text = self.text
        if len(text) > 40:
            text = text[:37] + "..."
        return f"<Span {self.id} {self.layer} {self.start}:{self.end} {text!r}>"


class Doc:
    """One document: `id`, `text`, `meta` (a dict), `layers` (each layer's
    provenance), `spans(layer, ...)`, `find(id)`; in a stage, `add(...)`.

    `record` is the parsed JSON object; the Doc keeps it and reads from it.
    """

    __slots__ = ("record", "id", "text", "_spans", "_by_layer", "_by_id",
                 "added", "_counts", "_produces")

    def __init__(self, record, produces=None):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ValueError('a document is a JSON object with a "text" string')
        self.record = record
        self.id = record.get("id")
        self.text = record["text"]
        self._spans = None      # every span as a Span, in document order
        self._by_layer = None
        self._by_id = None
        # What a stage adds: span records in the format, their ids counted
        # per layer (LAYER.N from 0, in the order they are added).
        self.added = []
        self._counts = {}
        self._produces = produces

    @property
    def meta(self):
        """The document's meta (an empty dict when it has none)."""
        return self.record.get("meta") or {}

    @property
    def layers(self):
        """Each layer's provenance: {"sentence": {"stage": ..., "version": ...,
        "options": {...}}, ...} (empty when there are none)."""
        return self.record.get("layers") or {}

    def _index(self):
        spans = [Span(self, r) for r in self.record.get("spans") or ()]
        by_layer = {}
        for s in spans:
            by_layer.setdefault(s.layer, []).append(s)
        self._spans, self._by_layer = spans, by_layer

    def spans(self, *layers):
        """The spans of the given layers (all of them when none is given), in
        document order: by start, longer first, then layer. In a stage, the
        spans the stage adds itself are not among them (as in C)."""
        if self._spans is None:
            self._index()
        if not layers:
            return list(self._spans)
        if len(layers) == 1:
            return list(self._by_layer.get(layers[0], ()))
        wanted = set(layers)
        return [s for s in self._spans if s.layer in wanted]

    def find(self, span_id):
        """The span with this id, or None."""
        if self._by_id is None:
            if self._spans is None:
                self._index()
            self._by_id = {s.id: s for s in self._spans}
        return self._by_id.get(span_id)

    def add(self, layer, start, end, **attrs):
        """Add a span of LAYER over text[START:END] (code points, as Python
        slices) with ATTRS, and return its id, "LAYER.N": put it in another
        span's attrs to refer to it. A Span given as an attr value is written
        as its id. Add each layer's spans in order of start, so that their ids
        count in that order as the format wants. Raises ValueError for a layer
        the stage does not declare or offsets outside the text."""
        if self._produces is not None and layer not in self._produces:
            raise ValueError(f"span of layer {layer!r}: the stage declares only "
                             f"produces={sorted(self._produces)!r}")
        if type(start) is not int or type(end) is not int:
            raise TypeError(f"span offsets must be ints, not {start!r}, {end!r}")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {layer} {start}:{end} is outside the text "
                             f"(0 to {len(self.text)}) or reversed")
        n = self._counts.get(layer, 0)
        self._counts[layer] = n + 1
        span_id = f"{layer}.{n}"
        record = {"id": span_id, "layer": layer, "start": start, "end": end}
        if attrs:
            record["attrs"] = attrs
        self.added.append(record)
        return span_id

    def __repr__(self):
        return f"<Doc {self.id!r}, {len(self.text)} characters>"
