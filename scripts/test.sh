#!/usr/bin/env bash
# Runs every test suite, after setup.sh and build.sh: Catch2 through ctest (build/native), a
# fuzz smoke (scripts/fuzz.sh, when clang is here), node:test for the wasm module (tests/js),
# tsc on the types (tests/ts), headless Chromium for the pages (tests/browser). The four suites
# are expected: one whose folder is missing or holds no tests stops the run with an error, so a
# lost folder cannot pass as green.
set -euo pipefail
cd "$(dirname "$0")/.."

missing() {
  echo "test: $1; every suite (ctest, tests/js, tests/ts, tests/browser) is expected." >&2
  exit 1
}

# node --test on a folder runs only files named like tests (*.test.mjs, test-*.mjs, ...).
has_tests() {
  [[ -d $1 ]] && [[ -n $(find "$1" -type f \( -name '*.test.*js' -o -name 'test-*.*js' \
    -o -name '*-test.*js' -o -name '*_test.*js' \) -print -quit) ]]
}
has_tests tests/js || missing "tests/js is missing or has no *.test.mjs files"
has_tests tests/browser || missing "tests/browser is missing or has no *.test.mjs files"
# The TypeScript declarations (web/engine/layerwise.d.ts), checked in strict mode on a typed
# example of the whole API that imports 'layerwise' as a package user would.
[[ -f tests/ts/tsconfig.json && -n $(find tests/ts -name '*.ts' -print -quit) ]] ||
  missing "tests/ts is missing its tsconfig.json or its .ts files"

# ctest lists what Catch2 registered at build time; none means no build or no tests/core.
[[ -f build/native/CTestTestfile.cmake ]] ||
  missing "build/native has no ctest tests (run bash scripts/build.sh first)"
# PyTorch as the oracle: tests/torch/make_fixtures.py writes what real torch computes for every
# layer, activation, loss, optimiser and initialiser (build/torch/fixtures.json), which
# tests/core/test_torch.cpp and tests/js/torch-oracle.test.mjs compare the engine with. Debian's
# python3-torch (setup.sh installs it) belongs to /usr/bin/python3: the first of LAYERWISE_PYTHON,
# /usr/bin/python3 and python3 that imports torch runs it. Without torch the run goes on and
# those tests fail saying why, unless LAYERWISE_NO_TORCH=1.
python=
for candidate in ${LAYERWISE_PYTHON:-} /usr/bin/python3 python3; do
  if "$candidate" -c 'import torch' 2>/dev/null; then python=$candidate && break; fi
done
if [[ -n $python ]]; then
  if [[ ! -f build/torch/fixtures.json || tests/torch/make_fixtures.py -nt build/torch/fixtures.json ]]; then
    "$python" tests/torch/make_fixtures.py build/torch
  fi
elif [[ ${LAYERWISE_NO_TORCH:-} == 1 ]]; then
  echo "test: no python3 here imports torch and LAYERWISE_NO_TORCH=1: the PyTorch-oracle tests will say they did not run" >&2
else
  echo "test: no python3 here imports torch: the PyTorch-oracle tests will fail (install Debian's python3-torch with bash scripts/setup.sh, or set LAYERWISE_NO_TORCH=1)" >&2
fi

ctest --test-dir build/native --output-on-failure --no-tests=error -j2

# A smoke run of the fuzzers (tests/fuzz/: the core under ASan + UBSan, and the page's file
# readers), 3 s each from the seed corpora, when clang is here; npm run fuzz runs them longer.
LW_FUZZ_SEED=1 bash scripts/fuzz.sh --if-available 3

node --test tests/js/
npx --no-install tsc -p tests/ts --noEmit
node --test tests/browser/
