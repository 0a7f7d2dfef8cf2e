#!/usr/bin/env python3
"""Peak memory of `pfad serve` under concurrent gzip-bomb pushes.

Starts `pfad serve` on 127.0.0.1 (a free port) over a fresh bare repository,
sends N pushes at once whose bodies are gzip bombs (BOMB_MIB MiB of zeros,
about 0.1 % of that on the wire) with valid credentials, waits for every
answer, and prints the server's peak resident memory (VmHWM) and each
answer's status. Everything stays on this machine and ends by itself.

Usage: Benchmarks/hardening/gzip-bombs.py PFAD [N=20] [BOMB_MIB=200]
"""
import base64, gzip, http.client, os, re, subprocess, sys, tempfile, threading, time

pfad = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
bomb_mib = int(sys.argv[3]) if len(sys.argv) > 3 else 200

root = tempfile.mkdtemp(prefix="pfad-bombs-")
subprocess.run([pfad, "init", "-q", "--bare", os.path.join(root, "katalog.git")], check=True)
hashed = subprocess.run([pfad, "serve", "--hash-password", "--cost", "4"], input=b"geheim\n", capture_output=True, check=True).stdout.decode().strip()
users = os.path.join(root, "users")
with open(users, "w") as f:
    f.write(f"olpe {hashed} refs/heads/*\n")
server = subprocess.Popen([pfad, "serve", "--port", "0", "--users", users, "--log-level", "error", root],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
line = server.stdout.readline().decode()
port = int(re.search(r":(\d+)/", line).group(1))

body = gzip.compress(bytes(bomb_mib << 20), compresslevel=9)
auth = "Basic " + base64.b64encode(b"olpe:geheim").decode()
statuses = []
lock = threading.Lock()

def push():
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("POST", "/katalog.git/git-receive-pack", body=body, headers={
        "Content-Type": "application/x-git-receive-pack-request", "Content-Encoding": "gzip", "Authorization": auth})
    status = connection.getresponse().status
    with lock:
        statuses.append(status)
    connection.close()

def peak():
    with open(f"/proc/{server.pid}/status") as f:
        for row in f:
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) // 1024
    return -1

baseline = peak()
threads = [threading.Thread(target=push) for _ in range(count)]
start = time.time()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.time() - start
print(f"{count} concurrent gzip-bomb pushes of {len(body) // 1024} KiB each ({bomb_mib} MiB decoded): "
      f"statuses {sorted(set(statuses))}, server peak RSS {peak()} MB (idle {baseline} MB), {elapsed:.1f} s")
server.terminate()
try:
    server.wait(timeout=30)
except subprocess.TimeoutExpired:
    server.kill()
    server.wait()
