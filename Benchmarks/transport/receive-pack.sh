#!/bin/sh
# Usage: receive-pack.sh [PFAD] [COMMITS]
# git push of a whole history (every ref of the generated 5,000-commit guide
# catalogue, make-repo.sh) into an empty bare repository, received by
# `pfad receive-pack` vs `git receive-pack` — git's default (no object
# checks) and with receive.fsckObjects=true (what pfad does by default).
# Work in /dev/shm; hyperfine side by side in one run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pfad=${1:-$here/../../.build/release/pfad}
count=${2:-5000}
work=/dev/shm/pfad-bench-receive
mkdir -p "$work"
[ -d "$work/src.git" ] || sh "$here/make-repo.sh" "$work/src.git" "$count"
hyperfine --warmup 1 --runs 8 \
  --prepare "rm -rf $work/target.git && git init -q --bare $work/target.git" \
  -n "pfad receive-pack" "git -C $work/src.git push -q --receive-pack='$pfad receive-pack' $work/target.git 'refs/*:refs/*'" \
  -n "git receive-pack" "git -C $work/src.git push -q --receive-pack='git receive-pack' $work/target.git 'refs/*:refs/*'" \
  -n "git receive-pack (fsckObjects)" "git -C $work/src.git push -q --receive-pack='git -c receive.fsckObjects=true receive-pack' $work/target.git 'refs/*:refs/*'"
git -C "$work/target.git" fsck --strict
