# plugins/common/local.mk — the text code the bundled stages share (UTF-8,
# character classes, growable arrays), as a libtool convenience library each
# stage's module and each rules test links.  Included from Makefile.am before
# the stages.  It needs neither spanpipe nor jansson.
#
# The library itself is built one level up, as plugins/libsptext.la, not in
# this folder: a spanpipe run from the build tree takes every folder under
# plugins/ for a plugin's and tries to load each .la in it (core/cli/main.c),
# so a library here would show up in `spanpipe plugins` as a broken plugin.
noinst_LTLIBRARIES += plugins/libsptext.la
plugins_libsptext_la_SOURCES = \
	%reldir%/sptext.h %reldir%/sptext.c \
	%reldir%/sparray.h %reldir%/sparray.c \
	%reldir%/spfile.h %reldir%/spfile.c
plugins_libsptext_la_CPPFLAGS = $(AM_CPPFLAGS)
plugins_libsptext_la_CFLAGS = $(AM_CFLAGS)
