/* test_loader.c — finding stages: built-in ones first, modules, and the
 * checks of a descriptor and of what a stage declares after init. */
#include "unit.h"
#include "stage/loader.h"
#include "stage/builtins.h"

#include <string.h>

START_TEST(builtin_found_by_name)
{
    plugin_mod m;
    buf err = BUF_INIT;
    ck_assert_int_eq(loader_open(NULL, 0, "exec", &m, &err), 0);
    ck_assert_ptr_eq(m.desc, builtin_plugins[0]);
    ck_assert_str_eq(m.path, BUILTIN_PATH);
    ck_assert_int_eq(m.builtin, 1);
    loader_close(&m);
    ck_assert_ptr_null(m.path);
    /* a path is a module's, never a built-in's */
    ck_assert_int_eq(loader_open(NULL, 0, "./exec", &m, &err), -1);
    ck_assert_str_eq(err.data, "no plugin file ./exec");
    buf_free(&err);
}
END_TEST

START_TEST(not_found)
{
    plugin_mod m;
    buf err = BUF_INIT;
    const char *dirs[] = { "/nonexistent/a", "/nonexistent/b" };
    ck_assert_int_eq(loader_open(dirs, 2, "nosuch", &m, &err), -1);
    ck_assert_str_eq(err.data, "no plugin 'nosuch' (looked for nosuch.la and nosuch.so in: "
                     "/nonexistent/a /nonexistent/b; add a directory with -P or "
                     "SPANPIPE_PLUGIN_PATH)");
    buf_clear(&err);
    ck_assert_int_eq(loader_open(NULL, 0, "a:b", &m, &err), -1);
    ck_assert_str_eq(err.data, "'a:b' is not a plugin name");
    buf_clear(&err);
    ck_assert_int_eq(loader_open(NULL, 0, "x", &m, &err), -1);
    ck_assert_str_eq(err.data, "no plugin 'x' (looked for x.la and x.so in: nowhere: "
                     "the search path is empty)");
    buf_free(&err);
}
END_TEST

static char listed[256];

static void list_cb(void *ctx, const char *path, const sp_plugin *d, const char *error)
{
    (void)ctx;
    ck_assert_ptr_null(error);
    strcat(listed, d->name);
    strcat(listed, "@");
    strcat(listed, path);
    strcat(listed, ";");
}

START_TEST(list_includes_builtins)
{
    listed[0] = '\0';
    const char *dirs[] = { "/nonexistent" };
    ck_assert_uint_eq(loader_list(dirs, 1, list_cb, NULL), 1);
    ck_assert_str_eq(listed, "exec@(built into spanpipe);");
}
END_TEST

START_TEST(descriptor_checks)
{
    buf err = BUF_INIT;
    sp_plugin d = *builtin_plugins[0];
    ck_assert_int_eq(loader_check(&d, "x.la", &err), 0);
    d.abi_minor = SP_ABI_MINOR + 1;
    ck_assert_int_eq(loader_check(&d, "x.la", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "the plugin's is newer"));
    buf_clear(&err);
    d = *builtin_plugins[0];
    d.summary = "";
    ck_assert_int_eq(loader_check(&d, "x.la", &err), -1);
    ck_assert_str_eq(err.data, "x.la: its descriptor has no summary");
    buf_free(&err);
}
END_TEST

START_TEST(declaration_checks)
{
    buf err = BUF_INIT;
    static const char *const good[] = { "country", NULL }, *const bad[] = { "a b", NULL };
    sp_stage_decl d = { "countries", "1.2.0", NULL, good };
    ck_assert_int_eq(loader_check_decl(&d, "stage 'exec'", &err), 0);
    d.name = "a\tb";
    ck_assert_int_eq(loader_check_decl(&d, "stage 'exec'", &err), -1);
    ck_assert_str_eq(err.data, "stage 'exec': it declared a name that is empty or holds "
                     "control characters");
    buf_clear(&err);
    d.name = "countries";
    d.version = "";
    ck_assert_int_eq(loader_check_decl(&d, "stage 'exec'", &err), -1);
    ck_assert_str_eq(err.data, "stage 'exec': it declared a version that is empty or holds "
                     "control characters");
    buf_clear(&err);
    d.version = "1";
    d.requires = bad;
    ck_assert_int_eq(loader_check_decl(&d, "stage 'exec'", &err), -1);
    ck_assert_str_eq(err.data, "stage 'exec': the layer name \"a b\" in requires is not a name");
    buf_free(&err);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("loader");
    tcase_add_test(tc, builtin_found_by_name);
    tcase_add_test(tc, not_found);
    tcase_add_test(tc, list_includes_builtins);
    tcase_add_test(tc, descriptor_checks);
    tcase_add_test(tc, declaration_checks);
    suite_add_tcase(s, tc);
    return s;
}
