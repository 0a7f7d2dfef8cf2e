#!/usr/bin/env bash
# Builds a small guide catalogue repository with pfad alone, with the history
# the programme has: the five pioneer municipalities (Arnsberg, Bad Berleburg,
# Menden, Olpe, Soest) commit on their own branches, a reviewer of the
# regional agency merges their work (one conflicting edit is resolved), and
# the agency tags two releases. Then pfad shows the result, the agency
# publishes the catalogue with `pfad serve` (smart HTTP, on 127.0.0.1), Arnsberg
# clones it, pushes its own branch and is refused on main, the agency fetches;
# real git (when present) checks every byte pfad wrote.
#
# Usage: Examples/build-catalogue.sh [TARGET-DIR]   (default: ./katalog-demo)
# PFAD=/path/to/pfad overrides the binary (default: .build/release/pfad).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
pfad="${PFAD:-$root/.build/release/pfad}"
target="${1:-katalog-demo}"
guides="$here/Leitfäden"

if [ ! -x "$pfad" ]; then
    echo "pfad binary not found at $pfad; build it first: swift build -c release --static-swift-stdlib" >&2
    exit 1
fi
if [ -e "$target" ]; then
    echo "$target exists already; choose a new folder" >&2
    exit 1
fi

export TZ=UTC
t=1700000000
# as NAME EMAIL pfad-arguments...: run pfad as that person, one hour later than the last step.
as() {
    local name="$1" email="$2"; shift 2
    t=$((t + 3600))
    GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="@$t +0100" \
    GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="@$t +0100" \
    "$pfad" "$@"
}
agentur() { as "Regionalagentur Südwestfalen" katalog@agentur.example "$@"; }
arnsberg() { as "Anna Schäfer" anna.schaefer@arnsberg.example "$@"; }
berleburg() { as "Bernd Köhler" bernd.koehler@bad-berleburg.example "$@"; }
menden() { as "Carla Özdemir" carla.oezdemir@menden.example "$@"; }
olpe() { as "Dieter Jürgens" dieter.juergens@olpe.example "$@"; }
soest() { as "Eva Großmann" eva.grossmann@soest.example "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "Die Agentur legt den Katalog an: pfad init $target"
"$pfad" init -q "$target"
cd "$target"
mkdir -p Leitfäden
printf '# Leitfäden aus Südwestfalen\n\nEin Katalog der Pionierkommunen für die Kommunen der Region.\n' > README.md
printf 'entwurf-*\n*.tmp\n' > .gitignore
# pfad merges *.md as guides anyway; the attribute tells plain git to use
# `pfad merge-driver` once `merge.guide.driver` is configured (README).
printf '*.md merge=guide\n' > .gitattributes
cp "$guides/01-Smart-City-Prozess-starten.md" Leitfäden/
"$pfad" add -A
agentur commit -q -m "Katalog angelegt mit Leitfaden #01"

step "Jede Kommune arbeitet auf ihrem eigenen Zweig"
arnsberg switch -q -c arnsberg
cp "$guides/02-Bürgerbeteiligung.md" Leitfäden/
"$pfad" add Leitfäden
arnsberg commit -q -m "Arnsberg: Leitfaden #02 zur Bürgerbeteiligung"

berleburg switch -q -c bad-berleburg main
cp "$guides/03-Offene-Daten.md" Leitfäden/
echo "nur lokal" > Leitfäden/entwurf-berleburg.md   # ignored by .gitignore
"$pfad" add -A
berleburg commit -q -m "Bad Berleburg: Leitfaden #03 zu offenen Daten"

menden switch -q -c menden main
sed -i 's/Ein Kernteam von drei bis fünf Personen/Ein Kernteam von vier bis sechs Personen/' Leitfäden/01-Smart-City-Prozess-starten.md
menden commit -q -a -m "Menden: Kernteam größer geplant"

olpe switch -q -c olpe main
sed -i 's/Ein Kernteam von drei bis fünf Personen/Ein Kernteam aus drei Personen/' Leitfäden/01-Smart-City-Prozess-starten.md
printf '\n## Erfahrungen aus Olpe\n\nEin fester wöchentlicher Termin hat sich bewährt.\n' >> Leitfäden/01-Smart-City-Prozess-starten.md
olpe commit -q -a -m "Olpe: kleineres Kernteam, Erfahrungen ergänzt"

soest switch -q -c soest main
cp "$guides/04-Digitale-Dienste.md" Leitfäden/
"$pfad" add Leitfäden
soest commit -q -m "Soest: Leitfaden #04 zu digitalen Diensten"

step "Die Agentur prüft und führt zusammen"
"$pfad" switch -q main
agentur merge -q --no-ff -m "Zusammenführung: Arnsberg" arnsberg
agentur merge -q --no-ff -m "Zusammenführung: Bad Berleburg" bad-berleburg
agentur merge -q --no-ff -m "Zusammenführung: Menden" menden
agentur tag -a "2021.1" -m "Leitfäden 2021.1"

step "Olpe hat dieselbe Zeile geändert wie Menden: ein Konflikt"
if agentur merge -m "Zusammenführung: Olpe" olpe; then
    echo "unerwartet: kein Konflikt" >&2
    exit 1
fi
"$pfad" status --short
step "Die Agentur löst den Konflikt (Mendens Fassung, Olpes Erfahrungen) und schließt ab"
"$pfad" show menden:Leitfäden/01-Smart-City-Prozess-starten.md > Leitfäden/01-Smart-City-Prozess-starten.md
printf '\n## Erfahrungen aus Olpe\n\nEin fester wöchentlicher Termin hat sich bewährt.\n' >> Leitfäden/01-Smart-City-Prozess-starten.md
"$pfad" add Leitfäden/01-Smart-City-Prozess-starten.md
agentur commit -q -m "Zusammenführung: Olpe (Konflikt im Kernteam-Absatz gelöst)"

agentur merge -q --no-ff -m "Zusammenführung: Soest" soest
cp "$guides/05-Datenschutz-und-Sicherheit.md" Leitfäden/
"$pfad" add Leitfäden
agentur commit -q -m "Agentur: Leitfaden #05 zu Datenschutz und Sicherheit"
agentur tag -a "2021.2" -m "Leitfäden 2021.2"

step "pfad log --oneline --decorate"
"$pfad" log --oneline --decorate
step "pfad tag -l"
"$pfad" tag -l
step "pfad diff --stat 2021.1 2021.2"
"$pfad" diff --stat 2021.1 2021.2
step "pfad blame -L 20,24 Leitfäden/01-Smart-City-Prozess-starten.md"
"$pfad" blame -L 20,24 Leitfäden/01-Smart-City-Prozess-starten.md
step "pfad status"
"$pfad" status
step "pfad fsck --strict"
"$pfad" fsck --strict --no-dangling && echo "pfad fsck: ok"

step "Die Agentur veröffentlicht den Katalog über HTTP: pfad serve"
katalog="$(pwd)"
net="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$net"' EXIT
mkdir "$net/root"
"$pfad" clone -q --bare "$katalog" "$net/root/katalog.git"
# Published are main and the releases; the merged branches of the municipalities stay local.
for branch in arnsberg bad-berleburg menden olpe soest; do "$pfad" -C "$net/root/katalog.git" branch -q -d "$branch"; done
# Arnsberg may push its own branches only; the password is stored as a bcrypt hash.
printf 'wanderweg-2021\n' | "$pfad" serve --hash-password --cost 4 > "$net/hash"
printf 'arnsberg %s refs/heads/arnsberg/*\n' "$(cat "$net/hash")" > "$net/users"
"$pfad" serve --users "$net/users" --port 0 "$net/root" > "$net/serve.out" 2> "$net/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening" "$net/serve.out" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's|^pfad serve: listening on ||p' "$net/serve.out")"
[ -n "$base" ] || { echo "pfad serve did not start" >&2; cat "$net/serve.log" >&2; exit 1; }
echo "pfad serve: ${base}katalog.git"

step "Arnsberg klont den Katalog, ergänzt ihn und schiebt den Zweig arnsberg/wanderwege"
"$pfad" clone -q "${base}katalog.git" "$net/arnsberg"
cd "$net/arnsberg"
arnsberg switch -q -c arnsberg/wanderwege
printf '\n## Wanderwege als offene Daten\n\nDie Stadt veröffentlicht ihre Wanderwege als GPX-Dateien.\n' >> Leitfäden/03-Offene-Daten.md
arnsberg commit -q -a -m "Arnsberg: Wanderwege als offene Daten"
arnsberg push -q "http://arnsberg:wanderweg-2021@${base#http://}katalog.git" arnsberg/wanderwege
echo "angenommen: refs/heads/arnsberg/wanderwege"

step "Ein Push auf main ist Arnsberg nicht erlaubt: der Server lehnt ab, kein Ref ändert sich"
if arnsberg push "http://arnsberg:wanderweg-2021@${base#http://}katalog.git" HEAD:main 2>&1; then
    echo "unerwartet: Push auf main angenommen" >&2
    exit 1
fi

step "Die Agentur holt Arnsbergs Zweig: pfad fetch"
cd "$katalog"
"$pfad" remote add server "${base}katalog.git"
"$pfad" fetch -q server
"$pfad" log --oneline -1 server/arnsberg/wanderwege
"$pfad" ls-remote server
kill "$server" && wait "$server" 2>/dev/null || true
server=""
"$pfad" fsck --strict --no-dangling && echo "pfad fsck: ok"

if command -v git >/dev/null 2>&1; then
    step "git fsck --strict (git prüft, was pfad geschrieben hat)"
    git fsck --strict --no-dangling && echo "git fsck: ok"
    git -C "$net/root/katalog.git" fsck --strict --no-dangling && echo "git fsck (Server nach Arnsbergs Push): ok"
    step "git log --graph --oneline --all"
    git -c core.quotepath=false log --graph --oneline --all
fi
