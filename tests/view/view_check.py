#!/usr/bin/env python3
"""view_check.py — open pages of `spanpipe view` in headless Chromium and check,
from the DOM, that every span is where its JSON document says.

    view_check.py [--ui] [--screenshot PNG] [--show DOC] [--only DOC ...]
                  PAGE.html ANNOTATED.jsonl [PAGE.html ANNOTATED.jsonl ...]

For each page: load it, show each of its documents through the index (a real
click on its entry; with --only, just those documents), and check that
  - the text container's text is the document's text (with the characters
    HTML cannot carry as U+FFFD, see core/cli/markup.h);
  - every span of the JSON has elements, and no element names another span;
  - the first element of a span starts at code point `start` of the text,
    each further part starts where the one before ended, their text joined
    is text[start:end], and their layer and attrs are the span's;
and that the page fetched nothing and raised no error.  --ui also drives the
inspector, footnote links, legend, layer toggle and cross-reference of the
sample document d255, and checks that the first document shows without
JavaScript.  Timings (load, showing a document) are printed, not judged.
Talks to chromedriver over the W3C WebDriver protocol with urllib.
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def html_text(s):
    """What the page can show of text S (markup_escape's replacements)."""
    return re.sub('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]', '\ufffd', s)


class Browser:
    """Just enough of a WebDriver client."""

    def __init__(self, driver, chromium, profile):
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        self.base = 'http://127.0.0.1:%d' % port
        self.proc = subprocess.Popen([driver, '--port=%d' % port],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.start(chromium, profile)
        except BaseException:
            self.proc.terminate()  # no session: chromedriver must not outlive us
            self.proc.wait()
            raise

    def start(self, chromium, profile):
        for _ in range(200):
            try:
                if self.call('GET', '/status').get('ready'):
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.05)
        opts = {'binary': chromium,
                'args': ['--headless', '--no-sandbox', '--disable-gpu',
                         '--user-data-dir=' + profile, '--window-size=1280,900',
                         '--hide-scrollbars']}
        caps = {'capabilities': {'alwaysMatch': {'goog:chromeOptions': opts}}}
        self.sid = self.call('POST', '/session', caps)['sessionId']
        # --window-size counts the window's frame: make the page itself 1280x900.
        inner = self.js('return [innerWidth, innerHeight]')
        outer = self.call('GET', self.s('/window/rect'))
        self.call('POST', self.s('/window/rect'),
                  {'width': outer['width'] + 1280 - inner[0],
                   'height': outer['height'] + 900 - inner[1]})
        self.call('POST', self.s('/timeouts'), {'script': 120000, 'pageLoad': 300000})
        # Before any page script runs: note errors and refused fetches.
        self.call('POST', self.s('/goog/cdp/execute'), {
            'cmd': 'Page.addScriptToEvaluateOnNewDocument',
            'params': {'source': "window.__problems = [];"
                       "addEventListener('error', e => __problems.push('error: ' + e.message));"
                       "addEventListener('securitypolicyviolation', e => "
                       "__problems.push('blocked: ' + e.blockedURI));"}})

    def s(self, path):
        return '/session/' + self.sid + path

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                return json.load(r)['value']
        except urllib.error.HTTPError as e:
            raise RuntimeError('%s %s: %s' % (method, path, e.read().decode()[:500]))

    def js(self, script, *args):
        return self.call('POST', self.s('/execute/sync'), {'script': script, 'args': list(args)})

    def js_async(self, script, *args):
        return self.call('POST', self.s('/execute/async'), {'script': script, 'args': list(args)})

    def find(self, css):
        """The first element CSS selects, as a WebDriver element reference."""
        return self.call('POST', self.s('/element'), {'using': 'css selector', 'value': css})

    def click(self, css):
        ref = next(iter(self.find(css).values()))
        self.call('POST', self.s('/element/%s/click' % ref), {})

    def hover(self, css):
        el = self.find(css)
        self.call('POST', self.s('/actions'), {'actions': [{
            'type': 'pointer', 'id': 'mouse', 'parameters': {'pointerType': 'mouse'},
            'actions': [{'type': 'pointerMove', 'duration': 0, 'origin': el, 'x': 0, 'y': 0}]}]})

    def screenshot(self, path):
        with open(path, 'wb') as f:
            f.write(base64.b64decode(self.call('GET', self.s('/screenshot'))))

    def quit(self):
        try:
            self.call('DELETE', self.s(''))
        finally:
            self.proc.terminate()
            self.proc.wait()


# Runs in the page: the document in view, its text and every span element
# with the code-point offset where it starts.
COLLECT = r"""
const art = document.querySelector('#sp-view .sp-article');
const box = art.querySelector('.sp-text');
const els = [];
let cp = 0;
const w = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
for (let n = w.nextNode(); n; n = w.nextNode()) {
  if (n.nodeType === Node.TEXT_NODE) { for (const c of n.data) cp++; continue; }
  if (!n.hasAttribute('data-id')) return {error: 'an element without data-id: ' + n.outerHTML.slice(0, 80)};
  els.push([n.getAttribute('data-id'), n.getAttribute('data-layer'),
            +(n.getAttribute('data-part') || 0), cp, n.textContent, n.getAttribute('data-attrs'),
            n.getAttribute('data-edge')]);
}
return {doc: art.getAttribute('data-doc'), text: box.textContent, els: els};
"""

# Runs in the page: click index entry I, wait for the document to be shown
# and painted, and return how long that took in milliseconds.
SHOW = r"""
const [i, done] = arguments;
const t0 = performance.now();
addEventListener('hashchange', () => requestAnimationFrame(() => requestAnimationFrame(() =>
  done(performance.now() - t0))), {once: true});
document.querySelectorAll('#sp-list a')[i].click();
"""


def check_doc(b, doc, failures):
    """Compare the document in view with DOC (a parsed JSON document)."""
    got = b.js(COLLECT)
    where = doc['id']
    if 'error' in got:
        failures.append('%s: %s' % (where, got['error']))
        return 0
    if got['doc'] != doc['id']:
        failures.append('%s: the page shows %r' % (where, got['doc']))
        return 0
    text = doc['text']
    if got['text'] != html_text(text):
        failures.append('%s: the text differs from the document' % where)
    els = {}
    for sid, layer, part, start, etext, attrs, edge in got['els']:
        els.setdefault(sid, []).append((layer, part, start, etext, attrs, edge))
    want = {s['id']: s for s in doc.get('spans', [])}
    for sid in els:
        if sid not in want:
            failures.append('%s: element of unknown span %r' % (where, sid))
    for sid, s in want.items():
        parts = els.get(sid)
        if not parts:
            failures.append('%s: span %r has no element' % (where, sid))
            continue
        bad = []
        if any(p[5] for p in parts):
            # a crossing span: empty markers at its start and end, the
            # first with its attrs
            if [p[5] for p in parts] != ['start', 'end'] or any(p[3] for p in parts):
                bad.append('markers %s' % [p[5] for p in parts])
            elif (parts[0][2], parts[1][2]) != (s['start'], s['end']):
                bad.append('marks %d..%d' % (parts[0][2], parts[1][2]))
            if any(p[0] != s['layer'] for p in parts):
                bad.append('layer %r' % parts[0][0])
            if (json.loads(parts[0][4]) if parts[0][4] else None) != (s.get('attrs') or None):
                bad.append('attrs %s' % parts[0][4])
            if bad:
                failures.append('%s: span %r: %s' % (where, sid, '; '.join(bad)))
            continue
        if [p[1] for p in parts] != list(range(len(parts))):
            bad.append('parts numbered %s' % [p[1] for p in parts])
        if parts[0][2] != s['start']:
            bad.append('starts at %d' % parts[0][2])
        for a, b_ in zip(parts, parts[1:]):
            if b_[2] != a[2] + len(a[3]):
                bad.append('part %d not where part %d ends' % (b_[1], a[1]))
        if ''.join(p[3] for p in parts) != html_text(text[s['start']:s['end']]):
            bad.append('text %r' % ''.join(p[3] for p in parts)[:40])
        for layer, _, _, _, attrs, _ in parts:
            if layer != s['layer']:
                bad.append('layer %r' % layer)
            if (json.loads(attrs) if attrs else None) != (s.get('attrs') or None):
                bad.append('attrs %s' % attrs)
        if bad:
            failures.append('%s: span %r [%d, %d): %s' % (where, sid, s['start'], s['end'],
                                                          '; '.join(sorted(set(bad)))))
    return len(want)


def ui_checks(b, failures):
    """The sample's d255: inspector, footnote and its way back, legend
    colours, a layer toggle, a cross-reference to d254 and back."""
    def expect(cond, what):
        if not cond:
            failures.append('ui: ' + what)

    b.hover('.sp-text [data-id="speech.0"]')
    panel = b.js("return document.getElementById('sp-inspect-body').innerText")
    expect('speech.0' in panel and 'how' in panel and 'named' in panel,
           'pointing at speech.0 does not show it in the inspector: %r' % panel[:200])
    expect('sentence' in panel, 'the inspector does not list the enclosing sentence')

    b.click('.sp-text a[data-id="note-ref.1"]')
    panel = b.js("return document.getElementById('sp-inspect-body').innerText")
    expect('note.1' in panel and 'back to marker' in panel,
           'the footnote marker does not lead to its note: %r' % panel[:200])
    b.click('#sp-inspect-body .sp-link[data-back]')
    panel = b.js("return document.getElementById('sp-inspect-body').innerText")
    expect('note-ref.1' in panel, 'the way back from the note does not lead to its marker')

    wrong = b.js(r"""
      const cls = e => (/\bc\d+\b/.exec(e.className) || [''])[0], bad = [];
      const art = document.querySelector('#sp-view .sp-article');
      for (const e of art.querySelectorAll('.sp-text [data-layer=speech], .sp-text [data-layer=mention]')) {
        const a = JSON.parse(e.dataset.attrs || '{}'), key = a.speaker || a.participant;
        if (!key) continue;
        const li = document.querySelector('#sp-legend-box li[data-key="' + key + '"]');
        if (!li || cls(li) !== cls(e) || !cls(e)) bad.push(e.dataset.id);
      }
      return [bad, document.querySelectorAll('#sp-legend-box li[data-key]').length];""")
    expect(not wrong[0], 'speech or mentions not in their participant\'s colour: %s' % wrong[0][:5])
    expect(wrong[1] == 9, 'the legend lists %d participants, not 9' % wrong[1])

    b.hover('#sp-legend-box li[data-key="participant.0"]')
    lit = b.js("return Array.from(document.querySelectorAll('.sp-text .sp-hi'), "
               "e => [e.dataset.layer, e.dataset.id, e.dataset.attrs || ''])")
    expect(lit and all(i == 'participant.0' or 'participant.0' in a for _, i, a in lit)
           and any(l == 'speech' for l, _, _ in lit) and any(l == 'mention' for l, _, _ in lit),
           'pointing at Simons in the legend lights %s' % lit[:4])

    bg = "return getComputedStyle(document.querySelector('.sp-text [data-id=\"speech.0\"]')).backgroundColor"
    before = b.js(bg)
    b.click('#sp-layers input[value=speech]')
    after = b.js(bg)
    b.click('#sp-layers input[value=speech]')
    expect(before != after == 'rgba(0, 0, 0, 0)' and b.js(bg) == before,
           'the speech toggle does not switch its colour off and on (%s, %s)' % (before, after))

    b.click('.sp-text [data-layer=xref].sp-go')
    shown = b.js("return document.querySelector('#sp-view .sp-article').dataset.doc")
    expect(shown == 'frus1981-88v05/d254', 'the cross-reference opens %r' % shown)
    b.call('POST', b.s('/back'), {})
    shown = b.js("return document.querySelector('#sp-view .sp-article').dataset.doc")
    expect(shown == 'frus1981-88v05/d255', 'Back after a cross-reference shows %r' % shown)


def nojs_check(b, page, doc, failures):
    """With JavaScript off, the page still shows its first document whole."""
    b.call('POST', b.s('/goog/cdp/execute'),
           {'cmd': 'Emulation.setScriptExecutionDisabled', 'params': {'value': True}})
    try:
        b.call('POST', b.s('/url'), {'url': 'file://' + os.path.abspath(page) + '?nojs'})
        got = b.js("const t = document.querySelector('#sp-view .sp-text');"
                   "return [t ? t.textContent : null, document.body.classList.contains('sp-js')]")
    finally:
        b.call('POST', b.s('/goog/cdp/execute'),
               {'cmd': 'Emulation.setScriptExecutionDisabled', 'params': {'value': False}})
    if got != [html_text(doc['text']), False]:
        failures.append('%s: without JavaScript the first document does not show whole' % page)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ui', action='store_true')
    ap.add_argument('--screenshot')
    ap.add_argument('--only', action='append', default=[])
    ap.add_argument('pairs', nargs='+')
    o = ap.parse_args()
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    driver = shutil.which('chromedriver')
    profile = tempfile.mkdtemp(prefix='view-chromium-')
    b = Browser(driver, chromium, profile)
    failures, total = [], 0
    try:
        for page, data in zip(o.pairs[::2], o.pairs[1::2]):
            docs = [json.loads(line) for line in open(data, encoding='utf-8')]
            t0 = time.monotonic()
            b.call('POST', b.s('/url'), {'url': 'file://' + os.path.abspath(page)})
            load = time.monotonic() - t0
            n = b.js("return document.querySelectorAll('#sp-list a').length")
            if n != len(docs):
                failures.append('%s: the index lists %d documents, not %d' % (page, n, len(docs)))
            print('%s: %.1f MB, %d documents, loaded in %.2f s' %
                  (os.path.basename(page), os.path.getsize(page) / 1e6, len(docs), load))
            spans = 0
            for i, doc in enumerate(docs):
                if o.only and doc['id'] not in o.only:
                    continue
                shown = 0.0
                if i:  # the first is in view from the start
                    shown = b.js_async(SHOW, i)
                k = check_doc(b, doc, failures)
                spans += k
                print('  %s: %d spans checked%s' % (doc['id'], k,
                      ', shown in %.0f ms' % shown if i else ''))
                if o.ui and doc['id'] == 'frus1981-88v05/d255':
                    ui_checks(b, failures)
                    if o.screenshot:
                        b.js("document.querySelector('.sp-text [data-id=\"speech.0\"]')"
                             ".scrollIntoView({block: 'center'})")
                        b.hover('.sp-text [data-id="speech.0"] [data-layer=mention]')
                        b.screenshot(o.screenshot)
            if o.ui and docs:
                nojs_check(b, page, docs[0], failures)
            problems = b.js("return window.__problems.concat("
                            "performance.getEntriesByType('resource').map(r => 'fetched: ' + r.name))")
            failures.extend('%s: %s' % (page, p) for p in problems)
            total += spans
    finally:
        b.quit()
        shutil.rmtree(profile, ignore_errors=True)
    for f in failures[:40]:
        print('FAIL', f)
    print('%d spans checked, %d failures' % (total, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
