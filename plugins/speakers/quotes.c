/*
 * quotes.c — direct quotations inside speech: Bessmertnykh said he had an
 * “urge to say something but I think I won’t”.
 *
 * A quotation is what stands between an opening and a closing double quote
 * in one paragraph (it may run on past the sentence it opens in).  A single
 * quoted word ("a “working” meeting") is a term, not a quotation, unless a
 * comma or colon introduces it (replied, “Yes.”).
 */
#include "spk_chars.h"
#include "spk_speech.h"

int spk_quotes(spk_ctx *c, size_t ta, size_t tb, size_t para_end, size_t speaker, size_t *qpos)
{
    for (size_t k = ta > *qpos ? ta : *qpos; k < tb; k++) {
        const spk_tok *t = &c->toks.v[k];
        if (t->kind != SPK_TOK_PUNCT || !spt_is_open_quote(t->c))
            continue;
        size_t close = k + 1, words = 0;
        while (close < c->toks.n && c->toks.v[close].start < para_end &&
               !(c->toks.v[close].kind == SPK_TOK_PUNCT && spt_is_close_quote(c->toks.v[close].c) &&
                 (c->toks.v[close].c != '"' || close > k + 1))) {
            if (c->toks.v[close].kind == SPK_TOK_WORD)
                words++;
            close++;
        }
        if (close >= c->toks.n || c->toks.v[close].start >= para_end) {
            *qpos = close; /* unclosed: never look through this paragraph again */
            return 0;
        }
        *qpos = close + 1;
        int introduced = k > 0 && (spk_tok_punct(c, k - 1, ',') || spk_tok_punct(c, k - 1, ':'));
        if (close > k + 1 && (words >= 2 || introduced) &&
            spk_add_speech(c, c->toks.v[k + 1].start, c->toks.v[close - 1].end, speaker,
                           SPK_QUOTED) < 0)
            return -1;
        k = close;
    }
    return 0;
}
