/* test_sink.c — each sink of a run (core/sink*.c) fed records as the writer
 * feeds them: what ends up in the files, committed or dropped, and the
 * atomic output file (core/io/outfile.c) under them. */
#include "unit.h"
#include "run/sink.h"
#include "io/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static void mkdir_tmp(void)
{
    snprintf(dir, sizeof dir, "/tmp/sp_test_sink_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void rm_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static const char *at(const char *name)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* The content of NAME in the folder, or NULL when it does not exist. */
static char *slurp(const char *name)
{
    FILE *f = fopen(at(name), "rb");
    if (!f)
        return NULL;
    buf b = BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    return buf_steal(&b);
}

/* How many entries the folder has (temporary files included). */
static int entries(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    ck_assert_int_eq(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

/* A document record whose output line is LINE. */
static void doc_record(record *r, const input_file *in, const char *line)
{
    memset(r, 0, sizeof *r);
    r->kind = REC_JSON;
    r->in = in;
    r->processed = 1;
    buf_adds(&r->out, line);
}

/* ---------------------------------------------------------------- jsonl */

START_TEST(jsonl_commit_and_drop)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    record a, b;
    doc_record(&a, NULL, "{\"id\":\"a\"}\n");
    doc_record(&b, NULL, "{\"id\":\"b\"}\n");
    sink *s = sink_jsonl_open(at("out.jsonl"), &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(sink_gz(s, NULL), 0);
    ck_assert_int_eq(sink_put(s, &a, 1, &err), 0);
    ck_assert_int_eq(sink_flush(s, &err), 0);
    ck_assert_ptr_null(slurp("out.jsonl")); /* not in place before the end */
    ck_assert_int_eq(sink_put(s, &b, 1, &err), 0);
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    char *got = slurp("out.jsonl");
    ck_assert_str_eq(got, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
    free(got);
    ck_assert_int_eq(entries(), 1);
    /* a run cut short: the earlier file stays, the temporary goes */
    s = sink_jsonl_open(at("out.jsonl"), &err);
    ck_assert_int_eq(sink_put(s, &b, 1, &err), 0);
    ck_assert_int_eq(sink_flush(s, &err), 0);
    ck_assert_int_eq(entries(), 2);
    ck_assert_int_eq(sink_close(s, 0, &err), 0);
    got = slurp("out.jsonl");
    ck_assert_str_eq(got, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
    free(got);
    ck_assert_int_eq(entries(), 1);
    buf_free(&a.out);
    buf_free(&b.out);
    buf_free(&err);
    rm_tmp();
}
END_TEST

START_TEST(jsonl_gzip_packed_runs)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    record r[3];
    doc_record(&r[0], NULL, "{\"id\":\"a\"}\n");
    doc_record(&r[1], NULL, "{\"id\":\"b\"}\n");
    doc_record(&r[2], NULL, "{\"id\":\"c\"}\n");
    /* the workers packed a and b into one member held by a */
    pack_ctx *zc = pack_new(PACK_GZIP);
    pack_frame(zc, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n", 22, &r[0].gz);
    pack_free(zc);
    r[0].packed = r[1].packed = 1;
    r[0].pack_end = 2;
    sink *s = sink_jsonl_open(at("out.jsonl.gz"), &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(sink_gz(s, NULL), 1);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(sink_put(s, &r[i], 1, &err), 0);
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    char cmd[200];
    snprintf(cmd, sizeof cmd,
             "test \"$(gzip -dc '%s/out.jsonl.gz')\" = '{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}'",
             dir);
    ck_assert_int_eq(system(cmd), 0);
    for (int i = 0; i < 3; i++) {
        buf_free(&r[i].out);
        buf_free(&r[i].gz);
    }
    buf_free(&err);
    rm_tmp();
}
END_TEST

START_TEST(jsonl_cannot_open)
{
    buf err = BUF_INIT;
    ck_assert_ptr_null(sink_jsonl_open("/nonexistent/dir/out.jsonl", &err));
    ck_assert_str_eq(err.data, "/nonexistent/dir/out.jsonl: cannot create: No such file or directory");
    buf_free(&err);
}
END_TEST

/* ---------------------------------------------------------------- outdir */

START_TEST(outdir_per_input)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    input_file files[3] = { { .name = "a" }, { .name = "b" }, { .name = "c" } };
    input_list l = { .file = files, .n = 3 };
    char *names[3] = { xstrdup(at("o/a.jsonl")), xstrdup(at("o/sub/b.jsonl.gz")),
                       xstrdup(at("o/c.jsonl")) };
    char *root = xstrdup(at("o"));
    sink *s = sink_outdir_new(&l, root, names, NULL);
    ck_assert_int_eq(s->per_input, 1);
    ck_assert_int_eq(sink_gz(s, &files[0]), 0);
    ck_assert_int_eq(sink_gz(s, &files[1]), 1);
    record r;
    doc_record(&r, &files[0], "{\"id\":\"a\"}\n");
    ck_assert_int_eq(sink_put(s, &r, 1, &err), 0);
    ck_assert_int_eq(sink_flush(s, &err), 0);
    ck_assert_ptr_null(slurp("o/a.jsonl"));
    ck_assert_int_eq(sink_end_input(s, &files[0], 1, &err), 0);
    char *got = slurp("o/a.jsonl");
    ck_assert_str_eq(got, "{\"id\":\"a\"}\n");
    free(got);
    /* b: no documents, read whole: an empty gzip file all the same */
    ck_assert_int_eq(sink_end_input(s, &files[1], 1, &err), 0);
    got = slurp("o/sub/b.jsonl.gz");
    ck_assert_ptr_nonnull(got);
    free(got);
    /* c: not read whole: nothing in place, no temporary left */
    r.in = &files[2];
    ck_assert_int_eq(sink_put(s, &r, 1, &err), 0);
    ck_assert_int_eq(sink_end_input(s, &files[2], 0, &err), 0);
    ck_assert_ptr_null(slurp("o/c.jsonl"));
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "test $(find '%s/o' -type f | wc -l) -eq 2", dir);
    ck_assert_int_eq(system(cmd), 0);
    for (int i = 0; i < 3; i++)
        free(names[i]);
    free(root);
    buf_free(&r.out);
    buf_free(&err);
    rm_tmp();
}
END_TEST

/* A link planted in the output folder to a folder outside (o/sub ->
 * elsewhere) is not followed: the output is refused, naming the link, and
 * nothing is written outside; a link planted at an output's own name is
 * replaced by the output, not written through. */
START_TEST(outdir_no_links_followed)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    input_file files[2] = { { .name = "a" }, { .name = "b" } };
    input_list l = { .file = files, .n = 2 };
    char *names[2] = { xstrdup(at("o/sub/a.jsonl")), xstrdup(at("o/b.jsonl")) };
    char *root = xstrdup(at("o"));
    ck_assert_int_eq(mkdir(root, 0777), 0);
    ck_assert_int_eq(mkdir(at("elsewhere"), 0777), 0);
    ck_assert_int_eq(symlink("../elsewhere", at("o/sub")), 0);
    FILE *f = fopen(at("precious"), "w");
    fputs("keep\n", f);
    fclose(f);
    ck_assert_int_eq(symlink("../precious", at("o/b.jsonl")), 0);
    sink *s = sink_outdir_new(&l, root, names, NULL);
    record r;
    doc_record(&r, &files[0], "{\"id\":\"a\"}\n");
    ck_assert_int_eq(sink_put(s, &r, 1, &err), -1);
    char want[512];
    snprintf(want, sizeof want, "%s/o/sub: a symbolic link, not followed: outputs are "
             "written only inside %s/o", dir, dir);
    ck_assert_str_eq(err.data, want);
    buf_clear(&err);
    r.in = &files[1];
    ck_assert_int_eq(sink_put(s, &r, 1, &err), 0);
    ck_assert_int_eq(sink_end_input(s, &files[1], 1, &err), 0);
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    char *got = slurp("precious");
    ck_assert_str_eq(got, "keep\n");
    free(got);
    got = slurp("o/b.jsonl");
    ck_assert_str_eq(got, "{\"id\":\"a\"}\n");
    free(got);
    struct stat st;
    ck_assert_int_eq(lstat(at("o/b.jsonl"), &st), 0);
    ck_assert(S_ISREG(st.st_mode));
    char cmd[160];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s/elsewhere')\"", dir);
    ck_assert_int_eq(system(cmd), 0);
    for (int i = 0; i < 2; i++)
        free(names[i]);
    free(root);
    buf_free(&r.out);
    buf_free(&err);
    rm_tmp();
}
END_TEST

/* ---------------------------------------------------------------- errors */

START_TEST(errors_and_reasons)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    input_file in = { .name = "in.jsonl" };
    record r[2];
    memset(r, 0, sizeof r);
    r[0].kind = REC_JSON;
    r[0].in = &in;
    r[0].line = 3;
    r[0].data = (char *)"{\"id\":\"x\",\"text\":1}";
    r[0].len = strlen(r[0].data);
    r[0].id = (char *)"in.jsonl:3";
    buf_adds(&r[0].msg, "bad text");
    r[1].kind = REC_TEXT; /* a text file that is not UTF-8: no JSON form */
    r[1].in = &in;
    r[1].line = 1;
    r[1].data = (char *)"bad \xff byte";
    r[1].len = strlen(r[1].data);
    r[1].id = (char *)"t";
    r[1].stage = "segment";
    buf_adds(&r[1].msg, "invalid UTF-8");
    sink *s = sink_errors_open(at("failed.jsonl"), &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(sink_put(s, &r[0], 1, &err), 0);
    ck_assert_int_eq(sink_put(s, &r[1], 1, &err), 0);
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    char *got = slurp("failed.jsonl");
    ck_assert_str_eq(got, "{\"id\":\"x\",\"text\":1}\n");
    free(got);
    got = slurp("failed.jsonl.reasons");
    ck_assert_str_eq(got,
        "{\"errors_line\":1,\"file\":\"in.jsonl\",\"line\":3,\"id\":\"in.jsonl:3\","
        "\"stage\":null,\"reason\":\"bad text\"}\n"
        "{\"errors_line\":null,\"file\":\"in.jsonl\",\"line\":1,\"id\":\"t\","
        "\"stage\":\"segment\",\"reason\":\"invalid UTF-8\"}\n");
    free(got);
    buf_free(&r[0].msg);
    buf_free(&r[1].msg);
    buf_free(&err);
    rm_tmp();
}
END_TEST

/* ---------------------------------------------------------------- callback */

static int calls;
static int take(void *ctx, const sp_doc *doc)
{
    calls++;
    return doc == ctx ? 0 : 1;
}

START_TEST(callback_hands_over)
{
    buf err = BUF_INIT;
    sp_doc *mine = (sp_doc *)&calls; /* only compared, never read */
    record r;
    memset(&r, 0, sizeof r);
    r.doc = mine;
    sink *s = sink_callback_new(take, mine);
    ck_assert_int_eq(sink_gz(s, NULL), 0);
    ck_assert_int_eq(sink_put(s, &r, 1, &err), 0);
    r.doc = NULL;
    ck_assert_int_eq(sink_put(s, &r, 1, &err), -1);
    ck_assert_uint_eq(err.len, 0); /* the callback says why itself */
    ck_assert_int_eq(calls, 2);
    ck_assert_int_eq(sink_close(s, 1, &err), 0);
    buf_free(&err);
}
END_TEST

/* ---------------------------------------------------------------- outfile */

START_TEST(outfile_whole_or_absent)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    sp_outfile *f = outfile_open(at("a/b/out.txt"), SP_OUTFILE_MKDIRS, &err);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(sp_outfile_is_stream(f), 0);
    ck_assert_str_eq(sp_outfile_name(f), at("a/b/out.txt"));
    /* close-on-exec: no child inherits the half-written file */
    FILE *st = sp_outfile_stream(f);
    ck_assert_int_eq(fcntl(fileno(st), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    fputs("hello\n", st);
    ck_assert_int_eq(outfile_close(f, 1, &err), 0);
    char *got = slurp("a/b/out.txt");
    ck_assert_str_eq(got, "hello\n");
    free(got);
    /* mode: a new file's, as the umask says (not mkstemp's 0600) */
    struct stat sb;
    ck_assert_int_eq(stat(at("a/b/out.txt"), &sb), 0);
    mode_t um = umask(022);
    umask(um);
    ck_assert_uint_eq(sb.st_mode & 0777, 0666 & ~um);
    /* a leftover of a killed run, and a look-alike that is not one */
    FILE *x = fopen(at("a/b/out.txt.tmp.Ab3xY9"), "w");
    fclose(x);
    x = fopen(at("a/b/out.txt.tmp.keep"), "w");
    fclose(x);
    outfile_clean(at("a/b/out.txt"));
    ck_assert_ptr_null(slurp("a/b/out.txt.tmp.Ab3xY9"));
    got = slurp("a/b/out.txt.tmp.keep");
    ck_assert_ptr_nonnull(got);
    free(got);
    buf_free(&err);
    rm_tmp();
}
END_TEST

START_TEST(outfile_fifo_written_straight)
{
    mkdir_tmp();
    buf err = BUF_INIT;
    ck_assert_int_eq(mkfifo(at("fifo"), 0600), 0);
    int rd = open(path, O_RDONLY | O_NONBLOCK);
    ck_assert_int_ge(rd, 0);
    sp_outfile *f = outfile_open(at("fifo"), 0, &err);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(sp_outfile_is_stream(f), 1);
    ck_assert_int_eq(outfile_write(f, "x\n", 2, &err), 0);
    ck_assert_int_eq(outfile_close(f, 0, &err), 0); /* what is written is out */
    char got[4] = "";
    ck_assert_int_eq(read(rd, got, sizeof got), 2);
    ck_assert_int_eq(memcmp(got, "x\n", 2), 0);
    close(rd);
    struct stat sb;
    ck_assert_int_eq(stat(at("fifo"), &sb), 0);
    ck_assert(S_ISFIFO(sb.st_mode));
    buf_free(&err);
    rm_tmp();
}
END_TEST

/* An empty name is refused (EINVAL) before anything is looked at: ""
 * has no byte after its end for the folders' walk to read, and it is not
 * a name to put a temporary beside (none is made in the current folder). */
START_TEST(outfile_empty_name_refused)
{
    mkdir_tmp();
    char *here = getcwd(NULL, 0);
    ck_assert_int_eq(chdir(dir), 0);
    sp_error *err = sp_error_new();
    static const unsigned flags[] = { 0, SP_OUTFILE_MKDIRS };
    for (size_t i = 0; i < 2; i++) {
        errno = 0;
        ck_assert_ptr_null(sp_outfile_open("", flags[i], err));
        ck_assert_int_eq(errno, EINVAL);
        ck_assert_str_eq(sp_error_message(err), "an empty file name: Invalid argument");
        errno = 0;
        ck_assert_ptr_null(sp_outfile_open_in("", "x.jsonl", flags[i], err));
        ck_assert_int_eq(errno, EINVAL);
        errno = 0;
        ck_assert_ptr_null(sp_outfile_open_in(dir, "", flags[i], err));
        ck_assert_int_eq(errno, EINVAL);
        ck_assert_str_eq(sp_error_message(err), "an empty file name: Invalid argument");
    }
    ck_assert_int_eq(entries(), 0);
    sp_error_free(err);
    ck_assert_int_eq(chdir(here), 0);
    free(here);
    rm_tmp();
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("sink");
    TCase *tc = tcase_create("sinks");
    tcase_add_test(tc, jsonl_commit_and_drop);
    tcase_add_test(tc, jsonl_gzip_packed_runs);
    tcase_add_test(tc, jsonl_cannot_open);
    tcase_add_test(tc, outdir_per_input);
    tcase_add_test(tc, outdir_no_links_followed);
    tcase_add_test(tc, errors_and_reasons);
    tcase_add_test(tc, callback_hands_over);
    suite_add_tcase(s, tc);
    TCase *of = tcase_create("outfile");
    tcase_add_test(of, outfile_whole_or_absent);
    tcase_add_test(of, outfile_fifo_written_straight);
    tcase_add_test(of, outfile_empty_name_refused);
    suite_add_tcase(s, of);
    return s;
}
