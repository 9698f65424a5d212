#!/usr/bin/python3
# test-synced-copy-atspi.py: a synced folder's conflicted copies of the open plan, offered for
# merge, read back through AT-SPI
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-headless.sh --a11y /usr/bin/python3 test-synced-copy-atspi.py CYCLE [WORKDIR]
#
# Opens a plan beside a Nextcloud "conflicted copy" of it (another stage name): a banner offers
# the merge; Merge brings the copy's change in, then Move to Trash takes the copy out of the
# folder. A Syncthing ".sync-conflict-…" copy that appears while the plan is open is offered the
# same way; Keep It leaves it where it is. Output: TAP.

import json
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, diag, find, plan, run, start_app, stop_app,  # noqa: E402
                        wait_for, wait_for_app, walk)

NEXTCLOUD = "plan (conflicted copy 2026-12-06 101500).cycle"
SYNCTHING = "plan.sync-conflict-20261206-101500-ABCDEFG.cycle"


def stages(app):
    found = set()
    for node in walk(app, 40):
        try:
            description = node.description or ""
            if node.roleName == "push button" and description.startswith("Internal funnel"):
                found.add(node.name)
        except Exception:
            pass
    return found


def showing(node):
    try:
        return node.visible
    except Exception:
        return False


def banner(app, start):
    return find(app, lambda n: n.roleName == "label" and showing(n) and n.name.startswith(start))


def click(app, what, name):
    """Clicks a shown button by its label (GTK 4.8 may name it "_Merge Merge")."""
    node = wait_for(what, lambda: find(app, lambda n: n.roleName == "push button"
                                       and showing(n) and (n.name.replace("_", "") == name
                                                           or n.name.endswith(" " + name))))
    if node is not None:
        node.doActionNamed("click")
    return node is not None


def write_plan(path, names):
    data = {"format": "org.example.Cycle", "version": 1, "personas": [],
            "stages": [{"id": "s1", "name": names[0], "x": 40, "y": 60},
                       {"id": "s2", "name": names[1], "x": 400, "y": 60}],
            "links": []}
    with open(path + ".new", "w") as f:
        json.dump(data, f)
    os.replace(path + ".new", path)


def main():
    cycle = sys.argv[1]
    workdir = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="cycle-synced-atspi-", dir=workdir)
    path = os.path.join(tmp, "plan.cycle")
    write_plan(path, ["Visitors", "Leads"])
    write_plan(os.path.join(tmp, NEXTCLOUD), ["Visitors", "Leads from Ana"])

    plan(7)
    app_process = start_app([cycle, path])
    try:
        app = wait_for_app(app_process)
        if not check("the application is on the accessibility bus", app is not None):
            return

        offer = wait_for("the synced copy's banner",
                         lambda: banner(app, "A synced folder kept another version"))
        check("a Nextcloud conflicted copy beside the plan is offered on opening",
              offer is not None and NEXTCLOUD in offer.name)

        clicked = click(app, "the banner's Merge", "Merge")
        found = wait_for("the copy's change", lambda: {"Visitors", "Leads from Ana"}
                         <= stages(app))
        diag(stages(app))
        check("Merge brings the copy's change into the plan", clicked and found is not None)

        trash = wait_for("the offer to move the copy to the trash",
                         lambda: banner(app, "The changes of"))
        clicked = click(app, "the banner's Move to Trash", "Move to Trash")
        gone = wait_for("the copy gone", lambda: not os.path.exists(os.path.join(tmp, NEXTCLOUD)))
        check("Move to Trash takes the merged copy out of the folder",
              trash is not None and clicked and gone)

        # A Syncthing copy appears while the plan is open
        write_plan(os.path.join(tmp, SYNCTHING), ["Visitors from Bo", "Leads"])
        offer = wait_for("the new copy's banner", lambda: (lambda b: b if b is not None
                                                           and SYNCTHING in b.name else None)(
            banner(app, "A synced folder kept another version")))
        check("a Syncthing copy that appears is offered", offer is not None)

        clicked = click(app, "the banner's Merge", "Merge")
        found = wait_for("the second copy's change", lambda: {"Visitors from Bo",
                                                              "Leads from Ana"} <= stages(app))
        diag(stages(app))
        check("Merge brings that copy's change in too", clicked and found is not None)

        click(app, "the banner's Keep It", "Keep It")
        hidden = wait_for("the banner to go", lambda: banner(app, "The changes of") is None)
        check("Keep It leaves the copy in the folder and the banner goes",
              hidden and os.path.exists(os.path.join(tmp, SYNCTHING)))
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
