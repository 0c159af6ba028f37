# Test-only stages, built as real modules (-rpath makes libtool build them
# shared) and loaded through the real loader by the end-to-end tests.
TEST_PLUGIN_LDFLAGS = -module -avoid-version -rpath /nowhere \
	-export-symbols-regex '^spanpipe_plugin$$' $(AM_LDFLAGS)
TEST_PLUGIN_LIBADD = core/libspanpipe.la $(JANSSON_LIBS)
TEST_PLUGIN_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)

check_LTLIBRARIES += %reldir%/words.la
%canon_reldir%_words_la_SOURCES = %reldir%/words.c
%canon_reldir%_words_la_CFLAGS = $(TEST_PLUGIN_CFLAGS)
%canon_reldir%_words_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_words_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_LTLIBRARIES += %reldir%/initfail.la %reldir%/procfail.la %reldir%/range.la \
	%reldir%/split.la %reldir%/needs.la %reldir%/needsword.la %reldir%/badref.la \
	%reldir%/undeclared.la %reldir%/slow.la %reldir%/crash.la %reldir%/hang.la
%canon_reldir%_initfail_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_initfail_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_INIT -DFAULT_NAME='"initfail"'
%canon_reldir%_initfail_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_initfail_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_procfail_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_procfail_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_PROCESS -DFAULT_NAME='"procfail"'
%canon_reldir%_procfail_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_procfail_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_range_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_range_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_RANGE -DFAULT_NAME='"range"'
%canon_reldir%_range_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_range_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_split_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_split_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_SPLIT -DFAULT_NAME='"split"'
%canon_reldir%_split_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_split_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_needs_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_needs_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_NEEDS -DFAULT_NAME='"needs"'
%canon_reldir%_needs_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_needs_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_needsword_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_needsword_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_NEEDS_WORD -DFAULT_NAME='"needsword"'
%canon_reldir%_needsword_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_needsword_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_badref_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_badref_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_BADREF -DFAULT_NAME='"badref"'
%canon_reldir%_badref_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badref_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_undeclared_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_undeclared_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_LAYER -DFAULT_NAME='"undeclared"'
%canon_reldir%_undeclared_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_undeclared_la_LIBADD = $(TEST_PLUGIN_LIBADD)

%canon_reldir%_slow_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_slow_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_SLOW -DFAULT_NAME='"slow"'
%canon_reldir%_slow_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_slow_la_LIBADD = $(TEST_PLUGIN_LIBADD)

%canon_reldir%_crash_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_crash_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_CRASH -DFAULT_NAME='"crash"'
%canon_reldir%_crash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_crash_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_hang_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_hang_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_HANG -DFAULT_NAME='"hang"'
%canon_reldir%_hang_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_hang_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_LTLIBRARIES += %reldir%/badmajor.la %reldir%/badminor.la %reldir%/badmagic.la
%canon_reldir%_badmajor_la_SOURCES = %reldir%/badabi.c
%canon_reldir%_badmajor_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DBAD_MAJOR -DBAD_NAME='"badmajor"'
%canon_reldir%_badmajor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badmajor_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_badminor_la_SOURCES = %reldir%/badabi.c
%canon_reldir%_badminor_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DBAD_MINOR -DBAD_NAME='"badminor"'
%canon_reldir%_badminor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badminor_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_badmagic_la_SOURCES = %reldir%/badabi.c
%canon_reldir%_badmagic_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DBAD_MAGIC -DBAD_NAME='"badmagic"'
%canon_reldir%_badmagic_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badmagic_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_LTLIBRARIES += %reldir%/badsize1g.la %reldir%/badsize4g.la
%canon_reldir%_badsize1g_la_SOURCES = %reldir%/badabi.c
%canon_reldir%_badsize1g_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DBAD_SIZE=0x40000000u -DBAD_NAME='"badsize1g"'
%canon_reldir%_badsize1g_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badsize1g_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_badsize4g_la_SOURCES = %reldir%/badabi.c
%canon_reldir%_badsize4g_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DBAD_SIZE=0xffffffffu -DBAD_NAME='"badsize4g"'
%canon_reldir%_badsize4g_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_badsize4g_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_LTLIBRARIES += %reldir%/ctorcrash.la %reldir%/initcrash.la
%canon_reldir%_ctorcrash_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_ctorcrash_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_CTOR_CRASH -DFAULT_NAME='"ctorcrash"'
%canon_reldir%_ctorcrash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_ctorcrash_la_LIBADD = $(TEST_PLUGIN_LIBADD)
%canon_reldir%_initcrash_la_SOURCES = %reldir%/faulty.c
%canon_reldir%_initcrash_la_CFLAGS = $(TEST_PLUGIN_CFLAGS) -DFAULT_INIT_CRASH -DFAULT_NAME='"initcrash"'
%canon_reldir%_initcrash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%canon_reldir%_initcrash_la_LIBADD = $(TEST_PLUGIN_LIBADD)
