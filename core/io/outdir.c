/* outdir.c — outputs mirroring inputs under -O DIR (see outdir.h). */
#include "io/outdir.h"
#include "io/outfile.h"
#include "io/pack.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* REL with its extension replaced by .jsonl, keeping a final .gz, .zst or
 * .xz (compressed in, compressed out; bzip2 is read, not written). */
static char *mapped(const char *dir, const char *rel)
{
    size_t n = strlen(rel);
    const char *packed = NULL;
    static const char *const exts[] = { ".gz", ".zst", ".xz", ".bz2" };
    for (size_t k = 0; k < sizeof exts / sizeof *exts; k++) {
        size_t e = strlen(exts[k]);
        if (n > e && strcmp(rel + n - e, exts[k]) == 0) {
            packed = pack_kind_of_name(rel) != PACK_NONE ? exts[k] : "";
            n -= e;
            break;
        }
    }
    const char *slash = memrchr(rel, '/', n);
    size_t base = slash ? (size_t)(slash - rel) + 1 : 0;
    for (size_t i = n; i > base + 1; i--) /* a leading dot names, it does not extend */
        if (rel[i - 1] == '.') {
            n = i - 1;
            break;
        }
    buf b = BUF_INIT;
    buf_adds(&b, dir);
    if (b.len && b.data[b.len - 1] != '/')
        buf_addc(&b, '/');
    buf_add(&b, rel, n);
    buf_adds(&b, ".jsonl");
    if (packed)
        buf_adds(&b, packed);
    return buf_steal(&b);
}

char *outdir_name(const char *dir, const char *rel)
{
    return mapped(dir, rel);
}

typedef struct named {
    const char *name;
    size_t i;
} named;

static int cmp_named(const void *a, const void *b)
{
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

int outdir_names(const input_list *l, const char *dir, char ***out, buf *err)
{
    char **names = xcalloc(l->n ? l->n : 1, sizeof *names);
    for (size_t i = 0; i < l->n; i++) {
        if (!l->file[i].rel) {
            buf_adds(err, "-O writes one output per input file: standard input has no "
                          "name to give its output (use -o)");
            outdir_free(names, i);
            return -1;
        }
        names[i] = mapped(dir, l->file[i].rel);
    }
    /* Two inputs must not write the same file ("a.txt" and "a.jsonl"). */
    named *idx = xmalloc((l->n ? l->n : 1) * sizeof *idx);
    for (size_t i = 0; i < l->n; i++)
        idx[i] = (named){ names[i], i };
    if (l->n > 1)
        qsort(idx, l->n, sizeof *idx, cmp_named);
    for (size_t i = 1; i < l->n; i++)
        if (strcmp(idx[i].name, idx[i - 1].name) == 0) {
            buf_printf(err, "%s and %s would both be written to %s; rename one",
                       l->file[idx[i - 1].i].name, l->file[idx[i].i].name, idx[i].name);
            free(idx);
            outdir_free(names, l->n);
            return -1;
        }
    free(idx);
    *out = names;
    return 0;
}

void outdir_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

size_t outdir_rel_at(const char *dir)
{
    size_t n = strlen(dir);
    return n && dir[n - 1] != '/' ? n + 1 : n;
}

int outdir_done(const char *dir, const char *name)
{
    const char *base;
    buf scratch = BUF_INIT; /* not there, or not ours: not done, nothing to say */
    int fd = outfile_opendir_in(dir, name + outdir_rel_at(dir), 0, &base, &scratch);
    buf_free(&scratch);
    if (fd < 0)
        return 0;
    struct stat st;
    int done = fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
               st.st_nlink == 1;
    close(fd);
    return done;
}
