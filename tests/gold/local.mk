# tests/gold/local.mk — the bundled stages against gold annotations of the
# sample (tests/gold/frus1981-88v05: FRUS 1981-88 vol. V, public domain), scored
# by gold_check, a C twin of the project's Python scorer.
check_PROGRAMS += %reldir%/gold_check
%canon_reldir%_gold_check_SOURCES = %reldir%/gold_check.c
%canon_reldir%_gold_check_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(ZLIB_CFLAGS)
%canon_reldir%_gold_check_LDADD = $(JANSSON_LIBS) $(ZLIB_LIBS) -lm
TESTS += %reldir%/gold.test
EXTRA_DIST += %reldir%/gold.test %reldir%/frus1981-88v05 \
	%reldir%/frus1969-76v12 %reldir%/frus1969-76v12.jsonl
