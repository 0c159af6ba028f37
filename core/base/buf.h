/*
 * buf.h — a growable byte buffer, the one way the core builds strings.
 *
 * Out of memory: the core does not try to limp on.  buf_grow() and the xmalloc
 * family call oom_abort(), which reports and aborts: a pipeline that cannot
 * allocate a few kilobytes cannot write a correct result either, and silently
 * dropping a document would be worse than stopping.
 */
#ifndef SPANPIPE_BUF_H
#define SPANPIPE_BUF_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>

typedef struct buf {
    char *data;     /* NUL-terminated when len < cap; owned */
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT { NULL, 0, 0 }

/* Make room for N more bytes (plus a NUL). */
void buf_reserve(buf *b, size_t n);

/*
 * Appending is inline, with the growing out of line: the writer appends a
 * few bytes at a time (a key, a digit run, an escape), some ten times per
 * span, and as calls these were a tenth of writing a document.
 */
static inline void buf_add(buf *b, const void *p, size_t n)
{
    if (n >= b->cap - b->len) /* no room for N bytes and the NUL */
        buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void buf_addc(buf *b, char c)
{
    if (b->cap - b->len < 2)
        buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

static inline void buf_adds(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* Append a string literal, its length known at compile time. */
#define BUF_LIT(b, lit) buf_add((b), (lit), sizeof(lit) - 1)
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Append the decimal form of V. */
void buf_add_u64(buf *b, unsigned long long v);
/* Empty B, keeping its memory. */
static inline void buf_clear(buf *b) { b->len = 0; if (b->data) b->data[0] = '\0'; }
void buf_free(buf *b);
/* Give back the memory past the end when it is much more than needed: for a
 * buffer that waits a while, grown by a generous guess (shrinking is in place). */
void buf_trim(buf *b);
/* Hand over B's bytes (NUL-terminated, never NULL); B is left empty. */
char *buf_steal(buf *b);

/* Allocation that never returns NULL (see above). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least NEED elements of SIZE bytes; *CAP is updated. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Report that memory ran out and abort. */
_Noreturn void oom_abort(void);

#endif
