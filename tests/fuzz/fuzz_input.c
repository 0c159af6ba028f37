/*
 * fuzz_input.c — input detection and the readers on arbitrary bytes.
 *
 * The bytes are put in a memfd and opened by path, as a file on the command
 * line would be.  What the readers return is compared with what zlib makes
 * of the same bytes in one go (or the bytes themselves, when they are not
 * gzip): an input reads to the end only when it is sound, and then gives
 * exactly its content, whether read line by line (JSON Lines) or whole (plain
 * text); when it is not sound the readers fail with a reason, having given a
 * prefix of the content and nothing else.  That is docs/format.md's "nothing is lost
 * silently" for inputs: never a shorter, longer or altered input.
 */
#include "fuzz.h"
#include "gunzip_ref.h"
#include "io/reader.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Open PATH; 0, or -1 after checking that the failure is reported. */
static int open_it(reader *r, const char *path, int sound, buf *err)
{
    buf_clear(err);
    if (reader_open(r, path, err) == 0)
        return 0;
    FUZZ_ASSERT(err->len > 0, "a failed open says why");
    FUZZ_ASSERT(!sound, "a sound input opens");
    reader_close(r);
    return -1;
}

/* The outcome of a read that stopped with RC (0 done, -1 failed) after GOT. */
/* Whether GOT is the start of WANT. */
static int is_prefix(const buf *got, const buf *want)
{
    return got->len <= want->len &&
           (got->len == 0 || memcmp(got->data, want->data, got->len) == 0);
}

static void check_outcome(int rc, const buf *got, const buf *want, int sound,
                          const buf *err, const char *how)
{
    if (rc == 0 && (!sound || got->len != want->len || !is_prefix(got, want)))
        fprintf(stderr, "%s: read %zu bytes, content %zu bytes, sound %d\n", how,
                got->len, want->len, sound);
    if (rc == 0) {
        FUZZ_ASSERT(sound, "only a sound input reads to the end");
        FUZZ_ASSERT(got->len == want->len && is_prefix(got, want),
                    "a sound input reads as its exact content");
    } else {
        FUZZ_ASSERT(err->len > 0, "a failed read says why");
        FUZZ_ASSERT(!sound, "a sound input reads without error");
        FUZZ_ASSERT(is_prefix(got, want),
                    "before failing, a reader gives only a prefix of the content");
    }
}

/* Line by line: the lines joined with "\n" are the content (plus a final "\n"). */
static void read_lines(const char *path, const buf *want, int sound)
{
    reader r;
    buf err = BUF_INIT, got = BUF_INIT, want_nl = BUF_INIT;
    if (open_it(&r, path, sound, &err) < 0) {
        buf_free(&err);
        return;
    }
    const char *line;
    size_t len;
    unsigned long lines = 0;
    int rc;
    while ((rc = reader_line(&r, &line, &len, &err)) > 0) {
        FUZZ_ASSERT(!memchr(line, '\n', len), "a line holds no newline");
        buf_add(&got, line, len);
        buf_addc(&got, '\n');
        lines++;
        FUZZ_ASSERT(r.line == lines, "lines are counted");
    }
    buf_add(&want_nl, want->data, want->len);
    if (want->len && want->data[want->len - 1] != '\n')
        buf_addc(&want_nl, '\n');
    check_outcome(rc, &got, rc == 0 ? &want_nl : want, sound, &err, "reader_line");
    reader_close(&r);
    buf_free(&err);
    buf_free(&got);
    buf_free(&want_nl);
}

/* Whole, as a plain-text input is read; also checks the detected kind. */
static void read_all(const char *path, const buf *want, int sound)
{
    reader r;
    buf err = BUF_INIT, got = BUF_INIT;
    if (open_it(&r, path, sound, &err) < 0) {
        buf_free(&err);
        return;
    }
    if (sound) {
        size_t i = 0;
        while (i < want->len && blank(want->data[i]))
            i++;
        input_kind k = i == want->len ? INPUT_EMPTY
                       : want->data[i] == '{' ? INPUT_JSONL : INPUT_TEXT;
        FUZZ_ASSERT(r.kind == k, "the kind follows the first non-blank byte");
    }
    char *text = NULL;
    size_t len = 0;
    int rc = reader_all(&r, &text, &len, &err);
    if (rc == 0) {
        FUZZ_ASSERT(text && text[len] == '\0', "the text is NUL-terminated");
        buf_add(&got, text, len);
    }
    free(text);
    check_outcome(rc, &got, want, sound, &err, "reader_all");
    reader_close(&r);
    buf_free(&err);
    buf_free(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz-input", MFD_CLOEXEC);
    FUZZ_ASSERT(fd >= 0, "memfd_create");
    for (size_t off = 0; off < size;) {
        ssize_t w = write(fd, data + off, size - off);
        FUZZ_ASSERT(w > 0, "write to the memfd");
        off += (size_t)w;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

    /* zstd, xz and bzip2 have no reference here; archives are read as
     * members (run_read.c), not by the readers alone. */
    dz_kind z = dz_sniff(data, size);
    if ((z != DZ_NONE && z != DZ_GZIP) || (z == DZ_NONE && members_sniff(data, size))) {
        close(fd);
        return 0;
    }
    buf want = BUF_INIT;
    int sound = 1;
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        sound = gunzip_ref(data, size, &want);
    else
        buf_add(&want, data, size);
    /* A UTF-8 byte order mark before the content is not content (reader.c). */
    if (want.len >= 3 && memcmp(want.data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(want.data, want.data + 3, want.len - 3);
        want.len -= 3;
    }

    read_lines(path, &want, sound);
    read_all(path, &want, sound);

    buf_free(&want);
    close(fd);
    return 0;
}
