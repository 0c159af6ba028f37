/*
 * editorial.c — bracketed editorial insertions.
 *
 * In FRUS square brackets are the editors' (or, as a source note may say,
 * the original's) insertions: "[i.e., the Outer Space Treaty]", "[NRCC]",
 * "[less than 1 line not declassified]", "[Omitted here is ...]".  Page
 * markers use brackets too but are their own layer.  An insertion stays on
 * one line; a "[" without its "]" on the same line is left alone.
 */
#include <string.h>

#include "cite.h"

int cite_find_editorial(const char *text, size_t len, cite_ranges *out)
{
    size_t i = 0;
    while (i < len) {
        const char *b = memchr(text + i, '[', len - i);
        if (b == NULL)
            break;
        size_t open = (size_t)(b - text);
        /* Look for the closing bracket before the end of the line; an inner
           "[" (a nested insertion) restarts from there, so the scan never
           revisits a byte. */
        size_t j = open + 1;
        while (j < len && text[j] != ']' && text[j] != '[' && text[j] != '\n')
            j++;
        if (j < len && text[j] == ']') {
            if (!cite_has(text, len, open, "[Page ") && j > open + 1) {
                cite_range *r = cite_ranges_push(out);
                if (r == NULL)
                    return -1;
                r->start = open;
                r->end = j + 1;
            }
            i = j + 1;
        } else {
            i = j; /* at "[", "\n" or the end */
        }
    }
    return 0;
}
