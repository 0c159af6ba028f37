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
