/* buf.c — growable buffers and allocation that does not return NULL. */
#include "base/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

_Noreturn void oom_abort(void)
{
    /* write(2) because stdio may itself need memory */
    static const char msg[] = "spanpipe: out of memory\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    abort();
}

/*
 * Blocks this large are a document's text, its JSON line, an exec stage's
 * answer: fresh memory, filled once from end to end.  In 4 KiB pages a
 * 400 MB one cost 100,000 page faults, which were a third of the time of
 * passing it through `exec:command=cat`; where the system gives transparent
 * huge pages on request (Debian's default, "madvise"), it costs 200.  Only
 * advice: nothing changes where it is refused.
 */
#define HUGE_MIN ((size_t)8 << 20)

static void *advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n >= HUGE_MIN) {
        uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
        uintptr_t from = ((uintptr_t)p + page - 1) & ~(page - 1);
        uintptr_t to = ((uintptr_t)p + n) & ~(page - 1);
        if (to > from)
            madvise((void *)from, to - from, MADV_HUGEPAGE);
    }
#endif
    return p;
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom_abort();
    return advise_huge(p, n);
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom_abort();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom_abort();
    return advise_huge(p, n);
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > ((size_t)-1) / 2 / size)
            oom_abort();
        c *= 2;
    }
    *cap = c;
    return xrealloc(p, c * size);
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void buf_reserve(buf *b, size_t n)
{
    if (n >= ((size_t)-1) - b->len - 1)
        oom_abort();
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 64;
    while (c < need)
        c = c > ((size_t)-1) / 2 ? need : c * 2;
    b->data = xrealloc(b->data, c);
    b->cap = c;
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_add_u64(buf *b, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    buf_add(b, tmp + i, sizeof tmp - i);
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void buf_trim(buf *b)
{
    if (b->data && b->cap - b->len > b->len / 8 + 64) {
        b->data = xrealloc(b->data, b->len + 1);
        b->cap = b->len + 1;
    }
}

char *buf_steal(buf *b)
{
    char *d = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}
