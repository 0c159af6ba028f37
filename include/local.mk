# The public headers: what plugin authors and embedding programs include.
spanpipeincludedir = $(includedir)/spanpipe
spanpipeinclude_HEADERS = \
	%reldir%/spanpipe/spanpipe.h \
	%reldir%/spanpipe/abi.h \
	%reldir%/spanpipe/document.h \
	%reldir%/spanpipe/error.h \
	%reldir%/spanpipe/plugin.h \
	%reldir%/spanpipe/pipeline.h \
	%reldir%/spanpipe/outfile.h
