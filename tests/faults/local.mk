# The fault-injection library (LD_PRELOAD) the fault-* cases of cli.test run
# spanpipe under: chosen calls fail (see faultinject.c).
check_LTLIBRARIES += %reldir%/libfaultinject.la
%canon_reldir%_libfaultinject_la_SOURCES = %reldir%/faultinject.c
%canon_reldir%_libfaultinject_la_LDFLAGS = $(AM_LDFLAGS) -module -avoid-version -rpath /nowhere
%canon_reldir%_libfaultinject_la_LIBADD = -ldl
EXTRA_DIST += %reldir%/fault.sh
