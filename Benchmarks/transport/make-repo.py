#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a deterministic guide catalogue:
N commits (default 5000) over five municipalities' guides in German, with
a side branch per municipality merged back now and then and an annotated
tag every 500 commits. Same arguments, same stream, same commit ids."""
import random
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
TOWNS = ["arnsberg", "bad-berleburg", "menden", "olpe", "soest"]
TOPICS = ["Rathaus", "Wanderweg", "Museum", "Markt", "Kirche", "Freibad", "Bibliothek", "Burg",
          "Stadtpark", "Bahnhof", "Radweg", "Aussichtsturm", "Heimatstube", "Schützenfest", "Talsperre"]
WORDS = ("der die das und mit für über zum zur im am Öffnungszeiten barrierefrei Führung Eintritt "
         "frei Gäste Sauerland Wittgensteiner Land Bürgerbüro Anmeldung Parkplätze Fußweg Straße "
         "Sonntag Montag Dienstag täglich geöffnet geschlossen Hinweis Treffpunkt Gruppen Kinder "
         "Familien Aussicht Wald Höhenweg Rundweg Kilometer Stunden ungefähr Bushaltestelle").split()

rng = random.Random(20261128)
files = {}  # path -> list of lines
for town in TOWNS:
    for n, topic in enumerate(TOPICS):
        path = f"{town}/{n:02d}-{topic.lower().replace('ü', 'ue').replace('ö', 'oe')}.md"
        lines = [f"# {topic} in {town.replace('-', ' ').title()}", ""]
        lines += [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) for _ in range(rng.randint(15, 40))]
        files[path] = lines
paths = sorted(files)

out = sys.stdout.buffer
def emit(text):
    out.write(text.encode() if isinstance(text, str) else text)

def data(payload):
    emit(f"data {len(payload)}\n")
    emit(payload)
    emit("\n")

mark = 0
def blob(lines):
    global mark
    mark += 1
    emit(f"blob\nmark :{mark}\n")
    data(("\n".join(lines) + "\n").encode())
    return mark

def edit(path):
    lines = files[path]
    kind = rng.random()
    sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
    if kind < 0.5 and len(lines) > 3:
        lines[rng.randrange(2, len(lines))] = sentence
    elif kind < 0.9:
        lines.insert(rng.randrange(2, len(lines) + 1), sentence)
    elif len(lines) > 5:
        del lines[rng.randrange(2, len(lines))]

when = 1_700_000_000
main_mark = None
branch_tips = {}
commit_marks = []
for i in range(COUNT):
    town = TOWNS[i % len(TOWNS)]
    on_branch = rng.random() < 0.2
    changed = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice([p for p in paths if p.startswith(town + "/")])
        edit(path)
        changed.append(path)
    marks = {path: blob(files[path]) for path in changed}
    mark += 1
    when += 3600
    ref = f"refs/heads/{town}/redaktion" if on_branch else "refs/heads/main"
    emit(f"commit {ref}\nmark :{mark}\n")
    emit(f"author Redaktion {town.title()} <{town}@5-fuer-suedwestfalen.de> {when} +0100\n")
    emit(f"committer Redaktion {town.title()} <{town}@5-fuer-suedwestfalen.de> {when} +0100\n")
    data(f"{town}: Leitfaden aktualisiert ({i + 1})\n\nÄnderungen an {', '.join(changed)}.\n".encode())
    parent = branch_tips.get(town, main_mark) if on_branch else main_mark
    if parent is not None:
        emit(f"from :{parent}\n")
    if not on_branch and town in branch_tips and rng.random() < 0.3:
        emit(f"merge :{branch_tips.pop(town)}\n")
    for path in changed:
        emit(f"M 100644 :{marks[path]} {path}\n")
    emit("\n")
    if on_branch:
        branch_tips[town] = mark
    else:
        main_mark = mark
        if (i + 1) % 500 == 0:
            emit(f"tag v{(i + 1) // 500}.0\nfrom :{mark}\n")
            emit(f"tagger Agentur <release@5-fuer-suedwestfalen.de> {when} +0100\n")
            data(f"Katalog Version {(i + 1) // 500}.0\n".encode())
