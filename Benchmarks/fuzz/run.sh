#!/usr/bin/env bash
# Builds pfad-fuzz with libFuzzer (swift build --sanitize=fuzzer, scratch
# path .build-fuzz) and runs every fuzz target for a bounded time, starting
# from the committed seeds in Tests/Fuzz/corpus/<target>/ (new inputs go to
# .build-fuzz/corpus/<target>/, the seeds stay untouched).
#
#   Benchmarks/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Environment: FUZZ_CONFIG=debug|release (default release), FUZZ_JOBS (build
# jobs), FUZZ_TIMEOUT (seconds one input may take, default 10),
# FUZZ_RSS_MB (memory limit, default 2048). Prints a table (target, runs,
# execs/s, coverage, findings) and exits 1 if any target found a crash, a
# hang, a memory blow-up or a property violation; the reproducer is then
# in .build-fuzz/findings/<target>/ (commit it to the target's corpus as
# crash-<name> once the bug is fixed).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-8}
shift || true
config=${FUZZ_CONFIG:-release}
scratch=.build-fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(loose-object commit tag tree pack delta idx index config pkt-line http-request patch front-matter)
fi

build=(swift build --scratch-path "$scratch" -c "$config" --product pfad-fuzz
       --sanitize=fuzzer -Xswiftc -DPFAD_FUZZ)
[ -n "${FUZZ_JOBS:-}" ] && build+=(-j "$FUZZ_JOBS")
echo "fuzz: building ($config)"
start=$(date +%s)
"${build[@]}" 2>&1 | grep -E 'error|warning: unre|Compiling pfad_fuzz|Build complete' || true
binary="$scratch/$config/pfad-fuzz"
[ -x "$binary" ] || { echo "fuzz: build failed"; exit 2; }
echo "fuzz: built in $(( $(date +%s) - start )) s"

export SWIFT_BACKTRACE=enable=no
found=0
passed=0
failed=0
printf '%-14s %10s %10s %8s %s\n' target runs execs/s cov findings
for target in "${targets[@]}"; do
    seeds="Tests/Fuzz/corpus/$target"
    [ -d "$seeds" ] || { echo "fuzz: no seeds for '$target'"; exit 2; }
    work="$scratch/corpus/$target"
    findings="$scratch/findings/$target"
    mkdir -p "$work" "$findings"
    log="$scratch/logs/$target.log"
    mkdir -p "$(dirname "$log")"
    status=0
    PFAD_FUZZ_TARGET=$target "$binary" "$work" "$seeds" \
        -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    result="none"
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
    else
        found=1
        failed=$((failed + 1))
        artifact=$(grep -o "Test unit written to .*" "$log" | tail -1 | sed 's/Test unit written to //')
        reason=$(grep -m1 -E 'pfad-fuzz: |ERROR: libFuzzer|SUMMARY|Fatal error' "$log" || true)
        result="FOUND (exit $status) ${artifact:-see $log}: ${reason}"
    fi
    printf '%-14s %10s %10s %8s %s\n' "$target" "$runs" "$speed" "$cov" "$result"
done
echo "fuzz: $passed passed, $failed failed"
exit $found
