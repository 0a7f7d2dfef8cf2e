#!/usr/bin/env python3
"""The hostile catalogue: every case of `cases.py` through pfad and through
git 2.39, verdicts side by side.

Operations: `fsck --strict`; receive (a push into a bare repository with
receive.fsckObjects=true, served by `git receive-pack` or `pfad
receive-pack`); `checkout`; `merge`; `clone`; `apply`; raw receive-pack
requests; HTTP requests to `pfad serve` (git has no server to compare:
n/a; an escape is an answer that shows a repository outside the served
root or a file of the system). A verdict is `accept` or `refuse` (exit status, and for receive
whether the ref was created); `CRASH` (ended by a signal) and `HANG` (past
the time limit) are findings. After every operation the case folder is
searched for the marker text outside the work tree (in `.git`, in the
neighbouring `outside` folder, in /tmp): any hit is an escape.

Usage: hostile.py [--only NAME,...] [--markdown FILE] [--json FILE]
Exit status 1 when a crash, hang or escape occurred or pfad's fsck/receive
verdict differs from git's.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import HTTP_CASES, MARK, PATCH_CASES, RECEIVE_CASES, TREE_CASES  # noqa: E402
from common import GIT, PFAD, Result, environment, git, git_out, must, pfad, run, scratch  # noqa: E402

ABSOLUTE_TARGET = "/tmp/pfad-escaped.txt"


def tree_sort_key(entry):
    mode, name, _ = entry
    return name + b"/" if mode in ("40000", "040000") else name


def write_tree(repo, env, entries, sort=True):
    """Writes a tree object exactly as described (no checks) and returns its id."""
    body = b""
    for mode, name, value in (sorted(entries, key=tree_sort_key) if sort else entries):
        if isinstance(value, list):
            oid = write_tree(repo, env, value)
        elif value == "GITLINK":
            oid = "1" * 40
        else:
            oid = git_out(["hash-object", "-w", "--stdin"], repo, env, stdin=value)
        body += mode.encode() + b" " + name + b"\0" + bytes.fromhex(oid)
    return git_out(["hash-object", "-w", "--literally", "-t", "tree", "--stdin"], repo, env, stdin=body)


def verdict(result, accepted=None):
    if result.hung:
        return "HANG"
    if result.crashed:
        return "CRASH"
    ok = result.code == 0 if accepted is None else accepted
    return "accept" if ok else "refuse"


def escaped(folder):
    """True when the marker is in a file outside the work tree of `folder/repo`."""
    if os.path.exists(ABSOLUTE_TARGET):
        return True
    for top, dirs, files in os.walk(folder):
        rel = os.path.relpath(top, folder)
        parts = rel.split(os.sep)
        inside_work_tree = parts[0] == "repo" and (len(parts) < 2 or parts[1] != ".git")
        if inside_work_tree:
            continue
        for name in files:
            path = os.path.join(top, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                if MARK.strip() in f.read(1 << 20):
                    return True
    return False


class Catalogue:
    def __init__(self, args):
        self.args = args
        self.base = scratch("pfad-hostile-")
        home = os.path.join(self.base, "home")
        os.makedirs(home)
        self.env = environment(home)
        self.rows = []

    def side(self, case, tool):
        """A fresh `case/tool` folder with an `outside` folder next to where the repository goes."""
        folder = os.path.join(self.base, case, tool)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "outside"))
        with open(os.path.join(folder, "outside", "bleibt.txt"), "w") as f:
            f.write("bleibt unverändert\n")
        if os.path.exists(ABSOLUTE_TARGET):
            os.unlink(ABSOLUTE_TARGET)
        return folder

    def record(self, case, reference, op, git_result, pfad_result, git_escape=False, pfad_escape=False, git_accepted=None, pfad_accepted=None):
        """Adds one row; `git_result` None means git has nothing to compare (n/a)."""
        g = verdict(git_result, git_accepted) if git_result is not None else "n/a"
        p = verdict(pfad_result, pfad_accepted)
        row = {"case": case, "reference": reference, "op": op, "git": g + (" ESCAPE" if git_escape else ""),
               "pfad": p + (" ESCAPE" if pfad_escape else ""), "pfad_escape": pfad_escape,
               "pfad_message": pfad_result.err.decode(errors="replace").strip().splitlines()[:1]}
        row["match"] = row["git"] == row["pfad"] or g == "n/a"
        self.rows.append(row)
        mark = "" if row["match"] else "   <-- differs"
        print("%-34s %-8s git: %-15s pfad: %-15s%s" % (case, op, row["git"], row["pfad"], mark), file=sys.stderr)

    # Tree cases -------------------------------------------------------------

    def source(self, case, entries, pre):
        """A work repository at `main` (R → M2) with `hostile` (R → [pre →] H)."""
        src = os.path.join(self.base, case, "src")
        env = self.env
        must(git(["init", "-q", src], self.base, env), "init")
        with open(os.path.join(src, "README.md"), "w") as f:
            f.write("# Leitfäden\n")
        must(git(["add", "-A"], src, env), "add")
        must(git(["commit", "-q", "-m", "Anfang"], src, env), "commit")
        root = git_out(["rev-parse", "HEAD"], src, env)
        readme = ("100644", b"README.md", "# Leitfäden\n".encode())
        parent = root
        if isinstance(pre, list):
            tree = write_tree(src, env, [readme] + pre)
            parent = git_out(["commit-tree", tree, "-p", root, "-m", "Vorstufe"], src, env)
            must(git(["update-ref", "refs/heads/pre", parent], src, env), "pre")
        tree = write_tree(src, env, [readme] + entries, sort=pre != "UNSORTED")
        hostile = git_out(["commit-tree", tree, "-p", parent, "-m", "Feindlich"], src, env)
        must(git(["update-ref", "refs/heads/hostile", hostile], src, env), "hostile")
        with open(os.path.join(src, "Neu.md"), "w") as f:
            f.write("Neuer Abschnitt\n")
        must(git(["add", "-A"], src, env), "add")
        must(git(["commit", "-q", "-m", "Weiter"], src, env), "commit")
        return src

    def tree_case(self, case, reference, entries, pre):
        env = self.env
        src = self.source(case, entries, pre)
        # fsck
        self.record(case, reference, "fsck", git(["fsck", "--strict"], src, env), pfad(["fsck", "--strict"], src, env))
        # receive
        results = {}
        for tool in ("git", "pfad"):
            dst = os.path.join(self.side(case, tool), "dst.git")
            must(git(["init", "-q", "--bare", dst], self.base, env), "init dst")
            must(git(["config", "receive.fsckObjects", "true"], dst, env), "config")
            receive = ["--receive-pack=%s receive-pack" % PFAD] if tool == "pfad" else []
            r = git(["push", "-q"] + receive + [dst, "hostile:refs/heads/h"], src, env)
            created = git(["rev-parse", "-q", "--verify", "refs/heads/h"], dst, env).code == 0
            results[tool] = (r, created)
        self.record(case, reference, "receive", results["git"][0], results["pfad"][0],
                    git_accepted=results["git"][1], pfad_accepted=results["pfad"][1])
        # checkout, merge
        for op in ("checkout", "merge"):
            out = {}
            for tool in ("git", "pfad"):
                folder = self.side(case, tool)
                repo = os.path.join(folder, "repo")
                shutil.copytree(src, repo, symlinks=True)
                runner = git if tool == "git" else pfad
                if isinstance(pre, list):
                    must(runner(["checkout", "-q", "pre"], repo, env), "%s checkout pre" % tool)
                    if op == "merge":
                        must(runner(["checkout", "-q", "main"], repo, env), "%s back to main" % tool)
                args = ["checkout", "-q", "hostile"] if op == "checkout" else ["merge", "-q", "--no-edit", "hostile"]
                out[tool] = (runner(args, repo, env), escaped(folder))
            self.record(case, reference, op, out["git"][0], out["pfad"][0], out["git"][1], out["pfad"][1])
        # clone of a repository whose HEAD is the hostile commit
        bare = os.path.join(self.base, case, "src.git")
        must(git(["clone", "-q", "--bare", src, bare], self.base, env), "bare")
        must(git(["symbolic-ref", "HEAD", "refs/heads/hostile"], bare, env), "HEAD")
        out = {}
        for tool in ("git", "pfad"):
            folder = self.side(case, tool)
            runner = git if tool == "git" else pfad
            out[tool] = (runner(["clone", "-q", bare, "repo"], folder, env), escaped(folder))
        self.record(case, reference, "clone", out["git"][0], out["pfad"][0], out["git"][1], out["pfad"][1])

    # Patch cases ------------------------------------------------------------

    def patch_case(self, case, reference, text, links):
        env = self.env
        out = {}
        for tool in ("git", "pfad"):
            folder = self.side(case, tool)
            repo = os.path.join(folder, "repo")
            must(git(["init", "-q", repo], folder, env), "init")
            with open(os.path.join(repo, "README.md"), "w") as f:
                f.write("# Leitfäden\n")
            for name, target in links:
                os.symlink(target, os.path.join(repo, name))
            must(git(["add", "-A"], repo, env), "add")
            must(git(["commit", "-q", "-m", "Anfang"], repo, env), "commit")
            runner = git if tool == "git" else pfad
            out[tool] = (runner(["apply"], repo, env, stdin=text.encode()), escaped(folder))
        self.record(case, reference, "apply", out["git"][0], out["pfad"][0], out["git"][1], out["pfad"][1])

    # Raw receive-pack requests ------------------------------------------------

    def receive_request(self, src, env, damage):
        """The bytes a client sends to receive-pack, damaged as `damage` says."""
        head = git_out(["rev-parse", "HEAD"], src, env)
        zero = "0" * 40
        ref, old, new = "refs/heads/neu", zero, head
        if damage.startswith("refname:"):
            ref = damage.split(":", 1)[1]
        if damage == "stale":
            # The receiver's main is at HEAD~2; the client claims HEAD~1.
            ref, old = "refs/heads/main", git_out(["rev-parse", "HEAD~1"], src, env)
        # The receiver has HEAD~2: a pack from there is complete, one from HEAD~1 lacks a commit.
        revs = (new + ("\n^HEAD~1\n" if damage == "missing" else "\n^HEAD~2\n")).encode()
        pack = must(run([GIT, "pack-objects", "--stdout", "--revs", "-q"], src, env, stdin=revs), "pack").out
        if damage == "truncate":
            pack = pack[: len(pack) // 2]
        elif damage == "trailer":
            pack = pack[:-1] + bytes([pack[-1] ^ 0xFF])
        elif damage == "count":
            pack = pack[:8] + struct.pack(">I", struct.unpack(">I", pack[8:12])[0] + 5) + pack[12:]
        elif damage == "zlib":
            middle = len(pack) // 2
            pack = pack[:middle] + bytes(b ^ 0x5A for b in pack[middle:middle + 8]) + pack[middle + 8:]
        elif damage == "nopack":
            pack = b""
        line = ("%s %s %s\0report-status\n" % (old, new, ref)).encode()
        return ("%04x" % (len(line) + 4)).encode() + line + b"0000" + pack

    def receive_case(self, case, reference, damage):
        env = self.env
        src = os.path.join(self.base, case, "src")
        must(git(["init", "-q", src], self.base, env), "init")
        for n in range(3):
            with open(os.path.join(src, "Teil %d.md" % n), "w") as f:
                f.write("# Teil %d\n\n%s\n" % (n, "Straße und Bürger " * 40))
            must(git(["add", "-A"], src, env), "add")
            must(git(["commit", "-q", "-m", "Teil %d" % n], src, env), "commit")
        request = self.receive_request(src, env, damage)
        out = {}
        for tool in ("git", "pfad"):
            dst = os.path.join(self.side(case, tool), "dst.git")
            must(git(["init", "-q", "--bare", dst], self.base, env), "dst")
            must(git(["push", "-q", dst, "HEAD~2:refs/heads/main"], src, env), "dst main")
            old_main = git_out(["rev-parse", "HEAD~2"], src, env)
            must(git(["config", "receive.fsckObjects", "true"], dst, env), "config")
            args = ["receive-pack", dst]
            r = pfad(args, self.base, env, stdin=request) if tool == "pfad" else git(args, self.base, env, stdin=request)
            refs = git_out(["for-each-ref", "--format=%(refname) %(objectname)"], dst, env)
            changed = refs != "refs/heads/main " + old_main
            unpack_ok = b"unpack ok" in r.out
            out[tool] = (r, changed and unpack_ok)
        self.record(case, reference, "receive-pack", out["git"][0], out["pfad"][0],
                    git_accepted=out["git"][1], pfad_accepted=out["pfad"][1])

    # Hostile HTTP requests to `pfad serve` ---------------------------------

    def http_cases(self, cases):
        """Sends each request to one `pfad serve`; git has no server of its own to compare (n/a)."""
        env = self.env
        folder = os.path.join(self.base, "http")
        root = os.path.join(folder, "root")
        os.makedirs(root)
        must(git(["init", "-q", "--bare", os.path.join(root, "leitfaden.git")], folder, env), "init served")
        secret = os.path.join(folder, "geheim.git")
        must(git(["init", "-q", "--bare", secret], folder, env), "init secret")
        src = os.path.join(folder, "src")
        must(git(["init", "-q", src], folder, env), "init src")
        with open(os.path.join(src, "geheim.md"), "w") as f:
            f.write("vertraulich\n")
        must(git(["add", "-A"], src, env), "add")
        must(git(["commit", "-q", "-m", "Geheim"], src, env), "commit")
        must(git(["push", "-q", secret, "HEAD:refs/heads/geheimnis"], src, env), "push secret")
        must(git(["push", "-q", os.path.join(root, "leitfaden.git"), "HEAD:refs/heads/main"], src, env), "push served")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([PFAD, "serve", "--host", "127.0.0.1", "--port", str(port), root], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            for case, reference, path in cases:
                status, body, hung = 0, b"", False
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                    conn.request("GET", path)
                    response = conn.getresponse()
                    status, body = response.status, response.read()
                    conn.close()
                except socket.timeout:
                    hung = True
                except (ConnectionError, http.client.HTTPException):
                    status = 0
                crashed = server.poll() is not None
                leak = b"geheimnis" in body or b"root:" in body or b"[core]" in body
                result = Result(0 if status == 200 else 1, b"", ("HTTP %d" % status).encode(), hung, 0)
                if crashed:
                    result = Result(-9, b"", b"server died", False, 0)
                self.record(case, reference, "http", None, result, pfad_escape=leak)
                if crashed:
                    break
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()

    def main(self):
        wanted = self.args.only.split(",") if self.args.only else None

        def chosen(case):
            return wanted is None or case in wanted

        for case, reference, entries, pre in TREE_CASES:
            if chosen(case):
                self.tree_case(case, reference, entries, pre)
        for case, reference, text, links in PATCH_CASES:
            if chosen(case):
                self.patch_case(case, reference, text, links)
        for case, reference, damage in RECEIVE_CASES:
            if chosen(case):
                self.receive_case(case, reference, damage)
        http_cases = [c for c in HTTP_CASES if chosen(c[0])]
        if http_cases:
            self.http_cases(http_cases)
        return self.report()

    def report(self):
        rows = self.rows
        crash = sum(1 for r in rows if "CRASH" in r["pfad"])
        hang = sum(1 for r in rows if "HANG" in r["pfad"])
        escape = sum(1 for r in rows if r["pfad_escape"])
        strict_ops = ("fsck", "receive", "receive-pack")
        mismatch_strict = [r for r in rows if r["op"] in strict_ops and not r["match"]]
        stricter = [r for r in rows if r["op"] not in strict_ops and not r["match"] and r["pfad"].startswith("refuse")]
        laxer = [r for r in rows if r["op"] not in strict_ops and not r["match"] and not r["pfad"].startswith("refuse")]
        # Control cases must pass, or the harness measures nothing.
        controls_failed = sum(1 for r in rows if r["reference"].startswith("control") and "refuse" in r["pfad"] + r["git"])
        summary = {"tried": len(rows), "controls_failed": controls_failed, "same_verdict": sum(1 for r in rows if r["match"]), "crash": crash, "hang": hang,
                   "escape": escape, "fsck_receive_mismatch": len(mismatch_strict), "pfad_stricter": len(stricter),
                   "pfad_laxer": len(laxer), "git_escapes": sum(1 for r in rows if "ESCAPE" in r["git"])}
        print(json.dumps(summary, indent=1))
        if self.args.json:
            with open(self.args.json, "w") as f:
                json.dump({"summary": summary, "rows": rows}, f, indent=1, ensure_ascii=False)
        if self.args.markdown:
            with open(self.args.markdown, "w") as f:
                f.write(markdown(rows))
        if not self.args.keep:
            shutil.rmtree(self.base, ignore_errors=True)
        return 1 if crash or hang or escape or mismatch_strict or laxer or controls_failed else 0


def markdown(rows):
    """One line per case: git's and pfad's verdict for every operation."""
    ops = []
    for r in rows:
        if r["op"] not in ops:
            ops.append(r["op"])
    cases = []
    by_case = {}
    for r in rows:
        if r["case"] not in by_case:
            cases.append((r["case"], r["reference"]))
            by_case[r["case"]] = {}
        by_case[r["case"]][r["op"]] = r
    short = {"accept": "A", "refuse": "R"}
    lines = ["| case | reference | " + " | ".join(ops) + " |", "|---|---|" + "---|" * len(ops)]
    for case, reference in cases:
        cells = []
        for op in ops:
            r = by_case[case].get(op)
            if r is None:
                cells.append("")
                continue
            g = " ".join(short.get(w, w) for w in r["git"].split())
            p = " ".join(short.get(w, w) for w in r["pfad"].split())
            cells.append(g + " / " + p + ("" if r["match"] else " *"))
        lines.append("| `%s` | %s | %s |" % (case, reference, " | ".join(cells)))
    return "\n".join(lines) + "\n"


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", help="run only these cases (names, comma-separated)")
    p.add_argument("--markdown", help="write the verdict table (Markdown) here")
    p.add_argument("--json", help="write every row (JSON) here")
    p.add_argument("--keep", action="store_true")
    return p.parse_args()


if __name__ == "__main__":
    sys.exit(Catalogue(parse()).main())
