/* icu_sentences.c — the ICU peer of the benchmark: count sentences with ICU's
 * sentence BreakIterator.
 *
 * usage: icu_sentences [-b] [-l LOCALE] [TEXT_FILE]     (standard input without one)
 *
 * Reads the plain-text corpus that bench/gencorpus writes (documents each
 * followed by a line holding a form feed), one document at a time, so memory
 * stays that of one document as spanpipe's does, and prints
 * "docs N sentences N bytes N".  With -b it prints instead, for each document,
 * one line of its sentence boundaries as byte offsets into the document (the
 * ends of its sentences), so bench/sbd_peers.py can score them.
 *
 * The locale defaults to "en@ss=standard": plain "en" breaks after every
 * "Mr." and "U.S.", while ss=standard turns on ICU's list of English
 * abbreviations that do not end a sentence, the fairest setting to set
 * against a splitter that knows abbreviations.
 *
 * The text is handed to ICU as UTF-8 through a UText, so no UTF-16 copy is
 * made: what is timed is the break iterator itself.
 *
 * Built by bench/run: cc -O2 icu_sentences.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 */
#define _POSIX_C_SOURCE 200809L /* getdelim, getopt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

static void die(const char *what, UErrorCode status)
{
    fprintf(stderr, "icu_sentences: %s: %s\n", what, u_errorName(status));
    exit(1);
}

int main(int argc, char **argv)
{
    const char *locale = "en@ss=standard";
    int c, bounds = 0;
    while ((c = getopt(argc, argv, "bl:")) != -1) {
        if (c == 'l')
            locale = optarg;
        else if (c == 'b')
            bounds = 1;
        else {
            fputs("usage: icu_sentences [-b] [-l LOCALE] [TEXT_FILE]\n", stderr);
            return 2;
        }
    }
    FILE *in = stdin;
    if (optind < argc && !(in = fopen(argv[optind], "r"))) {
        perror(argv[optind]);
        return 1;
    }

    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &status);
    if (U_FAILURE(status))
        die("ubrk_open", status);

    unsigned long long docs = 0, sentences = 0, bytes = 0;
    char *chunk = NULL;
    size_t cap = 0;
    ssize_t n;
    UText *ut = NULL;
    /* One document per form feed: strip the newline before the form feed and
     * the one after the previous form feed, as the generator added them. */
    while ((n = getdelim(&chunk, &cap, '\f', in)) > 0) {
        char *s = chunk;
        size_t len = (size_t)n;
        if (len && s[len - 1] == '\f')
            len--;
        if (len && s[len - 1] == '\n')
            len--;
        if (len && s[0] == '\n') {
            s++;
            len--;
        }
        if (len == 0)
            continue;
        ut = utext_openUTF8(ut, s, (int64_t)len, &status);
        if (U_FAILURE(status))
            die("utext_openUTF8", status);
        ubrk_setUText(bi, ut, &status);
        if (U_FAILURE(status))
            die("ubrk_setUText", status);
        /* Every segment between two boundaries is one sentence (with the
         * blank lines after it): count the boundaries after the first. */
        ubrk_first(bi);
        int32_t at;
        while ((at = ubrk_next(bi)) != UBRK_DONE) {
            sentences++;
            if (bounds)
                printf(" %ld", (long)at);
        }
        if (bounds)
            putchar('\n');
        docs++;
        bytes += len;
    }
    if (ferror(in)) {
        perror("icu_sentences: read");
        return 1;
    }
    utext_close(ut);
    ubrk_close(bi);
    free(chunk);
    if (in != stdin)
        fclose(in);
    if (!bounds)
        printf("docs %llu sentences %llu bytes %llu\n", docs, sentences, bytes);
    return 0;
}
