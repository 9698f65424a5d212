# tool-common.sh: what the tests of cycle-tool from the outside share (tool.sh, tool-fr.sh):
# a temporary folder, the counts, running cycle-tool ($CYCLE_TOOL) and checking what it said.
# Sourced, not run.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0

pass () {
  passed=$((passed + 1))
}

fail () {
  failed=$((failed + 1))
  echo "FAIL: $*"
}

# run DIR ARGS…: runs cycle-tool in DIR; sets $out, $err and $status
run () {
  local dir=$1
  shift
  out=$(cd "$dir" && "$CYCLE_TOOL" "$@" 2>"$TMP/stderr")
  status=$?
  err=$(cat "$TMP/stderr")
}

# expect_status WHAT N
expect_status () {
  if [ "$status" -eq "$2" ]; then
    pass
  else
    fail "$1: exit status $status, expected $2"
  fi
}

# expect_out WHAT TEXT
expect_out () {
  if [ "$out" == "$2" ]; then
    pass
  else
    fail "$1: printed:"
    printf '  %s\n' "$out"
    echo "  expected:"
    printf '  %s\n' "$2"
  fi
}

