/*
 * overlap.c — an output that is also an input, refused before anything is
 * read (see overlap.h): `run -o x.jsonl x.jsonl` would replace the user's
 * only copy once complete, `-O corpus corpus` every input.  Files are
 * compared by device and inode, so another name for the same file (a link,
 * "./x.jsonl") is caught too.
 */
#include "io/overlap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct node {
    dev_t dev;
    ino_t ino;
    size_t i;          /* which input */
} node;

static int cmp_node(const void *a, const void *b)
{
    const node *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

void overlap_init(overlap *o, const char *const *inputs, size_t n)
{
    o->inputs = inputs;
    o->n = 0;
    o->nodes = xmalloc((n ? n : 1) * sizeof *o->nodes);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &st) == 0 &&
            (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
            o->nodes[o->n++] = (node){ st.st_dev, st.st_ino, i };
    }
    if (o->n > 1)
        qsort(o->nodes, o->n, sizeof *o->nodes, cmp_node);
}

void overlap_free(overlap *o)
{
    free(o->nodes);
    o->nodes = NULL;
}

/* The input that is ST's file or folder, or NULL. */
static const char *input_of(const overlap *o, const struct stat *st)
{
    node key = { st->st_dev, st->st_ino, 0 };
    const node *hit = o->n ? bsearch(&key, o->nodes, o->n, sizeof key, cmp_node) : NULL;
    return hit ? o->inputs[hit->i] : NULL;
}

int overlap_file(const overlap *o, const char *out, buf *err)
{
    struct stat st;
    const char *in;
    if (!out || !strcmp(out, "-") || stat(out, &st) < 0 || !S_ISREG(st.st_mode) ||
        !(in = input_of(o, &st)))
        return 0;
    buf_printf(err, "%s is the input %s: refused before reading anything (writing it "
                    "would replace the input)", out, in);
    return -1;
}

int overlap_below(const overlap *o, const char *out, buf *err)
{
    if (!out || !strcmp(out, "-"))
        return 0;
    /* From OUT, or the nearest folder above it that exists, up to the root. */
    buf p = BUF_INIT;
    buf_adds(&p, out);
    struct stat st, up;
    int self = 1; /* P is OUT itself */
    while (stat(p.data, &st) < 0) {
        char *slash = strrchr(p.data, '/');
        while (slash && slash > p.data && slash[-1] == '/')
            slash--;
        if (!slash) {
            buf_clear(&p);
            buf_adds(&p, ".");
        } else {
            p.len = (size_t)(slash - p.data) + (slash == p.data);
            p.data[p.len] = '\0';
        }
        self = 0;
    }
    int rc = 0;
    for (int top = 0; !top; st = up, self = 0) {
        const char *in = input_of(o, &st);
        if (in && S_ISDIR(st.st_mode)) {
            buf_printf(err, "%s is %sthe input folder %s: refused before reading anything "
                            "(what is written there would replace inputs or be read as "
                            "one)", out, self ? "" : "inside ", in);
            rc = -1;
            break;
        }
        buf_adds(&p, "/..");
        top = stat(p.data, &up) < 0 || (up.st_dev == st.st_dev && up.st_ino == st.st_ino);
    }
    buf_free(&p);
    return rc;
}
