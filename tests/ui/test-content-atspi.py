#!/usr/bin/python3
# test-content-atspi.py: attaching content to a stage, and finding it in the table by search,
# through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-content-atspi.py CYCLE PLAN [WORKDIR]
#
# Starts CYCLE on a copy of PLAN (tests/data/samples/ui-sample.cycle), goes to the Content page
# and its board (accessible "click" actions), presses "Add Content to “Subscribers”", types a
# title into the editor that opens (plain `xdotool`, which GTK takes as real input) and closes
# it with Escape; reads the new card back by name. Then it goes to the table, clicks into the
# search entry, types part of the title and reads back that the table shows that one row. It
# saves (Ctrl+S) and reads the content back from the file, in its stage. Output: TAP.

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# G_DEBUG=fatal-warnings is for the application: the accessibility library in this process
# warns about objects that go away while it reads them. Start again without it (before gi is
# loaded, which reads it once), keeping it for the application.
if "G_DEBUG" in os.environ and "CYCLE_APP_G_DEBUG" not in os.environ:
    env = dict(os.environ, CYCLE_APP_G_DEBUG=os.environ["G_DEBUG"])
    del env["G_DEBUG"]
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

from dogtail.config import config

config.checkForA11y = False
config.logDebugToStdOut = False
config.logDebugToFile = False
config.searchShowingOnly = False

import pyatspi  # noqa: E402
from dogtail import tree  # noqa: E402  (after the configuration, as dogtail requires)

TIMEOUT = 20.0
TITLE = "Cold brew club invitation"

results = []


def diag(message):
    for line in str(message).splitlines():
        print("# " + line, flush=True)


def check(description, ok):
    results.append(ok)
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), description), flush=True)
    return ok


def wait_for(what, function, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = function()
        except Exception:  # the tree changes under us: try again
            value = None
        if value:
            return value
        time.sleep(0.2)
    diag("timed out waiting for " + what)
    return None


def key(*keys):
    subprocess.run(["xdotool", "key", "--delay", "60"] + list(keys), check=True)
    time.sleep(0.4)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
    time.sleep(0.4)


def find_app(pid):
    for app in tree.root.children:
        try:
            if app.get_process_id() == pid and app.childCount > 0:
                return app
        except Exception:
            pass
    return None


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


# GTK 4.8 does not report the "showing" state of every widget: go by "visible".
def find(root, name=None, role=None):
    for node in walk(root):
        try:
            if name is not None and node.name != name:
                continue
            if role is not None and node.roleName not in (role if isinstance(role, tuple)
                                                          else (role,)):
                continue
            if not node.visible:
                continue
            return node
        except Exception:
            pass
    return None


def find_all(root, name=None, role=None):
    found = []
    for node in walk(root):
        try:
            if (name is None or node.name == name) and (role is None or node.roleName == role) \
                    and node.visible:
                found.append(node)
        except Exception:
            pass
    return found


def click(node):
    """The accessible "click" action: what a screen reader does, and no pointer needed."""
    node.doActionNamed("click")
    time.sleep(0.5)


def pointer_click(node, window_id):
    """A real click at the middle of @node. GTK 4.8 reports coordinates in its window."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window_id],
                              capture_output=True, text=True).stdout
    origin = dict(line.split("=") for line in geometry.split())
    x = int(origin["X"]) + extents.x + extents.width // 2
    y = int(origin["Y"]) + extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], check=True)
    time.sleep(0.5)


def windows_of(pid):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                          capture_output=True, text=True).stdout.split()


def main():
    cycle = sys.argv[1]
    plan = sys.argv[2]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp = tempfile.mkdtemp(prefix="cycle-content-atspi-", dir=workdir)
    path = os.path.join(tmp, "plan.cycle")
    shutil.copyfile(plan, path)

    print("1..6", flush=True)
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    env.pop("GTK_A11Y", None)
    if os.environ.get("CYCLE_APP_G_DEBUG"):
        env["G_DEBUG"] = os.environ["CYCLE_APP_G_DEBUG"]
    app_process = subprocess.Popen([cycle, path], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        app = wait_for("the application on the accessibility bus",
                       lambda: find_app(app_process.pid))
        if not check("the application is on the accessibility bus", app is not None):
            return

        main_window = wait_for("its window", lambda: windows_of(app_process.pid))
        if main_window:
            main_window = main_window[0]
            subprocess.run(["xdotool", "windowfocus", "--sync", main_window], check=False)
        time.sleep(1.0)

        # The Content page, its board, and the "Add Content" button of the second stage.
        content_page = wait_for("the Content page's switcher button",
                                lambda: find(app, name="Content", role="page tab"))
        if content_page:
            click(content_page)
        add = wait_for("the board's button to add content to Subscribers",
                       lambda: find(app, name="Add Content to “Subscribers”"))
        if not check("the Content page shows the board's columns", add is not None):
            return
        click(add)

        # The editor opens with the new content's title selected: type over it, close it.
        editor = wait_for("the content editor", lambda: (lambda w: w if w and len(w) > 1
                                                         else None)(windows_of(app_process.pid)))
        if editor:
            subprocess.run(["xdotool", "windowfocus", "--sync", editor[-1]], check=False)
            time.sleep(0.5)
        type_text(TITLE)
        key("Escape")

        board = find(app, name="Board", role="table")
        card = wait_for("the new card on the board",
                        lambda: find(board, name=TITLE, role="panel"))
        check("a card for the new content is on the board, by its title", card is not None)

        # The table, searched by part of the title.
        if main_window:
            subprocess.run(["xdotool", "windowfocus", "--sync", main_window], check=False)
        table_page = wait_for("the Table switcher button",
                              lambda: find(app, name="Table", role="page tab"))
        if table_page:
            click(table_page)
        search = wait_for("the table's search entry",
                          lambda: find(app, name="Search Content"))
        if not check("the table shows its search entry", search is not None):
            return
        pointer_click(search, main_window)
        type_text("cold BREW")

        # The column view's rows only: the board, on its hidden page, shows the same titles.
        def one_row():
            rows = find(app, name="Content", role=("table", "tree table", "list"))
            counts = find(app, name="1 of 4 items", role="label")
            titles = find_all(rows, name=TITLE, role="label")
            others = find_all(rows, name="Monthly brewing letter", role="label")
            return rows is not None and counts and titles and not others

        found = wait_for("the table filtered to the new content", one_row)
        check("the search finds the new content in the table, and only it", bool(found))
        if not found:
            rows = find(app, name="Content", role=("table", "tree table", "list"))
            diag("rows: %r" % (rows and [n.name for n in find_all(rows, role="label")][:40]))
            diag([n.name for n in find_all(app, role="label") if "item" in n.name])

        # Saved where it was attached.
        key("ctrl+s")

        def saved():
            with open(path) as f:
                data = json.load(f)
            for stage in data.get("stages", []):
                for content in stage.get("content", []):
                    if content.get("title") == TITLE:
                        return stage["name"]
            return None

        stage = wait_for("the saved plan", saved)
        check("the saved plan has the content in the stage it was added to",
              stage == "Subscribers")
        if stage != "Subscribers":
            diag("found in: %r" % stage)
    finally:
        app_process.terminate()
        try:
            _, errors = app_process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            _, errors = app_process.communicate()
        if errors:
            sys.stderr.write(errors.decode(errors="replace"))
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
