/* loader.c — finding stages: built-in ones, and modules through libltdl
 * (see loader.h). */
#include "stage/loader.h"
#include "stage/builtins.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

void loader_init(void)
{
    lt_dlinit();
}

void loader_exit(void)
{
    lt_dlexit();
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int valid_layer_list(const char *const *l, const char *what, const char *path,
                            buf *err)
{
    for (; l && *l; l++)
        if (!**l || strpbrk(*l, " \t\n\",:")) {
            buf_printf(err, "%s: the layer name \"%s\" in %s is not a name", path, *l, what);
            return -1;
        }
    return 0;
}

/* Whether S is a name to show: non-empty, without control characters. */
static int valid_word(const char *s)
{
    if (!s || !*s)
        return 0;
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

int loader_check_decl(const sp_stage_decl *d, const char *what, buf *err)
{
    if (!valid_word(d->name) || !valid_word(d->version)) {
        buf_printf(err, "%s: it declared %s that is empty or holds control characters",
                   what, valid_word(d->name) ? "a version" : "a name");
        return -1;
    }
    if (valid_layer_list(d->requires, "requires", what, err) < 0 ||
        valid_layer_list(d->produces, "produces", what, err) < 0)
        return -1;
    return 0;
}

int loader_check(const sp_plugin *d, const char *path, buf *err)
{
    /* The magic first: whatever else the symbol is, it is not ours. */
    if (d->magic != SP_ABI_MAGIC) {
        buf_printf(err, "%s: the spanpipe_plugin symbol is garbled (bad magic "
                   "0x%08x) - perhaps this is not a spanpipe plugin?", path, d->magic);
        return -1;
    }
    if (d->abi_major != SP_ABI_MAJOR || d->abi_minor > SP_ABI_MINOR) {
        buf_printf(err, "%s: built for plugin ABI %u.%u, but this spanpipe has ABI "
                   "%d.%d (%s); rebuild the plugin against this spanpipe",
                   path, d->abi_major, d->abi_minor, SP_ABI_MAJOR, SP_ABI_MINOR,
                   d->abi_major != SP_ABI_MAJOR ? "the major versions differ"
                                                : "the plugin's is newer");
        return -1;
    }
    /* Its minor is not newer than ours, so its descriptor is no larger than
     * ours: a larger size (1 GiB, 4 GiB - 1) is garbage, not a future. */
    if (d->size > sizeof(sp_plugin)) {
        buf_printf(err, "%s: its descriptor says it is %u bytes, larger than any "
                   "descriptor of ABI %u.%u (%zu bytes): the descriptor is garbled",
                   path, d->size, d->abi_major, d->abi_minor, sizeof(sp_plugin));
        return -1;
    }
    if (d->size < offsetof(sp_plugin, reserved)) {
        buf_printf(err, "%s: its descriptor is %u bytes, too small for ABI %u.%u",
                   path, d->size, d->abi_major, d->abi_minor);
        return -1;
    }
    const char *missing = !d->name || !*d->name          ? "name"
                          : !d->version || !*d->version  ? "version"
                          : !d->summary || !*d->summary  ? "summary"
                          : !d->process                  ? "process"
                                                         : NULL;
    if (missing) {
        buf_printf(err, "%s: its descriptor has no %s", path, missing);
        return -1;
    }
    if (valid_layer_list(d->requires, "requires", path, err) < 0 ||
        valid_layer_list(d->produces, "produces", path, err) < 0)
        return -1;
    for (const sp_option *o = d->options; o && o->name; o++)
        if (o->type != SP_OPT_BOOL && o->type != SP_OPT_INT && o->type != SP_OPT_STRING) {
            buf_printf(err, "%s: option '%s' has an unknown type %d", path, o->name,
                       (int)o->type);
            return -1;
        }
    return 0;
}

/* When PATH, which could not be loaded, is no shared library at all (libltdl
 * says "file not found" for that too), say what it is.  Returns 1 when so. */
static int not_a_library(const char *path, buf *err)
{
    size_t len = strlen(path);
    if (len > 3 && strcmp(path + len - 3, ".la") == 0)
        return 0; /* a libtool archive is text: libltdl reads it */
    unsigned char head[512];
    size_t n = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        n = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    if (!f || (n >= 4 && memcmp(head, "\177ELF", 4) == 0))
        return 0;
    size_t text = 0;
    for (size_t i = 0; i < n; i++)
        text += head[i] >= 0x20 || head[i] == '\n' || head[i] == '\t' || head[i] == '\r';
    buf_printf(err, "cannot load plugin %s: it is not a shared library (ELF) but %s", path,
               n == 0 ? "an empty file" : text == n ? "a text file" : "data of another kind");
    return 1;
}

/* What the probe's child exits with when the file would not load (a
 * message the parent's own lt_dlopen gives again); 0 when it loaded.  Any
 * other end (a signal; AddressSanitizer's exit status) is a crash. */
#define PROBE_NOT_LOADED 3

/*
 * Load PATH in a child process first: a library whose constructor (or a
 * library it needs) crashes when loaded would take the whole process down,
 * naming nothing, and `plugins` with it.  Returns 0 when the child loaded it
 * or only failed to (the caller loads it and says why); -1 with a message
 * naming the file in ERR when the child crashed.
 */
static int probe(const char *path, buf *err)
{
    fflush(NULL); /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0)
        return 0; /* cannot isolate it: load it as before */
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, 2); /* the crash report is ours to give */
        _exit(lt_dlopen(path) ? 0 : PROBE_NOT_LOADED);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 0;
    if (WIFEXITED(status) &&
        (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == PROBE_NOT_LOADED))
        return 0;
    /* the signal is not named: under a sanitizer the child exits instead */
    buf_printf(err, "cannot load plugin %s: it crashed when loaded (in its constructor, "
               "or in a library it needs)", path);
    return -1;
}

/* Load the module file PATH and check it. */
static int open_file(const char *path, plugin_mod *out, buf *err)
{
    if (probe(path, err) < 0)
        return -1;
    lt_dlhandle h = lt_dlopen(path);
    if (!h) {
        const char *why = lt_dlerror();
        if (not_a_library(path, err))
            return -1;
        buf_printf(err, "cannot load plugin %s: %s (the most common cause is a "
                   "library it needs that is not installed: try ldd on it)",
                   path, why ? why : "unknown error");
        return -1;
    }
    const sp_plugin *d = lt_dlsym(h, SP_PLUGIN_SYMBOL);
    if (!d) {
        buf_printf(err, "%s is not a spanpipe plugin: it has no symbol '%s'", path,
                   SP_PLUGIN_SYMBOL);
        lt_dlclose(h);
        return -1;
    }
    if (loader_check(d, path, err) < 0) {
        lt_dlclose(h);
        return -1;
    }
    out->handle = h;
    out->desc = d;
    out->path = xstrdup(path);
    return 0;
}

/* DIR/NAME.la, else DIR/NAME.so, if either exists: malloc'd, or NULL. */
static char *candidate(const char *dir, const char *name)
{
    static const char *const ext[] = { ".la", ".so" };
    for (size_t i = 0; i < 2; i++) {
        buf p = BUF_INIT;
        buf_printf(&p, "%s/%s%s", dir, name, ext[i]);
        if (is_file(p.data))
            return buf_steal(&p);
        buf_free(&p);
    }
    return NULL;
}

/* The built-in stage NAME, or NULL. */
static const sp_plugin *builtin(const char *name)
{
    for (const sp_plugin *const *b = builtin_plugins; *b; b++)
        if (strcmp((*b)->name, name) == 0)
            return *b;
    return NULL;
}

int loader_open(const char *const *dirs, size_t ndirs, const char *name,
                plugin_mod *out, buf *err)
{
    memset(out, 0, sizeof *out);
    const sp_plugin *b = strchr(name, '/') ? NULL : builtin(name);
    if (b) {
        if (loader_check(b, BUILTIN_PATH, err) < 0)
            return -1;
        out->desc = b;
        out->path = xstrdup(BUILTIN_PATH);
        out->builtin = 1;
        return 0;
    }
    if (strchr(name, '/')) {
        if (!is_file(name)) {
            buf_printf(err, "no plugin file %s", name);
            return -1;
        }
        return open_file(name, out, err);
    }
    if (!*name || strpbrk(name, ".:=")) {
        buf_printf(err, "'%s' is not a plugin name", name);
        return -1;
    }
    for (size_t i = 0; i < ndirs; i++) {
        char *path = candidate(dirs[i], name);
        if (!path)
            continue;
        int rc = open_file(path, out, err);
        free(path);
        if (rc < 0)
            return -1;
        if (strcmp(out->desc->name, name) != 0) {
            buf_printf(err, "%s calls itself '%s', not '%s'", out->path, out->desc->name,
                       name);
            loader_close(out);
            return -1;
        }
        return 0;
    }
    buf_printf(err, "no plugin '%s' (looked for %s.la and %s.so in:", name, name, name);
    for (size_t i = 0; i < ndirs; i++)
        buf_printf(err, " %s", dirs[i]);
    buf_adds(err, ndirs ? "; add a directory with -P or SPANPIPE_PLUGIN_PATH)"
                        : " nowhere: the search path is empty)");
    return -1;
}

void loader_close(plugin_mod *m)
{
    if (m->handle)
        lt_dlclose(m->handle);
    free(m->path);
    memset(m, 0, sizeof *m);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the modules in DIRS and of the built-in stages, sorted, with
 * repeats; *N receives how many. */
static char **collect_names(const char *const *dirs, size_t ndirs, size_t *n)
{
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    for (const sp_plugin *const *b = builtin_plugins; *b; b++) {
        names = xgrow(names, &cap, *n + 1, sizeof *names);
        names[(*n)++] = xstrdup((*b)->name);
    }
    for (size_t i = 0; i < ndirs; i++) {
        DIR *d = opendir(dirs[i]);
        if (!d)
            continue;
        struct dirent *de;
        while ((de = readdir(d))) {
            size_t len = strlen(de->d_name);
            if (len < 4 || (strcmp(de->d_name + len - 3, ".la") &&
                            strcmp(de->d_name + len - 3, ".so")))
                continue;
            names = xgrow(names, &cap, *n + 1, sizeof *names);
            names[(*n)++] = xstrndup(de->d_name, len - 3);
        }
        closedir(d);
    }
    if (*n > 1)
        qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

/* Hand the stage NAME to CB: the built-in one, else the first directory's
 * module.  Returns 1 when there was one. */
static int list_one(const char *const *dirs, size_t ndirs, const char *name,
                    void (*cb)(void *, const char *, const sp_plugin *, const char *),
                    void *ctx)
{
    const sp_plugin *b = builtin(name);
    if (b) {
        cb(ctx, BUILTIN_PATH, b, NULL);
        return 1;
    }
    for (size_t k = 0; k < ndirs; k++) {
        char *path = candidate(dirs[k], name);
        if (!path)
            continue;
        plugin_mod m;
        buf err = BUF_INIT;
        memset(&m, 0, sizeof m);
        if (open_file(path, &m, &err) == 0) {
            cb(ctx, path, m.desc, NULL);
            loader_close(&m);
        } else
            cb(ctx, path, NULL, err.data);
        buf_free(&err);
        free(path);
        return 1;
    }
    return 0;
}

size_t loader_list(const char *const *dirs, size_t ndirs,
                   void (*cb)(void *, const char *, const sp_plugin *, const char *),
                   void *ctx)
{
    /* Collect the names first so the first directory's module of a name wins. */
    size_t n, found = 0;
    char **names = collect_names(dirs, ndirs, &n);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
            found += (size_t)list_one(dirs, ndirs, names[i], cb, ctx);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return found;
}
