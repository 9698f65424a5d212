#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-french-glossary.py GLOSSARY.md UI.po HELP.po: the French of the interface, of the help,
# of the templates and of the exports agrees with itself. The rules are the table of
# po/GLOSSARY.fr.md:
#   - no translation uses a word of the column « Jamais »;
#   - a string whose English matches « Si l’anglais contient » uses the French of its row (one of
#     the `code` words of « Français », as a part of a word: `inscri` is inscrit, s’inscrire…);
# and every <gui> of the help is named as the interface names it: when the English label is a
# string of the interface, its French in the help is the interface's (mnemonics and ellipses
# aside). Prints each string that does not agree, and exits 1.
import re
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
from po_entries import entries   # noqa: E402

NBSP_LIKE = re.compile('[\u00a0\u202f]')


def code_spans(cell):
    return [span.replace('\\|', '|') for span in re.findall(r'`((?:[^`\\]|\\.)+)`', cell)]


def read_glossary(path):
    rows = []
    exceptions = []
    in_exceptions = False
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('## '):
            in_exceptions = line.strip() == '## Exceptions'
            continue
        if in_exceptions and line.startswith('- '):
            exceptions += code_spans(line)
            continue
        if not line.startswith('|') or line.startswith('|---'):
            continue
        cells = [cell.strip() for cell in re.split(r'(?<!\\)\|', line)[1:-1]]
        if len(cells) != 4 or cells[0] == 'English':
            continue
        english, french, never, trigger = cells
        triggers = code_spans(trigger)
        rows.append({
            'english': english,
            'french': [word.lower() for word in code_spans(french)],
            'never': [word.lower() for word in code_spans(never)],
            'trigger': re.compile(triggers[0], re.IGNORECASE) if triggers else None,
        })
    return rows, exceptions


def plain(text):
    """A string as read: no mnemonic, no-break spaces as spaces, lower case."""
    return NBSP_LIKE.sub(' ', text.replace('_', '')).lower()


def word_pattern(word):
    pattern = re.escape(word)
    if re.match(r'\w', word):
        pattern = r'\b' + pattern
    if re.search(r'\w$', word):
        pattern += r'\b'
    return re.compile(pattern)


def label(text):
    return re.sub(r'\s+', ' ', NBSP_LIKE.sub(' ', text.replace('_', '').replace('…', ''))).strip()


def main():
    glossary, ui_po, help_po = sys.argv[1:4]
    rows, exceptions = read_glossary(glossary)
    if not rows:
        print('%s: no glossary table found' % glossary)
        return 1

    problems = []
    for path in (ui_po, help_po):
        for reference, msgid, msgstr in entries(path):
            if not msgid or not msgstr:
                continue
            if any(msgid.startswith(prefix) for prefix in exceptions):
                continue
            english = msgid.replace('_', '')
            french = plain(msgstr)
            for row in rows:
                for word in row['never']:
                    if word_pattern(word).search(french):
                        problems.append('%s: %s: « %s » is never used (glossary: %s): %s'
                                        % (path, reference, word, row['english'], msgstr[:80]))
                if row['trigger'] and row['french'] and row['trigger'].search(english):
                    if not any(word in french for word in row['french']):
                        problems.append('%s: %s: “%s” is « %s » (glossary): %s'
                                        % (path, reference, row['english'], row['french'][0],
                                           msgstr[:80]))

    # The help names controls as the interface does.
    interface = {}
    for reference, msgid, msgstr in entries(ui_po):
        interface.setdefault(label(msgid), set()).add(label(msgstr))
    gui = re.compile(r'<gui(?: [^>]*)?>(.*?)</gui>', re.DOTALL)
    for reference, msgid, msgstr in entries(help_po):
        english = gui.findall(msgid)
        french = gui.findall(msgstr)
        if len(english) != len(french):
            problems.append('%s: %s: %d <gui> in English, %d in French'
                            % (help_po, reference, len(english), len(french)))
            continue
        for en, fr in zip(english, french):
            names = interface.get(label(en))
            if names and label(fr) not in names:
                problems.append('%s: %s: <gui>%s</gui> is « %s » in the interface, not « %s »'
                                % (help_po, reference, en, ' / '.join(sorted(names)), fr))

    for problem in problems:
        print(problem.replace('\n', ' '))
    print('%d strings to fix' % len(problems) if problems else 'French glossary: ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
