#!/usr/bin/python3
# test-clipboard-atspi.py: stages copied in one Cycle and pasted in another Cycle process, by
# mouse and keys as a person does, read back from the accessibility bus and the saved file
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-clipboard-atspi.py CYCLE PLAN
#
# Starts CYCLE on a copy of PLAN (on the test's bus, read through AT-SPI), clicks its first
# stage, selects every stage (Ctrl+A) and copies them (Ctrl+C). Starts a second CYCLE, on a
# session bus of its own (Cycle is a single-instance application: on the same bus the second
# start would only open a window of the first), on an empty plan, gives it the keyboard, pastes
# (Ctrl+V on the empty plan) and saves (Ctrl+S): the saved file holds the stages of PLAN with
# their content, links and personas, under new ids. Ctrl+Z and Ctrl+S again: the file is empty
# of stages again, the paste was one undo step. Output: TAP.

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The shared helpers, from this directory; importing them configures dogtail (atspi_util.py).
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, focus_window, key, plan, pointer_click, run,  # noqa: E402
                        start_app, stop_app, wait_for, wait_for_app, walk)

TITLE = "Pasted Into"


def stage_node(app, name):
    for node in walk(app, 40):
        try:
            if node.roleName == "push button" and node.name == name and \
               (node.description or "").startswith(("Internal funnel", "Buyer")):
                return node
        except Exception:
            pass
    return None


def read_plan(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def summary(data):
    """What must survive the trip: per stage its name and content titles, the links by stage
    names, the personas' names."""
    names = {s["id"]: s["name"] for s in data["stages"]}
    return {
        "stages": [(s["name"], [c["title"] for c in s.get("content", [])])
                   for s in data["stages"]],
        "links": sorted((names[link["from"]], names[link["to"]], link["kind"])
                        for link in data["links"]),
        "personas": sorted(p["name"] for p in data["personas"]),
    }


def main():
    cycle, source = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="cycle-clipboard-atspi-")
    first_path = os.path.join(tmp, "first.cycle")
    second_path = os.path.join(tmp, "second.cycle")
    shutil.copyfile(source, first_path)
    with open(second_path, "w") as f:
        json.dump({"format": "org.example.Cycle", "version": 1, "title": TITLE,
                   "personas": [], "stages": [], "links": []}, f)
    with open(source) as f:
        expected = summary(json.load(f))

    plan(6)
    first = start_app([cycle, first_path])
    second = None
    other = None
    try:
        app = wait_for_app(first)
        if not check("the first Cycle is on the accessibility bus", app is not None):
            return
        window = focus_window(first)
        name = expected["stages"][0][0]
        node = wait_for("its first stage", lambda: stage_node(app, name))
        if not check("the first Cycle shows its stages", node is not None and window):
            return
        pointer_click(node, window[0])
        key("ctrl+a")
        key("ctrl+c")

        # The second Cycle: its own session bus, so that it is a process of its own.
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none")
        if os.environ.get("CYCLE_APP_G_DEBUG"):
            env["G_DEBUG"] = os.environ["CYCLE_APP_G_DEBUG"]
        second = subprocess.Popen(["dbus-run-session", "--", cycle, second_path], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        other = wait_for("the second Cycle's window", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", TITLE],
            capture_output=True, text=True).stdout.split())
        if not check("the second Cycle shows its window", other):
            return
        subprocess.run(["xdotool", "windowfocus", "--sync", other[0]], check=False)
        time.sleep(1.0)

        key("ctrl+v")
        key("ctrl+s")
        pasted = wait_for("the pasted stages saved", lambda: (
            lambda d: d if d and len(d["stages"]) == len(expected["stages"]) else None)(
                read_plan(second_path)))
        got = summary(pasted) if pasted else None
        if got != expected:
            diag("expected %r" % (expected,))
            diag("got      %r" % (got,))
        check("the second Cycle saved the stages, their content, links and personas",
              got == expected)
        original_ids = {s["id"] for s in read_plan(first_path)["stages"]}
        check("the pasted stages have ids of their own",
              pasted is not None and not original_ids & {s["id"] for s in pasted["stages"]})

        key("ctrl+z")
        key("ctrl+s")
        undone = wait_for("the undo saved", lambda: (
            lambda d: d if d is not None and not d["stages"] else None)(read_plan(second_path)))
        check("one undo takes the whole paste back",
              undone is not None and not undone["personas"] and not undone["links"])
    finally:
        if second is not None:
            # The application, then its bus ends with it.
            if other:
                pid = subprocess.run(["xdotool", "getwindowpid", other[0]],
                                     capture_output=True, text=True).stdout.strip()
                if pid.isdigit():
                    os.kill(int(pid), signal.SIGTERM)
            try:
                second.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                second.kill()
                second.communicate()
        stop_app(first)
        shutil.rmtree(tmp, ignore_errors=True)


run(main)
