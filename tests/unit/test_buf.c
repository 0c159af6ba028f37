/* test_buf.c — the byte buffer: numbers written in place, trimming. */
#include "unit.h"
#include "base/buf.h"

#include <stdio.h>
#include <string.h>

/* Every number of digits, at and around each power of ten, and the limits. */
START_TEST(decimal_numbers)
{
    unsigned long long vals[100];
    size_t n = 0;
    unsigned long long p = 1;
    for (int i = 0; i < 20; i++) {
        vals[n++] = p - 1;
        vals[n++] = p;
        vals[n++] = p + 1;
        vals[n++] = p * 9;
        if (i < 19)
            p *= 10;
    }
    vals[n++] = 18446744073709551615ull;
    vals[n++] = 10000000000000000000ull;
    for (size_t i = 0; i < n; i++) {
        buf b = BUF_INIT;
        char want[32];
        buf_adds(&b, "x");
        buf_add_u64(&b, vals[i]);
        snprintf(want, sizeof want, "x%llu", vals[i]);
        ck_assert_str_eq(b.data, want);
        ck_assert_uint_eq(b.len, strlen(want));
        buf_free(&b);
    }
}
END_TEST

START_TEST(trim_gives_back_room)
{
    buf b = BUF_INIT;
    buf_reserve(&b, 100000);
    buf_adds(&b, "kept");
    buf_trim(&b);
    ck_assert_uint_le(b.cap, 5 + 64);
    ck_assert_str_eq(b.data, "kept");
    buf_free(&b);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decimal_numbers);
    tcase_add_test(tc, trim_gives_back_room);
    suite_add_tcase(s, tc);
    return s;
}
