#!/bin/sh
# Usage: client-bench.sh PFAD [WORK]
# Client-side transport benchmarks, pfad against git in one hyperfine run:
# clone of a 5,000-commit catalogue (make-repo.sh) over a local path with
# git's upload-pack serving both clients, pfad's clone through its own
# upload-pack, and a no-op fetch.
set -eu
pfad=$1
work=${2:-/dev/shm/client-bench}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
cd "$work"
[ -d catalogue.git ] || sh "$here/make-repo.sh" "$work/catalogue.git" 5000
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" LC_ALL=C
hyperfine --warmup 1 --runs 5 --export-markdown clone.md \
    --prepare 'rm -rf g p' \
    -n 'git clone --no-local' "git clone -q --no-local catalogue.git g" \
    -n 'pfad clone (git upload-pack)' "$pfad clone -q --upload-pack 'git upload-pack' catalogue.git p" \
    -n 'pfad clone (pfad upload-pack)' "$pfad clone -q catalogue.git p"
hyperfine --warmup 1 --runs 5 --export-markdown bare.md \
    --prepare 'rm -rf g.git p.git' \
    -n 'git clone --bare --no-local' "git clone -q --bare --no-local catalogue.git g.git" \
    -n 'pfad clone --bare (git upload-pack)' "$pfad clone -q --bare --upload-pack 'git upload-pack' catalogue.git p.git"
rm -rf g p
git clone -q --no-local catalogue.git g
git clone -q --no-local catalogue.git p
git -C p config remote.origin.uploadpack 'git upload-pack'
hyperfine --warmup 2 --runs 10 --export-markdown fetch.md \
    -n 'git fetch (nothing new)' "git -C g fetch -q" \
    -n 'pfad fetch (nothing new)' "cd p && $pfad fetch -q"
