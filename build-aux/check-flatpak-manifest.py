#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest, which cannot be built offline.

flatpak-builder --show-manifest (run with G_DEBUG=fatal-warnings) catches syntax errors, unknown
keys and wrong types, but not a missing id or command, a wrong build system or a sandbox that is
wider than it should be: this script checks those itself.

Usage: check-flatpak-manifest.py MANIFEST
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

APP_ID = 'org.example.Cycle'
COMMAND = 'cycle'
# The file chooser goes through the portal, so no --filesystem is needed.
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
CLEANUP = ['/include', '/lib/pkgconfig', '*.la', '*.a']

errors = []


def check(condition, message):
    if not condition:
        errors.append(message)


def check_manifest(manifest):
    check(isinstance(manifest, dict), 'the manifest is not a JSON object')
    if not isinstance(manifest, dict):
        return

    app_id = manifest.get('app-id', manifest.get('id'))
    check(app_id == APP_ID, f'app-id is {app_id!r}, not {APP_ID!r}')
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    version = manifest.get('runtime-version')
    # A pinned stable version such as "47", not "master" or a nightly.
    check(isinstance(version, str) and version.isdigit(),
          f'runtime-version is {version!r}, not a pinned stable version such as "47"')
    check(manifest.get('command') == COMMAND, f'command is not {COMMAND!r}')

    finish_args = manifest.get('finish-args')
    check(finish_args == FINISH_ARGS,
          f'finish-args are {finish_args!r}, not exactly {FINISH_ARGS!r}')
    if isinstance(finish_args, list):
        for arg in finish_args:
            check(not (isinstance(arg, str) and arg.startswith('--filesystem')),
                  f'{arg}: the file chooser portal makes --filesystem unnecessary')

    cleanup = manifest.get('cleanup', [])
    for item in CLEANUP:
        check(item in cleanup, f'cleanup does not remove {item}')

    modules = manifest.get('modules')
    check(isinstance(modules, list) and modules, 'there are no modules')
    if not isinstance(modules, list) or not modules:
        return
    for module in modules:
        check(isinstance(module, dict), 'a module is not an object (a file name?)')
    main = modules[-1]
    if not isinstance(main, dict):
        return
    check(main.get('name') == 'cycle', 'the last module is not "cycle"')
    check(main.get('buildsystem') == 'meson', 'the cycle module is not built with meson')
    check('-Dui_tests=disabled' in main.get('config-opts', []),
          'the cycle module does not disable the UI tests (-Dui_tests=disabled)')
    sources = main.get('sources')
    check(isinstance(sources, list)
          and any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '.'
                  for s in sources),
          'the cycle module does not build the source tree ({"type": "dir", "path": "."})')
    for module in modules:
        if not isinstance(module, dict):
            continue
        for source in module.get('sources', []):
            if isinstance(source, dict) and source.get('type') in ('archive', 'file'):
                check('sha256' in source or 'sha512' in source,
                      f'{module.get("name")}: a source without a checksum: {source.get("url")}')


def show_manifest(path):
    """Run flatpak-builder --show-manifest, which fails on unknown keys and wrong types."""
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('# flatpak-builder is not installed: --show-manifest skipped')
        return
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    # It creates .flatpak-builder/ in the current directory.
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([builder, '--show-manifest', os.path.abspath(path)],
                                cwd=tmp, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        errors.append('flatpak-builder --show-manifest failed '
                      f'(exit status {result.returncode}):\n{result.stderr.strip()}')
        return
    try:
        json.loads(result.stdout)
    except ValueError as e:
        errors.append(f'flatpak-builder --show-manifest printed no JSON: {e}')
        return
    print('flatpak-builder --show-manifest: OK')


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path = sys.argv[1]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: {e}', file=sys.stderr)
        return 1

    check_manifest(manifest)
    if not errors:
        show_manifest(path)

    for error in errors:
        print(f'{path}: {error}', file=sys.stderr)
    if errors:
        return 1
    print(f'{path}: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
