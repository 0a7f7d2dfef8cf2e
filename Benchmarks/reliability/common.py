"""Shared helpers of the reliability suite: a deterministic environment for
git and pfad, process runs with time limits, and the outcome vocabulary
(clean / crash / hang / wrong) every script counts in."""

import os
import shutil
import signal
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pfad_binary():
    """The pfad binary: $PFAD_BIN, else the release build, else the debug build."""
    if os.environ.get("PFAD_BIN"):
        return os.environ["PFAD_BIN"]
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "pfad")
        if os.access(path, os.X_OK):
            return path
    raise SystemExit("no pfad binary: build it (swift build -c release) or set PFAD_BIN")


PFAD = pfad_binary()
GIT = shutil.which("git") or "/usr/bin/git"


def environment(home):
    """git's and pfad's environment: no system or global config, fixed names, UTC, C locale."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.path.join(home, ".gitconfig"),
        "GIT_AUTHOR_NAME": "Anna Schäfer",
        "GIT_AUTHOR_EMAIL": "anna.schaefer@arnsberg.example",
        "GIT_COMMITTER_NAME": "Jörg Müller",
        "GIT_COMMITTER_EMAIL": "joerg.mueller@soest.example",
        "TZ": "UTC",
        "LC_ALL": "C",
        "LANG": "C",
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",
    }
    with open(env["GIT_CONFIG_GLOBAL"], "w") as f:
        f.write("[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[advice]\n\tdetachedHead = false\n")
    return env


def scratch(prefix):
    """A fresh folder under /dev/shm (fast file creation) or the temp folder."""
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    return tempfile.mkdtemp(prefix=prefix, dir=base)


class Result:
    """How a process ended: `code` (negative: killed by that signal), `hung`, output."""

    def __init__(self, code, out, err, hung, seconds):
        self.code = code
        self.out = out
        self.err = err
        self.hung = hung
        self.seconds = seconds

    @property
    def ok(self):
        return self.code == 0 and not self.hung

    @property
    def crashed(self):
        """Ended by a signal nobody sent (a trap, a segfault, an abort)."""
        return not self.hung and self.code is not None and self.code < 0


def run(args, cwd, env, stdin=b"", timeout=60):
    """Runs `args` in its own process group; a run past `timeout` is killed and marked hung."""
    start = time.monotonic()
    proc = subprocess.Popen(
        args, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
        return Result(proc.returncode, out, err, False, time.monotonic() - start)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Result(proc.returncode, out, err, True, time.monotonic() - start)


def git(args, cwd, env, **kw):
    return run([GIT] + args, cwd, env, **kw)


def pfad(args, cwd, env, **kw):
    return run([PFAD] + args, cwd, env, **kw)


def must(result, what):
    """Stops the script when a set-up step fails (a harness error, not a finding)."""
    if not result.ok:
        raise SystemExit("set-up step failed: %s (exit %s)\n%s" % (what, result.code, result.err.decode(errors="replace")))
    return result


def git_out(args, cwd, env, stdin=b""):
    return must(git(args, cwd, env, stdin=stdin), "git " + " ".join(args)).out.decode().strip()


def remove_stale_locks(git_dir):
    """Deletes `*.lock` files a killed process left (what a user does after a crash); returns how many."""
    count = 0
    for folder, _, files in os.walk(git_dir):
        for name in files:
            if name.endswith(".lock"):
                os.unlink(os.path.join(folder, name))
                count += 1
    return count


def table(rows, headers):
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)
