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
import time

# The shared helpers, from this directory; importing them configures dogtail (atspi_util.py).
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, focus_window, key, plan, pointer_click,  # noqa: E402
                        run, start_app, stop_app, temp_copy, type_text, wait_for, wait_for_app,
                        walk)

TITLE = "Cold brew club invitation"


# GTK 4.8 does not report the "showing" state of every widget: go by "visible".
def find(root, name=None, role=None):
    for node in walk(root, 60):
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
    for node in walk(root, 60):
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


def windows_of(pid):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                          capture_output=True, text=True).stdout.split()


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-content-atspi-", workdir)

    plan(6)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return

        main_window = focus_window(app_process)
        if main_window:
            main_window = main_window[0]

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
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
