#!/usr/bin/env bash
# The production site: web/ (pages, playground, the engine in web/engine/) copied to dist/,
# which any static host serves as it is (the only need: .wasm as application/wasm, which
# every common host does), and beside it layerwise-playground.html, the playground as one
# self-contained file (scripts/build-single.mjs). Builds the engine first when web/engine/ or
# the data (web/data/) is missing.
# Usage: bash scripts/build-site.sh [OUT]   (default dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

if [[ ! -f web/engine/layerwise.wasm || ! -f web/engine/files.json || ! -f web/engine/trainer-worker.mjs || ! -f web/vendor/katex/katex.mjs || ! -f web/data/fashion-mnist.bin ]]; then
  bash scripts/build.sh
fi

rm -rf "$out"
mkdir -p "$out"
# Everything the browser loads; not type declarations, notes, or web/test/ (pages for tests).
tar -C web --exclude='*.d.ts' --exclude='*.md' --exclude='./test' -cf - . | tar -C "$out" -xf -
# The playground as one file that works from disk and uploads as one file (docs/embedding.md).
node scripts/build-single.mjs "$out/layerwise-playground.html"

# A page that a static host can serve must find every module it imports.
for f in index.html playground/element.js engine/trainer.mjs engine/trainer-worker.mjs engine/layerwise.mjs engine/layerwise.wasm \
         engine/random.mjs sketch.html sketch/element.js lib/i18n.js lib/dom.js lib/random.js \
         lessons/index.html lessons/lesson.html lessons/page.js lessons/glossary.html lessons/glossary.js lessons/pictures.js theme.css elements.css vendor/katex/katex.mjs vendor/katex/katex.min.css \
         data/fashion-mnist.bin lib/fashion.js images.html images/element.js sw.js lib/offline.js engine/files.json layerwise.js \
         embed.html embed/page.js embed/bridge.js lessons/mount.js lib/embed.js lib/hash.js layerwise-playground.html \
         lessons/assets/astronaut-32.png; do
  [[ -f $out/$f ]] || { echo "build-site: $out/$f is missing" >&2; exit 1; }
done
echo "build-site: $(find "$out" -type f | wc -l) files, $(du -sh "$out" | cut -f1) in $out/"
