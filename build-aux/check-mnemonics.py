#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mnemonics.py PO FILE.ui|FOLDER…: no two items of one menu share a mnemonic (the underlined
# letter), in English and in the translation of PO. The items of a menu's sections are one menu
# for the keyboard; a submenu is a menu of its own. An item may have no mnemonic (a menu of more
# than 26 items cannot give each one a letter): only duplicates are wrong, as the second item of
# a letter cannot be reached by it. A FOLDER stands for every .ui file under it. Prints each
# duplicate, and exits 1.
import glob
import os
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
from po_entries import entries_with_context   # noqa: E402


def mnemonic(label):
    """The letter after the first single underscore of @label, lowered; None without one."""
    i = 0
    while i < len(label) - 1:
        if label[i] == '_':
            if label[i + 1] == '_':
                i += 2
                continue
            return label[i + 1].lower()
        i += 1
    return None


def menus(root):
    """Yields (menu id, [label element…]) for each <menu> and <submenu> under @root."""
    def items(element):
        for child in element:
            if child.tag == 'section':
                yield from items(child)
            elif child.tag in ('item', 'submenu'):
                labels = [a for a in child.findall('attribute') if a.get('name') == 'label']
                if labels:
                    yield labels[0]

    for menu in root.iter('menu'):
        yield menu.get('id', '?'), list(items(menu))
        for number, submenu in enumerate(menu.iter('submenu')):
            yield '%s/submenu %d' % (menu.get('id', '?'), number + 1), list(items(submenu))


def main():
    translations = {}
    for _reference, context, msgid, msgstr in entries_with_context(sys.argv[1]):
        if msgstr:
            translations[(context, msgid)] = msgstr
    language = os.path.basename(sys.argv[1]).split('.')[0]

    problems = 0
    n_menus = 0
    paths = []
    for argument in sys.argv[2:]:
        if os.path.isdir(argument):
            paths += sorted(glob.glob(os.path.join(argument, '**', '*.ui'), recursive=True))
        else:
            paths.append(argument)
    for path in paths:
        root = ET.parse(path).getroot()
        for menu_id, labels in menus(root):
            n_menus += 1
            for name, translate in (('en', lambda e: e.text or ''),
                                    (language, lambda e: translations.get(
                                        (e.get('context'), e.text or ''), e.text or ''))):
                seen = {}
                for element in labels:
                    label = translate(element)
                    letter = mnemonic(label)
                    if letter is None:
                        continue
                    if letter in seen:
                        print('%s: menu “%s” (%s): “%s” and “%s” share the mnemonic “%s”'
                              % (os.path.basename(path), menu_id, name, seen[letter], label,
                                 letter))
                        problems += 1
                    else:
                        seen[letter] = label
    if n_menus == 0:
        print('no menu found: is the list of .ui files right?')
        return 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
