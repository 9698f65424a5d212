#!/usr/bin/python3
# check-ics.py: what `cycle-tool export --format ics` writes, read by a parser nobody here wrote
# (python3-icalendar).
#
# - The sample plan and tests/data/good/calendar.cycle: one VEVENT per dated piece of content,
#   all day (DTSTART a date, DTEND the next day), UID "CONTENT-ID@PLAN-UID", the title as
#   SUMMARY (commas, semicolons, backslashes and accents intact), the stage in DESCRIPTION and
#   CATEGORIES, a UTC DTSTAMP; repeating content with its RRULE; content without a date left out.
# - The format comes from the .ics extension; two exports of the same plan are the same bytes.
#
# Usage: check-ics.py SOURCE_ROOT, with CYCLE_TOOL naming the built cycle-tool. Exit status 0
# when everything passed, 1 when something failed, 77 (skipped) without python3-icalendar.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    print('python3-icalendar is not installed: skipped', file=sys.stderr)
    sys.exit(77)

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
TOOL = os.environ.get('CYCLE_TOOL', 'cycle-tool')
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print('FAIL:', what, file=sys.stderr)


def export(plan, out):
    subprocess.run([TOOL, 'export', plan, '-o', out], check=True)
    with open(out, 'rb') as f:
        return f.read()


def events_of(data):
    calendar = icalendar.Calendar.from_ical(data)
    check(str(calendar['VERSION']) == '2.0', 'VERSION is 2.0')
    return {str(e['UID']): e for e in calendar.walk('VEVENT')}


def dated_content(plan_path):
    with open(plan_path, encoding='utf-8') as f:
        plan = json.load(f)
    for stage in plan['stages']:
        for content in stage.get('content', []):
            yield plan, stage, content


with tempfile.TemporaryDirectory() as tmp:
    for plan_path in (os.path.join(ROOT, 'data', 'samples', 'coffee-club.cycle'),
                      os.path.join(ROOT, 'tests', 'data', 'good', 'calendar.cycle')):
        name = os.path.basename(plan_path)
        data = export(plan_path, os.path.join(tmp, 'plan.ics'))
        check(data == export(plan_path, os.path.join(tmp, 'again.ics')),
              f'{name}: the same bytes twice')
        check(data.startswith(b'BEGIN:VCALENDAR\r\n') and data.endswith(b'END:VCALENDAR\r\n'),
              f'{name}: CRLF lines from BEGIN:VCALENDAR to END:VCALENDAR')
        check(all(len(line) <= 75 for line in data.split(b'\r\n')),
              f'{name}: lines folded at 75 octets')
        events = events_of(data)
        n_dated = 0
        for plan, stage, content in dated_content(plan_path):
            suffix = '@' + plan['uid'] if 'uid' in plan else '@t'
            matching = [e for uid, e in events.items()
                        if uid.startswith(content['id'] + suffix)]
            if 'due' not in content:
                check(not matching, f'{name}: {content["id"]} has no date and no event')
                continue
            n_dated += 1
            if not matching:
                check(False, f'{name}: {content["id"]} has an event')
                continue
            event = matching[0]
            due = datetime.date.fromisoformat(content['due'])
            start = event.decoded('DTSTART')
            end = event.decoded('DTEND')
            check(type(start) is datetime.date and start == due,
                  f'{name}: {content["id"]} is all day on {due}, not {start!r}')
            check(end == due + datetime.timedelta(days=1),
                  f'{name}: {content["id"]} ends the next day')
            check(str(event['SUMMARY']) == content['title'],
                  f'{name}: {content["id"]} SUMMARY {str(event["SUMMARY"])!r}')
            check(stage['name'] in str(event['DESCRIPTION']),
                  f'{name}: {content["id"]} names its stage in DESCRIPTION')
            categories = event['CATEGORIES']
            categories = categories if isinstance(categories, list) else [categories]
            check(any(stage['name'] in c.to_ical().decode() for c in categories),
                  f'{name}: {content["id"]} has its stage as a category')
            stamp = event.decoded('DTSTAMP')
            check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() is not None and
                  stamp.utcoffset().total_seconds() == 0,
                  f'{name}: {content["id"]} DTSTAMP is UTC')
            repeat = content.get('repeat', 'none')
            if repeat == 'none':
                check('RRULE' not in event, f'{name}: {content["id"]} does not repeat')
            else:
                rule = event['RRULE']
                check(rule['FREQ'] == [repeat.upper()],
                      f'{name}: {content["id"]} FREQ {rule["FREQ"]!r}')
                check(rule.get('INTERVAL', [1]) == [content.get('repeat_interval', 1)],
                      f'{name}: {content["id"]} INTERVAL')
                if 'repeat_until' in content:
                    check(rule['UNTIL'] == [datetime.date.fromisoformat(content['repeat_until'])],
                          f'{name}: {content["id"]} UNTIL {rule["UNTIL"]!r}')
        check(n_dated > 0 and len(events) == n_dated,
              f'{name}: {len(events)} events for {n_dated} dated items')

print(f'{len(failures)} failed' if failures else 'ok', file=sys.stderr)
sys.exit(1 if failures else 0)
