/*
 * spanpipe/abi.h — the version of the plugin ABI, and its history.
 *
 * A plugin records the ABI it was built against in its descriptor (through
 * SP_PLUGIN_HEADER, never by hand).  The core loads a plugin when
 *
 *   - its magic cookie is SP_ABI_MAGIC (otherwise it is not a spanpipe plugin),
 *   - its major version equals the core's SP_ABI_MAJOR (a major bump means a
 *     change that old plugins cannot survive: a removed or changed function or
 *     field), and
 *   - its minor version is not newer than the core's SP_ABI_MINOR (a minor bump
 *     only adds: a plugin built against 1.3 may call a function that a 1.2 core
 *     lacks, so the core refuses it; a 1.2 plugin runs on a 1.3 core).
 *
 * Rules for whoever changes the ABI: add fields only at the end of sp_plugin
 * (the descriptor's size field tells the core which fields a plugin has), never
 * reorder or retype, and add a line below for every bump.
 *
 * Changelog
 *   1.0  (spanpipe 0.1.0) first ABI: sp_plugin descriptor with name, version,
 *        summary, requires, produces, refs, options, init/process/fini,
 *        produces_layer;
 *        document access (sp_doc_*), span addition, sp_error_set.
 *   1.1  (spanpipe 0.2.0) sp_doc_char_offset: a byte offset in code points.
 *   1.2  (next release) sp_outfile_open/_write/_stream/_name/_is_stream/
 *        _close, _open_in, _check_inputs, _remove_temporaries
 *        (spanpipe/outfile.h): the output file that is whole or not there,
 *        as `run -o` writes it, for programs and the CLI.
 *        sp_plugin.declare and sp_stage_decl: a stage may declare its name,
 *        version and layers once init() has run (taken from the first of the
 *        reserved fields, so the size is unchanged).
 */
#ifndef SPANPIPE_ABI_H
#define SPANPIPE_ABI_H

/* "SPpl" in ASCII: the first field of every descriptor. */
#define SP_ABI_MAGIC 0x5350706cu
#define SP_ABI_MAJOR 1
#define SP_ABI_MINOR 2

#endif
