# python/local.mk — the spanpipe Python module (included from Makefile.am):
# installed into Python's site-packages ($(pkgpythondir) is
# $(pythondir)/spanpipe), importable from the source tree for the tests
# (AM_TESTS_ENVIRONMENT puts python/ on PYTHONPATH). See docs/python.md.
if HAVE_PYTHON
pkgpython_PYTHON = \
	%reldir%/spanpipe/__init__.py \
	%reldir%/spanpipe/document.py \
	%reldir%/spanpipe/protocol.py \
	%reldir%/spanpipe/reading.py \
	%reldir%/spanpipe/stage.py \
	%reldir%/spanpipe/testing.py
endif

# Bytecode that a test run by hand leaves in the source tree (examples/,
# tests/python/ are distributed as folders) is not shipped.
dist-hook:
	find '$(distdir)' -name __pycache__ -type d -prune -exec rm -rf {} +
