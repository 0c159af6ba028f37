/*
 * view_assets.h — the style sheet and script of `spanpipe view`'s page.
 *
 * They are kept as view.css and view.js next to this header, where they can
 * be read and checked as what they are; the build turns them into the C
 * strings of view_assets.c (see core/local.mk).
 */
#ifndef SPANPIPE_CLI_VIEW_ASSETS_H
#define SPANPIPE_CLI_VIEW_ASSETS_H

extern const char view_css[];
extern const char view_js[];

#endif
