/* test_reader.c — inputs by content: plain, gzip, concatenated, broken. */
#include "unit.h"
#include "io/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static char path[64];

static void write_file(const void *p, size_t n)
{
    strcpy(path, "/tmp/sp_test_reader_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, p, n), (ssize_t)n);
    close(fd);
}

/* S gzipped as one member, into OUT (malloc'd); returns its size. */
static size_t gz(const char *s, unsigned char **out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, strlen(s));
    *out = malloc(cap);
    z.next_in = (unsigned char *)s;
    z.avail_in = (uInt)strlen(s);
    z.next_out = *out;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    return n;
}

/* Read all lines of the file; returns -1 and the error, or the joined lines. */
static int read_lines(char *joined, size_t cap, char *errmsg, size_t ecap, input_kind *kind)
{
    reader r;
    buf err = BUF_INIT;
    joined[0] = errmsg[0] = '\0';
    if (reader_open(&r, path, &err) < 0) {
        snprintf(errmsg, ecap, "%s", err.data);
        buf_free(&err);
        reader_close(&r);
        return -1;
    }
    *kind = r.kind;
    const char *line;
    size_t len;
    int rc;
    if (r.kind == INPUT_TEXT) {
        char *all;
        rc = reader_all(&r, &all, &len, &err);
        if (rc == 0) {
            snprintf(joined, cap, "%s", all);
            free(all);
        }
    } else {
        while ((rc = reader_line(&r, &line, &len, &err)) > 0) {
            strncat(joined, line, len);
            strcat(joined, "|");
        }
    }
    if (rc < 0)
        snprintf(errmsg, ecap, "%s", err.data);
    buf_free(&err);
    reader_close(&r);
    unlink(path);
    return rc < 0 ? -1 : 0;
}

START_TEST(plain_jsonl_and_text)
{
    char got[256], err[256];
    input_kind k;
    write_file("{\"text\":\"a\"}\n\n{\"text\":\"b\"}", 26);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), 0);
    ck_assert_int_eq(k, INPUT_JSONL);
    ck_assert_str_eq(got, "{\"text\":\"a\"}||{\"text\":\"b\"}|");
    write_file("\n  Memorandum\n{not json}\n", 25);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), 0);
    ck_assert_int_eq(k, INPUT_TEXT);
    ck_assert_str_eq(got, "\n  Memorandum\n{not json}\n");
    write_file("", 0);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), 0);
    ck_assert_int_eq(k, INPUT_EMPTY);
}
END_TEST

START_TEST(gzip_single_and_concatenated)
{
    char got[256], err[256];
    input_kind k;
    unsigned char *a, *b;
    size_t na = gz("{\"text\":\"one\"}\n", &a);
    size_t nb = gz("{\"text\":\"two\"}\n", &b);
    unsigned char both[1024];
    memcpy(both, a, na);
    memcpy(both + na, b, nb);
    write_file(a, na);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), 0);
    ck_assert_str_eq(got, "{\"text\":\"one\"}|");
    write_file(both, na + nb);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), 0);
    ck_assert_int_eq(k, INPUT_JSONL);
    ck_assert_str_eq(got, "{\"text\":\"one\"}|{\"text\":\"two\"}|");
    free(a);
    free(b);
}
END_TEST

START_TEST(gzip_broken)
{
    char got[256], err[256];
    input_kind k;
    unsigned char *a;
    size_t na = gz("{\"text\":\"one\"}\n{\"text\":\"two\"}\n", &a);
    unsigned char tmp[1024];

    write_file(a, na - 6); /* truncated: the trailer is missing */
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), -1);
    ck_assert_str_eq(err, "truncated gzip data (unexpected end of file)");

    memcpy(tmp, a, na);
    tmp[na - 8] ^= 0xff; /* the CRC */
    write_file(tmp, na);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), -1);
    ck_assert_str_eq(err, "corrupt gzip data (incorrect data check)");

    memcpy(tmp, a, na);
    memcpy(tmp + na, "garbage", 7);
    write_file(tmp, na + 7);
    ck_assert_int_eq(read_lines(got, sizeof got, err, sizeof err, &k), -1);
    ck_assert_str_eq(err, "garbage after the end of the gzip data");
    free(a);
}
END_TEST

START_TEST(missing_file)
{
    reader r;
    buf err = BUF_INIT;
    ck_assert_int_eq(reader_open(&r, "/nonexistent/x.jsonl", &err), -1);
    ck_assert_str_eq(err.data, "cannot open: No such file or directory");
    reader_close(&r);
    buf_free(&err);
}
END_TEST

START_TEST(long_line)
{
    /* a line far longer than the reader's chunk */
    size_t n = 3 * 1024 * 1024;
    char *s = malloc(n + 2);
    memset(s, 'x', n);
    s[0] = '{';
    s[n] = '\n';
    write_file(s, n + 1);
    reader r;
    buf err = BUF_INIT;
    ck_assert_int_eq(reader_open(&r, path, &err), 0);
    const char *line;
    size_t len;
    ck_assert_int_eq(reader_line(&r, &line, &len, &err), 1);
    ck_assert_uint_eq(len, n);
    ck_assert_int_eq(memcmp(line, s, n), 0);
    ck_assert_int_eq(reader_line(&r, &line, &len, &err), 0);
    reader_close(&r);
    unlink(path);
    free(s);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("reader");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, plain_jsonl_and_text);
    tcase_add_test(tc, gzip_single_and_concatenated);
    tcase_add_test(tc, gzip_broken);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, long_line);
    suite_add_tcase(s, tc);
    return s;
}
