/* markup.c — escaping text for HTML and XML (see markup.h). */
#include "markup.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD in UTF-8 */

void markup_escape(FILE *f, const char *s, size_t n, int in_attr)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < n; i++) {
        const char *esc = NULL;
        size_t skip = 1;
        unsigned char c = u[i];
        if (c == '&')
            esc = "&amp;";
        else if (c == '<')
            esc = "&lt;";
        else if (c == '>')
            esc = "&gt;";
        else if (c == '\r')
            esc = "&#13;";
        else if (in_attr && c == '"')
            esc = "&quot;";
        else if (in_attr && c == '\'')
            esc = "&#39;";
        else if (in_attr && c == '\t')
            esc = "&#9;";
        else if (in_attr && c == '\n')
            esc = "&#10;";
        else if (c < 0x20 && c != '\t' && c != '\n')
            esc = replacement;
        else if (c == 0xEF && i + 2 < n && u[i + 1] == 0xBF && (u[i + 2] & 0xFE) == 0xBE) {
            esc = replacement; /* EF BF BE and EF BF BF: U+FFFE, U+FFFF */
            skip = 3;
        } else
            continue;
        fwrite(s + run, 1, i - run, f);
        fputs(esc, f);
        i += skip - 1;
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, f);
}
