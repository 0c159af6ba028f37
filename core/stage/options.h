/*
 * options.h — stage options: the -p syntax, and values checked against what
 * a plugin declares.
 */
#ifndef SPANPIPE_OPTIONS_H
#define SPANPIPE_OPTIONS_H

#include <jansson.h>
#include <spanpipe/plugin.h>
#include "base/buf.h"

/*
 * Split the -p value `spec` ("a,b:key=value,key2=value2,c") into stages.  An item with '='
 * and no ':' before it is one more option of the stage before it.  A comma
 * inside a value is quoted (key="x,y", with \" and \\ inside) or escaped
 * (key=x\,y); see sp_pipeline_add_spec().  For each
 * stage CB gets its name and its options as an object of strings (stolen).
 * Returns 0, or -1 with a message in ERR (from the syntax or from CB).
 */
int options_parse_spec(const char *spec,
                       int (*cb)(void *ctx, const char *name, json_t *opts, buf *err),
                       void *ctx, buf *err);

/*
 * The options init() gets: every declared option of D, from GIVEN (an object,
 * may be NULL; strings are converted to the declared type) or its default.
 * Returns a new object, or NULL with a message in ERR (unknown option, wrong
 * type).
 */
json_t *options_resolve(const sp_plugin *d, const json_t *given, buf *err);

/* "a boolean (true or false)", "an integer" or "a string", for messages. */
const char *options_type_name(sp_option_type t);

#endif
