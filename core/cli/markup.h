/*
 * markup.h — text into XML and HTML.
 */
#ifndef SPANPIPE_CLI_MARKUP_H
#define SPANPIPE_CLI_MARKUP_H

#include <stddef.h>
#include <stdio.h>

/*
 * Write the UTF-8 text S[0..N) to F as XML/HTML character data: & < > become
 * entities, and " and ' too when IN_ATTR (an attribute value).  A carriage
 * return is written &#13; so that a parser does not turn it into a newline.
 * Characters XML 1.0 cannot carry at all (the C0 controls other than tab,
 * newline and carriage return, U+FFFE, U+FFFF) become U+FFFD, so the output
 * always parses; the text is otherwise unchanged, character for character.
 */
void markup_escape(FILE *f, const char *s, size_t n, int in_attr);

#endif
