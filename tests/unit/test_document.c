/* test_document.c — parsing, span rules, stage commits and serialisation. */
#include "unit.h"
#include "doc/docread.h"
#include "doc/docwrite.h"

#include <string.h>

static sp_doc *parse(const char *line)
{
    buf err = BUF_INIT;
    sp_doc *d = doc_from_json(line, strlen(line), "f:1", &err);
    ck_assert_msg(d != NULL, "parse failed: %s", err.data ? err.data : "");
    buf_free(&err);
    return d;
}

/* The error parsing LINE gives (which must fail), into a static buffer. */
static const char *parse_error(const char *line)
{
    size_t len = strlen(line);
    static char msg[512];
    buf err = BUF_INIT;
    sp_doc *d = doc_from_json(line, len, "f:1", &err);
    ck_assert_msg(d == NULL, "parsed what should fail: %s", line);
    snprintf(msg, sizeof msg, "%s", err.data);
    buf_free(&err);
    return msg;
}

static char *write_doc(sp_doc *d)
{
    buf out = BUF_INIT;
    doc_write_json(d, &out);
    return buf_steal(&out);
}

START_TEST(roundtrip_keeps_unknown_keys_and_nul)
{
    const char *in = "{\"id\":\"x\",\"text\":\"a\\u0000b é\",\"meta\":{\"v\":1},"
                     "\"zz\":[1,2],\"spans\":[{\"id\":\"t.0\",\"layer\":\"t\",\"start\":3,"
                     "\"end\":4,\"attrs\":{\"k\":\"v\"},\"note\":true}]}";
    sp_doc *d = parse(in);
    size_t n;
    const char *t = sp_doc_text(d, &n);
    ck_assert_uint_eq(n, 6); /* a NUL b space é(2 bytes) */
    ck_assert_int_eq(t[1], '\0');
    char *out = write_doc(d);
    ck_assert_str_eq(out, "{\"id\":\"x\",\"text\":\"a\\u0000b é\",\"meta\":{\"v\":1},"
                          "\"zz\":[1,2],\"spans\":[{\"id\":\"t.0\",\"layer\":\"t\","
                          "\"start\":3,\"end\":4,\"attrs\":{\"k\":\"v\"},\"note\":true}]}\n");
    free(out);
    doc_free(d);
}
END_TEST

START_TEST(spans_are_ordered_and_named)
{
    sp_doc *d = parse("{\"text\":\"abcdef\",\"spans\":["
                      "{\"layer\":\"b\",\"start\":2,\"end\":3},"
                      "{\"layer\":\"b\",\"start\":0,\"end\":1},"
                      "{\"layer\":\"a\",\"start\":0,\"end\":1},"
                      "{\"layer\":\"c\",\"start\":0,\"end\":6}]}");
    const char *want[][2] = { { "c", "c.0" }, { "a", "a.0" }, { "b", "b.0" }, { "b", "b.1" } };
    ck_assert_uint_eq(sp_doc_span_count(d), 4);
    for (size_t i = 0; i < 4; i++) {
        const sp_span *s = sp_doc_span(d, i);
        ck_assert_str_eq(s->layer, want[i][0]);
        ck_assert_str_eq(s->id, want[i][1]);
    }
    ck_assert_str_eq(sp_doc_id(d, NULL), "f:1");
    const sp_span *s = sp_doc_first(d, "b");
    ck_assert_uint_eq(s->start, 0);
    s = sp_doc_next(d, s);
    ck_assert_uint_eq(s->start, 2);
    ck_assert_ptr_null(sp_doc_next(d, s));
    ck_assert_ptr_null(sp_doc_first(d, "nope"));
    ck_assert_uint_eq(sp_doc_find(d, "b.1")->start, 2);
    ck_assert_ptr_null(sp_doc_find(d, "b.2"));
    doc_free(d);
}
END_TEST

START_TEST(bad_documents)
{
    ck_assert_str_eq(parse_error("[1]"), "not a document: an array, not an object");
    ck_assert_str_eq(parse_error("{\"id\":\"a\"}"), "not a document: no \"text\"");
    ck_assert_str_eq(parse_error("{\"text\":5}"), "not a document: \"text\" is a number, not a string");
    ck_assert_str_eq(parse_error("{\"text\":\"a\",\"id\":3}"), "\"id\" is a number, not a string");
    ck_assert_ptr_nonnull(strstr(parse_error("{\"text\":\"a\",\"text\":\"b\"}"), "duplicate"));
    /* Unknown members are kept, so a second one of a name is refused, not lost. */
    ck_assert_ptr_nonnull(strstr(parse_error("{\"text\":\"a\",\"m\":1,\"m\":2}"), "duplicate"));
    ck_assert_ptr_nonnull(strstr(parse_error("{\"text\":\"a\",\"spans\":[{\"layer\":\"x\","
                                             "\"start\":0,\"end\":1,\"n\":1,\"n\":2}]}"),
                                 "duplicate"));
    ck_assert_ptr_nonnull(strstr(parse_error("{"), "invalid JSON"));
    ck_assert_ptr_nonnull(strstr(parse_error("{\"text\":\"\xff\"}"), "invalid UTF-8 at column"));
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":0,\"end\":3}]}"),
                     "span 0: \"end\" 3 is outside the text (0 to 2)");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":-1,\"end\":1}]}"),
                     "span 0: \"start\" -1 is outside the text (0 to 2)");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":1.5,\"end\":2}]}"),
                     "span 0: \"start\" is a number, not an integer");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":\"0\",\"end\":2}]}"),
                     "span 0: \"start\" is a string, not an integer");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":2,\"end\":1}]}"),
                     "span 0 ends before it starts");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":0,\"end\":1,\"attrs\":[1]}]}"),
                     "span 0: \"attrs\" is an array, not an object");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"layer\":\"x\",\"start\":0,\"end\":99999999999999999999}]}"),
                     "span 0: \"end\" 99999999999999999999 is outside the text (0 to 2)");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[5]}"), "span 0 is a number, not an object");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":{}}"), "\"spans\" is an object, not an array");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\"} x"), "invalid JSON at column 15: end of the line expected after the document");
    ck_assert_str_eq(parse_error("{\"a\\u0000\":1,\"text\":\"ab\"}"), "column 2: an object key holds U+0000 (\\u0000), which spanpipe does not support");
    ck_assert_str_eq(parse_error("{\"text\":\"ab\",\"spans\":[{\"id\":\"d\",\"layer\":\"x\",\"start\":0,\"end\":1},"
                                 "{\"id\":\"d\",\"layer\":\"y\",\"start\":0,\"end\":1}]}"),
                     "two spans have the id \"d\"");
}
END_TEST

static const char *const produced[] = { "w", "r", NULL };
static const char *const refs[] = { "r.to", NULL };
static const doc_stage stage = { "st", produced, refs, "{\"stage\":\"st\"}" };

START_TEST(stage_adds_and_references)
{
    sp_doc *d = parse("{\"id\":\"x\",\"text\":\"né ab\"}");
    doc_begin_stage(d, &stage);
    const char *w0 = sp_doc_add(d, "w", 0, 3, NULL);
    ck_assert_str_eq(w0, "w.0");
    ck_assert_str_eq(sp_doc_add(d, "w", 4, 6, json_object()), "w.1");
    ck_assert_str_eq(sp_doc_add_with_id(d, "r", "link", 4, 6, json_pack("{s:s}", "to", w0)),
                     "link");
    ck_assert_uint_eq(sp_doc_span_count(d), 0); /* not visible before the stage ends */
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    char *out = write_doc(d);
    ck_assert_str_eq(out, "{\"id\":\"x\",\"text\":\"né ab\",\"layers\":{\"w\":{\"stage\":\"st\"},"
                          "\"r\":{\"stage\":\"st\"}},\"spans\":["
                          "{\"id\":\"w.0\",\"layer\":\"w\",\"start\":0,\"end\":2},"
                          "{\"id\":\"link\",\"layer\":\"r\",\"start\":3,\"end\":5,\"attrs\":{\"to\":\"w.0\"}},"
                          "{\"id\":\"w.1\",\"layer\":\"w\",\"start\":3,\"end\":5}]}\n");
    free(out);
    ck_assert(doc_has_layer(d, "w"));
    /* Running the stage again replaces its layers. */
    doc_begin_stage(d, &stage);
    ck_assert_uint_eq(sp_doc_span_count(d), 0);
    sp_doc_add(d, "w", 0, 1, NULL);
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    ck_assert_uint_eq(sp_doc_span_count(d), 1);
    ck_assert_str_eq(sp_doc_span(d, 0)->id, "w.0");
    buf_free(&err);
    doc_free(d);
}
END_TEST

/* Run one bad addition through a stage; return the message it ends with. */
static const char *violation(size_t start, size_t end, const char *layer, json_t *attrs)
{
    static char msg[512];
    sp_doc *d = parse("{\"text\":\"né\"}"); /* n(1) é(2): 3 bytes */
    doc_begin_stage(d, &stage);
    ck_assert_ptr_null(sp_doc_add(d, layer, start, end, attrs));
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), -1);
    snprintf(msg, sizeof msg, "%s", err.data);
    buf_free(&err);
    doc_free(d);
    return msg;
}

START_TEST(stage_violations)
{
    ck_assert_str_eq(violation(0, 4, "w", NULL),
                     "added a w span at bytes [0, 4), outside the text (3 bytes) or reversed");
    ck_assert_str_eq(violation(2, 1, "w", NULL),
                     "added a w span at bytes [2, 1), outside the text (3 bytes) or reversed");
    ck_assert_str_eq(violation(2, 3, "w", NULL),
                     "added a w span at bytes [2, 3), which splits a UTF-8 character");
    ck_assert_str_eq(violation(0, 1, "other", NULL),
                     "added a span of layer 'other', which it does not declare in produces");
    ck_assert_str_eq(violation(0, 1, "w", json_integer(3)),
                     "added a w span whose attrs are not a JSON object");
}
END_TEST

START_TEST(dangling_reference)
{
    sp_doc *d = parse("{\"text\":\"abc\"}");
    doc_begin_stage(d, &stage);
    sp_doc_add(d, "r", 0, 1, json_pack("{s:s}", "to", "w.9"));
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), -1);
    ck_assert_str_eq(err.data, "attr 'to' of r.0 refers to \"w.9\", which no span has");
    buf_free(&err);
    doc_free(d);
}
END_TEST

START_TEST(duplicate_chosen_id)
{
    sp_doc *d = parse("{\"text\":\"abc\",\"spans\":[{\"id\":\"k\",\"layer\":\"x\",\"start\":0,\"end\":1}]}");
    doc_begin_stage(d, &stage);
    sp_doc_add_with_id(d, "w", "k", 1, 2, NULL);
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), -1);
    ck_assert_str_eq(err.data, "two spans have the id \"k\"");
    buf_free(&err);
    doc_free(d);
}
END_TEST

/* The end of STAGE on D, which must fail, and its message (static). */
static const char *end_error(sp_doc *d)
{
    static char msg[512];
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), -1);
    snprintf(msg, sizeof msg, "%s", err.data);
    buf_free(&err);
    return msg;
}

/* Default ids are checked for clashes only when one could happen: these are
 * the ways one can. */
START_TEST(default_ids_clash_only_with_given_ones)
{
    static const char *const plain[] = { "w", NULL };
    static const doc_stage nostage = { "p", plain, NULL, "{\"stage\":\"p\"}" };
    /* an input span of another layer holding what will be a default id */
    sp_doc *d = parse("{\"text\":\"abc\",\"spans\":[{\"id\":\"w.0\",\"layer\":\"x\",\"start\":0,\"end\":1}]}");
    doc_begin_stage(d, &nostage);
    sp_doc_add(d, "w", 1, 2, NULL);
    ck_assert_str_eq(end_error(d), "two spans have the id \"w.0\"");
    doc_free(d);
    /* a stage giving an id of the form its own default ids take */
    d = parse("{\"text\":\"abc\"}");
    doc_begin_stage(d, &nostage);
    sp_doc_add(d, "w", 1, 2, NULL);
    sp_doc_add_with_id(d, "w", "w.0", 0, 1, NULL);
    ck_assert_str_eq(end_error(d), "two spans have the id \"w.0\"");
    doc_free(d);
    /* an earlier stage's given id, met by a later stage's default one */
    static const char *const other[] = { "r", NULL };
    static const doc_stage later = { "q", other, NULL, "{\"stage\":\"q\"}" };
    d = parse("{\"text\":\"abc\"}");
    doc_begin_stage(d, &nostage);
    sp_doc_add_with_id(d, "w", "r.0", 0, 1, NULL);
    buf err = BUF_INIT;
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    doc_begin_stage(d, &later);
    sp_doc_add(d, "r", 1, 2, NULL);
    ck_assert_str_eq(end_error(d), "two spans have the id \"r.0\"");
    doc_free(d);
    /* without a given id anywhere, no clash, and every span is found */
    d = parse("{\"text\":\"abcdef\",\"spans\":[{\"id\":\"x.0\",\"layer\":\"x\",\"start\":0,\"end\":6}]}");
    doc_begin_stage(d, &stage); /* refs: the hash is built */
    sp_doc_add(d, "w", 2, 3, NULL);
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    doc_begin_stage(d, &later); /* the hash is brought up to date */
    sp_doc_add(d, "r", 0, 1, NULL);
    sp_doc_add(d, "r", 4, 5, NULL);
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    static const char *const ids[] = { "x.0", "w.0", "r.0", "r.1" };
    for (size_t i = 0; i < 4; i++) {
        const sp_span *sp = sp_doc_find(d, ids[i]);
        ck_assert_ptr_nonnull(sp);
        ck_assert_str_eq(sp->id, ids[i]);
    }
    ck_assert_ptr_null(sp_doc_find(d, "w.1"));
    doc_free(d);
    /* no hash at all: look-ups walk the layer their id names, then the hash
     * is built; the answers are the same either way */
    d = parse("{\"text\":\"abcdef\"}");
    doc_begin_stage(d, &later);
    for (size_t i = 0; i < 6; i++)
        sp_doc_add(d, "r", i, i + 1, NULL);
    ck_assert_int_eq(doc_end_stage(d, &err), 0);
    for (int round = 0; round < 3; round++) {
        ck_assert_str_eq(sp_doc_find(d, "r.5")->id, "r.5");
        ck_assert_str_eq(sp_doc_find(d, "r.0")->id, "r.0");
        ck_assert_ptr_null(sp_doc_find(d, "r.6"));
        ck_assert_ptr_null(sp_doc_find(d, "w.0"));
        ck_assert_ptr_null(sp_doc_find(d, "r"));
        ck_assert_ptr_null(sp_doc_find(d, ".0"));
    }
    doc_free(d);
    buf_free(&err);
}
END_TEST

START_TEST(text_documents)
{
    buf err = BUF_INIT;
    const char *t = "plain\ntext";
    sp_doc *d = doc_from_text(t, strlen(t), "dir/d1", &err);
    ck_assert_ptr_nonnull(d);
    char *out = write_doc(d);
    ck_assert_str_eq(out, "{\"id\":\"dir/d1\",\"text\":\"plain\\ntext\",\"spans\":[]}\n");
    free(out);
    doc_free(d);
    ck_assert_ptr_null(doc_from_text("a\xc3", 2, "x", &err));
    ck_assert_str_eq(err.data, "invalid UTF-8 at byte 1");
    buf_free(&err);
}
END_TEST

/* Issue 19: a layer was looked up by comparing its name with every layer's,
 * so a document of a million layers (one span each) never finished.  Reading,
 * iterating, finding and writing such a document must compare a few names per
 * layer, not a number growing with the layers. */
START_TEST(many_layers_are_found_in_constant_time)
{
    enum { N = 20000 };
    buf in = BUF_INIT;
    buf_adds(&in, "{\"id\":\"d\",\"text\":\"ab\",\"spans\":[");
    for (int i = 0; i < N; i++)
        buf_printf(&in, "%s{\"layer\":\"L%d\",\"start\":0,\"end\":1}", i ? "," : "", i);
    buf_adds(&in, "],\"layers\":{");
    for (int i = 0; i < N; i++)
        buf_printf(&in, "%s\"L%d\":{\"stage\":\"s\"}", i ? "," : "", i);
    buf_adds(&in, "}}");
    sp_doc *d = parse(in.data);
    char name[32];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "L%d", i);
        const sp_span *s = sp_doc_first(d, name);
        ck_assert_ptr_nonnull(s);
        ck_assert_str_eq(s->layer, name);
        ck_assert_ptr_null(sp_doc_next(d, s));
    }
    ck_assert_ptr_null(sp_doc_first(d, "L20000"));
    ck_assert_ptr_null(sp_doc_first(d, "L"));
    ck_assert_ptr_nonnull(sp_doc_find(d, "L19999.0"));
    char *out = write_doc(d);
    ck_assert_ptr_nonnull(strstr(out, "\"L19999\":{\"stage\":\"s\"}}"));
    free(out);
    /* Read (N), iterate (N + 2), find (1), write (N): about one comparison
     * each; the scan made N * N / 2 for each pass. */
    ck_assert_uint_le(d->layer_compares, 4 * N);
    doc_free(d);
    buf_free(&in);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("document");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, roundtrip_keeps_unknown_keys_and_nul);
    tcase_add_test(tc, spans_are_ordered_and_named);
    tcase_add_test(tc, bad_documents);
    tcase_add_test(tc, stage_adds_and_references);
    tcase_add_test(tc, stage_violations);
    tcase_add_test(tc, dangling_reference);
    tcase_add_test(tc, duplicate_chosen_id);
    tcase_add_test(tc, default_ids_clash_only_with_given_ones);
    tcase_add_test(tc, text_documents);
    tcase_add_test(tc, many_layers_are_found_in_constant_time);
    suite_add_tcase(s, tc);
    return s;
}
