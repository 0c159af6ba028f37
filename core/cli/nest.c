/* nest.c — spans as nested elements, split where they cross (see nest.h). */
#include "nest.h"

#include <stdlib.h>
#include <string.h>

typedef struct open_el {
    const sp_span *s;
    size_t order;   /* index among the kept spans: ties go to the earlier one */
} open_el;

/* Outer first: of the elements opened at one place, the one that ends last
 * encloses the others; of two that end together, the one that came first in
 * output order (earlier start, or longer) is outside. */
static int outer_first(const void *a, const void *b)
{
    const open_el *x = a, *y = b;
    if (x->s->end != y->s->end)
        return x->s->end > y->s->end ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* By end, then output order (the array holds pointers into the document's
 * spans, which are in output order). */
static int by_end(const void *a, const void *b)
{
    const sp_span *x = *(const sp_span *const *)a, *y = *(const sp_span *const *)b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x < y ? -1 : x > y;
}

/*
 * Move out of SP[0..M) (output order) the spans that cross one kept before
 * them into SO, in the same order; returns how many stay.  Those that stay
 * nest: the open ones form a stack, each inside the one below, so a span
 * starting inside the top one (the ones that end before it are popped) nests
 * exactly when it ends inside it too.  STACK has room for M.
 */
static size_t take_crossing(const sp_span **sp, size_t m, const sp_span **so, size_t *nso,
                            const sp_span **stack)
{
    size_t kept = 0, depth = 0;
    *nso = 0;
    for (size_t k = 0; k < m; k++) {
        const sp_span *s = sp[k];
        while (depth && stack[depth - 1]->end <= s->start)
            depth--;
        if (depth && s->end > stack[depth - 1]->end) {
            so[(*nso)++] = s;
            continue;
        }
        stack[depth++] = s;
        sp[kept++] = s;
    }
    return kept;
}

/* The crossing spans, when the format takes them as anchors. */
typedef struct standoff {
    const sp_span **start;  /* by start (output order) */
    const sp_span **end;    /* by end */
    size_t n, next_start, next_end;
} standoff;

/* Move the crossing spans of SP[0..*M) into SO.  Returns 0, or -1 when out
 * of memory. */
static int standoff_take(standoff *so, const sp_span **sp, size_t *m)
{
    so->start = malloc((*m ? *m : 1) * sizeof *so->start);
    so->end = malloc((*m ? *m : 1) * sizeof *so->end);
    if (!so->start || !so->end)
        return -1;
    *m = take_crossing(sp, *m, so->start, &so->n, so->end); /* end: room for a stack */
    memcpy(so->end, so->start, so->n * sizeof *so->end);
    qsort(so->end, so->n, sizeof *so->end, by_end);
    return 0;
}

/* Hand over the anchors at POS: the ends, then the starts. */
static void standoff_at(standoff *so, size_t pos, const nest_events *ev, void *ctx)
{
    for (; so->next_end < so->n && so->end[so->next_end]->end == pos; so->next_end++)
        ev->anchor(ctx, so->end[so->next_end], 1);
    for (; so->next_start < so->n && so->start[so->next_start]->start == pos; so->next_start++)
        ev->anchor(ctx, so->start[so->next_start], 0);
}

/* NEXT, or the place of the next anchor when that comes first. */
static size_t standoff_next(const standoff *so, size_t next)
{
    if (so->next_start < so->n && so->start[so->next_start]->start < next)
        next = so->start[so->next_start]->start;
    if (so->next_end < so->n && so->end[so->next_end]->end < next)
        next = so->end[so->next_end]->end;
    return next;
}

int nest_walk(const sp_doc *doc, int (*keep)(void *kctx, const sp_span *span),
              void *kctx, const nest_events *ev, void *ctx)
{
    size_t total = sp_doc_span_count(doc), m = 0;
    const sp_span **sp = malloc((total ? total : 1) * sizeof *sp);
    open_el *stack = malloc((total ? total : 1) * sizeof *stack);
    open_el *want = malloc((total ? total : 1) * sizeof *want);
    unsigned *parts = calloc(total ? total : 1, sizeof *parts);
    standoff so = { 0 };
    if (!sp || !stack || !want || !parts) {
        free(sp), free(stack), free(want), free(parts);
        return -1;
    }
    for (size_t k = 0; k < total; k++) {
        const sp_span *s = sp_doc_span(doc, k);
        if (!keep || keep(kctx, s))
            sp[m++] = s;
    }
    if (ev->anchor && standoff_take(&so, sp, &m) < 0) {
        free(sp), free(stack), free(want), free(parts), free(so.start), free(so.end);
        return -1;
    }
    size_t len, pos = 0, next_start = 0, depth = 0;
    const char *text = sp_doc_text(doc, &len);
    for (;;) {
        /* At POS.  The open elements below the first one that ends here stay
         * as they are: an element is split only when one it encloses ends.
         * Above it, what goes on (reopened as a further part) and what starts
         * here are ordered outer first. */
        size_t same = 0;
        while (same < depth && stack[same].s->end > pos)
            same++;
        size_t w = same, first_new = next_start;
        for (size_t k = same; k < depth; k++)
            if (stack[k].s->end > pos)
                want[w++] = stack[k];
        /* the spans are in output order, so those starting here are consecutive */
        for (; next_start < m && sp[next_start]->start == pos; next_start++)
            if (sp[next_start]->end > pos)
                want[w++] = (open_el){ sp[next_start], next_start };
        if (w - same > 1)
            qsort(want + same, w - same, sizeof *want, outer_first);
        for (size_t k = depth; k-- > same;)
            ev->close(ctx, stack[k].s, parts[stack[k].order] - 1, stack[k].s->end == pos);
        standoff_at(&so, pos, ev, ctx);
        for (size_t k = same; k < w; k++) {
            ev->open(ctx, want[k].s, parts[want[k].order]++);
            stack[k] = want[k];
        }
        for (size_t k = first_new; k < next_start; k++)
            if (sp[k]->end == pos) {
                ev->open(ctx, sp[k], 0);
                ev->close(ctx, sp[k], 0, 1);
            }
        depth = w;

        size_t next = len;
        if (next_start < m && sp[next_start]->start < next)
            next = sp[next_start]->start;
        for (size_t k = 0; k < depth; k++)
            if (stack[k].s->end < next)
                next = stack[k].s->end;
        next = standoff_next(&so, next);
        if (next == pos)
            break; /* only at the end of the text: everything is closed */
        ev->text(ctx, text + pos, next - pos);
        pos = next;
    }
    free(sp), free(stack), free(want), free(parts), free(so.start), free(so.end);
    return 0;
}
