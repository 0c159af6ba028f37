"""helpers.py — what the Python tests share: where things are, and running
the built spanpipe (under valgrind when the suite runs under check-valgrind).

python.test sets top_srcdir, top_builddir, SPANPIPE and PYTHONPATH, and runs
the tests in a scratch folder of the build tree.
"""
import os
import subprocess
import sys

TOP_SRCDIR = os.environ["top_srcdir"]
TOP_BUILDDIR = os.environ["top_builddir"]
SPANPIPE = os.environ["SPANPIPE"]
SAMPLE = os.path.join(TOP_SRCDIR, "data", "frus1981-88v05.jsonl")
EXAMPLES = os.path.join(TOP_SRCDIR, "examples", "exec")
STAGES = os.path.join(TOP_SRCDIR, "tests", "python", "stages")


def example(name):
    return os.path.join(EXAMPLES, name)


def stage_command(path, *args):
    """An exec: command running the stage file PATH with this Python."""
    return " ".join([sys.executable, path, *args])


def spanpipe(*args, input=None):
    """Run the built spanpipe with ARGS; returns the CompletedProcess, its
    output as bytes."""
    cmd = [SPANPIPE, *args]
    if os.environ.get("SPANPIPE_VALGRIND"):
        cmd = ["sh", os.path.join(TOP_SRCDIR, "tests", "valgrind.sh"), *cmd]
    return subprocess.run(cmd, input=input, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=600)
