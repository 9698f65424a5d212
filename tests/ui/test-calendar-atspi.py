#!/usr/bin/python3
# test-calendar-atspi.py: the content calendar through AT-SPI, as a screen reader user meets it
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-calendar-atspi.py CYCLE PLAN [WORKDIR]
#
# Starts CYCLE on a copy of PLAN (data/samples/coffee-club.cycle), goes to the Content page and
# its Calendar (accessible "click" actions), steps with Previous and Next to December 2026 (from
# whatever month today is), finds "Grind size, explained with one picture" among the items of
# the day heard as "Tuesday 1 December 2026, 2 items", selects it (its "click" action) and
# presses Alt+Right (plain `xdotool`): the item is then heard on Wednesday 2 December and no
# longer on the 1st. Ctrl+Z puts it back on the 1st. The copy is a launch campaign starting on
# 28 November 2026 (Visitors: 3 days in stage, then Leads: 14): the days of December are heard
# with the stage whose window holds them (the 1st opens Leads' window). Output: TAP.

import json
import os
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, focus_window, key, plan, run, start_app,  # noqa: E402
                        stop_app, temp_copy, wait_for, wait_for_app, walk)

TITLE = "Grind size, explained with one picture"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def find(root, predicate, depth=60):
    for node in walk(root, depth):
        try:
            if predicate(node):
                return node
        except Exception:
            pass
    return None


def named(name, role=None):
    return lambda n: n.name == name and (role is None or n.roleName == role)


def click(node):
    node.doActionNamed("click")
    time.sleep(0.5)


def shown_month(app):
    label = find(app, lambda n: n.roleName == "label" and
                 re.fullmatch(r"(%s) \d{4}" % "|".join(MONTHS), n.name or ""))
    if label is None:
        return None
    month, year = label.name.split()
    return int(year) * 12 + MONTHS.index(month)


def day_node(app, prefix):
    return find(app, lambda n: (n.name or "").startswith(prefix) and n.childCount > 0)


def item_in(day):
    if day is None:
        return None
    return find(day, lambda n: (n.name or "").startswith(TITLE + ", stage "), 6)


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-calendar-atspi-", workdir)
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    document["campaign_start"] = "2026-11-28"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)

    plan(7)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        focus_window(app_process)

        content_page = wait_for("the Content page's switcher button",
                                lambda: find(app, named("Content", "page tab")))
        if content_page:
            click(content_page)
        calendar_page = wait_for("the Calendar switcher button",
                                 lambda: find(app, named("Calendar", "page tab")))
        if calendar_page:
            click(calendar_page)
        month = wait_for("the calendar's month", lambda: shown_month(app))
        if not check("the Calendar shows a month", month is not None):
            return

        # To December 2026, a month at a time
        target = 2026 * 12 + 11
        while month is not None and month != target:
            button = find(app, named("Next" if month < target else "Previous", "push button"))
            if button is None:
                break
            expected = month + (1 if month < target else -1)
            click(button)
            month = wait_for("month %d" % expected,
                             lambda: shown_month(app) if shown_month(app) == expected else None)
        check("Previous and Next reach December 2026", month == target)

        first = wait_for("1 December and its items",
                         lambda: day_node(app, "Tuesday 1 December 2026, Leads stage, 2 items"))
        check("1 December is heard in the campaign's Leads stage, 30 November in Visitors",
              first is not None and
              find(app, lambda n: (n.name or "") == "Monday 30 November 2026, Visitors stage")
              is not None)
        item = item_in(first)
        if not check("the item is heard among the items of Tuesday 1 December", item is not None):
            return

        # Selected, then Alt+Right: a day later
        click(item)
        key("alt+Right")
        moved = wait_for("the item on 2 December",
                         lambda: item_in(day_node(app, "Wednesday 2 December 2026, "
                                                  "Leads stage, 1 item")))
        check("Alt+Right moves it to Wednesday 2 December, and only there",
              moved is not None and
              item_in(day_node(app, "Tuesday 1 December 2026, Leads stage, 1 item")) is None)

        key("ctrl+z")
        back = wait_for("the item back on 1 December",
                        lambda: item_in(day_node(app, "Tuesday 1 December 2026, "
                                                 "Leads stage, 2 items")))
        check("Undo puts it back on Tuesday 1 December", back is not None)
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
