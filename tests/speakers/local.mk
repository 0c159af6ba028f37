# tests/speakers/local.mk — unit tests of the speakers rules (no core needed).
check_PROGRAMS += %reldir%/test_speakers_rules
%canon_reldir%_test_speakers_rules_SOURCES = %reldir%/test_speakers_rules.c \
	plugins/speakers/spk_rules.h plugins/speakers/spk_chars.h plugins/speakers/spk_doc.h \
	plugins/speakers/spk_speech.h plugins/speakers/arrays.c plugins/speakers/chars.c \
	plugins/speakers/names.c plugins/speakers/words.c plugins/speakers/lexicon.c \
	plugins/speakers/people.c plugins/speakers/persons.c plugins/speakers/roster.c \
	plugins/speakers/mentions.c plugins/speakers/writer.c plugins/speakers/dialogue.c \
	plugins/speakers/quotes.c plugins/speakers/speech.c plugins/speakers/analyse.c
%canon_reldir%_test_speakers_rules_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/speakers
%canon_reldir%_test_speakers_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%canon_reldir%_test_speakers_rules_LDADD = $(CHECK_LIBS)
TESTS += %reldir%/test_speakers_rules
