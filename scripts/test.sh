#!/usr/bin/env bash
# Runs every test suite that exists, after setup.sh and build.sh: Catch2 through ctest,
# node:test for the wasm module (tests/js), tsc on the types (tests/ts), headless Chromium for
# the pages (tests/browser).
set -euo pipefail
cd "$(dirname "$0")/.."

ctest --test-dir build/native --output-on-failure -j2

# node --test on a folder runs only files named like tests (*.test.mjs, test-*.mjs, ...).
has_tests() {
  [[ -d $1 ]] && [[ -n $(find "$1" -type f \( -name '*.test.*js' -o -name 'test-*.*js' \
    -o -name '*-test.*js' -o -name '*_test.*js' \) -print -quit) ]]
}
if has_tests tests/js; then
  node --test tests/js/
fi
# The TypeScript declarations (web/engine/layerwise.d.ts), checked in strict mode on a typed
# example of the whole API that imports 'layerwise' as a package user would.
if [[ -f tests/ts/tsconfig.json ]]; then
  npx --no-install tsc -p tests/ts --noEmit
fi
if [[ -d tests/browser ]]; then
  node --test tests/browser/
fi
