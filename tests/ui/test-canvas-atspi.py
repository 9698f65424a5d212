#!/usr/bin/python3
# test-canvas-atspi.py: drawing a plan with the keyboard alone, read back through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-canvas-atspi.py CYCLE [WORKDIR]
#
# Starts CYCLE on an empty plan file, then with keys only (plain `xdotool key`, which GTK takes
# as real input): adds a stage (Ctrl+Enter), names it (F2, typing, Enter), adds a second one
# and names it, goes back to the first (Left), links it to the second ("Connect to…": Ctrl+L,
# typing, Enter), and saves (Ctrl+S). It reads the stages' accessible names and descriptions
# back from the accessibility bus, and the link from the saved file. Output: TAP.

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

from dogtail import tree  # noqa: E402  (after the configuration, as dogtail requires)

TIMEOUT = 20.0

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
    if depth > 40:
        return
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def stages(app):
    """Stage widgets: buttons whose description tells their lane and content."""
    found = {}
    for node in walk(app):
        try:
            description = node.description or ""
            if node.roleName == "push button" and (description.startswith("Internal funnel")
                                                   or description.startswith("Buyer")):
                found[node.name] = description
        except Exception:
            pass
    return found


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="cycle-atspi-", dir=workdir)
    path = os.path.join(tmp, "plan.cycle")
    with open(path, "w") as f:
        json.dump({"format": "org.example.Cycle", "version": 1,
                   "personas": [], "stages": [], "links": []}, f)

    print("1..7", flush=True)
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

        # The window takes the keyboard (no window manager here to give it).
        window = wait_for("its window", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(app_process.pid)],
            capture_output=True, text=True).stdout.split())
        if window:
            subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
        time.sleep(1.0)

        # Two stages, by keys only.
        key("ctrl+Return")
        key("F2")
        key("ctrl+a")
        type_text("Visitors")
        key("Return")
        key("ctrl+Return")
        key("F2")
        key("ctrl+a")
        type_text("Leads")
        key("Return")

        found = wait_for("two named stages",
                         lambda: (lambda s: s if {"Visitors", "Leads"} <= set(s) else None)(
                             stages(app)))
        check("two stages named by keyboard are read back by name", found is not None)
        if found:
            diag(found)
            check("a stage's description says its lane and content",
                  found.get("Visitors", "").startswith("Internal funnel, 0 items"))
        else:
            check("a stage's description says its lane and content", False)

        # Back to the first (the nearest stage to the left), and link it to the second.
        key("Left")
        key("ctrl+l")
        type_text("Lead")
        key("Return")

        linked = wait_for("the link in the first stage's description",
                          lambda: "next step to Leads" in stages(app).get("Visitors", ""))
        check("the first stage's description names its link to the second", bool(linked))
        diag(stages(app))

        # Saved to the file it was opened from.
        key("ctrl+s")

        def saved():
            with open(path) as f:
                data = json.load(f)
            return data if len(data.get("stages", [])) == 2 else None

        data = wait_for("the saved plan", saved)
        check("Ctrl+S saved the plan", data is not None)
        if data is None:
            check("the saved plan links the two stages", False)
            check("the link is a next step", False)
            return
        ids = {stage["name"]: stage["id"] for stage in data["stages"]}
        links = [(link["from"], link["to"], link.get("kind")) for link in data.get("links", [])]
        diag(json.dumps(data, indent=1))
        link = [l for l in links if l[0] == ids.get("Visitors") and l[1] == ids.get("Leads")]
        check("the saved plan links the two stages", len(link) == 1)
        check("the link is a next step", len(link) == 1 and link[0][2] == "next")
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
