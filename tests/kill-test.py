#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill -9 during saves: the file is always the old or the new plan, never anything else.

A 10 000-item plan is saved over and over by tests/kill-save-helper (cycle_document_save, the
application's own save) and killed with SIGKILL KILLS times for each kind of target: half of the
kills at a random moment of the saves, half aimed at a random moment once a temporary file
exists (writing, fsync, rename):

- plain: a regular file;
- symlink: a symbolic link to a file in another folder (the link must stay a link);
- read-only folder: a writable file in a folder where no temporary file can be made (every save
  is refused; as root, which ignores modes, the helper runs as nobody through setpriv, or where
  nobody cannot reach the folder, as root without the capabilities that ignore modes).

After each kill the target's SHA-256 must be that of plan A or plan B, and once the plan is
opened again no temporary file of Cycle's may be left. Prints TAP.

  kill-test.py HELPER [KILLS]     (KILLS per kind of target: $CYCLE_KILLS or 200)
"""

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

NOBODY = 65534


def temp_name(name):
    """Cycle's own temporary files: .NAME.cycle-XXXXXX.tmp"""
    return (name.startswith(".") and name.endswith(".tmp") and len(name) >= 19
            and name[-17:-10] == ".cycle-" and name[-10:-4].isalnum())


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def make_plan(path, n_stages=100, per_stage=100):
    stages = []
    for s in range(n_stages):
        content = [{"id": f"c{s}-{c}", "title": f"Item {c} of stage {s}", "format": "article",
                    "channel": "blog", "status": "draft", "notes": "x" * 40}
                   for c in range(per_stage)]
        stages.append({"id": f"s{s}", "name": f"Stage {s}", "lane": "internal",
                       "x": 40 + 300 * s, "y": 60, "content": content})
    plan = {"format": "org.example.Cycle", "version": 1, "title": "A", "stages": stages,
            "links": []}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f)


class Kind:
    def __init__(self, name, target, real, user_cmd, may_change):
        self.name = name
        self.target = target        # what the helper saves to
        self.real = real            # the file that holds the plan
        self.user_cmd = user_cmd    # prefix: run as another user
        self.may_change = may_change
        self.kills = 0
        self.torn = 0
        self.left = 0               # temporary files still there after the next open
        self.caught = 0             # kills that found a temporary file (mid-write)
        self.changed = 0            # kills after which the file was the other version


def run_kills(kind, helper, kills, hashes, rng, window):
    folder = os.path.dirname(kind.real)
    after = sha256(kind.real)
    for round_ in range(kills + 1):
        # Opening the plan (the helper does it as the application does) removes what the last
        # killed save left; the helper then waits for "go"
        proc = subprocess.Popen(kind.user_cmd + [helper, "save", kind.target],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        line = proc.stdout.readline()
        if line.strip() != b"ready":
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{kind.name}: the helper did not open the plan: {line!r}")
        if round_ > 0 and any(temp_name(n) for n in os.listdir(folder)):
            kind.left += 1
        if os.path.islink(kind.target) != (kind.target != kind.real):
            raise RuntimeError(f"{kind.name}: the link is no longer a link")
        if round_ == kills:
            proc.stdin.close()
            proc.wait()
            break

        before = after
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
        if round_ % 2 == 0 or not kind.may_change:
            # Anywhere in a save: making the text, checking the file on disk, writing
            time.sleep(rng.uniform(0, window))
        else:
            # Aimed at the moment that matters: once the temporary file exists (writing,
            # fsync, rename), a few milliseconds in
            deadline = time.monotonic() + 2
            while (time.monotonic() < deadline and
                   not any(temp_name(n) for n in os.listdir(folder))):
                time.sleep(0.0002)
            time.sleep(rng.uniform(0, 0.004))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
        kind.kills += 1

        if any(temp_name(n) for n in os.listdir(folder)):
            kind.caught += 1
        after = sha256(kind.real)
        if after not in hashes:
            kind.torn += 1
        elif after != before:
            kind.changed += 1


def main():
    helper = os.path.abspath(sys.argv[1])
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("CYCLE_KILLS", "200"))
    seed = int(os.environ.get("CYCLE_KILL_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    started = time.monotonic()
    print(f"# seed {seed} (CYCLE_KILL_SEED), {kills} kills per kind of target")

    root = tempfile.mkdtemp(prefix="cycle-kill-")
    try:
        os.chmod(root, 0o755)
        # The helper where nobody can run it too
        own_helper = os.path.join(root, "kill-save-helper")
        shutil.copy2(helper, own_helper)
        os.chmod(own_helper, 0o755)

        source = os.path.join(root, "source.json")
        plan_a = os.path.join(root, "a.cycle")
        plan_b = os.path.join(root, "b.cycle")
        make_plan(source)
        subprocess.run([own_helper, "variants", source, plan_a, plan_b], check=True)
        hashes = {sha256(plan_a), sha256(plan_b)}
        size = os.path.getsize(plan_a)

        plain_dir = os.path.join(root, "plain")
        os.mkdir(plain_dir)
        plain = os.path.join(plain_dir, "plan.cycle")
        shutil.copy(plan_a, plain)
        # Random kills fall across about three saves, however fast this machine and build are
        one_save = float(subprocess.run([own_helper, "time", plain], check=True,
                                        capture_output=True).stdout)
        window = float(os.environ.get("CYCLE_KILL_WINDOW", str(3 * one_save)))
        print(f"# plan of 10 000 items, {size} bytes; one save takes {one_save * 1000:.0f} ms; "
              f"random kills at 0–{window * 1000:.0f} ms after the saves start")

        kinds = []
        kinds.append(Kind("plain file", plain, plain, [], True))

        real_dir = os.path.join(root, "real")
        os.mkdir(real_dir)
        real = os.path.join(real_dir, "plan.cycle")
        shutil.copy(plan_a, real)
        link = os.path.join(root, "link.cycle")
        os.symlink("real/plan.cycle", link)
        kinds.append(Kind("symlink", link, real, [], True))

        ro_dir = os.path.join(root, "read-only")
        os.mkdir(ro_dir)
        ro = os.path.join(ro_dir, "plan.cycle")
        shutil.copy(plan_a, ro)
        os.chmod(ro, 0o666)
        user_cmd = []
        how = "as this user"
        if os.geteuid() == 0:
            # Root ignores modes: run the helper as nobody; where nobody cannot reach the folder
            # (a chroot made in a private folder), as root without the capabilities that ignore
            # modes (the folder is root's, 0555)
            os.chown(ro, NOBODY, NOBODY)
            os.chown(own_helper, NOBODY, NOBODY)
            as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
            no_dac = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                      "--bounding-set=-dac_override,-dac_read_search"]
            if shutil.which("setpriv") is None:
                print("Bail out! setpriv (util-linux) is needed to meet file modes as root")
                return 1
            if subprocess.run(as_nobody + ["test", "-w", ro]).returncode == 0:
                user_cmd, how = as_nobody, "as nobody (setpriv)"
            else:
                user_cmd, how = no_dac, "as root without CAP_DAC_OVERRIDE (setpriv)"
        os.chmod(ro_dir, 0o555)
        kinds.append(Kind("read-only folder", ro, ro, user_cmd, False))
        print(f"# read-only folder: {how}")

        print(f"1..{len(kinds)}")
        # The three at once: most of a round is waiting
        errors = []

        def run(kind, seed):
            kind.started = time.monotonic()
            try:
                run_kills(kind, own_helper, kills, hashes, random.Random(seed), window)
            except Exception as e:  # noqa: BLE001 — reported as a failure below
                errors.append(f"{kind.name}: {e}")
            kind.elapsed = time.monotonic() - kind.started

        threads = [threading.Thread(target=run, args=(kind, rng.random())) for kind in kinds]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for e in errors:
            print(f"# {e}")
        failed = len(errors)
        for number, kind in enumerate(kinds, 1):
            ok = kind.torn == 0 and kind.left == 0 and (kind.may_change or kind.changed == 0)
            if kind.may_change and kind.kills >= 100 and kind.changed == 0:
                ok = False   # no save ever completed: the kills tested nothing
            failed += not ok
            print(f"{'ok' if ok else 'not ok'} {number} {kind.name}: {kind.kills} kills, "
                  f"{kind.torn} torn, {kind.changed} saw the new plan, {kind.caught} caught a "
                  f"temporary file, {kind.left} temporary files left after opening "
                  f"({kind.elapsed:.1f} s)")
        total = sum(k.kills for k in kinds)
        print(f"# {total} kills in {time.monotonic() - started:.1f} s")
        return 1 if failed else 0
    finally:
        for dirpath, dirnames, _ in os.walk(root):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
