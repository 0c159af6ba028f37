# Small programs the tests use.
check_PROGRAMS += %reldir%/peakrss
%canon_reldir%_peakrss_SOURCES = %reldir%/peakrss.c
