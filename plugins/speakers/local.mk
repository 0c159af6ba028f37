# plugins/speakers/local.mk — the speakers stage (included from Makefile.am).
# The rules (everything but speakers.c) need neither spanpipe nor jansson, so
# tests/speakers links them on their own (through spk_rules_sources).
spk_rules_sources = \
	%reldir%/spk_rules.h %reldir%/spk_chars.h %reldir%/spk_doc.h %reldir%/spk_speech.h \
	%reldir%/result.c %reldir%/names.c %reldir%/words.c %reldir%/classify.c \
	%reldir%/lexicon.c %reldir%/people_file.c %reldir%/entities.c %reldir%/roster.c \
	%reldir%/cues.c %reldir%/mentions.c %reldir%/writer.c %reldir%/dialogue.c %reldir%/initials.c %reldir%/quotes.c \
	%reldir%/speech.c %reldir%/analyse.c
plugin_LTLIBRARIES += %reldir%/speakers.la
%canon_reldir%_speakers_la_SOURCES = %reldir%/speakers.c $(spk_rules_sources)
%canon_reldir%_speakers_la_CPPFLAGS = $(AM_CPPFLAGS)
%canon_reldir%_speakers_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
%canon_reldir%_speakers_la_LDFLAGS = -module -avoid-version -export-symbols-regex '^spanpipe_plugin$$'
%canon_reldir%_speakers_la_LIBADD = plugins/libsptext.la core/libspanpipe.la $(JANSSON_LIBS)
