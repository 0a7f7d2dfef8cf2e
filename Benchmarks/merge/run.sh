#!/bin/sh
# Merge benchmark: `pfad merge -q side` against `git merge -q --no-edit side`
# on copies of the same repository (Benchmarks/merge/gen.sh), hyperfine
# with a fresh copy before every run. Run from the package root.
set -e
root=/dev/shm/pfad-bench-merge
sh Benchmarks/merge/gen.sh "$root/base"
swift build -c release --static-swift-stdlib --product pfad >/dev/null
pfad=$(swift build -c release --show-bin-path)/pfad
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example
export GIT_AUTHOR_DATE='1700000000 +0100' GIT_COMMITTER_DATE='1700000000 +0100' GIT_CONFIG_NOSYSTEM=1 HOME=$root
hyperfine -w 2 -r 10 \
  --prepare "rm -rf $root/work && cp -a $root/base $root/work" \
  -n "pfad merge" "$pfad -C $root/work merge -q side" \
  -n "git merge" "git -C $root/work merge -q --no-edit side"
# Same result: both trees equal.
rm -rf $root/g $root/p && cp -a $root/base $root/g && cp -a $root/base $root/p
git -C $root/g merge -q --no-edit side && "$pfad" -C $root/p merge -q side
echo "trees: git $(git -C $root/g rev-parse 'HEAD^{tree}') pfad $(git -C $root/p rev-parse 'HEAD^{tree}')"
