#!/usr/bin/env bash
# Side-by-side benchmark of reading objects: `cat-file --batch
# --batch-all-objects` (and `--batch-check`) on a repository of ~20,000
# objects, once all loose, once packed by `git gc --aggressive` (deep delta
# chains). pfad and git run in the same hyperfine invocation.
#
# Usage: Benchmarks/packs/read.sh [RUNS]   (default 10); SKIP_BUILD=1 to reuse .build/release
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
work=/dev/shm/pfad-bench-packread

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && swift build -c release --static-swift-stdlib >/dev/null)
pfad="$root/.build/release/pfad"

export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
rm -rf "$work" && mkdir -p "$work/home"
printf '[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n' > "$work/home/.gitconfig"

# 2,500 commits over 40 guide files in 5 folders: each commit edits 3 files
# (so every commit adds 3 blobs, 3-4 trees and itself: ~20,000 objects).
python3 - > "$work/stream" <<'PY'
import random, sys
random.seed(20261128)
words = "Leitfaden Verwaltung Bürger Straße Prozess Daten Öffentlichkeit Maß und der die das für Südwestfalen Arnsberg Olpe Soest Menden".split()
files = {f"{['arnsberg','berleburg','menden','olpe','soest'][i % 5]}/kapitel-{i:02d}.md":
         [" ".join(random.choice(words) for _ in range(10)) for _ in range(80)] for i in range(40)}
names = sorted(files)
out = sys.stdout.buffer
for n in range(1, 2501):
    out.write(b"commit refs/heads/main\n")
    out.write(f"mark :{n}\ncommitter Bench <bench@example> {1700000000 + n * 60} +0000\n".encode())
    msg = f"Stand {n}".encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if n > 1:
        out.write(f"from :{n - 1}\n".encode())
    for name in random.sample(names, 3):
        lines = files[name]
        lines.insert(random.randrange(len(lines) + 1), " ".join(random.choice(words) for _ in range(10)))
        if len(lines) > 120:
            del lines[random.randrange(len(lines))]
        body = ("\n".join(lines) + "\n").encode()
        out.write(f"M 100644 inline {name}\n".encode())
        out.write(b"data %d\n%s\n" % (len(body), body))
PY

git init -q "$work/packed"
git -C "$work/packed" fast-import --quiet < "$work/stream"
git -C "$work/packed" gc -q --aggressive
git init -q "$work/loose"
git -C "$work/loose" unpack-objects -q < "$(ls "$work"/packed/.git/objects/pack/*.pack)"
echo "objects: $(git -C "$work/packed" count-objects -v | grep in-pack)"
git -C "$work/packed" verify-pack -s "$(ls "$work"/packed/.git/objects/pack/*.idx)" | tail -3

for kind in packed loose; do
  cd "$work/$kind"
  cmp <("$pfad" cat-file --batch --batch-all-objects) <(git cat-file --batch --batch-all-objects) && echo "$kind: outputs identical"
  hyperfine -N -w 2 -r "$runs" --export-markdown "$work/$kind.md" \
    -n "pfad $kind --batch" "$pfad cat-file --batch --batch-all-objects" \
    -n "git $kind --batch" "git cat-file --batch --batch-all-objects" \
    -n "pfad $kind --batch-check" "$pfad cat-file --batch-check --batch-all-objects" \
    -n "git $kind --batch-check" "git cat-file --batch-check --batch-all-objects" 
  cat "$work/$kind.md"
done
