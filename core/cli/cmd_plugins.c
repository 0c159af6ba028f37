/* cmd_plugins.c — `spanpipe plugins [NAME]`: what is installed, and how to use it. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char plugins_usage[] =
    "usage: spanpipe plugins [-P DIR ...] [NAME]\n"
    "\n"
    "Without NAME, list the plugins in the search path: name, version, summary.\n"
    "With NAME, describe it: the layers it requires and produces, its options.\n";

static void list_one(void *ctx, const char *path, const sp_plugin *d, const char *error)
{
    int *bad = ctx;
    if (d)
        printf("%-12s %-8s %s\n", d->name, d->version, d->summary);
    else {
        cli_error("%s", error ? error : path);
        (*bad)++;
    }
}

static void print_list(const char *title, const char *const *l)
{
    printf("%-10s", title);
    if (!l || !*l)
        printf(" -");
    for (; l && *l; l++)
        printf(" %s", *l);
    putchar('\n');
}

static const char *type_name(sp_option_type t)
{
    return t == SP_OPT_BOOL ? "bool" : t == SP_OPT_INT ? "int" : "string";
}

static void describe(const sp_plugin *d, const char *path)
{
    printf("%s %s — %s\n", d->name, d->version, d->summary);
    printf("%-10s %s (ABI %u.%u)\n", "file", path, d->abi_major, d->abi_minor);
    print_list("requires", d->requires);
    print_list("produces", d->produces);
    if (d->refs && *d->refs)
        print_list("refs", d->refs);
    printf("options%s\n", d->options && d->options->name ? ":" : "    -");
    for (const sp_option *o = d->options; o && o->name; o++) {
        printf("  %s=%s", o->name, type_name(o->type));
        if (o->default_value)
            printf(" (default %s)", o->default_value);
        printf("\n      %s\n", o->help ? o->help : "");
    }
    printf("use: spanpipe run -p %s", d->name);
    if (d->options && d->options->name)
        printf(":%s=...", d->options->name);
    putchar('\n');
}

int cmd_plugins(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "plugin-dir", required_argument, NULL, 'P' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    cli_docs d;
    int c, status = SP_OK;
    cli_docs_init(&d, argc);
    /* -P is taken on the way; anything it hands back ends the command */
    if ((c = cli_docs_getopt(&d, argc, argv, "plugins", ":P:h", longopts)) != -1) {
        if (c == 'h')
            fputs(plugins_usage, stdout);
        cli_docs_free(&d);
        return c == 'h' ? SP_OK : SP_USAGE;
    }
    sp_pipeline *p = sp_pipeline_new();
    cli_search_path(p, d.dirs, d.ndirs);
    if (optind < argc) {
        sp_error *err = sp_error_new();
        const char *path;
        const sp_plugin *desc = sp_pipeline_find_plugin(p, argv[optind], &path, err);
        if (desc)
            describe(desc, path);
        else {
            cli_error("%s", sp_error_message(err));
            status = SP_USAGE;
        }
        sp_error_free(err);
    } else {
        int bad = 0;
        if (sp_pipeline_list_plugins(p, list_one, &bad) == 0)
            cli_error("no plugins found in the search path");
        if (bad)
            status = SP_USAGE;
    }
    sp_pipeline_free(p);
    cli_docs_free(&d);
    return status;
}
