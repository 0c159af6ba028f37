"""protocol.py — serving a stage over spanpipe's exec protocol.

spanpipe's `exec` stage (docs/writing-plugins.md §6) starts the program,
reads one handshake line from it, then writes one document a line and reads
one answer a line. serve() does all of that for a Stage:

- standard output is the protocol channel, so it is taken for the protocol
  alone: file descriptor 1 is pointed at standard error (print(), and any
  child process, write there; spanpipe keeps standard error for its
  messages), and file descriptor 0 at /dev/null, so that nothing the stage
  does can eat a document;
- each answer is flushed as soon as it is written;
- an exception in the stage fails that document: its one-line summary is
  the last line of standard error and the program exits with status 1,
  which is how spanpipe learns that a program stage failed a document (it
  quotes the end of standard error in its message and starts a fresh copy
  of the program for the next document).

A file that defines one stage serves it when run as a program: the decorator
calls serve_at_exit, which serves once the file has run to its end.
"""

import atexit
import json
import os
import sys

from .stage import OptionError

__all__ = ["serve"]

_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))
_at_exit = []          # stages defined in the main program, to serve at its end
_served = False        # serve() ran already: nothing to do at exit


def _take_channel():
    """Keep private copies of standard input and output for the protocol and
    point descriptors 0 and 1 elsewhere (see the module's comment). Returns
    the input and output as binary files."""
    proto_in = os.fdopen(os.dup(0), "rb")    # os.dup: not inherited by children
    proto_out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    # What print() buffered before now goes out through descriptor 1, which
    # is standard error from here on.
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except OSError:
            pass
    sys.stdout = sys.stderr
    return proto_in, proto_out


def _summary(exc):
    """One line: the exception and where in the stage's code it was raised:
    the innermost frame under the stage's call that is not this package's,
    the standard library's or an installed package's (a stage's own helpers
    count; a regular expression's compile does not), else the stage's
    function itself."""
    import sysconfig
    import traceback
    frames = traceback.extract_tb(exc.__traceback__)
    answer = os.path.join(_PACKAGE_DIR, "stage.py")
    calls = [i for i, f in enumerate(frames)
             if f.name == "answer" and os.path.realpath(f.filename) == answer]
    under = frames[calls[0] + 1:] if calls else []
    paths = sysconfig.get_paths()
    others = tuple(os.path.realpath(paths[k]) + os.sep for k in ("stdlib", "purelib", "platlib"))
    own = [f for f in under
           if not os.path.realpath(f.filename).startswith(others + (_PACKAGE_DIR + os.sep,))]
    frame = own[-1] if own else under[0] if under else None
    where = ""
    if frame is not None:
        where = f" (at {os.path.basename(frame.filename)} line {frame.lineno}, in {frame.name})"
    text = " ".join(str(exc).split()) or "(no message)"
    return f"{type(exc).__name__}: {text}{where}"


def serve(stage, args=None):
    """Serve STAGE over the exec protocol on standard input and output until
    the input ends. ARGS (default: the command line's) are the stage's
    options as key=value, or --help. Returns the exit status: 0 when the input
    ended, 1 when the stage raised (the summary is on standard error), 2 for
    bad options."""
    global _served
    _served = True
    args = sys.argv[1:] if args is None else list(args)
    if "--help" in args or "-h" in args:
        print(stage.usage())
        return 0
    try:
        options = stage.options(args)
    except OptionError as e:
        sys.stderr.write(f"{stage.name}: {e}\n")
        return 2
    if sys.stdin is not None and sys.stdin.isatty():
        sys.stderr.write(f"{stage.name} {stage.version}: reading documents as JSON Lines "
                         f"(spanpipe's exec protocol); run it in a chain: spanpipe run -p "
                         f"exec:command='python3 {os.path.basename(sys.argv[0])}' ...\n")
    proto_in, proto_out = _take_channel()
    answer = stage.answer
    loads = json.loads
    try:
        proto_out.write(stage.handshake().encode() + b"\n")
        proto_out.flush()
        for line in proto_in:
            try:
                reply = answer(loads(line), options)
            except Exception as e:  # the document fails; spanpipe says which
                sys.stderr.write(_summary(e) + "\n")
                sys.stderr.flush()
                return 1
            proto_out.write(reply.encode() + b"\n")
            proto_out.flush()
    except BrokenPipeError:  # spanpipe has gone: nobody is left to answer
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _defined_in_main(stage):
    """Whether STAGE's function comes from the file run as the program
    (python3 FILE or python3 -m MODULE): not from a notebook, python3 -c or
    an interactive session, where __module__ is "__main__" too."""
    code = getattr(stage.fn, "__code__", None)
    return (code is not None and bool(sys.argv) and sys.argv[0] not in ("", "-c", "-")
            and os.path.realpath(sys.argv[0]) == os.path.realpath(code.co_filename))


def _serve_main():
    """The atexit hook: serve the main program's stage, if the program ran
    to its end (an uncaught exception leaves sys.last_value) and did not
    serve it itself."""
    if (_served or getattr(sys, "last_value", None) is not None or sys.flags.interactive):
        return
    stages = [s for s in _at_exit if _defined_in_main(s)]
    if not stages:
        return
    if len(stages) > 1:
        names = ", ".join(s.name for s in stages)
        sys.stderr.write(f"{sys.argv[0]} defines {len(stages)} stages ({names}): "
                         f"serve one with spanpipe.serve(stage) under "
                         f"if __name__ == \"__main__\":\n")
        status = 2
    else:
        status = serve(stages[0])
    sys.stdout.flush()
    sys.stderr.flush()
    if status:
        os._exit(status)  # atexit cannot change the exit status otherwise


def serve_at_exit(stage):
    """Serve STAGE when the main program has run to its end (called by the
    decorator for a stage defined in the main program)."""
    if not _at_exit:
        atexit.register(_serve_main)
    _at_exit.append(stage)
