/* jsonscan.c — the validating scanner (see jsonscan.h). */
#include "doc/jsonscan.h"
#include "base/utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void js_init(jscan *j, const char *s, size_t n, buf *err)
{
    j->start = j->p = s;
    j->end = s + n;
    j->err = err;
}

int js_fail(jscan *j, const char *what)
{
    if (j->err->len == 0)
        buf_printf(j->err, "invalid JSON at column %zu: %s", (size_t)(j->p - j->start) + 1,
                   what);
    return -1;
}

int js_ws(jscan *j)
{
    while (j->p < j->end &&
           (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
    return j->p < j->end ? (unsigned char)*j->p : -1;
}

int js_expect(jscan *j, char c)
{
    if (js_ws(j) != (unsigned char)c) {
        char what[48];
        if (j->p < j->end)
            snprintf(what, sizeof what, "expected '%c'", c);
        else
            snprintf(what, sizeof what, "expected '%c', found the end of the line", c);
        return js_fail(j, what);
    }
    j->p++;
    return 0;
}

js_kind js_peek(jscan *j)
{
    switch (js_ws(j)) {
    case '{': return JS_OBJECT;
    case '[': return JS_ARRAY;
    case '"': return JS_STRING;
    case 't':
    case 'f': return JS_BOOL;
    case 'n': return JS_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': return JS_NUMBER;
    default: return JS_BAD;
    }
}

const char *js_kind_name(js_kind k)
{
    static const char *const names[] = {
        "not a value", "an object", "an array", "a string", "a number", "a boolean", "null"
    };
    return names[k];
}

/* ---------------------------------------------------------------- strings */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Four hex digits after "\u"; -1 when they are not. */
static long hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval((unsigned char)p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static void put_utf8(buf *out, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(out, u, n);
}

/* An escaped byte decoded at the end of OUT, to be escaped again when written. */
static void note_escape(js_text *t, const buf *out, size_t base)
{
    t->esc = xgrow(t->esc, &t->esc_cap, t->nesc + 1, sizeof *t->esc);
    t->esc[t->nesc++] = out->len - base;
}

/*
 * The helpers of scan_string() below are its loop cut in parts: each has
 * one caller, so the compiler inlines them and the record scanner costs no
 * calls more than it did as one function.
 */

/* The run of unescaped characters at the cursor: checked as UTF-8, copied
 * to OUT, J past it; -1 with the error at the first bad byte. */
static inline int scan_plain(jscan *j, buf *out, js_text *t)
{
    const char *q = spi_json_plain_run(j->p, j->end);
    size_t bad;
    int ascii = 1;
    /* only js_string_text() wants to know whether the text is all ASCII */
    if (!utf8_check(j->p, (size_t)(q - j->p), &bad, t ? &ascii : NULL)) {
        j->p += bad;
        if (j->err->len == 0)
            buf_printf(j->err, "invalid UTF-8 at column %zu", (size_t)(j->p - j->start) + 1);
        return -1;
    }
    if (!ascii)
        t->ascii = 0;
    if (out)
        buf_add(out, j->p, (size_t)(q - j->p));
    j->p = q;
    return 0;
}

/* The code point of the \u escape at the cursor, joined with the low half
 * that must follow a high surrogate; J past them.  -1 with the error (at
 * the escape). */
static inline long scan_u_escape(jscan *j)
{
    const char *q = j->p;
    long cp = hex4(q + 2, j->end);
    if (cp < 0)
        return js_fail(j, "invalid \\u escape");
    const char *next = q + 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        long lo = next + 1 < j->end && next[0] == '\\' && next[1] == 'u'
                      ? hex4(next + 2, j->end) : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return js_fail(j, "a \\u escape of a lone high surrogate");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        next += 6;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return js_fail(j, "a \\u escape of a lone low surrogate");
    }
    j->p = next;
    return cp;
}

/* The escape at the cursor (a backslash): decoded into OUT, noted in T when
 * it must be escaped again on output (relative to BASE, where the string
 * starts in OUT), J past it; -1 with the error. */
static inline int scan_escape(jscan *j, buf *out, int *has_nul, js_text *t, size_t base)
{
    const char *q = j->p;
    if (j->end - q < 2)
        return js_fail(j, "unterminated string");
    char c = q[1];
    const char *simple = strchr("\"\\/bfnrt", c);
    if (c && simple) {
        static const char decoded[] = "\"\\/\b\f\n\r\t";
        if (t && c != '/') /* a '/' needs no escape when written back */
            note_escape(t, out, base);
        if (out)
            buf_addc(out, decoded[simple - "\"\\/bfnrt"]);
        j->p = q + 2;
        return 0;
    }
    if (c != 'u')
        return js_fail(j, "invalid escape in a string");
    long cp = scan_u_escape(j);
    if (cp < 0)
        return -1;
    if (cp == 0 && has_nul)
        *has_nul = 1;
    if (t && (cp < 0x20 || cp == '"' || cp == '\\'))
        note_escape(t, out, base);
    if (t && cp >= 0x80)
        t->ascii = 0;
    if (out)
        put_utf8(out, (unsigned long)cp);
    return 0;
}

/* js_string(), and with T (then OUT is not NULL) js_string_text(). */
static int scan_string(jscan *j, buf *out, int *has_nul, js_text *t)
{
    size_t base = out ? out->len : 0;
    if (has_nul)
        *has_nul = 0;
    if (t)
        t->ascii = 1;
    if (j->p >= j->end || *j->p != '"')
        return js_fail(j, "expected a string");
    j->p++;
    for (;;) {
        if (scan_plain(j, out, t) < 0)
            return -1;
        if (j->p >= j->end)
            return js_fail(j, "unterminated string");
        if (*j->p == '"') {
            j->p++;
            return 0;
        }
        if ((unsigned char)*j->p < 0x20)
            return js_fail(j, "control character in a string (it must be escaped)");
        if (scan_escape(j, out, has_nul, t, base) < 0)
            return -1;
    }
}

int js_string(jscan *j, buf *out, int *has_nul)
{
    return scan_string(j, out, has_nul, NULL);
}

int js_string_text(jscan *j, buf *out, js_text *t)
{
    return scan_string(j, out, &t->has_nul, t);
}

/* ---------------------------------------------------------------- numbers */

/* Past a run of digits from P. */
static const char *digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

int js_number(jscan *j, long long *v, int *is_int)
{
    const char *s = j->p, *p = j->p;
    if (p < j->end && *p == '-')
        p++;
    if (p >= j->end || *p < '0' || *p > '9')
        return js_fail(j, "invalid number");
    p = *p == '0' ? p + 1 : digits(p, j->end);
    int integral = 1;
    /* a fraction, then an exponent: each needs at least one digit */
    for (int part = 0; part < 2; part++) {
        if (p >= j->end || (part == 0 ? *p != '.' : (*p != 'e' && *p != 'E')))
            continue;
        integral = 0;
        p++;
        if (part == 1 && p < j->end && (*p == '+' || *p == '-'))
            p++;
        const char *q = digits(p, j->end);
        if (q == p) {
            j->p = p;
            return js_fail(j, "invalid number");
        }
        p = q;
    }
    j->p = p;
    *is_int = integral;
    if (integral && v) {
        /* Integers past long long saturate: they are out of any range anyway. */
        char tmp[32];
        size_t n = (size_t)(p - s);
        if (n < sizeof tmp) {
            memcpy(tmp, s, n);
            tmp[n] = '\0';
            *v = strtoll(tmp, NULL, 10);
        } else
            *v = *s == '-' ? LLONG_MIN : LLONG_MAX;
    }
    return 0;
}

/* ---------------------------------------------------------------- values */

static int literal(jscan *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return js_fail(j, "invalid literal");
    j->p += n;
    return 0;
}

static int skip(jscan *j, int depth)
{
    if (depth > JSCAN_MAX_DEPTH)
        return js_fail(j, "nested too deeply (more than 2048 levels)");
    long long v;
    int is_int, more;
    switch (js_peek(j)) {
    case JS_STRING:
        return js_string(j, NULL, NULL);
    case JS_NUMBER:
        return js_number(j, &v, &is_int);
    case JS_BOOL:
        return literal(j, *j->p == 't' ? "true" : "false");
    case JS_NULL:
        return literal(j, "null");
    case JS_ARRAY:
        for (more = js_open(j, ']'); more > 0; more = js_next(j, ']'))
            if (skip(j, depth + 1) < 0)
                return -1;
        return more;
    case JS_OBJECT:
        for (more = js_open(j, '}'); more > 0; more = js_next(j, '}')) {
            if (js_ws(j) != '"')
                return js_fail(j, "expected a string as object key");
            if (js_string(j, NULL, NULL) < 0 || js_expect(j, ':') < 0 ||
                skip(j, depth + 1) < 0)
                return -1;
        }
        return more;
    case JS_BAD:
        break;
    }
    return js_fail(j, j->p < j->end ? "unexpected character" : "unexpected end of the line");
}

int js_open(jscan *j, char close)
{
    j->p++; /* the opening bracket */
    if (js_ws(j) == (unsigned char)close) {
        j->p++;
        return 0;
    }
    return 1;
}

int js_next(jscan *j, char close)
{
    int c = js_ws(j);
    if (c == ',') {
        j->p++;
        return 1;
    }
    if (c == (unsigned char)close) {
        j->p++;
        return 0;
    }
    return js_fail(j, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
}

int js_skip(jscan *j)
{
    return skip(j, 1);
}
