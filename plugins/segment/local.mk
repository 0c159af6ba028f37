# plugins/segment/local.mk — the segment stage (included from Makefile.am).
# The rules (everything but segment.c) need neither spanpipe nor jansson, so
# tests/segment links them on their own.
plugin_LTLIBRARIES += %reldir%/segment.la
%canon_reldir%_segment_la_SOURCES = %reldir%/segment.c \
	%reldir%/segment_rules.h %reldir%/seg_chars.h %reldir%/seg_whitespace.h \
	%reldir%/chars.c %reldir%/whitespace.c %reldir%/abbrev.c \
	%reldir%/layout.c %reldir%/sentences.c %reldir%/tokens.c
%canon_reldir%_segment_la_CPPFLAGS = $(AM_CPPFLAGS)
%canon_reldir%_segment_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
%canon_reldir%_segment_la_LDFLAGS = -module -avoid-version -export-symbols-regex '^spanpipe_plugin$$'
%canon_reldir%_segment_la_LIBADD = plugins/libsptext.la core/libspanpipe.la $(JANSSON_LIBS)
