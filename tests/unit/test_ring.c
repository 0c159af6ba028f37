/* test_ring.c — the ring of a run (core/run/run_ring.c): order, bound, stop,
 * halt and the end, alone and with threads. */
#include "unit.h"
#include "run/run_ring.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

START_TEST(one_slot_round)
{
    run_ring r;
    ring_init(&r, 2);
    int skip = -1;
    ck_assert_int_eq(ring_reserve(&r), 0);
    ck_assert_int_eq(ring_reserve(&r), 0); /* the same until published */
    ring_publish(&r);
    ck_assert_int_eq(ring_reserve(&r), 1);
    ring_publish(&r);
    ck_assert_int_eq(ring_take(&r, &skip), 0);
    ck_assert_int_eq(skip, 0);
    ck_assert_int_eq(ring_take(&r, &skip), 1);
    /* slot 1 done first: the writer still waits for slot 0 */
    ring_complete(&r, 1);
    ring_complete(&r, 0);
    long slot = -1;
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_READY);
    ck_assert_int_eq(slot, 0);
    ring_release(&r, 0);
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_READY);
    ck_assert_int_eq(slot, 1);
    ring_release(&r, 1);
    ck_assert_int_eq(ring_reserve(&r), 0); /* positions go on round */
    ring_close(&r);
    ck_assert_int_eq(ring_take(&r, &skip), -1);
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_END);
    ck_assert_int_eq(r.written, 2);
    ring_destroy(&r);
}
END_TEST

START_TEST(stop_and_halt)
{
    run_ring r;
    ring_init(&r, 1);
    int skip = 0;
    long slot;
    ck_assert_int_eq(ring_reserve(&r), 0);
    ring_publish(&r);
    ck_assert(!ring_stopping(&r));
    ring_stop(&r);
    ck_assert(ring_stopping(&r));
    /* full, and stopped: the reader is not kept waiting */
    ck_assert_int_eq(ring_reserve(&r), -1);
    ck_assert_int_eq(ring_take(&r, &skip), 0);
    ck_assert_int_eq(skip, 1);
    ring_halt(&r);
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_HALTED);
    ck_assert_int_eq(slot, 0); /* published, not done: written up to its stuck record */
    ring_complete(&r, 0);
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_READY);
    ring_release(&r, 0);
    ck_assert_int_eq(ring_next_done(&r, &slot), RING_HALTED);
    ck_assert_int_eq(slot, -1);
    ring_destroy(&r);
}
END_TEST

/* Threads: the reader numbers the batches it fills, workers finish them out
 * of order, the writer must see the numbers in order and never more than
 * SIZE in flight. */
#define ITEMS 2000
#define SIZE 4

typedef struct shared {
    run_ring r;
    long seq[SIZE];      /* what the reader put in each slot */
    long got[ITEMS];
} shared;

static void *worker(void *arg)
{
    shared *s = arg;
    long slot;
    int skip;
    while ((slot = ring_take(&s->r, &skip)) >= 0) {
        if (s->seq[slot] % 7 == 0)
            usleep(100); /* finish out of order */
        ring_complete(&s->r, (size_t)slot);
    }
    return NULL;
}

static void *writer(void *arg)
{
    shared *s = arg;
    long slot, n = 0;
    while (ring_next_done(&s->r, &slot) == RING_READY) {
        pthread_mutex_lock(&s->r.mu);
        ck_assert_uint_le(s->r.filled - s->r.written, SIZE);
        pthread_mutex_unlock(&s->r.mu);
        s->got[n++] = s->seq[slot];
        ring_release(&s->r, (size_t)slot);
    }
    return (void *)n;
}

START_TEST(threads_keep_order)
{
    shared *s = calloc(1, sizeof *s);
    ring_init(&s->r, SIZE);
    pthread_t w[3], wr;
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(pthread_create(&w[i], NULL, worker, s), 0);
    ck_assert_int_eq(pthread_create(&wr, NULL, writer, s), 0);
    for (long i = 0; i < ITEMS; i++) {
        long slot = ring_reserve(&s->r);
        ck_assert_int_ge(slot, 0);
        s->seq[slot] = i;
        ring_publish(&s->r);
    }
    ring_close(&s->r);
    void *n;
    pthread_join(wr, &n);
    for (int i = 0; i < 3; i++)
        pthread_join(w[i], NULL);
    ck_assert_int_eq((long)n, ITEMS);
    for (long i = 0; i < ITEMS; i++)
        ck_assert_int_eq(s->got[i], i);
    ring_destroy(&s->r);
    free(s);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("ring");
    TCase *tc = tcase_create("ring");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, one_slot_round);
    tcase_add_test(tc, stop_and_halt);
    tcase_add_test(tc, threads_keep_order);
    suite_add_tcase(s, tc);
    return s;
}
