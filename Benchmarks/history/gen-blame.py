#!/usr/bin/env python3
"""Writes a git fast-import stream: one guide (guides/sorpesee.md) with
1,000 revisions (each edits 1-3 lines: replace, insert or delete), every
tenth commit also touching another file. Deterministic (fixed seed)."""
import random
import sys

random.seed(20261128)
WORDS = ("Weg Ufer Parkplatz Einkehr Aussicht Wald Brücke Kapelle Rundweg Sauerland "
         "Möhnesee Sorpesee Biggesee Altstadt Markt Fachwerk Kirche Turm Bahnhof Bus "
         "führt entlang über steil flach schattig sonnig barrierefrei geöffnet täglich").split()

def sentence():
    return " ".join(random.choice(WORDS) for _ in range(random.randint(5, 12))) + "."

def heading():
    return "## " + " ".join(random.choice(WORDS) for _ in range(2))

lines = []
for i in range(300):
    lines.append(heading() if i % 25 == 0 else ("" if i % 25 == 24 else sentence()))

out = sys.stdout.buffer
t = 1_700_000_000
authors = ["Anna Schäfer <anna@arnsberg.example>", "Björn Weiß <bjoern@berleburg.example>",
           "Clara Groß <clara@menden.example>", "Dörte Kühn <doerte@olpe.example>",
           "Emil Özdemir <emil@soest.example>"]

def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")

for n in range(1000):
    if n > 0:
        for _ in range(random.randint(1, 3)):
            op = random.random()
            at = random.randrange(len(lines))
            if op < 0.5:
                lines[at] = sentence()
            elif op < 0.8 or len(lines) < 50:
                lines.insert(at, sentence())
            else:
                del lines[at]
    t += random.randint(60, 7200)
    out.write(b"commit refs/heads/main\n")
    who = random.choice(authors)
    out.write(("author %s %d +0100\ncommitter %s %d +0100\n" % (who, t, who, t)).encode())
    data(("Sorpesee: Änderung %d\n" % n).encode())
    out.write(b"M 100644 inline guides/sorpesee.md\n")
    data("".join(l + "\n" for l in lines).encode())
    if n % 10 == 0:
        out.write(b"M 100644 inline guides/olpe.md\n")
        data(("# Olpe\n\nStand %d\n" % n).encode())
    out.write(b"\n")
