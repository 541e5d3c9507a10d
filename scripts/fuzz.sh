#!/usr/bin/env bash
# Fuzzes the core and the page's file readers for SECONDS each (default 60):
#   bash scripts/fuzz.sh [SECONDS]        or        npm run fuzz -- [SECONDS]
# The libFuzzer targets of tests/fuzz/ are built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build/sanitize/; each starts from its seed corpus in
# tests/fuzz/corpus/ and keeps what it finds in build/sanitize/fuzz/corpus/ (a second run goes
# on where the first stopped). tests/fuzz/files.mjs fuzzes the CSV reader and the file validators
# in Node. A crash, a sanitizer report, a broken property or a timeout stops the run, leaves
# the input in build/sanitize/fuzz/findings/ and exits non-zero. The table at the end gives each
# target's runs, coverage (edges), features and corpus size.
#
# --if-available: skip with a note (exit 0) when clang or libFuzzer is missing, as npm test does.
# LW_FUZZ_SEED: the seed of every fuzzer (npm test fixes it; by default each run takes a new one).
set -euo pipefail
cd "$(dirname "$0")/.."

optional=0
if [[ ${1:-} == --if-available ]]; then
  optional=1
  shift
fi
seconds=${1:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: SECONDS must be a whole number > 0, not '$seconds'" >&2; exit 2; }

libfuzzer=$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null || true)
if ! command -v clang++ >/dev/null || [[ ! -f $libfuzzer ]]; then
  msg="fuzz: needs clang++ with libFuzzer (Debian: apt-get install clang libclang-rt-14-dev)"
  if ((optional)); then
    echo "$msg; skipping the fuzz smoke."
    exit 0
  fi
  echo "$msg" >&2
  exit 1
fi

# One sanitizer build tree for the fuzz targets and scripts/sanitize.sh; only the targets here.
targets=()
for seeds in tests/fuzz/corpus/*/; do targets+=("fuzz_$(basename "$seeds")"); done
if [[ ! -f build/sanitize/Makefile ]]; then
  CXX=clang++ cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLW_FUZZ=ON >/dev/null
fi
make -C build/sanitize -j"$(nproc)" --no-print-directory "${targets[@]}" >/dev/null

# Any sanitizer report is fatal; leaks are findings too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

mkdir -p build/sanitize/fuzz/findings
results=()
for seeds in tests/fuzz/corpus/*/; do
  name=$(basename "$seeds")
  work=build/sanitize/fuzz/corpus/$name
  mkdir -p "$work"
  log=build/sanitize/fuzz/$name.log
  # -timeout: one input taking 10 s is a finding (a freeze); -rss_limit_mb: as is a 2 GB run.
  if ! "build/sanitize/fuzz_$name" "$work" "$seeds" -dict=tests/fuzz/json.dict -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 ${LW_FUZZ_SEED:+-seed=$LW_FUZZ_SEED} -max_len=4096 -print_final_stats=1 \
      -artifact_prefix=build/sanitize/fuzz/findings/"$name"- >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: fuzz_$name found a problem: the input is in build/sanitize/fuzz/findings/, the log in $log" >&2
    exit 1
  fi
  # The final stats line: "#RUNS DONE cov: C ft: F corp: N/SIZE ..."
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
  runs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")
  cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$done_line")
  ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$done_line")
  corp=$(sed -E 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/' <<<"$done_line")
  results+=("$(printf '| %-16s | %9s | %6s | %8s | %-12s |' "fuzz_$name" "$runs" "$cov" "$ft" "$corp")")
done

node tests/fuzz/files.mjs "$seconds" ${LW_FUZZ_SEED:-}

echo
echo "| target           | runs      | cov    | features | corpus       |"
echo "| ---------------- | --------- | ------ | -------- | ------------ |"
printf '%s\n' "${results[@]}"
echo "fuzz: ${seconds} s per target, no finding."
