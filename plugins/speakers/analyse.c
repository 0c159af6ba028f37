/*
 * analyse.c — one document from start to end: tokenize, read the roster,
 * learn who is a person, find the mentions, the writer, then the speech.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_chars.h"
#include "spk_doc.h"

size_t spk_tok_at(const spk_ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->toks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->toks.v[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t spk_tok_from(const spk_ctx *c, size_t pos, size_t from)
{
    const spk_tok *v = c->toks.v;
    size_t n = c->toks.n;
    if (from > n || (from > 0 && v[from - 1].start >= pos))
        return spk_tok_at(c, pos); /* not ahead of FROM: search it all */
    /* Gallop: the answer is in [lo, hi), found by steps that double. */
    size_t lo = from, step = 1, hi = from;
    while (hi < n && v[hi].start < pos) {
        lo = hi + 1;
        hi = step < n - hi ? hi + step : n;
        step *= 2;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int spk_in_body(const spk_ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->body.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->body.v[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->body.n && c->body.v[lo].start <= pos;
}

int spk_ctx_own(spk_ctx *c, char *s)
{
    if (!s || spt_grow((void **)&c->owned, &c->capowned, c->nowned, sizeof *c->owned) < 0) {
        free(s);
        return -1;
    }
    c->owned[c->nowned++] = s;
    return 0;
}

/* The body: its sections, or, when the segmenter found none, everything but
 * the title, the participants and the notes. */
static int spk_find_body(spk_ctx *c)
{
    const spk_spans *secs = c->in->sections;
    for (size_t i = 0; secs && i < secs->n; i++) {
        if (secs->v[i].kind != SPK_SEC_BODY)
            continue;
        /* Overlapping body sections merge: spk_in_body() searches disjoint
         * ranges in order. */
        spk_span *last = c->body.n ? &c->body.v[c->body.n - 1] : NULL;
        if (last && secs->v[i].start <= last->end) {
            if (secs->v[i].end > last->end)
                last->end = secs->v[i].end;
        } else if (spk_spans_push(&c->body, secs->v[i].start, secs->v[i].end, 0) < 0) {
            return -1;
        }
    }
    if (!c->body.n) {
        size_t pos = 0;
        for (size_t i = 0; secs && i < secs->n; i++) {
            int k = secs->v[i].kind;
            if (k != SPK_SEC_HEAD && k != SPK_SEC_NOTES && k != SPK_SEC_PARTICIPANTS)
                continue;
            if (secs->v[i].start > pos && spk_spans_push(&c->body, pos, secs->v[i].start, 0) < 0)
                return -1;
            if (secs->v[i].end > pos)
                pos = secs->v[i].end;
        }
        if (pos < c->n && spk_spans_push(&c->body, pos, c->n, 0) < 0)
            return -1;
    }
    c->body_start = c->body.n ? c->body.v[0].start : c->n;
    return 0;
}

static void spk_ctx_free(spk_ctx *c)
{
    spk_toks_free(&c->toks);
    free(c->tok_ent);
    free(c->tok_ment);
    free(c->ents);
    free(c->part_ent);
    spk_names_free(c->names);
    spk_names_free(c->part_titles);
    spk_names_free(c->text_titles);
    for (size_t i = 0; i < c->nowned; i++)
        free(c->owned[i]);
    free(c->owned);
    spk_spans_free(&c->body);
}

int spk_analyse(const spk_config *cfg, const spk_input *in, spk_result *out)
{
    spk_ctx c;
    memset(&c, 0, sizeof c);
    c.cfg = cfg;
    c.lx = cfg->lexicon;
    c.in = in;
    c.out = out;
    c.t = in->text;
    c.n = in->len;
    c.writer = SPK_NONE;
    spk_toks_init(&c.toks);
    spk_spans_init(&c.body);
    int rc = -1;
    c.names = spk_names_new();
    c.part_titles = spk_names_new();
    c.text_titles = spk_names_new();
    if (!c.names || !c.part_titles || !c.text_titles || spk_find_body(&c) < 0 ||
        spk_tokenize(c.t, 0, c.n, &c.toks) < 0)
        goto done;
    size_t nt = c.toks.n ? c.toks.n : 1;
    c.tok_ent = malloc(nt * sizeof *c.tok_ent);
    c.tok_ment = calloc(nt, 1);
    if (!c.tok_ent || !c.tok_ment)
        goto done;
    for (size_t i = 0; i < c.toks.n; i++)
        c.tok_ent[i] = SPK_NONE;
    spk_promote_nounish(&c);
    if (spk_roster(&c) < 0 || spk_register(&c) < 0 || spk_register_cues(&c) < 0 ||
        spk_roster_resolve_titles(&c) < 0 ||
        spk_mentions(&c) < 0)
        goto done;
    spk_writer(&c);
    if (spk_attribute(&c) < 0)
        goto done;
    rc = 0;
done:
    spk_ctx_free(&c);
    return rc;
}
