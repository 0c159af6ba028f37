#!/bin/sh
# valgrind.sh — run one program under valgrind's memcheck (make
# check-valgrind, and the end-to-end tests when SPANPIPE_VALGRIND is set).
#
# A libtool wrapper script is not run through `libtool --mode=execute`: that
# re-splits arguments holding a newline (a file named "n<newline>l.jsonl"
# reached spanpipe as "n").  The wrapper's third line names the real program,
# and the library it needs is core/.libs, so valgrind runs that program itself
# with every argument as given.  Check's fork mode is turned off so valgrind
# sees the tests.  A child forked without exec is not reported on: the loader
# probes each plugin in such a child, which may crash on purpose (a library
# whose constructor crashes), and valgrind would report that crash and the
# child's memory as the program's own.
CK_FORK=no
export CK_FORK
prog=$1
shift
real=$(sed -n '3s/^# .* - temporary wrapper script for \(.*\)$/\1/p' "$prog" 2>/dev/null)
if [ -n "$real" ]; then
    prog="$(dirname "$prog")/$real"
    LD_LIBRARY_PATH="${top_builddir:-.}/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export LD_LIBRARY_PATH
fi
exec valgrind -q --error-exitcode=99 --child-silent-after-fork=yes \
    --leak-check=full --errors-for-leak-kinds=definite "$prog" "$@"
