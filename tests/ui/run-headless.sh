#!/bin/bash
# run-headless.sh: run a command on a private X display inside a private session bus
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh CMD ARGS...
#
# Xvfb starts first and dbus-run-session second, so that anything the bus starts sees the
# display. Only CMD writes to stdout (TAP); Xvfb's and the bus's chatter goes to stderr.
set -eu

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD ARGS..." >&2
  exit 2
fi

tmpdir=$(mktemp -d)
xvfb_pid=

cleanup ()
{
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmpdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -displayfd picks a free display and writes its number, then a newline, once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmpdir/display" >&2 2>&2 &
xvfb_pid=$!

display=
for _ in $(seq 1 200); do
  if grep -q '^[0-9][0-9]*$' "$tmpdir/display" 2>/dev/null; then
    display=$(head -n 1 "$tmpdir/display")
    break
  fi
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "run-headless.sh: Xvfb exited before it was ready" >&2
    exit 1
  fi
  sleep 0.05
done
if [ -z "$display" ]; then
  echo "run-headless.sh: Xvfb did not report a display" >&2
  exit 1
fi

export DISPLAY=":$display"
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
# These tests drive the widgets directly, not through AT-SPI.
export GTK_A11Y=none

status=0
dbus-run-session -- "$@" || status=$?
exit "$status"
