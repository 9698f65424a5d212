#!/bin/sh
# run-fuzz.sh FUZZER SECONDS SEED...: runs the libFuzzer target FUZZER for SECONDS, starting from
# the SEED files, in a scratch corpus (libFuzzer adds its finds to its first corpus folder: never
# the source tree). A crash, a leak, an assertion or UBSan's report fails the run, and its input
# is kept as fuzz-crash-* in the current folder (meson: the build's tests/fuzz), to replay with
#   _build-fuzz/tests/fuzz/fuzz-load fuzz-crash-…
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

fuzzer=$1
seconds=$2
shift 2

corpus=$(mktemp -d "${TMPDIR:-/tmp}/cycle-fuzz.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
for seed in "$@"; do
  [ -f "$seed" ] && cp "$seed" "$corpus/"
done
# Tiny inputs that once hid undefined behaviour (an empty container closed first)
printf '[]' > "$corpus/empty-array"
printf '{}' > "$corpus/empty-object"

# Sanitizers stop at the first error; -rss_limit_mb keeps a runaway input from eating the
# machine (the loader's own limits should make that impossible).
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
exec "$fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix=./fuzz-crash- "$corpus"
