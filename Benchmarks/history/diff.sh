#!/bin/sh
# History benchmark: `diff` between two far-apart commits of a long history,
# pfad vs git side by side (hyperfine), plus the work-tree diff of a clean
# checkout. Usage: Benchmarks/history/diff.sh   (from the package root)
# Needs python3, git, hyperfine. Prints the machine, then per command the
# means, the ratio pfad/git, and whether both outputs are byte-identical.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=/dev/shm/pfad-bench-history
COMMITS=${COMMITS:-2000}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "git: $(git --version)"
if [ ! -d "$WORK/.git" ]; then
    rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
    git init -q -b main && git config gc.auto 0
    python3 "$ROOT/Benchmarks/history/gen_history.py" "$COMMITS" | git fast-import --quiet
    # pfad reads loose objects only (packs come with another issue): unpack.
    mkdir -p "$WORK.pack" && mv .git/objects/pack/* "$WORK.pack/"
    git unpack-objects -q < "$WORK".pack/*.pack
    rm -rf "$WORK.pack"
    git checkout -q main
fi
cd "$ROOT"
swift build -c release --static-swift-stdlib --product pfad >/dev/null
PFAD="$ROOT/.build/release/pfad"
cd "$WORK"
echo "history: $(git rev-list --count HEAD) commits, $(git ls-files | wc -l) files, $(git count-objects | cut -d' ' -f1) loose objects"
FAR="HEAD~$((COMMITS - 100))"
run() {
    name=$1; shift
    if [ "$("$PFAD" diff "$@" | sha1sum)" = "$(git -c diff.indentHeuristic=false diff "$@" | sha1sum)" ]; then same=identical; else same=DIFFERENT; fi
    hyperfine -N --warmup 2 --runs 10 --export-json "$WORK.json" \
        -n "pfad diff $*" "$PFAD diff $*" \
        -n "git diff $*" "git -c diff.indentHeuristic=false diff $*" >/dev/null
    python3 - "$WORK.json" "$name" "$same" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
p, g = r[0], r[1]
print(f"| {sys.argv[2]} | {p['mean']*1000:.1f} ± {p['stddev']*1000:.1f} | {g['mean']*1000:.1f} ± {g['stddev']*1000:.1f} | {p['mean']/g['mean']:.2f} | {sys.argv[3]} |")
PY
}
echo "| command | pfad (ms) | git (ms) | pfad/git | output |"
echo "|---|---:|---:|---:|---|"
run "diff $FAR HEAD (patch)" "$FAR" HEAD
run "diff --stat $FAR HEAD" --stat "$FAR" HEAD
run "diff --name-status $FAR HEAD" --name-status "$FAR" HEAD
run "diff --no-renames --name-status $FAR HEAD" --no-renames --name-status "$FAR" HEAD
run "diff HEAD~1 HEAD (one commit, patch)" HEAD~1 HEAD
run "diff (clean work tree)"
