#!/bin/sh
# Smart-HTTP benchmarks (section "Transport: HTTP" in Benchmarks/README.md).
# Usage: Benchmarks/transport/http.sh PFAD [PFAD_BEFORE]
#   PFAD         release build of pfad (swift build -c release --static-swift-stdlib)
#   PFAD_BEFORE  optional release build without the HTTP packages, for the
#                start-up comparison (pfad --version, perf stat -r 50)
# Works in /dev/shm/pfad-http-bench. Servers listen on 127.0.0.1 only and
# are stopped at the end (by their process ids).
set -eu
pfad=$(realpath "$1")
before=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
work=/dev/shm/pfad-http-bench
rm -rf "$work"
mkdir -p "$work/root"
cd "$work"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_TERMINAL_PROMPT=0

echo "== repository: 5,000 commits (make-repo.sh)"
sh "$here/make-repo.sh" "$work/root/katalog.git" 5000
git -C "$work/root/katalog.git" count-objects -vH

"$pfad" serve --port 0 --log-level warning "$work/root" > serve.out 2> serve.log &
pfad_pid=$!
python3 "$here/git-http-backend-server.py" "$work/root" > backend.out 2> backend.log &
backend_pid=$!
trap 'kill $pfad_pid $backend_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q listening serve.out 2>/dev/null && grep -q listening backend.out 2>/dev/null && break
  sleep 0.1
done
pfad_port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' serve.out)
backend_port=$(sed -n 's/listening on \([0-9]*\)/\1/p' backend.out)
echo "pfad serve on $pfad_port, git http-backend on $backend_port"
pfad_url=http://127.0.0.1:$pfad_port/katalog.git
backend_url=http://127.0.0.1:$backend_port/katalog.git

echo "== git clone (bare) from pfad serve vs from git http-backend"
hyperfine --warmup 1 --runs 10 --export-markdown server.md \
  --prepare "rm -rf $work/c" \
  -n "git clone <- pfad serve" "git clone -q --bare $pfad_url $work/c" \
  -n "git clone <- git http-backend" "git clone -q --bare $backend_url $work/c"

echo "== pfad clone vs git clone (bare) from git http-backend"
hyperfine --warmup 1 --runs 10 --export-markdown client.md \
  --prepare "rm -rf $work/c" \
  -n "pfad clone <- git http-backend" "$pfad clone -q --bare $backend_url $work/c" \
  -n "git clone <- git http-backend" "git clone -q --bare $backend_url $work/c"

echo "== pfad clone vs git clone (bare) from pfad serve"
hyperfine --warmup 1 --runs 10 --export-markdown pfad-pfad.md \
  --prepare "rm -rf $work/c" \
  -n "pfad clone <- pfad serve" "$pfad clone -q --bare $pfad_url $work/c" \
  -n "git clone <- pfad serve" "git clone -q --bare $pfad_url $work/c"

if [ -n "$before" ]; then
  echo "== start-up: pfad --version without and with the HTTP packages"
  perf stat -r 50 "$before" --version > /dev/null 2> startup-before.txt || true
  perf stat -r 50 "$pfad" --version > /dev/null 2> startup-after.txt || true
  grep -E "task-clock|elapsed" startup-before.txt startup-after.txt
  ls -l "$before" "$pfad"
fi
cat server.md client.md pfad-pfad.md
nproc
grep -m1 "model name" /proc/cpuinfo
uptime
