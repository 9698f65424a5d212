#!/usr/bin/python3
# test-bulk-atspi.py: several rows of the content table selected and changed at once, and a row
# edited in place, by keyboard and mouse as a person would, through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-bulk-atspi.py CYCLE PLAN [WORKDIR]
#
# Starts CYCLE on a copy of PLAN (tests/data/samples/ui-sample.cycle: three pieces of content in
# Visitors and Subscribers) and opens the Content page's table. A click on the first row and
# Shift+Down twice select the three rows (AT-SPI reads them as selected), the bar under the table
# says "3 selected"; its Move To Stage menu moves all three to Evangelists, and one Ctrl+Z brings
# them all back; Set Status likewise. Then Escape clears the selection; F2 on a row, a new title
# and Tab go on to its stage, picked from a list by Down and Tab; Tab through persona and status
# reaches the due date, where 31/02/2027 is refused with a message and 2027-03-15 and Enter are
# taken; Ctrl+Z takes the date back. Output: TAP.

import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, find, focus_window, key, plan, pointer_click,  # noqa: E402
                        run, start_app, stop_app, temp_copy, type_text, wait_for,
                        wait_for_app, walk)

TITLES = ("The five-minute pour-over", "Grind size, explained", "Monthly brewing letter")
RENAMED = "Monthly brewing letter, shorter"


def shown(root, name=None, role=None, predicate=None):
    return find(root, lambda n: (name is None or n.name == name)
                and (role is None or n.roleName == role)
                and (predicate is None or predicate(n)) and n.visible, 60)


def click(node):
    node.doActionNamed("click")
    time.sleep(0.4)


TABLE = []  # the table's node, found once: walking the whole window each time is slow
PAGE = []   # the table's page: its filters, rows, bar, menus and cell editor


def page_of(app):
    """The node that holds the table, its bar and their popovers (the bar's parent)"""
    if not PAGE:
        bar = shown(app, name="Selected Content")
        if bar is None:
            return app
        PAGE.append(bar.parent)
    return PAGE[0]


def table_of(app):
    if not TABLE:
        node = shown(app, name="Content", role="tree table")
        if node is None:
            return None
        TABLE.append(node)
    return TABLE[0]


def row(app, title):
    table = table_of(app)
    return table and find(table, lambda n: n.name == title and n.roleName == "table row", 3)


def cells(app, title):
    """The texts of a row's cells, in the order of the columns"""
    node = row(app, title)
    return [n.name for n in walk(node, 6) if n.roleName == "label"] if node else []


def selected_rows(app):
    import pyatspi
    table = table_of(app)
    return [n.name for n in walk(table, 3) if n.roleName == "table row"
            and n.getState().contains(pyatspi.STATE_SELECTED)] if table else []


def stages(app):
    return [(cells(app, t) + ["", ""])[1] for t in TITLES]


def pick_from_menu(app, window, button, item):
    """Opens the bar's menu button by a click and clicks an item of its menu."""
    node = wait_for(button, lambda: shown(page_of(app), name=button))
    if node is None:
        return False
    pointer_click(node, window[0])
    entry = wait_for(item, lambda: shown(page_of(app), name=item, role="menu item"))
    if entry is None:
        return False
    click(entry)
    return True


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-bulk-atspi-", workdir)

    plan(11)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        window = focus_window(app_process)

        click(wait_for("the Content page", lambda: shown(app, name="Content", role="page tab")))
        click(wait_for("the Table", lambda: shown(app, name="Table", role="page tab")))
        first = wait_for("the table's first row", lambda: row(app, TITLES[0]))
        if not check("the table shows the plan's content", first is not None and window):
            return

        # A click, then Shift+Down twice: three rows
        pointer_click(first, window[0])
        key("shift+Down", "shift+Down")
        three = wait_for("three selected rows", lambda: len(selected_rows(app)) == 3)
        count = wait_for("the count", lambda: shown(page_of(app), name="3 selected", role="label"))
        check("Shift+Down selects rows; AT-SPI reads them as selected and the bar counts them",
              three and count is not None)
        if not three:
            diag(selected_rows(app))

        before = stages(app)
        moved = pick_from_menu(app, window, "Move To Stage", "Evangelists") and wait_for(
            "the rows in Evangelists", lambda: stages(app) == ["Evangelists"] * 3)
        check("Move To Stage moves all the selected rows", moved)
        if not moved:
            diag(stages(app))
        key("ctrl+z")
        back = wait_for("the rows back", lambda: stages(app) == before)
        check("one Ctrl+Z brings all of them back", back)

        statuses = pick_from_menu(app, window, "Set Status", "Idea") and wait_for(
            "three ideas", lambda: [(cells(app, t) + [""] * 6)[5] for t in TITLES]
            == ["Idea"] * 3)
        check("Set Status sets the status of all the selected rows", statuses)
        key("ctrl+z")

        # In place: F2, a title, Tab to the stage, Down and Tab to pick the next one
        key("Escape")
        none = wait_for("no selection", lambda: selected_rows(app) == [] or None)
        check("Escape clears the selection", none is not None)
        pointer_click(row(app, TITLES[2]), window[0])
        key("F2")
        type_text(RENAMED)
        key("Tab")
        stage_list = wait_for("the stage list",
                              lambda: shown(page_of(app), name="Stage", role="list"))
        key("Down", "Tab")
        renamed = wait_for("the renamed row", lambda: row(app, RENAMED))
        check("F2, a title and Tab rename the row and go on to its stage, picked with Down and "
              "Tab", stage_list is not None and renamed is not None
              and (cells(app, RENAMED) + ["", ""])[1] == "Evangelists")

        # Tab through persona and status to the due date: a date that does not exist is said
        key("Tab")
        key("Tab")
        type_text("31/02/2027")
        key("Tab")
        problem = wait_for("the date's problem", lambda: shown(
            page_of(app), role="label", predicate=lambda n: "31/02/2027" in n.name))
        check("a date that cannot be read is said where it was typed", problem is not None)
        key("ctrl+a")
        type_text("2027-03-15")
        key("Return")
        due = wait_for("the due date", lambda: (cells(app, RENAMED) + [""] * 7)[6]
                       == "15 Mar 2027")
        check("the due date is taken as typed", due)
        key("ctrl+z")
        undone = wait_for("no due date", lambda: (cells(app, RENAMED) + [""] * 7)[6] == "")
        check("Ctrl+Z takes the date back, and only it", undone
              and (cells(app, RENAMED) + ["", ""])[1] == "Evangelists")
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
