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
# typing, Enter), opens the link's editor from the stage's menu (Menu, "Link to “Leads”", "Edit
# Link…"), types its rate, finds the link in the stage editor's list, and saves (Ctrl+S). It
# reads the stages' and the link editor's accessible names back from the accessibility bus, and
# the link and its rate from the saved file. Output: TAP.

import json
import os
import shutil
import sys
import tempfile

# The shared helpers, from this directory; importing them configures dogtail (atspi_util.py).
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, find, focus_window, key, plan, run,  # noqa: E402
                        showing, stages, start_app, stop_app, type_text, wait_for,
                        wait_for_app, walk)


def link_editor(app):
    return find(app, lambda n: n.name == "Link Editor" and showing(n))


def unnamed_controls(root):
    """Roles of the controls under root that a screen reader would read without a name of their
    own (empty, or a class name)."""
    roles = ("push button", "toggle button", "spin button", "combo box", "check box", "text")
    found = []
    for node in walk(root, 30):
        try:
            if node.roleName in roles and showing(node):
                name = node.name or ""
                if not name or name.startswith(("Gtk", "Adw", "Cycle")):
                    found.append(node.roleName)
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

    plan(12)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return

        focus_window(app_process)

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

        # The link's editor, from the stage's menu: the keyboard reaches links, which are drawn.
        key("Menu")
        item = wait_for("the link in the stage's menu",
                        lambda: find(app, lambda n: n.name == "Link to “Leads”" and showing(n)))
        if item is not None:
            item.doActionNamed("click")
            edit = wait_for("“Edit Link…”",
                            lambda: find(app, lambda n: n.name == "Edit Link…" and showing(n)))
            if edit is not None:
                edit.doActionNamed("click")
        editor = wait_for("the link editor", lambda: link_editor(app))
        check("“Edit Link…” in the stage's menu opens the link's editor", editor is not None)
        unnamed = unnamed_controls(editor) if editor is not None else ["no editor"]
        diag("without a name: %s" % unnamed)
        check("every control of the link editor has a name of its own", not unnamed)
        rate = editor and find(editor, lambda n: n.roleName == "spin button"
                               and (n.name or "").startswith("Rate, in percent"))
        check("the rate field says it is a percentage", bool(rate))
        if rate:
            # The editor opens with the focus in the rate.
            key("ctrl+a")
            type_text("25")
            key("Return")
        key("Escape")
        wait_for("the link editor to close", lambda: link_editor(app) is None)

        # The stage editor lists the stage's links by name.
        key("Return")
        row = wait_for("the link in the stage editor's list", lambda: find(
            app, lambda n: n.name == "Next step to “Leads”" and n.roleName == "list item"
            and showing(n)))
        check("the stage editor lists the link by name", row is not None)

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
            check("the rate typed in the link's editor is saved", False)
            return
        ids = {stage["name"]: stage["id"] for stage in data["stages"]}
        links = [(link["from"], link["to"], link.get("kind")) for link in data.get("links", [])]
        diag(json.dumps(data, indent=1))
        link = [l for l in links if l[0] == ids.get("Visitors") and l[1] == ids.get("Leads")]
        check("the saved plan links the two stages", len(link) == 1)
        check("the link is a next step", len(link) == 1 and link[0][2] == "next")
        rates = [l.get("rate") for l in data.get("links", []) if l["from"] == ids.get("Visitors")]
        check("the rate typed in the link's editor is saved", rates == [0.25])
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
