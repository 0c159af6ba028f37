/*
 * stage_segment.c — the segment stage linked into a fuzz program (fuzz_stages.c).
 * Every bundled stage exports the same symbol, spanpipe_plugin; this renames
 * it so the three can live in one program.
 */
#define spanpipe_plugin fuzz_plugin_segment
#include "../../plugins/segment/segment.c"
