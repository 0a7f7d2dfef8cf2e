#!/usr/bin/env python3
"""Seed pieces that git writes only inside other files (raw deltas) or
only as one side of a conversation (pkt-line streams). Used by
make-seeds.sh; writes nothing but seed files."""
import gzip
import os
import subprocess
import sys
import zlib


def pkt(payload):
    if isinstance(payload, str):
        payload = payload.encode()
    return b"%04x" % (len(payload) + 4) + payload


FLUSH, DELIM = b"0000", b"0001"


def git(repo, *args, stdin=None, env=None):
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run(["git", "-C", repo, *args], input=stdin, capture_output=True, env=full, check=True).stdout


def deltas(pack_path, repo, out_dir):
    """Every delta entry of the pack as 'base length (2 bytes LE), base, delta'."""
    pack = open(pack_path, "rb").read()
    listing = git(repo, "verify-pack", "-v", pack_path[:-5] + ".idx").decode().splitlines()
    written = 0
    for line in listing:
        fields = line.split()
        if len(fields) != 7:
            continue
        offset, base_id = int(fields[4]), fields[6]
        position = offset
        byte = pack[position]
        kind = (byte >> 4) & 7
        position += 1
        while byte & 0x80:
            byte = pack[position]
            position += 1
        if kind == 6:
            byte = pack[position]
            position += 1
            while byte & 0x80:
                byte = pack[position]
                position += 1
        elif kind == 7:
            position += 20
        delta = zlib.decompressobj().decompress(pack[position:])
        base_type = git(repo, "cat-file", "-t", base_id).decode().strip()
        base = git(repo, "cat-file", base_type, base_id)
        if len(base) > 0xFFFF:
            continue
        name = os.path.join(out_dir, "ok-delta-%d" % written)
        open(name, "wb").write(len(base).to_bytes(2, "little") + base + delta)
        written += 1
        if written == 4:
            break


def protocol(repo, corpus):
    def put(target, name, data):
        open(os.path.join(corpus, target, name), "wb").write(data)

    v2 = {"GIT_PROTOCOL": "version=2"}
    advertisement = git(repo, "upload-pack", "--advertise-refs", ".")
    put("pkt-line", "ok-framing", b"\x00" + advertisement)
    put("pkt-line", "ok-v0-advertisement", b"\x02" + advertisement)
    put("pkt-line", "ok-v2-capabilities", b"\x02" + git(repo, "upload-pack", "--advertise-refs", ".", env=v2))
    ls_refs = pkt("command=ls-refs\n") + DELIM + pkt("peel\n") + pkt("symrefs\n") + FLUSH
    put("pkt-line", "ok-ls-refs-answer", b"\x06" + git(repo, "upload-pack", "--stateless-rpc", ".", stdin=ls_refs, env=v2))
    head = git(repo, "rev-parse", "HEAD").decode().strip()
    fetch = pkt("command=fetch\n") + DELIM + pkt("ofs-delta\n") + pkt("want %s\n" % head) + pkt("done\n") + FLUSH
    response = git(repo, "upload-pack", "--stateless-rpc", ".", stdin=fetch, env=v2)
    put("pkt-line", "ok-fetch-response", b"\x04" + response)
    marker = pkt("packfile\n")
    put("pkt-line", "ok-sideband", b"\x01" + response[response.index(marker) + len(marker):])
    put("pkt-line", "ok-v0-acks", b"\x05" + pkt("NAK\n"))
    put("pkt-line", "ok-report-status", b"\x03" + pkt("unpack ok\n") + pkt("ok refs/heads/main\n")
        + pkt("ng refs/heads/alt non-fast-forward\n") + FLUSH)
    zero = "0" * 40
    commands = pkt("%s %s refs/heads/main\x00report-status side-band-64k agent=git/2.39\n" % (zero, head)) \
        + pkt("%s %s refs/tags/v1\n" % (head, zero)) + FLUSH
    put("pkt-line", "ok-receive-commands", b"\x07" + commands)
    put("pkt-line", "seed-upload-v0-request", b"\x08" + pkt("want %s multi_ack_detailed side-band-64k\n" % head)
        + FLUSH + pkt("have %s\n" % head) + pkt("done\n"))
    put("pkt-line", "ok-upload-v2-ls-refs", b"\x09" + ls_refs)
    put("pkt-line", "seed-upload-v2-fetch", b"\x09" + fetch)
    # gzip.compress with mtime=0 so that the seed is the same on every run.
    body = gzip.compress(fetch, mtime=0)
    put("http-request", "ok-advertisement", b"/gemeinden/olpe.git/info/refs?service=git-upload-pack\n"
        b"Basic YXJuc2Jlcmc6cGE6c3M=\nversion=2\n\n")
    put("http-request", "ok-gzip-post", b"/katalog.git/git-upload-pack\n\nversion=2\n%d\n" % len(body) + body)
    put("http-request", "ok-escaped-name", b"/k%C3%B6ln/git-receive-pack\nbasic  YTpi \n\n0\n")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "deltas":
        deltas(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "protocol":
        protocol(sys.argv[2], sys.argv[3])
    else:
        sys.exit("unknown command " + command)
