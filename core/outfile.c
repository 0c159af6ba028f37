/*
 * outfile.c — the output file that is whole or not there (see
 * spanpipe/outfile.h): the one place that makes temporary names, renames
 * them into place and cleans up after a killed run.
 */
#include "outfile.h"
#include "error_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TMP_MARK ".tmp."
#define TMP_LETTERS 6

struct sp_outfile {
    int fd;
    char *path;     /* the final name, or NULL for standard output */
    char *tmp;      /* the temporary written until the rename, or NULL */
    const char *name;
    FILE *stream;   /* sp_outfile_stream's, or NULL */
    int failed;     /* a write failed: never committed */
};

static int make_parents(const char *path, buf *err)
{
    char *p = xstrdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) < 0 && errno != EEXIST) {
            buf_printf(err, "%s: cannot create directory: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

/*
 * Create PATH.tmp.XXXXXX, close-on-exec.  Not mkostemp(): it makes the file
 * 0600, and giving it a new file's mode would take umask(), which is
 * process-wide and so races with the other threads; open() with 0666
 * applies the umask itself.
 */
static int create_tmp(sp_outfile *f, buf *err)
{
    static const char set[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    buf t = BUF_INIT;
    buf_printf(&t, "%s" TMP_MARK "XXXXXX", f->path);
    char *x = t.data + t.len - TMP_LETTERS;
    for (int tries = 0; tries < 100; tries++) {
        unsigned char r[TMP_LETTERS];
        if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
            unsigned long v = (unsigned long)time(NULL) ^ (unsigned long)getpid() * 2654435761u ^
                              (unsigned long)tries * 40503u ^ (unsigned long)clock();
            for (int i = 0; i < TMP_LETTERS; i++, v /= 62)
                r[i] = (unsigned char)v;
        }
        for (int i = 0; i < TMP_LETTERS; i++)
            x[i] = set[r[i] % (sizeof set - 1)];
        f->fd = open(t.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (f->fd >= 0 || errno != EEXIST)
            break;
    }
    if (f->fd < 0) {
        buf_printf(err, "%s: cannot create: %s", f->path, strerror(errno));
        buf_free(&t);
        return -1;
    }
    f->tmp = buf_steal(&t);
    return 0;
}

sp_outfile *outfile_open(const char *path, unsigned flags, buf *err)
{
    sp_outfile *f = xcalloc(1, sizeof *f);
    f->fd = -1;
    if (!path || strcmp(path, "-") == 0) {
        f->fd = STDOUT_FILENO;
        f->name = "<stdout>";
        return f;
    }
    f->path = xstrdup(path);
    f->name = f->path;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        f->fd = open(path, O_WRONLY | O_CLOEXEC);
        if (f->fd < 0)
            buf_printf(err, "%s: cannot open: %s", path, strerror(errno));
    } else if (!(flags & SP_OUTFILE_MKDIRS) || make_parents(path, err) == 0)
        create_tmp(f, err);
    if (f->fd < 0) {
        free(f->path);
        free(f);
        return NULL;
    }
    return f;
}

int outfile_write(sp_outfile *f, const void *p, size_t n, buf *err)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(f->fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            buf_printf(err, "%s: write error: %s", f->name, strerror(errno));
            f->failed = 1;
            return -1;
        }
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

static int fail(buf *err, const sp_outfile *f, const char *what)
{
    buf_printf(err, "%s: %s: %s", f->name, what, strerror(errno));
    return -1;
}

/* Close F's descriptor (its stream's, if it has one); standard output
 * stays open.  0, or -1 with errno. */
static int close_fd(sp_outfile *f)
{
    if (!f->path)
        return 0;
    return f->stream ? fclose(f->stream) : close(f->fd);
}

/* Put the temporary in place, with COMMIT and no failure so far; otherwise
 * remove it.  Returns 0, or -1 with ERR. */
static int finish_tmp(sp_outfile *f, int commit, buf *err)
{
    int rc = 0;
    commit = commit && !f->failed;
    if (commit && fsync(f->fd) < 0 && errno != EINVAL) {
        rc = fail(err, f, "write error");
        commit = 0;
    }
    if (close_fd(f) != 0 && commit) {
        rc = fail(err, f, "write error");
        commit = 0;
    }
    if (commit && rename(f->tmp, f->path) < 0) {
        rc = fail(err, f, "cannot rename into place");
        commit = 0;
    }
    if (!commit)
        unlink(f->tmp);
    return rc;
}

int outfile_close(sp_outfile *f, int commit, buf *err)
{
    if (!f)
        return 0;
    int rc = 0;
    /* What failed in a stream shows only now: it is said even when the file
     * is dropped, as nobody else can say it. */
    if (f->stream && (fflush(f->stream) != 0 || ferror(f->stream))) {
        rc = fail(err, f, "write error");
        f->failed = 1;
    }
    if (f->tmp) {
        if (finish_tmp(f, commit, err) < 0) /* says nothing after a failure */
            rc = -1;
    } else if (close_fd(f) != 0 && rc == 0) {
        rc = fail(err, f, "write error"); /* written straight: errors count */
    }
    free(f->tmp);
    free(f->path);
    free(f);
    return rc;
}

void outfile_clean(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    const char *base = slash ? slash + 1 : path;
    size_t blen = strlen(base), mlen = strlen(TMP_MARK);
    DIR *d = opendir(dir);
    for (struct dirent *de; d && (de = readdir(d));) {
        if (strncmp(de->d_name, base, blen) == 0 &&
            strncmp(de->d_name + blen, TMP_MARK, mlen) == 0 &&
            strlen(de->d_name + blen + mlen) == TMP_LETTERS) {
            buf p = BUF_INIT;
            buf_printf(&p, "%s/%s", dir, de->d_name);
            unlink(p.data);
            buf_free(&p);
        }
    }
    if (d)
        closedir(d);
    free(dir);
}

/* ---------------------------------------------------------------- public */

/* ERR's buffer for a core function to append to, emptied first. */
static buf *msg_of(sp_error *err, buf *scratch)
{
    if (!err)
        return scratch;
    spi_error_reset(err);
    return &err->msg;
}

static void mark(sp_error *err, int rc)
{
    if (err && rc < 0)
        err->set = 1;
}

sp_outfile *sp_outfile_open(const char *path, unsigned flags, sp_error *err)
{
    buf scratch = BUF_INIT;
    sp_outfile *f = outfile_open(path, flags, msg_of(err, &scratch));
    mark(err, f ? 0 : -1);
    buf_free(&scratch);
    return f;
}

const char *sp_outfile_name(const sp_outfile *f)
{
    return f->name;
}

int sp_outfile_is_stream(const sp_outfile *f)
{
    return f->tmp == NULL;
}

int sp_outfile_write(sp_outfile *f, const void *p, size_t n, sp_error *err)
{
    buf scratch = BUF_INIT;
    int rc = outfile_write(f, p, n, msg_of(err, &scratch));
    mark(err, rc);
    buf_free(&scratch);
    return rc;
}

FILE *sp_outfile_stream(sp_outfile *f)
{
    if (!f->stream)
        f->stream = f->path ? fdopen(f->fd, "w") : stdout;
    return f->stream;
}

int sp_outfile_close(sp_outfile *f, int commit, sp_error *err)
{
    buf scratch = BUF_INIT;
    int rc = outfile_close(f, commit, msg_of(err, &scratch));
    mark(err, rc);
    buf_free(&scratch);
    return rc;
}
