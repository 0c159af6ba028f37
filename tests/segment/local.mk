# tests/segment/local.mk — unit tests of the segment rules (no core needed).
check_PROGRAMS += %reldir%/test_segment_rules
%canon_reldir%_test_segment_rules_SOURCES = %reldir%/test_segment_rules.c \
	plugins/segment/segment_rules.h plugins/segment/seg_chars.h plugins/segment/seg_text.h \
	plugins/segment/chars.c plugins/segment/text.c \
	plugins/segment/abbrev.c plugins/segment/layout.c plugins/segment/sentences.c \
	plugins/segment/tokens.c
%canon_reldir%_test_segment_rules_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/segment
%canon_reldir%_test_segment_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_segment_rules_LDADD = plugins/libsptext.la $(CHECK_LIBS)
TESTS += %reldir%/test_segment_rules
