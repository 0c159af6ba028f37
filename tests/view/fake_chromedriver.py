#!/usr/bin/env python3
"""fake_chromedriver.py — a chromedriver whose browser session cannot start,
for view-cleanup.test.

Like the real one on a machine whose /etc/hosts lacks localhost, it answers
/status as ready and refuses POST /session ("unable to connect to renderer"),
after starting a helper that would outlive it (the real one's Chromium).  It
writes its own pid and the helper's to $FAKE_DRIVER_PIDS, so that the test can
see whether view.test ended both.
"""
import http.server
import json
import os
import subprocess
import sys

port = int(next(a.split('=', 1)[1] for a in sys.argv[1:] if a.startswith('--port=')))
helper = subprocess.Popen(['sleep', '300'])
with open(os.environ['FAKE_DRIVER_PIDS'], 'a') as f:
    f.write('%d %d\n' % (os.getpid(), helper.pid))


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, code, value):
        body = json.dumps({'value': value}).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.answer(200, {'ready': True})

    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        self.answer(500, {'error': 'session not created',
                          'message': 'unable to connect to renderer'})

    def log_message(self, *args):
        pass


http.server.HTTPServer(('127.0.0.1', port), Handler).serve_forever()
