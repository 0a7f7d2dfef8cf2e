#!/bin/sh
# Builds the merge benchmark repository in $1 (deterministic): 2,000 guide
# files of 60 lines in 40 folders; branch `side` edits 300 files near their
# start, `main` edits 300 files near their end (100 of them the same files:
# clean three-way text merges), each side also adds 50 and deletes 20 files.
set -e
dir=$1
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example
export GIT_AUTHOR_DATE='1700000000 +0100' GIT_COMMITTER_DATE='1700000000 +0100'
git init -q -b main . && git config gc.auto 0
python3 - <<'PY'
import os
for f in range(2000):
    d = f"ort-{f % 40:02d}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/leitfaden-{f:04d}.md", "w") as out:
        for l in range(60):
            out.write(f"Zeile {l} des Leitfadens {f}: Sehenswürdigkeiten und Wege in Südwestfalen.\n")
PY
git add -A && git commit -q -m base
edit() { # branch start step line
  python3 - "$@" <<'PY'
import sys, os
branch, start, line = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for f in range(start, start + 300):
    p = f"ort-{f % 40:02d}/leitfaden-{f:04d}.md"
    lines = open(p).read().split("\n")
    lines[line] = lines[line] + f" (geändert auf {branch})"
    open(p, "w").write("\n".join(lines))
for n in range(50):
    os.makedirs("neu", exist_ok=True)
    open(f"neu/{branch}-{n}.md", "w").write(f"Neu auf {branch}: {n}\n" * 20)
PY
}
git checkout -q -b side
edit side 0 3
git rm -q ort-*/leitfaden-19[0-1]?.md 2>/dev/null || true
git add -A && git commit -q -m side
git checkout -q main
edit main 200 55
git rm -q ort-*/leitfaden-18[0-1]?.md 2>/dev/null || true
git add -A && git commit -q -m main
