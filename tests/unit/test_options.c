/* test_options.c — the -p syntax and option types. */
#include "unit.h"
#include "stage/options.h"

#include <string.h>

static char seen[512];

static int collect(void *ctx, const char *name, json_t *opts, buf *err)
{
    (void)ctx;
    (void)err;
    char *o = json_dumps(opts, JSON_COMPACT | JSON_SORT_KEYS);
    strcat(seen, name);
    strcat(seen, o);
    strcat(seen, ";");
    free(o);
    json_decref(opts);
    return 0;
}

static const char *spec(const char *s)
{
    static char msg[256];
    seen[0] = '\0';
    buf err = BUF_INIT;
    if (options_parse_spec(s, collect, NULL, &err) < 0) {
        snprintf(msg, sizeof msg, "error: %s", err.data);
        buf_free(&err);
        return msg;
    }
    return seen;
}

START_TEST(spec_syntax)
{
    ck_assert_str_eq(spec("a"), "a{};");
    ck_assert_str_eq(spec("a,b"), "a{};b{};");
    ck_assert_str_eq(spec("segment:tokens=true,abbrev=x,speakers"),
                     "segment{\"abbrev\":\"x\",\"tokens\":\"true\"};speakers{};");
    ck_assert_str_eq(spec("./my.la:k=a=b"), "./my.la{\"k\":\"a=b\"};");
    ck_assert_str_eq(spec("k=v"), "error: 'k=v': an option before any stage");
    ck_assert_str_eq(spec("a:novalue"), "error: stage 'a': 'novalue' is not key=value");
    ck_assert_str_eq(spec(""), "error: no stage in ''");
    ck_assert_str_eq(spec("a,,b,"), "a{};b{};");
    /* commas inside values: quoted, or escaped */
    ck_assert_str_eq(spec("exec:command=\"x.py France,Spain\",timeout=3,b"),
                     "exec{\"command\":\"x.py France,Spain\",\"timeout\":\"3\"};b{};");
    ck_assert_str_eq(spec("exec:command=x.py France\\,Spain"),
                     "exec{\"command\":\"x.py France,Spain\"};");
    ck_assert_str_eq(spec("a:k=\"say \\\"hi\\\", \\\\o/\""),
                     "a{\"k\":\"say \\\"hi\\\", \\\\o/\"};");
    ck_assert_str_eq(spec("a:k=\"\""), "a{\"k\":\"\"};");
    /* a quote only opens a value; elsewhere it is itself */
    ck_assert_str_eq(spec("a:k=say \"hi\""), "a{\"k\":\"say \\\"hi\\\"\"};");
    ck_assert_str_eq(spec("a:k=\"x,y"), "error: 'a:k=\"x,y': a quote opens a value and "
                     "is never closed");
    ck_assert_str_eq(spec("a:k=\"x\"y"), "error: 'a:k=\"x\"y': text after the quoted "
                     "value of 'k'; quote the whole value");
}
END_TEST

/* The callback refuses every stage but "exec", as the loader would. */
static int only_exec(void *ctx, const char *name, json_t *opts, buf *err)
{
    (void)ctx;
    json_decref(opts);
    if (strcmp(name, "exec") == 0)
        return 0;
    buf_printf(err, "no plugin '%s'", name);
    return -1;
}

START_TEST(spec_comma_hint)
{
    buf err = BUF_INIT;
    ck_assert_int_eq(options_parse_spec("exec:command=python3 x.py France,Spain",
                                        only_exec, NULL, &err), -1);
    ck_assert_str_eq(err.data, "no plugin 'Spain'; 'Spain' followed the option "
                     "command=python3 x.py France: if that comma belongs to its value, "
                     "quote the value (command=\"python3 x.py France,Spain\") or escape "
                     "the comma (\\,)");
    buf_clear(&err);
    /* a stage that follows another stage's name gets no hint */
    ck_assert_int_eq(options_parse_spec("exec,Spain", only_exec, NULL, &err), -1);
    ck_assert_str_eq(err.data, "no plugin 'Spain'");
    buf_free(&err);
}
END_TEST

static const sp_option opts[] = {
    { "tokens", SP_OPT_BOOL, "false", "" },
    { "min", SP_OPT_INT, "3", "" },
    { "file", SP_OPT_STRING, NULL, "" },
    { NULL, 0, NULL, NULL },
};
static const sp_plugin desc = { SP_PLUGIN_HEADER, .name = "st", .options = opts };

static const char *resolve(const char *given_json)
{
    static char out[256];
    json_t *given = given_json ? json_loads(given_json, 0, NULL) : NULL;
    buf err = BUF_INIT;
    json_t *r = options_resolve(&desc, given, &err);
    json_decref(given);
    if (!r) {
        snprintf(out, sizeof out, "error: %s", err.data);
        buf_free(&err);
        return out;
    }
    char *s = json_dumps(r, JSON_COMPACT);
    snprintf(out, sizeof out, "%s", s);
    free(s);
    json_decref(r);
    return out;
}

START_TEST(types_and_defaults)
{
    ck_assert_str_eq(resolve(NULL), "{\"tokens\":false,\"min\":3}");
    ck_assert_str_eq(resolve("{\"tokens\":\"yes\",\"min\":\"7\",\"file\":\"a.txt\"}"),
                     "{\"tokens\":true,\"min\":7,\"file\":\"a.txt\"}");
    ck_assert_str_eq(resolve("{\"tokens\":true,\"min\":2}"), "{\"tokens\":true,\"min\":2}");
    ck_assert_str_eq(resolve("{\"min\":\"x\"}"), "error: stage 'st': option 'min' must be an integer, not \"x\"");
    ck_assert_str_eq(resolve("{\"tokens\":\"maybe\"}"),
                     "error: stage 'st': option 'tokens' must be a boolean (true or false), not \"maybe\"");
    ck_assert_str_eq(resolve("{\"tokns\":\"1\"}"),
                     "error: stage 'st' has no option 'tokns' (its options: tokens min file)");
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, spec_syntax);
    tcase_add_test(tc, spec_comma_hint);
    tcase_add_test(tc, types_and_defaults);
    suite_add_tcase(s, tc);
    return s;
}
