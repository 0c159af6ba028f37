/*
 * markup.h — text into HTML or XML, for the commands that write markup (view,
 * export).
 */
#ifndef SPANPIPE_CLI_MARKUP_H
#define SPANPIPE_CLI_MARKUP_H

#include <stddef.h>
#include <stdio.h>

/*
 * Write the N bytes of UTF-8 at S (valid UTF-8, NULs included) to F so that an
 * HTML or XML parser reads back the same characters:
 *   - & < > always become &amp; &lt; &gt;; with IN_ATTR (a value between
 *     quotes, either kind) " and ' also become &quot; and &#39;, and tab and
 *     newline become &#9; and &#10;, which an XML parser would otherwise turn
 *     into spaces (attribute-value normalisation);
 *   - a carriage return becomes &#13;, which both parsers keep (a raw one is
 *     read as a newline);
 *   - characters XML 1.0 cannot carry at all — U+0000 and the other C0
 *     controls but tab, newline and carriage return, and U+FFFE, U+FFFF —
 *     become U+FFFD, one character for one, so code-point offsets into the
 *     text stay true.  (HTML could carry all but U+0000; one rule serves both
 *     formats.)
 * Everything else is copied as is.  Errors show in ferror(F).
 */
void markup_escape(FILE *f, const char *s, size_t n, int in_attr);

#endif
