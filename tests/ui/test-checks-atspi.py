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
import tempfile
import time

# G_DEBUG=fatal-warnings is for the application (see test-canvas-atspi.py).
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
CONTENT = "Newsletter pop-up on the home page"

results = []


def diag(message):
    for line in str(message).splitlines():
        print("# " + line, flush=True)


def check(description, ok):
    results.append(bool(ok))
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


def find(app, predicate):
    for node in walk(app):
        try:
            if predicate(node):
                return node
        except Exception:
            pass
    return None


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
    sample = sys.argv[2]
    workdir = sys.argv[3] if len(sys.argv) > 3 else None
    tmp = tempfile.mkdtemp(prefix="cycle-checks-atspi-", dir=workdir)
    path = os.path.join(tmp, "coffee-club.cycle")
    shutil.copy(sample, path)

    print("1..8", flush=True)
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

        window = wait_for("its window", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(app_process.pid)],
            capture_output=True, text=True).stdout.split())
        if window:
            subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
        time.sleep(1.0)
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
        subprocess.run(["xdotool", "key", "ctrl+s"], check=True)

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
