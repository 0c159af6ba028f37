/*
 * words.c — a well-behaved test stage: a `word` span for each run of
 * non-blank characters, and a `pair` span over every two neighbouring words
 * whose attrs refer to the first word by id (to test references).
 * Option: min (int), the shortest word in bytes to mark.
 */
#include <spanpipe/spanpipe.h>
#include <stdlib.h>

typedef struct { json_int_t min; } words_state;

static int words_init(const json_t *opts, void **state, sp_error *err)
{
    words_state *s = malloc(sizeof *s);
    if (!s) {
        sp_error_set(err, "out of memory");
        return -1;
    }
    s->min = json_integer_value(json_object_get(opts, "min"));
    *state = s;
    return 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static int words_process(void *state, sp_doc *doc, sp_error *err)
{
    const words_state *s = state;
    size_t n, i = 0;
    const char *t = sp_doc_text(doc, &n);
    size_t prev_start = 0, prev_end = 0;
    const char *prev_id = NULL;
    (void)err;
    while (i < n) {
        while (i < n && is_blank(t[i]))
            i++;
        size_t start = i;
        while (i < n && !is_blank(t[i]))
            i++;
        if (i == start || (json_int_t)(i - start) < s->min)
            continue;
        const char *id = sp_doc_add(doc, "word", start, i, NULL);
        if (!id)
            return -1;
        if (prev_id)
            sp_doc_add(doc, "pair", prev_start, i,
                       json_pack("{s:s}", "first", prev_id));
        prev_id = id;
        prev_start = start;
        prev_end = i;
    }
    (void)prev_end;
    return 0;
}

static void words_fini(void *state)
{
    free(state);
}

static const char *const produces[] = { "word", "pair", NULL };
static const char *const refs[] = { "pair.first", NULL };
static const sp_option options[] = {
    { "min", SP_OPT_INT, "1", "shortest word to mark, in bytes" },
    { NULL, 0, NULL, NULL },
};

SP_PLUGIN_DEFINE(.name = "words", .version = "1.0.0",
                 .summary = "test stage: words and pairs of words",
                 .produces = produces, .refs = refs, .options = options,
                 .init = words_init, .process = words_process, .fini = words_fini);
