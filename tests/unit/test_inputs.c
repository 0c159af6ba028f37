/* test_inputs.c — arguments into input files (core/io/inputs.c): the order of a
 * folder's files, their paths below it, what is skipped, what stays in the
 * list with its error, and the ids of text documents. */
#include "unit.h"
#include "io/inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/sp_test_inputs_XXXXXX";

/* Create ROOT/REL holding BYTES bytes, with its folders. */
static void put(const char *rel, size_t bytes)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    for (char *s = strchr(p + strlen(root) + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(p, 0755);
        *s = '/';
    }
    FILE *f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < bytes; i++)
        fputc('x', f);
    fclose(f);
}

static void setup(void)
{
    strcpy(root + strlen(root) - 6, "XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(no_arguments_is_stdin)
{
    input_list l;
    inputs_expand(&l, NULL, 0);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.file[0].path, "-");
    ck_assert_str_eq(l.file[0].name, "<stdin>");
    ck_assert_ptr_null(l.file[0].rel);
    ck_assert_ptr_null(l.file[0].error);
    ck_assert_int_eq(l.size_unknown, 1);
    inputs_free(&l);
    ck_assert_uint_eq(l.n, 0);
}
END_TEST

/* Created out of order; listed in byte order of the whole path, as
 * `find DIR -type f | LC_ALL=C sort` lists them ("B" before "a", "a/z"
 * before "a0"). */
START_TEST(folder_in_byte_order)
{
    put("a0", 1);
    put("a/z.txt", 2);
    put("B.jsonl", 3);
    put("a/b/c.txt.gz", 4);
    char fifo[300];
    snprintf(fifo, sizeof fifo, "%s/a/fifo", root);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *args[] = { root };
    input_list l;
    inputs_expand(&l, args, 1);
    ck_assert_uint_eq(l.n, 4); /* the FIFO inside the folder is not a document */
    const char *rel[] = { "B.jsonl", "a/b/c.txt.gz", "a/z.txt", "a0" };
    for (size_t i = 0; i < 4; i++) {
        char want[300];
        snprintf(want, sizeof want, "%s/%s", root, rel[i]);
        ck_assert_str_eq(l.file[i].path, want);
        ck_assert_str_eq(l.file[i].name, want);
        ck_assert_str_eq(l.file[i].rel, rel[i]);
        ck_assert_ptr_null(l.file[i].error);
    }
    ck_assert_uint_eq(l.file[0].size, 3);
    ck_assert_uint_eq(l.total, 1 + 2 + 3 + 4);
    ck_assert_int_eq(l.size_unknown, 0);
    inputs_free(&l);
}
END_TEST

/* A folder named with a trailing slash gives the same paths below it. */
START_TEST(trailing_slash)
{
    put("d/x.txt", 1);
    char arg[300];
    snprintf(arg, sizeof arg, "%s/d/", root);
    const char *args[] = { arg };
    input_list l;
    inputs_expand(&l, args, 1);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.file[0].rel, "x.txt");
    inputs_free(&l);
}
END_TEST

/* What cannot be read stays in its place with why; the others go on. */
START_TEST(errors_kept_in_place)
{
    put("c/a.txt", 1);
    put("c/z.txt", 1);
    char link[300], missing[300];
    snprintf(link, sizeof link, "%s/c/m.txt", root);
    ck_assert_int_eq(symlink("nowhere", link), 0);
    snprintf(missing, sizeof missing, "%s/none.jsonl", root);
    char dir[300];
    snprintf(dir, sizeof dir, "%s/c", root);
    const char *args[] = { missing, dir };
    input_list l;
    inputs_expand(&l, args, 2);
    ck_assert_uint_eq(l.n, 4);
    ck_assert_str_eq(l.file[0].rel, "none.jsonl");
    ck_assert_str_eq(l.file[0].error, "cannot open: No such file or directory");
    ck_assert_str_eq(l.file[1].rel, "a.txt");
    ck_assert_ptr_null(l.file[1].error);
    ck_assert_str_eq(l.file[2].rel, "m.txt");
    ck_assert_str_eq(l.file[2].error, "dangling symbolic link: No such file or directory");
    ck_assert_str_eq(l.file[3].rel, "z.txt");
    inputs_free(&l);
}
END_TEST

/* A link back up the tree is walked once, not forever; a link to a folder
 * elsewhere is followed. */
START_TEST(link_cycles_walked_once)
{
    put("t/a.txt", 1);
    put("u/b.txt", 1);
    char p[300];
    snprintf(p, sizeof p, "%s/t/self", root);
    ck_assert_int_eq(symlink(".", p), 0);
    snprintf(p, sizeof p, "%s/t/other", root);
    ck_assert_int_eq(symlink("../u", p), 0);
    snprintf(p, sizeof p, "%s/t", root);
    const char *args[] = { p };
    input_list l;
    inputs_expand(&l, args, 1);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.file[0].rel, "a.txt");
    ck_assert_str_eq(l.file[1].rel, "other/b.txt");
    inputs_free(&l);
}
END_TEST

/* A FIFO named on the command line is read (its size is not known); a file
 * named directly goes under -O by its name alone. */
START_TEST(named_files)
{
    put("deep/er/f.jsonl", 5);
    char fifo[300], file[300];
    snprintf(fifo, sizeof fifo, "%s/p", root);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    snprintf(file, sizeof file, "%s/deep/er/f.jsonl", root);
    const char *args[] = { file, fifo, "-" };
    input_list l;
    inputs_expand(&l, args, 3);
    ck_assert_uint_eq(l.n, 3);
    ck_assert_str_eq(l.file[0].rel, "f.jsonl");
    ck_assert_uint_eq(l.file[0].size, 5);
    ck_assert_str_eq(l.file[1].rel, "p");
    ck_assert_ptr_null(l.file[1].error);
    ck_assert_str_eq(l.file[2].name, "<stdin>");
    ck_assert_ptr_null(l.file[2].rel);
    ck_assert_uint_eq(l.total, 5);
    ck_assert_int_eq(l.size_unknown, 1);
    inputs_free(&l);
}
END_TEST

START_TEST(text_ids)
{
    static const char *const cases[][2] = {
        { "a/d255.txt.gz", "a/d255" },
        { "a/d255.txt", "a/d255" },
        { "d255.gz", "d255" },
        { "corpus/1985/d12.txt", "corpus/1985/d12" },
        { "x.y/noext", "x.y/noext" },   /* a dot in a folder is not an extension */
        { "dir/.hidden", "dir/.hidden" }, /* a leading dot is a name */
        { ".gz", ".gz" },
        { "a.b.c", "a.b" },               /* only one extension besides .gz */
        { "-", "<stdin>" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *id = inputs_text_id(cases[i][0]);
        ck_assert_str_eq(id, cases[i][1]);
        free(id);
    }
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("inputs");
    TCase *t = tcase_create("expand");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, no_arguments_is_stdin);
    tcase_add_test(t, folder_in_byte_order);
    tcase_add_test(t, trailing_slash);
    tcase_add_test(t, errors_kept_in_place);
    tcase_add_test(t, link_cycles_walked_once);
    tcase_add_test(t, named_files);
    suite_add_tcase(s, t);
    TCase *ids = tcase_create("ids");
    tcase_add_test(ids, text_ids);
    suite_add_tcase(s, ids);
    return s;
}
