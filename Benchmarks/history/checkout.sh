#!/usr/bin/env bash
# Side-by-side benchmark of pfad and git: checkout of 10,000 files (~40 MB)
# into an empty work tree (`switch` from an orphan branch with an empty tree
# to a branch with the files; the prepare step switches back, removing them).
# Both tools run in the same hyperfine invocation on identical copies of the
# repository in /dev/shm (loose objects, as git writes them). Prints pfad/git.
#
# Usage: Benchmarks/history/checkout.sh [RUNS]   (default 10)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
work=/dev/shm/pfad-bench-checkout

command -v hyperfine >/dev/null || { echo "hyperfine is needed"; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && swift build -c release --static-swift-stdlib >/dev/null)
pfad="${PFAD_BIN:-$root/.build/release/pfad}"

export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example" GIT_AUTHOR_DATE="@1700000000 +0000"
export GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example" GIT_COMMITTER_DATE="@1700000000 +0000"

rm -rf "$work" && mkdir -p "$work/home"
printf '[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n' > "$work/home/.gitconfig"
echo "generating 10,000 files in $work/g"
python3 - "$work/g" <<'PY'
import os, random, sys
random.seed(20261128)
root = sys.argv[1]
words = "Leitfaden Verwaltung Bürger Straße Prozess Daten Öffentlichkeit Maß und der die das für Südwestfalen".split()
for i in range(10000):
    d = os.path.join(root, f"kapitel-{i % 100:02d}", f"abschnitt-{(i // 100) % 10}")
    os.makedirs(d, exist_ok=True)
    n = random.randint(20, 60)
    with open(os.path.join(d, f"datei-{i:05d}.md"), "w") as f:
        f.write("".join(" ".join(random.choice(words) for _ in range(10)) + "\n" for _ in range(n)))
PY
cd "$work/g"
git init -q -b main . && git add -A && git commit -q -m "10.000 Dateien"
git switch -q --orphan leer && git commit -q --allow-empty -m "leer"
cp -a "$work/g" "$work/p"

echo "files: $(git -C "$work/g" ls-tree -r main | wc -l), nproc: $(nproc), $(grep -m1 'model name' /proc/cpuinfo)"
hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/checkout.md" \
    --prepare "git -C $work/g switch -q leer" -n "git switch (10,000 files)" "git -C $work/g switch -q main" \
    --prepare "$pfad -C $work/p switch -q leer" -n "pfad switch (10,000 files)" "$pfad -C $work/p switch -q main"
# Same state afterwards.
diff <(git -C "$work/g" ls-files -s) <(git -C "$work/p" ls-files -s) && echo "index identical"
git -C "$work/p" status --porcelain | head -3
