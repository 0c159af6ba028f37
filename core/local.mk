# The core: libspcore (all of it, for the unit tests), libspanpipe (the same,
# installed, exporting only the public sp_* API) and the spanpipe command.
noinst_LTLIBRARIES += %reldir%/libspcore.la
%canon_reldir%_libspcore_la_SOURCES = \
	%reldir%/buf.c %reldir%/buf.h \
	%reldir%/error.c %reldir%/error_internal.h \
	%reldir%/utf8.c %reldir%/utf8.h \
	%reldir%/offsets.c %reldir%/offsets.h \
	%reldir%/jsonscan.c %reldir%/jsonscan.h \
	%reldir%/document.c %reldir%/doc_internal.h \
	%reldir%/docread.c %reldir%/docread.h \
	%reldir%/docwrite.c %reldir%/docwrite.h \
	%reldir%/source.c %reldir%/source.h \
	%reldir%/reader.c %reldir%/reader.h \
	%reldir%/inputs.c %reldir%/inputs.h \
	%reldir%/sink.c %reldir%/sink.h \
	%reldir%/outdir.c %reldir%/outdir.h \
	%reldir%/options.c %reldir%/options.h \
	%reldir%/loader.c %reldir%/loader.h \
	%reldir%/pipeline.c %reldir%/pipeline_internal.h \
	%reldir%/execstage.c %reldir%/execstage.h \
	%reldir%/watch.c %reldir%/watch.h \
	%reldir%/runner.c %reldir%/run_internal.h %reldir%/run_read.c %reldir%/run_write.c
%canon_reldir%_libspcore_la_CPPFLAGS = $(AM_CPPFLAGS) -DSP_PLUGINDIR='"$(plugindir)"'
%canon_reldir%_libspcore_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(ZLIB_CFLAGS) $(LIBDEFLATE_CFLAGS) -pthread
%canon_reldir%_libspcore_la_LIBADD = $(JANSSON_LIBS) $(ZLIB_LIBS) $(LIBDEFLATE_LIBS) $(LTDL_LIBS) $(PTHREAD_LIBS)

lib_LTLIBRARIES += %reldir%/libspanpipe.la
%canon_reldir%_libspanpipe_la_SOURCES =
%canon_reldir%_libspanpipe_la_LIBADD = %reldir%/libspcore.la
%canon_reldir%_libspanpipe_la_LDFLAGS = $(AM_LDFLAGS) -version-info 0:0:0 \
	-export-symbols-regex '^sp_'

bin_PROGRAMS += %reldir%/spanpipe
%canon_reldir%_spanpipe_SOURCES = \
	%reldir%/cli/cli.h %reldir%/cli/main.c %reldir%/cli/cmd_run.c \
	%reldir%/cli/cmd_plugins.c %reldir%/cli/report.c %reldir%/cli/docs.c \
	%reldir%/cli/output.c %reldir%/cli/output.h %reldir%/cli/nest.c %reldir%/cli/nest.h \
	%reldir%/cli/cmd_spans.c %reldir%/cli/markup.c %reldir%/cli/markup.h \
	%reldir%/cli/cmd_export.c %reldir%/cli/export.h %reldir%/cli/export_tei.c \
	%reldir%/cli/export_brat.c %reldir%/cli/export_conllu.c
%canon_reldir%_spanpipe_CPPFLAGS = $(AM_CPPFLAGS) -DSP_BUILDDIR='"$(abs_top_builddir)"'
%canon_reldir%_spanpipe_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
%canon_reldir%_spanpipe_LDADD = %reldir%/libspanpipe.la $(JANSSON_LIBS)
