/*
 * replay.c — a fuzz target as a plain test program (make check).
 *
 * Built once per target (FUZZ_TARGET names it), with any compiler: feeds
 * LLVMFuzzerTestOneInput() every file of tests/fuzz/seeds/TARGET/ and
 * tests/fuzz/regressions/TARGET/ (the inputs that once crashed it), in
 * sorted order, or the files given as arguments.  A broken invariant aborts,
 * which fails the test; ASan and valgrind runs of the suite check the rest.
 */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>

#ifndef FUZZ_TARGET
#error "FUZZ_TARGET must name the target"
#endif

/* Run the target on the file PATH; returns 0, or -1 when it cannot be read. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *d = malloc(cap);
    size_t got;
    while (d && (got = fread(d + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *more = realloc(d, cap *= 2);
            if (!more)
                free(d);
            d = more;
        }
    }
    int bad = !d || ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "replay: %s: cannot read\n", path);
        free(d);
        return -1;
    }
    /* An exact-size copy, as libFuzzer gives, so overreads show under ASan. */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(d);
        return -1;
    }
    memcpy(exact, d, n);
    free(d);
    printf("replay %s: %s (%zu bytes)\n", FUZZ_TARGET, path, n);
    fflush(stdout);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Every regular file of DIR (missing: none); returns how many could not be read. */
static int replay_dir(const char *dir, size_t *count)
{
    struct dirent **ent;
    int n = scandir(dir, &ent, NULL, by_name);
    if (n < 0)
        return errno == ENOENT ? 0 : (fprintf(stderr, "replay: %s: %s\n", dir,
                                              strerror(errno)), 1);
    int failed = 0;
    for (int i = 0; i < n; i++) {
        if (ent[i]->d_name[0] != '.') {
            size_t len = strlen(dir) + strlen(ent[i]->d_name) + 2;
            char *path = malloc(len);
            if (path) {
                snprintf(path, len, "%s/%s", dir, ent[i]->d_name);
                failed += replay_file(path) < 0;
                (*count)++;
                free(path);
            }
        }
        free(ent[i]);
    }
    free(ent);
    return failed;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int failed = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++, count++)
            failed += replay_file(argv[i]) < 0;
    } else {
        const char *top = getenv("top_srcdir");
        if (!top)
            top = ".";
        static const char *const sets[] = { "seeds", "regressions" };
        for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
            char dir[4096];
            snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", top, sets[i], FUZZ_TARGET);
            failed += replay_dir(dir, &count);
        }
    }
    printf("replay %s: %zu inputs, %d unreadable\n", FUZZ_TARGET, count, failed);
    return failed ? 1 : 0;
}
