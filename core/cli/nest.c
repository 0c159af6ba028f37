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

int nest_walk(const sp_doc *doc, int (*keep)(void *kctx, const sp_span *span),
              void *kctx, const nest_events *ev, void *ctx)
{
    size_t total = sp_doc_span_count(doc), m = 0;
    const sp_span **sp = malloc((total ? total : 1) * sizeof *sp);
    open_el *stack = malloc((total ? total : 1) * sizeof *stack);
    open_el *want = malloc((total ? total : 1) * sizeof *want);
    unsigned *parts = calloc(total ? total : 1, sizeof *parts);
    if (!sp || !stack || !want || !parts) {
        free(sp), free(stack), free(want), free(parts);
        return -1;
    }
    for (size_t k = 0; k < total; k++) {
        const sp_span *s = sp_doc_span(doc, k);
        if (!keep || keep(kctx, s))
            sp[m++] = s;
    }
    /* Standoff: the crossing spans' starts in SO (output order, so by start)
     * and their ends in SOE (by end). */
    const sp_span **so = NULL, **soe = NULL;
    size_t nso = 0, so_next = 0, soe_next = 0;
    if (ev->anchor) {
        so = malloc((m ? m : 1) * sizeof *so);
        soe = malloc((m ? m : 1) * sizeof *soe);
        if (!so || !soe) {
            free(sp), free(stack), free(want), free(parts), free(so), free(soe);
            return -1;
        }
        m = take_crossing(sp, m, so, &nso, soe); /* soe: room for a stack */
        memcpy(soe, so, nso * sizeof *soe);
        qsort(soe, nso, sizeof *soe, by_end);
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
        for (; soe_next < nso && soe[soe_next]->end == pos; soe_next++)
            ev->anchor(ctx, soe[soe_next], 1);
        for (; so_next < nso && so[so_next]->start == pos; so_next++)
            ev->anchor(ctx, so[so_next], 0);
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
        if (so_next < nso && so[so_next]->start < next)
            next = so[so_next]->start;
        if (soe_next < nso && soe[soe_next]->end < next)
            next = soe[soe_next]->end;
        if (next == pos)
            break; /* only at the end of the text: everything is closed */
        ev->text(ctx, text + pos, next - pos);
        pos = next;
    }
    free(sp), free(stack), free(want), free(parts), free(so), free(soe);
    return 0;
}
