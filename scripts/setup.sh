#!/usr/bin/env bash
# One idempotent setup step: the Debian packages the build and tests need, then the npm
# dev dependencies. Each part runs only when something is missing, so a second run is
# silent and takes well under a second. See docs/toolchain.md for why each package.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ make cmake emscripten libxsimd-dev catch2 binaryen wabt chromium fonts-nanum libopenblas-dev dataset-fashion-mnist)
# PyTorch, the tests' oracle (tests/torch/), for Debian's /usr/bin/python3, and torchvision,
# whose Fashion-MNIST loader the images page's exported scripts use (tests/js/images.test.mjs
# runs them). Their recommended packages (libtorch-dev, OpenCV, Qt, GDAL: over a gigabyte) are
# not needed to import them.
lean=(python3-torch python3-torchvision)

installed() {
  local status
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null || true)
  [[ $status == ii* ]]
}
missing=() missing_lean=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
for p in "${lean[@]}"; do installed "$p" || missing_lean+=("$p"); done

if ((${#missing[@]} + ${#missing_lean[@]})); then
  if ((EUID == 0)); then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "setup: missing Debian packages (${missing[*]} ${missing_lean[*]}) and neither root nor sudo is available." >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]} ${missing_lean[*]}"
  "${as_root[@]}" apt-get update -qq  # once, and only when something is missing
  if ((${#missing[@]})); then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if ((${#missing_lean[@]})); then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing_lean[@]}"
  fi
fi

# npm ci wipes and reinstalls node_modules, so only when the lock file is newer.
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
