#!/bin/sh
# gc of a guide-like repository with ~20,000 loose objects: pfad vs git,
# side by side in one hyperfine run, then the resulting pack sizes.
#
# Usage: Benchmarks/packs/gc.sh [path-to-pfad]   (default: release build)
# Work happens in /dev/shm/pfad-gc-bench. Needs python3, git, hyperfine.
set -eu
PFAD=${1:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/pfad}
WORK=/dev/shm/pfad-gc-bench
rm -rf "$WORK" && mkdir -p "$WORK"
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK" TZ=UTC LC_ALL=C
git init -q -b main "$WORK/seed"
git -C "$WORK/seed" config gc.auto 0

# History: 5 municipalities x 12 guides, 3,600 commits of one or two small
# edits (a sentence inserted, changed or removed) to German Markdown files.
python3 - "$WORK/stream" <<'PY'
import random, sys
random.seed(5)
towns = ["Arnsberg", "Bad Berleburg", "Menden", "Olpe", "Soest"]
topics = ["Beteiligung", "Radwege", "Digitale Verwaltung", "Open Data", "Klimaschutz", "Mobilität",
          "Bürgerbüro", "Schulen", "Ehrenamt", "Tourismus", "Breitband", "Übersicht"]
words = ("der die das und für mit Bürgerinnen Bürger Verwaltung Straße Prozess Beteiligung "
         "Südwestfalen Kommune Öffentlichkeit Maßnahme Daten Plattform Werkstatt Rat Beschluss "
         "Förderung Umsetzung Ergebnis Übersicht größer Änderung Leitfaden Team Pilot").split()
def sentence():
    return " ".join(random.choice(words) for _ in range(random.randint(6, 16))).capitalize() + "."
files = {}
for t in towns:
    for p in topics:
        body = [f"# {p} in {t}", ""]
        for s in range(random.randint(4, 9)):
            body.append(f"## Abschnitt {s + 1}")
            body += [sentence() for _ in range(random.randint(3, 8))]
            body.append("")
        files[f"Leitfäden/{t}/{p}.md"] = body
paths = sorted(files)
out = open(sys.argv[1], "w", encoding="utf-8")
def data(text):
    b = text.encode()
    out.write(f"data {len(b)}\n"); out.flush(); out.buffer.write(b); out.write("\n")
for n in range(3600):
    out.write("commit refs/heads/main\n")
    out.write(f"committer Jörg Müller <joerg@soest.example> {1700000000 + n * 900} +0100\n")
    changed = paths if n == 0 else random.sample(paths, random.choice([1, 1, 2]))
    data(f"Überarbeitung {n}: {', '.join(p.split('/')[-1] for p in changed)}\n")
    for p in changed:
        body = files[p]
        if n:
            i = random.randrange(2, len(body))
            op = random.random()
            if op < 0.5: body.insert(i, sentence())
            elif op < 0.8: body[i] = sentence()
            elif len(body) > 10: del body[i]
        out.write(f"M 100644 inline {p}\n")
        data("\n".join(body) + "\n")
    if n % 400 == 399:
        out.write(f"tag v{n // 400 + 1}.0\nfrom refs/heads/main\n")
        out.write(f"tagger Anna Schäfer <anna@arnsberg.example> {1700000000 + n * 900} +0100\n")
        data(f"Katalog {n // 400 + 1}.0\n")
out.close()
PY
git -C "$WORK/seed" fast-import --quiet < "$WORK/stream"
mv "$WORK"/seed/.git/objects/pack/*.pack "$WORK/import.pack"
rm -f "$WORK"/seed/.git/objects/pack/*
git -C "$WORK/seed" unpack-objects -q < "$WORK/import.pack"
git -C "$WORK/seed" reset -q --hard main
git -C "$WORK/seed" count-objects -v | head -2

# One --prepare per command: each run starts from a fresh copy of its own side.
hyperfine --warmup 1 --runs 5 \
  --prepare "rm -rf $WORK/g && cp -a $WORK/seed $WORK/g" \
  --prepare "rm -rf $WORK/p && cp -a $WORK/seed $WORK/p" \
  -n "git gc" "git -C $WORK/g gc -q" \
  -n "pfad gc" "$PFAD -C $WORK/p gc -q"

for side in g p; do
  git -C "$WORK/$side" fsck --strict --no-dangling >/dev/null
  printf '%s: ' "$side"; ls -l "$WORK"/$side/.git/objects/pack/*.pack | awk '{print $5 " bytes"}'
  git -C "$WORK/$side" verify-pack -v "$WORK"/$side/.git/objects/pack/pack-*.idx | grep -E '^non delta' || true
done
