#!/bin/sh
# Guide merge benchmarks: `pfad merge-file --guide` against `git merge-file`,
# on one guide of ~100 KB with edits on both sides and on the whole corpus
# of concurrent edits (Tests/PfadTestSupport/GuideCorpus).
# Usage: Benchmarks/guide-merge/run.sh   (from the package root, after
# `swift build --build-tests`; the corpus files are written by a test)
# Needs: hyperfine, git.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=/dev/shm/pfad-bench-guide-merge
rm -rf "$WORK"
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "git: $(git --version)"
cd "$ROOT"
GUIDE_CORPUS_DIR="$WORK" swift test --skip-build --filter GuideCorpusDump >/dev/null
if ! swift build -c release --static-swift-stdlib --product pfad --scratch-path .build-bench >/dev/null 2>&1; then
    swift build -c release --product pfad --scratch-path .build-bench >/dev/null
fi
PFAD="$ROOT/.build-bench/release/pfad"
cd "$WORK/large"
echo "large guide: $(wc -c < base.md) bytes base, $(wc -c < ours.md) ours, $(wc -c < theirs.md) theirs"
hyperfine -N -i --warmup 3 --runs 20 \
    -n "pfad merge-file --guide (100 KB)" "$PFAD merge-file -p --guide ours.md base.md theirs.md" \
    -n "git merge-file (100 KB)" "git merge-file -p ours.md base.md theirs.md"
"$PFAD" merge-file -p --guide ours.md base.md theirs.md > pfad.md || echo "pfad: $? conflicts"
cmp -s pfad.md expected.md && echo "pfad result = expected" || echo "pfad result differs from expected"
git merge-file -p ours.md base.md theirs.md > git.md || echo "git: $? conflicts"
cd "$WORK/corpus"
count=$(ls | wc -l)
echo "corpus: $count cases"
hyperfine -i --warmup 1 --runs 5 \
    -n "pfad merge-file --guide (corpus)" "for d in */; do $PFAD merge-file -p --guide \$d/ours.md \$d/base.md \$d/theirs.md >/dev/null; done" \
    -n "git merge-file (corpus)" "for d in */; do git merge-file -p \$d/ours.md \$d/base.md \$d/theirs.md >/dev/null; done"
