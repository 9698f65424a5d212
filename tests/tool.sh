#!/bin/bash
# tool.sh: cycle-tool from the outside — its output, one line per file, and its exit status.
#
# Run by meson (tests/meson.build) with CYCLE_TOOL, the built cycle-tool, and G_TEST_SRCDIR, this
# folder. Exit 0 when everything passed.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

: "${CYCLE_TOOL:?CYCLE_TOOL must name the cycle-tool to test}"
SRCDIR=${G_TEST_SRCDIR:-$(cd "$(dirname "$0")" && pwd)}
GOOD=$SRCDIR/data/good
BROKEN=$SRCDIR/data/broken
SAMPLES=$SRCDIR/../data/samples
export LC_ALL=C.UTF-8

# shellcheck source=tool-common.sh
source "$SRCDIR/tool-common.sh"

# Every good file: "NAME: ok", exit 0, nothing on stderr
n_good=0
for path in "$GOOD"/*.cycle; do
  name=$(basename "$path")
  n_good=$((n_good + 1))
  run "$GOOD" validate "$name"
  expect_status "validate $name" 0
  expect_out "validate $name" "$name: ok"
  [ -z "$err" ] && pass || fail "validate $name: wrote to stderr: $err"
done
[ "$n_good" -ge 6 ] && pass || fail "only $n_good good files"

# Every good file at once: one line each, in order
good_names=()
good_lines=""
for path in "$GOOD"/*.cycle; do
  name=$(basename "$path")
  good_names+=("$name")
  good_lines+="$name: ok"$'\n'
done
run "$GOOD" validate "${good_names[@]}"
expect_status "validate all good files" 0
expect_out "validate all good files" "${good_lines%$'\n'}"

# Every broken file: the line in expected.txt, exit 1, nothing on stderr
n_broken=0
declare -A listed=()
while IFS=$'\t' read -r name expected; do
  [ -n "$name" ] || continue
  listed[$name]=1
  n_broken=$((n_broken + 1))
  if [ ! -f "$BROKEN/$name" ]; then
    fail "$name is in expected.txt but does not exist"
    continue
  fi
  run "$BROKEN" validate "$name"
  expect_status "validate $name" 1
  expect_out "validate $name" "$expected"
  [ -z "$err" ] && pass || fail "validate $name: wrote to stderr: $err"
done < "$BROKEN/expected.txt"
for path in "$BROKEN"/*.cycle; do
  name=$(basename "$path")
  [ -n "${listed[$name]:-}" ] && pass || fail "$name is not in expected.txt"
done
[ "$n_broken" -ge 35 ] && pass || fail "only $n_broken broken files"

# expected_line NAME: the line expected.txt holds for NAME
expected_line () {
  awk -F '\t' -v name="$1" '$1 == name { print $2 }' "$BROKEN/expected.txt"
}

# Mixed: good and broken files at once; one line each, in the order given, exit 1
mixed_expected="../good/empty.cycle: ok"$'\n'
mixed_expected+="$(expected_line missing-comma.cycle)"$'\n'
mixed_expected+="../good/french.cycle: ok"$'\n'
mixed_expected+="$(expected_line version-2.cycle)"$'\n'
mixed_expected+="$(expected_line empty.cycle)"
run "$BROKEN" validate ../good/empty.cycle missing-comma.cycle ../good/french.cycle \
  version-2.cycle empty.cycle
expect_status "validate mixed files" 1
expect_out "validate mixed files" "$mixed_expected"

# A broken file, then a good one: the good one is still checked
run "$BROKEN" validate bad-color.cycle ../good/empty.cycle
expect_status "validate broken then good" 1
[ "$(printf '%s\n' "$out" | tail -n 1)" == "../good/empty.cycle: ok" ] && pass ||
  fail "validate broken then good: printed $out"

# The name is printed as given: a path, spaces and accents
mkdir -p "$TMP/un dossier"
cp "$GOOD/empty.cycle" "$TMP/un dossier/Plan été.cycle"
run "$TMP" validate "un dossier/Plan été.cycle"
expect_status "validate a name with spaces and accents" 0
expect_out "validate a name with spaces and accents" "un dossier/Plan été.cycle: ok"
run "$TMP" validate "$GOOD/empty.cycle"
expect_out "validate an absolute path" "$GOOD/empty.cycle: ok"

# A missing file: exit 1, one line that names it
run "$TMP" validate no-such-plan.cycle
expect_status "validate a missing file" 1
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && pass || fail "validate a missing file: $out"
[[ "$out" == no-such-plan.cycle:* ]] && pass ||
  fail "validate a missing file: the line does not start with the name: $out"

# Missing and good together: exit 1, both reported
run "$GOOD" validate no-such-plan.cycle empty.cycle
expect_status "validate missing and good" 1
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] && [[ "$out" == *$'\n'"empty.cycle: ok" ]] && pass ||
  fail "validate missing and good: $out"

# Not a regular file: a folder, a device
run "$TMP" validate "un dossier"
expect_status "validate a folder" 1
[[ "$out" == "un dossier:"* ]] && pass || fail "validate a folder: $out"
run "$TMP" validate /dev/null
expect_status "validate /dev/null" 1
[[ "$out" == "/dev/null:"* ]] && pass || fail "validate /dev/null: $out"

# --help lists validate, on stdout, exit 0
for option in --help -h; do
  run "$TMP" "$option"
  expect_status "$option" 0
  grep -q '^  validate ' <<< "$out" && pass || fail "$option does not list validate: $out"
done

# --version
run "$TMP" --version
expect_status "--version" 0
[[ "$out" == "cycle-tool "* ]] && pass || fail "--version printed: $out"

# Usage errors: exit 2, nothing on stdout, a word on stderr
run "$TMP"
expect_status "no command" 2
[ -z "$out" ] && [ -n "$err" ] && pass || fail "no command: stdout “$out”, stderr “$err”"

run "$TMP" frobnicate
expect_status "an unknown command" 2
[ -z "$out" ] && [[ "$err" == *frobnicate* ]] && pass ||
  fail "an unknown command: stdout “$out”, stderr “$err”"

run "$TMP" validate
expect_status "validate without a file" 2
[ -z "$out" ] && [ -n "$err" ] && pass || fail "validate without a file: stdout “$out”, stderr “$err”"

# An empty file name is a usage error, not the current folder
run "$TMP" validate ""
expect_status "validate an empty name" 2
[[ "$err" == *"a file name is empty"* ]] && pass || fail "validate an empty name: stderr “$err”"

# "--" ends the options: a file whose name starts with "-"
cp "$GOOD/empty.cycle" "$TMP/-plan.cycle"
run "$TMP" validate -- -plan.cycle
expect_status "validate -- -plan.cycle" 0
expect_out "validate -- -plan.cycle" "-plan.cycle: ok"

# check and project: control characters from the file are escaped, never sent to the terminal
# (an escape sequence could clear the screen; a line break could forge an "error:" line)
cat > "$TMP/evil.cycle" <<'EOF'
{
  "format": "org.example.Cycle",
  "version": 1,
  "stages": [
    {
      "id": "s1",
      "name": "Evil\u001b[2J\nerror: forged\u009b31m\u2028",
      "x": 0,
      "y": 0
    }
  ]
}
EOF
for command in check project; do
  run "$TMP" "$command" evil.cycle
  both="$out$err"
  if [[ "$both" == *$'\033'* ]] || [[ "$both" == *$'\302\233'* ]] ||
     [[ "$both" == *$'\342\200\250'* ]]; then
    fail "$command: a control character from the file reached the terminal: $both"
  else
    pass
  fi
  if grep -q '^error: forged' <<< "$both"; then
    fail "$command: a line break from the file forged a line: $both"
  else
    pass
  fi
  [[ "$both" == *'Evil\u001b[2J\u000aerror: forged\u009b31m\u2028'* ]] && pass ||
    fail "$command: the name is not shown escaped: $both"
done

# project --start: a number of people, finite, not absurdly large (never printed as inf)
for start in 1e308 1e999 -1 nan abc; do
  run "$GOOD" project funnel-seven-stages.cycle --start "$start"
  expect_status "project --start $start" 2
  [ -z "$out" ] && [[ "$err" == *"number of people"* ]] && pass ||
    fail "project --start $start: stdout “$out”, stderr “$err”"
  [[ "$out$err" != *inf* ]] && pass || fail "project --start $start printed inf: $out$err"
done
run "$GOOD" project funnel-seven-stages.cycle --start 1e12
[[ "$out$err" != *inf* ]] && pass || fail "project --start 1e12 printed inf: $out$err"
# project --start reads a number as people type it (the one number reader): grouped or not
for start in "1,000" "1 000" "1000" " 1000 "; do
  run "$GOOD" project funnel-seven-stages.cycle --start "$start"
  expect_status "project --start “$start”" 0
  [[ "$out" == *"1,000 people entering"* ]] && pass ||
    fail "project --start “$start”: not read as 1,000: $out$err"
done
# … and says what is wrong and where
run "$GOOD" project funnel-seven-stages.cycle --start "12 apples"
[[ "$err" == *"--start: “12 apples” is not a number of people; write one like 1,500"* ]] &&
  pass || fail "project --start “12 apples”: $err"
run "$GOOD" project funnel-seven-stages.cycle --start "-1"
[[ "$err" == *"--start: “-1” is not a number of people from 0 to 1,000,000,000,000"* ]] &&
  pass || fail "project --start -1: $err"

# The projection: the plan's own settings (the steady state), or --cycles / --steady
run "$SAMPLES" project coffee-club.cycle
expect_status "project (steady state)" 0
[[ "$out" == *"steady state"* && "$out" == *"Referred"* ]] && pass ||
  fail "project: the steady state and the referred share are not shown: $out"
run "$SAMPLES" project coffee-club.cycle --cycles 1
[[ "$out" != *"Referred"* && "$out" == *"over 1 cycle."* ]] && pass ||
  fail "project --cycles 1: loops counted in the first cycle: $out"
run "$SAMPLES" project coffee-club.cycle --cycles 2 --steady
expect_status "project --cycles --steady" 2
run "$SAMPLES" export coffee-club.cycle -o - --format json --computed --cycles 3
[[ "$out" == *'"cycles": 3'* ]] && pass || fail "export --cycles 3: not in the projection"
run "$SAMPLES" export coffee-club.cycle -o - --format json --computed --cycles 0
expect_status "export --cycles 0" 2

# CSV: cells a spreadsheet would run as formulas get a leading apostrophe, for people;
# --for-scripts (and its former name --stable-headers) keeps every cell as it is
cat > "$TMP/formulas.cycle" <<'EOF'
{
  "format": "org.example.Cycle",
  "version": 1,
  "stages": [
    {
      "id": "s1",
      "name": "=cmd|' /C calc'!A0",
      "x": 0,
      "y": 0,
      "content": [
        {
          "id": "c1",
          "title": "-20 % sur tout",
          "owner": "@boss"
        }
      ]
    }
  ]
}
EOF
run "$TMP" export formulas.cycle -o - --format csv --no-bom
expect_status "export csv with formulas" 0
[[ "$out" == *$'\r\n'"'=cmd|' /C calc'!A0,,'-20 % sur tout,"*",'@boss,"* ]] && pass ||
  fail "export csv: formulas not neutralised: $out"
for option in --for-scripts --stable-headers; do
  run "$TMP" export formulas.cycle -o - --format csv --no-bom "$option"
  expect_status "export csv $option" 0
  [[ "$out" == *$'\r\n'"=cmd|' /C calc'!A0,,-20 % sur tout,"*",@boss,"* ]] && pass ||
    fail "export csv $option: cells not as they are: $out"
done
run "$TMP" export formulas.cycle -o - --format json --for-scripts
expect_status "export json --for-scripts" 2
# import and export -o onto an existing file: through the one atomic writer, so the file keeps
# its mode, a symbolic link stays a link, a second hard link is refused, and nothing is left
# beside it (a killed run's temporary file: tests/kill-test.py)
mkdir -p "$TMP/out/real"
cp "$GOOD/every-field.cycle" "$TMP/out/real/plan.cycle"
chmod 0600 "$TMP/out/real/plan.cycle"
ln -s real/plan.cycle "$TMP/out/link.cycle"
run "$TMP/out" export "$GOOD/every-field.cycle" -o link.cycle --format json
expect_status "export -o through a link" 0
[ -L "$TMP/out/link.cycle" ] && pass || fail "export -o replaced the link with a file"
[ "$(stat -c %a "$TMP/out/real/plan.cycle")" = 600 ] && pass ||
  fail "export -o changed the mode to $(stat -c %a "$TMP/out/real/plan.cycle")"
cmp -s "$GOOD/every-field.cycle" "$TMP/out/real/plan.cycle" && pass || fail "export -o through a link"
run "$TMP/out" import "$GOOD/every-field.cycle" -o link.cycle
expect_status "import -o through a link" 0
[ -L "$TMP/out/link.cycle" ] && [ "$(stat -c %a "$TMP/out/real/plan.cycle")" = 600 ] && pass ||
  fail "import -o did not keep the link and the mode"

ln "$TMP/out/real/plan.cycle" "$TMP/out/second-name.cycle"
run "$TMP/out" import "$GOOD/every-field.cycle" -o link.cycle
expect_status "import -o onto a file with two names" 1
[[ "$err" == *"$TMP/out/link.cycle"*"hard links"* ]] && pass ||
  fail "import -o onto a file with two names said: $err"
rm "$TMP/out/second-name.cycle"

ls -A "$TMP/out" "$TMP/out/real" | grep -q '^\.' && fail "temporary files left: $(ls -A "$TMP/out")" ||
  pass

# import --into: a content calendar from a spreadsheet (French names, semicolons, a byte order
# mark, a date as people type it) added to a plan; rows left out are said, status 1.
SAMPLE=$SAMPLES/coffee-club.cycle
printf '\xef\xbb\xbfTitre;\xc3\x89tape;\xc3\x89ch\xc3\xa9ance\r\nGuide;Leads;15/03/2027\r\n' \
  > "$TMP/calendar.csv"
run "$TMP" import calendar.csv --into "$SAMPLE" -o imported.cycle
expect_status "import --into a CSV calendar" 0
grep -q '"due": "2027-03-15"' "$TMP/imported.cycle" && pass || fail "import --into: no due date"
printf 'Title,Stage\r\nWorkshop,Nowhere\r\n' > "$TMP/calendar.csv"
run "$TMP" import calendar.csv --into "$SAMPLE" -o imported.cycle
expect_status "import --into with a row left out" 1
[[ "$err" == *'Row 2: the plan has no stage “Nowhere”; left out'* ]] && pass ||
  fail "import --into said: $err"
printf 'a,b\r\n' > "$TMP/calendar.csv"
run "$TMP" import calendar.csv --into "$SAMPLE" -o other.cycle
expect_status "import --into, not a content calendar" 1
[ ! -e "$TMP/other.cycle" ] && pass || fail "import --into wrote a plan from a file it could not read"

# A device or a pipe is not read as a plan: /dev/zero never ends. Every command that reads a
# plan refuses it at once, saying so, as validate does (diff and merge exit 2 when a file cannot
# be read, as git expects)
for case in "1 show /dev/zero" "2 diff /dev/zero $SAMPLE" "2 merge /dev/zero $SAMPLE $SAMPLE" \
            "1 resolve /dev/zero --ours -o $TMP/x.cycle" "1 import /dev/zero -o $TMP/x.cycle"; do
  args=${case#* }
  # shellcheck disable=SC2086  # one word per argument
  timeout 20 "$CYCLE_TOOL" $args >/dev/null 2>"$TMP/stderr"
  status=$?
  expect_status "$args" "${case%% *}"
  grep -qx '/dev/zero: is not a regular file' "$TMP/stderr" && pass ||
    fail "$args said: $(cat "$TMP/stderr")"
done

# Standard output that cannot be written (a full disk: /dev/full) is a failure that says so,
# never a success that printed nothing
if [ -w /dev/full ]; then
  for args in "validate $SAMPLE" "check $SAMPLE" "check --json $SAMPLE" "project $SAMPLE" \
              "show $SAMPLE" "diff $SAMPLE $GOOD/every-field.cycle" \
              "export $SAMPLE -o - --format csv"; do
    # shellcheck disable=SC2086  # one word per argument
    "$CYCLE_TOOL" $args >/dev/full 2>"$TMP/stderr"
    status=$?
    expect_status "$args > /dev/full" 1
    grep -q 'Could not write “standard output”: No space left on device' "$TMP/stderr" && pass ||
      fail "$args > /dev/full said: $(cat "$TMP/stderr")"
  done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
