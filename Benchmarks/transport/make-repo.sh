#!/bin/sh
# Usage: make-repo.sh DIR [COMMITS]
# Creates a bare repository DIR holding a deterministic guide catalogue of
# COMMITS (default 5000) commits, written by git fast-import and repacked
# (git gc) so that it looks like a served repository.
set -eu
dir=$1
count=${2:-5000}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
git init -q --bare "$dir"
python3 "$here/make-repo.py" "$count" | git -C "$dir" fast-import --quiet
git -C "$dir" symbolic-ref HEAD refs/heads/main
git -C "$dir" gc -q
