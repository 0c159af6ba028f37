/*
 * people_file.c — the known-people list a user hands the stage (its
 * persons file): "id<TAB>Surname, Given (Nick)<TAB>...".
 *
 * A researcher's list of persons (a FRUS volume's, say) maps the ways the
 * text writes a name to one canonical person id.  The text is searched for a
 * surname's last word ("Cuéllar" of "Pérez de Cuéllar", "Petrosyan" of
 * "Ter-Petrosyan", since the tokenizer splits at hyphens), so that is the key.
 */
#include <stdlib.h>
#include <string.h>
#include "spk_rules.h"

void spk_people_init(spk_people *p)
{
    memset(p, 0, sizeof *p);
}

void spk_people_free(spk_people *p)
{
    free(p->buf);
    free(p->v);
    spk_names_free(p->by_key);
    spk_people_init(p);
}

static spk_str spk_trim(const char *a, const char *b)
{
    while (a < b && (*a == ' ' || *a == '\t' || *a == '\r'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
        b--;
    return (spk_str){ a, (size_t)(b - a) };
}

/* The last word of S, hyphens and spaces separating words. */
static spk_str spk_last_word(spk_str s)
{
    const char *b = s.p + s.n, *a = b;
    while (a > s.p && a[-1] != ' ' && a[-1] != '-')
        a--;
    return a < b ? (spk_str){ a, (size_t)(b - a) } : s;
}

/* Add one spelling NAME[A, B) of the person ID. */
static int spk_people_add(spk_people *p, spk_str id, const char *a, const char *b)
{
    const char *comma = memchr(a, ',', (size_t)(b - a));
    spk_person q = { id, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };
    if (comma) {
        q.surname = spk_trim(a, comma);
        const char *g = comma + 1, *ge = b;
        const char *open = memchr(g, '(', (size_t)(b - g));
        if (open) {
            const char *close = memchr(open, ')', (size_t)(b - open));
            q.nick = spk_trim(open + 1, close ? close : b);
            ge = open;
        }
        q.given = spk_trim(g, ge);
    } else {
        spk_str all = spk_trim(a, b);
        q.surname = spk_last_word(all);
        q.given = spk_trim(all.p, q.surname.p);
    }
    if (!q.surname.n)
        return 0;
    q.key = spk_last_word(q.surname);
    if (spt_grow((void **)&p->v, &p->cap, p->n, sizeof *p->v) < 0 ||
        spk_names_add(p->by_key, q.key.p, q.key.n, p->n) < 0)
        return -1;
    p->v[p->n++] = q;
    return 0;
}

int spk_people_load(spk_people *p, char *buf, size_t len)
{
    free(p->buf);
    p->buf = buf;
    if (!p->by_key && !(p->by_key = spk_names_new()))
        return -1;
    size_t i = 0;
    while (i < len) {
        const char *line = buf + i;
        const char *eol = memchr(line, '\n', len - i);
        if (!eol)
            eol = buf + len;
        i = (size_t)(eol - buf) + 1;
        const char *tab = memchr(line, '\t', (size_t)(eol - line));
        if (!tab)
            continue;
        spk_str id = spk_trim(line, tab);
        const char *name = tab + 1;
        const char *tab2 = memchr(name, '\t', (size_t)(eol - name));
        const char *name_end = tab2 ? tab2 : eol;
        if (!id.n || (id.n == 2 && memcmp(id.p, "id", 2) == 0))
            continue;
        /* Variant spellings of the one person, separated by '|'. */
        const char *a = name;
        while (a <= name_end) {
            const char *bar = memchr(a, '|', (size_t)(name_end - a));
            const char *b = bar ? bar : name_end;
            if (spk_people_add(p, id, a, b) < 0)
                return -1;
            a = b + 1;
        }
    }
    return 0;
}
