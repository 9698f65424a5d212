#!/usr/bin/python3
# test-board-keys-atspi.py: the content board by Tab and Shift+Tab, as a screen reader hears it
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-board-keys-atspi.py CYCLE PLAN [WORKDIR]
#
# Starts CYCLE on a copy of PLAN (tests/data/samples/ui-sample.cycle), shows the Content page's
# board (accessible "click" actions), then presses Tab (plain `xdotool`) and listens to what
# takes the focus each time: the first column's Add button, its entry, then each of its cards
# heard by its title ("The five-minute pour-over", "Grind size, explained"), then the next
# column's Add button, entry and card ("Monthly brewing letter"). No card's menu button ("Content
# Menu") is a stop. Shift+Tab goes back card by card. Output: TAP.

import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, find, find_node, focus_window, key, plan, run,  # noqa: E402
                        start_app, stop_app, temp_copy, wait_for, wait_for_app)

import pyatspi  # noqa: E402

CARDS = ["The five-minute pour-over", "Grind size, explained", "Monthly brewing letter"]


def focused(app):
    """The name of the node that has the keyboard focus, or None."""
    node = find(app, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED), 60)
    return node.name if node is not None else None


def press_and_listen(app, keys, previous):
    """Presses keys, then waits for the focus to move from previous; returns its new name."""
    key(keys)
    name = wait_for("the focus to move on from %r" % previous,
                    lambda: (lambda n: n if n is not None and n != previous else None)(
                        focused(app)), timeout=10)
    return name


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "plan.cycle", "cycle-board-keys-atspi-", workdir)

    plan(6)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        focus_window(app_process)

        content_page = wait_for("the Content page's switcher button",
                                lambda: find_node(app, "Content", "page tab"))
        if content_page:
            content_page.doActionNamed("click")
        board_page = wait_for("the Board switcher button",
                              lambda: find_node(app, "Board", "page tab"))
        if board_page:
            board_page.doActionNamed("click")
        wait_for("the first card", lambda: find_node(app, CARDS[0]))

        # Tab until the first card is heard: the stops on the way, then the cards in order
        heard = []
        name = None
        for _ in range(40):
            name = press_and_listen(app, "Tab", name)
            if name is None:
                break
            heard.append(name)
            if name == CARDS[-1]:
                break
        diag("heard: %r" % heard)
        check("Tab reaches every card, each heard by its title",
              all(card in heard for card in CARDS))
        if not all(card in heard for card in CARDS):
            return
        first = heard.index(CARDS[0])
        check("before the first card: its column's Add button, then its entry",
              first >= 2 and heard[first - 2] == "Add Content to “Visitors”")
        check("the cards of a column follow one another, the next column's Add button and "
              "entry come before its card",
              heard[first + 1] == CARDS[1] and heard[first + 2] == "Add Content to “Subscribers”"
              and heard[first + 4] == CARDS[2])
        check("no card's menu button is a stop of Tab", "Content Menu" not in heard)

        # Shift+Tab: back the way it came
        back = []
        name = CARDS[-1]
        for _ in range(4):
            name = press_and_listen(app, "shift+Tab", name)
            back.append(name)
        diag("back: %r" % back)
        check("Shift+Tab goes back through the same stops, to the card before",
              back == [heard[first + 3], heard[first + 2], CARDS[1], CARDS[0]])
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
