#!/usr/bin/env python3
"""Concurrent compare-and-swap and commit loops: counts lost updates.

1. update-ref: WORKERS processes each read refs/heads/x and try
   `pfad update-ref refs/heads/x NEW OLD` ROUNDS times. Every acknowledged
   update (exit 0) must be one link of a single chain from the start value
   to the final value; two acknowledged updates from the same OLD, or an
   acknowledged NEW missing from the chain, is a lost update.
2. commit: WORKERS processes run `pfad commit --allow-empty` in one
   repository at once; every acknowledged commit must be in the final
   history of the branch (a commit that lost the race must fail, never
   silently replace another).
3. push: WORKERS clones each commit and push to their own branch of one
   bare repository, and to a shared branch (fetch, commit on top, push;
   a rejected push is retried). Every acknowledged push's commit must be in
   the final history of its branch.

Usage: cas_loop.py [--workers N] [--rounds N]
"""

import argparse
import json
import os
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import environment, git, git_out, must, pfad, scratch  # noqa: E402


class Tally:
    def __init__(self):
        self.tried = 0
        self.acknowledged = 0
        self.refused = 0
        self.crash = 0
        self.hang = 0
        self.lost = 0
        self.details = []
        self.lock = threading.Lock()

    def count(self, result):
        """Counts one attempt (from any thread); True when acknowledged."""
        with self.lock:
            return self._count(result)

    def _count(self, result):
        self.tried += 1
        if result.hung:
            self.hang += 1
        elif result.crashed:
            self.crash += 1
            self.details.append("signal %d: %s" % (-result.code, result.err.decode(errors="replace")[:200]))
        elif result.code == 0:
            self.acknowledged += 1
            return True
        else:
            self.refused += 1
        return False

    def row(self, name):
        return {"loop": name, "tried": self.tried, "acknowledged": self.acknowledged, "refused": self.refused,
                "crash": self.crash, "hang": self.hang, "lost_updates": self.lost, "details": self.details[:10]}


def update_ref_loop(base, env, workers, rounds):
    repo = os.path.join(base, "cas")
    must(git(["init", "-q", repo], base, env), "init")
    must(git(["commit", "-q", "--allow-empty", "-m", "Start"], repo, env), "start")
    start = git_out(["rev-parse", "HEAD"], repo, env)
    must(git(["update-ref", "refs/heads/x", start], repo, env), "x")
    # A pool of distinct commits, one per attempt.
    pool = {}
    for w in range(workers):
        ids = []
        for r in range(rounds):
            ids.append(git_out(["commit-tree", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "-m", "w%d r%d" % (w, r)], repo, env))
        pool[w] = ids
    tally = Tally()
    acks = []

    def worker(w):
        mine = []
        for r in range(rounds):
            old = pfad(["rev-parse", "refs/heads/x"], repo, env)
            if not old.ok:
                tally.count(old)
                continue
            result = pfad(["update-ref", "refs/heads/x", pool[w][r], old.out.decode().strip()], repo, env)
            if tally.count(result):
                mine.append((old.out.decode().strip(), pool[w][r]))
        return mine

    with ThreadPoolExecutor(workers) as ex:
        for mine in ex.map(worker, range(workers)):
            acks.extend(mine)
    final = git_out(["rev-parse", "refs/heads/x"], repo, env)
    # Follow the chain from the start value through the acknowledged updates.
    by_old = {}
    for old, new in acks:
        by_old.setdefault(old, []).append(new)
    chain, value = 0, start
    while value in by_old:
        nexts = by_old.pop(value)
        if len(nexts) > 1:
            tally.lost += len(nexts) - 1
            tally.details.append("%d updates acknowledged from %s" % (len(nexts), value[:12]))
        value = nexts[0]
        chain += 1
    tally.lost += sum(len(v) for v in by_old.values())
    if value != final:
        tally.lost += 1
        tally.details.append("chain ends at %s, ref is %s" % (value[:12], final[:12]))
    reflog = git_out(["reflog", "show", "--format=%H", "refs/heads/x"], repo, env).split()
    row = tally.row("update-ref x NEW OLD")
    row["chain"] = chain
    row["reflog_entries_after_start"] = len(reflog) - 1
    return row


def commit_loop(base, env, workers, rounds):
    repo = os.path.join(base, "commits")
    must(pfad(["init", "-q", repo], base, env), "init")
    must(pfad(["commit", "-q", "--allow-empty", "-m", "Start"], repo, env), "start")
    tally = Tally()
    acked = []

    def worker(w):
        mine = []
        for r in range(rounds):
            result = pfad(["commit", "-q", "--allow-empty", "-m", "Beitrag %d-%d" % (w, r)], repo, env)
            if tally.count(result):
                mine.append("Beitrag %d-%d" % (w, r))
        return mine

    with ThreadPoolExecutor(workers) as ex:
        for mine in ex.map(worker, range(workers)):
            acked.extend(mine)
    history = set(git_out(["log", "--format=%s", "main"], repo, env).splitlines())
    missing = [m for m in acked if m not in history]
    tally.lost = len(missing)
    tally.details += ["acknowledged commit missing: " + m for m in missing[:5]]
    fsck = git(["fsck", "--strict"], repo, env)
    row = tally.row("commit --allow-empty, one repository")
    row["fsck_clean"] = fsck.code == 0
    return row


def push_loop(base, env, workers, rounds):
    bare = os.path.join(base, "hub.git")
    must(git(["init", "-q", "--bare", bare], base, env), "init hub")
    seed = os.path.join(base, "seed")
    must(git(["clone", "-q", bare, seed], base, env), "seed")
    with open(os.path.join(seed, "README.md"), "w") as f:
        f.write("# Gemeinsame Leitfäden\n")
    must(git(["add", "-A"], seed, env), "add")
    must(git(["commit", "-q", "-m", "Anfang"], seed, env), "commit")
    must(git(["push", "-q", "origin", "HEAD:main", "HEAD:shared"], seed, env), "push")
    own, shared = Tally(), Tally()
    acked_own, acked_shared = [], []

    def worker(w):
        clone = os.path.join(base, "clone%d" % w)
        must(pfad(["clone", "-q", bare, clone], base, env), "clone")
        mine_own, mine_shared = [], []
        for r in range(rounds):
            with open(os.path.join(clone, "Beitrag %d.md" % w), "w") as f:
                f.write("Runde %d von Kommune %d\n" % (r, w))
            if not pfad(["add", "-A"], clone, env).ok or not pfad(["commit", "-q", "-m", "k%d r%d" % (w, r)], clone, env).ok:
                continue
            head = git_out(["rev-parse", "HEAD"], clone, env)
            if own.count(pfad(["push", "-q", "origin", "+HEAD:refs/heads/k%d" % w], clone, env)):
                mine_own.append((w, head))
            # The shared branch: put this round's commit on top of it, push, retry when rejected.
            for _ in range(20):
                if not pfad(["fetch", "-q", "origin"], clone, env).ok:
                    continue
                tip = git_out(["rev-parse", "refs/remotes/origin/shared"], clone, env)
                tree = git_out(["rev-parse", "HEAD^{tree}"], clone, env)
                commit = git_out(["commit-tree", tree, "-p", tip, "-m", "geteilt k%d r%d" % (w, r)], clone, env)
                if shared.count(pfad(["push", "-q", "origin", "%s:refs/heads/shared" % commit], clone, env)):
                    mine_shared.append(commit)
                    break
        return mine_own, mine_shared

    with ThreadPoolExecutor(workers) as ex:
        for mine_own, mine_shared in ex.map(worker, range(workers)):
            acked_own.extend(mine_own)
            acked_shared.extend(mine_shared)
    for w in range(workers):
        mine = [c for k, c in acked_own if k == w]
        if mine and git_out(["rev-parse", "refs/heads/k%d" % w], bare, env) != mine[-1]:
            own.lost += 1
            own.details.append("k%d is not its last acknowledged push" % w)
    history = set(git_out(["rev-list", "shared"], bare, env).split())
    missing = [c for c in acked_shared if c not in history]
    shared.lost = len(missing)
    shared.details += ["acknowledged push missing from shared: " + c[:12] for c in missing[:5]]
    fsck = git(["fsck", "--strict"], bare, env)
    rows = [own.row("push to own branch"), shared.row("push to one shared branch")]
    for row in rows:
        row["fsck_clean"] = fsck.code == 0
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--rounds", type=int, default=50)
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()
    base = scratch("pfad-cas-")
    home = os.path.join(base, "home")
    os.makedirs(home)
    env = environment(home)
    start = time.monotonic()
    rows = [update_ref_loop(base, env, args.workers, args.rounds), commit_loop(base, env, args.workers, args.rounds)]
    rows += push_loop(base, env, args.workers, max(1, args.rounds // 5))
    print(json.dumps({"rows": rows, "seconds": round(time.monotonic() - start, 1)}, indent=1, ensure_ascii=False))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    bad = sum(r["lost_updates"] + r["crash"] + r["hang"] for r in rows) + sum(1 for r in rows if r.get("fsck_clean") is False)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
