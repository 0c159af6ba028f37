/* test_offsets.c — UTF-8 checks and byte <-> code point offsets. */
#include "unit.h"
#include "doc/offsets.h"
#include "base/utf8.h"

#include <string.h>

/* Every character of S must map to its code point index and back. */
static void roundtrip(const char *s, size_t expect_cp)
{
    size_t n = strlen(s);
    int ascii;
    ck_assert(utf8_check(s, n, NULL, &ascii));
    offmap m;
    offmap_init(&m, s, n, ascii);
    ck_assert_uint_eq(m.ncp, expect_cp);
    size_t cp = 0;
    for (size_t i = 0; i <= n; i++) {
        if (!utf8_is_boundary(s, n, i))
            continue;
        ck_assert_uint_eq(offmap_to_cp(&m, i), cp);
        size_t back;
        ck_assert(offmap_to_byte(&m, cp, &back));
        ck_assert_uint_eq(back, i);
        cp++;
    }
    ck_assert_uint_eq(cp, expect_cp + 1);
    size_t dummy;
    ck_assert(!offmap_to_byte(&m, expect_cp + 1, &dummy));
    offmap_free(&m);
}

START_TEST(ascii_is_identity)
{
    roundtrip("Memorandum of Conversation", 26);
    roundtrip("", 0);
}
END_TEST

START_TEST(accents_dashes_cjk_emoji)
{
    roundtrip("Café — naïve", 12);
    roundtrip("July 29–30—and", 14);
    roundtrip("日本語のテキスト", 8);
    roundtrip("ok 😀 👍🏽 done", 12); /* 👍🏽 is two code points */
    roundtrip("a\xc2\xa0" "b", 3); /* no-break space */
}
END_TEST

START_TEST(long_text_crosses_marks)
{
    /* 300 characters of mixed widths: conversions cross several 64-char marks */
    char s[2000] = "";
    const char *pieces[] = { "a", "é", "—", "😀" };
    for (int i = 0; i < 300; i++)
        strcat(s, pieces[i % 4]);
    roundtrip(s, 300);
}
END_TEST

/* The writer's walk gives what converting each offset alone gives, for spans
 * in order of start: short and long, nested, starting together, at the end. */
START_TEST(walk_in_order_of_start)
{
    char s[4000] = "";
    const char *pieces[] = { "a", "é", "—", "😀", "bc", " " };
    for (int i = 0; i < 600; i++)
        strcat(s, pieces[(i * 7) % 6]);
    size_t n = strlen(s);
    offmap m;
    offmap_init(&m, s, n, 0);
    offwalk w = OFFWALK_INIT;
    size_t len[] = { 0, 1, 5, 9, 63, 64, 65, 200, 1000 };
    for (size_t start = 0; start <= n; start++) {
        if (!utf8_is_boundary(s, n, start))
            continue;
        for (size_t k = 0; k < sizeof len / sizeof len[0]; k++) {
            size_t end = start + len[k] > n ? n : start + len[k];
            while (!utf8_is_boundary(s, n, end))
                end++;
            size_t cs, ce;
            offmap_span_to_cp(&m, &w, start, end, &cs, &ce);
            ck_assert_uint_eq(cs, offmap_to_cp(&m, start));
            ck_assert_uint_eq(ce, offmap_to_cp(&m, end));
        }
        start += (start * 13) % 70; /* gaps of every size, some past a block */
    }
    offmap_free(&m);
}
END_TEST

START_TEST(known_offsets)
{
    const char *s = "Nitze—Гоpбачёв 😀 x";
    offmap m;
    offmap_init(&m, s, strlen(s), 0);
    /* "😀" starts after "Nitze—" (6) + 8 Cyrillic/latin letters + space = 15 */
    const char *emoji = strstr(s, "😀");
    ck_assert_uint_eq(offmap_to_cp(&m, (size_t)(emoji - s)), 15);
    size_t b;
    ck_assert(offmap_to_byte(&m, 16, &b));
    ck_assert_uint_eq(b, (size_t)(emoji - s) + 4);
    offmap_free(&m);
}
END_TEST

START_TEST(invalid_utf8)
{
    size_t bad;
    ck_assert(!utf8_check("ab\xff", 3, &bad, NULL));
    ck_assert_uint_eq(bad, 2);
    ck_assert(!utf8_check("\xc0\xaf", 2, &bad, NULL));         /* overlong '/' */
    ck_assert(!utf8_check("\xe0\x80\xaf", 3, &bad, NULL));     /* overlong */
    ck_assert(!utf8_check("\xed\xa0\x80", 3, &bad, NULL));     /* surrogate */
    ck_assert(!utf8_check("\xf4\x90\x80\x80", 4, &bad, NULL)); /* > U+10FFFF */
    ck_assert(!utf8_check("x\xe2\x80", 3, &bad, NULL));        /* cut short */
    ck_assert_uint_eq(bad, 1);
    ck_assert(utf8_check("a\0b", 3, NULL, NULL));              /* NUL is fine */
    /* after runs of ASCII of every length, as the check skips them in blocks */
    char s[48];
    for (size_t pos = 0; pos + 2 < sizeof s; pos++) {
        int ascii;
        memset(s, 'a', sizeof s);
        s[pos] = '\xc3';
        s[pos + 1] = '\xa9'; /* é */
        ck_assert(utf8_check(s, sizeof s, NULL, &ascii));
        ck_assert_int_eq(ascii, 0);
        s[pos + 1] = 'a';
        ck_assert(!utf8_check(s, sizeof s, &bad, &ascii));
        ck_assert_uint_eq(bad, pos);
        s[pos] = 'a';
        ck_assert(utf8_check(s, pos + 2, NULL, &ascii));
        ck_assert_int_eq(ascii, 1);
    }
}
END_TEST

START_TEST(json_escaping)
{
    buf b = BUF_INIT;
    spi_json_add_string(&b, "a\"b\\c\n\t\x01\0é", 11);
    ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\\u0000é\"");
    buf_free(&b);
}
END_TEST

/* spi_json_plain_run finds the first byte to escape wherever it is in the word
 * or block it looks at, and no byte that needs none (0x20, 0x7f, 0x80 up). */
START_TEST(plain_run_finds_every_position)
{
    static const unsigned char special[] = { '"', '\\', 0x00, 0x01, 0x0a, 0x1f };
    static const unsigned char plain[] = { 0x20, 'a', 0x7f, 0x80, 0xc3, 0xff, '!', '#' };
    char s[48];
    for (size_t n = 0; n <= 40; n++)
        for (size_t pos = 0; pos <= n; pos++)
            for (size_t k = 0; k < sizeof special; k++) {
                for (size_t i = 0; i < n; i++)
                    s[i] = (char)plain[(i + pos + k) % sizeof plain];
                if (pos < n)
                    s[pos] = (char)special[k];
                /* a second hit after the first must not be taken for it */
                if (pos + 3 < n)
                    s[pos + 3] = '"';
                ck_assert_ptr_eq(spi_json_plain_run(s, s + n), s + pos);
            }
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("offsets");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, ascii_is_identity);
    tcase_add_test(tc, accents_dashes_cjk_emoji);
    tcase_add_test(tc, long_text_crosses_marks);
    tcase_add_test(tc, walk_in_order_of_start);
    tcase_add_test(tc, known_offsets);
    tcase_add_test(tc, invalid_utf8);
    tcase_add_test(tc, json_escaping);
    tcase_add_test(tc, plain_run_finds_every_position);
    suite_add_tcase(s, tc);
    return s;
}
