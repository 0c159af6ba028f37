# fault.sh — sourced by the fault-* cases of cli.test (tests/cli/cases).
# fault SPEC [FILE] -- ARGS: spanpipe with the fault-injection library
# (tests/faults/faultinject.c) preloaded: the calls SPEC names fail, on FILE
# only when given.  Under AddressSanitizer a preloaded library comes before
# its runtime in the list of libraries, which it refuses unless told
# (verify_asan_link_order=0); under valgrind the library is preloaded into
# the program valgrind runs, as here.
fault() {
    spec=$1 file=
    shift
    [ "$1" != -- ] && { file=$1; shift; }
    shift
    (
        LD_PRELOAD="$top_builddir/tests/faults/.libs/libfaultinject.so"
        SPANPIPE_FAULT=$spec SPANPIPE_FAULT_FILE=$file
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
        export LD_PRELOAD SPANPIPE_FAULT SPANPIPE_FAULT_FILE ASAN_OPTIONS
        [ -n "$file" ] || unset SPANPIPE_FAULT_FILE
        spanpipe "$@"
    )
}
# what is in the folder: the outputs, and no temporary file left behind
files() { ls | grep -v "^fx$\|^plugins$\|^in\.jsonl$" | tr "\n" " "; echo; }
