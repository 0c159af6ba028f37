/* test_outdir.c — -O's output names (core/io/outdir.c): the mapping, the
 * refusals, and what counts as done for --resume. */
#include "unit.h"
#include "io/outdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(names_mirror_inputs)
{
    input_file f[4] = {
        { .name = "corpus/1985/d12.txt.gz", .rel = "1985/d12.txt.gz" },
        { .name = "a/b.jsonl", .rel = "b.jsonl" },
        { .name = "x/.hidden", .rel = ".hidden" },
        { .name = "x/noext", .rel = "noext" },
    };
    input_list l = { .file = f, .n = 4 };
    char **names = NULL;
    buf err = BUF_INIT;
    ck_assert_int_eq(outdir_names(&l, "OUT/", &names, &err), 0);
    ck_assert_str_eq(names[0], "OUT/1985/d12.jsonl.gz");
    ck_assert_str_eq(names[1], "OUT/b.jsonl");
    ck_assert_str_eq(names[2], "OUT/.hidden.jsonl");
    ck_assert_str_eq(names[3], "OUT/noext.jsonl");
    outdir_free(names, l.n);
    buf_free(&err);
}
END_TEST

START_TEST(names_refused)
{
    input_file same[2] = { { .name = "c/a.txt", .rel = "a.txt" },
                           { .name = "c/a.jsonl", .rel = "a.jsonl" } };
    input_list l = { .file = same, .n = 2 };
    char **names = NULL;
    buf err = BUF_INIT;
    ck_assert_int_eq(outdir_names(&l, "o", &names, &err), -1);
    ck_assert_str_eq(err.data, "c/a.txt and c/a.jsonl would both be written to o/a.jsonl; "
                               "rename one");
    buf_clear(&err);
    input_file in[1] = { { .name = "<stdin>", .rel = NULL } };
    input_list s = { .file = in, .n = 1 };
    ck_assert_int_eq(outdir_names(&s, "o", &names, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "standard input"));
    buf_free(&err);
}
END_TEST

START_TEST(done_is_a_regular_file)
{
    char dir[] = "/tmp/sp_test_outdir_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[64], q[64], sub[64], subp[80];
    snprintf(p, sizeof p, "%s/x.jsonl", dir);
    snprintf(q, sizeof q, "%s/y.jsonl", dir);
    ck_assert_int_eq(outdir_done(dir, p), 0);
    FILE *f = fopen(p, "w");
    fclose(f);
    ck_assert_int_eq(outdir_done(dir, p), 1);
    /* not ours: a link to a regular file, a second name of one, a folder */
    ck_assert_int_eq(symlink("x.jsonl", q), 0);
    ck_assert_int_eq(outdir_done(dir, q), 0);
    unlink(q);
    ck_assert_int_eq(link(p, q), 0);
    ck_assert_int_eq(outdir_done(dir, q), 0);
    ck_assert_int_eq(outdir_done(dir, p), 0);
    unlink(q);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    ck_assert_int_eq(mkdir(sub, 0777), 0);
    ck_assert_int_eq(outdir_done(dir, sub), 0); /* a directory is not an output */
    /* a folder reached through a link does not count either */
    rmdir(sub);
    ck_assert_int_eq(symlink(".", sub), 0);
    snprintf(subp, sizeof subp, "%s/x.jsonl", sub);
    ck_assert_int_eq(outdir_done(dir, subp), 0);
    unlink(sub);
    unlink(p);
    rmdir(dir);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("outdir");
    TCase *tc = tcase_create("outdir");
    tcase_add_test(tc, names_mirror_inputs);
    tcase_add_test(tc, names_refused);
    tcase_add_test(tc, done_is_a_regular_file);
    suite_add_tcase(s, tc);
    return s;
}
