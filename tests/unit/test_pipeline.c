/* test_pipeline.c — setting a pipeline up (stages, options, the chain check,
 * what a stage declares) and the exec stage, run on documents through
 * pipeline_process as a worker runs them. */
#include "unit.h"
#include "stage/pipeline_internal.h"
#include "doc/docread.h"
#include "doc/docwrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sp_pipeline *P;
static sp_error *E;

static void setup(void)
{
    P = sp_pipeline_new();
    E = sp_error_new();
}

static void teardown(void)
{
    sp_pipeline_free(P);
    sp_error_free(E);
}

START_TEST(unknown_option)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:bogus=1", E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec' has no option 'bogus' (its options: "
                     "command produces requires timeout max-answer handshake-timeout)");
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:timeout=soon", E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec': option 'timeout' must be an integer, "
                     "not \"soon\"");
    ck_assert_uint_eq(sp_pipeline_stage_count(P), 0);
}
END_TEST

START_TEST(chain_order)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:command=cat,produces=b,requires=a,"
                                          "exec:command=cat,produces=a", E), 0);
    ck_assert_uint_eq(sp_pipeline_stage_count(P), 2);
    ck_assert_int_eq(sp_pipeline_start(P, E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec' requires layer 'a', which stage "
                     "'exec' produces only after it: put 'exec' first");
}
END_TEST

START_TEST(add_after_start)
{
    ck_assert_int_eq(sp_pipeline_start(P, E), 0); /* no stages: allowed */
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:command=cat,produces=a", E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec' added after the pipeline started");
}
END_TEST

/* Run the line JSON through P's stages; the document written back, or the
 * failing stage and message, into OUT. */
static void run_doc(const char *json, buf *out)
{
    buf err = BUF_INIT;
    sp_doc *doc = doc_from_json(json, strlen(json), "d", &err);
    ck_assert_ptr_nonnull(doc);
    sp_error *werr = sp_error_new();
    const char *failed;
    buf_clear(out);
    if (pipeline_check_input(P, doc, &failed, &err) < 0 ||
        pipeline_process(P, doc, werr, &failed, &err) < 0)
        buf_printf(out, "%s: %s", failed, err.data);
    else
        doc_write_json(doc, out);
    sp_error_free(werr);
    doc_free(doc);
    buf_free(&err);
}

/* A shell stage in a file of its own (the spec then needs no quoting). */
static char script[] = "/tmp/spanpipe-test-stage-XXXXXX";

static const char *write_script(const char *body)
{
    int fd = mkstemp(script);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(body, f);
    fclose(f);
    return script;
}

START_TEST(exec_named_by_handshake)
{
    write_script("echo '{\"name\":\"caps\",\"version\":\"2.0\",\"produces\":[\"c\"]}'\n"
                 "while IFS= read -r l; do printf '%s\\n' \"$l\" | sed 's/\"spans\":\\[\\]/"
                 "\"spans\":[{\"layer\":\"c\",\"start\":0,\"end\":2},"
                 "{\"layer\":\"x\",\"start\":0,\"end\":1}]/'; done\n");
    buf spec = BUF_INIT, out = BUF_INIT;
    buf_printf(&spec, "exec:command=sh %s", script);
    ck_assert_int_eq(sp_pipeline_add_spec(P, spec.data, E), 0);
    ck_assert_int_eq(sp_pipeline_start(P, E), 0);
    run_doc("{\"id\":\"a\",\"text\":\"NATO\"}", &out);
    unlink(script);
    /* its own name and version; only its declared layer taken */
    buf want = BUF_INIT;
    buf_printf(&want, "{\"id\":\"a\",\"text\":\"NATO\",\"layers\":{\"c\":{\"stage\":\"caps\","
               "\"version\":\"2.0\",\"options\":{\"command\":\"sh %s\",\"timeout\":60}}},"
               "\"spans\":[{\"id\":\"c.0\",\"layer\":\"c\",\"start\":0,\"end\":2}]}\n", script);
    ck_assert_str_eq(out.data, want.data);
    buf_free(&want);
    buf_free(&spec);
    buf_free(&out);
}
END_TEST

START_TEST(exec_requires_from_input)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:command=cat,produces=b,requires=a", E), 0);
    ck_assert_int_eq(sp_pipeline_start(P, E), 0);
    buf out = BUF_INIT;
    run_doc("{\"id\":\"a\",\"text\":\"x\"}", &out);
    ck_assert_str_eq(out.data, "exec: stage 'exec' requires layer 'a', which no stage before "
                     "it produces and the document does not have");
    /* cat answers the document as it came: the text is the same, no span added */
    run_doc("{\"id\":\"a\",\"text\":\"x\",\"spans\":[{\"layer\":\"a\",\"start\":0,\"end\":1}]}",
            &out);
    ck_assert_ptr_nonnull(strstr(out.data, "\"b\":{\"stage\":\"exec\",\"version\":\"1.0.0\""));
    buf_free(&out);
}
END_TEST

START_TEST(exec_answers_badly)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:command=echo hello; cat,produces=b", E), 0);
    ck_assert_int_eq(sp_pipeline_start(P, E), 0);
    buf out = BUF_INIT;
    run_doc("{\"id\":\"a\",\"text\":\"x\"}", &out);
    ck_assert_str_eq(out.data, "exec: 'echo hello; cat' answered with a line that is not JSON: "
                     "\"hello\" (standard output is the protocol channel: print to "
                     "standard error)");
    /* the next document gets a fresh child, which says hello again */
    run_doc("{\"id\":\"b\",\"text\":\"y\"}", &out);
    ck_assert_ptr_nonnull(strstr(out.data, "not JSON: \"hello\""));
    buf_free(&out);
}
END_TEST

START_TEST(exec_start_failures)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec", E), 0);
    ck_assert_int_eq(sp_pipeline_start(P, E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec' failed to start: give the command to "
                     "run: -p exec:command='python3 stage.py'");
}
END_TEST

START_TEST(exec_handshake_timeout)
{
    ck_assert_int_eq(sp_pipeline_add_spec(P, "exec:command=sleep 3,handshake-timeout=1", E),
                     0);
    ck_assert_int_eq(sp_pipeline_start(P, E), -1);
    ck_assert_str_eq(sp_error_message(E), "stage 'exec' failed to start: 'sleep 3' said "
                     "nothing within 1 s of starting (handshake-timeout): did it print its "
                     "handshake line? see docs/writing-plugins.md §6");
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("setup");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, unknown_option);
    tcase_add_test(tc, chain_order);
    tcase_add_test(tc, add_after_start);
    suite_add_tcase(s, tc);
    tc = tcase_create("execstage");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, exec_named_by_handshake);
    tcase_add_test(tc, exec_requires_from_input);
    tcase_add_test(tc, exec_answers_badly);
    tcase_add_test(tc, exec_start_failures);
    tcase_add_test(tc, exec_handshake_timeout);
    suite_add_tcase(s, tc);
    return s;
}
