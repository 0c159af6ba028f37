#!/bin/sh
# ci-deps.sh — install, on a fresh Debian machine (as root), what spanpipe
# needs: `sh tests/ci-deps.sh build` what building and running need (the
# README's first command); `sh tests/ci-deps.sh` that and what the tests need
# (the README's test command and .ci/run).  The one list of packages.
set -eu
build="build-essential autoconf automake libtool libltdl-dev libjansson-dev
  zlib1g-dev libdeflate-dev check pkg-config libzstd-dev liblzma-dev libbz2-dev
  libarchive-dev libisal-dev"
# valgrind: the memcheck run; clang and its runtime: the fuzz targets;
# chromium: view.test; python3: the export and view checkers; libxml2-utils:
# xmllint; parallel: the GNU parallel recipe; man-db: man.test; zstd, xz-utils,
# bzip2: the archive and compressed-input cases make their fixtures with them;
# slurm-wlm and munge: slurm.test's one-node cluster
tests="valgrind parallel python3 libxml2-utils clang libclang-rt-14-dev chromium
  chromium-driver fonts-dejavu-core man-db zstd xz-utils bzip2 slurm-wlm munge"
case ${1:-test} in
build) pkgs=$build ;;
test) pkgs="$build $tests" ;;
*) echo "usage: sh tests/ci-deps.sh [build|test]" >&2; exit 2 ;;
esac
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # the lists are words
apt-get install -y --no-install-recommends $pkgs
