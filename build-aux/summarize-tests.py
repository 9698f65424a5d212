#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Count the results in meson test logs and print the closing line CI reads.

    summarize-tests.py [--details] [--fail NOTE]... BUILD/meson-logs/testlog.json ...

Every log line is one meson test (a TAP program counts once). OK and EXPECTEDFAIL pass, SKIP is
skipped, anything else (FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS, ...) fails. A log that is missing
means that build or its test run did not finish: it counts as one failure. With --details, the
failed tests of each log are listed with the tail of their output. Each --fail NOTE (a build that
did not compile, say) is printed and counts as one failure.

The last line printed is exactly 'N passed, N failed, N skipped'. Exits 1 if anything failed or
if no test ran at all.
"""

import json
import os
import sys

PASSED = {'OK', 'EXPECTEDFAIL'}
SKIPPED = {'SKIP'}
TAIL_LINES = 40


def build_name(path):
    # _build/meson-logs/testlog.json -> _build
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.basename(parent) == 'meson-logs':
        parent = os.path.dirname(parent)
    return os.path.relpath(parent)


def read_log(path):
    results = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                results.append(json.loads(line))
            except ValueError as e:
                results.append({'name': f'{path}:{number}', 'result': 'ERROR',
                                'stdout': f'unreadable log line: {e}'})
    return results


def tail(text, lines=TAIL_LINES):
    rows = (text or '').rstrip('\n').splitlines()
    if len(rows) > lines:
        return [f'  [... {len(rows) - lines} earlier lines left out ...]'] + rows[-lines:]
    return rows


def main(argv):
    details = False
    paths = []
    notes = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == '--details':
            details = True
        elif arg == '--fail' and args:
            notes.append(args.pop(0))
        elif arg in ('-h', '--help'):
            print(__doc__.strip())
            return 0
        else:
            paths.append(arg)
    if not paths and not notes:
        print('usage: summarize-tests.py [--details] [--fail NOTE]... TESTLOG.json...',
              file=sys.stderr)
        return 2

    passed = failed = skipped = 0
    for note in notes:
        print(f'FAILED: {note}')
        failed += 1
    for path in paths:
        build = build_name(path)
        if not os.path.exists(path):
            print(f'{build}: FAILED: no test log ({path}): the build or its test run did not '
                  'finish')
            failed += 1
            continue
        results = read_log(path)
        bad = []
        b_passed = b_skipped = 0
        for r in results:
            res = r.get('result')
            if res in PASSED:
                b_passed += 1
            elif res in SKIPPED:
                b_skipped += 1
            else:
                bad.append(r)
        passed += b_passed
        skipped += b_skipped
        failed += len(bad)
        print(f'{build}: {b_passed} passed, {len(bad)} failed, {b_skipped} skipped')
        if details:
            for r in bad:
                print(f'--- {build}: {r.get("name")}: {r.get("result")} '
                      f'(exit {r.get("returncode")}) ---')
                for stream in ('stdout', 'stderr'):
                    out = r.get(stream)
                    if out:
                        if stream == 'stderr':
                            print('  [stderr]')
                        for row in tail(out):
                            print(row)
            if bad:
                print(f'--- end of {build} failures ---')

    if passed + failed == 0:
        print('no test ran: that is a failure')
    print(f'{passed} passed, {failed} failed, {skipped} skipped', flush=True)
    return 1 if failed or passed + failed == 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
