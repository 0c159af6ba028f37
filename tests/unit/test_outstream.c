/* test_outstream.c — gzip output as a series of members, read back whole by our
 * reader and by gzip itself. */
#include "unit.h"
#include "io/reader.h"
#include "io/outstream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Lines "{"n":I,"pad":"..."}" up to at least N bytes, varied so that they
 * do not compress to nothing. */
static void make_lines(buf *b, size_t n)
{
    for (unsigned i = 0; b->len < n; i++)
        buf_printf(b, "{\"n\":%u,\"pad\":\"%0*u\"}\n", i, (int)(i % 97) + 1, i * 2654435761u);
}

/* Read PATH with our reader, every line with its "\n", into OUT. */
static void read_back(const char *path, buf *out)
{
    reader r;
    buf err = BUF_INIT;
    ck_assert_int_eq(reader_open(&r, path, &err), 0);
    const char *line;
    size_t len;
    int rc;
    while ((rc = reader_line(&r, &line, &len, &err)) > 0) {
        buf_add(out, line, len);
        buf_addc(out, '\n');
    }
    ck_assert_msg(rc == 0, "reader: %s", err.data ? err.data : "");
    reader_close(&r);
    buf_free(&err);
}

/* Whether gzip -dc PATH gives exactly WANT (written to a file beside). */
static int gunzip_matches(const char *path, const buf *want)
{
    char plain[64], cmd[256];
    snprintf(plain, sizeof plain, "%s.plain", path);
    FILE *f = fopen(plain, "wb");
    ck_assert_ptr_nonnull(f);
    if (want->len) /* an empty buf has no data: fwrite(NULL, ...) is undefined */
        ck_assert_uint_eq(fwrite(want->data, 1, want->len, f), want->len);
    fclose(f);
    snprintf(cmd, sizeof cmd, "gzip -dc '%s' | cmp -s - '%s'", path, plain);
    int rc = system(cmd);
    unlink(plain);
    return rc == 0;
}

START_TEST(gzip_members_read_back)
{
    char dir[] = "/tmp/sp_test_ostream_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.jsonl.gz", dir);

    /* Lines queued past the flush threshold (members made by the sink), a
     * flush, members made beforehand (as the workers make them), more lines. */
    buf a = BUF_INIT, m = BUF_INIT, c = BUF_INIT, all = BUF_INIT, member = BUF_INIT;
    make_lines(&a, 700 * 1024);
    make_lines(&m, 300 * 1024);
    make_lines(&c, 1000);
    pack_ctx *zc = pack_new(PACK_GZIP);
    pack_frame(zc, m.data, m.len / 2, &member);
    pack_frame(zc, m.data + m.len / 2, m.len - m.len / 2, &member);
    pack_free(zc);

    outstream s;
    buf err = BUF_INIT;
    ck_assert_int_eq(outstream_open(&s, path, 0, &err), 0);
    ck_assert_int_eq(s.gz, 1);
    for (size_t off = 0; off < a.len; off += 4096) /* as the writer does: piecewise */
        ck_assert_int_eq(outstream_write(&s, a.data + off, a.len - off < 4096 ? a.len - off : 4096, &err), 0);
    ck_assert_int_eq(outstream_flush(&s, &err), 0);
    ck_assert_int_eq(outstream_write_gz(&s, member.data, member.len, &err), 0);
    ck_assert_int_eq(outstream_write(&s, c.data, c.len, &err), 0);
    ck_assert_int_eq(outstream_close(&s, 1, &err), 0);

    buf_add(&all, a.data, a.len);
    buf_add(&all, m.data, m.len);
    buf_add(&all, c.data, c.len);
    buf got = BUF_INIT;
    read_back(path, &got);
    ck_assert_uint_eq(got.len, all.len);
    ck_assert_int_eq(memcmp(got.data, all.data, all.len), 0);
    ck_assert(gunzip_matches(path, &all));
    unlink(path);

    /* Nothing written: still a gzip file, of nothing. */
    ck_assert_int_eq(outstream_open(&s, path, 0, &err), 0);
    ck_assert_int_eq(outstream_close(&s, 1, &err), 0);
    buf none = BUF_INIT;
    ck_assert(gunzip_matches(path, &none));
    unlink(path);
    rmdir(dir);
    buf_free(&a);
    buf_free(&m);
    buf_free(&c);
    buf_free(&all);
    buf_free(&member);
    buf_free(&got);
    buf_free(&err);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("outstream");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, gzip_members_read_back);
    suite_add_tcase(s, tc);
    return s;
}
