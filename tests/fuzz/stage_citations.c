/*
 * stage_citations.c — the citations stage linked into a fuzz program (fuzz_stages.c).
 * Every bundled stage exports the same symbol, spanpipe_plugin; this renames
 * it so the three can live in one program.
 */
#define spanpipe_plugin fuzz_plugin_citations
#include "../../plugins/citations/citations.c"
