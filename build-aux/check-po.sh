#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that a translation is complete: no untranslated and no fuzzy messages.
#
#   check-po.sh PO
#       checks PO as it is (msgfmt --check --statistics);
#   check-po.sh PO --potfiles SRCDIR POTFILES.in
#       also extracts the messages of the files in POTFILES.in (as the glib preset of meson's
#       i18n.gettext does) and checks that PO translates every one of them;
#   check-po.sh PO --pages PAGE...
#       also extracts the messages of help pages with itstool and checks the same.
#
# The second and third forms catch a string added to the sources but not to the translation,
# which a check of PO alone cannot see.

set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 PO [--potfiles SRCDIR POTFILES.in | --pages PAGE...]" >&2
  exit 2
fi

po=$1
shift

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints msgfmt's statistics for $1 and fails when anything is untranslated or fuzzy.
check_stats ()
{
  if ! msgfmt --check --statistics -o /dev/null "$1" >"$tmp/stats" 2>&1; then
    cat "$tmp/stats" >&2
    echo "FAIL: msgfmt --check failed on $2" >&2
    return 1
  fi
  echo "$2: $(cat "$tmp/stats")"
  if grep -q -e untranslated -e fuzzy "$tmp/stats"; then
    echo "FAIL: $2 is not complete. Untranslated or fuzzy messages:" >&2
    msgattrib --untranslated --no-obsolete "$1" >&2 || true
    msgattrib --only-fuzzy --no-obsolete "$1" >&2 || true
    return 1
  fi
}

check_stats "$po" "$po"

if [ $# -eq 0 ]; then
  exit 0
fi

mode=$1
shift
case "$mode" in
  --potfiles)
    if [ $# -ne 2 ]; then
      echo "usage: $0 PO --potfiles SRCDIR POTFILES.in" >&2
      exit 2
    fi
    xgettext --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --directory="$1" --files-from="$2" --output="$tmp/messages.pot"
    ;;
  --pages)
    if [ $# -lt 1 ]; then
      echo "usage: $0 PO --pages PAGE..." >&2
      exit 2
    fi
    itstool -o "$tmp/messages.pot" "$@"
    ;;
  *)
    echo "$0: unknown option $mode" >&2
    exit 2
    ;;
esac

if [ ! -s "$tmp/messages.pot" ]; then
  echo "FAIL: no messages were extracted" >&2
  exit 1
fi

msgmerge --quiet --no-wrap "$po" "$tmp/messages.pot" -o "$tmp/merged.po"
check_stats "$tmp/merged.po" "$po against the current sources"
