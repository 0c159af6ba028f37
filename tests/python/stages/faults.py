#!/usr/bin/env python3
"""faults.py — a stage that misbehaves on request, for test_exec.py.

A document whose text holds RAISE makes it raise; PRINT makes it print to
standard output, run a command that prints, and try to read standard input
(all of which must leave the protocol alone); SLOW makes it sleep past a
short timeout. Every other document gets one `mark` span over its text.
"""
import os
import time

import spanpipe


@spanpipe.stage(name="faults", version="2.1.0", produces=["mark"])
def faults(doc):
    if "RAISE" in doc.text:
        raise ValueError(f"cannot handle {doc.id}")
    if "PRINT" in doc.text:
        print("debug: looking at", doc.id)
        os.system("echo a child process prints too")
        try:
            input()
        except EOFError:
            print("standard input is not the protocol's")
    if "SLOW" in doc.text:
        time.sleep(30)  # spanpipe kills it at its timeout
    doc.add("mark", 0, len(doc.text))
