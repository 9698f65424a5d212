#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/screenshots.sh [BUILD_DIR]: retakes data/screenshots/*.png (the metainfo's screenshots)
# by running the built app on the sample plan under Xvfb, as a person would see it.
# Needs xvfb, dbus, imagemagick and xdotool (build-aux/debian-packages.txt).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$top/_build}
app=$build/src/cycle
[ -x "$app" ] || { echo "screenshots: build first ($app is missing)" >&2; exit 1; }

exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp -noreset 2>/dev/null)
read -r display <&3
export DISPLAY=:$display GDK_BACKEND=x11 GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data
xvfb_pid=$(pgrep -n Xvfb)
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT

work=$(mktemp -d)
# The subtitle shows the plan's folder: make it read like a person's.
export HOME=$work XDG_DATA_HOME=$work/.local/share XDG_CONFIG_HOME=$work/.config
mkdir -p "$work/Plans"
cp "$top/data/samples/coffee-club.cycle" "$work/Plans/"

dbus-run-session -- "$app" "$work/Plans/coffee-club.cycle" >/dev/null 2>&1 &
pid=$!
win=""
for _ in $(seq 50); do
  win=$(xdotool search --onlyvisible --name "Café Cycle" 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  sleep 0.2
done
[ -n "$win" ] || { echo "screenshots: the window did not appear" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
sleep 2

shot() {
  /usr/bin/import -window "$win" "$top/data/screenshots/$1.png"
  echo "data/screenshots/$1.png"
}

# The plan as it opens: the engagement cycle, closed by its referral loop.
shot cycle-plan
# Prospects, on the right of the ring (with no window manager, keys go where the pointer is),
# then Enter opens its editor.
xdotool mousemove 925 490 click 1
sleep 0.5
xdotool key Return
sleep 1.5
shot cycle-editor

kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -rf "$work"
