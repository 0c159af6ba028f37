/*
 * spanpipe/error.h — how a plugin reports a failure.
 *
 * A plugin callback that fails returns -1 and describes why with
 * sp_error_set().  The core adds the context (file, line, document, stage) and
 * prints the message in one place; a plugin never prints and never exits.
 */
#ifndef SPANPIPE_ERROR_H
#define SPANPIPE_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque; owned by the core, lent to a callback for the duration of a call. */
typedef struct sp_error sp_error;

/*
 * Set the message of ERR from a printf-style format.  A later call replaces an
 * earlier one.  The text is copied (any length; it is never truncated), so FMT
 * and its arguments may be freed afterwards.  Write it as a plain lower-case
 * phrase without the stage's name or a final period, e.g.
 * "cannot open abbreviations file 'x.txt': No such file or directory".
 * Does nothing when ERR is NULL.  Thread-safe as long as each thread uses its
 * own ERR, which is how the core calls plugins.
 */
void sp_error_set(sp_error *err, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * The message set on ERR so far, or NULL when none was.  The string is owned by
 * ERR and valid until the next sp_error_set() on it.
 */
const char *sp_error_message(const sp_error *err);

/*
 * For programs that embed the pipeline (pipeline.h) rather than for plugins:
 * a new, empty error, owned by the caller, to be freed with sp_error_free().
 * sp_error_free(NULL) does nothing.
 */
sp_error *sp_error_new(void);
void sp_error_free(sp_error *err);

#ifdef __cplusplus
}
#endif
#endif
