#!/usr/bin/env bash
# blame of a guide with 1,000 revisions: pfad vs git, side by side.
# Run from the package root. Needs python3, git, hyperfine.
set -euo pipefail
ROOT=$(pwd)
WORK=/dev/shm/pfad-bench-blame
rm -rf "$WORK" && mkdir -p "$WORK/repo"
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK" TZ=UTC LC_ALL=C
python3 "$ROOT/Benchmarks/history/gen-blame.py" > "$WORK/stream"
cd "$WORK/repo"
git init -q -b main .
# Loose objects: pfad reads no packs yet; both tools read the same repository.
git -c gc.auto=0 -c fastimport.unpackLimit=100000000 fast-import --quiet < "$WORK/stream"
git -c gc.auto=0 checkout -q main
cd "$ROOT"
swift build -c release --static-swift-stdlib >/dev/null
PFAD="$ROOT/.build/release/pfad"
cd "$WORK/repo"
echo "revisions of guides/sorpesee.md: $(git log --oneline -- guides/sorpesee.md | wc -l), lines: $(wc -l < guides/sorpesee.md)"
for fmt in "--porcelain" "" ; do
  git -c gc.auto=0 blame $fmt guides/sorpesee.md > "$WORK/git.out"
  "$PFAD" blame $fmt guides/sorpesee.md > "$WORK/pfad.out"
  if cmp -s "$WORK/git.out" "$WORK/pfad.out"; then echo "blame $fmt: outputs identical"; else echo "blame $fmt: OUTPUTS DIFFER"; fi
done
hyperfine -N --warmup 2 --runs 10 \
  "git -c gc.auto=0 blame --porcelain guides/sorpesee.md" \
  "$PFAD blame --porcelain guides/sorpesee.md" \
  "git -c gc.auto=0 blame -L 100,150 guides/sorpesee.md" \
  "$PFAD blame -L 100,150 guides/sorpesee.md" \
  "git -c gc.auto=0 blame guides/sorpesee.md" \
  "$PFAD blame guides/sorpesee.md"
