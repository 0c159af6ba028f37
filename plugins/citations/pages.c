/*
 * pages.c — inline page markers "[Page 1039]".
 *
 * The site marks where a printed page ends with "[Page N]", standing alone
 * between paragraphs, inside a sentence, or splitting a word
 * ("bilat[Page 1003]eral").  N is an arabic or roman page number.
 */
#include <string.h>

#include "cite.h"

/* Longest page number accepted, so a stray "[Page" costs little. */
#define MAX_PAGE_CHARS 12

static int page_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* The end of a page marker starting at AT ("[Page "), or AT when none. */
static size_t page_marker(const char *text, size_t len, size_t at,
                          size_t *n_start, size_t *n_end)
{
    size_t i = at + 6; /* past "[Page " */
    size_t s = i;
    while (i < len && i - s < MAX_PAGE_CHARS && page_char(text[i]))
        i++;
    if (i == s || i >= len || text[i] != ']')
        return at;
    *n_start = s;
    *n_end = i;
    return i + 1;
}

int cite_find_pages(const char *text, size_t len, cite_pages *out)
{
    size_t i = 0;
    while (i < len) {
        const char *b = memchr(text + i, '[', len - i);
        if (b == NULL)
            break;
        i = (size_t)(b - text);
        size_t ns, ne, e;
        if (cite_has(text, len, i, "[Page ") &&
            (e = page_marker(text, len, i, &ns, &ne)) != i) {
            cite_page *p = cite_pages_push(out);
            if (p == NULL)
                return -1;
            p->start = i;
            p->end = e;
            p->n_start = ns;
            p->n_end = ne;
            i = e;
        } else {
            i++;
        }
    }
    return 0;
}
