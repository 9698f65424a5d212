#!/usr/bin/python3
# check-export.py: what cycle-tool export and import write, read by tools nobody here wrote.
#
# - JSON: valid against data/cycle-plan.schema.json (python3-jsonschema), with and without the
#   computed data; without it, the same bytes as the plan file; the computed findings are the
#   ones `cycle-tool check --json` gives; import of an export gives the plan file back.
# - CSV: Python's csv module reads one row per piece of content with every field as the plan
#   says it (commas, double quotes, line breaks, accents), and writes the very same bytes back
#   (RFC 4180: CRLF, minimal quoting); the byte order mark is there for people (not with
#   --no-bom or --for-scripts).
# - SVG: rsvg-convert renders it (exit 0) to a PNG of the SVG's size that is not blank.
#   Python's XML parser reads it, and finds as <text> every stage's name and content count,
#   every projected volume, the legend (the plan's title and the projection's settings), and
#   every word the PDF of the same plan holds (link labels included), in the plan's xml:lang;
#   two exports are the same bytes.
# - PDF text: pdftotext extracts the stages' names and the legend; pdffonts lists every font
#   embedded and subset.
# - PNG: the size of the picture, twice as wide at --scale 2, not blank.
# - PDF: pdfinfo counts 1 page, or 2 with --content-page, the first the picture's size and the
#   second the paper's; pdftoppm renders every page, none blank.
# - cycle-tool itself: failed exports leave the target alone and name it; PNG and PDF are not
#   written to a terminal; --help lists every command and every export option.
#
# Usage: check-export.py [SOURCE_ROOT], with CYCLE_TOOL naming the built cycle-tool.
# Exit status 0 when everything passed, 1 when something failed, 77 (skipped) when a checker
# is not installed.
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import csv
import io
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
import zlib

try:
    import jsonschema
except ImportError:
    jsonschema = None

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
TOOL = os.environ.get('CYCLE_TOOL')

failures = []
passes = 0


def check(condition, what):
    global passes
    if condition:
        passes += 1
    else:
        failures.append(what)
        print('FAIL: ' + what)
    return condition


def run(*args, stdin=None, stdout=subprocess.PIPE, env=None):
    return subprocess.run([TOOL] + [str(a) for a in args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, env=env)


def export(plan, out, *options):
    result = run('export', plan, '-o', out, *options)
    check(result.returncode == 0, 'export %s %s -o %s: exit %d: %s' % (
        os.path.basename(plan), ' '.join(options), os.path.basename(out), result.returncode,
        result.stderr.decode(errors='replace')))
    with open(out, 'rb') as f:
        return f.read()


# Images, decoded with the standard library only

def read_png(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit, non-interlaced PNG."""
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, header = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])[0]:
            raise ValueError('bad CRC in ' + kind.decode())
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
        raise ValueError('unsupported PNG: depth %d, colour %d' % (depth, colour))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xff
            elif kind == 2:
                line[i] = (line[i] + b) & 0xff
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xff
        previous = line
        if colour in (0, 4):
            rows.append([(line[i], line[i], line[i]) for i in range(0, stride, bpp)])
        else:
            rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
    return width, height, rows


def png_size(data):
    width, height = struct.unpack('>II', data[16:24])
    return width, height


def read_ppm(data):
    """(width, height, rows) of a binary PPM (P6, maxval 255), as pdftoppm writes it."""
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b'P6' or int(fields[3]) != 255:
        raise ValueError('not an 8-bit P6 PPM')
    width, height = int(fields[1]), int(fields[2])
    rows = [[tuple(data[pos + (y * width + x) * 3:pos + (y * width + x) * 3 + 3])
             for x in range(width)] for y in range(height)]
    return width, height, rows


def not_blank(rows, what):
    """Something is drawn: several colours, and more than 1 % of the pixels are not the most
    common one (the background)."""
    counts = {}
    for row in rows:
        for pixel in row:
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    background = max(counts.values())
    check(len(counts) >= 8 and (total - background) > total // 100,
          '%s is blank: %d colours, %d of %d pixels not the background' % (
              what, len(counts), total - background, total))


# The plans

def tricky_plan(path):
    """Everything a CSV or picture writer can get wrong, written by hand (not canonically)."""
    plan = {
        'version': 1, 'format': 'org.example.Cycle',
        'title': 'Café « Ümlaut », \"quoted\" & <tags>',
        'language': 'fr',
        'purpose': {'why': 'Parce que.'},
        'layout': 'funnel',
        'x-other-tool': {'kept': [1, 2, 3]},
        'personas': [{'id': 'p1', 'name': 'Zoë, "the" barista'},
                     {'id': 'p2', 'name': 'Ørjan'}],
        'stages': [
            {'id': 's1', 'name': 'Visiteurs, curieux', 'conversion_rate': 0.5, 'x': 0, 'y': 0,
             'content': [
                 {'id': 'c1', 'title': 'Le "meilleur" café, vraiment', 'persona': 'p1',
                  'format': 'article', 'channel': 'blog', 'cta': 'Lisez, puis partagez',
                  'commitment': 'read', 'status': 'published', 'owner': 'Ana',
                  'due': '2026-12-01', 'url': 'https://example.org/a?b=1,2',
                  'notes': 'Line one\nLine two\r\nLine three, with "quotes"'},
                 {'id': 'c2', 'title': '  spaces and 日本語  ', 'direction': 'asks',
                  'commitment': 'stored-card', 'x-item': True},
                 {'id': 'c3', 'title': '"', 'notes': '\r'},
                 {'id': 'c4', 'title': 'Emoji 🚀 and a tab\there', 'persona': 'p2',
                  'format': 'vidéo maison', 'status': 'scheduled', 'due': '2027-02-28'},
             ]},
            {'id': 's2', 'name': 'Évangélistes', 'permission': 'personal', 'x': 0, 'y': 160,
             'color': '#e01b24', 'content': [
                 {'id': 'c5', 'title': 'Parrainez un ami', 'commitment': 'referral',
                  'direction': 'asks'}]},
            {'id': 's3', 'name': 'A&B <b>"x"</b>', 'lane': 'journey', 'x': 300, 'y': 0,
             'content': []},
        ],
        'links': [
            {'id': 'l1', 'from': 's1', 'to': 's2', 'kind': 'next'},
            {'id': 'l2', 'from': 's2', 'to': 's1', 'kind': 'loop', 'rate': 0.1},
            {'id': 'l3', 'from': 's1', 'to': 's3', 'kind': 'mapping'},
        ],
    }
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(plan, f, ensure_ascii=False, indent=1)


def journey_only_plan(path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'format': 'org.example.Cycle', 'version': 1, 'stages': [
            {'id': 'j1', 'name': 'Only the journey', 'lane': 'journey'}]}, f)


def far_apart_plan(path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'format': 'org.example.Cycle', 'version': 1, 'stages': [
            {'id': 'a', 'name': 'Here', 'x': 0, 'y': 0},
            {'id': 'b', 'name': 'Far away', 'x': 900000, 'y': 0}]}, f)


def long_plan(path):
    stages = []
    for i in range(8):
        stages.append({'id': 's%d' % i, 'name': 'Stage %d' % i, 'x': 0, 'y': i * 120,
                       'content': [{'id': 'c%d_%d' % (i, j), 'title': 'Item %d.%d' % (i, j),
                                    'status': 'draft'} for j in range(20)]})
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'format': 'org.example.Cycle', 'version': 1, 'stages': stages}, f)


# The checks

def check_json(plan, tmp, validator):
    name = os.path.basename(plan)
    canonical = run('import', plan, '-o', '-').stdout
    plain = export(plan, os.path.join(tmp, 'plain.json'), '--format', 'json')
    computed_bytes = export(plan, os.path.join(tmp, 'computed.json'), '--computed')

    check(plain == canonical, '%s: the JSON export is not the canonical plan' % name)
    for what, data in (('export', plain), ('export --computed', computed_bytes)):
        document = json.loads(data.decode('utf-8'))
        errors = list(validator.iter_errors(document))
        check(not errors, '%s: %s does not validate: %s' % (
            name, what, '; '.join('%s: %s' % (e.json_path, e.message) for e in errors[:3])))

    document = json.loads(computed_bytes.decode('utf-8'))
    computed = document.get('computed')
    if not check(isinstance(computed, dict), '%s: no "computed" object' % name):
        return
    check(computed.get('generated_by', '').startswith('Cycle '),
          '%s: computed.generated_by is %r' % (name, computed.get('generated_by')))
    projection = computed.get('projection')
    stage_ids = [s['id'] for s in document.get('stages', [])]
    if projection is not None:
        check(list(projection['stages']) == stage_ids,
              '%s: the projection does not list every stage in order' % name)
        # The plan's own settings: 1000 people and the steady state (0) unless it says otherwise
        start = document.get('projection_start', 1000)
        cycles = document.get('projection_cycles', 0)
        check(projection['start'] == start and
              (projection['cycles'] == cycles or projection['self_sustaining']),
              '%s: the projection is not %s people, %s cycles' % (name, start, cycles))

    # The same findings as cycle-tool check --json
    checked = json.loads(run('check', plan, '--json').stdout.decode('utf-8'))
    keys = ('kind', 'severity', 'message', 'stage', 'content', 'key')
    check([{k: f[k] for k in keys} for f in checked] == computed['findings'],
          '%s: computed findings differ from cycle-tool check --json' % name)

    # Import drops "computed" and nothing else
    imported = run('import', os.path.join(tmp, 'computed.json'), '-o', '-')
    check(imported.returncode == 0 and imported.stdout == canonical,
          '%s: import of the export with computed data is not the plan' % name)
    from_stdin = run('import', '-', '-o', os.path.join(tmp, 'stdin.cycle'), stdin=computed_bytes)
    with open(os.path.join(tmp, 'stdin.cycle'), 'rb') as f:
        check(from_stdin.returncode == 0 and f.read() == canonical,
              '%s: import from standard input is not the plan' % name)

    # The schema does describe "computed": a wrong one is refused
    if projection is not None and stage_ids:
        broken = json.loads(computed_bytes.decode('utf-8'))
        broken['computed']['projection']['stages'][stage_ids[0]]['volume'] = 'many'
        check(not validator.is_valid(broken), '%s: the schema accepts a volume "many"' % name)
    broken = json.loads(computed_bytes.decode('utf-8'))
    broken['computed']['findings'].append({'kind': 'nonsense'})
    check(not validator.is_valid(broken), '%s: the schema accepts a nonsense finding' % name)


STABLE_HEADER = ['stage', 'persona', 'title', 'format', 'channel', 'cta', 'commitment',
                 'direction', 'status', 'owner', 'due', 'url', 'notes']
PEOPLE_HEADER = ['Stage', 'Persona', 'Title', 'Format', 'Channel', 'Call to action',
                 'Commitment', 'Gives or asks', 'Status', 'Owner', 'Due date', 'Link', 'Notes']


def direction(content):
    """The team's word, or else what the call to action comes to (the file format's rule)."""
    said = content.get('direction', 'auto')
    if said != 'auto':
        return said
    giving = ('none', 'read', 'follow')
    return 'gives' if content.get('commitment', 'none') in giving else 'asks'


def expected_rows(document):
    personas = {p['id']: p['name'] for p in document.get('personas', [])}
    rows = []
    for stage in document.get('stages', []):
        for c in stage.get('content', []):
            rows.append([stage['name'], personas.get(c.get('persona'), ''), c['title'],
                         c.get('format', ''), c.get('channel', ''), c.get('cta', ''),
                         c.get('commitment', 'none'), direction(c),
                         c.get('status', 'idea'), c.get('owner', ''), c.get('due', ''),
                         c.get('url', ''), c.get('notes', '')])
    return rows


def rfc4180(rows):
    out = io.StringIO(newline='')
    csv.writer(out, lineterminator='\r\n', quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue().encode('utf-8')


def check_csv(plan, tmp):
    name = os.path.basename(plan)
    document = json.loads(run('export', plan, '-o', '-', '--format', 'json').stdout)
    expected = expected_rows(document)

    stable = export(plan, os.path.join(tmp, 'stable.csv'), '--stable-headers')
    people = export(plan, os.path.join(tmp, 'people.csv'))
    no_bom = export(plan, os.path.join(tmp, 'nobom.csv'), '--no-bom', '--format', 'csv')

    # For people, a byte order mark (Excel needs it); for scripts, none.
    check(people.startswith(b'\xef\xbb\xbf') and not stable.startswith(b'\xef\xbb\xbf'),
          '%s: the byte order mark is not where it belongs' % name)
    check(not no_bom.startswith(b'\xef\xbb\xbf'), '%s: --no-bom wrote one' % name)

    text = stable.decode('utf-8')    # strict: invalid UTF-8 raises
    rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))
    check(rows[0] == STABLE_HEADER, '%s: stable header is %r' % (name, rows[0]))
    check(rows[1:] == expected, '%s: the CSV rows are not the content: %r' % (
        name, [r for r, e in zip(rows[1:], expected) if r != e][:2] or len(rows)))
    # RFC 4180 exactly: CRLF after every record, quotes only where needed, doubled inside
    check(stable == rfc4180(rows), '%s: the CSV is not what RFC 4180 writing gives' % name)
    semicolons = export(plan, os.path.join(tmp, 'semicolons.csv'), '--for-scripts',
                        '--delimiter', ';')
    check(list(csv.reader(io.StringIO(semicolons.decode('utf-8'), newline=''), delimiter=';',
                          strict=True)) == rows,
          '%s: --delimiter ";" does not read back as the same rows' % name)
    check(no_bom == people[3:], '%s: --no-bom changed more than the mark' % name)

    people_rows = list(csv.reader(io.StringIO(people.decode('utf-8-sig'), newline=''),
                                  strict=True))
    check(people_rows[0] == PEOPLE_HEADER, '%s: people header is %r' % (name, people_rows[0]))
    check(len(people_rows) == len(rows) and all(len(r) == 13 for r in people_rows),
          '%s: people CSV has other rows' % name)
    labels = {'read': 'Read or watch', 'stored-card': 'Store a card', 'referral':
              'Refer a friend', 'none': 'Nothing'}
    for row, stable_row in zip(people_rows[1:], rows[1:]):
        if stable_row[6] in labels:
            check(row[6] == labels[stable_row[6]], '%s: commitment label %r for %r' % (
                name, row[6], stable_row[6]))
        check(row[7] == stable_row[7].capitalize() and row[8] == stable_row[8].capitalize(),
              '%s: direction/status labels %r %r' % (name, row[7], row[8]))

    out = run('export', plan, '--format', 'csv', '-o', '-')
    check(out.returncode == 0 and out.stdout == people, '%s: CSV to standard output differs' %
          name)


def svg_size(data):
    head = data[:2000].decode('utf-8', errors='replace')
    start = head.index('<svg')
    tag = head[start:head.index('>', start)]

    def attribute(key):
        value = tag.split(' %s="' % key, 1)[1].split('"', 1)[0]
        check(value.endswith('px'), 'SVG %s is %r, not in px' % (key, value))
        return float(value[:-2])
    return attribute('width'), attribute('height')


def check_svg_png(plan, tmp, *layout):
    name = os.path.basename(plan) + (' ' + ' '.join(layout) if layout else '')
    svg_path = os.path.join(tmp, 'picture.svg')
    svg = export(plan, svg_path, *layout)
    width, height = svg_size(svg)

    rendered = os.path.join(tmp, 'rendered.png')
    result = subprocess.run(['rsvg-convert', svg_path, '-o', rendered],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check(result.returncode == 0, '%s: rsvg-convert exit %d: %s' % (
            name, result.returncode, result.stderr.decode(errors='replace'))):
        with open(rendered, 'rb') as f:
            w, h, rows = read_png(f.read())
        check(abs(w - width) <= 1 and abs(h - height) <= 1,
              '%s: rsvg-convert made %dx%d of a %gx%g SVG' % (name, w, h, width, height))
        check(50 < w < 20000 and 50 < h < 20000, '%s: silly size %dx%d' % (name, w, h))
        not_blank(rows, '%s: the SVG rendered by rsvg-convert' % name)

    one = export(plan, os.path.join(tmp, 'one.png'), *layout)
    two = export(plan, os.path.join(tmp, 'two.png'), '--scale', '2', *layout)
    w1, h1 = png_size(one)
    w2, h2 = png_size(two)
    check(abs(w1 - width) <= 1 and abs(h1 - height) <= 1,
          '%s: PNG %dx%d, SVG %gx%g' % (name, w1, h1, width, height))
    check(abs(w2 - 2 * w1) <= 1 and abs(h2 - 2 * h1) <= 1,
          '%s: scale 2 gives %dx%d from %dx%d' % (name, w2, h2, w1, h1))
    not_blank(read_png(one)[2], '%s: the PNG' % name)

    # The same bytes through a pipe
    piped = run('export', plan, '--format', 'png', '-o', '-', *layout)
    check(piped.returncode == 0 and piped.stdout == one, '%s: PNG through a pipe differs' % name)
    piped = run('export', plan, '--format', 'svg', '-o', '-', *layout)
    check(piped.returncode == 0 and piped.stdout == svg, '%s: SVG to standard output differs' %
          name)
    return width, height


SVG = '{http://www.w3.org/2000/svg}'


def words(text):
    return collections.Counter(text.split())


def check_svg_text(plan, tmp):
    """Every label of the picture is text an outside XML parser finds, the same words as the
    PDF's, in the plan's language; the PDF's text is extractable, its fonts embedded."""
    name = os.path.basename(plan)
    svg = export(plan, os.path.join(tmp, 'text.svg'))
    check(export(plan, os.path.join(tmp, 'again.svg')) == svg,
          '%s: two SVG exports differ' % name)
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as e:
        check(False, '%s: the SVG is not well-formed XML: %s' % (name, e))
        return
    texts = [''.join(e.itertext()) for e in root.iter(SVG + 'text')]
    document = json.loads(export(plan, os.path.join(tmp, 'text.json'), '--computed'))
    language = document.get('language')
    if language:
        check(root.get('{http://www.w3.org/XML/1998/namespace}lang') == language,
              '%s: xml:lang %r, the plan says %r' % (
                  name, root.get('{http://www.w3.org/XML/1998/namespace}lang'), language))
    check('sans-serif' in root.get('font-family', ''), '%s: no generic font family' % name)
    check(len(root.findall('.//' + SVG + 'path')) > 0, '%s: no shapes' % name)
    check(document.get('title', '') in texts, '%s: the title %r is not in the legend' % (
        name, document.get('title')))
    check(any(' people entering ' in t for t in texts),
          '%s: the projection\'s settings are not in the legend' % name)

    volumes = document.get('computed', {}).get('projection', {}).get('stages', {})
    figures = []
    for t in texts:
        for m in re.finditer(r'≈ ([0-9][0-9,]*(?:\.[0-9]+)?)', t):
            figures.append(float(m.group(1).replace(',', '')))
    for stage in document['stages']:
        check(stage['name'] in texts, '%s: stage %r is not an SVG <text>' % (name, stage['name']))
        n = len(stage.get('content', []))
        count = '%d item%s' % (n, '' if n == 1 else 's')
        check(any(t.startswith(count) for t in texts),
              '%s: %r of stage %r is not an SVG <text>' % (name, count, stage['name']))
        volume = volumes.get(stage['id'], {}).get('volume')
        if volume is not None:
            check(any(abs(f - volume) <= max(1, volume * 0.01) for f in figures),
                  '%s: the volume %g of %r is not an SVG <text> (%r)' % (
                      name, volume, stage['name'], figures))

    pdf_path = os.path.join(tmp, 'text.pdf')
    export(plan, pdf_path)
    result = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf_path, '-'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pdf_text = result.stdout.decode('utf-8', errors='replace')
    check(result.returncode == 0, '%s: pdftotext exit %d' % (name, result.returncode))
    for stage in document['stages']:
        check(stage['name'] in pdf_text, '%s: pdftotext does not find %r' % (
            name, stage['name']))
    check(document.get('title', '') in pdf_text, '%s: pdftotext does not find the title' % name)
    # The same words in both: link labels, permissions, counts and legend included
    svg_words, pdf_words = words(' '.join(texts)), words(pdf_text)
    check(svg_words == pdf_words, '%s: SVG and PDF words differ: %r only in the SVG, %r only in '
          'the PDF' % (name, svg_words - pdf_words, pdf_words - svg_words))

    result = subprocess.run(['pdffonts', pdf_path], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    fonts = result.stdout.decode('utf-8', errors='replace').splitlines()[2:]
    check(result.returncode == 0 and len(fonts) > 0, '%s: pdffonts lists no font' % name)
    for line in fonts:
        # name type [type…] encoding emb sub uni object ID: emb and sub are the 5th and 4th
        # columns from the end
        columns = line.split()
        check(columns[-5] == 'yes' and columns[-4] == 'yes',
              '%s: a font not embedded and subset: %s' % (name, line))


def pdfinfo(path, *args):
    result = subprocess.run(['pdfinfo'] + list(args) + [path], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    check(result.returncode == 0, 'pdfinfo %s: exit %d: %s' % (
        os.path.basename(path), result.returncode, result.stderr.decode(errors='replace')))
    info = {}
    for line in result.stdout.decode('utf-8', errors='replace').splitlines():
        key, _, value = line.partition(':')
        info[key.strip()] = value.strip()
    return info


def page_size(info, page):
    words = info['Page %4d size' % page].split()
    return float(words[0]), float(words[2])


def check_pdf(plan, tmp, picture_size, least_pages, most_pages):
    name = os.path.basename(plan)
    for content_page, least, most in ((False, 1, 1), (True, least_pages, most_pages)):
        path = os.path.join(tmp, 'plan.pdf')
        export(plan, path, *(['--content-page'] if content_page else []))
        pages = int(pdfinfo(path).get('Pages', 0))
        check(least <= pages <= most, '%s%s: %d pages, expected %d to %d' % (
            name, ' --content-page' if content_page else '', pages, least, most))
        info = pdfinfo(path, '-f', '1', '-l', str(pages))
        w, h = page_size(info, 1)
        check(abs(w - picture_size[0] * 0.75) < 0.5 and abs(h - picture_size[1] * 0.75) < 0.5,
              '%s: page 1 is %gx%g pt, the picture %gx%g px' % (name, w, h, *picture_size))
        for page in range(2, pages + 1):
            w, h = page_size(info, page)
            check((abs(w - 595.28) < 1 and abs(h - 841.89) < 1) or (w == 612 and h == 792),
                  '%s: page %d is %gx%g pt, not A4 or Letter' % (name, page, w, h))
        for page in range(1, pages + 1):
            result = subprocess.run(['pdftoppm', '-r', '40', '-f', str(page), '-l', str(page),
                                     path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if check(result.returncode == 0 and result.stdout.startswith(b'P6'),
                     '%s: pdftoppm page %d: exit %d %s' % (
                         name, page, result.returncode, result.stderr.decode(errors='replace'))):
                not_blank(read_ppm(result.stdout)[2], '%s: PDF page %d' % (name, page))


def run_on_terminal(args):
    """Runs @args with standard output on a pseudo-terminal, reading what it writes there (a
    terminal nobody reads from would block it)."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(args, stdout=secondary, stderr=subprocess.PIPE)
    os.close(secondary)
    written = 0
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:     # EIO: the other side is closed
            break
        if not chunk:
            break
        written += len(chunk)
    os.close(main)
    stderr = process.stderr.read()
    process.stderr.close()
    return process.wait(timeout=60), stderr


def check_cli(tmp, sample, far):
    # Unwritable: exit 1, the message names the file, nothing is written
    target = os.path.join(tmp, 'no-such-folder', 'plan.svg')
    result = run('export', sample, '-o', target)
    check(result.returncode == 1 and target.encode() in result.stderr,
          'unwritable: exit %d, %r' % (result.returncode, result.stderr))

    # A failed export leaves the old file as it was, and no temporary file beside it
    folder = os.path.join(tmp, 'keep')
    os.mkdir(folder)
    target = os.path.join(folder, 'plan.png')
    with open(target, 'wb') as f:
        f.write(b'the old picture')
    result = run('export', far, '-o', target)
    with open(target, 'rb') as f:
        check(result.returncode == 1 and f.read() == b'the old picture' and
              os.listdir(folder) == ['plan.png'] and b'SVG or PDF' in result.stderr,
              'a failed export touched the target: exit %d, %r, %r' % (
                  result.returncode, result.stderr, os.listdir(folder)))

    # Binary to a terminal: refused; SVG to a terminal: fine
    for fmt, status in (('png', 2), ('pdf', 2), ('svg', 0)):
        returncode, stderr = run_on_terminal([TOOL, 'export', sample, '--format', fmt,
                                              '-o', '-'])
        check(returncode == status, '%s to a terminal: exit %d, expected %d: %r' % (
            fmt, returncode, status, stderr))

    # Usage errors: exit 2
    for args in (['--format', 'gif'], ['--format', 'svg', '--scale', '2'],
                 ['--format', 'png', '--scale', '0'], ['--format', 'png', '--scale', '9'],
                 ['--format', 'csv', '--computed'], ['--format', 'json', '--content-page'],
                 ['--format', 'svg', '--layout', 'spiral'], ['--format', 'json', '--layout',
                                                             'funnel']):
        result = run('export', sample, '-o', os.path.join(tmp, 'x'), *args)
        check(result.returncode == 2, 'export %s: exit %d, expected 2' % (
            ' '.join(args), result.returncode))
    # A scale so small that nothing is left to draw: said, not cairo's "invalid matrix"
    tiny = os.path.join(tmp, 'tiny.png')
    result = run('export', sample, '-o', tiny, '--scale', '1e-300')
    stderr = result.stderr.decode('utf-8')
    check(result.returncode == 1 and 'smaller than one pixel' in stderr and
          not os.path.exists(tiny), 'export --scale 1e-300: exit %d, %r' % (
              result.returncode, stderr))
    result = run('export', sample)
    check(result.returncode == 2, 'export without -o: exit %d' % result.returncode)
    result = run('export', sample, '-o', os.path.join(tmp, 'no-extension'))
    check(result.returncode == 2, 'export without a format: exit %d' % result.returncode)
    result = run('import', sample)
    check(result.returncode == 2, 'import without -o: exit %d' % result.returncode)
    result = run('import', os.path.join(ROOT, 'tests', 'data', 'broken', 'version-2.cycle'),
                 '-o', os.path.join(tmp, 'x.cycle'))
    check(result.returncode == 1 and not os.path.exists(os.path.join(tmp, 'x.cycle')),
          'import of a broken file: exit %d' % result.returncode)

    # --help: every command of the table, and every export option
    result = run('--help')
    text = result.stdout.decode('utf-8')
    for command in ('validate', 'check', 'project', 'export', 'import'):
        check(('\n  %s ' % command) in text, '--help does not list %s' % command)
    for option in ('--format', '-o OUT', '--computed', '--for-scripts', '--stable-headers',
                   '--delimiter', '--no-bom', '--scale', '--content-page', '--layout',
                   'free, funnel, cycle or two-lanes'):
        check(option in text, '--help does not mention %s' % option)


def main():
    if not TOOL:
        print('CYCLE_TOOL must name the cycle-tool to test')
        return 1
    missing = [t for t in ('rsvg-convert', 'pdfinfo', 'pdftoppm', 'pdftotext', 'pdffonts')
               if shutil.which(t) is None]
    if jsonschema is None:
        missing.append('python3-jsonschema')
    if missing:
        print('SKIP: not installed: ' + ', '.join(missing))
        return 77

    with open(os.path.join(ROOT, 'data', 'cycle-plan.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER
                    if hasattr(cls, 'FORMAT_CHECKER') else jsonschema.FormatChecker())

    with tempfile.TemporaryDirectory(prefix='cycle-check-export-') as tmp:
        sample = os.path.join(ROOT, 'data', 'samples', 'coffee-club.cycle')
        tricky = os.path.join(tmp, 'tricky.cycle')
        journey = os.path.join(tmp, 'journey.cycle')
        far = os.path.join(tmp, 'far.cycle')
        long = os.path.join(tmp, 'long.cycle')
        tricky_plan(tricky)
        journey_only_plan(journey)
        far_apart_plan(far)
        long_plan(long)
        good_dir = os.path.join(ROOT, 'tests', 'data', 'good')
        good = [os.path.join(good_dir, n) for n in sorted(os.listdir(good_dir))
                if n.endswith('.cycle')]

        with open(sample, 'rb') as f:
            check(export(sample, os.path.join(tmp, 'sample.json')) == f.read(),
                  'the sample\'s JSON export is not the file')

        for plan in [sample, tricky, journey] + good:
            check_json(plan, tmp, validator)
            check_csv(plan, tmp)

        sizes = {}
        for plan in (sample, tricky, journey):
            sizes[plan] = check_svg_png(plan, tmp)
        for layout in ('free', 'funnel', 'cycle', 'two-lanes'):
            check_svg_png(sample, tmp, '--layout', layout)

        for plan in (sample, tricky):
            check_svg_text(plan, tmp)

        check_pdf(sample, tmp, sizes[sample], 2, 2)
        check_pdf(tricky, tmp, sizes[tricky], 2, 2)
        long_size = check_svg_png(long, tmp)
        # 160 items: the listing goes on over several pages
        check_pdf(long, tmp, long_size, 3, 8)

        check_cli(tmp, sample, far)

    print('%d checks passed, %d failed' % (passes, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
