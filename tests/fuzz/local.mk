# tests/fuzz/local.mk — fuzz targets (included from tests/local.mk).
#
# Each target is one LLVMFuzzerTestOneInput().  Always: a replay program per
# target, run by make check with any compiler, on the seeds and on the crash
# reproducers kept under regressions/TARGET/.  With ./configure
# --enable-fuzzing (clang): the libFuzzer programs, and `make fuzz` to run
# each for FUZZ_SECONDS.
FUZZ_NAMES = docread input stages gzipdiff
FUZZ_COMMON_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DATADIR='"$(abs_top_srcdir)/data"'
FUZZ_COMMON_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(ZLIB_CFLAGS)
FUZZ_COMMON_LDADD = core/libspcore.la $(JANSSON_LIBS) $(ZLIB_LIBS)

fuzz_docread_sources = %reldir%/fuzz.h %reldir%/fuzz_docread.c
fuzz_input_sources = %reldir%/fuzz.h %reldir%/gunzip_ref.h %reldir%/gunzip_ref.c %reldir%/fuzz_input.c
fuzz_gzipdiff_sources = %reldir%/fuzz.h %reldir%/gunzip_ref.h %reldir%/gunzip_ref.c %reldir%/fuzz_gzipdiff.c
# The stages are linked in (see fuzz_stages.c for why), with their rules
# and the text code they share (plugins/libsptext.la).
fuzz_stages_sources = %reldir%/fuzz.h %reldir%/fuzz_stages.c \
	%reldir%/stage_segment.c %reldir%/stage_speakers.c %reldir%/stage_citations.c \
	plugins/segment/chars.c plugins/segment/whitespace.c \
	plugins/segment/abbrev.c plugins/segment/layout.c plugins/segment/sentences.c \
	plugins/segment/tokens.c \
	$(spk_rules_sources) \
	plugins/citations/notes.c plugins/citations/markers.c plugins/citations/pages.c \
	plugins/citations/xrefs.c plugins/citations/archival.c plugins/citations/editorial.c \
	plugins/citations/cite_chars.h

# ---- replay: always built and run by make check
check_PROGRAMS += %reldir%/replay_docread %reldir%/replay_input %reldir%/replay_stages \
	%reldir%/replay_gzipdiff
TESTS += %reldir%/replay_docread %reldir%/replay_input %reldir%/replay_stages \
	%reldir%/replay_gzipdiff

%canon_reldir%_replay_docread_SOURCES = %reldir%/replay.c $(fuzz_docread_sources)
%canon_reldir%_replay_docread_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS) -DFUZZ_TARGET='"docread"'
%canon_reldir%_replay_docread_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_replay_docread_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_replay_input_SOURCES = %reldir%/replay.c $(fuzz_input_sources)
%canon_reldir%_replay_input_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS) -DFUZZ_TARGET='"input"'
%canon_reldir%_replay_input_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_replay_input_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_replay_gzipdiff_SOURCES = %reldir%/replay.c $(fuzz_gzipdiff_sources)
%canon_reldir%_replay_gzipdiff_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS) -DFUZZ_TARGET='"gzipdiff"'
%canon_reldir%_replay_gzipdiff_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_replay_gzipdiff_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_replay_stages_SOURCES = %reldir%/replay.c $(fuzz_stages_sources)
%canon_reldir%_replay_stages_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS) -DFUZZ_TARGET='"stages"'
%canon_reldir%_replay_stages_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_replay_stages_LDADD = plugins/libsptext.la $(FUZZ_COMMON_LDADD)

EXTRA_DIST += %reldir%/seeds %reldir%/regressions %reldir%/README.md %reldir%/docread.dict

# ---- libFuzzer programs: only with --enable-fuzzing
if ENABLE_FUZZING
noinst_PROGRAMS = %reldir%/fuzz_docread %reldir%/fuzz_input %reldir%/fuzz_stages \
	%reldir%/fuzz_gzipdiff

%canon_reldir%_fuzz_docread_SOURCES = $(fuzz_docread_sources)
%canon_reldir%_fuzz_docread_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS)
%canon_reldir%_fuzz_docread_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_fuzz_docread_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
%canon_reldir%_fuzz_docread_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_fuzz_input_SOURCES = $(fuzz_input_sources)
%canon_reldir%_fuzz_input_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS)
%canon_reldir%_fuzz_input_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_fuzz_input_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
%canon_reldir%_fuzz_input_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_fuzz_gzipdiff_SOURCES = $(fuzz_gzipdiff_sources)
%canon_reldir%_fuzz_gzipdiff_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS)
%canon_reldir%_fuzz_gzipdiff_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_fuzz_gzipdiff_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
%canon_reldir%_fuzz_gzipdiff_LDADD = $(FUZZ_COMMON_LDADD)
%canon_reldir%_fuzz_stages_SOURCES = $(fuzz_stages_sources)
%canon_reldir%_fuzz_stages_CPPFLAGS = $(FUZZ_COMMON_CPPFLAGS)
%canon_reldir%_fuzz_stages_CFLAGS = $(FUZZ_COMMON_CFLAGS)
%canon_reldir%_fuzz_stages_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
%canon_reldir%_fuzz_stages_LDADD = plugins/libsptext.la $(FUZZ_COMMON_LDADD)

# make fuzz [FUZZ_SECONDS=60]: each target for that long, from its seeds, its
# regressions and what earlier runs found (tests/work/fuzz/corpus/TARGET).  A
# crash leaves its input as tests/work/fuzz/crashes/TARGET/crash-* and fails
# the run: once understood, copy it to tests/fuzz/regressions/TARGET/ in the
# source tree, so that make check replays it for good.
FUZZ_SECONDS = 60
FUZZ_FLAGS = -print_final_stats=1
FUZZ_WORK = tests/work/fuzz
fuzz: %reldir%/fuzz_docread %reldir%/fuzz_input %reldir%/fuzz_stages %reldir%/fuzz_gzipdiff
	@fail=0; for t in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_WORK)/corpus/$$t $(FUZZ_WORK)/crashes/$$t || exit 1; \
	  dirs=; for d in seeds regressions; do \
	    test -d $(srcdir)/%reldir%/$$d/$$t && dirs="$$dirs $(srcdir)/%reldir%/$$d/$$t"; \
	  done; \
	  dict=; test -f $(srcdir)/%reldir%/$$t.dict && dict=-dict=$(srcdir)/%reldir%/$$t.dict; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  ./%reldir%/fuzz_$$t $(FUZZ_FLAGS) $$dict -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_WORK)/crashes/$$t/ $(FUZZ_WORK)/corpus/$$t $$dirs \
	    || { echo "fuzz: $$t FAILED: see $(FUZZ_WORK)/crashes/$$t/"; fail=1; }; \
	done; exit $$fail
else
fuzz:
	@echo "make fuzz: configure with --enable-fuzzing (needs clang and libFuzzer)"; exit 2
endif
.PHONY: fuzz

