# atspi_util.py: what the AT-SPI (dogtail) tests share
#
# Copyright 2026 The Cycle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import it before anything loads gi: on import it starts the test again without G_DEBUG when
# needed, and configures dogtail before its tree module is loaded. The tests import it with their
# own directory on sys.path:
#
#   sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
#   import atspi_util  # noqa: E402

import json
import os
import shutil
import subprocess
import sys
import traceback
import tempfile
import time

# G_DEBUG=fatal-warnings is for the application: the accessibility library in this process
# warns about objects that go away while it reads them. Start again without it (before gi is
# loaded, which reads it once), keeping it for the application.
if "G_DEBUG" in os.environ and "CYCLE_APP_G_DEBUG" not in os.environ:
    _env = dict(os.environ, CYCLE_APP_G_DEBUG=os.environ["G_DEBUG"])
    del _env["G_DEBUG"]
    os.execve(sys.executable, [sys.executable] + sys.argv, _env)

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToStdOut = False
config.logDebugToFile = False
config.searchShowingOnly = False

from dogtail import tree  # noqa: E402  (after the configuration, as dogtail requires)

TIMEOUT = 20.0

results = []


# TAP

def plan(n):
    print("1..%d" % n, flush=True)


def diag(message):
    for line in str(message).splitlines():
        print("# " + line, flush=True)


def check(description, ok):
    """Prints "ok N - …" or "not ok N - …"; returns @ok."""
    results.append(bool(ok))
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), description), flush=True)
    return ok


def exit_status():
    return 0 if results and all(results) else 1


def run(main):
    """Runs the test's main(), then exits with its TAP verdict. An exception is a failed check,
    its traceback printed as TAP comments (meson shows those, and may not show stderr)."""
    try:
        main()
    except Exception:  # noqa: BLE001 (any error of the test is reported, then fails it)
        diag(traceback.format_exc())
        check("the test ran to its end without an error", False)
    sys.exit(exit_status())


# Waiting and input

def wait_for(what, function, timeout=TIMEOUT):
    """The first true value of function(), or None (with a diagnostic) after timeout seconds."""
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
    """Plain `xdotool key`: GTK ignores the synthetic events of `xdotool key --window`."""
    subprocess.run(["xdotool", "key", "--delay", "60"] + list(keys), check=True)
    time.sleep(0.4)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
    time.sleep(0.4)


# Files

def write_plan(path, names):
    """A plan of one stage per name (ids s1, s2, …, side by side) written as another program
    writes it: a new file renamed over the old one."""
    data = {"format": "org.example.Cycle", "version": 1, "personas": [],
            "stages": [{"id": "s%d" % (i + 1), "name": name, "x": 40 + 360 * i, "y": 60}
                       for i, name in enumerate(names)],
            "links": []}
    with open(path + ".new", "w") as f:
        json.dump(data, f)
    os.replace(path + ".new", path)


def temp_copy(source, name, prefix, workdir=None):
    """Copies source to name in a new temporary directory (in workdir, if given); returns the
    directory, for shutil.rmtree, and the copy's path."""
    tmp = tempfile.mkdtemp(prefix=prefix, dir=workdir)
    path = os.path.join(tmp, name)
    shutil.copyfile(source, path)
    return tmp, path


# The application

def start_app(command):
    """Starts command (the application and its arguments) as the tests want it: settings in
    memory, accessibility on, the G_DEBUG the test was started with."""
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    env.pop("GTK_A11Y", None)
    if os.environ.get("CYCLE_APP_G_DEBUG"):
        env["G_DEBUG"] = os.environ["CYCLE_APP_G_DEBUG"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stop_app(process):
    """Ends the application and passes on what it wrote to stderr."""
    process.terminate()
    try:
        _, errors = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, errors = process.communicate()
    if errors:
        sys.stderr.write(errors.decode(errors="replace"))


def find_app(pid):
    """The application with process id pid on the accessibility bus, once it has a window."""
    for app in tree.root.children:
        try:
            if app.get_process_id() == pid and app.childCount > 0:
                return app
        except Exception:
            pass
    return None


def window_named(app, title):
    """The application's window with that title, or None."""
    for child in app.children:
        try:
            if child.name == title:
                return child
        except Exception:
            pass
    return None


def wait_for_app(process):
    return wait_for("the application on the accessibility bus", lambda: find_app(process.pid))


def focus_window(process):
    """Gives the application's window the keyboard (no window manager here to give it); returns
    the X window ids found."""
    window = wait_for("its window", lambda: subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)],
        capture_output=True, text=True).stdout.split())
    if window:
        subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
    time.sleep(1.0)
    return window


# The accessible tree

def pointer_click(node, window_id):
    """A real click at the middle of @node. GTK 4.8 reports coordinates in its window."""
    import pyatspi
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window_id],
                              capture_output=True, text=True).stdout
    origin = dict(line.split("=") for line in geometry.split())
    x = int(origin["X"]) + extents.x + extents.width // 2
    y = int(origin["Y"]) + extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], check=True)
    time.sleep(0.5)


# GTK 4.8 does not report the "showing" state of every widget: go by "visible".
def showing(node):
    try:
        return node.visible
    except Exception:
        return False


def stages(app):
    """Stage widgets, by name: buttons whose description tells their lane and content."""
    found = {}
    for node in walk(app, 40):
        try:
            description = node.description or ""
            if node.roleName == "push button" and (description.startswith("Internal funnel")
                                                   or description.startswith("Buyer")):
                found[node.name] = description
        except Exception:
            pass
    return found


def shown_button(root, name, prefix=False):
    """A shown button by its label, or the start of it. GTK 4.8 names a button with a mnemonic
    "_Merge", and a message dialog's "_Merge Merge"."""
    def named(n):
        label = n.name.replace("_", "")
        return label.startswith(name) if prefix else (label == name
                                                      or n.name.endswith(" " + name))
    return find(root, lambda n: n.roleName == "push button" and showing(n) and named(n))


def click_button(root, what, name, prefix=False):
    """Waits for a shown button and clicks it through its accessible action; returns whether it
    was there."""
    node = wait_for(what, lambda: shown_button(root, name, prefix))
    if node is not None:
        node.doActionNamed("click")
    return node is not None


def walk(node, max_depth=40, depth=0):
    yield node
    if depth > max_depth:
        return
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        yield from walk(child, max_depth, depth + 1)


def find(root, predicate, max_depth=40):
    """The first node under root for which predicate holds, or None."""
    for node in walk(root, max_depth):
        try:
            if predicate(node):
                return node
        except Exception:
            pass
    return None


def find_node(root, name=None, role=None, max_depth=40):
    """The first node under root with that name and role (None: any)."""
    return find(root, lambda n: (name is None or n.name == name)
                and (role is None or n.roleName == role), max_depth)


def wait_for_node(root, name=None, role=None, timeout=TIMEOUT, max_depth=40):
    what = " ".join(x for x in (role, repr(name) if name is not None else None) if x)
    return wait_for(what or "a node", lambda: find_node(root, name, role, max_depth), timeout)
