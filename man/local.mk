# The manual pages, written in man(7), and the documentation and examples
# installed under $(docdir).  tests/man.test renders each page and checks each
# command's SYNOPSIS against its --help.
dist_man_MANS = \
	%reldir%/spanpipe.1 %reldir%/spanpipe-run.1 %reldir%/spanpipe-plugins.1 \
	%reldir%/spanpipe-spans.1 %reldir%/spanpipe-view.1 %reldir%/spanpipe-export.1 \
	%reldir%/spanpipe-merge.1 %reldir%/spanpipe-new-stage.1 \
	%reldir%/spanpipe-format.5 %reldir%/spanpipe-plugin.3

# README.md's links (docs/format.md, examples/...) hold in the installed copy.
dist_doc_DATA = README.md
docdocsdir = $(docdir)/docs
dist_docdocs_DATA = docs/format.md docs/writing-plugins.md docs/stages.md \
	docs/export.md docs/view.md docs/scaling.md docs/view.png
regexexampledir = $(docdir)/examples/regex
dist_regexexample_DATA = examples/regex/regex.c examples/regex/Makefile
execexampledir = $(docdir)/examples/exec
dist_execexample_DATA = examples/exec/capwords.py
sampledir = $(docdir)/data
dist_sample_DATA = data/frus1981-88v05.jsonl data/frus1981-88v05-persons.tsv
