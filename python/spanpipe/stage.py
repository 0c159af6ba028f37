"""stage.py — the @spanpipe.stage decorator: a Python function as a stage.

    @spanpipe.stage(name="countries", version="1.0.0", produces=["country"])
    def countries(doc):
        ...doc.add("country", start, end, name="France")

A Stage holds what spanpipe's handshake declares (name, version, requires,
produces) and the stage's options: declared with their defaults, given on the
stage's command line as key=value (`python3 stage.py words=France,Spain`),
converted to the default's type, and passed to the function as keyword
arguments. `answer` is the work of one document, shared by the protocol loop
(protocol.py) and spanpipe.testing.
"""

import json

from .document import Doc

__all__ = ["Stage", "stage", "OptionError"]


class OptionError(ValueError):
    """An option on the stage's command line that the stage cannot take."""


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _convert(name, default, value):
    """VALUE (a string from the command line) as the type of DEFAULT."""
    if isinstance(default, bool):
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
        raise OptionError(f"option {name}: {value!r} is not true or false")
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            raise OptionError(f"option {name}: {value!r} is not an integer") from None
    if isinstance(default, float):
        try:
            return float(value)
        except ValueError:
            raise OptionError(f"option {name}: {value!r} is not a number") from None
    if isinstance(default, (list, tuple)):
        return [v.strip() for v in value.split(",") if v.strip()]
    return value


def _takes(fn, name):
    """Whether the function FN takes a keyword argument NAME (True when it
    cannot be told: a callable that is not a plain function)."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return True
    if code.co_flags & 0x08:  # CO_VARKEYWORDS: **kwargs
        return True
    named = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    return name in named[code.co_posonlyargcount:]


def _span_id(value):
    """json.dumps' fallback: a Span in attrs is written as its id."""
    span_id = getattr(value, "id", None)
    if isinstance(span_id, str) and hasattr(value, "layer"):
        return span_id
    raise TypeError(f"an attr value of type {type(value).__name__} is not JSON "
                    f"(give str, int, float, bool, None, list, dict or a Span)")


# One encoder for every answer: compact, and ASCII, which is also the
# fastest (the standard library's C encoder escapes faster than it writes
# UTF-8: 0.19 s against 0.36 s for 20 MB of FRUS text).
_dumps = json.JSONEncoder(separators=(",", ":"), default=_span_id).encode


class Stage:
    """A stage: FN(doc, **options) plus what the handshake declares. Calling
    the Stage calls FN, so a decorated function can still be used as one."""

    def __init__(self, fn, name, version, produces, requires=(), options=None,
                 summary=None):
        for what, word in (("name", name), ("version", version)):
            # what spanpipe takes as a stage's name and version
            if not isinstance(word, str) or not word or any(c < " " or c == "\x7f" for c in word):
                raise ValueError(f"stage {name!r}: its {what} must be a non-empty string "
                                 f"without control characters")
        if not produces or isinstance(produces, str):
            raise ValueError(f"stage {name!r}: produces must be a non-empty list of layers")
        if isinstance(requires, str):
            raise ValueError(f"stage {name!r}: requires must be a list of layers")
        self.fn = fn
        self.name = name
        self.version = version
        self.produces = list(produces)
        self.requires = list(requires)
        self.defaults = dict(options or {})
        doc = (fn.__doc__ or "").strip()
        self.summary = summary or (doc.splitlines()[0] if doc else "")
        self._produces = frozenset(self.produces)
        # The options reach FN as keyword arguments: check now, not on the
        # first document, that FN takes them. (From its code object: the
        # inspect module would double the time `import spanpipe` takes.)
        missing = [k for k in self.defaults if not _takes(fn, k)]
        if missing:
            raise TypeError(f"stage {name!r}: {fn.__name__}() must take its options "
                            f"as keyword arguments: {', '.join(missing)}")
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    def __call__(self, doc, **options):
        return self.fn(doc, **options)

    def __repr__(self):
        return f"<spanpipe stage {self.name} {self.version}>"

    def handshake(self):
        """The first line the stage prints: what spanpipe's exec stage reads."""
        return json.dumps({"name": self.name, "version": self.version,
                           "requires": self.requires, "produces": self.produces})

    def options(self, args=(), **given):
        """The options for a run: the defaults, then ARGS ("key=value" strings
        from the command line, converted to each default's type), then GIVEN
        (Python values, as spanpipe.testing.run passes them; a string for an
        option whose default is not one is read as on the command line)."""
        opts = dict(self.defaults)
        for arg in args:
            key, eq, value = arg.partition("=")
            if not eq:
                raise OptionError(f"{arg!r}: options are given as key=value")
            if key not in self.defaults:
                raise OptionError(self._unknown(key))
            opts[key] = _convert(key, self.defaults[key], value)
        for key, value in given.items():
            if key not in self.defaults:
                raise OptionError(self._unknown(key))
            default = self.defaults[key]
            if isinstance(value, str) and default is not None and not isinstance(default, str):
                value = _convert(key, default, value)  # as written on the command line
            opts[key] = value
        return opts

    def _unknown(self, key):
        known = ", ".join(sorted(self.defaults)) or "none"
        return f"stage {self.name!r} has no option {key!r} (its options: {known})"

    def usage(self):
        """What `python3 stage.py --help` prints."""
        lines = [f"{self.name} {self.version}" + (f" — {self.summary}" if self.summary else ""),
                 f"produces: {', '.join(self.produces)}",
                 f"requires: {', '.join(self.requires) or '-'}"]
        if self.defaults:
            lines.append("options (key=value on the command line):")
            for key, value in self.defaults.items():
                shown = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else value
                lines.append(f"  {key}={shown}")
        lines.append("run it in a chain: spanpipe run -p exec:command='python3 FILE' ...")
        return "\n".join(lines)

    def answer(self, record, options):
        """Run the stage on RECORD (a parsed document) and return the answer
        spanpipe wants, as a JSON line: the document's id and text, with the
        spans it added (spanpipe takes only the declared layers' spans back,
        and the text must come back unchanged, so nothing else is sent)."""
        doc = Doc(record, self._produces)
        if options:
            self.fn(doc, **options)
        else:
            self.fn(doc)
        return _dumps({"id": doc.id, "text": doc.text, "spans": doc.added})


def stage(name=None, version="0.0.0", produces=(), requires=(), options=None,
          summary=None):
    """Decorator: make FN(doc, **options) a stage. NAME (default: the function's
    name) and VERSION go into spanpipe's messages and the `layers`
    provenance; PRODUCES and REQUIRES are the layers it adds and needs;
    OPTIONS maps each option to its default, whose type the command line's
    value is converted to (a list default takes a comma-separated value).

    A file that defines one stage serves it when run as a program
    (`python3 stage.py [key=value ...]`); see spanpipe.serve."""
    def wrap(fn):
        s = Stage(fn, name or fn.__name__, version, produces, requires, options, summary)
        if getattr(fn, "__module__", None) == "__main__":
            from . import protocol
            protocol.serve_at_exit(s)
        return s
    return wrap
