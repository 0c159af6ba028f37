/* output.c — standard output, or a file put in place once complete. */
#include "output.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Create the directories above PATH, as `mkdir -p $(dirname PATH)`. */
static int make_parents(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return -1;
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) < 0 && errno != EEXIST) {
            cli_error("%s: cannot create directory: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

int cli_out_open(cli_out *o, const char *path, int mkdirs)
{
    memset(o, 0, sizeof *o);
    if (!path || !strcmp(path, "-")) {
        o->f = stdout;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A FIFO or a device (-o /dev/stdout, a named pipe) is written
         * straight: renaming a file over it would replace the node. */
        o->f = fopen(path, "w");
        if (!o->f) {
            cli_error("%s: cannot write: %s", path, strerror(errno));
            return -1;
        }
        o->direct = 1;
        o->path = strdup(path); /* for messages; NULL says "<stdout>" */
        return 0;
    }
    if (mkdirs && make_parents(path) < 0)
        return -1;
    size_t n = strlen(path) + sizeof ".tmp-XXXXXX";
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp) {
        cli_error("out of memory");
        goto fail;
    }
    snprintf(o->tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        goto fail;
    }
    mode_t um = umask(0); /* mkstemp made it 0600: give it a new file's mode */
    umask(um);
    fchmod(fd, 0666 & ~um);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        goto fail;
    }
    return 0;
fail:
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return -1;
}

int cli_out_close(cli_out *o, int ok)
{
    int rc = 0;
    const char *name = o->path ? o->path : "<stdout>";
    if (!o->f)
        return -1;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        cli_error("%s: cannot write: %s", name, strerror(errno));
        ok = 0;
        rc = -1;
    }
    if (o->direct) {
        if (fclose(o->f) != 0 && rc == 0) {
            cli_error("%s: cannot write: %s", name, strerror(errno));
            rc = -1;
        }
    } else if (o->tmp) {
        if (fclose(o->f) != 0 && ok) {
            cli_error("%s: cannot write: %s", name, strerror(errno));
            ok = 0;
            rc = -1;
        }
        if (ok && rename(o->tmp, o->path) < 0) {
            cli_error("%s: cannot put in place: %s", name, strerror(errno));
            ok = 0;
            rc = -1;
        }
        if (!ok)
            unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return rc;
}
