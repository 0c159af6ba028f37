/*
 * cmd_new_stage.c — `spanpipe new-stage NAME`: the skeleton of a new stage
 * that builds and passes its test as written: a C stage with its Makefile
 * (pkg-config only) and one test, or with --python a stage for the Python
 * module `spanpipe`.
 *
 * The files are templates in which @NAME@ is the stage's name and @ID@ the
 * same as a C identifier ('-' made '_').
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char new_stage_usage[] =
    "usage: spanpipe new-stage [--python] [-o DIR] NAME\n"
    "\n"
    "Write the skeleton of a stage called NAME into DIR (default: ./NAME), ready\n"
    "to build and test.  The stage marks each line of the text that has at least\n"
    "'min' characters as a span of the layer NAME: change it into yours.\n"
    "\n"
    "  C (default): NAME.c (options, init, process, fini), a Makefile that finds\n"
    "  spanpipe with pkg-config, and tests/input.jsonl with tests/expected.jsonl:\n"
    "      make && make check     (set PKG_CONFIG_PATH=PREFIX/lib/pkgconfig for a\n"
    "                              spanpipe installed under a PREFIX of its own)\n"
    "  --python: NAME.py, a stage for the Python module spanpipe, with the same test.\n"
    "\n"
    "      --python                 a Python stage instead of a C one\n"
    "  -o, --output-dir DIR         where to write (it must not exist or be empty)\n"
    "  -h, --help                   this help\n"
    "\n"
    "NAME: a letter, then letters, digits, '-' or '_'.\n";

static const char c_source[] =
    "/*\n"
    " * @NAME@.c — a spanpipe stage: a `@NAME@` span over each line of the text\n"
    " * that has at least `min` characters, with its number (from 1) as attribute\n"
    " * `n`.  Made by `spanpipe new-stage`: make it yours.\n"
    " *\n"
    " *     make && make check\n"
    " *     spanpipe run -P . -p @NAME@:min=10 in.jsonl\n"
    " *\n"
    " * Life cycle (spanpipe-plugin(3)): init() once, before any thread starts;\n"
    " * process() for every document, from several threads at once, sharing the\n"
    " * state init() made (read-only from then on); fini() once at the end.\n"
    " * Offsets are UTF-8 byte offsets into the text; spans cover [start, end).\n"
    " */\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "#include <spanpipe/spanpipe.h>\n"
    "\n"
    "/* What init() makes of the options. */\n"
    "typedef struct @ID@_state {\n"
    "    json_int_t min;\n"
    "} @ID@_state;\n"
    "\n"
    "/* The options of -p @NAME@:min=N: each value reaches init() converted to its\n"
    " * type, the default filled in; others are refused before init() runs. */\n"
    "static const sp_option @ID@_options[] = {\n"
    "    { \"min\", SP_OPT_INT, \"1\", \"the fewest characters a line needs to be marked\" },\n"
    "    { NULL, 0, NULL, NULL },\n"
    "};\n"
    "\n"
    "static const char *const @ID@_produces[] = { \"@NAME@\", NULL };\n"
    "\n"
    "static int @ID@_init(const json_t *options, void **state, sp_error *err)\n"
    "{\n"
    "    json_int_t min = json_integer_value(json_object_get(options, \"min\"));\n"
    "    if (min < 0) {\n"
    "        sp_error_set(err, \"min must be 0 or more, not %lld\", (long long)min);\n"
    "        return -1;\n"
    "    }\n"
    "    @ID@_state *st = malloc(sizeof *st);\n"
    "    if (!st) {\n"
    "        sp_error_set(err, \"out of memory\");\n"
    "        return -1;\n"
    "    }\n"
    "    st->min = min;\n"
    "    *state = st;\n"
    "    return 0;\n"
    "}\n"
    "\n"
    "static int @ID@_process(void *state, sp_doc *doc, sp_error *err)\n"
    "{\n"
    "    const @ID@_state *st = state;\n"
    "    size_t len;\n"
    "    const char *text = sp_doc_text(doc, &len);\n"
    "    json_int_t n = 0;\n"
    "    for (size_t start = 0; start < len;) {\n"
    "        const char *nl = memchr(text + start, '\\n', len - start);\n"
    "        size_t end = nl ? (size_t)(nl - text) : len;\n"
    "        json_int_t chars = 0; /* characters, not bytes: count UTF-8 lead bytes */\n"
    "        for (size_t i = start; i < end; i++)\n"
    "            chars += ((unsigned char)text[i] & 0xC0) != 0x80;\n"
    "        n++;\n"
    "        if (end > start && chars >= st->min &&\n"
    "            !sp_doc_add(doc, \"@NAME@\", start, end, json_pack(\"{s:I}\", \"n\", n))) {\n"
    "            sp_error_set(err, \"cannot add a span over bytes %zu to %zu\", start, end);\n"
    "            return -1;\n"
    "        }\n"
    "        start = end + 1;\n"
    "    }\n"
    "    return 0;\n"
    "}\n"
    "\n"
    "static void @ID@_fini(void *state)\n"
    "{\n"
    "    free(state);\n"
    "}\n"
    "\n"
    "SP_PLUGIN_DEFINE(.name = \"@NAME@\", .version = \"0.1.0\",\n"
    "                 .summary = \"mark each line of at least min characters\",\n"
    "                 .produces = @ID@_produces, .options = @ID@_options,\n"
    "                 .init = @ID@_init, .process = @ID@_process, .fini = @ID@_fini);\n";

static const char c_makefile[] =
    "# Makefile — build the spanpipe stage @NAME@ with pkg-config, and test it.\n"
    "#     make           @NAME@.so\n"
    "#     make check     run it on tests/input.jsonl, compare with tests/expected.jsonl\n"
    "#     make install   into spanpipe's plugin directory\n"
    "# For a spanpipe installed under a prefix pkg-config does not search:\n"
    "#     PKG_CONFIG_PATH=PREFIX/lib/pkgconfig make check SPANPIPE=PREFIX/bin/spanpipe\n"
    "CC ?= cc\n"
    "PKG_CONFIG ?= pkg-config\n"
    "SPANPIPE ?= spanpipe\n"
    "CFLAGS ?= -O2 -g\n"
    "SPANPIPE_CFLAGS := $(shell $(PKG_CONFIG) --cflags spanpipe)\n"
    "SPANPIPE_LIBS := $(shell $(PKG_CONFIG) --libs spanpipe)\n"
    "\n"
    "@NAME@.so: @NAME@.c\n"
    "\t$(CC) -std=c11 -Wall -Wextra -fPIC -shared $(CFLAGS) $(SPANPIPE_CFLAGS) \\\n"
    "\t    -o $@ @NAME@.c $(LDFLAGS) $(SPANPIPE_LIBS)\n"
    "\n"
    "check: @NAME@.so\n"
    "\t$(SPANPIPE) run -q -P . -p @NAME@:min=3 tests/input.jsonl > tests/output.jsonl\n"
    "\tdiff -u tests/expected.jsonl tests/output.jsonl\n"
    "\t@echo '@NAME@: 1 test passed'\n"
    "\n"
    "install: @NAME@.so\n"
    "\tinstall -m 755 @NAME@.so \"$(DESTDIR)$$($(PKG_CONFIG) --variable=plugindir spanpipe)/\"\n"
    "\n"
    "clean:\n"
    "\trm -f @NAME@.so tests/output.jsonl\n"
    "\n"
    ".PHONY: check install clean\n";

static const char py_source[] =
    "\"\"\"@NAME@ — a spanpipe stage in Python: a `@NAME@` span over each line of\n"
    "the text that has at least `min` characters, with its number (from 1) as\n"
    "attribute `n`.  Made by `spanpipe new-stage --python`: make it yours.\n"
    "\n"
    "    make check\n"
    "    spanpipe run -p exec:command='python3 @NAME@.py min=10' in.jsonl\n"
    "\n"
    "Run as a program, the file serves its stage to spanpipe's exec stage; the\n"
    "options come as key=value arguments.\n"
    "\n"
    "Offsets are Python string indices (code points), as in the documents.\n"
    "\"\"\"\n"
    "import spanpipe\n"
    "\n"
    "\n"
    "@spanpipe.stage(name=\"@NAME@\", version=\"0.1.0\", produces=[\"@NAME@\"], requires=[],\n"
    "                options={\"min\": 1})\n"
    "def @ID@(doc, min=1):\n"
    "    \"\"\"mark each line of at least min characters\"\"\"\n"
    "    start = 0\n"
    "    for n, line in enumerate(doc.text.split(\"\\n\"), 1):\n"
    "        if line and len(line) >= min:\n"
    "            doc.add(\"@NAME@\", start, start + len(line), n=n)\n"
    "        start += len(line) + 1\n";

static const char py_makefile[] =
    "# Makefile — test the Python spanpipe stage @NAME@.\n"
    "#     make check     run it on tests/input.jsonl, compare with tests/expected.jsonl\n"
    "# (the command is recorded in the output's layers: it is the expected one)\n"
    "SPANPIPE ?= spanpipe\n"
    "\n"
    "check:\n"
    "\t$(SPANPIPE) run -q -p exec:command='python3 @NAME@.py min=3' tests/input.jsonl \\\n"
    "\t    > tests/output.jsonl\n"
    "\tdiff -u tests/expected.jsonl tests/output.jsonl\n"
    "\t@echo '@NAME@: 1 test passed'\n"
    "\n"
    "clean:\n"
    "\trm -f tests/output.jsonl\n"
    "\n"
    ".PHONY: check clean\n";

static const char test_input[] =
    "{\"id\":\"example\",\"text\":\"First line.\\nok\\n\\nÉté à Paris.\"}\n";

/* What the stage makes of test_input with min=3 (the line "ok" is too short). */
static const char c_expected[] =
    "{\"id\":\"example\",\"text\":\"First line.\\nok\\n\\nÉté à Paris.\",\"layers\":"
    "{\"@NAME@\":{\"stage\":\"@NAME@\",\"version\":\"0.1.0\",\"options\":{\"min\":3}}},"
    "\"spans\":[{\"id\":\"@NAME@.0\",\"layer\":\"@NAME@\",\"start\":0,\"end\":11,"
    "\"attrs\":{\"n\":1}},{\"id\":\"@NAME@.1\",\"layer\":\"@NAME@\",\"start\":16,"
    "\"end\":28,\"attrs\":{\"n\":4}}]}\n";

/* The same from the Python stage, whose layers record exec's options. */
static const char py_expected[] =
    "{\"id\":\"example\",\"text\":\"First line.\\nok\\n\\nÉté à Paris.\",\"layers\":"
    "{\"@NAME@\":{\"stage\":\"@NAME@\",\"version\":\"0.1.0\",\"options\":"
    "{\"command\":\"python3 @NAME@.py min=3\",\"timeout\":60}}},"
    "\"spans\":[{\"id\":\"@NAME@.0\",\"layer\":\"@NAME@\",\"start\":0,\"end\":11,"
    "\"attrs\":{\"n\":1}},{\"id\":\"@NAME@.1\",\"layer\":\"@NAME@\",\"start\":16,"
    "\"end\":28,\"attrs\":{\"n\":4}}]}\n";

static int valid_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

/* Write TEMPLATE to DIR/FILE with @NAME@ and @ID@ filled in.  Returns 0, or
 * -1 (printed). */
static int write_file(const char *dir, const char *file, const char *tmpl, const char *name)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *path = cli_xmalloc(n);
    snprintf(path, n, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    for (const char *p = tmpl; *p;) {
        if (!strncmp(p, "@NAME@", 6)) {
            fputs(name, f);
            p += 6;
        } else if (!strncmp(p, "@ID@", 4)) {
            for (const char *c = name; *c; c++)
                fputc(*c == '-' ? '_' : *c, f);
            p += 4;
        } else
            fputc(*p++, f);
    }
    int bad = ferror(f) | (fclose(f) != 0);
    if (bad)
        cli_error("%s: cannot write: %s", path, strerror(errno));
    free(path);
    return bad ? -1 : 0;
}

/* Make DIR/SUB (SUB may be ""). Returns 0, or -1 (printed). */
static int make_dir(const char *dir, const char *sub)
{
    size_t n = strlen(dir) + strlen(sub) + 2;
    char *path = cli_xmalloc(n);
    snprintf(path, n, "%s%s%s", dir, *sub ? "/" : "", sub);
    int rc = mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
    if (rc < 0)
        cli_error("%s: cannot create directory: %s", path, strerror(errno));
    free(path);
    return rc;
}

/* Whether the folder DIR holds nothing (an unreadable one counts as full).
 * It is looked into, never removed and made again: its mode, group and ACLs
 * are the user's. */
static int dir_empty(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *de;
    int empty = 1;
    while (empty && (de = readdir(d)))
        empty = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
    closedir(d);
    return empty;
}

int cmd_new_stage(int argc, char **argv)
{
    enum { OPT_PYTHON = 256 };
    static const struct option longopts[] = {
        { "python", no_argument, NULL, OPT_PYTHON },
        { "output-dir", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *dir = NULL;
    int python = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_PYTHON: python = 1; break;
        case 'o': dir = optarg; break;
        case 'h': fputs(new_stage_usage, stdout); return SP_OK;
        default: cli_bad_option("new-stage", c, argv); return SP_USAGE;
        }
    }
    if (argc - optind != 1) {
        cli_error("give the new stage's NAME, once (see spanpipe new-stage --help)");
        return SP_USAGE;
    }
    const char *name = argv[optind];
    if (!valid_name(name)) {
        cli_error("'%s' cannot name a stage: a letter, then letters, digits, '-' or '_'",
                  name);
        return SP_USAGE;
    }
    if (!dir)
        dir = name;
    struct stat st;
    if (stat(dir, &st) == 0) {
        /* never overwrite someone's work: only an empty folder is filled */
        if (!S_ISDIR(st.st_mode) || !dir_empty(dir)) {
            cli_error("%s: already exists: give a new folder with -o DIR", dir);
            return SP_USAGE;
        }
    }
    size_t n = strlen(name) + sizeof ".py";
    char *file = cli_xmalloc(n);
    snprintf(file, n, "%s.%s", name, python ? "py" : "c");
    int rc = make_dir(dir, "");
    if (rc == 0)
        rc = make_dir(dir, "tests");
    if (rc == 0)
        rc = write_file(dir, file, python ? py_source : c_source, name);
    if (rc == 0)
        rc = write_file(dir, "Makefile", python ? py_makefile : c_makefile, name);
    if (rc == 0)
        rc = write_file(dir, "tests/input.jsonl", test_input, name);
    if (rc == 0)
        rc = write_file(dir, "tests/expected.jsonl", python ? py_expected : c_expected, name);
    free(file);
    if (rc < 0)
        return SP_IO;
    printf("%s: %s, Makefile, tests/input.jsonl, tests/expected.jsonl\n"
           "next: cd %s && make %s\n", dir, python ? "the stage" : "the stage's source",
           dir, python ? "check" : "&& make check");
    return SP_OK;
}
