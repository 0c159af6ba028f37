# tests/segment/local.mk — unit tests of the segment rules (no core needed).
# The rules' sources, which both programs here link without the plugin.
seg_rules_sources = plugins/segment/segment_rules.h plugins/segment/seg_chars.h plugins/segment/seg_whitespace.h \
	plugins/segment/chars.c plugins/segment/whitespace.c \
	plugins/segment/abbrev.c plugins/segment/layout.c plugins/segment/sentences.c \
	plugins/segment/tokens.c
check_PROGRAMS += %reldir%/test_segment_rules
%canon_reldir%_test_segment_rules_SOURCES = %reldir%/test_segment_rules.c \
	$(seg_rules_sources)
%canon_reldir%_test_segment_rules_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/segment
%canon_reldir%_test_segment_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_segment_rules_LDADD = plugins/libsptext.la $(CHECK_LIBS)
TESTS += %reldir%/test_segment_rules

# Sentence boundary F1 on general text (English web, German, French), with a
# lower bound per corpus (sbd.test).
check_PROGRAMS += %reldir%/sbd_check
%canon_reldir%_sbd_check_SOURCES = %reldir%/sbd_check.c \
	$(seg_rules_sources)
%canon_reldir%_sbd_check_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/segment
%canon_reldir%_sbd_check_LDADD = plugins/libsptext.la
TESTS += %reldir%/sbd.test
EXTRA_DIST += %reldir%/sbd.test %reldir%/corpus
