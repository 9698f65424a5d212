#!/bin/bash
# run-headless.sh: run a command on a private X display inside a private session bus
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh [--a11y] [--wm] CMD ARGS...
#
# Xvfb starts first and dbus-run-session second, so that anything the bus starts sees the
# display. Only CMD writes to stdout (TAP); Xvfb's and the bus's chatter goes to stderr.
# --a11y keeps the accessibility bus on (for AT-SPI tests); without it GTK_A11Y=none.
# --wm runs a window manager (openbox, with openbox-rc.xml: no key or mouse bindings of its
# own) for tests that go from window to window by keyboard: it gives a window the keyboard
# when it opens, and gives it back to the parent when a dialog closes, as on a desktop.
set -eu

a11y=no
wm=no
while [ $# -gt 0 ]; do
  case "$1" in
    --a11y) a11y=yes; shift ;;
    --wm) wm=yes; shift ;;
    *) break ;;
  esac
done

if [ $# -eq 0 ]; then
  echo "usage: $0 [--a11y] [--wm] CMD ARGS..." >&2
  exit 2
fi

tmpdir=$(mktemp -d)
xvfb_pid=
wm_pid=

cleanup ()
{
  if [ -n "$wm_pid" ]; then
    kill "$wm_pid" 2>/dev/null || true
    wait "$wm_pid" 2>/dev/null || true
  fi
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmpdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -displayfd picks a free display and writes its number, then a newline, once it accepts clients.
# -noreset: by default an X server resets when its last client leaves, and refuses connections
# while it does. The first clients come and go here (the window-manager check below, the
# accessibility bus launcher), so the next one to connect (openbox, the application) failed
# now and then with "Failed to open the display": about one start in twenty when four tests
# start side by side, none in 320 since.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$tmpdir/display" >&2 2>&2 &
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

if [ "$wm" = yes ]; then
  openbox --config-file "$(dirname "$0")/openbox-rc.xml" >&2 2>&2 &
  wm_pid=$!
  # The window manager owns the screen once it has named its check window on the root window
  # (EWMH): GTK reads that to know there is one. Until then a window would open unmanaged.
  managed=no
  for _ in $(seq 1 200); do
    if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then
      managed=yes
      break
    fi
    if ! kill -0 "$wm_pid" 2>/dev/null; then
      wait "$wm_pid" || echo "run-headless.sh: openbox exited with status $?" >&2
      wm_pid=
      break
    fi
    sleep 0.05
  done
  if [ "$managed" = no ]; then
    echo "run-headless.sh: openbox did not take the screen" >&2
    exit 1
  fi
fi
# A data folder of its own: autosaved drafts and recent files stay out of the user's, and
# nothing one run leaves (a draft of a killed app) shows up as a crash to recover in the next.
export XDG_DATA_HOME="$tmpdir/data"
mkdir -p "$XDG_DATA_HOME"
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
# Most tests drive the widgets directly, not through AT-SPI.
if [ "$a11y" = no ]; then
  export GTK_A11Y=none
else
  unset GTK_A11Y
fi

# Services the bus starts (the accessibility registry says hello on its stdout) inherit the bus
# daemon's stdout: send it to stderr, so that only CMD writes to stdout.
cat > "$tmpdir/dbus-daemon" <<'WRAPPER'
#!/bin/sh
exec dbus-daemon "$@" 1>&2
WRAPPER
chmod +x "$tmpdir/dbus-daemon"

status=0
dbus-run-session --dbus-daemon="$tmpdir/dbus-daemon" -- "$@" || status=$?
exit "$status"
