/* options.c — stage options (see options.h). */
#include "stage/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *options_type_name(sp_option_type t)
{
    switch (t) {
    case SP_OPT_BOOL: return "a boolean (true or false)";
    case SP_OPT_INT: return "an integer";
    case SP_OPT_STRING: return "a string";
    }
    return "?";
}

#define NONE ((size_t)-1)

/* One item of a spec, between commas, with quotes and escapes resolved. */
typedef struct spec_item {
    buf text;
    size_t colon, eq;   /* the first ':' and '=' that are syntax, or NONE */
} spec_item;

/* The quoted value at *PP (on its opening quote) into OUT: up to the closing
 * quote, \" and \\ escaping; *PP is left on the closing quote. */
static int quoted(const char **pp, buf *out, const char *spec, buf *err)
{
    const char *p = *pp + 1;
    for (; *p && *p != '"'; p++) {
        if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
            p++;
        buf_addc(out, *p);
    }
    if (!*p) {
        buf_printf(err, "'%s': a quote opens a value and is never closed", spec);
        return -1;
    }
    *pp = p;
    return 0;
}

/*
 * Read the item at *PP, up to a ',' that is neither escaped (\,) nor inside
 * a quoted value (key="a,b"), into IT, and move *PP past that comma.
 * Returns 0, or -1 with a message in ERR.
 */
static int next_item(const char **pp, spec_item *it, const char *spec, buf *err)
{
    const char *p = *pp;
    buf_clear(&it->text);
    buf_reserve(&it->text, 0);
    it->colon = it->eq = NONE;
    for (; *p && *p != ','; p++) {
        if (*p == '\\' && p[1] == ',') {
            buf_addc(&it->text, *++p);
        } else if (*p == '"' && it->eq != NONE && it->text.len == it->eq + 1) {
            if (quoted(&p, &it->text, spec, err) < 0)
                return -1;
            if (p[1] && p[1] != ',') {
                size_t k = it->colon < it->eq ? it->colon + 1 : 0;
                buf_printf(err, "'%s': text after the quoted value of '%.*s'; quote "
                           "the whole value", spec, (int)(it->eq - k), it->text.data + k);
                return -1;
            }
        } else {
            if (*p == ':' && it->colon == NONE)
                it->colon = it->text.len;
            if (*p == '=' && it->eq == NONE)
                it->eq = it->text.len;
            buf_addc(&it->text, *p);
        }
    }
    *pp = *p ? p + 1 : p;
    return 0;
}

/* Where a spec is while it is read. */
typedef struct spec_parse {
    const char *spec;
    int (*cb)(void *ctx, const char *name, json_t *opts, buf *err);
    void *ctx;
    char *name;      /* the stage being read, or NULL */
    json_t *opts;    /* its options */
    char *after;     /* the option item its name came right after, or NULL */
    char *last_kv;   /* the last option item, until a name takes it */
} spec_parse;

/*
 * A stage's name that followed an option item may be the rest of that
 * option's value, split at a comma it holds: say how to keep it whole.
 */
static void comma_hint(const spec_parse *sp, buf *err)
{
    const char *eq = strchr(sp->after, '=');
    buf_printf(err, "; '%s' followed the option %s: if that comma belongs to its "
               "value, quote the value (%.*s=\"%s,%s\") or escape the comma (\\,)",
               sp->name, sp->after, (int)(eq - sp->after), sp->after, eq + 1, sp->name);
}

/* Hand the stage read so far, if any, to the callback. */
static int end_stage(spec_parse *sp, buf *err)
{
    if (!sp->name)
        return 0;
    int rc = sp->cb(sp->ctx, sp->name, sp->opts, err);
    if (rc < 0 && sp->after)
        comma_hint(sp, err);
    sp->opts = NULL;
    free(sp->name);
    free(sp->after);
    sp->name = sp->after = NULL;
    return rc;
}

/* Take "key=value" (TEXT, with '=' at EQ) as an option of the stage. */
static int take_option(spec_parse *sp, const char *text, size_t eq, buf *err)
{
    if (eq == NONE || eq == 0) {
        buf_printf(err, "stage '%s': '%s' is not key=value", sp->name, text);
        return -1;
    }
    char *key = xstrndup(text, eq);
    /* jansson holds only UTF-8: a Latin-1 path must not become "no option". */
    json_t *value = json_string(text + eq + 1);
    int ok = value && json_object_set_new(sp->opts, key, value) == 0; /* takes value */
    free(key);
    if (!ok) {
        buf_printf(err, "stage '%s': option '%s' is not UTF-8 text", sp->name, text);
        return -1;
    }
    free(sp->last_kv);
    sp->last_kv = xstrdup(text);
    return 0;
}

/* Take one item: an option of the stage before, or a new stage. */
static int take_item(spec_parse *sp, spec_item *it, buf *err)
{
    const char *text = it->text.data;
    if (it->eq != NONE && (it->colon == NONE || it->colon > it->eq)) {
        if (!sp->name) {
            buf_printf(err, "'%s': an option before any stage", text);
            return -1;
        }
        return take_option(sp, text, it->eq, err);
    }
    if (end_stage(sp, err) < 0)
        return -1;
    size_t n = it->colon == NONE ? it->text.len : it->colon;
    if (n == 0) {
        buf_printf(err, "'%s': a stage without a name", sp->spec);
        return -1;
    }
    sp->name = xstrndup(text, n);
    sp->opts = json_object();
    sp->after = sp->last_kv;
    sp->last_kv = NULL;
    if (it->colon == NONE)
        return 0;
    size_t eq = it->eq == NONE ? NONE : it->eq - n - 1;
    return take_option(sp, text + n + 1, eq, err);
}

int options_parse_spec(const char *spec,
                       int (*cb)(void *ctx, const char *name, json_t *opts, buf *err),
                       void *ctx, buf *err)
{
    spec_parse sp = { .spec = spec, .cb = cb, .ctx = ctx };
    spec_item it = { BUF_INIT, NONE, NONE };
    int rc = 0, stages = 0;
    for (const char *p = spec; *p && rc == 0;) {
        rc = next_item(&p, &it, spec, err);
        if (rc == 0 && it.text.len) {
            rc = take_item(&sp, &it, err);
            stages = 1;
        }
    }
    if (rc == 0 && !stages) {
        buf_printf(err, "no stage in '%s'", spec);
        rc = -1;
    }
    if (rc == 0)
        rc = end_stage(&sp, err);
    json_decref(sp.opts);
    free(sp.name);
    free(sp.after);
    free(sp.last_kv);
    buf_free(&it.text);
    return rc;
}

/* VALUE converted to the type of O, new reference, or NULL. */
static json_t *convert(const sp_option *o, const json_t *value, buf *err, const char *stage)
{
    if (json_is_string(value)) {
        const char *s = json_string_value(value);
        switch (o->type) {
        case SP_OPT_STRING:
            return json_incref((json_t *)value);
        case SP_OPT_BOOL:
            if (!strcasecmp(s, "true") || !strcmp(s, "1") || !strcasecmp(s, "yes") ||
                !strcasecmp(s, "on"))
                return json_true();
            if (!strcasecmp(s, "false") || !strcmp(s, "0") || !strcasecmp(s, "no") ||
                !strcasecmp(s, "off"))
                return json_false();
            break;
        case SP_OPT_INT: {
            char *end;
            errno = 0;
            long long v = strtoll(s, &end, 10);
            if (*s && !*end && errno == 0)
                return json_integer(v);
            break;
        }
        }
    } else if ((o->type == SP_OPT_BOOL && json_is_boolean(value)) ||
               (o->type == SP_OPT_INT && json_is_integer(value)))
        return json_incref((json_t *)value);
    char *shown = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
    buf_printf(err, "stage '%s': option '%s' must be %s, not %s", stage, o->name,
               options_type_name(o->type), shown ? shown : "that");
    free(shown);
    return NULL;
}

json_t *options_resolve(const sp_plugin *d, const json_t *given, buf *err)
{
    if (given && !json_is_object(given)) {
        buf_printf(err, "stage '%s': options must be a JSON object", d->name);
        return NULL;
    }
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)given, k, v) {
        const sp_option *o = d->options;
        while (o && o->name && strcmp(o->name, k) != 0)
            o++;
        if (!o || !o->name) {
            buf_printf(err, "stage '%s' has no option '%s' (its options:", d->name, k);
            if (!d->options || !d->options->name)
                buf_adds(err, " none");
            for (o = d->options; o && o->name; o++)
                buf_printf(err, " %s", o->name);
            buf_addc(err, ')');
            return NULL;
        }
    }
    json_t *out = json_object();
    for (const sp_option *o = d->options; o && o->name; o++) {
        json_t *value = given ? json_object_get(given, o->name) : NULL;
        json_t *def = NULL;
        if (!value && o->default_value)
            value = def = json_string(o->default_value);
        if (value) {
            json_t *c = convert(o, value, err, d->name);
            json_decref(def);
            if (!c) {
                json_decref(out);
                return NULL;
            }
            json_object_set_new(out, o->name, c);
        }
    }
    return out;
}
