# Tests: unit suites (Check) per core file, test-only plugins, and end-to-end
# cases of the built spanpipe.
include %reldir%/plugins/local.mk
include %reldir%/unit/local.mk
