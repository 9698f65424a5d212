#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-french-typography.py PO…: French that agrees with itself. In every translation, the
# space before « : » is a no-break space and the space before « ; », « ? » and « ! » a narrow
# no-break space (or a no-break space); guillemets hold their words with no-break spaces. A line
# break there would leave a colon or a guillemet alone at the start of a line, and half the
# strings doing it one way, half the other, is what readers notice. Prints each string that
# does not, and exits 1; "msgfilter sed" fixes them (README, Translations).
import re
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
from po_entries import entries   # noqa: E402

NBSP = '\u00a0'
NNBSP = '\u202f'

RULES = [
    (re.compile(r' :'), 'a plain space before “:” (use a no-break space)'),
    (re.compile(r' [;?!]'), 'a plain space before “;”, “?” or “!” (use a narrow no-break space)'),
    (re.compile(r'« '), 'a plain space after “«” (use a no-break space)'),
    (re.compile(r' »'), 'a plain space before “»” (use a no-break space)'),
]

problems = 0
for path in sys.argv[1:]:
    for reference, msgid, msgstr in entries(path):
        if not msgid:
            continue
        for rule, what in RULES:
            if rule.search(msgstr):
                problems += 1
                print('%s: %s: %s: %s' % (path, reference, what, msgstr[:70].replace('\n', ' ')))
                break

print('%d strings to fix' % problems if problems else 'French typography: ok')
sys.exit(1 if problems else 0)
