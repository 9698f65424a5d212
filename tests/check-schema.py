#!/usr/bin/python3
# check-schema.py: data/cycle-plan.schema.json says what Cycle's loader accepts.
#
# - the schema itself is a valid draft 2020-12 schema;
# - every tests/data/good/*.cycle and data/samples/*.cycle (when that folder exists) is valid;
# - every broken file listed in SCHEMA_FAULTS (its one fault is something a schema can see) is
#   refused by the schema too;
# - every other broken file that is strict JSON is accepted by the schema: its fault is one only
#   Cycle can see (duplicate or dangling ids), which keeps the list below honest.
#
# Usage: check-schema.py [SOURCE_ROOT]   (default: the folder above this script's)
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import math
import os
import sys

import jsonschema

# Broken files whose fault is a matter of the schema: types, enums, ranges, patterns, dates,
# required members, the format and version.
SCHEMA_FAULTS = {
    # not a plan, format and version
    'top-level-array.cycle',
    'top-level-string.cycle',
    'format-missing.cycle',
    'format-wrong.cycle',
    'format-number.cycle',
    'version-missing.cycle',
    'version-string.cycle',
    'version-2.cycle',
    'version-huge.cycle',
    'version-0.cycle',
    'version-fraction.cycle',
    # wrong types
    'stages-object.cycle',
    'personas-string.cycle',
    'stage-not-object.cycle',
    'content-not-array.cycle',
    'name-number.cycle',
    'title-number.cycle',
    'x-string.cycle',
    'rate-string.cycle',
    'days-string.cycle',
    'purpose-string.cycle',
    'purpose-why-number.cycle',
    'id-number.cycle',
    'persona-ref-number.cycle',
    'due-number.cycle',
    'lane-null.cycle',
    'pitch-string.cycle',
    # patterns
    'language-bad.cycle',
    # unknown enum values
    'unknown-lane.cycle',
    'unknown-permission.cycle',
    'unknown-commitment.cycle',
    'unknown-direction.cycle',
    'unknown-status.cycle',
    'unknown-link-kind.cycle',
    'enum-wrong-case.cycle',
    # ranges
    'rate-negative.cycle',
    'rate-too-big.cycle',
    'days-fraction.cycle',
    'days-negative.cycle',
    'days-too-many.cycle',
    'x-too-far.cycle',
    'y-too-far.cycle',
    # patterns and dates
    'bad-color.cycle',
    'bad-color-short.cycle',
    'bad-date.cycle',
    'bad-date-format.cycle',
    'id-empty.cycle',
    'id-space.cycle',
    'id-too-long.cycle',
    'id-leading-dash.cycle',
    # required members
    'missing-stage-name.cycle',
    'missing-content-title.cycle',
    'missing-persona-name.cycle',
    'missing-stage-id.cycle',
    'missing-content-id.cycle',
    'missing-persona-id.cycle',
    'missing-link-id.cycle',
    'missing-link-from.cycle',
    'missing-link-to.cycle',
}


class NotStrictJson(ValueError):
    pass


def no_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise NotStrictJson('duplicate key ' + key)
        result[key] = value
    return result


def no_constant(name):
    raise NotStrictJson(name)


def finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise NotStrictJson('number out of range')
    return value


def load_strict(path):
    """The file as JSON, refusing what Cycle refuses and Python's json module accepts."""
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    text = data.decode('utf-8')     # strict: invalid UTF-8 raises
    value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant,
                       parse_float=finite_float)
    check_values(value)
    return value


def check_values(root):
    """Refuses NUL and lone surrogates in strings (Python decodes both) and nesting deeper than
    Cycle's limit of 64."""
    stack = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > 64:
                raise NotStrictJson('nested deeper than 64 levels')
            children = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
            for key, child in children:
                if key is not None:
                    stack.append((key, depth))
                stack.append((child, depth + 1))
        elif isinstance(value, str):
            if '\0' in value:
                raise NotStrictJson('NUL in a string')
            value.encode('utf-8')   # a lone surrogate raises UnicodeEncodeError, a ValueError


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, 'data', 'cycle-plan.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)

    failures = []
    cls = jsonschema.Draft202012Validator
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        print('the schema is not a valid draft 2020-12 schema: %s' % e)
        return 1
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER
                    if hasattr(cls, 'FORMAT_CHECKER') else jsonschema.FormatChecker())

    # The format checker must know dates, or bad-date.cycle would pass for the wrong reason
    if validator.is_valid({'format': 'org.example.Cycle', 'version': 1, 'stages': [
            {'id': 's', 'name': 'n', 'content': [{'id': 'c', 'title': 't', 'due': '2026-02-30'}]}]}):
        failures.append('the format checker does not check dates')

    good = []
    for folder in (os.path.join(root, 'tests', 'data', 'good'), os.path.join(root, 'data', 'samples')):
        if os.path.isdir(folder):
            good += [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith('.cycle')]
    if not good:
        failures.append('no good files found')

    for path in good:
        errors = sorted(validator.iter_errors(load_strict(path)), key=lambda e: list(e.path))
        for e in errors:
            failures.append('%s: %s: %s' % (os.path.relpath(path, root), e.json_path, e.message))
        if not errors:
            print('ok: %s is valid' % os.path.relpath(path, root))

    broken_dir = os.path.join(root, 'tests', 'data', 'broken')
    # The JSON path Cycle names for each broken file, from "NAME<TAB>NAME: $.path: message"
    cycle_paths = {}
    with open(os.path.join(broken_dir, 'expected.txt'), encoding='utf-8') as f:
        for line in f:
            name, _, described = line.rstrip('\n').partition('\t')
            message = described[len(name) + 2:]
            if message.startswith('$'):
                cycle_paths[name] = message.split(': ', 1)[0]
    broken = sorted(n for n in os.listdir(broken_dir) if n.endswith('.cycle'))
    for name in sorted(SCHEMA_FAULTS - set(broken)):
        failures.append('%s is listed in SCHEMA_FAULTS but does not exist' % name)

    for name in broken:
        path = os.path.join(broken_dir, name)
        try:
            instance = load_strict(path)
        except (ValueError, RecursionError) as e:
            if name in SCHEMA_FAULTS:
                failures.append('%s: listed in SCHEMA_FAULTS but is not strict JSON (%s)' % (name, e))
            continue
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if name in SCHEMA_FAULTS:
            if error is None:
                failures.append('%s: the schema accepts it, Cycle refuses it' % name)
            elif name in cycle_paths and error.json_path != cycle_paths[name]:
                failures.append('%s: the schema refuses %s, Cycle refuses %s'
                                % (name, error.json_path, cycle_paths[name]))
            else:
                print('ok: %s is refused (%s: %s)' % (name, error.json_path, error.message[:100]))
        elif error is not None:
            failures.append('%s: the schema refuses it (%s: %s) but it is not in SCHEMA_FAULTS'
                            % (name, error.json_path, error.message))
        else:
            print('ok: %s is valid for the schema; only Cycle sees its fault' % name)

    for f in failures:
        print('FAIL: ' + f)
    print('%d good, %d broken files checked, %d failures' % (len(good), len(broken), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
