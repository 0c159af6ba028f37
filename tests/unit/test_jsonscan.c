/* test_jsonscan.c — the validating scanner: strings, numbers, nesting, errors. */
#include "unit.h"
#include "doc/jsonscan.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decode the JSON string literal S; returns the content or "ERROR: message". */
static const char *decode(const char *s)
{
    static char out[256];
    buf err = BUF_INIT, b = BUF_INIT;
    jscan j;
    js_init(&j, s, strlen(s), &err);
    if (js_string(&j, &b, NULL) < 0)
        snprintf(out, sizeof out, "ERROR: %s", err.data);
    else
        snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    buf_free(&err);
    buf_free(&b);
    return out;
}

/* Skip the value S; returns "ok" or "ERROR: message". */
static const char *skip_value(const char *s, size_t n)
{
    static char out[256];
    buf err = BUF_INIT;
    jscan j;
    js_init(&j, s, n, &err);
    if (js_skip(&j) < 0)
        snprintf(out, sizeof out, "ERROR: %s", err.data);
    else if (js_ws(&j) >= 0)
        snprintf(out, sizeof out, "trailing at %zu", (size_t)(j.p - s));
    else
        snprintf(out, sizeof out, "ok");
    buf_free(&err);
    return out;
}

START_TEST(strings)
{
    ck_assert_str_eq(decode("\"plain\""), "plain");
    ck_assert_str_eq(decode("\"a\\\"b\\\\c\\/d\\n\\t\""), "a\"b\\c/d\n\t");
    ck_assert_str_eq(decode("\"caf\\u00e9 \\u2014\""), "café —");
    ck_assert_str_eq(decode("\"\\ud83d\\ude00\""), "😀");
    ck_assert_str_eq(decode("\"a long run of plain text, longer than eight bytes\""),
                     "a long run of plain text, longer than eight bytes");
    ck_assert_str_eq(decode("\"naïve 日本\""), "naïve 日本");
    ck_assert_str_eq(decode("\"\\ud83d x\""), "ERROR: invalid JSON at column 2: a \\u escape of a lone high surrogate");
    ck_assert_str_eq(decode("\"\\ude00\""), "ERROR: invalid JSON at column 2: a \\u escape of a lone low surrogate");
    ck_assert_str_eq(decode("\"\\x\""), "ERROR: invalid JSON at column 2: invalid escape in a string");
    ck_assert_str_eq(decode("\"\\u12g4\""), "ERROR: invalid JSON at column 2: invalid \\u escape");
    ck_assert_str_eq(decode("\"tab\there\""), "ERROR: invalid JSON at column 5: control character in a string (it must be escaped)");
    ck_assert_str_eq(decode("\"open"), "ERROR: invalid JSON at column 6: unterminated string");
    ck_assert_str_eq(decode("\"bad \xff byte\""), "ERROR: invalid UTF-8 at column 6");
    ck_assert_str_eq(decode("\"over\xc0\xaflong\""), "ERROR: invalid UTF-8 at column 6");
}
END_TEST

START_TEST(nul_is_kept)
{
    buf err = BUF_INIT, b = BUF_INIT;
    jscan j;
    int nul;
    const char *s = "\"a\\u0000b\"";
    js_init(&j, s, strlen(s), &err);
    ck_assert_int_eq(js_string(&j, &b, &nul), 0);
    ck_assert_int_eq(nul, 1);
    ck_assert_uint_eq(b.len, 3);
    ck_assert_int_eq(memcmp(b.data, "a\0b", 3), 0);
    buf_free(&b);
    buf_free(&err);
}
END_TEST

/* js_string_text finds every byte the writer escapes, whatever escape the
 * input used for it, and writing with them gives what scanning gives. */
START_TEST(text_escapes_found_when_read)
{
    static const struct { const char *lit; int ascii; size_t nesc; } cases[] = {
        { "\"plain text\"", 1, 0 },
        { "\"a\\nb\\\"c\\/d\\u0001e\\\\f\\u0022g\\u005c\\t\"", 1, 7 },
        { "\"caf\\u00e9 \\n\\u0000 na\xc3\xafve\\r\\n\"", 0, 4 },
        { "\"\\ud83d\\ude00\\b\\f\"", 0, 2 },
        { "\"\"", 1, 0 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        buf err = BUF_INIT, b = BUF_INIT, w1 = BUF_INIT, w2 = BUF_INIT;
        buf_adds(&b, "prefix"); /* offsets count from where the string starts */
        jscan j;
        js_init(&j, cases[c].lit, strlen(cases[c].lit), &err);
        js_text t = { 0 };
        ck_assert_int_eq(js_string_text(&j, &b, &t), 0);
        ck_assert_int_eq(t.ascii, cases[c].ascii);
        ck_assert_uint_eq(t.nesc, cases[c].nesc);
        const char *s = b.data + 6;
        size_t n = b.len - 6;
        spi_json_add_string(&w1, s, n);
        spi_json_add_string_at(&w2, s, n, t.esc, t.nesc);
        ck_assert_uint_eq(w1.len, w2.len);
        ck_assert_int_eq(memcmp(w1.data, w2.data, w1.len), 0);
        free(t.esc);
        buf_free(&err);
        buf_free(&b);
        buf_free(&w1);
        buf_free(&w2);
    }
}
END_TEST

START_TEST(numbers)
{
    const char *cases[] = { "0", "-12", "3.25", "1e9", "-0.5E-3", NULL };
    for (int i = 0; cases[i]; i++)
        ck_assert_str_eq(skip_value(cases[i], strlen(cases[i])), "ok");
    ck_assert_str_eq(skip_value("01", 2), "trailing at 1");
    ck_assert_str_eq(skip_value("1.", 2), "ERROR: invalid JSON at column 3: invalid number");
    ck_assert_str_eq(skip_value("-", 1), "ERROR: invalid JSON at column 1: invalid number");
    buf err = BUF_INIT;
    jscan j;
    long long v;
    int is_int;
    js_init(&j, "99999999999999999999999", 23, &err);
    ck_assert_int_eq(js_number(&j, &v, &is_int), 0);
    ck_assert_int_eq(is_int, 1);
    ck_assert(v == 9223372036854775807LL); /* saturated: out of any range */
    js_init(&j, "2.0", 3, &err);
    ck_assert_int_eq(js_number(&j, &v, &is_int), 0);
    ck_assert_int_eq(is_int, 0);
    buf_free(&err);
}
END_TEST

START_TEST(structures)
{
    const char *ok = "{\"a\":[1,true,false,null,{\"b\":\"c\"}],\"d\":{}} ";
    ck_assert_str_eq(skip_value(ok, strlen(ok)), "ok");
    ck_assert_str_eq(skip_value("[1,]", 4), "ERROR: invalid JSON at column 4: unexpected character");
    ck_assert_str_eq(skip_value("{\"a\" 1}", 7), "ERROR: invalid JSON at column 6: expected ':'");
    ck_assert_str_eq(skip_value("{1:2}", 5), "ERROR: invalid JSON at column 2: expected a string as object key");
    ck_assert_str_eq(skip_value("[tru]", 5), "ERROR: invalid JSON at column 2: invalid literal");
    ck_assert_str_eq(skip_value("{", 1), "ERROR: invalid JSON at column 2: expected a string as object key");
}
END_TEST

START_TEST(deep_nesting_is_refused)
{
    /* 100,000 levels: refused at the limit, without exhausting the stack */
    size_t n = 100000;
    char *s = malloc(n + 1);
    memset(s, '[', n);
    s[n] = '\0';
    const char *r = skip_value(s, n);
    ck_assert_str_eq(r, "ERROR: invalid JSON at column 2049: nested too deeply (more than 2048 levels)");
    free(s);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("jsonscan");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, strings);
    tcase_add_test(tc, nul_is_kept);
    tcase_add_test(tc, text_escapes_found_when_read);
    tcase_add_test(tc, numbers);
    tcase_add_test(tc, structures);
    tcase_add_test(tc, deep_nesting_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
