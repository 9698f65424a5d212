#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/svg-baseline.sh OUTDIR [BUILDDIR]
#
# Exports the sample plan and every template as SVG in each of the four layouts (free, funnel,
# cycle, two-lanes) into OUTDIR, with the cycle-tool and template-dump of BUILDDIR (default
# _build). Two such folders from two commits compare with one `diff -r`: a change that only
# reshapes the code leaves them byte for byte the same. Since issue 18 the SVG is Cycle's own
# (text as <text>, a legend under the plan) and not cairo's: every file changed then, by design,
# so compare only folders made from commits after it.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:?usage: build-aux/svg-baseline.sh OUTDIR [BUILDDIR]}
build=${2:-$top/_build}
tool=$build/src/tool/cycle-tool
dump=$build/tests/template-dump

export LC_ALL=C.UTF-8 LANGUAGE=

mkdir -p "$out"
plans=$(mktemp -d)
trap 'rm -rf "$plans"' EXIT

cp "$top/data/samples/coffee-club.cycle" "$plans/coffee-club.cycle"
"$dump" "$plans" >/dev/null

for plan in "$plans"/*.cycle; do
  name=$(basename "$plan" .cycle)
  "$tool" export "$plan" -o "$out/$name.svg"
  for layout in free funnel cycle two-lanes; do
    "$tool" export "$plan" -o "$out/$name.$layout.svg" --layout "$layout"
  done
done
