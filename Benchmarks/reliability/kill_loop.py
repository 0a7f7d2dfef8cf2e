#!/usr/bin/env python3
"""kill -9 loop: runs one pfad operation (add, commit, gc, checkout, merge,
fetch, push) on a scratch repository, kills it with SIGKILL after a random
delay, then checks the repository with `git fsck --strict` and with pfad
itself (HEAD resolves, the index is readable, status runs).

Outcomes per iteration: clean; crash (a pfad process ended by a signal we
did not send); hang (an operation or a check past its time limit); wrong
(fsck clean, but pfad cannot read HEAD or the index); corruption
(`git fsck --strict` fails on the repository or the remote).

Usage: kill_loop.py [--iterations N] [--max-delay-ms MS] [--seed S] [--files N] [--serve]
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import PFAD, Result, environment, git, git_out, must, pfad, remove_stale_locks, scratch  # noqa: E402

OPERATIONS = ["add", "commit", "gc", "checkout", "merge", "fetch", "push"]
WORDS = ["Leitfaden", "Verwaltung", "Bürger", "Straße", "Prozess", "Daten", "Beteiligung", "Übersicht", "für", "und"]


class Loop:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.base = scratch("pfad-kill-")
        home = os.path.join(self.base, "home")
        os.makedirs(home)
        self.env = environment(home)
        self.work = os.path.join(self.base, "work")
        self.remote = os.path.join(self.base, "remote.git")
        self.other = os.path.join(self.base, "other")
        self.counter = 0
        self.server = None
        self.url = None
        self.typical = {}  # operation → seconds an uninterrupted run took (smoothed)

    # Set-up -------------------------------------------------------------

    def text(self, lines):
        return "".join(" ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 8))) + "\n" for _ in range(lines))

    def write_files(self, count):
        for _ in range(count):
            self.counter += 1
            folder = os.path.join(self.work, "Leitfäden", "Teil %02d" % self.rng.randint(0, 9))
            os.makedirs(folder, exist_ok=True)
            name = "Abschnitt %d.md" % self.rng.randint(0, 299)
            with open(os.path.join(folder, name), "w") as f:
                f.write("# Abschnitt %d\n\n%s" % (self.counter, self.text(self.rng.randint(5, 60))))

    def setup(self):
        env = self.env
        must(git(["init", "-q", "--bare", self.remote], self.base, env), "init remote")
        must(pfad(["init", "-q", self.work], self.base, env), "pfad init")
        self.write_files(self.args.files)
        must(pfad(["add", "-A"], self.work, env), "add")
        must(pfad(["commit", "-q", "-m", "Anfang"], self.work, env), "commit")
        must(git(["branch", "side"], self.work, env), "branch side")
        must(git(["remote", "add", "origin", self.remote], self.work, env), "remote")
        must(git(["push", "-q", "origin", "main"], self.work, env), "push")
        must(git(["clone", "-q", self.remote, self.other], self.base, env), "clone other")
        if self.args.serve:
            self.start_server()

    def start_server(self):
        root = os.path.join(self.base, "served")
        os.makedirs(root)
        must(git(["init", "-q", "--bare", os.path.join(root, "served.git")], self.base, self.env), "init served")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        hashed = must(pfad(["serve", "--hash-password", "--cost", "4"], self.base, self.env, stdin=b"geheim\n"), "hash")
        users = os.path.join(self.base, "users")
        with open(users, "w") as f:
            f.write("agentur %s refs/*\n" % hashed.out.decode().strip())
        self.server = subprocess.Popen(
            [PFAD, "serve", "--host", "127.0.0.1", "--port", str(port), "--allow-non-fast-forward", "--users", users, root],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.url = "http://agentur:geheim@127.0.0.1:%d/served.git" % port
        self.served = os.path.join(root, "served.git")
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("pfad serve did not start")

    # One operation's preparation (never killed) and command -------------

    def prepare(self, op):
        env = self.env
        if op == "add":
            self.write_files(self.rng.randint(20, 120))
            return ["add", "-A"]
        if op == "commit":
            self.write_files(self.rng.randint(5, 40))
            must(pfad(["add", "-A"], self.work, env), "add before commit")
            return ["commit", "-q", "--allow-empty", "-m", "Änderung %d" % self.counter]
        if op == "gc":
            return ["gc", "-q"]
        if op == "checkout":
            head = git_out(["symbolic-ref", "--short", "-q", "HEAD"], self.work, env)
            return ["checkout", "-q", "side" if head == "main" else "main"]
        if op == "merge":
            # A commit on `topic`, made with plumbing so the work tree stays as it is.
            index = os.path.join(self.base, "topic-index")
            topic_env = dict(env, GIT_INDEX_FILE=index)
            must(git(["read-tree", "HEAD"], self.work, topic_env), "read-tree")
            self.counter += 1
            blob = git_out(["hash-object", "-w", "--stdin"], self.work, env, stdin=self.text(30).encode())
            must(git(["update-index", "--add", "--cacheinfo", "100644,%s,Themen/Thema %d.md" % (blob, self.counter)],
                     self.work, topic_env), "update-index")
            tree = git_out(["write-tree"], self.work, topic_env)
            commit = git_out(["commit-tree", tree, "-p", "HEAD", "-m", "Thema %d" % self.counter], self.work, env)
            must(git(["update-ref", "refs/heads/topic", commit], self.work, env), "topic")
            os.unlink(index)
            return ["merge", "-q", "--no-ff", "--no-edit", "topic"]
        if op == "fetch":
            self.counter += 1
            with open(os.path.join(self.other, "Neu %d.md" % self.counter), "w") as f:
                f.write(self.text(40))
            must(git(["add", "-A"], self.other, env), "other add")
            must(git(["commit", "-q", "-m", "Neu %d" % self.counter], self.other, env), "other commit")
            must(git(["push", "-q", "origin", "HEAD:main"], self.other, env), "other push")
            return ["fetch", "-q", "origin"]
        if op == "push":
            if self.url and self.rng.random() < 0.5:
                return ["push", "-q", self.url, "+HEAD:refs/heads/work"]
            return ["push", "-q", "origin", "+HEAD:refs/heads/work"]
        raise ValueError(op)

    # Checks ---------------------------------------------------------------

    def check(self):
        """(outcome, detail) of the repository after the kill."""
        env = self.env
        for repo in [self.work, self.remote] + ([self.served] if self.url else []):
            fsck = git(["fsck", "--strict", "--no-progress"], repo, env, timeout=120)
            if fsck.hung:
                return "hang", "git fsck in " + os.path.basename(repo)
            if fsck.code != 0:
                return "corruption", "git fsck in %s: %s" % (os.path.basename(repo), fsck.err.decode(errors="replace")[:300])
        for args in (["rev-parse", "HEAD"], ["status", "--porcelain"], ["fsck", "--no-dangling"]):
            r = pfad(args, self.work, env, timeout=120)
            if r.hung:
                return "hang", "pfad " + args[0]
            if r.crashed:
                return "crash", "pfad %s: signal %d" % (args[0], -r.code)
            if r.code != 0:
                return "wrong", "pfad %s: %s" % (args[0], r.err.decode(errors="replace")[:300])
        return "clean", ""

    def normalise(self):
        """Brings the work tree back to a committed state for the next iteration (with git)."""
        env = self.env
        if os.path.exists(os.path.join(self.work, ".git", "MERGE_HEAD")):
            git(["merge", "--abort"], self.work, env)
        git(["reset", "-q", "--hard"], self.work, env)
        git(["clean", "-fdq"], self.work, env)

    # The loop ---------------------------------------------------------------

    def iterate(self, n):
        op = OPERATIONS[n % len(OPERATIONS)] if n < len(OPERATIONS) else self.rng.choice(OPERATIONS)
        args = self.prepare(op)
        # Aim the kill inside the operation: draw from [0, 1.5 × its usual
        # duration] (calibrated, then smoothed over uninterrupted runs).
        limit = min(self.args.max_delay_ms / 1000, 1.5 * self.typical.get(op, 1e9))
        delay = self.rng.uniform(0, limit)
        started = time.monotonic()
        proc = subprocess.Popen([PFAD] + args, cwd=self.work, env=self.env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        killed = False
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        try:
            _, err = proc.communicate(timeout=self.args.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return op, killed, "hang", "operation did not end after SIGKILL"
        if not killed:
            elapsed = time.monotonic() - started
            self.typical[op] = 0.5 * self.typical[op] + 0.5 * elapsed
        if not killed and proc.returncode < 0:
            return op, killed, "crash", "%s: signal %d" % (op, -proc.returncode)
        if not killed and proc.returncode != 0:
            return op, killed, "wrong", "%s exited %d without a kill: %s" % (op, proc.returncode, err.decode(errors="replace")[:300])
        locks = remove_stale_locks(os.path.join(self.work, ".git")) + remove_stale_locks(self.remote)
        self.locks += locks
        outcome, detail = self.check()
        self.normalise()
        return op, killed, outcome, detail

    def calibrate(self):
        """Runs each operation once without a kill to learn how long it takes,
        so the kills can be spread over its whole run (the final renames and
        ref updates included)."""
        for op in OPERATIONS:
            args = self.prepare(op)
            started = time.monotonic()
            must(pfad(args, self.work, self.env, timeout=self.args.timeout), "calibration run of " + op)
            self.typical[op] = time.monotonic() - started
            self.normalise()

    def main(self):
        self.setup()
        self.calibrate()
        self.locks = 0
        counts = {}
        per_op = {op: {"tried": 0, "killed": 0} for op in OPERATIONS}
        failures = []
        start = time.monotonic()
        try:
            for n in range(self.args.iterations):
                op, killed, outcome, detail = self.iterate(n)
                counts[outcome] = counts.get(outcome, 0) + 1
                per_op[op]["tried"] += 1
                per_op[op]["killed"] += int(killed)
                if outcome != "clean":
                    failures.append({"iteration": n, "op": op, "outcome": outcome, "detail": detail})
                    print("iteration %d (%s): %s %s" % (n, op, outcome, detail), file=sys.stderr)
                if (n + 1) % 50 == 0:
                    print("%d iterations, %s" % (n + 1, counts), file=sys.stderr)
        finally:
            if self.server:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        summary = {
            "tried": self.args.iterations,
            "clean": counts.get("clean", 0),
            "crash": counts.get("crash", 0),
            "hang": counts.get("hang", 0),
            "wrong": counts.get("wrong", 0),
            "corruption": counts.get("corruption", 0),
            "stale_locks_removed": self.locks,
            "per_operation": per_op,
            "seconds": round(time.monotonic() - start, 1),
            "failures": failures[:20],
        }
        print(json.dumps(summary, indent=1, ensure_ascii=False))
        if not self.args.keep:
            shutil.rmtree(self.base, ignore_errors=True)
        return 0 if summary["clean"] == summary["tried"] else 1


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--iterations", type=int, default=1000)
    p.add_argument("--max-delay-ms", type=float, default=10000, help="never wait longer than this before the kill")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--files", type=int, default=300, help="files in the first commit")
    p.add_argument("--timeout", type=float, default=60, help="seconds before an operation or check counts as hung")
    p.add_argument("--serve", action="store_true", help="push to a `pfad serve` too (half of the pushes)")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    return p.parse_args()


if __name__ == "__main__":
    sys.exit(Loop(parse()).main())
