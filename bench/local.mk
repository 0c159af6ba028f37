# bench/local.mk — `make bench`: spanpipe against zcat and its peers (ICU,
# NLTK Punkt, ucto) on a generated corpus (included from Makefile.am).
# Never part of `make check`: it takes minutes and wants optional packages.
# See bench/README.md.
#
#   make bench                 100 MB of text
#   make bench BENCH_MB=20     a quick run
#
# The knobs are passed on explicitly so that both `make bench BENCH_MB=20`
# and `BENCH_MB=20 make bench` work; empty means bench/run's default.
bench: all
	BENCH_MB='$(BENCH_MB)' BENCH_JOBS='$(BENCH_JOBS)' \
	BENCH_UCTO_MB='$(BENCH_UCTO_MB)' BENCH_MEM_MB='$(BENCH_MEM_MB)' \
	BENCH_REPEAT='$(BENCH_REPEAT)' BENCH_SEED='$(BENCH_SEED)' \
	BENCH_RESULTS='$(abs_top_builddir)/bench/results' \
	SPANPIPE='$(abs_top_builddir)/core/spanpipe' CC='$(CC)' \
	top_srcdir='$(abs_top_srcdir)' \
	$(SHELL) '$(abs_top_srcdir)/bench/run'
.PHONY: bench

EXTRA_DIST += %reldir%/README.md %reldir%/run %reldir%/gencorpus.c \
	%reldir%/icu_sentences.c %reldir%/punkt_sentences.py %reldir%/sbd_peers.py

# `make bench-scale`: the document-size targets (bench/scale), a minute at most.
bench-scale: all
	SPANPIPE='$(abs_top_builddir)/core/spanpipe' $(SHELL) '$(abs_top_srcdir)/bench/scale'
.PHONY: bench-scale
EXTRA_DIST += %reldir%/scale
