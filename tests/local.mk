# Tests: unit suites (Check) per core file, test-only plugins, and end-to-end
# cases of the built spanpipe.
include %reldir%/plugins/local.mk
include %reldir%/tools/local.mk
include %reldir%/unit/local.mk
include %reldir%/segment/local.mk
include %reldir%/speakers/local.mk
include %reldir%/citations/local.mk
include %reldir%/gold/local.mk

# End-to-end: the built spanpipe on the cases in cli/cases (see cli.test).
TESTS += %reldir%/cli.test
EXTRA_DIST += %reldir%/cli.test
EXTRA_DIST += %reldir%/cli
# the hostile archives' maker (cli/cases/archives-hostile)
EXTRA_DIST += %reldir%/archives

# spans and export on the sample, checked against the JSON (export/check_export.py).
TESTS += %reldir%/export.test
EXTRA_DIST += %reldir%/export.test %reldir%/export

# libspanpipe.so exports exactly the functions of include/spanpipe/*.h.
TESTS += %reldir%/exports.test
EXTRA_DIST += %reldir%/exports.test

# No function in core/ over 80 lines.
TESTS += %reldir%/funclen.test
EXTRA_DIST += %reldir%/funclen.test

# A plugin built out of tree against the installed headers, with pkg-config.
TESTS += %reldir%/outoftree.test
EXTRA_DIST += %reldir%/outoftree.test

# The manual pages: installed, rendered without warnings, SYNOPSIS = --help.
TESTS += %reldir%/man.test
EXTRA_DIST += %reldir%/man.test

# The bash completion answers for a command, an option, a stage and its options.
TESTS += %reldir%/completion.test
EXTRA_DIST += %reldir%/completion.test

# .ci/run runs exactly the README's test command.
TESTS += %reldir%/ci-command.test
EXTRA_DIST += %reldir%/ci-command.test

# The skeleton of `spanpipe new-stage` builds and passes its own test.
TESTS += %reldir%/newstage.test
EXTRA_DIST += %reldir%/newstage.test
include %reldir%/fuzz/local.mk
include %reldir%/faults/local.mk

# `spanpipe view` in headless Chromium (skipped without it).
TESTS += %reldir%/view.test
EXTRA_DIST += %reldir%/view.test %reldir%/view
# view.test ends its browser's processes when the session cannot start.
TESTS += %reldir%/view-cleanup.test
EXTRA_DIST += %reldir%/view-cleanup.test

# The Python module: writing, testing and reading (python/, tests/python/).
TESTS += %reldir%/python.test
EXTRA_DIST += %reldir%/python.test %reldir%/python

# The Slurm recipe of docs/scaling.md on a one-node cluster of its own
# (skipped without slurm-wlm and munge).
TESTS += %reldir%/slurm.test
EXTRA_DIST += %reldir%/slurm.test %reldir%/slurm

# outoftree, man and newstage run `make install` into a stage, and libtool
# relinks the plugins in the build tree as it installs them: a test that loads
# a plugin at that moment finds no file ("cannot load plugin ... file not
# found", seen under make check -j2).  So they run after every test that loads
# the built plugins, and one after the other.
tests/outoftree.log: tests/cli.log tests/export.log tests/view.log tests/view-cleanup.log \
	tests/python.log tests/completion.log tests/gold/gold.log tests/slurm.log \
	tests/segment/sbd.log tests/unit/test_loader.log tests/unit/test_pipeline.log
tests/man.log: tests/outoftree.log
tests/newstage.log: tests/man.log
