#!/usr/bin/env bash
# Builds a small guide catalogue repository with pfad alone: the pioneer
# municipalities commit revisions of the sample guides, and the agency
# records each state. Then real git (when present) checks what pfad wrote.
#
# Usage: Examples/build-catalogue.sh [TARGET-DIR]   (default: ./katalog-demo)
# PFAD=/path/to/pfad overrides the binary (default: .build/release/pfad).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
pfad="${PFAD:-$root/.build/release/pfad}"
target="${1:-katalog-demo}"

if [ ! -x "$pfad" ]; then
    echo "pfad binary not found at $pfad; build it first: swift build -c release" >&2
    exit 1
fi
if [ -e "$target" ]; then
    echo "$target exists already; choose a new folder" >&2
    exit 1
fi

export TZ=UTC
t=1700000000
as() {  # as "Name" email@example command...: run a pfad command as that author
    local name="$1" email="$2"; shift 2
    t=$((t + 3600))
    GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="@$t +0100" \
    GIT_COMMITTER_NAME="Regionalagentur Südwestfalen" GIT_COMMITTER_EMAIL="katalog@agentur.example" \
    GIT_COMMITTER_DATE="@$t +0100" "$pfad" "$@"
}

echo "== pfad init $target"
"$pfad" init -q "$target"
cd "$target"

mkdir -p Leitfäden
cp "$here/Leitfäden/01-Smart-City-Prozess-starten.md" Leitfäden/
printf '# Leitfäden aus Südwestfalen\n\nEin Katalog der Pionierkommunen für die Kommunen der Region.\n' > README.md
"$pfad" add -A
as "Anna Schäfer" anna.schaefer@arnsberg.example commit -q -m "Arnsberg: Leitfaden #01 in erster Fassung"

cp "$here/Leitfäden/02-Bürgerbeteiligung.md" Leitfäden/
"$pfad" add Leitfäden
as "Bernd Köhler" bernd.koehler@bad-berleburg.example commit -q -m "Bad Berleburg: Leitfaden #02 zur Bürgerbeteiligung"

printf '\n## Erfahrungen aus Menden\n\nDie wöchentliche Runde des Kernteams hat sich bewährt; wichtig war ein fester Termin.\n' \
    >> Leitfäden/01-Smart-City-Prozess-starten.md
as "Carla Özdemir" carla.oezdemir@menden.example commit -q -a -m "Menden: Erfahrungen mit dem Kernteam ergänzt"

cp "$here/Leitfäden/03-Offene-Daten.md" Leitfäden/
printf 'entwurf-*\n*.tmp\n' > .gitignore
echo "nur lokal" > Leitfäden/entwurf-olpe.md
"$pfad" add -A
as "Dieter Jürgens" dieter.juergens@olpe.example commit -q -m "Olpe: Leitfaden #03 zu offenen Daten" -m "Entwürfe bleiben lokal (.gitignore)."

sed -i 's/Gute erste Maßnahmen sind klein/Gute erste Maßnahmen sind bewusst klein/' Leitfäden/01-Smart-City-Prozess-starten.md
as "Eva Großmann" eva.grossmann@soest.example commit -q -a -m "Soest: Formulierung in Schritt 4 geschärft"

echo
echo "== pfad status"
"$pfad" status
echo
echo "== pfad ls-tree -r HEAD"
"$pfad" ls-tree -r HEAD
echo
echo "== pfad cat-file -p HEAD"
"$pfad" cat-file -p HEAD
echo
echo "== pfad rev-parse HEAD~4 HEAD:README.md"
"$pfad" rev-parse HEAD~4 HEAD:README.md
echo
echo "== pfad fsck --strict"
"$pfad" fsck --strict --no-dangling && echo "pfad fsck: ok"

if command -v git >/dev/null 2>&1; then
    echo
    echo "== git fsck --strict (git checks what pfad wrote)"
    git fsck --strict --no-dangling && echo "git fsck: ok"
    echo
    echo "== git log --format='%h %an: %s'"
    git -c core.quotepath=false log --format='%h %an: %s'
fi
