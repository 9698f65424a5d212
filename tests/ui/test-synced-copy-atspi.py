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

import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import (check, click_button, diag, find, plan, run,  # noqa: E402
                        showing, stages, start_app, stop_app, wait_for, wait_for_app,
                        write_plan)

NEXTCLOUD = "plan (conflicted copy 2026-12-06 101500).cycle"
SYNCTHING = "plan.sync-conflict-20261206-101500-ABCDEFG.cycle"


def banner(app, start):
    return find(app, lambda n: n.roleName == "label" and showing(n) and n.name.startswith(start))


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

        clicked = click_button(app, "the banner's Merge", "Merge")
        found = wait_for("the copy's change",
                         lambda: {"Visitors", "Leads from Ana"} <= set(stages(app)))
        diag(sorted(stages(app)))
        check("Merge brings the copy's change into the plan", clicked and found is not None)

        trash = wait_for("the offer to move the copy to the trash",
                         lambda: banner(app, "The changes of"))
        clicked = click_button(app, "the banner's Move to Trash", "Move to Trash")
        gone = wait_for("the copy gone", lambda: not os.path.exists(os.path.join(tmp, NEXTCLOUD)))
        check("Move to Trash takes the merged copy out of the folder",
              trash is not None and clicked and gone)

        # A Syncthing copy appears while the plan is open
        write_plan(os.path.join(tmp, SYNCTHING), ["Visitors from Bo", "Leads"])
        offer = wait_for("the new copy's banner", lambda: find(
            app, lambda n: n.roleName == "label" and showing(n) and SYNCTHING in n.name))
        check("a Syncthing copy that appears is offered", offer is not None)

        clicked = click_button(app, "the banner's Merge", "Merge")
        found = wait_for("the second copy's change",
                         lambda: {"Visitors from Bo", "Leads from Ana"} <= set(stages(app)))
        diag(sorted(stages(app)))
        check("Merge brings that copy's change in too", clicked and found is not None)

        click_button(app, "the banner's Keep It", "Keep It")
        hidden = wait_for("the banner to go", lambda: banner(app, "The changes of") is None)
        check("Keep It leaves the copy in the folder and the banner goes",
              hidden and os.path.exists(os.path.join(tmp, SYNCTHING)))
    finally:
        stop_app(app_process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run(main)
