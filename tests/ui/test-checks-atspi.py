#!/usr/bin/python3
# test-checks-atspi.py: following a permission warning to its content and fixing it, over AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-checks-atspi.py CYCLE SAMPLE [WORKDIR]
#
# Opens a copy of SAMPLE (data/samples/coffee-club.cycle), goes to the Checks page, finds the
# warning about "Newsletter pop-up on the home page" (an e-mail address asked at Visitors),
# activates it (the Content page shows the content), goes back, clicks its fix button, checks
# that the warning is gone and that the saved file (Ctrl+S) has the content moved or its ask
# lowered. With CYCLE_SCREENSHOT_DIR set, it also takes screenshots of the pages. Output: TAP.

import json
import os
import shutil
import subprocess
import sys
import time

# The shared helpers, from this directory; importing them configures dogtail (atspi_util.py).
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_util  # noqa: E402
from atspi_util import (check, diag, focus_window, key, plan, run,  # noqa: E402
                        start_app, stop_app, temp_copy, wait_for, wait_for_app)
import pyatspi  # noqa: E402  (after atspi_util, which may start the test again first)

CONTENT = "Newsletter pop-up on the home page"


def find(app, predicate):
    """Deeper than atspi_util's default: the pages' lists nest further."""
    return atspi_util.find(app, predicate, max_depth=60)


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def page_button(app, title):
    """A view switcher's tab for one of the window's pages (GTK 4.8 reports no "showing" state:
    the header bar's and the bottom bar's switchers both have one; either does)."""
    return find(app, lambda n: n.roleName == "page tab" and n.name == title)


def go_to_page(app, title):
    button = wait_for("the %s page button" % title, lambda: page_button(app, title))
    if button is None:
        return False
    button.doActionNamed("click")
    return wait_for("the %s page" % title, lambda: selected(page_button(app, title)))


def warning_button(app):
    """The finding's message, a button in the findings panel: "Warning: “Newsletter…”…"."""
    return find(app, lambda n: n.roleName == "push button" and CONTENT in (n.name or "")
                and (n.name or "").startswith("Warning"))


def fix_button(app):
    """The finding's fix: its description is the finding."""
    return find(app, lambda n: n.roleName == "push button" and CONTENT in (n.description or "")
                and (n.description or "").startswith("Warning"))


def screenshot(name):
    directory = os.environ.get("CYCLE_SCREENSHOT_DIR")
    if directory:
        time.sleep(1.0)
        subprocess.run(["import", "-window", "root", os.path.join(directory, name)], check=False)


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp, path = temp_copy(sys.argv[2], "coffee-club.cycle", "cycle-checks-atspi-", workdir)

    plan(8)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return

        window = focus_window(app_process)
        screenshot("plan.png")

        check("the Checks page opens", go_to_page(app, "Checks"))
        warning = wait_for("the warning about the pop-up", lambda: warning_button(app))
        if not check("the Checks page lists the warning about the pop-up", warning is not None):
            return
        diag(warning.name)
        screenshot("checks.png")

        # Activating the warning shows its content on the Content page.
        warning.doActionNamed("click")
        shown = wait_for("the content page", lambda: selected(page_button(app, "Content")))
        content = wait_for("the content shown", lambda: find(
            app, lambda n: CONTENT == (n.name or "") and n.roleName != "push button"))
        check("activating the warning shows its content", shown and content is not None)
        screenshot("content.png")

        # Back to the warning, and its fix.
        go_to_page(app, "Checks")
        fix = wait_for("the fix button", lambda: fix_button(app))
        if not check("the warning has a fix button", fix is not None):
            return
        diag("fix: " + fix.name)
        fix.doActionNamed("click")
        gone = wait_for("the warning to go", lambda: warning_button(app) is None)
        check("the fix makes the warning go", gone)
        screenshot("checks-fixed.png")

        if os.environ.get("CYCLE_SCREENSHOT_DIR"):
            go_to_page(app, "Purpose")
            screenshot("purpose.png")
            go_to_page(app, "Plan")
            screenshot("plan-after.png")

        # Saved to the file it was opened from.
        if window:
            subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
        key("ctrl+s")

        def saved():
            with open(path) as f:
                data = json.load(f)
            for stage in data["stages"]:
                for item in stage.get("content", []):
                    if item["title"] == CONTENT:
                        if stage["name"] != "Visitors" or item.get("commitment") != "email":
                            return (stage["name"], item.get("commitment"))
            return None

        fixed = wait_for("the saved plan", saved)
        check("Ctrl+S saved the fix", fixed is not None)
        if fixed:
            diag("saved: %s at %s" % (fixed[1], fixed[0]))
        check("the content was moved on or asks less",
              fixed is not None and (fixed[0] != "Visitors" or fixed[1] in ("none", "read",
                                                                            "follow")))
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
