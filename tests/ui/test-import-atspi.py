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
# are; one Ctrl+Z takes both back out. Then it clicks into the entry at the top of a column and
# types two titles, each followed by Enter: two cards; Tab to the first card, F2, a new title
# and Enter rename it in place. Output: TAP.

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, find, focus_window, key, plan, pointer_click,  # noqa: E402
                        run, start_app, stop_app, temp_copy, type_text, wait_for,
                        wait_for_app, walk, window_named)

CSV = ("\ufeffTitre;Échéance;Étape;Responsable\r\n"
       "Guide de dégustation;15/03/2027;Subscribers;Ana\r\n"
       "Atelier latte art;;Nulle part;\r\n"
       "Carte de fidélité;;Evangelists;Bob\r\n")
TITLES = ("Guide de dégustation", "Carte de fidélité")
TYPED = ("Referral thank-you", "Ambassador kit")
RENAMED = "Referral thank-you note"


def shown(root, name=None, role=None, predicate=None):
    """The first node under root with that name, role and predicate that GTK 4.8 says is
    visible (it does not report "showing" for every widget)."""
    return find(root, lambda n: (name is None or n.name == name)
                and (role is None or n.roleName == role)
                and (predicate is None or predicate(n)) and n.visible, 60)


def click(node):
    node.doActionNamed("click")
    time.sleep(0.3)



def x_window(pid, title):
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name",
                          "^" + title + "$"], capture_output=True, text=True).stdout.split()
    return ids[-1] if ids else None


def cards(app):
    board = shown(app, name="Board", role="table")
    return [title for title in TITLES if board and shown(board, name=title, role="panel")]


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-import-atspi-", workdir)
    csv_path = os.path.join(tmp, "calendrier.csv")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write(CSV)

    plan(10)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        main_window = focus_window(app_process)

        content_page = wait_for("the Content page's switcher button",
                                lambda: shown(app, name="Content", role="page tab"))
        if content_page:
            click(content_page)
        import_button = wait_for("the content page's Import button",
                                 lambda: shown(app, name="Import…", role="push button"))
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
        summary = dialog and wait_for("the preview's summary", lambda: shown(
            dialog, role="label",
            predicate=lambda n: n.name.startswith("2 pieces of content will be added from "
                                                  "“calendrier.csv”")))
        added = dialog and shown(dialog, name="Content to Add", role="list")
        rows = added and [shown(added, name=t) for t in TITLES]
        stage_of_first = added and shown(added, name="Subscribers · row 2")
        check("the preview says what will be added, each piece with its stage and row",
              summary is not None and rows and all(rows) and stage_of_first is not None)
        problems = dialog and shown(dialog, name="Rows Not Read as They Are", role="list")
        problem = problems and shown(
            problems, name="Row 3: the plan has no stage “Nulle part”; left out")
        check("the preview says which row is left out, and why", problem is not None)
        if dialog and not (summary and problem):
            diag([n.name for n in walk(dialog, 40) if n.roleName == "label"][:20])
        check("nothing is added before Import", cards(app) == [])

        # GTK 4.8 names a button with a mnemonic "_Import Import" or "Import Import".
        button = dialog and shown(dialog, role="push button",
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

        # Typed titles: a click into the column's entry, then a title and Enter for each.
        entry = shown(app, name="New Content Title for “Evangelists”")
        if entry and main_window:
            pointer_click(entry, main_window[0])
        for title in TYPED:
            type_text(title)
            key("Return")
        board = shown(app, name="Board", role="table")
        typed = wait_for("the typed cards", lambda: all(
            shown(board, name=t, role="panel") for t in TYPED))
        check("a title typed at the top of a column and Enter adds a card, one after the other",
              bool(typed))

        # F2 on a card renames it in place: Tab from the entry reaches the column's cards.
        key("Tab")
        key("F2")
        type_text(RENAMED)
        key("Return")
        renamed = wait_for("the renamed card", lambda: shown(board, name=RENAMED, role="panel"))
        check("F2 on a card renames it in place", renamed is not None)
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
