#!/usr/bin/env bash
# The Catch2 suite built with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# build/sanitize/, run through ctest; any sanitizer report (a memory error, a leak, undefined
# behaviour) fails its test. The same tree builds the fuzz targets (scripts/fuzz.sh). Not part
# of npm test: it adds about two minutes to a CI run that is near its budget (docs/testing.md).
#
# --if-available: skip with a note (exit 0) when clang is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v clang++ >/dev/null; then
  if [[ ${1:-} == --if-available ]]; then
    echo "sanitize: clang++ is missing (Debian: apt-get install clang); skipping the sanitizer suite."
    exit 0
  fi
  echo "sanitize: needs clang++ (Debian: apt-get install clang)" >&2
  exit 1
fi

if [[ ! -f build/sanitize/Makefile ]]; then
  CXX=clang++ cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLW_FUZZ=ON >/dev/null
fi
make -C build/sanitize -j"$(nproc)" --no-print-directory lw_tests >/dev/null
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir build/sanitize --output-on-failure --no-tests=error -j"$(nproc)"
