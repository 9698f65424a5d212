#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""valgrind-summary.py LOG...: what valgrind found that is Cycle's own, one line per log.

Counted: every invalid read, write or free (wherever it happens: libadwaita 1.2's toast crash
was one, inside the library); uninitialised values used by Cycle's code (the first frame past
valgrind's own functions is one of ours); and memory definitely lost that Cycle's code
allocated (the first frame past the allocators is one of ours). Left out: leaks and
uninitialised reads inside GTK, GLib, fontconfig and the other system libraries, whose
one-off allocations no suppression can name (their stacks have no symbols).
Exits 1 when any log has something counted.
"""
import re
import sys

# Cycle's own sources (src/): the tests' GVariants handed to GTK's actions are GTK's to free.
OURS = re.compile(r'\(cycle-[^)]*\.c:\d+\)')
ALLOCATORS = re.compile(r': (?:malloc|calloc|realloc|memalign|posix_memalign|g_malloc0?|'
                        r'g_malloc_n|g_malloc0_n|g_realloc|g_realloc_n|g_slice_alloc0?|'
                        r'g_slice_copy|g_try_malloc0?|g_strdup|g_strndup|g_memdup2|'
                        r'g_type_create_instance|g_object_new\w*|bcmp|memcmp|strlen'
                        r') \(')


# GLib and GObject are the allocators' layers: a GObject made by Cycle passes through them.
ALLOCATOR_LIBS = re.compile(r'\(in /\S*/lib(?:glib|gobject)-2\.0\.so')


def first_real_frame(frames):
    for frame in frames:
        if not ALLOCATORS.search(frame) and not ALLOCATOR_LIBS.search(frame) and \
           'vgpreload' not in frame:
            return frame
    return ''


def summarise(path):
    text = open(path, errors='replace').read()
    counted = {'invalid': 0, 'uninitialised': 0, 'leaked': 0}
    for block in re.split(r'\n==\d+== \n', text):
        lines = block.splitlines()
        head = next((l for l in lines if re.match(r'==\d+== \S', l) and ' at 0x' not in l
                     and ' by 0x' not in l), '')
        frames = [l for l in lines if re.search(r'== +(?:at|by) 0x', l)]
        if re.search(r'Invalid (?:read|write|free)|Mismatched free|Source and destination', head):
            counted['invalid'] += 1
        elif 'uninitialised' in head:
            # The first frame in our code or not at all: valgrind's own str/mem functions first.
            real = next((f for f in frames if 'vgpreload' not in f), '')
            if OURS.search(real):
                counted['uninitialised'] += 1
        elif 'definitely lost in' in head:
            if OURS.search(first_real_frame(frames)):
                counted['leaked'] += 1
    return counted


def main():
    failed = False
    for path in sys.argv[1:]:
        c = summarise(path)
        bad = sum(c.values()) > 0
        failed |= bad
        print('%s: %d invalid accesses, %d uses of uninitialised values in Cycle, '
              '%d leaks of Cycle’s own%s' % (path, c['invalid'], c['uninitialised'], c['leaked'],
                                             '' if not bad else '  <-- see the log'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
