/* view.js — what `spanpipe view`'s page does: the index of documents, the
 * layer toggles, the inspector of the spans under the pointer, and the links
 * between spans (footnote markers and notes, mentions and participants,
 * cross-references and documents).
 *
 * It only ever reads the page: data goes into the DOM through textContent,
 * never as markup, and nothing is fetched.  It never adds a node inside a
 * document's text (.sp-text), whose text is the document's, offsets and all;
 * marks there are classes, and the rest lives in the side panels. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var view = $('sp-view'), list = $('sp-list'), filter = $('sp-filter'),
      count = $('sp-count'), where = $('sp-where'), prev = $('sp-prev'),
      next = $('sp-next'), panel = $('sp-inspect-body'), offStyle = $('sp-off'),
      who = $('sp-who'), legendBox = $('sp-legend-box');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#sp-layers input'));
  var pageTitle = document.title;
  var docs = [], byId = Object.create(null);
  var cur = -1, article = null, pinned = null, lit = [], parsed = new WeakMap();

  /* ---- the documents: the first in the page, the others in <template>s ---- */

  function addDoc(art, tpl) {
    var d = {
      id: art.getAttribute('data-doc'), title: art.getAttribute('data-title'),
      spans: art.getAttribute('data-spans'), tpl: tpl, node: tpl ? null : art
    };
    if (!(d.id in byId)) byId[d.id] = docs.length;
    docs.push(d);
  }
  var first = view.querySelector('.sp-article');
  if (first) addDoc(first, null);
  article = first; /* the one in view */
  document.querySelectorAll('template.sp-doc').forEach(function (t) {
    addDoc(t.content.firstElementChild, t);
  });

  /* A document's address: its id, or its position when an earlier document
   * has the same id ('@' never starts an encoded id). */
  function hashOf(i, span) {
    var d = docs[i];
    return '#doc=' + (byId[d.id] === i ? encodeURIComponent(d.id) : '@' + i) +
      (span ? '&span=' + encodeURIComponent(span) : '');
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var frag = document.createDocumentFragment();
  docs.forEach(function (d, i) {
    var li = el('li'), a = el('a', '', d.title || d.id);
    a.href = hashOf(i);
    a.appendChild(el('small', '', (d.title ? d.id + ' · ' : '') + d.spans + ' spans'));
    li.appendChild(a);
    frag.appendChild(li);
    d.li = li;
    d.a = a;
    d.key = (d.id + '\n' + (d.title || '')).toLowerCase();
  });
  list.appendChild(frag);
  function counted(n) {
    count.textContent = (n === docs.length ? '' : n + ' of ') + docs.length +
      (docs.length === 1 ? ' document' : ' documents');
  }
  counted(docs.length);
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase(), n = 0;
    docs.forEach(function (d) {
      d.li.hidden = !!q && d.key.indexOf(q) < 0;
      if (!d.li.hidden) n++;
    });
    counted(n);
  });
  $('sp-index').hidden = false;
  document.body.classList.add('sp-js');
  prev.hidden = next.hidden = false;

  function attrs(e) {
    var a = parsed.get(e);
    if (!a) {
      try { a = JSON.parse(e.getAttribute('data-attrs') || '{}'); } catch (err) { a = {}; }
      parsed.set(e, a);
    }
    return a;
  }

  /* Put document I in view; the one it replaces is dropped (a <template>
   * keeps the original), except the first, which has no template. */
  function show(i) {
    if (i === cur || !(i >= 0 && i < docs.length)) return;
    var d = docs[i];
    if (article) article.remove();
    article = d.node || d.tpl.content.firstElementChild.cloneNode(true);
    view.appendChild(article);
    if (cur >= 0) docs[cur].a.removeAttribute('aria-current');
    d.a.setAttribute('aria-current', 'page');
    d.a.scrollIntoView({ block: 'nearest' });
    cur = i;
    prev.disabled = i === 0;
    next.disabled = i === docs.length - 1;
    where.textContent = 'document ' + (i + 1) + ' of ' + docs.length;
    document.title = (d.title || d.id) + ' — ' + pageTitle;
    view.scrollTop = 0;
    countLayers();
    /* The legend moves to the side panel, to stay in sight while reading;
     * the article keeps its own (hidden) copy for the next time it shows. */
    var lg = article.querySelector('.sp-legend');
    legendBox.textContent = '';
    if (lg) legendBox.appendChild(lg.cloneNode(true));
    who.hidden = !lg;
    article.querySelectorAll('.sp-text [data-layer=xref]').forEach(function (x) {
      var a = attrs(x);
      if (typeof a.target === 'string' && (a.target in byId || a.note)) x.classList.add('sp-go');
    });
    pinned = null;
    describe([]);
  }

  function navigate(i, span) {
    if (i >= 0 && i < docs.length) location.hash = hashOf(i, span);
  }

  function route() {
    var m = /^#doc=([^&]*)(?:&span=(.*))?$/.exec(location.hash), i, span = null;
    try {
      if (m) {
        i = m[1].charAt(0) === '@' ? +m[1].slice(1) : byId[decodeURIComponent(m[1])];
        if (m[2]) span = decodeURIComponent(m[2]);
      }
    } catch (err) { i = undefined; }
    if (!(i >= 0 && i < docs.length)) i = cur < 0 ? 0 : cur;
    show(i);
    if (span) go(span);
  }

  /* ---- layers: counts and toggles ---- */

  function countLayers() {
    var n = Object.create(null);
    article.querySelectorAll('.sp-text [data-layer]:not([data-part], [data-edge=end])').forEach(function (e) {
      var l = e.getAttribute('data-layer');
      n[l] = (n[l] || 0) + 1;
    });
    boxes.forEach(function (b) {
      var c = n[b.value] || 0, out = b.parentNode.querySelector('.sp-n');
      out.textContent = c;
      out.title = c + ' in this document, ' + out.getAttribute('data-total') + ' in the page';
      b.parentNode.classList.toggle('sp-absent', !c);
    });
  }

  /* A CSS string for any layer name or span id. */
  function cssString(s) {
    return '"' + s.replace(/[\\"\n\r\f]/g, function (c) {
      return '\\' + c.charCodeAt(0).toString(16) + ' ';
    }) + '"';
  }

  function isOn(layer) {
    for (var k = 0; k < boxes.length; k++)
      if (boxes[k].value === layer) return boxes[k].checked;
    return true;
  }

  /* A layer switched off loses its look, not its elements: the text stays
   * whole and the other layers keep theirs. */
  function restyle() {
    var css = '';
    boxes.forEach(function (b) {
      if (!b.checked) css += '#sp-view [data-layer=' + cssString(b.value) + ']{all:unset!important}\n' +
                             '#sp-view [data-layer=' + cssString(b.value) + '][data-edge]::before{content:none}\n';
    });
    offStyle.textContent = css;
    if (pinned) describe(chainAt(pinned));
  }
  $('sp-layers').addEventListener('change', restyle);

  /* ---- spans: finding, highlighting, following ---- */

  function spanEls(id) {
    return article ? article.querySelectorAll('.sp-text [data-id=' + cssString(id) + ']') : [];
  }

  /* The text of a crossing span, between its two markers (data-edge), or
   * null for a span that is elements. */
  function between(els) {
    if (els.length !== 2 || els[0].getAttribute('data-edge') !== 'start') return null;
    var r = document.createRange();
    r.setStartAfter(els[0]);
    r.setEndBefore(els[1]);
    return r;
  }

  var marked = typeof Highlight === 'function' && window.CSS && CSS.highlights;
  function light(els) {
    Array.prototype.forEach.call(els, function (e) { e.classList.add('sp-hi'); lit.push(e); });
    var r = between(els);
    if (r && marked) CSS.highlights.set('sp-hi', new Highlight(r));
  }
  function unlight() {
    lit.forEach(function (e) { e.classList.remove('sp-hi'); });
    lit = [];
    if (marked) CSS.highlights.delete('sp-hi');
  }

  /* Scroll to span ID, flash it and show it in the inspector. */
  function go(id) {
    var els = spanEls(id);
    if (!els.length) return;
    els[0].scrollIntoView({ block: 'center' });
    Array.prototype.forEach.call(els, function (e) {
      e.classList.remove('sp-flash');
      void e.offsetWidth; /* restart the animation */
      e.classList.add('sp-flash');
    });
    pinned = els[0];
    describe(chainAt(els[0]));
  }

  /* The spans at node N, innermost first (only those of layers shown). */
  function chainAt(n) {
    var out = [];
    var e = n && n.nodeType === 1 ? n : n && n.parentElement;
    if (!e || !e.closest('.sp-text')) return out;
    for (; !e.classList.contains('sp-text'); e = e.parentElement)
      if (e.hasAttribute('data-id') && isOn(e.getAttribute('data-layer'))) out.push(e);
    return out;
  }

  /* The legend entry a speech, mention or participant belongs to. */
  function legendOf(e) {
    var a = attrs(e), l = e.getAttribute('data-layer'), key = null;
    if (l === 'participant') key = e.getAttribute('data-id');
    else if (l === 'mention') key = a.participant;
    else if (l === 'speech') key = a.speaker;
    if (typeof key === 'string') {
      var li = legendBox.querySelector('li[data-key=' + cssString(key) + ']');
      if (li) return li;
    }
    if (l === 'speech' && typeof a.name === 'string')
      return legendBox.querySelector('li[data-name=' + cssString(a.name) + ']');
    return null;
  }

  /* The speeches, mentions and roster entry of legend entry LI. */
  function speakerEls(li) {
    var out = [];
    article.querySelectorAll('.sp-text :is([data-layer=speech], [data-layer=mention], ' +
                             '[data-layer=participant])').forEach(function (e) {
      if (legendOf(e) === li) out.push(e);
    });
    return out;
  }

  function excerpt(id) {
    var t = '', els = spanEls(id), r = between(els);
    if (r) t = r.toString();
    else Array.prototype.forEach.call(els, function (e) { t += e.textContent; });
    var cps = Array.from(t);
    return cps.length > 240 ? cps.slice(0, 240).join('') + '…' : t;
  }

  function link(text, action) {
    var b = el('button', 'sp-link', text);
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  }

  /* What an attribute's value links to: a span of this document, or a
   * document of the page. */
  function valueNode(key, v) {
    if (typeof v !== 'string') return document.createTextNode(JSON.stringify(v));
    var els = spanEls(v);
    if (els.length) {
      /* A participant is named, not just numbered. */
      var p = els[0].getAttribute('data-layer') === 'participant' ? attrs(els[0]) : null;
      var label = p && typeof p.name === 'string' ?
        v + ' (' + p.name + (typeof p.side === 'string' ? ', ' + p.side : '') + ')' : v;
      return link(label, function () { go(v); });
    }
    if (key === 'target' && v in byId) return link(v, function () { navigate(byId[v]); });
    return document.createTextNode(v);
  }

  function card(e) {
    var id = e.getAttribute('data-id'), layer = e.getAttribute('data-layer'), a = attrs(e);
    var box = el('div', 'sp-i'), head = el('header'), parts = spanEls(id).length;
    var colour = /\bc\d+\b/.exec(e.className);
    if (colour) box.classList.add(colour[0]);
    head.appendChild(el('b', '', layer));
    head.appendChild(el('code', '', id));
    if (e.hasAttribute('data-edge'))
      head.appendChild(el('small', '', 'crosses other spans: shown between brackets'));
    else if (parts > 1)
      head.appendChild(el('small', '', 'part ' + (+(e.getAttribute('data-part') || 0) + 1) +
                          ' of ' + parts));
    box.appendChild(head);
    box.appendChild(el('q', '', excerpt(id)));
    var dl = el('dl');
    Object.keys(a).forEach(function (k) {
      var dd = el('dd');
      dd.appendChild(valueNode(k, a[k]));
      dl.appendChild(el('dt', '', k));
      dl.appendChild(dd);
    });
    if (layer === 'note') {
      /* The way back from a footnote to its markers. */
      article.querySelectorAll('.sp-text [data-layer=note-ref]:not([data-part])').forEach(function (r) {
        if (attrs(r).note !== id) return;
        var rid = r.getAttribute('data-id'), dd = el('dd');
        var back = link('↩ back to marker ' + r.textContent, function () { go(rid); });
        back.setAttribute('data-back', rid);
        dd.appendChild(back);
        dl.appendChild(el('dt', '', 'marked at'));
        dl.appendChild(dd);
      });
    }
    if (layer === 'xref' && typeof a.target === 'string' && (a.target in byId || a.note)) {
      var dd = el('dd');
      dd.appendChild(link(a.note ? 'go to the note' : 'open the document', function () { follow(a); }));
      dl.appendChild(el('dt', '', '→'));
      dl.appendChild(dd);
    }
    if (dl.firstChild) box.appendChild(dl);
    box.addEventListener('mouseenter', function () { light(spanEls(id)); });
    box.addEventListener('mouseleave', unlight);
    return box;
  }

  function describe(chain) {
    unlight();
    panel.textContent = '';
    if (!chain.length) {
      panel.appendChild(el('p', 'sp-hint', 'Point at the text to see the spans there: ' +
        'layer, id, text and attrs. Click to pin this panel (Esc lets go). Footnote ' +
        'markers and cross-references are links; so are the names in the legend. ' +
        'Keys: j / k next / previous document.'));
      return;
    }
    if (pinned) panel.appendChild(el('p', 'sp-pinned', 'Pinned: click the text or press Esc to follow the pointer again.'));
    chain.forEach(function (e) {
      panel.appendChild(card(e));
      var li = legendOf(e);
      if (li) light([li]);
    });
  }

  function follow(a) {
    var i = a.target in byId ? byId[a.target] : cur;
    if (i !== cur) navigate(i, a.note);
    else if (a.note) go(a.note);
  }

  /* ---- events ---- */

  /* Pointing at a name in the legend lights what they said and where they
   * are named; a click goes to them in the list of participants (or to their
   * first speech). */
  legendBox.addEventListener('mouseover', function (ev) {
    var li = ev.target.closest('li');
    unlight();
    if (li) {
      light([li]);
      light(speakerEls(li));
    }
  });
  legendBox.addEventListener('mouseleave', unlight);
  legendBox.addEventListener('click', function (ev) {
    var li = ev.target.closest('li'), els = li ? speakerEls(li) : [];
    var p = els.filter(function (e) { return e.getAttribute('data-layer') === 'participant'; });
    if (els.length) go((p[0] || els[0]).getAttribute('data-id'));
  });

  view.addEventListener('mouseover', function (ev) {
    if (!pinned) describe(chainAt(ev.target));
  });

  view.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!t.closest || !t.closest('.sp-text') || String(window.getSelection()) !== '') return;
    var ref = t.closest('[data-layer=note-ref]'), x = t.closest('[data-layer=xref].sp-go');
    if (ref && typeof attrs(ref).note === 'string' && isOn('note-ref')) {
      ev.preventDefault();
      go(attrs(ref).note);
    } else if (x && isOn('xref')) {
      follow(attrs(x));
    } else if (pinned) {
      pinned = null;
      describe(chainAt(t));
    } else {
      pinned = t;
      describe(chainAt(t));
    }
  });

  prev.addEventListener('click', function () { navigate(cur - 1); });
  next.addEventListener('click', function () { navigate(cur + 1); });
  document.addEventListener('keydown', function (ev) {
    if (ev.target.closest && ev.target.closest('input, textarea, select') ||
        ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'j') navigate(cur + 1);
    else if (ev.key === 'k') navigate(cur - 1);
    else if (ev.key === 'Escape' && pinned) { pinned = null; describe([]); }
  });
  window.addEventListener('hashchange', route);

  restyle();
  route();
})();
