#!/usr/bin/env python3
"""Writes a git fast-import stream of a long guide-catalogue history:
40 folders x 50 Markdown guides (2,000 files, ~60 lines each), then
COMMITS commits that each edit a few guides (a line changed, a paragraph
added), and every 50th commit renames one guide and deletes/adds another.
A `.gitattributes` gives `*.md` git's markdown driver. Deterministic (fixed seed). Usage: gen_history.py COMMITS > stream"""
import random, sys

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
rng = random.Random(2026)
words = "Olpe Soest Menden Arnsberg Berleburg Brücke Straße über und Weg Wald See Kirche Markt Burg Tal".split()
towns = ["arnsberg", "bad-berleburg", "menden", "olpe", "soest"]

def line():
    return " ".join(rng.choice(words) for _ in range(rng.randint(4, 11)))

files = {}
for f in range(40):
    for g in range(50):
        path = f"{towns[f % 5]}/bereich{f:02d}/guide{g:02d}.md"
        body = [f"# Guide {f}-{g}", ""] + [line() for _ in range(rng.randint(40, 80))]
        files[path] = body

out = sys.stdout.buffer
def data(text):
    b = text.encode()
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")

when = 1700000000
def commit(msg, ops):
    global when
    when += 3600
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Anna Schaefer <anna@arnsberg.example> %d +0100\n" % when)
    data(msg)
    for op in ops:
        out.write(op)

# pfad labels Markdown hunks by headings; give git the same driver.
ga = b"*.md diff=markdown\n"
ops = [b"M 100644 inline .gitattributes\n" + b"data %d\n" % len(ga) + ga + b"\n"]
for path, body in sorted(files.items()):
    ops.append(b"M 100644 inline " + path.encode() + b"\n")
    b = ("\n".join(body) + "\n").encode()
    ops.append(b"data %d\n" % len(b) + b + b"\n")
commit("Anfang", ops)
for n in range(1, commits):
    ops = []
    paths = sorted(files)
    for _ in range(rng.randint(1, 4)):
        p = rng.choice(paths)
        body = files[p]
        i = rng.randrange(2, len(body))
        if rng.random() < 0.5:
            body[i] = line()
        else:
            body[i:i] = [line() for _ in range(rng.randint(1, 5))]
        b = ("\n".join(body) + "\n").encode()
        ops.append(b"M 100644 inline " + p.encode() + b"\n" + b"data %d\n" % len(b) + b + b"\n")
    if n % 50 == 0:
        old = rng.choice(sorted(files))
        new = old.replace(".md", f"-neu{n}.md")
        files[new] = files.pop(old)
        ops.append(b"R " + old.encode() + b" " + new.encode() + b"\n")
        gone = rng.choice(sorted(files))
        if gone != new:
            del files[gone]
            ops.append(b"D " + gone.encode() + b"\n")
    commit(f"Schritt {n}", ops)
