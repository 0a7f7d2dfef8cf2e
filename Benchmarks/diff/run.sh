#!/bin/sh
# Diff engine benchmarks: pfad vs git diff --no-index, side by side.
# Usage: Benchmarks/diff/run.sh   (from the package root)
# Needs: python3, hyperfine, git. Results go to stdout; record them in
# Benchmarks/README.md with the machine description printed at the start.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=/dev/shm/pfad-bench-diff
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "git: $(git --version)"
python3 "$ROOT/Benchmarks/diff/gen.py" "$WORK"
cd "$ROOT"
if ! swift build -c release --static-swift-stdlib --product pfad --scratch-path .build-bench >/dev/null 2>&1; then
    swift build -c release --product pfad --scratch-path .build-bench >/dev/null
fi
PFAD="$ROOT/.build-bench/release/pfad"
cd "$WORK"
for pair in lines prose; do
    for alg in myers histogram patience minimal; do
        [ "$pair" = prose ] && [ "$alg" = minimal ] && continue
        hyperfine -N -i --warmup 2 --runs 10 --export-json "$WORK/$pair-$alg.json" \
            -n "pfad $pair $alg" "$PFAD diff --no-index --diff-algorithm=$alg $pair-a.txt $pair-b.txt" \
            -n "git $pair $alg" "git diff --no-index --diff-algorithm=$alg $pair-a.txt $pair-b.txt" \
            >/dev/null
        python3 - "$WORK/$pair-$alg.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
p, g = r[0], r[1]
print(f"{p['command'][:60]:60s} mean {p['mean']*1000:8.1f} ms ± {p['stddev']*1000:5.1f}")
print(f"{g['command'][:60]:60s} mean {g['mean']*1000:8.1f} ms ± {g['stddev']*1000:5.1f}")
print(f"  ratio pfad/git = {p['mean']/g['mean']:.2f}")
PY
        psize=$("$PFAD" diff --no-index --diff-algorithm=$alg $pair-a.txt $pair-b.txt | wc -c || true)
        gsize=$(git diff --no-index --diff-algorithm=$alg $pair-a.txt $pair-b.txt | wc -c || true)
        echo "  patch bytes: pfad $psize, git $gsize"
    done
done
