# Unit tests of the citations stage's rules, linked with the rule files alone
# (no core, no jansson).  Included from the top-level Makefile.am.
check_PROGRAMS += %reldir%/test_citations_rules
%canon_reldir%_test_citations_rules_SOURCES = \
	%reldir%/test_citations_rules.c \
	plugins/citations/cite.h \
	plugins/citations/notes.c \
	plugins/citations/markers.c \
	plugins/citations/pages.c \
	plugins/citations/xrefs.c \
	plugins/citations/archival.c \
	plugins/citations/editorial.c \
	plugins/citations/cite_chars.h
%canon_reldir%_test_citations_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_citations_rules_LDADD = plugins/libsptext.la $(CHECK_LIBS)
TESTS += %reldir%/test_citations_rules
