#!/bin/bash
# git-merge.sh: cycle-tool merge as git's merge driver, in a real repository.
#
# Two branches of one plan: one adds content and renames a stage, the other moves stages and
# edits another stage's why; `git merge` must give both with no conflict. Then both edit the same
# field: the merge stops (exit 1) and the file is a valid plan with one recorded conflict.
# Run by meson with CYCLE_TOOL; skips (exit 77) without git.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

: "${CYCLE_TOOL:?CYCLE_TOOL must name the cycle-tool to test}"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
export LC_ALL=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 HOME=$(mktemp -d)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP" "$HOME"' EXIT

failed=0
fail () {
  failed=$((failed + 1))
  echo "FAIL: $*"
}

cd "$TMP" || exit 1
git init -q -b main repo && cd repo || exit 1
git config user.name Test && git config user.email test@example.org
git config merge.cycle.name "Cycle plans"
git config merge.cycle.driver "'$CYCLE_TOOL' merge %O %A %B -o %A"
git config diff.cycle.textconv "'$CYCLE_TOOL' show"
echo '*.cycle merge=cycle diff=cycle' > .gitattributes

cat > plan.cycle <<'PLAN'
{"format": "org.example.Cycle", "version": 1, "title": "Coffee club",
 "stages": [
  {"id": "s1", "name": "Visitors", "why": "They look for a guide.",
   "content": [{"id": "c1", "title": "Pour-over guide"}]},
  {"id": "s2", "name": "Members", "why": "They brew."},
  {"id": "s3", "name": "Evangelists", "why": "They tell friends."}],
 "links": [{"id": "l1", "from": "s1", "to": "s2"}]}
PLAN
# Canonical, as Cycle saves it
"$CYCLE_TOOL" merge plan.cycle plan.cycle plan.cycle -o plan.cycle || fail "canonical first plan"
git add . && git commit -qm base

# One side: adds content, renames a stage
git checkout -qb content
python3 - <<'PY'
import json
p = json.load(open("plan.cycle"))
p["stages"][0]["content"].append({"id": "c-7f3k2q", "title": "Brewing video"})
p["stages"][1]["name"] = "Subscribers"
json.dump(p, open("plan.cycle", "w"), indent=2)
PY
git commit -qam "content and a name"

# The other: moves stages, edits another stage's why
git checkout -q main
python3 - <<'PY'
import json
p = json.load(open("plan.cycle"))
p["stages"] = [p["stages"][2], p["stages"][0], p["stages"][1]]
p["stages"][0]["why"] = "They bring their friends."
json.dump(p, open("plan.cycle", "w"), indent=2)
PY
git commit -qam "order and a why"

if git merge -q --no-edit content >"$TMP/out" 2>&1; then
  python3 - <<'PY' || fail "the merged plan lacks a change: $(cat plan.cycle)"
import json, sys
p = json.load(open("plan.cycle"))
ids = [s["id"] for s in p["stages"]]
s = {x["id"]: x for x in p["stages"]}
ok = (ids == ["s3", "s1", "s2"] and s["s2"]["name"] == "Subscribers"
      and s["s3"]["why"] == "They bring their friends."
      and [c["id"] for c in s["s1"]["content"]] == ["c1", "c-7f3k2q"]
      and "conflicts" not in p)
sys.exit(0 if ok else 1)
PY
  "$CYCLE_TOOL" validate plan.cycle >/dev/null || fail "the merged plan is not valid"
else
  fail "git merge failed: $(cat "$TMP/out")"
fi

# What the merge brought, through textconv (show) and diff.command (diff, git's 7 arguments)
git diff HEAD^1 HEAD -- plan.cycle >"$TMP/textconv" 2>&1
grep -q '^+stage s2 “Subscribers”' "$TMP/textconv" || fail "textconv: $(cat "$TMP/textconv")"
git -c diff.cycle.command="'$CYCLE_TOOL' diff" diff HEAD^1 HEAD -- plan.cycle >"$TMP/diff" 2>&1
grep -qx 'changed stage s2 “Subscribers”: name "Members" → "Subscribers"' "$TMP/diff" &&
  grep -q '^added content c-7f3k2q “Brewing video”' "$TMP/diff" ||
  fail "diff.command: $(cat "$TMP/diff")"

# Both edit the same field
git checkout -qb theirs
sed -i 's/They brew\./They brew at home./' plan.cycle
git commit -qam "theirs"
git checkout -q main
sed -i 's/They brew\./They brew every day./' plan.cycle
git commit -qam "ours"
git merge -q --no-edit theirs >"$TMP/out" 2>&1
status=$?
[ "$status" -eq 1 ] || fail "a conflicting merge exits $status, not 1"
grep -q 'conflict: stage s2 “Subscribers”, why: changed on both sides' "$TMP/out" ||
  fail "no conflict line: $(cat "$TMP/out")"
"$CYCLE_TOOL" validate plan.cycle >/dev/null || fail "the conflicted plan is not valid"
python3 - <<'PY' || fail "not one recorded conflict: $(cat plan.cycle)"
import json, sys
p = json.load(open("plan.cycle"))
c = p.get("conflicts", [])
sys.exit(0 if len(c) == 1 and c[0]["item"] == "s2" and c[0]["field"] == "why"
         and c[0]["ours"] == "They brew every day." and c[0]["theirs"] == "They brew at home."
         else 1)
PY
grep -q '<<<<<<<' plan.cycle && fail "conflict markers in the plan"

# check, project and export say so, and still work; resolve settles it
for command in "check plan.cycle" "project plan.cycle" "export plan.cycle -o $TMP/out.csv"; do
  "$CYCLE_TOOL" $command >/dev/null 2>"$TMP/err"
  grep -qx 'plan.cycle: 1 conflict left by a merge; run “cycle-tool resolve FILE --ours” (or --theirs) to settle it' "$TMP/err" ||
    fail "$command does not mention the conflict: $(cat "$TMP/err")"
done
[ -s "$TMP/out.csv" ] || fail "export with a conflict wrote nothing"
"$CYCLE_TOOL" resolve plan.cycle --theirs || fail "resolve failed"
grep -q '"They brew at home."' plan.cycle && ! grep -q '"conflicts"' plan.cycle ||
  fail "resolve --theirs: $(cat plan.cycle)"

# Both branches add the same new plan: git gives the driver an empty BASE, where nothing was.
# What both added alike is kept; a field they added differently is a conflict.
git commit -qam "settled"
git checkout -qb added-there
printf '{"format": "org.example.Cycle", "version": 1, "title": "Launch",\n "stages": [%s]}\n' \
  '{"id": "s1", "name": "Visitors"}, {"id": "s2", "name": "Buyers"}' > launch.cycle
git add launch.cycle && git commit -qm "launch plan there"
git checkout -q main
printf '{"format": "org.example.Cycle", "version": 1, "title": "Launch",\n "stages": [%s]}\n' \
  '{"id": "s1", "name": "Visitors"}, {"id": "s2", "name": "Members"}' > launch.cycle
git add launch.cycle && git commit -qm "launch plan here"
git merge -q --no-edit added-there >"$TMP/out" 2>&1
status=$?
[ "$status" -eq 1 ] || fail "merging a plan both added exits $status, not 1: $(cat "$TMP/out")"
grep -q 'conflict: stage s2 “Members”, name: added on both sides' "$TMP/out" ||
  fail "no conflict line for a plan both added: $(cat "$TMP/out")"
"$CYCLE_TOOL" validate launch.cycle >/dev/null || fail "the plan both added is not valid"
grep -q '"conflicts"' launch.cycle && grep -q '"name": "Visitors"' launch.cycle ||
  fail "the plan both added: $(cat launch.cycle)"
"$CYCLE_TOOL" resolve launch.cycle --ours && git commit -qam "launch merged" ||
  fail "could not settle the plan both added"

# A file that is not a plan: exit 2, saying which
echo nonsense > "$TMP/bad.cycle"
"$CYCLE_TOOL" merge "$TMP/bad.cycle" plan.cycle plan.cycle -o "$TMP/x.cycle" 2>"$TMP/err"
status=$?
[ "$status" -eq 2 ] || fail "an unreadable base exits $status, not 2"
grep -q 'bad.cycle' "$TMP/err" || fail "the message does not name the file: $(cat "$TMP/err")"

if [ "$failed" -gt 0 ]; then
  echo "$failed failed"
  exit 1
fi
echo "git merge: all passed"
