#!/bin/sh
# valgrind.sh — run one test program under valgrind's memcheck (make
# check-valgrind).  Check's fork mode is turned off so valgrind sees the tests.
CK_FORK=no
export CK_FORK
exec "${top_builddir:-.}/libtool" --mode=execute valgrind -q --error-exitcode=99 \
    --leak-check=full --errors-for-leak-kinds=definite "$@"
