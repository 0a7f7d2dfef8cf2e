#!/usr/bin/env bash
# Regenerates the fuzz seeds in Tests/Fuzz/corpus/<target>/ from real git
# (git 2.39) where git can write the format, and from small hand-made
# inputs elsewhere. Seeds named ok-* must be accepted by their target
# (PfadFuzzingTests checks that); reproducers of findings (crash-*, and
# limit-* for inputs at a documented limit) are kept. Deterministic but for
# the stat data in the index files and the progress lines upload-pack sends.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=Tests/Fuzz/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
export GIT_AUTHOR_NAME="Anna Müller" GIT_AUTHOR_EMAIL=anna@example.org
export GIT_COMMITTER_NAME="Bernd Schäfer" GIT_COMMITTER_EMAIL=bernd@example.org
export GIT_AUTHOR_DATE="1764324000 +0100" GIT_COMMITTER_DATE="1764327600 +0100"
mkdir -p "$HOME"
for t in loose-object commit tag tree pack delta idx index config pkt-line http-request patch front-matter; do
    # Reproducers (crash-*, limit-*) stay; only the generated seeds are remade.
    mkdir -p "$corpus/$t"; rm -f "${corpus:?}/$t"/ok-* "${corpus:?}/$t"/seed-*
done

repo="$work/repo"
git init -q -b main "$repo"
cd "$repo"
mkdir -p wege
printf 'Der Weg beginnt am Marktplatz.\nEr führt über die Brücke.\nDann geht es bergauf.\n' > wege/anfang.md
for i in $(seq 1 40); do echo "Zeile $i: Wir wandern weiter durch den Wald."; done > wege/wald.md
printf '#!/bin/sh\necho hallo\n' > pruefen.sh; chmod +x pruefen.sh
git add . && git commit -q -m "Erste Fassung der Wege"
echo "Zeile 41: Am Ende steht eine Hütte." >> wege/wald.md
sed -i 's/Brücke/alte Brücke/' wege/anfang.md
git commit -q -am "Wald und Brücke ergänzt"
git checkout -q -b nebenweg HEAD~1
echo "Ein Nebenweg." > wege/neben.md && git add wege/neben.md && git commit -q -m "Nebenweg"
git checkout -q main
git merge -q --no-edit nebenweg
git tag -a -m "Erste Ausgabe" v1
git -c i18n.commitEncoding=ISO-8859-1 commit -q --allow-empty -m "Leerer Stand"
cd - >/dev/null
here=$(pwd)
g() { git -C "$repo" "$@"; }

# Objects: content as cat-file gives it, loose files as git wrote them.
g cat-file commit HEAD~1 > "$corpus/commit/ok-merge"
g cat-file commit HEAD~2 > "$corpus/commit/ok-plain"
g cat-file commit HEAD > "$corpus/commit/ok-encoding"
g cat-file tag v1 > "$corpus/tag/ok-annotated"
g cat-file tree HEAD^{tree} > "$corpus/tree/ok-root"
g cat-file tree HEAD:wege > "$corpus/tree/ok-subtree"
for rev in HEAD HEAD^{tree} HEAD:wege/anfang.md v1; do
    id=$(g rev-parse "$rev")
    name=$(g cat-file -t "$id")
    cp "$repo/.git/objects/${id:0:2}/${id:2}" "$corpus/loose-object/ok-$name"
done

# Packs and indexes: OFS_DELTA and REF_DELTA entries, .idx v2 and v1.
g rev-list --objects --all > "$work/objects"
git -C "$repo" pack-objects -q --window=10 --depth=5 --delta-base-offset "$work/ofs" < "$work/objects" >/dev/null
git -C "$repo" pack-objects -q --window=10 --depth=5 "$work/ref" < "$work/objects" >/dev/null
cp "$work"/ofs-*.pack "$corpus/pack/ok-ofs-delta.pack"
cp "$work"/ref-*.pack "$corpus/pack/ok-ref-delta.pack"
cp "$work"/ofs-*.idx "$corpus/idx/ok-v2.idx"
git index-pack -o "$work/v1.idx" --index-version=1 "$work"/ofs-*.pack >/dev/null
cp "$work/v1.idx" "$corpus/idx/ok-v1.idx"
python3 "$here/Benchmarks/fuzz/seed-helpers.py" deltas "$work"/ofs-*.pack "$repo" "$corpus/delta"

# The index file: v2 (with the cache tree), v3 (intent-to-add), v4.
cp "$repo/.git/index" "$corpus/index/ok-v2"
(cd "$repo" && echo "Neu" > neu.md && git add -N neu.md && cp .git/index "$here/$corpus/index/ok-v3")
(cd "$repo" && git rm -q --cached neu.md && rm neu.md && git update-index --index-version 4 && cp .git/index "$here/$corpus/index/ok-v4")

# Config: git's own, and one with the syntax's corners.
cp "$repo/.git/config" "$corpus/config/ok-init"
cfg="$work/config"
git config -f "$cfg" core.bigFileThreshold 512k
git config -f "$cfg" pack.windowMemory 1g
git config -f "$cfg" remote.origin.url "https://example.org/gemeinden/olpe.git"
git config -f "$cfg" --add remote.origin.fetch "+refs/heads/*:refs/remotes/origin/*"
git config -f "$cfg" --add remote.origin.fetch "+refs/tags/*:refs/tags/*"
git config -f "$cfg" 'branch.Grüße "und" mehr.merge' refs/heads/main
git config -f "$cfg" user.name "Anna \"Wegweiser\" Müller ; Kommentar"
git config -f "$cfg" gc.auto -12
git config -f "$cfg" core.abbrev 12
cp "$cfg" "$corpus/config/ok-corners"

# Patches: preimage NUL patch (HEAD~3: first commit, HEAD~2: its child,
# HEAD~1: the merge).
{ g show HEAD~3:wege/anfang.md; printf '\0'; g diff HEAD~3 HEAD~2 -- wege/anfang.md; } > "$corpus/patch/ok-modify"
{ printf '\0'; g diff HEAD~2 HEAD~1 -- wege/neben.md; } > "$corpus/patch/ok-create"
{ g show HEAD~3:wege/wald.md; printf '\0'; g diff -U1 HEAD~3 HEAD~2 -- wege/wald.md; } > "$corpus/patch/ok-append"
{ g show HEAD~2:wege/anfang.md; printf '\0'; g diff HEAD~2 HEAD~3 -- wege/anfang.md; } > "$corpus/patch/ok-reverse"

python3 "$here/Benchmarks/fuzz/seed-helpers.py" protocol "$repo" "$corpus"
cp "$here/Benchmarks/fuzz/guide-seed.md" "$corpus/front-matter/ok-guide.md"
printf -- '---\ntitle: "Kurz"\n---\n' > "$corpus/front-matter/ok-short.md"
printf 'Kein Vorspann, nur Text.\n' > "$corpus/front-matter/ok-none.md"
echo "seeds written to $corpus"
