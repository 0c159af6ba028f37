/* inputs.c — expanding arguments into input files (see inputs.h). */
#include "io/inputs.h"
#include "base/buf.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void add(input_list *l, const char *path, const char *rel, const char *error,
                uint64_t size, int size_known)
{
    l->file = xgrow(l->file, &l->cap, l->n + 1, sizeof *l->file);
    input_file *f = &l->file[l->n++];
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    f->rel = rel ? xstrdup(rel) : NULL;
    f->name = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    f->error = error ? xstrdup(error) : NULL;
    f->size = size;
    l->total += size;
    if (!size_known)
        l->size_unknown = 1;
}

/* A file found under a directory, with why it cannot be read (or NULL). */
typedef struct found {
    char *path;
    char *error;
    uint64_t size;
    int size_known;
} found;

typedef struct found_list {
    found *f;
    size_t n, cap;
} found_list;

static void push_found(found_list *fl, char *path, const char *error, uint64_t size,
                       int size_known)
{
    fl->f = xgrow(fl->f, &fl->cap, fl->n + 1, sizeof *fl->f);
    fl->f[fl->n++] = (found){ path, error ? xstrdup(error) : NULL, size, size_known };
}

/* Why PATH cannot be opened, after stat() failed with errno. */
static char *stat_error(const char *path)
{
    int e = errno;
    buf b = BUF_INIT;
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        buf_printf(&b, "dangling symbolic link: %s", strerror(e));
    else
        buf_printf(&b, "cannot open: %s", strerror(e));
    return buf_steal(&b);
}

/* Directories already walked, by device and inode: a symbolic link back up
 * the tree (ln -s . self) must not make the walk go round forever. */
typedef struct seen_dirs {
    dev_t *dev;
    ino_t *ino;
    size_t n, cap_dev, cap_ino;
} seen_dirs;

static int seen_before(seen_dirs *s, const struct stat *st)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->dev[i] == st->st_dev && s->ino[i] == st->st_ino)
            return 1;
    s->dev = xgrow(s->dev, &s->cap_dev, s->n + 1, sizeof *s->dev);
    s->ino = xgrow(s->ino, &s->cap_ino, s->n + 1, sizeof *s->ino);
    s->dev[s->n] = st->st_dev;
    s->ino[s->n++] = st->st_ino;
    return 0;
}

/* Every file under DIR, recursively, in no particular order yet. */
static void walk(found_list *fl, seen_dirs *seen, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        buf e = BUF_INIT;
        buf_printf(&e, "cannot read directory: %s", strerror(errno));
        push_found(fl, xstrdup(dir), e.data, 0, 1);
        buf_free(&e);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        buf p = BUF_INIT;
        buf_adds(&p, dir);
        if (p.len && p.data[p.len - 1] != '/')
            buf_addc(&p, '/');
        buf_adds(&p, de->d_name);
        struct stat st;
        if (stat(p.data, &st) < 0) {
            char *why = stat_error(p.data);
            push_found(fl, buf_steal(&p), why, 0, 1);
            free(why);
        } else if (S_ISDIR(st.st_mode)) {
            if (!seen_before(seen, &st))
                walk(fl, seen, p.data);
            buf_free(&p);
        } else if (S_ISREG(st.st_mode)) {
            push_found(fl, buf_steal(&p), NULL, (uint64_t)st.st_size, 1);
        } else {
            buf_free(&p); /* sockets, FIFOs, devices inside a corpus: not documents */
        }
    }
    closedir(d);
}

static int cmp_found(const void *a, const void *b)
{
    return strcmp(((const found *)a)->path, ((const found *)b)->path);
}

static void add_path(input_list *l, const char *path)
{
    if (strcmp(path, "-") == 0) {
        add(l, path, NULL, NULL, 0, 0);
        return;
    }
    /* Where the file's output goes under -O: its name, for a file named on the
     * command line; its path below the directory, for one found under it. */
    const char *base = strrchr(path, '/');
    base = base && base[1] ? base + 1 : path;
    struct stat st;
    if (stat(path, &st) < 0) {
        char *why = stat_error(path);
        add(l, path, base, why, 0, 1);
        free(why);
    } else if (S_ISDIR(st.st_mode)) {
        /* Sorted as whole paths, as `find DIR -type f | LC_ALL=C sort` lists them. */
        found_list fl = { NULL, 0, 0 };
        seen_dirs seen = { 0 };
        seen_before(&seen, &st);
        walk(&fl, &seen, path);
        free(seen.dev);
        free(seen.ino);
        if (fl.n > 1)
            qsort(fl.f, fl.n, sizeof *fl.f, cmp_found);
        size_t skip = strlen(path);
        for (size_t i = 0; i < fl.n; i++) {
            const char *rel = fl.f[i].path + skip;
            while (*rel == '/')
                rel++;
            add(l, fl.f[i].path, rel, fl.f[i].error, fl.f[i].size, fl.f[i].size_known);
            free(fl.f[i].path);
            free(fl.f[i].error);
        }
        free(fl.f);
    } else if (S_ISREG(st.st_mode)) {
        add(l, path, base, NULL, (uint64_t)st.st_size, 1);
    } else {
        add(l, path, base, NULL, 0, 0); /* a FIFO or device named on purpose: read it */
    }
}

void inputs_expand(input_list *l, const char *const *args, size_t nargs)
{
    memset(l, 0, sizeof *l);
    if (nargs == 0) {
        add(l, "-", NULL, NULL, 0, 0);
        return;
    }
    for (size_t i = 0; i < nargs; i++)
        add_path(l, args[i]);
}

static void file_free(input_file *f)
{
    free(f->path);
    free(f->name);
    free(f->rel);
    free(f->error);
    free(f->out);
}

void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        file_free(&l->file[i]);
    for (size_t i = 0; i < l->nmember; i++) {
        file_free(l->member[i]);
        free(l->member[i]);
    }
    free(l->file);
    free(l->member);
    memset(l, 0, sizeof *l);
}

/* The length of PATH without a compression extension and then one more. */
static size_t stem_len(const char *path)
{
    static const char *const packed[] = { ".gz", ".zst", ".xz", ".bz2" };
    size_t n = strlen(path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t b = (size_t)(base - path);
    for (size_t k = 0; k < sizeof packed / sizeof *packed; k++) {
        size_t e = strlen(packed[k]);
        if (n - b > e && strcmp(path + n - e, packed[k]) == 0) {
            n -= e;
            break;
        }
    }
    for (size_t i = n; i > b + 1; i--) /* a leading dot is a name, not an extension */
        if (path[i - 1] == '.')
            return i - 1;
    return n;
}

char *inputs_text_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return xstrdup("<stdin>");
    return xstrndup(path, stem_len(path));
}

char *inputs_line_id(const input_file *in, unsigned long line)
{
    buf b = BUF_INIT;
    buf_printf(&b, "%s:%lu", in->archive ? in->path : in->name, line);
    return buf_steal(&b);
}

/* What comes before a member's name in its path: the archive's path as a
 * folder ("corpus/" for "corpus.tar.gz"), nothing for standard input. */
static void folder_of(buf *b, const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return;
    buf_add(b, path, stem_len(path));
    buf_addc(b, '/');
}

input_file *inputs_add_member(input_list *l, const input_file *archive, const char *member,
                              uint64_t size)
{
    input_file *f = xcalloc(1, sizeof *f);
    buf b = BUF_INIT;
    folder_of(&b, archive->path);
    buf_adds(&b, member);
    f->path = buf_steal(&b);
    if (archive->rel) {
        folder_of(&b, archive->rel);
        buf_adds(&b, member);
        f->rel = buf_steal(&b);
    }
    buf_printf(&b, "%s(%s)", archive->name, member);
    f->name = buf_steal(&b);
    f->size = size;
    f->archive = archive;
    l->member = xgrow(l->member, &l->cap_member, l->nmember + 1, sizeof *l->member);
    l->member[l->nmember++] = f;
    return f;
}
