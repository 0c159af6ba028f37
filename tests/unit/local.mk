# Unit suites (Check), one per core file, linked with the core's internals.
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(JANSSON_CFLAGS) $(ZLIB_CFLAGS)
UNIT_LDADD = core/libspcore.la $(CHECK_LIBS) $(JANSSON_LIBS) $(ZLIB_LIBS)

check_PROGRAMS += %reldir%/test_offsets %reldir%/test_document %reldir%/test_reader \
	%reldir%/test_options %reldir%/test_jsonscan %reldir%/test_outstream %reldir%/test_buf \
	%reldir%/test_ring %reldir%/test_sink %reldir%/test_outdir \
	%reldir%/test_loader %reldir%/test_pipeline %reldir%/test_inputs
TESTS += %reldir%/test_offsets %reldir%/test_document %reldir%/test_reader \
	%reldir%/test_options %reldir%/test_jsonscan %reldir%/test_outstream %reldir%/test_buf \
	%reldir%/test_ring %reldir%/test_sink %reldir%/test_outdir \
	%reldir%/test_loader %reldir%/test_pipeline %reldir%/test_inputs

%canon_reldir%_test_offsets_SOURCES = %reldir%/test_offsets.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_offsets_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_offsets_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_document_SOURCES = %reldir%/test_document.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_document_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_document_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_reader_SOURCES = %reldir%/test_reader.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_reader_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_reader_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_options_SOURCES = %reldir%/test_options.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_options_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_options_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_jsonscan_SOURCES = %reldir%/test_jsonscan.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_jsonscan_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_jsonscan_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_outstream_SOURCES = %reldir%/test_outstream.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_outstream_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_outstream_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_buf_SOURCES = %reldir%/test_buf.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_buf_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_buf_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_ring_SOURCES = %reldir%/test_ring.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_ring_CFLAGS = $(UNIT_CFLAGS) -pthread
%canon_reldir%_test_ring_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_sink_SOURCES = %reldir%/test_sink.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_sink_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_sink_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_outdir_SOURCES = %reldir%/test_outdir.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_outdir_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_outdir_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_loader_SOURCES = %reldir%/test_loader.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_loader_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_loader_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_pipeline_SOURCES = %reldir%/test_pipeline.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_pipeline_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_pipeline_LDADD = $(UNIT_LDADD)
%canon_reldir%_test_inputs_SOURCES = %reldir%/test_inputs.c %reldir%/unit_main.c %reldir%/unit.h
%canon_reldir%_test_inputs_CFLAGS = $(UNIT_CFLAGS)
%canon_reldir%_test_inputs_LDADD = $(UNIT_LDADD)
