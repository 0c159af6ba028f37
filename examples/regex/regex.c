/*
 * regex.c — an example spanpipe stage: a `match` span wherever a POSIX
 * extended regular expression matches the text.
 *
 *     spanpipe run -P . -p regex:pattern='Document [0-9]+',label=docref in.jsonl
 *
 * Built out of tree with nothing but pkg-config (see Makefile beside it), it
 * shows the whole plugin API: options, init/process/fini, state shared by
 * threads, adding spans with attrs, reporting errors.
 */
#define _GNU_SOURCE /* REG_STARTEND: match inside a text that may hold NULs */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <spanpipe/spanpipe.h>

/* What init() builds from the options; read-only afterwards, so every thread
 * can use it at once (regexec does not modify a compiled pattern). */
typedef struct regex_state {
    regex_t re;
    char *label;
} regex_state;

static int regex_init(const json_t *options, void **state, sp_error *err)
{
    const char *pattern = json_string_value(json_object_get(options, "pattern"));
    const char *label = json_string_value(json_object_get(options, "label"));
    int flags = REG_EXTENDED;
    if (json_is_true(json_object_get(options, "icase")))
        flags |= REG_ICASE;
    if (!pattern || !*pattern) {
        sp_error_set(err, "give a pattern: -p regex:pattern=REGEX");
        return -1;
    }
    regex_state *st = calloc(1, sizeof *st);
    if (!st) {
        sp_error_set(err, "out of memory");
        return -1;
    }
    int rc = regcomp(&st->re, pattern, flags);
    if (rc != 0) {
        char msg[256];
        regerror(rc, &st->re, msg, sizeof msg);
        sp_error_set(err, "bad pattern '%s': %s", pattern, msg);
        free(st);
        return -1;
    }
    st->label = strdup(label && *label ? label : pattern);
    *state = st;
    return 0;
}

static int regex_process(void *state, sp_doc *doc, sp_error *err)
{
    const regex_state *st = state;
    size_t len;
    const char *text = sp_doc_text(doc, &len);
    size_t pos = 0;
    while (pos <= len) {
        regmatch_t m[1];
        m[0].rm_so = (regoff_t)pos;
        m[0].rm_eo = (regoff_t)len;
        int flags = REG_STARTEND | (pos > 0 ? REG_NOTBOL : 0);
        if (regexec(&st->re, text, 1, m, flags) != 0)
            break;
        size_t start = (size_t)m[0].rm_so, end = (size_t)m[0].rm_eo;
        /* Matches come in order of start, so the ids match.N count in that order. */
        if (!sp_doc_add(doc, "match", start, end, json_pack("{s:s}", "label", st->label))) {
            sp_error_set(err, "could not add a match at byte %zu", start);
            return -1;
        }
        pos = end > start ? end : end + 1; /* never loop on an empty match */
    }
    return 0;
}

static void regex_fini(void *state)
{
    regex_state *st = state;
    regfree(&st->re);
    free(st->label);
    free(st);
}

static const char *const regex_produces[] = { "match", NULL };

static const sp_option regex_options[] = {
    { "pattern", SP_OPT_STRING, NULL, "POSIX extended regular expression to mark" },
    { "label", SP_OPT_STRING, NULL, "the matches' \"label\" attr (default: the pattern)" },
    { "icase", SP_OPT_BOOL, "false", "ignore case" },
    { NULL, 0, NULL, NULL },
};

/* The one exported symbol; the macro fills in the ABI version and magic. */
SP_PLUGIN_DEFINE(.name = "regex", .version = "1.0.0",
                 .summary = "mark every match of a regular expression",
                 .produces = regex_produces, .options = regex_options,
                 .init = regex_init, .process = regex_process, .fini = regex_fini);
