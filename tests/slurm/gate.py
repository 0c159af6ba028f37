#!/usr/bin/env python3
"""gate.py — an exec stage for tests/slurm.test that adds nothing, but stops
on the document with id HOLD: it creates DIR/reached and waits there (until it
is killed), so the test can kill a task in the middle, at a known point.

    -p 'exec:command=python3 gate.py HOLD DIR'
"""
import json
import os
import sys
import time

hold, where = sys.argv[1], sys.argv[2]
print(json.dumps({"requires": [], "produces": []}), flush=True)
for line in sys.stdin:
    if json.loads(line).get("id") == hold:
        open(os.path.join(where, "reached"), "w").close()
        while True:
            time.sleep(1)
    sys.stdout.write(line)
    sys.stdout.flush()
