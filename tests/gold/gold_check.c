/* gold_check.c — score spanpipe output against gold annotations.
 *
 *     gold_check --gold DIR [--gold DIR ...] [--min "METRIC=VALUE" ...] OUTPUT.jsonl[.gz]
 *
 * A C twin of the project's Python scorer (eval/score): the same metrics by the
 * same rules, printed as the same table, so that `make check` can hold the
 * bundled stages to the gold without Python.  Rules, in short:
 *
 *   - gold: for every DIR/.../ID.gold.json, the document's gold spans, plus
 *     ID.sentences.json and ID.speakers.json beside it when present, and ID.txt
 *     when present (then the output's text must equal it).  A document of the
 *     output matches a gold one when its id equals the gold key or ends with
 *     "/KEY"; the key is VOLUME/ID, VOLUME being the gold file's folder name.
 *   - offsets are code points; spans are trimmed of white space at both ends
 *     wherever the scorer does (paragraphs, sentences, notes, note links);
 *   - paragraphs and notes: exact F1 of the trimmed spans, as sets;
 *   - sentences: F1 of sentence ends, counted only inside the gold paragraphs
 *     whose sentences the gold marks;
 *   - section kind: accuracy per non-space character the gold can label;
 *   - note-refs: exact F1, and whether each found one links (attr `note`) to a
 *     span covering the right footnote;
 *   - xrefs, pages, participants, mentions: greedy one-to-one matching of
 *     overlapping spans that agree (target document; page number);
 *   - speech: for each gold sentence, the system speech span overlapping it
 *     most must cover more than half of it and name the same person (letters
 *     only, case folded, one name may end the other).
 *
 * Where the two can differ (all on input the project never produces):
 *   - case folding and "is a letter" (for speaker names) use the C library's
 *     towlower()/iswalpha() under a UTF-8 LC_CTYPE (C.UTF-8, else en_US.UTF-8),
 *     and plain ASCII when no such locale exists; Python uses its own Unicode
 *     database.  White space (str.isspace) is Python's exact list.
 *   - `\d` of the xref target pattern is taken as an ASCII digit;
 *   - a span id or attribute value is compared as a string up to any U+0000 in
 *     it, and span ids that are not strings are ignored (spanpipe's ids are
 *     strings);
 *   - str() of a JSON value that is a float, list or object (a page number,
 *     say) is approximated (shortest round-trip digits; compact JSON);
 *   - offsets beyond +-2^62, and gold the Python scorer would crash on (a
 *     list where a record is expected, say), are input errors here (exit 2);
 *     a gold list that is null counts as empty;
 *   - folders are walked in sorted order (os.walk's is the file system's).
 *
 * One thing is deliberately different: a --min bound on a metric whose gold
 * is empty (no gold items of that layer in the documents scored, or no row at
 * all) is skipped rather than failed, since the figure says nothing then.
 *
 * Exit status: 0 all bounds met, 1 a bound missed (or gold documents missing
 * from the output while bounds are given), 2 a usage or input error.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include <jansson.h>
#include <zlib.h>

/* ------------------------------------------------------------------ errors */

/* The document (or file) being read, named by input error messages. */
static const char *where = "";

static _Noreturn void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gold_check: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nusage: gold_check --gold DIR [--gold DIR ...] [--min \"METRIC=VALUE\" ...]"
          " OUTPUT.jsonl[.gz]\n", stderr);
    va_end(ap);
    exit(2);
}

/* Bad input ends the run: a scorer that guesses would hide the fault. */
static _Noreturn void input_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gold_check: %s%s", where, *where ? ": " : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("gold_check: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* Make room for `need` items of `size` bytes in a growable array; returns
 * the array, moved or not. */
static void *grow(void *array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return array;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    void *p = realloc(array, n * size);
    if (!p) {
        fputs("gold_check: out of memory\n", stderr);
        exit(2);
    }
    *cap = n;
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        input_error("cannot format a message");
    char *s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* ----------------------------------------------------------------- Unicode */

/* Decode UTF-8 (NULs allowed) into code points, as Python's strict decoder
 * does: false on a malformed, overlong or surrogate sequence. */
static bool utf8_decode(const char *s, size_t len, uint32_t **out, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    uint32_t *cp = xmalloc(len * sizeof *cp);
    size_t k = 0;
    while (p < end) {
        uint32_t c = *p++;
        int more = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2
                 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
        if (more < 0 || end - p < more) {
            free(cp);
            return false;
        }
        c &= more == 0 ? 0x7F : more == 1 ? 0x1F : more == 2 ? 0x0F : 0x07;
        for (int i = 0; i < more; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                free(cp);
                return false;
            }
            c = c << 6 | (p[i] & 0x3F);
        }
        p += more;
        if ((more == 2 && (c < 0x800 || (c >= 0xD800 && c < 0xE000)))
            || (more == 3 && (c < 0x10000 || c > 0x10FFFF))) {
            free(cp);
            return false;
        }
        cp[k++] = c;
    }
    *out = cp;
    *n = k;
    return true;
}

/* Append one code point as UTF-8; `buf` holds at least 4 more bytes. */
static size_t utf8_put(char *buf, uint32_t c)
{
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xC0 | c >> 6);
        buf[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (char)(0xE0 | c >> 12);
        buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | c >> 18);
    buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
    buf[2] = (char)(0x80 | (c >> 6 & 0x3F));
    buf[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Python's str.isspace(), exactly: the characters of bidirectional class
 * WS, B or S, or of category Zs. */
static bool py_isspace(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Whether the C library's wide-character tables know Unicode (main sets it). */
static bool unicode_ctype;

/* Python's lower() and isalpha(), approximated beyond ASCII by the C
 * library's tables (see the top of the file). */
static uint32_t fold_case(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return unicode_ctype ? (uint32_t)towlower((wint_t)c) : c;
}

static bool is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return unicode_ctype && iswalpha((wint_t)c);
}

/* A text as code points, the unit of every offset. */
typedef struct {
    uint32_t *cp;
    long long n;
} Text;

/* ------------------------------------------------ Python values over JSON */

/* Python's truth value of a JSON value (NULL: absent, i.e. None). */
static bool py_truthy(const json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_OBJECT: return json_object_size(v) > 0;
    case JSON_ARRAY: return json_array_size(v) > 0;
    case JSON_STRING: return json_string_length(v) > 0;
    case JSON_INTEGER: return json_integer_value(v) != 0;
    case JSON_REAL: return json_real_value(v) != 0.0;
    case JSON_TRUE: return true;
    default: return false;
    }
}

/* Python's str() of a JSON value, newly allocated (NULL: absent, i.e. None).
 * Floats, lists and objects are approximated (see the top of the file). */
static char *py_str(const json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_STRING: return xstrdup(json_string_value(v));
    case JSON_INTEGER: return xprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
    case JSON_TRUE: return xstrdup("True");
    case JSON_FALSE: return xstrdup("False");
    case JSON_NULL: return xstrdup("None");
    case JSON_REAL: {
        double d = json_real_value(v);
        char *s = NULL;
        for (int prec = 1; prec <= 17; prec++) {  /* the shortest that reads back */
            free(s);
            s = xprintf("%.*g", prec, d);
            if (strtod(s, NULL) == d)
                break;
        }
        if (!strpbrk(s, ".einf")) {  /* Python writes 3.0, not 3 */
            char *t = xprintf("%s.0", s);
            free(s);
            s = t;
        }
        return s;
    }
    default: {
        char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!s)
            input_error("cannot write a JSON value as text");
        char *t = xstrdup(s);
        free(s);
        return t;
    }
    }
}

/* Offsets are kept within +-2^62 so that no sum or difference overflows. */
#define OFFSET_LIMIT (1LL << 62)

/* Python's int() of an offset: integers, floats (truncated), booleans and
 * decimal strings. */
static long long py_int(const json_t *v, const char *what)
{
    long long x;
    if (json_is_integer(v)) {
        x = json_integer_value(v);
    } else if (json_is_real(v) && isfinite(json_real_value(v))
               && fabs(json_real_value(v)) < (double)OFFSET_LIMIT) {
        x = (long long)json_real_value(v);
    } else if (json_is_boolean(v)) {
        x = json_is_true(v);
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        errno = 0;
        x = strtoll(s, &end, 10);
        while (py_isspace((unsigned char)*end))
            end++;
        if (end == s || *end || errno)
            input_error("%s is not an integer: \"%s\"", what, s);
    } else {
        input_error("%s is missing or not an integer", what);
    }
    if (x <= -OFFSET_LIMIT || x >= OFFSET_LIMIT)
        input_error("%s is out of range: %lld", what, x);
    return x;
}

/* Whether two JSON strings are equal (NULL or non-string: never). */
static bool same_string(const json_t *a, const char *b)
{
    return json_is_string(a) && b && strcmp(json_string_value(a), b) == 0;
}

/* ------------------------------------------------------------------ ranges */

typedef struct {
    long long s, e;
} Range;

/* A gold or system span as a range, from {"start":..,"end":..} or [start, end]. */
static Range json_range(const json_t *x)
{
    Range r;
    if (json_is_object(x)) {
        r.s = py_int(json_object_get(x, "start"), "\"start\"");
        r.e = py_int(json_object_get(x, "end"), "\"end\"");
    } else if (json_is_array(x)) {
        r.s = py_int(json_array_get(x, 0), "the start of a range");
        r.e = py_int(json_array_get(x, 1), "the end of a range");
    } else {
        input_error("a span is neither an object nor a list");
    }
    return r;
}

static long long min_ll(long long a, long long b) { return a < b ? a : b; }
static long long max_ll(long long a, long long b) { return a > b ? a : b; }

/* Shrink a range past surrounding white space, so that trailing blanks never
 * decide a match; first clamped into the text. */
static Range strip_range(const Text *t, Range r)
{
    long long s = max_ll(0, min_ll(r.s, t->n)), e = max_ll(0, min_ll(r.e, t->n));
    while (s < e && py_isspace(t->cp[s]))
        s++;
    while (e > s && py_isspace(t->cp[e - 1]))
        e--;
    return (Range){s, e};
}

static long long overlap(Range a, Range b)
{
    return max_ll(0, min_ll(a.e, b.e) - max_ll(a.s, b.s));
}

static bool same_range(Range a, Range b)
{
    return a.s == b.s && a.e == b.e;
}

static int cmp_range(const void *pa, const void *pb)
{
    const Range *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return a->e < b->e ? -1 : a->e > b->e;
}

static int cmp_ll(const void *pa, const void *pb)
{
    long long a = *(const long long *)pa, b = *(const long long *)pb;
    return a < b ? -1 : a > b;
}

/* Sort an array and drop repeats: the scorer compares sets. */
static size_t sort_unique(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n == 0)
        return 0;
    qsort(base, n, size, cmp);
    char *b = base;
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (cmp(b + (k - 1) * size, b + i * size) != 0)
            memmove(b + k++ * size, b + i * size, size);
    return k;
}

/* ------------------------------------------------------------------ tallies */

typedef struct {
    long long tp, fp, fn;
    bool used;  /* the scorer prints a row only for the tallies it touched */
} Tally;

static void tally_add(Tally *t, long long tp, long long fp, long long fn)
{
    t->tp += tp;
    t->fp += fp;
    t->fn += fn;
    t->used = true;
}

/* Set comparison of GOLD and SYS (NG and NS items of SIZE bytes, ordered by
 * CMP): how many items both hold, and how many only one does. */
static void tally_sorted(Tally *t, void *gold, size_t ng, void *sys, size_t ns, size_t size,
                         int (*cmp)(const void *, const void *))
{
    ng = sort_unique(gold, ng, size, cmp);
    ns = sort_unique(sys, ns, size, cmp);
    const char *g = gold, *y = sys;
    long long both = 0;
    for (size_t i = 0, j = 0; i < ng && j < ns;) {
        int c = cmp(g + i * size, y + j * size);
        both += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    tally_add(t, both, (long long)ns - both, (long long)ng - both);
}

static void tally_sets(Tally *t, Range *gold, size_t ng, Range *sys, size_t ns)
{
    tally_sorted(t, gold, ng, sys, ns, sizeof *gold, cmp_range);
}

static void tally_ends(Tally *t, long long *gold, size_t ng, long long *sys, size_t ns)
{
    tally_sorted(t, gold, ng, sys, ns, sizeof *gold, cmp_ll);
}

/* Whether gold item gi and system item si may match (beyond overlapping). */
typedef bool (*AgreeFn)(size_t gi, size_t si, const void *ctx);

/* Greedy one-to-one matching: each gold span in turn takes the unused system
 * span that agrees with it and overlaps it most (the first of equals). */
static void tally_overlaps(Tally *t, const Range *gold, size_t ng, const Range *sys, size_t ns,
                           AgreeFn agree, const void *ctx)
{
    bool *used = xmalloc(ns * sizeof *used);
    memset(used, 0, ns * sizeof *used);
    long long tp = 0;
    for (size_t gi = 0; gi < ng; gi++) {
        size_t best = SIZE_MAX;
        long long best_ov = 0;
        for (size_t si = 0; si < ns; si++) {
            if (used[si])
                continue;
            long long ov = overlap(gold[gi], sys[si]);
            if (ov > best_ov && (!agree || agree(gi, si, ctx))) {
                best = si;
                best_ov = ov;
            }
        }
        if (best != SIZE_MAX) {
            used[best] = true;
            tp++;
        }
    }
    free(used);
    tally_add(t, tp, (long long)ns - tp, (long long)ng - tp);
}

/* Every F1 tally the scorer keeps, by its name in the table. */
enum { T_PARAGRAPH, T_SENTENCE, T_NOTE, T_NOTE_REF, T_XREF, T_PAGE, T_PARTICIPANT, T_MENTION,
       T_COUNT };
static const char *const tally_names[T_COUNT] = {
    "paragraph", "sentence", "note", "note-ref", "xref", "page", "participant", "mention",
};

typedef struct {
    char *name;
    long long right, total;
} Accuracy;

typedef struct {
    Tally tally[T_COUNT];
    Accuracy *acc;  /* created on first use, as the scorer's defaultdict */
    size_t nacc, acc_cap;
} Scores;

static void accuracy_add(Scores *sc, const char *name, bool right)
{
    size_t i = 0;
    while (i < sc->nacc && strcmp(sc->acc[i].name, name) != 0)
        i++;
    if (i == sc->nacc) {
        sc->acc = grow(sc->acc, &sc->acc_cap, sc->nacc + 1, sizeof *sc->acc);
        sc->acc[sc->nacc++] = (Accuracy){xstrdup(name), 0, 0};
    }
    sc->acc[i].right += right;
    sc->acc[i].total++;
}

/* ------------------------------------------------------------------ gold */

typedef struct {
    char *key;      /* VOLUME/ID */
    json_t *g;      /* the gold record, with "sentences" and "speakers" merged in */
    char *text;     /* ID.txt, newlines as Python reads them; NULL when absent */
    size_t text_len;
    bool seen;
} GoldDoc;

typedef struct {
    GoldDoc *v;
    size_t n, cap;
} GoldSet;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* os.path.join and os.path.basename, as the scorer sees its folders. */
static char *path_join(const char *dir, const char *name)
{
    return xprintf("%s%s%s", dir, *dir && !ends_with(dir, "/") ? "/" : "", name);
}

static const char *path_base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static json_t *load_json(const char *path)
{
    json_error_t err;
    json_t *v = json_load_file(path, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!v)
        input_error("%s:%d: %s", path, err.line, err.text);
    return v;
}

/* The gold text, read as Python's text mode does: "\r\n" and "\r" become "\n". */
static char *load_text(const char *path, size_t *len)
{
    if (access(path, F_OK) != 0)
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        input_error("cannot open %s: %s", path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int c, prev = 0;
    while ((c = getc(f)) != EOF) {
        if (c == '\n' && prev == '\r') {  /* the "\r" already gave its "\n" */
            prev = c;
            continue;
        }
        prev = c;
        buf = grow(buf, &cap, n + 1, 1);
        buf[n++] = c == '\r' ? '\n' : (char)c;
    }
    if (ferror(f))
        input_error("cannot read %s", path);
    fclose(f);
    uint32_t *cp;
    size_t ncp;
    if (!utf8_decode(buf ? buf : "", n, &cp, &ncp))
        input_error("%s is not UTF-8", path);
    free(cp);
    *len = n;
    return buf ? buf : xstrdup("");
}

/* Record one gold document; a later one with the same key replaces it. */
static void gold_put(GoldSet *set, char *key, json_t *g, char *text, size_t text_len)
{
    for (size_t i = 0; i < set->n; i++) {
        if (strcmp(set->v[i].key, key) == 0) {
            json_decref(set->v[i].g);
            free(set->v[i].text);
            free(key);
            set->v[i].g = g;
            set->v[i].text = text;
            set->v[i].text_len = text_len;
            return;
        }
    }
    set->v = grow(set->v, &set->cap, set->n + 1, sizeof *set->v);
    set->v[set->n++] = (GoldDoc){key, g, text, text_len, false};
}

/* Load DIR/STEM.gold.json and whatever lies beside it. */
static void gold_load_file(GoldSet *set, const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    char *stem = xstrdup(name);
    stem[strlen(stem) - strlen(".gold.json")] = '\0';
    where = path;
    json_t *g = load_json(path);
    if (!json_is_object(g))
        input_error("not a JSON object");

    static const char *const extras[] = {"sentences", "speakers"};
    for (size_t i = 0; i < sizeof extras / sizeof *extras; i++) {
        char *name_i = xprintf("%s.%s.json", stem, extras[i]);
        char *file = path_join(dir, name_i);
        free(name_i);
        if (access(file, F_OK) == 0)
            json_object_set_new(g, extras[i], load_json(file));
        free(file);
    }
    char *txt_name = xprintf("%s.txt", stem);
    char *txt = path_join(dir, txt_name);
    free(txt_name);
    size_t text_len = 0;
    char *text = load_text(txt, &text_len);
    free(txt);

    const json_t *id = json_object_get(g, "id");
    char *key = py_truthy(id) ? py_str(id) : xstrdup(stem);
    if (!strchr(key, '/')) {
        char *full = xprintf("%s/%s", path_base(dir), key);
        free(key);
        key = full;
    }
    gold_put(set, key, g, text, text_len);
    where = "";
    free(stem);
    free(path);
}

static int cmp_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Walk a folder as os.walk does: its gold files first, then its subfolders
 * (symbolic links to folders are not followed). */
static void gold_walk(GoldSet *set, const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, cmp_name);
    if (n < 0)
        return;  /* os.walk ignores what it cannot list */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            const char *name = names[i]->d_name;
            if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
                continue;
            char *path = path_join(dir, name);
            struct stat st, lst;
            bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
            if (pass == 0 && !is_dir && ends_with(name, ".gold.json"))
                gold_load_file(set, dir, name);
            else if (pass == 1 && is_dir && lstat(path, &lst) == 0 && S_ISDIR(lst.st_mode))
                gold_walk(set, path);
            free(path);
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static void gold_free(GoldSet *set)
{
    for (size_t i = 0; i < set->n; i++) {
        free(set->v[i].key);
        json_decref(set->v[i].g);
        free(set->v[i].text);
    }
    free(set->v);
}

/* A list of the gold record: absent or null is empty, anything else an error. */
static const json_t *gold_list(const json_t *g, const char *key)
{
    static json_t *empty;
    if (!empty)
        empty = json_array();
    const json_t *v = json_object_get(g, key);
    if (!v || json_is_null(v))
        return empty;
    if (!json_is_array(v))
        input_error("gold \"%s\" is not a list", key);
    return v;
}

/* A gold record that the scorer reads with .get(): it must be an object. */
static const json_t *gold_record(const json_t *list, size_t i, const char *what)
{
    const json_t *x = json_array_get(list, i);
    if (!json_is_object(x))
        input_error("a gold %s is not an object", what);
    return x;
}

/* ------------------------------------------------------- system documents */

/* The layers the metrics read. */
enum { L_PARAGRAPH, L_SENTENCE, L_SECTION, L_NOTE, L_NOTE_REF, L_XREF, L_PAGE, L_PARTICIPANT,
       L_MENTION, L_SPEECH, L_COUNT };
static const char *const layer_names[L_COUNT] = {
    "paragraph", "sentence", "section", "note", "note-ref", "xref", "page", "participant",
    "mention", "speech",
};

typedef struct {
    Range r;
    const json_t *attrs;  /* borrowed from the document; NULL when empty */
} Span;

typedef struct {
    Span *v;
    size_t n, cap;
} SpanList;

typedef struct {
    const char *id;
    size_t order;  /* of appearance: the last span with an id wins, as in a dict */
    Span span;
} IdEntry;

typedef struct {
    SpanList layer[L_COUNT];
    IdEntry *ids;  /* sorted by id, then order */
    size_t nids, ids_cap;
} DocSpans;

static const json_t *attr(const Span *sp, const char *key)
{
    return sp->attrs ? json_object_get(sp->attrs, key) : NULL;
}

static int cmp_id(const void *pa, const void *pb)
{
    const IdEntry *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The span a reference names (a JSON string), or NULL. */
static const Span *span_by_id(const DocSpans *ds, const json_t *ref)
{
    if (!json_is_string(ref))
        return NULL;
    const char *id = json_string_value(ref);
    size_t lo = 0, hi = ds->nids;  /* first entry with a greater id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ds->ids[mid].id, id) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && strcmp(ds->ids[lo - 1].id, id) == 0 ? &ds->ids[lo - 1].span : NULL;
}

static void doc_spans_read(DocSpans *ds, const json_t *spans)
{
    memset(ds, 0, sizeof *ds);
    for (size_t i = 0; i < json_array_size(spans); i++) {
        const json_t *sp = json_array_get(spans, i);
        if (!json_is_object(sp))
            input_error("span %zu is not an object", i);
        const json_t *attrs = json_object_get(sp, "attrs");
        Span span = {
            {py_int(json_object_get(sp, "start"), "a span's \"start\""),
             py_int(json_object_get(sp, "end"), "a span's \"end\"")},
            json_is_object(attrs) ? attrs : NULL,
        };
        const json_t *layer = json_object_get(sp, "layer");
        for (int l = 0; l < L_COUNT; l++) {
            if (same_string(layer, layer_names[l])) {
                SpanList *list = &ds->layer[l];
                list->v = grow(list->v, &list->cap, list->n + 1, sizeof *list->v);
                list->v[list->n++] = span;
            }
        }
        const json_t *id = json_object_get(sp, "id");
        if (json_is_string(id)) {
            ds->ids = grow(ds->ids, &ds->ids_cap, ds->nids + 1, sizeof *ds->ids);
            ds->ids[ds->nids] = (IdEntry){json_string_value(id), ds->nids, span};
            ds->nids++;
        }
    }
    qsort(ds->ids, ds->nids, sizeof *ds->ids, cmp_id);
}

static void doc_spans_free(DocSpans *ds)
{
    for (int l = 0; l < L_COUNT; l++)
        free(ds->layer[l].v);
    free(ds->ids);
}

/* The ranges of a layer, trimmed or not, newly allocated. */
static Range *layer_ranges(const SpanList *list, const Text *t, bool strip)
{
    Range *r = xmalloc(list->n * sizeof *r);
    for (size_t i = 0; i < list->n; i++)
        r[i] = strip ? strip_range(t, list->v[i].r) : list->v[i].r;
    return r;
}

/* The ranges of a gold list, trimmed or not, newly allocated. */
static Range *gold_ranges(const json_t *list, const Text *t, bool strip)
{
    size_t n = json_array_size(list);
    Range *r = xmalloc(n * sizeof *r);
    for (size_t i = 0; i < n; i++) {
        r[i] = json_range(json_array_get(list, i));
        if (strip)
            r[i] = strip_range(t, r[i]);
    }
    return r;
}

/* ------------------------------------------------------------- the metrics */

/* What one document's metrics read. */
typedef struct {
    const json_t *g;
    const Text *text;
    const DocSpans *sys;
    Scores *sc;
} Doc;

static void score_paragraphs(const Doc *d)
{
    const json_t *gp = gold_list(d->g, "paragraphs");
    Range *gold = gold_ranges(gp, d->text, true);
    Range *sys = layer_ranges(&d->sys->layer[L_PARAGRAPH], d->text, true);
    tally_sets(&d->sc->tally[T_PARAGRAPH], gold, json_array_size(gp), sys,
               d->sys->layer[L_PARAGRAPH].n);
    free(gold);
    free(sys);
}

/* Sentence ends, only inside the gold paragraphs whose sentences the gold
 * marks (the others have no sentence gold, so a system end there says
 * nothing). */
static void score_sentences(const Doc *d)
{
    if (!json_object_get(d->g, "sentences"))
        return;
    const json_t *gs = gold_list(d->g, "sentences"), *gp = gold_list(d->g, "paragraphs");
    size_t ng = json_array_size(gs), np = json_array_size(gp);
    Range *sent = gold_ranges(gs, d->text, true);
    Range *para = gold_ranges(gp, d->text, false);

    size_t nzone = 0;  /* the marked paragraphs, moved to the front of para */
    for (size_t p = 0; p < np; p++) {
        for (size_t s = 0; s < ng; s++) {
            if (para[p].s <= sent[s].s && sent[s].s < para[p].e) {
                para[nzone++] = para[p];
                break;
            }
        }
    }
    long long *gold = xmalloc(ng * sizeof *gold);
    for (size_t s = 0; s < ng; s++)
        gold[s] = sent[s].e;

    const SpanList *ss = &d->sys->layer[L_SENTENCE];
    long long *sys = xmalloc(ss->n * sizeof *sys);
    size_t nsys = 0;
    for (size_t i = 0; i < ss->n; i++) {
        long long e = strip_range(d->text, ss->v[i].r).e;
        for (size_t z = 0; z < nzone; z++) {
            if (para[z].s < e && e <= para[z].e) {
                sys[nsys++] = e;
                break;
            }
        }
    }
    tally_ends(&d->sc->tally[T_SENTENCE], gold, ng, sys, nsys);
    free(sys);
    free(gold);
    free(para);
    free(sent);
}

typedef struct {
    Range r;
    const char *kind;
} KindRange;

typedef struct {
    KindRange *v;
    size_t n, cap;
} KindList;

static void want_kind(KindList *want, const json_t *x, const char *kind)
{
    want->v = grow(want->v, &want->cap, want->n + 1, sizeof *want->v);
    want->v[want->n++] = (KindRange){json_range(x), kind};
}

/* The section kind a gold paragraph must lie in, or NULL when the gold
 * cannot tell (a centred subtitle may be head or body; a list item may be
 * anything but a participant). */
static const char *paragraph_kind(const json_t *p)
{
    if (same_string(json_object_get(p, "rend"), "center"))
        return NULL;
    if (same_string(json_object_get(p, "list_type"), "participants"))
        return "participants";
    const json_t *kind = json_object_get(p, "kind");
    if (same_string(kind, "p") || same_string(kind, "salute"))
        return "body";
    if (same_string(kind, "closer"))
        return "signature";
    return NULL;
}

/* What the gold can say about section kinds: head, paragraphs, notes and
 * the datelines it has offsets for. */
static void section_wants(const json_t *g, KindList *want)
{
    const json_t *head = json_object_get(g, "head");
    if (json_is_object(head))
        want_kind(want, head, "head");
    const json_t *paras = gold_list(g, "paragraphs");
    for (size_t i = 0; i < json_array_size(paras); i++) {
        const json_t *p = json_array_get(paras, i);
        const char *kind = json_is_object(p) ? paragraph_kind(p) : NULL;
        if (kind)
            want_kind(want, p, kind);
    }
    const json_t *notes = gold_list(g, "notes");
    for (size_t i = 0; i < json_array_size(notes); i++)
        want_kind(want, json_array_get(notes, i), "notes");
    const json_t *datelines = json_object_get(g, "dateline");
    if (json_is_array(datelines)) {  /* anything else holds no dateline record */
        for (size_t i = 0; i < json_array_size(datelines); i++) {
            const json_t *dl = json_array_get(datelines, i);
            const json_t *start = json_object_get(dl, "start");
            if (json_is_object(dl) && py_truthy(json_object_get(dl, "rendered")) && start
                && !json_is_null(start))
                want_kind(want, dl, "dateline");
        }
    }
}

/* Section kind, character by character: every non-space character the gold
 * labels counts once, right when the last section span over it says so. */
static void score_section_kinds(const Doc *d)
{
    KindList want = {0};
    section_wants(d->g, &want);
    if (want.n == 0)
        return;
    long long n = d->text->n;
    const char **kinds = xmalloc((size_t)n * sizeof *kinds);
    for (long long i = 0; i < n; i++)
        kinds[i] = NULL;
    const SpanList *secs = &d->sys->layer[L_SECTION];
    for (size_t k = 0; k < secs->n; k++) {
        const json_t *kind = attr(&secs->v[k], "kind");
        for (long long i = max_ll(0, secs->v[k].r.s); i < min_ll(n, secs->v[k].r.e); i++)
            kinds[i] = json_is_string(kind) ? json_string_value(kind) : NULL;
    }
    for (size_t w = 0; w < want.n; w++) {
        for (long long i = want.v[w].r.s; i < min_ll(want.v[w].r.e, n); i++) {
            long long at = i < 0 ? i + n : i;  /* Python indexes from the end */
            if (at < 0)
                input_error("a gold span starts before the text: %lld", want.v[w].r.s);
            if (!py_isspace(d->text->cp[at]))
                accuracy_add(d->sc, "section kind",
                             kinds[at] && strcmp(kinds[at], want.v[w].kind) == 0);
        }
    }
    free(kinds);
    free(want.v);
}

/* A gold footnote: its trimmed range and its number. */
typedef struct {
    Range r;
    char *n;
} GoldNote;

static GoldNote *gold_notes(const Doc *d, size_t *n)
{
    const json_t *notes = gold_list(d->g, "notes");
    *n = json_array_size(notes);
    GoldNote *v = xmalloc(*n * sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        const json_t *x = gold_record(notes, i, "note");
        v[i] = (GoldNote){strip_range(d->text, json_range(x)), py_str(json_object_get(x, "n"))};
    }
    return v;
}

static void score_notes(const Doc *d, const GoldNote *notes, size_t nnotes)
{
    Range *gold = xmalloc(nnotes * sizeof *gold);
    for (size_t i = 0; i < nnotes; i++)
        gold[i] = notes[i].r;
    Range *sys = layer_ranges(&d->sys->layer[L_NOTE], d->text, true);
    tally_sets(&d->sc->tally[T_NOTE], gold, nnotes, sys, d->sys->layer[L_NOTE].n);
    free(sys);
    free(gold);
}

/* Whether a found marker links to the footnote the gold gives its number. */
static bool note_link_right(const Doc *d, const Span *hit, const char *n,
                            const GoldNote *notes, size_t nnotes)
{
    const Span *target = span_by_id(d->sys, attr(hit, "note"));
    const GoldNote *want = NULL;
    for (size_t i = 0; i < nnotes && !want; i++)
        if (strcmp(notes[i].n, n) == 0)
            want = &notes[i];
    return target && want && same_range(strip_range(d->text, target->r), want->r);
}

/* Note markers must be exact (no trimming: they are a character or two). */
static void score_note_refs(const Doc *d, const GoldNote *notes, size_t nnotes)
{
    const json_t *refs = gold_list(d->g, "note_refs");
    const SpanList *sys = &d->sys->layer[L_NOTE_REF];
    long long tp = 0;
    for (size_t i = 0; i < json_array_size(refs); i++) {
        const json_t *ref = gold_record(refs, i, "note_ref");
        Range r = json_range(ref);
        const Span *hit = NULL;
        for (size_t k = 0; k < sys->n && !hit; k++)
            if (same_range(sys->v[k].r, r))
                hit = &sys->v[k];
        if (!hit)
            continue;
        tp++;
        char *n = py_str(json_object_get(ref, "n"));
        accuracy_add(d->sc, "note-ref link", note_link_right(d, hit, n, notes, nnotes));
        free(n);
    }
    tally_add(&d->sc->tally[T_NOTE_REF], tp, (long long)sys->n - tp,
              (long long)json_array_size(refs) - tp);
}

/* A set of short strings (the documents an xref points to). */
typedef struct {
    char **v;
    size_t n, cap;
} Strings;

static bool strings_has(const Strings *set, const char *s)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i], s) == 0)
            return true;
    return false;
}

/* Add one target as the scorer reduces it: the part after the last '#', then
 * after the last '/', then "dNNN" when it starts so ("d237fn2" is d237). */
static void xref_add_doc(Strings *docs, const char *value)
{
    const char *v = value, *cut;
    if ((cut = strrchr(v, '#')))
        v = cut + 1;
    if ((cut = strrchr(v, '/')))
        v = cut + 1;
    size_t len = strlen(v);
    if (v[0] == 'd' && v[1] >= '0' && v[1] <= '9') {
        len = 2;
        while (v[len] >= '0' && v[len] <= '9')
            len++;
    }
    char *s = xmalloc(len + 1);
    memcpy(s, v, len);
    s[len] = '\0';
    if (strings_has(docs, s)) {
        free(s);
        return;
    }
    docs->v = grow(docs->v, &docs->cap, docs->n + 1, sizeof *docs->v);
    docs->v[docs->n++] = s;
}

static void xref_add_value(Strings *docs, const json_t *v)
{
    char *s = py_str(v);
    xref_add_doc(docs, s);
    free(s);
}

/* The documents a system xref points to: its "target", and the items of a
 * "targets" (a list; Python's list() of a string gives its characters and of
 * an object its keys, so those are followed too). */
static Strings xref_docs(const Span *x)
{
    Strings docs = {0};
    const json_t *targets = attr(x, "targets");
    if (json_is_array(targets)) {
        for (size_t i = 0; i < json_array_size(targets); i++)
            xref_add_value(&docs, json_array_get(targets, i));
    } else if (json_is_string(targets)) {
        const char *s = json_string_value(targets);
        while (*s) {
            size_t len = 1;
            while ((s[len] & 0xC0) == 0x80)
                len++;
            char *ch = xmalloc(len + 1);
            memcpy(ch, s, len);
            ch[len] = '\0';
            xref_add_doc(&docs, ch);
            free(ch);
            s += len;
        }
    } else if (json_is_object(targets)) {
        const char *key;
        const json_t *value;
        json_object_foreach((json_t *)targets, key, value) {
            (void)value;
            xref_add_doc(&docs, key);
        }
    }
    const json_t *target = attr(x, "target");
    if (target && !json_is_null(target))
        xref_add_value(&docs, target);
    return docs;
}

typedef struct {
    const json_t **gold_doc;  /* the gold "doc" of each gold xref, NULL when none */
    Strings *sys_docs;
} XrefMatch;

static bool xref_agree(size_t gi, size_t si, const void *ctx)
{
    const XrefMatch *m = ctx;
    const json_t *doc = m->gold_doc[gi];
    if (!doc || json_is_null(doc))
        return true;  /* the gold does not say which document */
    return json_is_string(doc) && strings_has(&m->sys_docs[si], json_string_value(doc));
}

static void score_xrefs(const Doc *d)
{
    const json_t *gx = gold_list(d->g, "xrefs");
    const SpanList *sx = &d->sys->layer[L_XREF];
    size_t ng = json_array_size(gx);
    XrefMatch m = {xmalloc(ng * sizeof *m.gold_doc), xmalloc(sx->n * sizeof *m.sys_docs)};
    for (size_t i = 0; i < ng; i++) {
        const json_t *x = json_array_get(gx, i);
        m.gold_doc[i] = json_is_object(x) ? json_object_get(x, "doc") : NULL;
    }
    for (size_t i = 0; i < sx->n; i++)
        m.sys_docs[i] = xref_docs(&sx->v[i]);
    Range *gold = gold_ranges(gx, d->text, false);
    Range *sys = layer_ranges(sx, d->text, false);
    tally_overlaps(&d->sc->tally[T_XREF], gold, ng, sys, sx->n, xref_agree, &m);
    for (size_t i = 0; i < sx->n; i++) {
        for (size_t k = 0; k < m.sys_docs[i].n; k++)
            free(m.sys_docs[i].v[k]);
        free(m.sys_docs[i].v);
    }
    free(m.sys_docs);
    free(m.gold_doc);
    free(sys);
    free(gold);
}

typedef struct {
    char **gold_n, **sys_n;
} PageMatch;

static bool page_agree(size_t gi, size_t si, const void *ctx)
{
    const PageMatch *m = ctx;
    return strcmp(m->gold_n[gi], m->sys_n[si]) == 0;
}

/* Page markers match when they overlap and carry the same page number. */
static void score_pages(const Doc *d)
{
    const json_t *gp = gold_list(d->g, "pages");
    const SpanList *sp = &d->sys->layer[L_PAGE];
    size_t ng = json_array_size(gp);
    PageMatch m = {xmalloc(ng * sizeof *m.gold_n), xmalloc(sp->n * sizeof *m.sys_n)};
    for (size_t i = 0; i < ng; i++)
        m.gold_n[i] = py_str(json_object_get(gold_record(gp, i, "page"), "n"));
    for (size_t i = 0; i < sp->n; i++)
        m.sys_n[i] = py_str(attr(&sp->v[i], "n"));
    Range *gold = gold_ranges(gp, d->text, false);
    Range *sys = layer_ranges(sp, d->text, false);
    tally_overlaps(&d->sc->tally[T_PAGE], gold, ng, sys, sp->n, page_agree, &m);
    for (size_t i = 0; i < ng; i++)
        free(m.gold_n[i]);
    for (size_t i = 0; i < sp->n; i++)
        free(m.sys_n[i]);
    free(m.gold_n);
    free(m.sys_n);
    free(sys);
    free(gold);
}

/* Spans of a layer against a gold list, by overlap alone. */
static void score_overlaps(const Doc *d, const char *gold_key, int layer, int tally)
{
    const json_t *gl = gold_list(d->g, gold_key);
    const SpanList *sl = &d->sys->layer[layer];
    Range *gold = gold_ranges(gl, d->text, false);
    Range *sys = layer_ranges(sl, d->text, false);
    tally_overlaps(&d->sc->tally[tally], gold, json_array_size(gl), sys, sl->n, NULL, NULL);
    free(sys);
    free(gold);
}

static void score_participants(const Doc *d)
{
    score_overlaps(d, "participants", L_PARTICIPANT, T_PARTICIPANT);
}

/* The gold tags persons by name only; no persons, no mention figures. */
static void score_mentions(const Doc *d)
{
    if (json_array_size(gold_list(d->g, "persons")) > 0)
        score_overlaps(d, "persons", L_MENTION, T_MENTION);
}

/* A name reduced to its letters, case folded, as UTF-8 (newly allocated):
 * "O'Neill" and "ONeill" compare equal.  Non-strings count as no name. */
static char *norm_name(const json_t *x)
{
    if (!json_is_string(x))
        return xstrdup("");
    uint32_t *cp;
    size_t n;
    if (!utf8_decode(json_string_value(x), json_string_length(x), &cp, &n))
        input_error("a name is not UTF-8");
    char *out = xmalloc(4 * n + 1), *p = out;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = fold_case(cp[i]);
        if (is_letter(c))
            p += utf8_put(p, c);
    }
    *p = '\0';
    free(cp);
    return out;
}

/* The speech span over most of a gold sentence, if it covers more than half. */
static const Span *speech_for(const Doc *d, Range r)
{
    const SpanList *speech = &d->sys->layer[L_SPEECH];
    const Span *best = NULL;
    long long best_ov = 0;
    for (size_t i = 0; i < speech->n; i++) {
        long long ov = overlap(r, speech->v[i].r);
        if (ov > best_ov) {
            best = &speech->v[i];
            best_ov = ov;
        }
    }
    return best && best_ov * 2 > r.e - r.s ? best : NULL;
}

/* The name a speech span gives its speaker: its own "name", else the
 * surname or name of the participant it points to. */
static const json_t *speech_name(const Doc *d, const Span *speech)
{
    const json_t *name = attr(speech, "name");
    const Span *who = span_by_id(d->sys, attr(speech, "speaker"));
    if (who && !py_truthy(name)) {
        name = attr(who, "surname");
        if (!py_truthy(name))
            name = attr(who, "name");
    }
    return name;
}

static bool speech_right(const Doc *d, const json_t *label)
{
    const Span *best = speech_for(d, json_range(label));
    if (!best)
        return false;
    char *got = norm_name(speech_name(d, best));
    char *want = norm_name(json_object_get(label, "speaker"));
    bool right = *got && (strcmp(got, want) == 0 || ends_with(got, want) || ends_with(want, got));
    free(want);
    free(got);
    return right;
}

/* Who says each gold sentence, by the way the sentence shows it ("named",
 * "carried", ...), and over all. */
static void score_speech(const Doc *d)
{
    const json_t *labels = gold_list(d->g, "speakers");
    for (size_t i = 0; i < json_array_size(labels); i++) {
        const json_t *label = gold_record(labels, i, "speaker label");
        bool right = speech_right(d, label);
        const json_t *how = json_object_get(label, "how");
        char *how_s = how ? py_str(how) : xstrdup("named");
        char *name = xprintf("speech %s", how_s);
        accuracy_add(d->sc, name, right);
        accuracy_add(d->sc, "speech all", right);
        free(name);
        free(how_s);
    }
}

static void score_layers(const Doc *d)
{
    score_paragraphs(d);
    score_sentences(d);
    score_section_kinds(d);
    size_t nnotes;
    GoldNote *notes = gold_notes(d, &nnotes);
    score_notes(d, notes, nnotes);
    score_note_refs(d, notes, nnotes);
    for (size_t i = 0; i < nnotes; i++)
        free(notes[i].n);
    free(notes);
    score_xrefs(d);
    score_pages(d);
    score_participants(d);
    score_mentions(d);
    score_speech(d);
}

/* Score one output document against its gold.  An output whose text is not
 * the gold text is scored as if it had no spans, over the gold text. */
static void score_document(GoldDoc *gd, const json_t *doc, const char *id, Scores *sc)
{
    const json_t *text = json_object_get(doc, "text");
    bool is_string = !text || json_is_string(text);
    if (!is_string && !gd->text)
        input_error("\"text\" is not a string");
    const char *bytes = is_string && text ? json_string_value(text) : "";
    size_t len = is_string && text ? json_string_length(text) : 0;
    const json_t *spans = json_object_get(doc, "spans");
    if (spans && !json_is_null(spans) && !json_is_array(spans))
        input_error("\"spans\" is not a list");
    if (gd->text && (!is_string || gd->text_len != len || memcmp(gd->text, bytes, len) != 0)) {
        fprintf(stderr, "gold_check: %s: its text differs from the gold text of %s; "
                "scored as if it had no spans\n", id, gd->key);
        bytes = gd->text;
        len = gd->text_len;
        spans = NULL;
    }
    Text t;
    size_t n;
    if (!utf8_decode(bytes, len, &t.cp, &n))
        input_error("the text is not UTF-8");
    t.n = (long long)n;
    DocSpans ds;
    doc_spans_read(&ds, spans);
    gd->seen = true;
    score_layers(&(Doc){gd->g, &t, &ds, sc});
    doc_spans_free(&ds);
    free(t.cp);
}

/* The gold a document id names: the first key it equals or ends with after '/'. */
static GoldDoc *gold_find(GoldSet *set, const char *id)
{
    size_t len = strlen(id);
    for (size_t i = 0; i < set->n; i++) {
        const char *key = set->v[i].key;
        size_t k = strlen(key);
        if (strcmp(id, key) == 0
            || (len > k && id[len - k - 1] == '/' && strcmp(id + len - k, key) == 0))
            return &set->v[i];
    }
    return NULL;
}

/* ------------------------------------------------------------ the output */

/* Read one line of any length; false at the end. */
static bool read_line(gzFile f, char **buf, size_t *cap, size_t *len)
{
    *len = 0;
    for (;;) {
        *buf = grow(*buf, cap, *len + 2, 1);
        size_t room = *cap - *len;
        if (!gzgets(f, *buf + *len, room > INT_MAX ? INT_MAX : (int)room))
            break;
        *len += strlen(*buf + *len);
        if (*len > 0 && (*buf)[*len - 1] == '\n')
            return true;
    }
    int err;
    const char *msg = gzerror(f, &err);
    if (err != Z_OK && err != Z_STREAM_END)
        input_error("cannot read: %s", err == Z_ERRNO ? strerror(errno) : msg);
    return *len > 0;
}

static void score_output(GoldSet *gold, const char *path, Scores *sc)
{
    gzFile f = strcmp(path, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(path, "rb");
    if (!f)
        input_error("cannot open %s: %s", path, strerror(errno));
    char *buf = NULL, *pos = NULL;
    size_t cap = 0, len;
    for (long line = 1; read_line(f, &buf, &cap, &len); line++) {
        while (len > 0 && strchr(" \t\r\n\v\f", buf[len - 1]))
            len--;
        size_t skip = strspn(buf, " \t\r\n\v\f");
        if (skip >= len)
            continue;
        free(pos);
        pos = xprintf("%s:%ld", path, line);
        where = pos;
        json_error_t err;
        json_t *doc = json_loadb(buf + skip, len - skip, JSON_ALLOW_NUL, &err);
        if (!doc)
            input_error("%s", err.text);
        if (!json_is_object(doc))
            input_error("not a document (a JSON object)");
        const json_t *idv = json_object_get(doc, "id");
        char *id = idv ? py_str(idv) : xstrdup("");
        GoldDoc *gd = gold_find(gold, id);
        if (gd)
            score_document(gd, doc, id, sc);
        free(id);
        json_decref(doc);
    }
    where = "";
    free(pos);
    free(buf);
    gzclose(f);
}

/* ------------------------------------------------------- table and bounds */

typedef struct {
    char *name;
    double value;
    char *detail;
    long long gold;  /* gold items behind the figure; none: a bound is skipped */
} Row;

typedef struct {
    Row *v;
    size_t n, cap;
} Rows;

static void row_add(Rows *rows, char *name, double value, char *detail, long long gold)
{
    rows->v = grow(rows->v, &rows->cap, rows->n + 1, sizeof *rows->v);
    rows->v[rows->n++] = (Row){name, value, detail, gold};
}

/* Precision, recall and F1 by the scorer's conventions for empty counts. */
static void f1(const Tally *t, double *f, double *p, double *r)
{
    *p = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : (t->fn ? 0.0 : 1.0);
    *r = t->tp + t->fn ? (double)t->tp / (double)(t->tp + t->fn) : 1.0;
    *f = *p + *r != 0.0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const Row *)a)->name, ((const Row *)b)->name);
}

static Rows make_rows(const Scores *sc)
{
    Rows rows = {0};
    for (int k = 0; k < T_COUNT; k++) {
        const Tally *t = &sc->tally[k];
        if (!t->used)
            continue;
        double f, p, r;
        f1(t, &f, &p, &r);
        row_add(&rows, xprintf("%s F1", tally_names[k]), f,
                xprintf("P=%.3f R=%.3f tp=%lld fp=%lld fn=%lld", p, r, t->tp, t->fp, t->fn),
                t->tp + t->fn);
    }
    const Tally *m = &sc->tally[T_MENTION];
    if (m->used) {
        double f, p, r;
        f1(m, &f, &p, &r);
        row_add(&rows, xstrdup("mention recall"), r, xprintf("tp=%lld fn=%lld", m->tp, m->fn),
                m->tp + m->fn);
    }
    for (size_t i = 0; i < sc->nacc; i++) {
        const Accuracy *a = &sc->acc[i];
        row_add(&rows, xprintf("%s accuracy", a->name),
                a->total ? (double)a->right / (double)a->total : 1.0,
                xprintf("%lld/%lld", a->right, a->total), a->total);
    }
    qsort(rows.v, rows.n, sizeof *rows.v, cmp_row);
    return rows;
}

static void rows_free(Rows *rows)
{
    for (size_t i = 0; i < rows->n; i++) {
        free(rows->v[i].name);
        free(rows->v[i].detail);
    }
    free(rows->v);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The table, then which gold documents the output lacks; returns how many. */
static size_t print_report(const Rows *rows, const GoldSet *gold)
{
    for (size_t i = 0; i < rows->n; i++)
        printf("%-26s %.3f  %s\n", rows->v[i].name, rows->v[i].value, rows->v[i].detail);
    char **missing = xmalloc(gold->n * sizeof *missing);
    size_t nmissing = 0;
    for (size_t i = 0; i < gold->n; i++)
        if (!gold->v[i].seen)
            missing[nmissing++] = gold->v[i].key;
    qsort(missing, nmissing, sizeof *missing, cmp_str);
    printf("documents scored: %zu of %zu\n", gold->n - nmissing, gold->n);
    if (nmissing) {
        fputs("not in the output:", stdout);
        for (size_t i = 0; i < nmissing && i < 20; i++)
            printf(" %s", missing[i]);
        puts(nmissing > 20 ? " ..." : "");
    }
    free(missing);
    return nmissing;
}

typedef struct {
    char *metric;
    double min;
} Bound;

/* Whether the scorer can print a metric of this name: a misspelt bound must
 * not pass as one that has no gold. */
static bool known_metric(const char *name)
{
    static const char *const fixed[] = {"mention recall", "section kind accuracy",
                                        "note-ref link accuracy"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (strcmp(name, fixed[i]) == 0)
            return true;
    for (int k = 0; k < T_COUNT; k++) {
        size_t n = strlen(tally_names[k]);
        if (strncmp(name, tally_names[k], n) == 0 && strcmp(name + n, " F1") == 0)
            return true;
    }
    return strncmp(name, "speech ", 7) == 0 && ends_with(name + 7, " accuracy");
}

/* "METRIC=VALUE", split at the last '=' as the scorer does. */
static Bound parse_bound(const char *arg)
{
    const char *eq = strrchr(arg, '=');
    if (!eq)
        usage_error("--min wants METRIC=VALUE, not \"%s\"", arg);
    char *end;
    double v = strtod(eq + 1, &end);
    while (py_isspace((unsigned char)*end))
        end++;
    if (end == eq + 1 || *end)
        usage_error("--min \"%s\": \"%s\" is not a number", arg, eq + 1);
    const char *s = arg, *e = eq;
    while (s < e && py_isspace((unsigned char)*s))
        s++;
    while (e > s && py_isspace((unsigned char)e[-1]))
        e--;
    char *metric = xmalloc((size_t)(e - s) + 1);
    memcpy(metric, s, (size_t)(e - s));
    metric[e - s] = '\0';
    if (!known_metric(metric))
        usage_error("--min \"%s\": no metric \"%s\"", arg, metric);
    return (Bound){metric, v};
}

/* One line per bound (pass, FAIL or skip), then what fell short; true when
 * every bound is met. */
static bool check_bounds(const Rows *rows, const Bound *bounds, size_t nbounds, size_t nmissing)
{
    char *bad = xstrdup("");
    for (size_t b = 0; b < nbounds; b++) {
        const Row *row = NULL;
        for (size_t i = 0; i < rows->n && !row; i++)
            if (strcmp(rows->v[i].name, bounds[b].metric) == 0)
                row = &rows->v[i];
        if (!row || row->gold == 0) {
            printf("skip  %s: no gold\n", bounds[b].metric);
        } else if (row->value < bounds[b].min) {
            printf("FAIL  %s %.3f < %.3f\n", row->name, row->value, bounds[b].min);
            char *more = xprintf("%s%s%s %.3f < %.3f", bad, *bad ? "; " : "", row->name,
                                 row->value, bounds[b].min);
            free(bad);
            bad = more;
        } else {
            printf("pass  %s %.3f >= %.3f\n", row->name, row->value, bounds[b].min);
        }
    }
    if (nmissing && nbounds) {
        char *more = xprintf("%s%s%zu gold documents missing from the output", bad,
                             *bad ? "; " : "", nmissing);
        free(bad);
        bad = more;
    }
    bool ok = !*bad;
    if (!ok)
        printf("below the bar: %s\n", bad);
    free(bad);
    return ok;
}

/* ------------------------------------------------------------------ main */

/* The value of an option given as "--opt VALUE" or "--opt=VALUE", or NULL. */
static const char *option_value(const char *opt, int argc, char **argv, int *i)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc)
        usage_error("%s wants a value", opt);
    return argv[++*i];
}

int main(int argc, char **argv)
{
    /* Unicode case and letter tables for speaker names, when the system has them. */
    unicode_ctype = setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "en_US.UTF-8");

    const char **dirs = xmalloc((size_t)argc * sizeof *dirs);
    Bound *bounds = xmalloc((size_t)argc * sizeof *bounds);
    size_t ndirs = 0, nbounds = 0;
    const char *output = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if ((v = option_value("--gold", argc, argv, &i)))
            dirs[ndirs++] = v;
        else if ((v = option_value("--min", argc, argv, &i)))
            bounds[nbounds++] = parse_bound(v);
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            usage_error("score spanpipe output against gold annotations");
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            usage_error("unknown option %s", argv[i]);
        else if (output)
            usage_error("one output file only (%s, %s)", output, argv[i]);
        else
            output = argv[i];
    }
    if (!ndirs || !output)
        usage_error(!ndirs ? "no --gold folder" : "no output file to score");

    GoldSet gold = {0};
    for (size_t i = 0; i < ndirs; i++)
        gold_walk(&gold, dirs[i]);
    if (gold.n == 0)
        usage_error("no *.gold.json under the --gold folders");

    Scores sc = {0};
    score_output(&gold, output, &sc);
    Rows rows = make_rows(&sc);
    size_t nmissing = print_report(&rows, &gold);
    bool ok = check_bounds(&rows, bounds, nbounds, nmissing);

    rows_free(&rows);
    for (size_t i = 0; i < sc.nacc; i++)
        free(sc.acc[i].name);
    free(sc.acc);
    for (size_t i = 0; i < nbounds; i++)
        free(bounds[i].metric);
    free(bounds);
    free(dirs);
    gold_free(&gold);
    return ok ? 0 : 1;
}
