#!/usr/bin/python3
# test-names-atspi.py: what a screen reader hears, on every page: no control named after its
# GTK class, no mnemonic read twice
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-names-atspi.py CYCLE SAMPLE
#
# Opens a copy of SAMPLE, shows each page with Alt+1…5, walks the whole accessible tree of the
# window (GTK 4.8 puts every page in it, shown or not), then again with the content table and
# with the stage editor shown (their rows and fields are made when they first show). On the
# way, Ctrl+F on the board must show the table with the keyboard in its search. A node fails when its
# name is a class name ("GtkImage", "GtkMenuButton", "GtkToggleButton"…) and a screen reader
# announces it as a control (it takes the focus, or its role is a control's), or when its name
# repeats a mnemonic label ("_Overdue Overdue"). Class-named decoration (fillers, scroll bars,
# the icons inside named buttons) is counted in a diagnostic. Output: TAP.

import os
import re
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_util  # noqa: E402
from atspi_util import (check, diag, focus_window, key, plan, run,  # noqa: E402
                        start_app, stop_app, temp_copy, wait_for, wait_for_app)
import pyatspi  # noqa: E402  (after atspi_util, which may start the test again first)

CLASS_NAME = re.compile(r"^(Gtk|Adw|Cycle)[A-Z][A-Za-z]*$")
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item", "page tab",
    "link", "combo box", "spin button", "text", "slider", "entry", "password text",
    "page tab list",
}
PAGES = ["Plan", "Content", "Checks", "Projection", "Purpose"]


def mnemonic_twice(name):
    """"_Overdue Overdue": GTK 4.8 reads a mnemonic label's text after its markup."""
    if "_" not in name:
        return False
    words = name.split(" ")
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        if "_" in first and first.replace("_", "") == second:
            return True
    return False


def walk(node, path=(), depth=0):
    yield node, path
    if depth > 80:
        return
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        try:
            label = "%s[%s]" % (child.roleName, (child.name or "")[:30])
        except Exception:
            continue
        yield from walk(child, path + (label,), depth + 1)


def audit(app, where):
    """Walks app's tree; returns the list of failures, as paths."""
    failures = []
    decoration = 0
    roles = {}
    for node, path in walk(app):
        try:
            name = node.name or ""
            if not mnemonic_twice(name) and not CLASS_NAME.match(name):
                continue  # a real name: no more round trips over the bus
            role = node.roleName
            focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
        except Exception:  # gone while we read it
            continue
        if mnemonic_twice(name):
            failures.append(" > ".join(path[-4:]))
        elif CLASS_NAME.match(name):
            if focusable or role in CONTROL_ROLES:
                failures.append(" > ".join(path[-4:]))
            else:
                decoration += 1
                roles[role] = roles.get(role, 0) + 1
    diag("%s: %d class-named decorations (not announced): %s" % (
        where, decoration, ", ".join("%s %d" % kv for kv in sorted(roles.items()))))
    for failure in failures:
        diag("%s: %s" % (where, failure))
    return failures


def page_tab(app, title):
    return atspi_util.find(app, lambda n: n.roleName == "page tab" and n.name == title,
                           max_depth=60)


def selected(node):
    return node is not None and node.getState().contains(pyatspi.STATE_SELECTED)


def main():
    cycle = sys.argv[1]
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-names-atspi-")

    plan(len(PAGES) + 5)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        focus_window(app_process)

        for number, title in reversed(list(enumerate(PAGES, start=1))):
            key("alt+%d" % number)
            shown = wait_for("the %s page" % title, lambda: selected(page_tab(app, title)))
            check("Alt+%d shows the %s page" % (number, title), shown)
        check("every page names its controls", not audit(app, "Pages"))

        # Ctrl+F on the board shows the content table with the keyboard in its search
        key("alt+2")
        wait_for("the Content page", lambda: selected(page_tab(app, "Content")))
        key("ctrl+f")
        search = wait_for("the focused search", lambda: atspi_util.find(
            app, lambda n: n.name == "Search Content"
            and n.getState().contains(pyatspi.STATE_FOCUSED), max_depth=60))
        check("Ctrl+F on the board focuses the table's search",
              search is not None and selected(page_tab(app, "Table")))
        check("the content table names its controls", not audit(app, "Table"))

        key("alt+1")
        wait_for("the Plan page", lambda: selected(page_tab(app, "Plan")))
        key("F9")
        check("the stage editor names its controls", not audit(app, "Stage editor"))
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
