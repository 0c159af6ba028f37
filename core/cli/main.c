/* main.c — `spanpipe`: dispatch to a command, --help, --version. */
#include "cli.h"

#include <spanpipe/outfile.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: spanpipe run -p STAGE[:key=value,...] ... [-o OUT] [-j N] [INPUT ...]\n"
    "       spanpipe plugins [NAME]\n"
    "       spanpipe spans [-l LAYER ...] [-f FIELDS] [INPUT ...]\n"
    "       spanpipe export --to tei|brat|conllu [-o FILE | -O DIR] [INPUT ...]\n"
    "       spanpipe view [-l LAYER ...] [-o FILE] [INPUT ...]\n"
    "       spanpipe merge [--order FILE | --order-of INPUT] [-o FILE] INPUT ...\n"
    "       spanpipe new-stage [--python] [-o DIR] NAME\n"
    "       spanpipe help [COMMAND] | --help | --version\n"
    "\n"
    "Runs documents through annotation stages (plugins), JSON Lines in and out.\n"
    "\n"
    "Commands:\n"
    "  run       annotate the INPUTs (files, directories, gzip, '-' or nothing for\n"
    "            standard input) with the stages given by -p; see 'spanpipe run --help'\n"
    "  plugins   list the plugins found, or describe plugin NAME\n"
    "  spans     the spans of annotated documents as tab-separated values\n"
    "  export    annotated documents as TEI, brat standoff or CoNLL-U\n"
    "  view      annotated documents as one HTML page, to read in a browser\n"
    "  merge     shard outputs and fixed documents back into one stream, in order\n"
    "  new-stage write the skeleton of a new stage (C, or Python with --python)\n"
    "  help      'spanpipe help COMMAND' is 'spanpipe COMMAND --help'\n"
    "\n"
    "Exit status: 0 all documents done, 1 some failed, 2 usage or set-up error,\n"
    "3 an input or output could not be read or written.  A reader that stops\n"
    "reading (| head) is no error: spanpipe stops quietly with the status so far.\n";

static int build_tree_run(void)
{
#ifdef SP_BUILDDIR
    /* The libtool wrapper runs core/.libs/spanpipe; an installed copy lives
     * elsewhere.  Only the former should see the build tree's plugins. */
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0 || (size_t)n >= sizeof self - 1)
        return 0;
    self[n] = '\0';
    size_t k = strlen(SP_BUILDDIR);
    return strncmp(self, SP_BUILDDIR, k) == 0 && self[k] == '/';
#else
    return 0;
#endif
}

static void add_path_list(sp_pipeline *p, const char *list)
{
    char *copy = cli_xstrdup(list);
    char *save = NULL;
    for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
        if (*d)
            sp_pipeline_add_dir(p, d);
    free(copy);
}

#ifdef SP_BUILDDIR
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Each bundled plugin builds in its own folder under plugins/. */
static void add_build_plugins(sp_pipeline *p, const char *top)
{
    DIR *d = opendir(top);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        names = cli_xrealloc(names, (n + 1) * sizeof *names);
        size_t len = strlen(top) + strlen(de->d_name) + 2;
        names[n] = cli_xmalloc(len);
        snprintf(names[n++], len, "%s/%s", top, de->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            sp_pipeline_add_dir(p, names[i]);
        free(names[i]);
    }
    free(names);
}
#endif

void cli_search_path(sp_pipeline *p, char *const *dirs, size_t ndirs)
{
    for (size_t i = 0; i < ndirs; i++)
        sp_pipeline_add_dir(p, dirs[i]);
    const char *env = getenv("SPANPIPE_PLUGIN_PATH");
    if (env)
        add_path_list(p, env);
#ifdef SP_BUILDDIR
    if (build_tree_run())
        add_build_plugins(p, SP_BUILDDIR "/plugins");
#endif
    sp_pipeline_add_dir(p, sp_plugin_dir());
}

/* The commands, in the order --help lists them. */
static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    { "run", cmd_run },         { "plugins", cmd_plugins }, { "spans", cmd_spans },
    { "export", cmd_export },   { "view", cmd_view },       { "merge", cmd_merge },
    { "new-stage", cmd_new_stage },
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    cli_error("unknown command '%s' (commands: run, plugins, spans, export, view, merge, "
              "new-stage; see spanpipe --help)", name);
    return NULL;
}

/*
 * Interrupted (Ctrl-C, kill, a closed terminal): the temporary files being
 * written are removed, then the process dies of the signal, as it would
 * without us, so that its exit status says so (130 for SIGINT in the shell).
 */
static void on_interrupt(int sig)
{
    sp_outfile_remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig); /* blocked until we return, then fatal */
}

/* A signal that was ignored when we started (nohup, a background job of a
 * script) stays ignored. */
static void handle_interrupts(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa, old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_interrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

int main(int argc, char **argv)
{
    handle_interrupts();
    if (argc < 2) {
        fputs(usage, stderr);
        return SP_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") && argc > 2) {
        /* `spanpipe help run` is `spanpipe run --help` */
        const struct command *c = find_command(argv[2]);
        char *args[] = { argv[2], "--help", NULL };
        return c ? c->run(2, args) : SP_USAGE;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("spanpipe %s (plugin ABI %d.%d)\n", sp_version(), SP_ABI_MAJOR,
               SP_ABI_MINOR);
        return 0;
    }
    const struct command *c = find_command(cmd);
    return c ? c->run(argc - 1, argv + 1) : SP_USAGE;
}
