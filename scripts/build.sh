#!/usr/bin/env bash
# Builds what is missing or out of date: the native core + tests in build/native, and the
# WebAssembly module in build/wasm, copied to web/engine/ for the static site. CMake is
# configured once per build tree; make does the incremental part.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# Native: library, Catch2 tests, benchmark.
if [[ ! -f build/native/Makefile ]]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release
fi
make -C build/native -j"$jobs" --no-print-directory

# WebAssembly: Debian's emcc needs Debian's node modules (acorn), docs/toolchain.md trap 1.
# LAYERWISE_EMSCRIPTEN_NODE_PATH: where those modules are on another system (default Debian's
# /usr/share/nodejs). LAYERWISE_XSIMD_INCLUDE (read by CMakeLists.txt) is the other such path.
if [[ ! -f wasm/bindings.cpp ]]; then
  echo "build: wasm/bindings.cpp does not exist yet; skipping the WebAssembly build."
  exit 0
fi
export NODE_PATH=${LAYERWISE_EMSCRIPTEN_NODE_PATH:-/usr/share/nodejs}
if [[ ! -f build/wasm/Makefile ]]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release
fi
make -C build/wasm -j"$jobs" --no-print-directory layerwise

# web/engine/ is generated: the library (wasm/layerwise.mjs, its types) next to the engine
# (layerwise.wasm) and Emscripten's glue, renamed so the library keeps the public name.
mkdir -p web/engine
cp build/wasm/layerwise.wasm web/engine/layerwise.wasm
cp build/wasm/layerwise.mjs web/engine/layerwise-glue.mjs
cp wasm/*.mjs wasm/*.d.ts web/engine/
# The list of the engine's files, for the site's service worker (web/sw.js) to keep for offline
# visits: a worker loads some of them after the page, where the page cannot see them.
node -e "const fs = require('fs'); fs.writeFileSync('web/engine/files.json', JSON.stringify(fs.readdirSync('web/engine').filter((f) => !f.endsWith('.d.ts') && f !== 'files.json').sort()) + '\\n')"

# web/vendor/ is generated too: KaTeX (an npm dependency, see README) for the lessons' formulas,
# copied again whenever the installed version differs from the copy's (npm dates its files 1985,
# so timestamps cannot tell).
katex_version=$(node -p "require('./node_modules/katex/package.json').version")
if [[ $(cat web/vendor/katex/VERSION 2>/dev/null) != "$katex_version" ]]; then
  rm -rf web/vendor/katex
  mkdir -p web/vendor/katex/fonts
  cp node_modules/katex/dist/katex.mjs node_modules/katex/dist/katex.min.css node_modules/katex/LICENSE web/vendor/katex/
  cp node_modules/katex/dist/fonts/*.woff2 web/vendor/katex/fonts/  # every browser we serve reads woff2
  echo "$katex_version" > web/vendor/katex/VERSION
fi

# Fashion-MNIST (Debian's dataset-fashion-mnist): the full set unpacked in build/data/ for the
# native tests and benchmarks, and the site's download web/data/fashion-mnist.bin. After the
# engine copy: the script checks the files with web/lib/fashion.js, which imports web/engine/.
node scripts/build-data.mjs
