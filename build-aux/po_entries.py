# SPDX-License-Identifier: GPL-3.0-or-later
#
# po_entries.py: the entries of a PO file, for the checks of the French translation
# (check-french-typography.py, check-french-glossary.py). Obsolete entries (#~) are left out.
import re


def entries(path):
    """Yields (reference, msgid, msgstr) for each entry of @path: the first file:line of its
    references, its English and its translation (plural forms joined)."""
    for reference, _context, msgid, msgstr in entries_with_context(path):
        yield reference, msgid, msgstr


def entries_with_context(path):
    """As entries(), with each entry's msgctxt (None without one) second."""
    text = open(path, encoding='utf-8').read()
    for block in text.split('\n\n'):
        current = None
        parts = {'msgctxt': [], 'msgid': [], 'msgstr': []}
        reference = ''
        for line in block.split('\n'):
            if line.startswith('#:'):
                reference = reference or line[3:].split(' ')[0]
                continue
            match = re.match(r'^(msgctxt|msgid|msgstr)(\[\d+\])? (".*")$', line)
            if match:
                current = match.group(1)
                parts[current].append(match.group(3))
            elif line.startswith('"') and current is not None:
                parts[current].append(line)
        if not parts['msgid']:
            continue
        unquote = lambda chunks: ''.join(eval(chunk) for chunk in chunks)   # noqa: E731
        context = unquote(parts['msgctxt']) if parts['msgctxt'] else None
        yield reference, context, unquote(parts['msgid']), unquote(parts['msgstr'])
