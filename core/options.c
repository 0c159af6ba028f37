/* options.c — stage options (see options.h). */
#include "options.h"

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

int options_parse_spec(const char *spec,
                       int (*cb)(void *ctx, const char *name, json_t *opts, buf *err),
                       void *ctx, buf *err)
{
    char *copy = xstrdup(spec);
    char *name = NULL;
    json_t *opts = NULL;
    int rc = 0;
    char *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(item, ':');
        char *eq = strchr(item, '=');
        char *kv = NULL;
        if (eq && (!colon || colon > eq)) {
            if (!name) {
                buf_printf(err, "'%s': an option before any stage", item);
                rc = -1;
                break;
            }
            kv = item;
        } else {
            if (name && (rc = cb(ctx, name, opts, err)) < 0) {
                opts = NULL;
                break;
            }
            opts = json_object();
            if (colon) {
                *colon = '\0';
                kv = colon + 1;
            }
            name = item;
            if (!*name) {
                buf_printf(err, "'%s': a stage without a name", spec);
                rc = -1;
                break;
            }
        }
        if (kv) {
            char *e = strchr(kv, '=');
            if (!e || e == kv) {
                buf_printf(err, "stage '%s': '%s' is not key=value", name, kv);
                rc = -1;
                break;
            }
            *e = '\0';
            json_object_set_new(opts, kv, json_string(e + 1));
        }
    }
    if (rc == 0) {
        if (name)
            rc = cb(ctx, name, opts, err);
        else {
            buf_printf(err, "no stage in '%s'", spec);
            json_decref(opts);
            rc = -1;
        }
    } else
        json_decref(opts);
    free(copy);
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
