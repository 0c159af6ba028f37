#!/bin/sh
# run-all.sh — every test, the way CI runs them, each in its own build folder
# under _ci/: (1) warnings as errors, make check and make distcheck;
# (2) AddressSanitizer + UndefinedBehaviorSanitizer, make check;
# (3) valgrind memcheck over the whole suite, make check-valgrind;
# (4) each libFuzzer target for FUZZ_SECONDS (60) with clang, make fuzz.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
cd "$top"
# CI installs slurm-wlm and munge (tests/ci-deps.sh): slurm.test must run, not
# skip, in the plain, distcheck and sanitizer builds.
SPANPIPE_REQUIRE_SLURM=1
export SPANPIPE_REQUIRE_SLURM
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    autoreconf -fi
fi
if [ -f config.status ]; then
    echo "run-all.sh: this tree is configured in place; build folders need it clean" \
         "(run 'make distclean' first)" >&2
    exit 2
fi

step() {
    name=$1
    shift
    echo "==== $name"
    rm -rf "_ci/$name" && mkdir -p "_ci/$name"
    if ! (cd "_ci/$name" && "$@"); then
        # every log there is this step's (the folder is new); -newer the
        # folder found none: its time changes as the step adds files to it
        for log in $(find "_ci/$name" -name '*.log' 2>/dev/null); do
            case $log in */config.log) continue ;; esac
            grep -q -E '^(FAIL|ERROR)' "$log" 2>/dev/null && { echo "---- $log"; tail -50 "$log"; }
        done
        echo "==== $name FAILED"
        exit 1
    fi
    echo "==== $name passed"
}

plain() {
    ../../configure -q --enable-werror >/dev/null &&
    make -s -j"$jobs" >/dev/null &&
    make -s -j"$jobs" check &&
    make -s -j"$jobs" distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror >/dev/null
}

sanitizers() {
    ../../configure -q --enable-werror --enable-sanitizers >/dev/null &&
    make -s -j"$jobs" >/dev/null &&
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        make -s -j"$jobs" check
}

# tests/slurm.test skips itself under valgrind (SPANPIPE_VALGRIND): spanpipe
# runs there inside Slurm tasks of Debian's daemons, and valgrind's slowdown
# of the full chain, four tasks twice, would cost minutes and make its waits
# depend on the load; the sharded -O and --resume runs it drives are checked
# under valgrind by tests/cli/cases/shards-by-file.
memcheck() {
    ../../configure -q --enable-werror >/dev/null &&
    make -s -j"$jobs" >/dev/null &&
    make -s -j"$jobs" check-valgrind
}

fuzzing() {
    CC= ../../configure -q --enable-fuzzing >/dev/null &&
    make -s -j"$jobs" >/dev/null &&
    make -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
}

step plain plain
step sanitizers sanitizers
step valgrind memcheck
step fuzz fuzzing
# Every test result of the three builds (distcheck's own copy not counted).
passed=$(find _ci -path '*/_build' -prune -o -name '*.trs' -print | xargs cat |
         grep -c '^:test-result: PASS' || true)
failed=$(find _ci -path '*/_build' -prune -o -name '*.trs' -print | xargs cat |
         grep -c -E '^:test-result: (FAIL|ERROR)' || true)
echo "all test builds passed"
echo "$passed passed, $failed failed"
