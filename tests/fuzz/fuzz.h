/*
 * fuzz.h — what every fuzz target and the replay driver share.
 *
 * A target is one LLVMFuzzerTestOneInput().  Built with -fsanitize=fuzzer it
 * is a libFuzzer program (make fuzz); built with replay.c it is a plain test
 * program that feeds it the seeds and the crash reproducers kept in git, so
 * every crash found once stays a regression test under gcc, ASan and valgrind.
 */
#ifndef SPANPIPE_FUZZ_H
#define SPANPIPE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A broken invariant: say which and abort, so that libFuzzer keeps the input
 * as a crash and the replay test fails.
 */
#define FUZZ_ASSERT(cond, what)                                              \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: fuzz invariant broken: %s (%s)\n",       \
                    __FILE__, __LINE__, (what), #cond);                      \
            abort();                                                         \
        }                                                                    \
    } while (0)

#endif
