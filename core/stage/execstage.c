/*
 * execstage.c — the built-in `exec` stage: a stage that is a child process
 * speaking JSON Lines (see execstage.h).  It is an ordinary descriptor: it
 * reads and adds spans through spanpipe/document.h, and the core's codec
 * (docwrite.h, docread.h) only turns documents into lines and back.
 */
#include "stage/execstage.h"
#include "base/buf.h"
#include "doc/docread.h"
#include "doc/docwrite.h"
#include "stage/childgroups.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* How much of a child's standard error is kept, its end, for messages. */
#define ERR_TAIL 600

typedef struct child {
    pid_t pid;           /* also its process group's id */
    int to;              /* its standard input */
    int from;            /* its standard output */
    int err;             /* its standard error, drained into `tail` as it
                            comes; -1 once it is closed */
    char tail[ERR_TAIL]; /* the last bytes of its standard error, a ring */
    size_t tail_len;     /* how many are kept (at most ERR_TAIL) */
    size_t tail_at;      /* where the next byte goes */
    buf pending;         /* bytes read past the last line */
    size_t scanned;      /* of which the first this many hold no newline */
    struct child *next;
} child;

typedef struct exec_state {
    char *command;
    int timeout_ms;               /* per document */
    int handshake_ms;             /* for the handshake line */
    size_t max_answer;            /* bytes of one answer line */
    int handshake;                /* each child starts with a handshake line */
    char **requires, **produces;  /* NULL-terminated, owned */
    char *name, *version;         /* from the handshake, or NULL */
    json_t *hello;                /* the first copy's handshake, which every
                                     later copy must repeat; read only */
    char *hello_line;             /* the same as compact JSON, for messages */
    pthread_mutex_t mu;
    child *idle;                  /* children waiting for a document */
} exec_state;

/* ---------------------------------------------------------------- children */

/* Read what the child wrote to its standard error into its tail, without
 * waiting; at most a few reads, so that a child that writes without end
 * cannot keep us here. */
static void drain_stderr(child *c)
{
    char chunk[4096];
    for (int i = 0; i < 64 && c->err >= 0; i++) {
        ssize_t got = read(c->err, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (got == 0 || errno != EAGAIN) {
                close(c->err); /* closed (or broken): nothing more to come */
                c->err = -1;
            }
            return;
        }
        /* only the last ERR_TAIL bytes of a read can be kept */
        size_t n = (size_t)got, from = n > ERR_TAIL ? n - ERR_TAIL : 0;
        for (size_t k = from; k < n; k++) {
            c->tail[c->tail_at] = chunk[k];
            c->tail_at = (c->tail_at + 1) % ERR_TAIL;
        }
        c->tail_len = c->tail_len + (n - from) > ERR_TAIL ? ERR_TAIL : c->tail_len + (n - from);
    }
}

/* The end of its standard error, on one line, for a message. */
static void stderr_tail(child *c, buf *out)
{
    drain_stderr(c);
    if (c->tail_len == 0)
        return;
    buf_adds(out, "; its standard error ends: \"");
    size_t first = (c->tail_at + ERR_TAIL - c->tail_len) % ERR_TAIL;
    for (size_t i = 0; i < c->tail_len; i++) {
        unsigned char ch = (unsigned char)c->tail[(first + i) % ERR_TAIL];
        if (ch == '\n' && i == c->tail_len - 1)
            break;
        buf_addc(out, ch == '\n' ? '|' : ch < 0x20 ? ' ' : (char)ch);
    }
    buf_addc(out, '"');
}

static void pause_10ms(void)
{
    struct timespec ts = { 0, 10 * 1000 * 1000 };
    nanosleep(&ts, NULL);
}

/*
 * End the child's process group and reap its leader: wait up to WAIT_MS for
 * the leader to exit by itself, then SIGKILL the whole group, whatever it
 * started included (the leader, not yet reaped, keeps the group's id from
 * being reused meanwhile).  Returns 1 when the leader had exited by itself,
 * its status in *STATUS; 0 when it was killed.
 */
static int child_end(child *c, int wait_ms, int *status)
{
    siginfo_t si;
    int exited = 0;
    for (int waited = 0;; waited += 10) {
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)c->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid) {
            exited = 1;
            break;
        }
        if (waited >= wait_ms)
            break;
        pause_10ms();
    }
    kill(-c->pid, SIGKILL);
    int st = 0;
    while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
        ;
    childgroups_remove(c->pid);
    c->pid = 0;
    if (status)
        *status = st;
    return exited;
}

static void child_free(child *c, int kill_it)
{
    if (!c)
        return;
    if (c->to >= 0)
        close(c->to); /* end of input: a well-behaved child exits */
    if (c->pid > 0)
        child_end(c, kill_it ? 0 : 1000, NULL); /* a second to finish, then insist */
    if (c->from >= 0)
        close(c->from);
    if (c->err >= 0)
        close(c->err);
    buf_free(&c->pending);
    free(c);
}

static void nonblocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static child *child_start(const exec_state *st, buf *err)
{
    int in[2] = { -1, -1 }, out[2] = { -1, -1 }, errp[2] = { -1, -1 };
    child *c = xcalloc(1, sizeof *c);
    c->to = c->from = c->err = -1;
    /* O_CLOEXEC: not inherited by later children */
    if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 ||
        pipe2(errp, O_CLOEXEC) < 0) {
        buf_printf(err, "cannot start '%s': %s", st->command, strerror(errno));
        goto fail;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    /* its own process group, so that what it starts can be stopped with it;
     * and the signals as a shell would give them, none blocked and each at
     * its default: it would otherwise inherit the mask of whichever thread
     * starts it (a library's, a caller's) and what the program ignores, such
     * as the CLI's SIGPIPE (`yes | head -1` would then complain of EPIPE,
     * not just stop) */
    posix_spawnattr_t attr;
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    char *argv[] = { "sh", "-c", st->command, NULL };
    int rc = posix_spawn(&c->pid, "/bin/sh", &fa, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        c->pid = 0;
        buf_printf(err, "cannot start '%s': %s", st->command, strerror(rc));
        goto fail;
    }
    childgroups_add(c->pid);
    close(in[0]);
    close(out[1]);
    close(errp[1]);
    c->to = in[1];
    c->from = out[0];
    c->err = errp[0];
    nonblocking(c->to);
    nonblocking(c->from);
    nonblocking(c->err);
    return c;
fail:
    for (int i = 0; i < 2; i++) {
        if (in[i] >= 0)
            close(in[i]);
        if (out[i] >= 0)
            close(out[i]);
        if (errp[i] >= 0)
            close(errp[i]);
    }
    child_free(c, 1);
    return NULL;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Why the child stopped answering, after EOF on its output or a failed
 * write: it has exited, or is about to (it gets a second, not forever). */
static void child_gone(child *c, const char *command, buf *err)
{
    int status = 0;
    if (child_end(c, 1000, &status)) {
        if (WIFEXITED(status))
            buf_printf(err, "'%s' exited with status %d", command, WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            buf_printf(err, "'%s' was killed by signal %d", command, WTERMSIG(status));
    } else
        buf_printf(err, "'%s' closed its output", command);
    stderr_tail(c, err);
}

#define HANDSHAKE_HINT "did it print its handshake line? see docs/writing-plugins.md §6"
#define FLUSH_HINT "did the stage flush its output?"
#define STDOUT_HINT "standard output is the protocol channel: print to standard error"

/* What exchange() returns when the child let TIMEOUT_MS pass: the caller
 * says what it was waiting for. */
#define TIMED_OUT (-2)

/* Move the line that ends at pending[K] (the newline) into LINE, and what
 * follows it to the front of PENDING. */
static void take_line(child *c, size_t k, buf *line)
{
    if (k + 1 == c->pending.len) {
        /* the usual case, the answer and nothing after it: hand the buffer
         * over rather than copy what may be hundreds of megabytes */
        buf t = *line;
        *line = c->pending;
        line->len = k;
        line->data[k] = '\0';
        c->pending = t;
        buf_clear(&c->pending);
    } else {
        buf_add(line, c->pending.data, k);
        memmove(c->pending.data, c->pending.data + k + 1, c->pending.len - k - 1);
        c->pending.len -= k + 1;
    }
    c->scanned = 0;
}

/* Read what the child has written to its standard output.  Returns 0, or
 * -1 with what went wrong in ERR. */
static int read_answer(const exec_state *st, child *c, buf *err)
{
    /* read into all the room there is: an answer of hundreds of megabytes
     * in 64 KiB reads would cost a poll and a read per 64 KiB */
    size_t room = c->pending.cap - c->pending.len;
    if (room < 65536 + 1)
        buf_reserve(&c->pending, 65536);
    room = c->pending.cap - c->pending.len - 1;
    ssize_t got = read(c->from, c->pending.data + c->pending.len, room);
    if (got > 0) {
        c->pending.len += (size_t)got;
        return 0;
    }
    if (got == 0) {
        child_gone(c, st->command, err);
        return -1;
    }
    if (errno == EAGAIN || errno == EINTR)
        return 0;
    buf_printf(err, "reading from '%s': %s", st->command, strerror(errno));
    return -1;
}

/*
 * Write SEND (NULL: nothing) and read one line back into LINE, both at once
 * so neither pipe can fill up and stall the other side, within TIMEOUT_MS;
 * its standard error is drained meanwhile.  SEND is freed as soon as it is
 * written: a document of hundreds of megabytes need not be held three
 * times over (as sent, as answered, as decoded).  Returns 0; TIMED_OUT; or
 * -1 with what went wrong in ERR (the child is then not to be used again,
 * nor after TIMED_OUT).
 */
static int exchange(const exec_state *st, child *c, buf *send, int timeout_ms, buf *line,
                    buf *err)
{
    long deadline = now_ms() + timeout_ms;
    size_t sent = 0, n = send ? send->len : 0;
    buf_clear(line);
    /* room for the answer at once, as it holds about what was sent (a
     * copy of the text at least), rather than grown while it arrives */
    if (n > 65536)
        buf_reserve(&c->pending, n + n / 8 < st->max_answer ? n + n / 8 : st->max_answer);
    for (;;) {
        /* only the bytes not searched before: the answer arrives in many
         * reads, and searching it whole after each was quadratic */
        char *nl = c->pending.len > c->scanned
                       ? memchr(c->pending.data + c->scanned, '\n',
                                c->pending.len - c->scanned)
                       : NULL;
        c->scanned = nl ? (size_t)(nl - c->pending.data) : c->pending.len;
        if (nl && sent == n) {
            take_line(c, (size_t)(nl - c->pending.data), line);
            return 0;
        }
        if (!nl && c->pending.len > st->max_answer) {
            buf_printf(err, "'%s' answered more than %zu MiB without ending its line "
                       "(max-answer=%zu)", st->command, st->max_answer >> 20,
                       st->max_answer >> 20);
            stderr_tail(c, err);
            return -1;
        }
        long left = deadline - now_ms();
        if (left <= 0)
            return TIMED_OUT;
        struct pollfd pf[3] = { { c->from, POLLIN, 0 }, { c->err, POLLIN, 0 },
                                { sent < n ? c->to : -1, POLLOUT, 0 } };
        int r = poll(pf, 3, left > 1000000 ? 1000000 : (int)left);
        if (r < 0 && errno != EINTR) {
            buf_printf(err, "poll: %s", strerror(errno));
            return -1;
        }
        if (r <= 0)
            continue;
        if (pf[1].revents)
            drain_stderr(c);
        if (pf[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
            ssize_t w = write(c->to, send->data + sent, n - sent);
            if (w > 0 && (sent += (size_t)w) == n)
                buf_free(send);
            else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                child_gone(c, st->command, err);
                return -1;
            }
        }
        if ((pf[0].revents & (POLLIN | POLLHUP | POLLERR)) && read_answer(st, c, err) < 0)
            return -1;
    }
}

/*
 * Start a child and, when the command declares its layers itself, read its
 * handshake line into HELLO: every copy of the command says it first.
 */
static child *child_new(const exec_state *st, buf *hello, buf *err)
{
    child *c = child_start(st, err);
    if (!c || !st->handshake)
        return c;
    int rc = exchange(st, c, NULL, st->handshake_ms, hello, err);
    if (rc == TIMED_OUT) {
        buf_printf(err, "'%s' said nothing within %d s of starting (handshake-timeout): "
                   HANDSHAKE_HINT, st->command, st->handshake_ms / 1000);
        stderr_tail(c, err);
    } else if (rc < 0)
        buf_adds(err, " (waiting for its handshake line)");
    if (rc < 0) {
        child_free(c, 1);
        return NULL;
    }
    return c;
}

/* The handshake keys that make the stage: every copy must say the same. */
static const char *const hello_keys[] = { "name", "version", "requires", "produces" };

/* Whether the handshake line HELLO of a later copy says what the first
 * copy's said; else a message in ERR.  The layers were checked and the
 * chain built on the first one's word: a copy that declared other layers
 * (a command whose answer depends on a file, the time, a model it loads)
 * would add spans the chain does not know of. */
static int same_hello(const exec_state *st, const buf *hello, buf *err)
{
    json_error_t jerr;
    json_t *h = json_loadb(hello->data ? hello->data : "", hello->len, 0, &jerr);
    int same = json_is_object(h);
    for (size_t i = 0; same && i < sizeof hello_keys / sizeof *hello_keys; i++) {
        const json_t *a = json_object_get(st->hello, hello_keys[i]),
                     *b = json_object_get(h, hello_keys[i]);
        same = a ? b && json_equal((json_t *)a, (json_t *)b) : !b;
    }
    if (!same) {
        /* as JSON writes it, so that no control character reaches a terminal */
        char *shown = json_is_object(h) ? json_dumps(h, JSON_COMPACT) : NULL;
        buf_printf(err, "a new copy of '%s' gave the handshake line %s%.200s%s%s, its "
                   "first copy \"%.200s\": every copy must declare the same name, "
                   "version and layers", st->command, shown ? "\"" : "",
                   shown ? shown : "that is not a JSON object",
                   shown && strlen(shown) > 200 ? "..." : "", shown ? "\"" : "",
                   st->hello_line);
        free(shown);
    }
    json_decref(h);
    return same;
}

/* A child for this document: an idle one, or a new one. */
static child *take(exec_state *st, buf *err)
{
    pthread_mutex_lock(&st->mu);
    child *c = st->idle;
    if (c)
        st->idle = c->next;
    pthread_mutex_unlock(&st->mu);
    if (c)
        return c;
    buf hello = BUF_INIT;
    c = child_new(st, &hello, err);
    if (c && st->handshake && !same_hello(st, &hello, err)) {
        child_free(c, 1);
        c = NULL;
    }
    buf_free(&hello);
    return c;
}

static void give_back(exec_state *st, child *c)
{
    pthread_mutex_lock(&st->mu);
    c->next = st->idle;
    st->idle = c;
    pthread_mutex_unlock(&st->mu);
}

/* ---------------------------------------------------------------- layers */

/* Append S to the NULL-terminated list *L of N entries. */
static void list_add(char ***l, size_t *n, char *s)
{
    *l = xrealloc(*l, (*n + 2) * sizeof **l);
    (*l)[(*n)++] = s;
    (*l)[*n] = NULL;
}

/* "a;b c" or a JSON array of strings into a NULL-terminated list. */
static char **split_list(const json_t *v)
{
    char **l = xcalloc(1, sizeof *l);
    size_t n = 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *m;
        json_array_foreach(v, i, m)
            if (json_is_string(m) && json_string_length(m))
                list_add(&l, &n, xstrdup(json_string_value(m)));
        return l;
    }
    const char *s = json_string_value(v);
    while (s && *s) {
        size_t k = strcspn(s, "; ,");
        if (k)
            list_add(&l, &n, xstrndup(s, k));
        s += k;
        s += strspn(s, "; ,");
    }
    return l;
}

static void free_list(char **l)
{
    for (size_t i = 0; l && l[i]; i++)
        free(l[i]);
    free(l);
}

/* ---------------------------------------------------------------- handshake */

/* Whether LINE[0..N) is JSON at all (else the command printed something else
 * on the protocol channel). */
static int is_json(const char *line, size_t n)
{
    json_error_t jerr;
    json_t *v = json_loadb(line ? line : "", n, JSON_DECODE_ANY, &jerr);
    json_decref(v);
    return v != NULL;
}

/* The handshake's "name" or "version" KEY into *OUT (copied), when given.
 * Returns 0, or -1 with a message in ERR. */
static int handshake_word(const exec_state *st, const json_t *h, const char *key,
                          char **out, sp_error *err)
{
    const json_t *v = json_object_get(h, key);
    if (!v)
        return 0;
    const char *s = json_string_value(v);
    int ok = s && *s;
    for (const char *q = s; ok && *q; q++)
        if ((unsigned char)*q < 0x20 || *q == 0x7f)
            ok = 0;
    if (!ok || strlen(s) != json_string_length(v)) {
        char *shown = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        sp_error_set(err, "'%s' gave %s as its \"%s\" in its handshake line: it must "
                     "be a non-empty string without control characters",
                     st->command, shown ? shown : "a value", key);
        free(shown);
        return -1;
    }
    *out = xstrdup(s);
    return 0;
}

/* Read the first child's handshake line: layers, and the name and version
 * the stage goes by.  Returns 0, or -1 with a message in ERR. */
static int read_handshake(exec_state *st, sp_error *err)
{
    buf e = BUF_INIT, line = BUF_INIT;
    child *c = child_new(st, &line, &e);
    if (!c) {
        sp_error_set(err, "%s", e.data);
        buf_free(&e);
        buf_free(&line);
        return -1;
    }
    buf_free(&e);
    json_error_t jerr;
    json_t *h = json_loadb(line.data ? line.data : "", line.len, 0, &jerr);
    int json = is_json(line.data, line.len);
    buf_free(&line);
    if (!json_is_object(h) || !json_is_array(json_object_get(h, "produces"))) {
        sp_error_set(err, "'%s' did not start with a handshake line "
                     "{\"requires\":[...],\"produces\":[...]} (nor were produces= and "
                     "requires= given as options)%s", st->command,
                     json ? "" : ": " STDOUT_HINT);
        json_decref(h);
        child_free(c, 1);
        return -1;
    }
    int rc = 0;
    if (handshake_word(st, h, "name", &st->name, err) < 0 ||
        handshake_word(st, h, "version", &st->version, err) < 0)
        rc = -1;
    st->produces = split_list(json_object_get(h, "produces"));
    st->requires = split_list(json_object_get(h, "requires"));
    st->hello = h;
    st->hello_line = json_dumps(h, JSON_COMPACT);
    if (!st->hello_line)
        oom_abort();
    if (rc < 0)
        child_free(c, 1);
    else
        give_back(st, c);
    return rc;
}

/* ---------------------------------------------------------------- callbacks */

static void exec_fini(void *state)
{
    exec_state *st = state;
    if (!st)
        return;
    for (child *c = st->idle, *next; c; c = next) {
        next = c->next;
        child_free(c, 0);
    }
    free_list(st->requires);
    free_list(st->produces);
    free(st->name);
    free(st->version);
    pthread_mutex_destroy(&st->mu);
    json_decref(st->hello);
    free(st->hello_line);
    free(st->command);
    free(st);
}

/* The bound on one answer line, in MiB (max-answer): a command that never
 * ends its line must not take all memory before its timeout. */
#define DEFAULT_ANSWER_MIB 1024
#define MAX_ANSWER_MIB (1024 * 1024)

#define MAX_SECONDS 86399

/* The integer option KEY, from 1 to MAX, into *V (DEF when not given).
 * Returns 0, or -1 with a message naming it in ERR: a value out of range is
 * refused, never replaced by the default behind the user's back. */
static int bounded_option(const json_t *options, const char *key, json_int_t max,
                          const char *unit, json_int_t def, json_int_t *v, sp_error *err)
{
    const json_t *j = json_object_get(options, key);
    *v = j ? json_integer_value(j) : def;
    if (j && (!json_is_integer(j) || *v < 1 || *v > max)) {
        sp_error_set(err, "option %s=%" JSON_INTEGER_FORMAT " is out of range: give %s "
                     "from 1 to %" JSON_INTEGER_FORMAT, key, *v, unit, max);
        return -1;
    }
    return 0;
}

/* timeout, max-answer and handshake-timeout into ST. */
static int exec_limits(const json_t *options, exec_state *st, sp_error *err)
{
    json_int_t timeout, mib, hello;
    if (bounded_option(options, "timeout", MAX_SECONDS, "seconds", 60, &timeout, err) < 0 ||
        bounded_option(options, "max-answer", MAX_ANSWER_MIB, "MiB", DEFAULT_ANSWER_MIB,
                       &mib, err) < 0 ||
        /* A command that will never say hello should not cost a minute; but
         * a program that loads a model before its handshake, or any program
         * on a loaded machine (10 s was seen to fail python3 at load 20),
         * needs more than a few seconds. */
        bounded_option(options, "handshake-timeout", MAX_SECONDS, "seconds",
                       timeout < 30 ? timeout : 30, &hello, err) < 0)
        return -1;
    st->timeout_ms = (int)timeout * 1000;
    st->max_answer = (size_t)mib << 20;
    st->handshake_ms = (int)hello * 1000;
    return 0;
}

static int exec_init(const json_t *options, void **state, sp_error *err)
{
    const char *command = json_string_value(json_object_get(options, "command"));
    if (!command || !*command) {
        sp_error_set(err, "give the command to run: -p exec:command='python3 stage.py'");
        return -1;
    }
    exec_state *st = xcalloc(1, sizeof *st);
    if (exec_limits(options, st, err) < 0) {
        free(st);
        return -1;
    }
    st->command = xstrdup(command);
    pthread_mutex_init(&st->mu, NULL);
    *state = st;
    const json_t *produces = json_object_get(options, "produces");
    if (produces) {
        st->produces = split_list(produces);
        st->requires = split_list(json_object_get(options, "requires"));
        return 0;
    }
    /* No layers given: the command declares them on its first line. */
    st->handshake = 1;
    if (read_handshake(st, err) < 0) {
        /* the core calls fini only for stages whose init succeeded */
        exec_fini(st);
        *state = NULL;
        return -1;
    }
    return 0;
}

static int exec_declare(const void *state, sp_stage_decl *decl, sp_error *err)
{
    const exec_state *st = state;
    (void)err;
    if (st->name)
        decl->name = st->name;
    if (st->version)
        decl->version = st->version;
    decl->produces = (const char *const *)st->produces;
    decl->requires = (const char *const *)st->requires;
    return 0;
}

static int declared(const exec_state *st, const char *layer)
{
    for (size_t i = 0; st->produces[i]; i++)
        if (strcmp(st->produces[i], layer) == 0)
            return 1;
    return 0;
}

/* Take the declared layers' spans of the returned document BACK into DOC. */
static int take_spans(const exec_state *st, sp_doc *doc, const sp_doc *back, buf *err)
{
    size_t n, back_n;
    const char *text = sp_doc_text(doc, &n), *back_text = sp_doc_text(back, &back_n);
    if (back_n != n || memcmp(back_text, text, n)) {
        buf_printf(err, "'%s' changed the document's text; a stage may only add spans",
                   st->command);
        return -1;
    }
    /* Its spans are in output order; per layer that is order of start. */
    size_t count = sp_doc_span_count(back);
    for (size_t i = 0; i < count; i++) {
        const sp_span *s = sp_doc_span(back, i);
        if (!declared(st, s->layer))
            continue;
        json_t *attrs = s->attrs ? json_incref((json_t *)s->attrs) : NULL;
        if (!sp_doc_add_with_id(doc, s->layer, s->id, s->start, s->end, attrs))
            return 0; /* the core has recorded why; it fails the document */
    }
    return 0;
}

/* Say why the answer LINE is no document (the reader said WHY). */
static void bad_answer(const exec_state *st, child *c, const buf *line,
                       const char *why, buf *out)
{
    const char *l = line->data ? line->data : "";
    if (!is_json(line->data, line->len))
        buf_printf(out, "'%s' answered with a line that is not JSON: \"%.80s%s\" (" STDOUT_HINT
                   ")", st->command, l, line->len > 80 ? "..." : "");
    else
        buf_printf(out, "'%s' answered what is not a document (%s): \"%.80s%s\"",
                   st->command, why, l, line->len > 80 ? "..." : "");
    stderr_tail(c, out);
}

/* Send DOC to a child and read its answer into *BACK.  Returns 0, or -1 with
 * the reason in ERR (the child is then gone). */
static int ask(exec_state *st, sp_doc *doc, sp_doc **back, buf *err)
{
    buf send = BUF_INIT, line = BUF_INIT, why = BUF_INIT;
    child *c = take(st, err);
    int rc = -1;
    if (!c)
        return -1;
    doc_write_json(doc, &send);
    int x = exchange(st, c, &send, st->timeout_ms, &line, err);
    if (x == TIMED_OUT) {
        buf_printf(err, "'%s' did not answer within %d s (" FLUSH_HINT ")", st->command,
                   st->timeout_ms / 1000);
        stderr_tail(c, err);
    } else if (x == 0 && !(*back = doc_from_json(line.data ? line.data : "", line.len, "",
                                                 &why)))
        bad_answer(st, c, &line, why.data, err);
    else if (x == 0)
        rc = 0;
    if (rc == 0)
        give_back(st, c);
    else
        child_free(c, 1); /* out of step with us now */
    buf_free(&send);
    buf_free(&line);
    buf_free(&why);
    return rc;
}

static int exec_process(void *state, sp_doc *doc, sp_error *perr)
{
    exec_state *st = state;
    buf err = BUF_INIT;
    sp_doc *back = NULL;
    int rc = ask(st, doc, &back, &err);
    if (rc == 0) {
        rc = take_spans(st, doc, back, &err);
        doc_free(back);
    }
    if (rc < 0)
        sp_error_set(perr, "%s", err.data ? err.data : "failed");
    buf_free(&err);
    return rc;
}

/* ---------------------------------------------------------------- descriptor */

static const sp_option exec_options[] = {
    { "command", SP_OPT_STRING, NULL, "the command to run (under /bin/sh -c)" },
    { "produces", SP_OPT_STRING, NULL,
      "layers it adds, separated by ';' (else its first line declares them)" },
    { "requires", SP_OPT_STRING, NULL, "layers it needs, separated by ';'" },
    { "timeout", SP_OPT_INT, "60", "seconds it may take on one document" },
    /* no default value: it would show in every exec stage's provenance */
    { "max-answer", SP_OPT_INT, NULL,
      "MiB one answer line may take (default 1024): a longer one fails the document" },
    /* no default value: it would show in every exec stage's provenance */
    { "handshake-timeout", SP_OPT_INT, NULL,
      "seconds it may take to print its handshake line (default 30, or timeout "
      "when that is shorter)" },
    { NULL, 0, NULL, NULL },
};

const sp_plugin exec_plugin = {
    SP_PLUGIN_HEADER,
    .name = "exec", .version = "1.0.0",
    .summary = "run a command as a stage, JSON Lines in and out (any language)",
    .options = exec_options,
    .init = exec_init, .process = exec_process, .fini = exec_fini,
    .declare = exec_declare,
};
