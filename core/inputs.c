/* inputs.c — expanding arguments into input files (see inputs.h). */
#include "inputs.h"
#include "buf.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void add(input_list *l, const char *path, const char *error, uint64_t size,
                int size_known)
{
    l->file = xgrow(l->file, &l->cap, l->n + 1, sizeof *l->file);
    input_file *f = &l->file[l->n++];
    f->path = xstrdup(path);
    f->name = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    f->error = error ? xstrdup(error) : NULL;
    f->size = size;
    l->total += size;
    if (!size_known)
        l->size_unknown = 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(input_list *l, const char *path);

/* Every entry of DIR, sorted, recursively. */
static void add_dir(input_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        buf e = BUF_INIT;
        buf_printf(&e, "cannot read directory: %s", strerror(errno));
        add(l, dir, e.data, 0, 1);
        buf_free(&e);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        buf p = BUF_INIT;
        buf_adds(&p, dir);
        if (p.len && p.data[p.len - 1] != '/')
            buf_addc(&p, '/');
        buf_adds(&p, de->d_name);
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = buf_steal(&p);
    }
    closedir(d);
    /* Sorting full paths keeps "a/b" files together before "a.txt". */
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        add_path(l, names[i]);
        free(names[i]);
    }
    free(names);
}

static void add_path(input_list *l, const char *path)
{
    if (strcmp(path, "-") == 0) {
        add(l, path, NULL, 0, 0);
        return;
    }
    struct stat st;
    if (stat(path, &st) < 0) {
        buf e = BUF_INIT;
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            buf_printf(&e, "dangling symbolic link: %s", strerror(errno));
        else
            buf_printf(&e, "cannot open: %s", strerror(errno));
        add(l, path, e.data, 0, 1);
        buf_free(&e);
        return;
    }
    if (S_ISDIR(st.st_mode))
        add_dir(l, path);
    else if (S_ISREG(st.st_mode))
        add(l, path, NULL, (uint64_t)st.st_size, 1);
    else
        add(l, path, NULL, 0, 0); /* a FIFO or device: read it, size unknown */
}

void inputs_expand(input_list *l, const char *const *args, size_t nargs)
{
    memset(l, 0, sizeof *l);
    if (nargs == 0) {
        add(l, "-", NULL, 0, 0);
        return;
    }
    for (size_t i = 0; i < nargs; i++)
        add_path(l, args[i]);
}

void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->file[i].path);
        free(l->file[i].name);
        free(l->file[i].error);
    }
    free(l->file);
    memset(l, 0, sizeof *l);
}

char *inputs_text_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return xstrdup("<stdin>");
    size_t n = strlen(path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t b = (size_t)(base - path);
    if (n - b > 3 && strcmp(path + n - 3, ".gz") == 0)
        n -= 3;
    for (size_t i = n; i > b + 1; i--) /* a leading dot is a name, not an extension */
        if (path[i - 1] == '.') {
            n = i - 1;
            break;
        }
    return xstrndup(path, n);
}
