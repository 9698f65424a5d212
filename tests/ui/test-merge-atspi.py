#!/usr/bin/python3
# test-merge-atspi.py: a plan changed on disk while edited in the window, merged, read back
# through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-merge-atspi.py CYCLE [WORKDIR]
#
# Opens a plan of two stages, adds a third in the window (Ctrl+Enter, F2, typing), then renames
# another stage in the file on disk, as a colleague's synced or pulled copy would: the window
# notices and asks; Merge brings both changes in, and one Undo returns to the plan as it was
# before the merge. Then both sides rename the same stage differently: the merge leaves a
# conflict, shown in the conflict list, which picking "Take Theirs" settles (the banner goes);
# one Undo brings the conflict back. Output: TAP.

import json
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, click_button, diag, find, focus_window, key,  # noqa: E402
                        plan, pointer_click, run, showing, shown_button, stages, start_app,
                        stop_app, type_text, wait_for, wait_for_app, write_plan)


def has(app, present, absent=()):
    s = set(stages(app))
    return s if set(present) <= s and not (set(absent) & s) else None


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="cycle-merge-atspi-", dir=workdir)
    path = os.path.join(tmp, "plan.cycle")
    write_plan(path, ["Visitors", "Leads"])

    plan(10)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return
        windows = focus_window(app_process)
        wait_for("the plan's stages", lambda: has(app, ["Visitors", "Leads"]))

        # Ours: a new stage
        key("ctrl+Return")
        key("F2")
        key("ctrl+a")
        type_text("Ours")
        key("Return")
        check("a stage added in the window",
              wait_for("the new stage", lambda: has(app, ["Ours"])) is not None)

        # Theirs: another stage renamed on disk
        write_plan(path, ["Visitors", "Theirs"])
        merged = click_button(app, "the changed-on-disk dialog's Merge", "Merge")
        found = wait_for("both changes", lambda: has(app, ["Ours", "Visitors", "Theirs"],
                                                     ["Leads"]))
        diag(sorted(stages(app)))
        check("Merge in the changed-on-disk dialog keeps both sides' changes",
              merged and found is not None)

        click_button(app, "the Undo button", "Undo")
        found = wait_for("the plan before the merge",
                         lambda: has(app, ["Ours", "Visitors", "Leads"], ["Theirs"]))
        diag(sorted(stages(app)))
        check("one Undo returns to the plan before the merge", found is not None)

        # Both sides rename the first stage: ours in the window…
        stage = wait_for("the stage Visitors", lambda: shown_button(app, "Visitors"))
        if stage is not None and windows:
            pointer_click(stage, windows[0])
        key("F2")
        key("ctrl+a")
        type_text("Mine")
        key("Return")
        renamed = wait_for("the stage renamed in the window", lambda: has(app, ["Mine"]))
        diag(sorted(stages(app)))
        check("a stage renamed in the window", renamed is not None)

        # … theirs on disk
        write_plan(path, ["Yours", "Theirs"])
        merged = click_button(app, "the changed-on-disk dialog's Merge", "Merge")
        theirs = wait_for("the conflict in the list",
                          lambda: shown_button(app, "Take Theirs: Yours"))
        check("the conflict is listed with both values",
              merged and theirs is not None
              and shown_button(app, "Keep Mine: Mine") is not None)
        banner = wait_for("the conflicts' banner", lambda: find(
            app, lambda n: n.roleName == "label" and showing(n)
            and n.name.startswith("This plan holds 1 conflict")))
        check("a banner says the plan holds a conflict", banner is not None)

        if theirs is not None:
            theirs.doActionNamed("click")
        found = wait_for("their name picked", lambda: has(app, ["Yours", "Ours"], ["Mine"]))
        settled = wait_for("the list emptied", lambda: find(
            app, lambda n: n.name == "No Conflicts" and showing(n)))
        gone = wait_for("the conflicts' banner to go", lambda: find(
            app, lambda n: n.roleName == "label" and showing(n)
            and n.name.startswith("This plan holds")) is None)
        diag(sorted(stages(app)))
        check("picking theirs settles the conflict: their value, no conflict, no banner",
              found is not None and settled is not None and gone)

        # Undo from the conflicts' window: the pick is one step
        key("ctrl+z")
        found = wait_for("the pick undone", lambda: has(app, ["Mine"], ["Yours"]))
        again = wait_for("the conflict back in the list",
                         lambda: shown_button(app, "Take Theirs: Yours"))
        check("one Undo takes the pick back, conflict and all",
              found is not None and again is not None)

        # Saved: the conflict is recorded in the file
        key("Escape")
        focus_window(app_process)
        key("ctrl+s")

        def saved():
            with open(path) as f:
                data = json.load(f)
            return data if "conflicts" in data and len(data["stages"]) == 3 else None

        data = wait_for("the saved plan", saved)
        if data is not None:
            diag(json.dumps(data.get("conflicts")))
        check("the saved plan records the conflict left",
              data is not None and data["conflicts"][0].get("field") == "name")
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
