#!/usr/bin/python3
# test-import-atspi.py: importing a content calendar from a spreadsheet's CSV, with its preview,
# through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-import-atspi.py CYCLE PLAN [WORKDIR]
#
# Starts CYCLE on a copy of PLAN (tests/data/samples/ui-sample.cycle) and writes beside it the
# calendar a French spreadsheet saves: a byte order mark, French column names in its own order,
# semicolons, a date typed 15/03/2027, a row naming a stage the plan does not have. On the
# Content page it presses "Import…", types the file's path into the file chooser, and reads the
# preview back: the sentence saying how many pieces will be added, each of them with its stage,
# and the row left out with why. Nothing is on the board before Import; after it, the two cards
# are; one Ctrl+Z takes both back out. Output: TAP.

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, focus_window, key, plan, run, start_app,  # noqa: E402
                        stop_app, temp_copy, type_text, wait_for, wait_for_app, walk)

CSV = ("\ufeffTitre;Échéance;Étape;Responsable\r\n"
       "Guide de dégustation;15/03/2027;Subscribers;Ana\r\n"
       "Atelier latte art;;Nulle part;\r\n"
       "Carte de fidélité;;Evangelists;Bob\r\n")
TITLES = ("Guide de dégustation", "Carte de fidélité")


def find(root, name=None, role=None, predicate=None):
    for node in walk(root, 60):
        try:
            if name is not None and node.name != name:
                continue
            if role is not None and node.roleName != role:
                continue
            if predicate is not None and not predicate(node):
                continue
            if not node.visible:
                continue
            return node
        except Exception:
            pass
    return None


def click(node):
    node.doActionNamed("click")
    time.sleep(0.3)


def window_named(app, title):
    for child in app.children:
        try:
            if child.name == title:
                return child
        except Exception:
            pass
    return None


def x_window(pid, title):
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name",
                          "^" + title + "$"], capture_output=True, text=True).stdout.split()
    return ids[-1] if ids else None


def cards(app):
    board = find(app, name="Board", role="table")
    return [title for title in TITLES if board and find(board, name=title, role="panel")]


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-import-atspi-", workdir)
    csv_path = os.path.join(tmp, "calendrier.csv")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write(CSV)

    plan(8)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        main_window = focus_window(app_process)

        content_page = wait_for("the Content page's switcher button",
                                lambda: find(app, name="Content", role="page tab"))
        if content_page:
            click(content_page)
        import_button = wait_for("the content page's Import button",
                                 lambda: find(app, name="Import…", role="push button"))
        if not check("the content page offers to import a calendar", import_button is not None):
            return
        click(import_button)

        # GTK's own file chooser (no portal here): typing a path opens its location entry.
        chooser = wait_for("the file chooser",
                           lambda: x_window(app_process.pid, "Import a Content Calendar"))
        if not check("Import asks for the file", chooser is not None):
            return
        subprocess.run(["xdotool", "windowfocus", "--sync", chooser], check=False)
        time.sleep(0.5)
        type_text(csv_path)
        key("Return")

        dialog = wait_for("the import dialog", lambda: window_named(app, "Import Content"))
        summary = dialog and wait_for("the preview's summary", lambda: find(
            dialog, role="label",
            predicate=lambda n: n.name.startswith("2 pieces of content will be added from "
                                                  "“calendrier.csv”")))
        added = dialog and find(dialog, name="Content to Add", role="list")
        rows = added and [find(added, name=t) for t in TITLES]
        stage_of_first = added and find(added, name="Subscribers · row 2")
        check("the preview says what will be added, each piece with its stage and row",
              summary is not None and rows and all(rows) and stage_of_first is not None)
        problems = dialog and find(dialog, name="Rows Not Read as They Are", role="list")
        problem = problems and find(problems, name="Row 3: the plan has no stage “Nulle part”; "
                                                   "left out")
        check("the preview says which row is left out, and why", problem is not None)
        if dialog and not (summary and problem):
            diag([n.name for n in walk(dialog, 40) if n.roleName == "label"][:20])
        check("nothing is added before Import", cards(app) == [])

        # GTK 4.8 names a button with a mnemonic "_Import Import" or "Import Import".
        button = dialog and find(dialog, role="push button",
                                 predicate=lambda n: n.name.split()[-1:] == ["Import"])
        if button:
            click(button)
        both = wait_for("the imported cards on the board", lambda: len(cards(app)) == 2)
        check("Import adds both pieces to the board", bool(both))

        # One undo step takes the whole import back.
        if main_window:
            subprocess.run(["xdotool", "windowfocus", "--sync", main_window[0]], check=False)
            time.sleep(0.5)
        key("ctrl+z")
        gone = wait_for("the cards gone after one undo", lambda: cards(app) == [] or None)
        check("one Ctrl+Z takes the whole import back", gone is not None)
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
