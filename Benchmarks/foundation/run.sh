#!/usr/bin/env bash
# Side-by-side benchmark of pfad and git on the foundation workloads:
#   1. add + commit of 10,000 files (~100 MB)
#   2. a clean `status` on them
#   3. `status` after touching 100 of them (stat data changed, content not)
# Both tools run in the same hyperfine invocation, alternating, on identical
# copies of the work tree in /dev/shm. Prints pfad/git ratios.
#
# Usage: Benchmarks/foundation/run.sh [RUNS]   (default 10; add + commit)
#        STATUS_RUNS (default 3 x RUNS) status runs per tool and workload,
#        split into ROUNDS (default 5) alternating blocks
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
work=/dev/shm/pfad-bench-foundation

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && swift build -c release --static-swift-stdlib >/dev/null)
pfad="$root/.build/release/pfad"

export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example" GIT_AUTHOR_DATE="@1700000000 +0000"
export GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example" GIT_COMMITTER_DATE="@1700000000 +0000"

rm -rf "$work" && mkdir -p "$work/home"
# No background `git gc --auto` after the commit of 10,000 loose objects: it
# would compete with the next runs (pfad has no gc of its own yet).
printf '[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n' > "$work/home/.gitconfig"
echo "generating 10,000 files (~100 MB) in $work/src"
python3 - "$work/src" <<'PY'
import os, random, sys
random.seed(20261128)
root = sys.argv[1]
words = "Leitfaden Verwaltung Bürger Straße Prozess Daten Öffentlichkeit Maß und der die das für Südwestfalen".split()
for i in range(10000):
    d = os.path.join(root, f"kapitel-{i % 100:02d}", f"abschnitt-{(i // 100) % 10}")
    os.makedirs(d, exist_ok=True)
    lines = []
    size = 0
    while size < 10000:
        line = " ".join(random.choice(words) for _ in range(12)) + "\n"
        lines.append(line)
        size += len(line.encode())
    with open(os.path.join(d, f"datei-{i:05d}.md"), "w") as f:
        f.write("".join(lines))
PY

fresh() {  # fresh TOOL DIR: a new repository over a copy of the files
    rm -rf "$2" && cp -a "$work/src" "$2" && "$1" init -q "$2"
}
export -f fresh
export work pfad

hyperfine --shell=bash --runs "$runs" --export-json "$work/add-commit.json" \
    --command-name git  --prepare "fresh git $work/g"   "cd $work/g && git add -A && git commit -q -m Stand" \
    --command-name pfad --prepare "fresh $pfad $work/p" "cd $work/p && $pfad add -A && $pfad commit -q -m Stand"

# Same ids from both tools is part of the result.
gid=$(git -C "$work/g" rev-parse HEAD); pid=$(git -C "$work/p" rev-parse HEAD)
echo "commit ids: git $gid, pfad $pid $([ "$gid" = "$pid" ] && echo '(identical)' || echo '(DIFFERENT)')"

git -C "$work/g" status --porcelain >/dev/null; "$pfad" -C "$work/p" status --porcelain >/dev/null
touch_some() { find "$1" -name 'datei-*0[0-9]0.md' | head -100 | xargs touch; }
export -f touch_some
# The status runs take ~20-40 ms while other builds load the machine in
# waves of seconds: one long hyperfine block per tool would compare different
# loads. So they run in ROUNDS short blocks, alternating which tool goes
# first; the table reports the mean over all runs and the median of the
# per-round ratios.
rounds="${ROUNDS:-5}"
status_runs="${STATUS_RUNS:-$((runs * 3))}"
per=$(( (status_runs + rounds - 1) / rounds )); [ "$per" -ge 2 ] || per=2
for r in $(seq 1 "$rounds"); do
    clean=(--command-name git "git -C $work/g status --porcelain" --command-name pfad "$pfad -C $work/p status --porcelain")
    touched=(--command-name git --prepare "touch_some $work/g" "git -C $work/g status --porcelain"
             --command-name pfad --prepare "touch_some $work/p" "$pfad -C $work/p status --porcelain")
    if [ $((r % 2)) -eq 0 ]; then
        clean=("${clean[@]:3:3}" "${clean[@]:0:3}"); touched=("${touched[@]:5:5}" "${touched[@]:0:5}")
    fi
    hyperfine --shell=bash --warmup 2 --runs "$per" --export-json "$work/status-clean.$r.json" "${clean[@]}"
    hyperfine --shell=bash --runs "$per" --export-json "$work/status-touched.$r.json" "${touched[@]}"
done

python3 - "$work" "$rounds" <<'PY'
import json, sys, os, statistics
work, rounds = sys.argv[1], int(sys.argv[2])
def load(name):
    return {x["command"]: x for x in json.load(open(os.path.join(work, name)))["results"]}
print()
print("| workload | git (ms) | pfad (ms) | pfad/git (means) | pfad/git (median of rounds) |")
print("|---|---|---|---|---|")
r = load("add-commit.json")
g, p = r["git"], r["pfad"]
print(f"| add -A + commit, 10,000 files | {g['mean']*1000:.1f} ± {g['stddev']*1000:.1f} | {p['mean']*1000:.1f} ± {p['stddev']*1000:.1f} | {p['mean']/g['mean']:.2f}x | - |")
for name, label in [("status-clean", "status, clean"), ("status-touched", "status, 100 files touched")]:
    times = {"git": [], "pfad": []}
    ratios = []
    for i in range(1, rounds + 1):
        r = load(f"{name}.{i}.json")
        for tool in times: times[tool] += r[tool]["times"]
        ratios.append(r["pfad"]["mean"] / r["git"]["mean"])
    g, p = times["git"], times["pfad"]
    mg, mp = statistics.mean(g) * 1000, statistics.mean(p) * 1000
    print(f"| {label} | {mg:.1f} ± {statistics.stdev(g)*1000:.1f} | {mp:.1f} ± {statistics.stdev(p)*1000:.1f} | {mp/mg:.2f}x | {statistics.median(ratios):.2f}x |")
PY
