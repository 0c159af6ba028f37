# The citations stage: footnotes and their markers, cross-references, page
# markers, archival citations, editorial brackets.  Included from the
# top-level Makefile.am (non-recursive build).
plugin_LTLIBRARIES += %reldir%/citations.la
%canon_reldir%_citations_la_SOURCES = \
	%reldir%/citations.c \
	%reldir%/cite.h \
	%reldir%/notes.c \
	%reldir%/markers.c \
	%reldir%/pages.c \
	%reldir%/xrefs.c \
	%reldir%/archival.c \
	%reldir%/editorial.c \
	%reldir%/cite_chars.h
%canon_reldir%_citations_la_CPPFLAGS = $(AM_CPPFLAGS)
%canon_reldir%_citations_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
%canon_reldir%_citations_la_LDFLAGS = -module -avoid-version -export-symbols-regex '^spanpipe_plugin$$'
%canon_reldir%_citations_la_LIBADD = plugins/libsptext.la core/libspanpipe.la $(JANSSON_LIBS)
