#!/usr/bin/env bash
# Side-by-side benchmark of pfad and git on a 5,000-commit history:
#   1. log --format=%H            (whole history)
#   2. log --format=%H -- PATH    (path-limited, default simplification)
#   3. log --oneline -n 100       (streaming start of a long history)
#   4. rev-list --count --all
# The history (with merges every 50 commits) is made by one `git
# fast-import` run, then unpacked so that every object is loose (pfad reads
# loose objects only so far); both tools read the same repository.
#
# Usage: Benchmarks/history/log.sh [RUNS]   (default 10)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
work=/dev/shm/pfad-bench-history

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && swift build -c release --static-swift-stdlib --product pfad >/dev/null)
pfad="$root/.build/release/pfad"

export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
rm -rf "$work" && mkdir -p "$work/home" "$work/repo"
printf '[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n' > "$work/home/.gitconfig"
cd "$work/repo"
git init -q -b main .
echo "generating 5,000 commits"
python3 - <<'PY' | git fast-import --quiet
import random
random.seed(20261128)
towns = ["arnsberg", "bad-berleburg", "menden", "olpe", "soest"]
files = [f"guides/{t}/kapitel-{k:02d}.md" for t in towns for k in range(10)]
out = []
mark = 0
t = 1700000000
main = None
side = None
for i in range(5000):
    mark += 1
    t += random.choice([0, 30, 60, 600])
    on_side = (i % 50) in range(40, 49) and main is not None
    ref = "refs/heads/side" if on_side else "refs/heads/main"
    msg = f"Leitfaden {i}: Überarbeitung\n\nAbschnitt {i} ergänzt.\n"
    out.append(f"commit {ref}\nmark :{mark}\n")
    out.append(f"author Anna Schäfer <anna@arnsberg.example> {t} +0100\n")
    out.append(f"committer Jörg Müller <joerg@soest.example> {t} +0100\n")
    out.append(f"data {len(msg.encode())}\n{msg}")
    if on_side:
        parent = side if (i % 50) != 40 else main
        out.append(f"from :{parent}\n")
        side = mark
    else:
        if main is not None:
            out.append(f"from :{main}\n")
        if (i % 50) == 49 and side is not None:
            out.append(f"merge :{side}\n")
        main = mark
    # The benchmark path (guides/olpe/kapitel-03.md) changes in ~2% of commits.
    for f in random.sample(files, random.choice([1, 1, 2, 3])):
        body = f"{f} Stand {i}\n" * 20
        out.append(f"M 100644 inline {f}\ndata {len(body.encode())}\n{body}")
    out.append("\n")
print("".join(out), end="")
PY
pack=$(ls .git/objects/pack/*.pack)
mv "$pack" ../history.pack && rm -f .git/objects/pack/*.idx
git unpack-objects -q < ../history.pack && rm ../history.pack
echo "commits: $(git rev-list --count main), loose objects: $(git count-objects | cut -d' ' -f1)"

path=guides/olpe/kapitel-03.md
for cmd in "log --format=%H" "log --format=%H -- $path" "log --oneline -n 100" "rev-list --count --all"; do
    diff <(git $cmd) <("$pfad" $cmd) >/dev/null || { echo "outputs differ: $cmd"; exit 1; }
done
echo "outputs identical to git's for every benchmarked command"

hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/results.md" \
    -n "git log --format=%H" "git log --format=%H" \
    -n "pfad log --format=%H" "$pfad log --format=%H" \
    -n "git log -- PATH" "git log --format=%H -- $path" \
    -n "pfad log -- PATH" "$pfad log --format=%H -- $path" \
    -n "git log --oneline -n 100" "git log --oneline -n 100" \
    -n "pfad log --oneline -n 100" "$pfad log --oneline -n 100" \
    -n "git rev-list --count --all" "git rev-list --count --all" \
    -n "pfad rev-list --count --all" "$pfad rev-list --count --all"
cat "$work/results.md"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
