# tests/speakers/local.mk — unit tests of the speakers rules (no core needed):
# the rules are built once, as a convenience library both programs link.
check_LTLIBRARIES += %reldir%/libspkrules.la
%canon_reldir%_libspkrules_la_SOURCES = $(spk_rules_sources)

# Examples: the rules on small documents, result by result.
check_PROGRAMS += %reldir%/test_speakers_rules
%canon_reldir%_test_speakers_rules_SOURCES = %reldir%/test_speakers_rules.c
%canon_reldir%_test_speakers_rules_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/speakers
%canon_reldir%_test_speakers_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_speakers_rules_LDADD = %reldir%/libspkrules.la plugins/libsptext.la $(CHECK_LIBS)
TESTS += %reldir%/test_speakers_rules

# Robustness: random FRUS-like documents must keep the core's span invariants.
check_PROGRAMS += %reldir%/test_speakers_random
%canon_reldir%_test_speakers_random_SOURCES = %reldir%/test_speakers_random.c
%canon_reldir%_test_speakers_random_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/speakers
%canon_reldir%_test_speakers_random_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_speakers_random_LDADD = %reldir%/libspkrules.la plugins/libsptext.la $(CHECK_LIBS)
TESTS += %reldir%/test_speakers_random
