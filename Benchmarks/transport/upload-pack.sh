#!/bin/sh
# Usage: Benchmarks/transport/upload-pack.sh [path-to-pfad] [RUNS]
# git clone --no-local (file://) of the 5,000-commit catalogue, once with
# git's upload-pack and once with pfad's, side by side in one hyperfine run.
# Run from the package root after
#   swift build -c release --static-swift-stdlib --product pfad
set -eu
pfad=$(cd "$(dirname "${1:-.build/release/pfad}")" && pwd)/$(basename "${1:-.build/release/pfad}")
runs=${2:-10}
work=/dev/shm/pfad-upload-bench
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
[ -d "$work/repo.git" ] || "$here/make-repo.sh" "$work/repo.git" 5000
export GIT_CONFIG_NOSYSTEM=1 HOME="$work"
# Sanity: both clones hold the same refs and pass fsck.
for tool in git pfad; do
  rm -rf "$work/check-$tool"
  if [ $tool = git ]; then up="git upload-pack"; else up="$pfad upload-pack"; fi
  git clone -q --bare --no-local --upload-pack="$up" "file://$work/repo.git" "$work/check-$tool"
  git -C "$work/check-$tool" fsck --strict --no-progress
done
cmp "$(git -C "$work/check-git" show-ref > "$work/refs-git" && echo "$work/refs-git")" \
    "$(git -C "$work/check-pfad" show-ref > "$work/refs-pfad" && echo "$work/refs-pfad")"
ls -l "$work"/check-*/objects/pack/*.pack
hyperfine --warmup 1 --runs "$runs" \
  --prepare "rm -rf $work/clone" \
  -n "git clone, git upload-pack" "git clone -q --bare --no-local --upload-pack='git upload-pack' file://$work/repo.git $work/clone" \
  -n "git clone, pfad upload-pack" "git clone -q --bare --no-local --upload-pack='$pfad upload-pack' file://$work/repo.git $work/clone" \
  --export-markdown "$work/upload-pack.md"
cat "$work/upload-pack.md"
