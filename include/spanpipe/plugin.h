/*
 * spanpipe/plugin.h — what a stage exports: one descriptor.
 *
 * A stage is a libtool module (-module -avoid-version) that exports exactly one
 * symbol, `spanpipe_plugin`, defined with SP_PLUGIN_DEFINE:
 *
 *     #include <spanpipe/spanpipe.h>
 *
 *     static const char *const produces[] = { "shout", NULL };
 *     static const sp_option options[] = {
 *         { "min", SP_OPT_INT, "3", "shortest run of capitals to mark" },
 *         { NULL, 0, NULL, NULL }
 *     };
 *     static int shout_init(const json_t *opts, void **state, sp_error *err);
 *     static int shout_process(void *state, sp_doc *doc, sp_error *err);
 *     static void shout_fini(void *state);
 *
 *     SP_PLUGIN_DEFINE(
 *         .name = "shout", .version = "1.0.0",
 *         .summary = "mark words written in capitals",
 *         .produces = produces, .options = options,
 *         .init = shout_init, .process = shout_process, .fini = shout_fini);
 *
 * Life cycle.  The core loads every plugin of a run and calls init() once per
 * stage, in the main thread, before any worker thread starts; then process()
 * for every document, from several threads at once, all sharing the one state
 * init() made, which is therefore read-only from then on; then fini() once,
 * after the last process() has returned.  A plugin stays loaded until the run
 * ends.  A callback never prints and never exits: it reports through sp_error.
 */
#ifndef SPANPIPE_PLUGIN_H
#define SPANPIPE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <spanpipe/abi.h>
#include <spanpipe/document.h>
#include <spanpipe/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The JSON type an option's value has by the time init() sees it. */
typedef enum sp_option_type {
    SP_OPT_BOOL = 1,   /* true/false; on the command line also 1/0, yes/no, on/off */
    SP_OPT_INT = 2,    /* a JSON integer */
    SP_OPT_STRING = 3  /* a JSON string (file names are strings) */
} sp_option_type;

/*
 * One option a stage accepts.  DEFAULT_VALUE is written as on the command line
 * ("true", "3", "x.txt"), or NULL for an option that is absent unless given.
 */
typedef struct sp_option {
    const char *name;
    sp_option_type type;
    const char *default_value;
    const char *help;          /* one line, shown by `spanpipe plugins NAME` */
} sp_option;

/*
 * What a stage declares itself to be in this run (see sp_plugin.declare).
 * The core owns the struct; fields may be added at the end in a minor ABI
 * version.
 */
typedef struct sp_stage_decl {
    const char *name;              /* non-empty, no control characters */
    const char *version;           /* likewise */
    const char *const *requires;   /* NULL-terminated, or NULL for none */
    const char *const *produces;   /* NULL-terminated, or NULL for none */
} sp_stage_decl;

/*
 * The descriptor.  Fill it with SP_PLUGIN_DEFINE: the macro sets the first four
 * fields, which the core checks before it reads any other.
 */
typedef struct sp_plugin {
    uint32_t magic;          /* SP_ABI_MAGIC */
    uint16_t abi_major;      /* SP_ABI_MAJOR the plugin was built against */
    uint16_t abi_minor;      /* SP_ABI_MINOR likewise */
    uint32_t size;           /* sizeof(sp_plugin) as the plugin saw it */

    const char *name;        /* the stage's name, as in `-p NAME`; required */
    const char *version;     /* the stage's own version, e.g. "1.0.0"; required */
    const char *summary;     /* one line; required */

    /* NULL-terminated lists of layer names; NULL for none. */
    const char *const *requires;  /* layers that must exist before it runs */
    const char *const *produces;  /* layers it adds (and replaces on a re-run) */

    /*
     * NULL-terminated list of "LAYER.ATTR" naming the attrs of produced spans
     * that hold a span id (e.g. "note-ref.note").  The core checks that each
     * such value names a span of the document.  NULL for none.
     */
    const char *const *refs;

    /* Options, ended by an entry whose name is NULL; NULL for none. */
    const sp_option *options;

    /*
     * Called once before any document.  OPTIONS is an object holding every
     * declared option (defaults filled in, types checked), borrowed for the
     * call; copy what you keep.  Store the stage's state in *STATE (it may stay
     * NULL).  Return 0, or -1 with a message in ERR: the run then stops before
     * reading input (exit status 2).  May be NULL.
     */
    int (*init)(const json_t *options, void **state, sp_error *err);

    /*
     * Called for each document, from several threads at once with the same
     * STATE.  Return 0, or -1 with a message in ERR: that document fails (it is
     * reported, not written) and the others go on.  Required.
     */
    int (*process)(void *state, sp_doc *doc, sp_error *err);

    /* Called once after the last document to free STATE.  May be NULL. */
    void (*fini)(void *state);

    /*
     * Whether the stage, as init() set it up, produces LAYER (one of
     * `produces`): for a layer made only when an option asks for it.  Called
     * after init(), once per declared layer.  A layer it answers 0 for is left
     * alone in this run: the input's spans of it are kept, the stage may not
     * add any, and `layers` does not credit the stage with it.  May be NULL:
     * every declared layer is produced.
     */
    int (*produces_layer)(const void *state, const char *layer);

    /*
     * Since ABI 1.2.  For a stage that learns what it is only in init() (from
     * a program it starts, as the built-in `exec` does from its handshake):
     * called once after init() succeeded, before produces_layer, with DECL
     * holding the descriptor's name, version, requires and produces.  Change
     * the fields that differ, pointing at strings STATE owns (valid until
     * fini()).  The core checks the result as it checks a descriptor, then
     * uses it everywhere the descriptor's would be: the chain check, messages
     * ("stage 'NAME' failed on document ...") and `layers` provenance; the
     * stage is still selected by the descriptor's name.  Return 0, or -1 with
     * a message in ERR: the run then stops as when init() fails.  May be NULL:
     * the stage is what its descriptor says.
     */
    int (*declare)(const void *state, sp_stage_decl *decl, sp_error *err);

    /* Zero; room for fields a later minor version adds. */
    void *reserved[7];
} sp_plugin;

/* The one symbol a plugin exports. */
#define SP_PLUGIN_SYMBOL "spanpipe_plugin"

#if defined(__GNUC__)
#define SP_EXPORT __attribute__((visibility("default")))
#else
#define SP_EXPORT
#endif

/* The fields the core checks first; never typed by hand. */
#define SP_PLUGIN_HEADER                                                   \
    .magic = SP_ABI_MAGIC, .abi_major = SP_ABI_MAJOR,                      \
    .abi_minor = SP_ABI_MINOR, .size = (uint32_t)sizeof(sp_plugin)

/* Define the plugin's descriptor from designated initialisers. */
#define SP_PLUGIN_DEFINE(...)                                              \
    SP_EXPORT extern const sp_plugin spanpipe_plugin;                      \
    SP_EXPORT const sp_plugin spanpipe_plugin = { SP_PLUGIN_HEADER, __VA_ARGS__ }

#ifdef __cplusplus
}
#endif
#endif
