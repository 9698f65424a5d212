#!/bin/bash
# tool-fr.sh: cycle-tool in French — « avertissement : » with a no-break space before the colon,
# numbers grouped by the one formatter (« 1 000 personnes », U+202F between the groups),
# « guillemets » (with no-break spaces) around names and values in its messages, the glossary's
# words.
#
# Run by meson (tests/meson.build) with CYCLE_TOOL_FR, a cycle-tool that reads the French catalog
# of the build directory, CYCLE_CATALOG, that catalog, and G_TEST_SRCDIR, this folder. Exit 0
# when everything passed, 77 (skipped) when the catalog is not built.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

: "${CYCLE_TOOL_FR:?CYCLE_TOOL_FR must name the cycle-tool to test}"
SRCDIR=${G_TEST_SRCDIR:-$(cd "$(dirname "$0")" && pwd)}
SAMPLE=$SRCDIR/../data/samples/coffee-club.cycle
export LC_ALL=C.UTF-8
export LANGUAGE=fr

if [ ! -f "${CYCLE_CATALOG:-}" ]; then
  echo "the French catalog ${CYCLE_CATALOG:-} is not built"
  exit 77
fi

NB=$'\u00a0'     # no-break space: before « : », inside « »
NN=$'\u202f'     # narrow no-break space: between groups of digits, before « ; ? ! »

CYCLE_TOOL=$CYCLE_TOOL_FR
# shellcheck source=tool-common.sh
source "$SRCDIR/tool-common.sh"

# expect_in WHAT TEXT HAYSTACK
expect_in () {
  if [[ "$3" == *"$2"* ]]; then
    pass
  else
    fail "$1: no “$2” in:"
    printf '  %s\n' "$3"
  fi
}

# expect_not_in WHAT REGEX HAYSTACK
expect_not_in () {
  if [[ "$3" =~ $2 ]]; then
    fail "$1: “${BASH_REMATCH[0]}” in:"
    printf '  %s\n' "$3"
  else
    pass
  fi
}

cp "$SAMPLE" "$TMP/plan.cycle"

# check: the severity and the summary, colons after a no-break space, no English quotes
run "$TMP" check plan.cycle
[ "$status" -eq 0 ] && pass || fail "check: exit status $status"
expect_in "check" "plan.cycle${NB}: avertissement${NB}: «${NB}Newsletter pop-up on the home page${NB}» demande une adresse e-mail à «${NB}Visitors${NB}»" "$out"
expect_in "check" "plan.cycle${NB}: remarque${NB}: «${NB}Prospects${NB}» n’a aucun contenu" "$out"
expect_in "check summary" "plan.cycle${NB}: 0 erreur, 2 avertissements, 4 remarques" "$out"
expect_not_in "check" "[^${NB}]:|[“”\"]| [;?!]" "$out"

# project: the volumes and the people grouped with a narrow no-break space, a decimal comma
run "$TMP" project plan.cycle
[ "$status" -eq 0 ] && pass || fail "project: exit status $status"
expect_in "project" "Visitors     1${NN}156,07" "$out"
expect_in "project" "1${NN}000 personnes entrent par «${NB}Visitors${NB}»" "$out"
expect_not_in "project" "[0-9]{4}|[0-9] [0-9]{3}|[“”]" "$out"

# project --start read as people type a number in French: « 2 000 », « 2${NN}000 », « 2000 »,
# « 2,5 » a decimal comma; what is wrong said with the option's name
for start in "2 000" "2${NN}000" "2${NB}000" "2000"; do
  run "$TMP" project plan.cycle --start "$start"
  [ "$status" -eq 0 ] && pass || fail "project --start « $start »: exit status $status: $err"
  expect_in "project --start « $start »" "2${NN}000 personnes entrent par" "$out"
done
run "$TMP" project plan.cycle --start "douze"
[ "$status" -eq 2 ] && pass || fail "project --start douze: exit status $status"
expect_in "project --start douze" "--start${NB}: «${NB}douze${NB}» n’est pas un nombre de personnes${NN}; écrivez-le comme 1${NN}500" "$err"

# A value the plan file does not allow: the expected ones in « guillemets »
sed 's/"layout": "cycle"/"layout": "spiral"/' "$TMP/plan.cycle" > "$TMP/spiral.cycle"
run "$TMP" validate spiral.cycle
[ "$status" -eq 1 ] && pass || fail "validate spiral.cycle: exit status $status"
expect_in "unknown layout" "«${NB}spiral${NB}»" "$out$err"
expect_in "unknown layout" "«${NB}free${NB}», «${NB}funnel${NB}»" "$out$err"
expect_not_in "unknown layout" "[“”]" "$out$err"

# A number out of range: written by the formatter, not as %g would (1e+12)
sed 's/"layout": "cycle"/"layout": "cycle", "projection_start": 25000000000000/' \
  "$TMP/plan.cycle" > "$TMP/huge.cycle"
run "$TMP" validate huge.cycle
[ "$status" -eq 1 ] && pass || fail "validate huge.cycle: exit status $status"
expect_in "people entering" "de 0 à 1${NN}000${NN}000${NN}000${NN}000, et non 25${NN}000${NN}000${NN}000${NN}000" "$out$err"
expect_not_in "people entering" "e\\+" "$out$err"

# A usage error: « cycle-tool export : », the typed value in « guillemets », the limit formatted
run "$TMP" export plan.cycle -o plan.png --scale 9.5
[ "$status" -eq 2 ] && pass || fail "export --scale 9.5: exit status $status"
expect_in "export --scale" "cycle-tool export${NB}: l’échelle doit être un nombre supérieur à 0 et au plus égal à 8, et non «${NB}9.5${NB}»" "$err"

# Pictures: a stage's last line, « 4 éléments  ≈ 1 156 personnes », fits its box whole in every
# layout (set smaller when it must, never cut with « … »), with a big start volume too. The SVG
# keeps text as text, and the PNG and the canvas draw through the same code.
sed 's/"layout": "cycle"/"layout": "cycle", "projection_start": 1234567/' \
  "$TMP/plan.cycle" > "$TMP/big.cycle"
for plan in plan big; do
  for layout in free funnel cycle two-lanes; do
    run "$TMP" export "$plan.cycle" -o "$plan.$layout.svg" --layout "$layout"
    [ "$status" -eq 0 ] && pass || fail "export $plan.cycle --layout $layout: status $status"
    cut=$(grep -o '<text[^>]*>[^<]*\(personne\|élément\)[^<]*…</text>' "$TMP/$plan.$layout.svg")
    [ -z "$cut" ] && pass || fail "export $plan.cycle --layout $layout: cut: $cut"
  done
done
for layout in cycle funnel; do
  grep -q "≈ 1${NN}156 personnes</text>" "$TMP/plan.$layout.svg" && pass ||
    fail "export --layout $layout: no « ≈ 1 156 personnes »"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
