#!/usr/bin/env python3
"""Deterministic workloads for the diff benchmarks (see Benchmarks/README.md).

usage: gen.py OUTDIR
  OUTDIR/lines-a.txt, lines-b.txt : 100,000 lines, ~2% scattered edits
  OUTDIR/prose-a.txt, prose-b.txt : ~5 MB German-like prose, moved paragraphs, word edits
"""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(20261128)

words = ("Arnsberg Menden Olpe Soest Berleburg Stadt Weg Straße Brücke über unter die der das "
         "und oder zum zur Markt Kirche Museum Ruhr Möhne Bigge See Wald Fußgängerzone Rad- "
         "Wanderweg Aussicht Parkplatz Bahnhof Öffnungszeiten täglich geöffnet Eintritt frei "
         "Führung Anmeldung erforderlich barrierefrei Café Gasthof Schützenfest Fachwerk "
         "Altstadt Rathaus Brunnen Sauerland Südwestfalen grüne Hügel heißt schön weiß").split()

# 1) 100,000 lines with ~2% scattered edits.
a = [f"{i:06d} " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 9))) for i in range(100_000)]
b = []
for line in a:
    r = rng.random()
    if r < 0.007:
        continue  # deleted
    if r < 0.014:
        b.append(line + " geändert")  # modified
    elif r < 0.02:
        b.append(line)
        b.append("neu " + " ".join(rng.choice(words) for _ in range(5)))  # inserted
    else:
        b.append(line)
open(os.path.join(out, "lines-a.txt"), "w").write("\n".join(a) + "\n")
open(os.path.join(out, "lines-b.txt"), "w").write("\n".join(b) + "\n")

# 2) ~5 MB of prose: paragraphs of wrapped sentences; B moves ~3% of the
#    paragraphs elsewhere and edits words in ~2% of them.
def sentence():
    s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18)))
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "!", "?"])

def paragraph():
    text = " ".join(sentence() for _ in range(rng.randint(2, 7)))
    lines, line = [], ""
    for w in text.split(" "):
        if len(line) + len(w) + 1 > 72:
            lines.append(line)
            line = w
        else:
            line = (line + " " + w) if line else w
    lines.append(line)
    return "\n".join(lines)

paras = []
size = 0
while size < 5_000_000:
    p = ("## " + rng.choice(words) + " " + rng.choice(words)) if rng.random() < 0.08 else paragraph()
    paras.append(p)
    size += len(p.encode()) + 2
moved = list(paras)
for _ in range(len(paras) * 3 // 100):
    i = rng.randrange(len(moved))
    p = moved.pop(i)
    moved.insert(rng.randrange(len(moved) + 1), p)
for _ in range(len(paras) * 2 // 100):
    i = rng.randrange(len(moved))
    ws = moved[i].split(" ")
    j = rng.randrange(len(ws))
    ws[j] = rng.choice(words)
    moved[i] = " ".join(ws)
open(os.path.join(out, "prose-a.txt"), "w").write("\n\n".join(paras) + "\n")
open(os.path.join(out, "prose-b.txt"), "w").write("\n\n".join(moved) + "\n")
