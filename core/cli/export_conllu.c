/*
 * export_conllu.c — CoNLL-U (Universal Dependencies' format) of the tokens
 * and sentences: one token a line, a blank line after each sentence.
 *
 *   # newdoc id = DOCID              at each document
 *   # newpar id = paragraph.N        when a sentence starts a new paragraph
 *   # sent_id = DOCID/sentence.N     (spaces made '_', as sent_id allows none)
 *   # text = ...                     the sentence, line breaks made spaces
 *   1  FORM  _  _  _  _  _  _  _  TokenRange=START:END[|SpaceAfter=No]
 *
 * Only the word forms are known: lemma, tags and syntax stay "_".  MISC
 * carries TokenRange (code points in the document's text, as UDPipe writes
 * it) so each token can be found again, and SpaceAfter=No where the next
 * token follows without a gap.  Tokens outside every sentence (a heading the
 * segmenter keeps out of sentences) are not dropped: each run of them is
 * written as a sentence of its own, "# sent_id = DOCID/outside.N".
 *
 * A document without tokens cannot be written: it is reported (segment makes
 * tokens when asked: -p segment:tokens=true) and the export ends with
 * status 1.
 */
#include "export.h"
#include "cli.h"

#include <string.h>

/* Text on one line of the format: tabs and line breaks become spaces. */
static void put_flat(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
    }
}

static void put_sent_id(FILE *f, const char *doc_id, size_t n, const char *what,
                        unsigned long k, const char *span_id)
{
    fputs("# sent_id = ", f);
    for (size_t i = 0; i < n; i++)
        fputc(doc_id[i] == ' ' || doc_id[i] == '\t' || doc_id[i] == '\n' ? '_' : doc_id[i], f);
    if (span_id)
        fprintf(f, "/%s\n", span_id);
    else
        fprintf(f, "/%s.%lu\n", what, k);
}

/* Write the tokens [FIRST, END) of DOC — all inside one sentence or one
 * run outside them — as a sentence block. */
static void put_tokens(FILE *f, const sp_doc *doc, const char *text,
                       const sp_span *const *tok, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++) {
        const sp_span *t = tok[i];
        fprintf(f, "%zu\t", i - first + 1);
        if (t->end > t->start)
            put_flat(f, text + t->start, t->end - t->start);
        else
            fputc('_', f);
        fprintf(f, "\t_\t_\t_\t_\t_\t_\t_\tTokenRange=%zu:%zu",
                sp_doc_char_offset(doc, t->start), sp_doc_char_offset(doc, t->end));
        if (i + 1 < end && tok[i + 1]->start == t->end)
            fputs("|SpaceAfter=No", f);
        fputc('\n', f);
    }
    fputc('\n', f);
}

static int conllu_document(export_ctx *x, const sp_doc *doc)
{
    FILE *f = x->out.f;
    size_t idlen, len;
    const char *id = sp_doc_id(doc, &idlen);
    const char *text = sp_doc_text(doc, &len);
    size_t ntok = 0;
    for (const sp_span *t = sp_doc_first(doc, "token"); t; t = sp_doc_next(doc, t))
        ntok++;
    if (!ntok) {
        cli_error("document \"%s\": no tokens to write as CoNLL-U (make them with "
                  "-p segment:tokens=true)", id);
        x->skipped++;
        return 0;
    }
    const sp_span **tok = cli_xmalloc(ntok * sizeof *tok);
    ntok = 0;
    for (const sp_span *t = sp_doc_first(doc, "token"); t; t = sp_doc_next(doc, t))
        tok[ntok++] = t;

    fputs("# newdoc id = ", f);
    put_flat(f, id, idlen);
    fputc('\n', f);
    /* Sentences, paragraphs and tokens are each in order of start, so one
     * pass over the three lists places every token. */
    const sp_span *sent = sp_doc_first(doc, "sentence");
    const sp_span *par = sp_doc_first(doc, "paragraph");
    const sp_span *cur_par = NULL;
    unsigned long outside = 0;
    size_t i = 0;
    while (i < ntok) {
        while (sent && sent->end <= tok[i]->start)
            sent = sp_doc_next(doc, sent);
        int inside = sent && sent->start <= tok[i]->start && tok[i]->end <= sent->end;
        size_t j = i + 1;
        if (inside)
            while (j < ntok && tok[j]->end <= sent->end)
                j++;
        else
            while (j < ntok && !(sent && sent->start <= tok[j]->start))
                j++;
        /* the paragraph holding the block's first token, if it is a new one */
        while (par && par->end <= tok[i]->start)
            par = sp_doc_next(doc, par);
        if (par && par->start <= tok[i]->start && par != cur_par) {
            fprintf(f, "# newpar id = %s\n", par->id);
            cur_par = par;
        }
        if (inside) {
            put_sent_id(f, id, idlen, NULL, 0, sent->id);
            fputs("# text = ", f);
            put_flat(f, text + sent->start, sent->end - sent->start);
        } else {
            put_sent_id(f, id, idlen, "outside", outside++, NULL);
            fputs("# text = ", f);
            put_flat(f, text + tok[i]->start, tok[j - 1]->end - tok[i]->start);
        }
        fputc('\n', f);
        put_tokens(f, doc, text, tok, i, j);
        if (inside)
            sent = sp_doc_next(doc, sent);
        i = j;
    }
    free(tok);
    return ferror(f) ? -1 : 0; /* cli_out_close says why */
}

static int conllu_begin(export_ctx *x)
{
    (void)x;
    return 0;
}

static int conllu_end(export_ctx *x, int ok)
{
    (void)x, (void)ok;
    return 0;
}

const exporter export_conllu = {
    .name = "conllu",
    .summary = "CoNLL-U: tokens and sentences (needs the token layer)",
    .begin = conllu_begin,
    .document = conllu_document,
    .end = conllu_end,
};
