/*
 * outfile.c — the output file that is whole or not there (see
 * spanpipe/outfile.h): the one place that makes temporary names, renames
 * them into place, cleans up after a killed run, and keeps the list of the
 * temporaries being written, for a signal handler to remove.
 */
#include "io/outfile.h"
#include "base/error_internal.h"
#include "io/overlap.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TMP_MARK ".tmp."
#define TMP_LETTERS 6

/* A temporary being written: its name in the folder DIRFD. */
typedef struct tmp_ref {
    int dirfd;      /* AT_FDCWD, or the folder outfile_open_in() opened */
    char *name;
} tmp_ref;

struct sp_outfile {
    int fd;
    int dirfd;      /* the folder NAME_AT is in: AT_FDCWD or our own */
    char *path;     /* the final name for messages, or NULL for standard output */
    const char *name_at; /* the final name relative to DIRFD (in PATH or TARGET) */
    char *target;   /* the file a link at PATH points to, or NULL */
    tmp_ref *tmp;   /* the temporary written until the rename, or NULL */
    _Atomic(tmp_ref *) *slot; /* where TMP is registered */
    const char *name;
    FILE *stream;   /* sp_outfile_stream's, or NULL */
    int failed;     /* a write failed: never committed */
};

/* ------------------------------------------------------- live temporaries */

/*
 * The temporaries being written, for sp_outfile_remove_temporaries(), which
 * runs in a signal handler: so no lock on its side, only atomic exchanges.
 * A slot holds a tmp_ref or NULL; whoever exchanges a tmp_ref out of its slot
 * owns it: the closer frees it, the handler removes the file and leaves the
 * memory (the process is about to die).  Chunks are never freed, so the
 * handler may walk them at any time; registering takes a lock so that two
 * writers never take the same free slot.
 */
#define SLOTS 64
typedef struct slot_chunk {
    _Atomic(tmp_ref *) slot[SLOTS];
    _Atomic(struct slot_chunk *) next;
} slot_chunk;

static slot_chunk live;
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;

static _Atomic(tmp_ref *) *live_add(tmp_ref *t)
{
    pthread_mutex_lock(&live_lock);
    slot_chunk *c = &live;
    for (;;) {
        for (size_t i = 0; i < SLOTS; i++)
            if (!atomic_load(&c->slot[i])) {
                atomic_store(&c->slot[i], t);
                pthread_mutex_unlock(&live_lock);
                return &c->slot[i];
            }
        slot_chunk *next = atomic_load(&c->next);
        if (!next) {
            next = xcalloc(1, sizeof *next);
            atomic_store(&c->next, next);
        }
        c = next;
    }
}

/* Take T back from its slot: 1 when it was still there (the caller owns
 * it), 0 when the signal handler took it. */
static int live_take(_Atomic(tmp_ref *) *slot)
{
    return atomic_exchange(slot, NULL) != NULL;
}

void sp_outfile_remove_temporaries(void)
{
    for (slot_chunk *c = &live; c; c = atomic_load(&c->next))
        for (size_t i = 0; i < SLOTS; i++) {
            tmp_ref *t = atomic_exchange(&c->slot[i], NULL);
            if (t)
                unlinkat(t->dirfd, t->name, 0);
        }
}

/* ------------------------------------------------------------- folders */

static int make_parents(const char *path, buf *err)
{
    char *p = xstrdup(path);
    /* p + 1 only within the string: "" has no byte after its end */
    for (char *s = *p ? strchr(p + 1, '/') : NULL; s; s = strchr(s + 1, '/')) {
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

/* ROOT/ + the first N bytes of REL, into B (no doubled '/'). */
static void join(buf *b, const char *root, const char *rel, size_t n)
{
    buf_adds(b, root);
    if (b->len && b->data[b->len - 1] != '/')
        buf_addc(b, '/');
    buf_add(b, rel, n);
}

/* A component that names no file of its own below its folder. */
static int not_a_name(const char *c, size_t n)
{
    return n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.');
}

int outfile_opendir_in(const char *root, const char *rel, int mkdirs, const char **base,
                       buf *err)
{
    buf b = BUF_INIT;
    join(&b, root, "", 0);
    if (mkdirs && make_parents(b.data, err) < 0) {
        buf_free(&b);
        return -1;
    }
    /* ROOT is the user's: a link there is theirs to make.  Below it, none. */
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && (mkdirs || errno != ENOENT))
        buf_printf(err, "%s: cannot open directory: %s", root, strerror(errno));
    const char *p = rel;
    for (const char *s; fd >= 0 && (s = strchr(p, '/')); p = s + 1) {
        size_t n = (size_t)(s - p);
        if (n == 0 || (n == 1 && *p == '.'))
            continue;
        buf_clear(&b);
        join(&b, root, rel, (size_t)(s - rel));
        int e = 0, sub = -1;
        if (n == 2 && p[0] == '.' && p[1] == '.')
            e = EXDEV;
        else {
            char *c = xstrndup(p, n);
            if (mkdirs && mkdirat(fd, c, 0777) < 0 && errno != EEXIST)
                e = errno;
            else if ((sub = openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
                e = errno;
            struct stat st; /* a link gives ENOTDIR or ELOOP: say which it is */
            if ((e == ENOTDIR || e == ELOOP) && fstatat(fd, c, &st, AT_SYMLINK_NOFOLLOW) == 0)
                e = S_ISLNK(st.st_mode) ? ELOOP : ENOTDIR;
            free(c);
        }
        close(fd);
        fd = sub;
        if (e == EXDEV || e == ELOOP)
            buf_printf(err, "%s: %s: outputs are written only inside %s", b.data,
                       e == ELOOP ? "a symbolic link, not followed" : "\"..\" is refused", root);
        else if (e && (mkdirs || e != ENOENT))
            buf_printf(err, "%s: cannot %s directory: %s", b.data,
                       mkdirs ? "create" : "open", strerror(e));
        errno = e;
    }
    buf_free(&b);
    if (fd >= 0 && base)
        *base = p;
    return fd;
}

/* ---------------------------------------------------------- the file */

/*
 * Create NAME_AT.tmp.XXXXXX in F's folder, close-on-exec, registered for
 * the signal handler before it exists (a signal in between leaves nothing).
 * Not mkostemp(): it makes the file 0600, and giving it a new file's mode
 * would take umask(), which is process-wide and so races with the other
 * threads; open() with 0666 applies the umask itself.
 */
static int create_tmp(sp_outfile *f, buf *err)
{
    static const char set[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    buf t = BUF_INIT;
    buf_printf(&t, "%s" TMP_MARK "XXXXXX", f->name_at);
    f->tmp = xmalloc(sizeof *f->tmp);
    f->tmp->dirfd = f->dirfd;
    f->tmp->name = t.data;
    f->slot = live_add(f->tmp);
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
        f->fd = openat(f->dirfd, t.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (f->fd >= 0 || errno != EEXIST)
            break;
    }
    if (f->fd < 0) {
        buf_printf(err, "%s: cannot create: %s", f->path, strerror(errno));
        return -1;
    }
    return 0;
}

/* Free F, its temporary unless the signal handler has it, and its folder. */
static void outfile_free(sp_outfile *f)
{
    int ours = 1;
    if (f->tmp && (ours = live_take(f->slot))) {
        free(f->tmp->name);
        free(f->tmp);
    }
    if (ours && f->dirfd >= 0)
        close(f->dirfd);
    free(f->path);
    free(f->target);
    free(f);
}

static sp_outfile *outfile_new(char *path, int dirfd, const char *name_at)
{
    sp_outfile *f = xcalloc(1, sizeof *f);
    f->fd = -1;
    f->path = path;
    f->name = path;
    f->dirfd = dirfd;
    f->name_at = name_at;
    return f;
}

/* An empty name names no file (and open("") is ENOENT, not EINVAL):
 * refused before it is looked at.  0, or -1 with errno and ERR. */
static int refuse_empty(const char *what, buf *err)
{
    if (*what)
        return 0;
    errno = EINVAL;
    buf_printf(err, "an empty file name: %s", strerror(EINVAL));
    return -1;
}

#define MAX_LINKS 40 /* as the kernel's MAXSYMLINKS */

/* Where the link at PATH, of ST, leads: a new name, relative to PATH's
 * folder unless absolute; NULL when it cannot be read. */
static char *link_target(const char *path, const struct stat *st)
{
    size_t cap = (size_t)st->st_size + 2;
    char *to = xmalloc(cap);
    ssize_t k = readlink(path, to, cap - 1);
    if (k < 0 || (size_t)k >= cap - 1) { /* changed under us */
        free(to);
        return NULL;
    }
    to[k] = '\0';
    const char *slash = strrchr(path, '/');
    buf d = BUF_INIT;
    if (to[0] != '/' && slash)
        buf_add(&d, path, (size_t)(slash - path) + 1);
    buf_adds(&d, to);
    free(to);
    return buf_steal(&d);
}

/*
 * The file a name the user gave stands for: PATH itself, or, when it is a
 * symbolic link, the file at the end of its links (which may not exist yet,
 * as `>` creates it), so that the link stays and its file is written, and
 * the temporary lies beside that file, on its file system.  Returns the
 * name (the caller's), or NULL with errno and ERR (a loop of links).
 */
static char *follow_links(const char *path, buf *err)
{
    char *cur = xstrdup(path);
    for (int n = 0; cur && n <= MAX_LINKS; n++) {
        struct stat st;
        if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode))
            return cur;
        char *next = link_target(cur, &st);
        free(cur);
        cur = next;
    }
    free(cur);
    buf_printf(err, "%s: cannot follow: %s", path, strerror(ELOOP));
    errno = ELOOP;
    return NULL;
}

sp_outfile *outfile_open(const char *path, unsigned flags, buf *err)
{
    if (!path || strcmp(path, "-") == 0) {
        sp_outfile *f = outfile_new(NULL, AT_FDCWD, NULL);
        f->fd = STDOUT_FILENO;
        f->name = "<stdout>";
        return f;
    }
    char *target;
    if (refuse_empty(path, err) < 0 || !(target = follow_links(path, err)))
        return NULL;
    sp_outfile *f = outfile_new(xstrdup(path), AT_FDCWD, NULL);
    f->target = target;
    f->name_at = target;
    struct stat st;
    if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
        f->fd = open(target, O_WRONLY | O_CLOEXEC);
        if (f->fd < 0)
            buf_printf(err, "%s: cannot open: %s", path, strerror(errno));
    } else if (!(flags & SP_OUTFILE_MKDIRS) || make_parents(target, err) == 0)
        create_tmp(f, err);
    if (f->fd < 0) {
        outfile_free(f);
        return NULL;
    }
    return f;
}

sp_outfile *outfile_open_in(const char *dir, const char *rel, unsigned flags, buf *err)
{
    const char *base;
    if (refuse_empty(dir, err) < 0 || refuse_empty(rel, err) < 0)
        return NULL;
    int dfd = outfile_opendir_in(dir, rel, !!(flags & SP_OUTFILE_MKDIRS), &base, err);
    if (dfd < 0)
        return NULL;
    buf b = BUF_INIT;
    join(&b, dir, rel, strlen(rel));
    sp_outfile *f = outfile_new(buf_steal(&b), dfd, NULL);
    f->name_at = f->path + strlen(f->path) - strlen(base);
    struct stat st;
    if (not_a_name(base, strlen(base)))
        buf_printf(err, "%s: not a file name", f->path);
    else if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
        buf_printf(err, "%s: cannot create: a directory is there", f->path);
    else
        create_tmp(f, err);
    if (f->fd < 0) {
        outfile_free(f);
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

/* PATH's folder ("." when it names none), for open(). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
}

/* Make F's new name in its folder durable: without it, a crash after the
 * rename may leave the folder as it was.  0, or -1 with errno (EINVAL, a
 * file system that cannot sync a folder, is not a failure). */
static int sync_dir(const sp_outfile *f)
{
    int fd = f->dirfd;
    if (fd == AT_FDCWD) {
        char *dir = dir_of(f->name_at);
        fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        free(dir);
        if (fd < 0)
            return -1;
    }
    int rc = fsync(fd) < 0 && errno != EINVAL ? -1 : 0;
    if (fd != f->dirfd) {
        int e = errno;
        close(fd);
        errno = e;
    }
    return rc;
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
    if (commit && renameat(f->dirfd, f->tmp->name, f->dirfd, f->name_at) < 0) {
        rc = fail(err, f, "cannot rename into place");
        commit = 0;
    } else if (commit && sync_dir(f) < 0) {
        /* in place, but a crash now may lose the new name: the caller must
         * not report the output safe */
        rc = fail(err, f, "cannot sync its directory");
    }
    if (!commit)
        unlinkat(f->dirfd, f->tmp->name, 0);
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
    outfile_free(f);
    return rc;
}

void outfile_clean_at(int dirfd, int (*ours)(void *ctx, const char *name, size_t n),
                      void *ctx)
{
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d && fd >= 0)
        close(fd);
    size_t tail = strlen(TMP_MARK) + TMP_LETTERS;
    for (struct dirent *de; d && (de = readdir(d));) {
        size_t n = strlen(de->d_name);
        if (n > tail && !strncmp(de->d_name + n - tail, TMP_MARK, strlen(TMP_MARK)) &&
            ours(ctx, de->d_name, n - tail))
            unlinkat(dirfd, de->d_name, 0);
    }
    if (d)
        closedir(d);
}

static int is_base(void *ctx, const char *name, size_t n)
{
    const char *base = ctx;
    return strlen(base) == n && !memcmp(name, base, n);
}

void outfile_clean(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = dir_of(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        outfile_clean_at(fd, is_base, (void *)(slash ? slash + 1 : path));
        close(fd);
    }
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

sp_outfile *sp_outfile_open_in(const char *dir, const char *rel, unsigned flags,
                               sp_error *err)
{
    buf scratch = BUF_INIT;
    sp_outfile *f = outfile_open_in(dir, rel, flags, msg_of(err, &scratch));
    mark(err, f ? 0 : -1);
    buf_free(&scratch);
    return f;
}

int sp_outfile_check_inputs(const char *path, const char *const *inputs, size_t n,
                            sp_error *err)
{
    buf scratch = BUF_INIT;
    buf *msg = msg_of(err, &scratch);
    overlap o;
    overlap_init(&o, inputs, n);
    int rc = overlap_file(&o, path, msg) < 0 || overlap_below(&o, path, msg) < 0 ? -1 : 0;
    overlap_free(&o);
    mark(err, rc);
    buf_free(&scratch);
    return rc;
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
