// Finding a python3 that can import torch, for tests that run real PyTorch (not a test itself).
//
//   import { findTorchPython, requireTorch } from './torch.mjs';
//
//   findTorchPython() → the path of the first python3 that imports torch, or null. Candidates,
//     in order: $LAYERWISE_PYTHON, /usr/bin/python3 (Debian's python3-torch belongs to it), then
//     the python3 on PATH. Asked once per process.
//   requireTorch(t) → that path; or, when there is none: with LAYERWISE_NO_TORCH=1, skips the
//     test `t` (node:test's context) saying why and returns null; otherwise throws an Error
//     that says to install Debian's python3-torch. A test does:
//       const python = requireTorch(t);
//       if (!python) return;
//   requireTorch(t, { torchvision: true }) → the same, and that python3 must also import
//     torchvision (Debian's python3-torchvision), else the same skip or Error naming it.
//   torchVersion() → torch.__version__ of that python3, or null.
import { spawnSync } from 'node:child_process';

let found; // undefined: not asked yet

export function findTorchPython() {
  if (found !== undefined) return found.python;
  found = { python: null, version: null };
  for (const python of [process.env.LAYERWISE_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean)) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
    if (r.status === 0) {
      found = { python, version: r.stdout.trim() };
      break;
    }
  }
  return found.python;
}

export function torchVersion() {
  findTorchPython();
  return found.version;
}

let vision; // undefined: not asked yet; else whether the torch python3 imports torchvision

function hasTorchvision(python) {
  vision ??= spawnSync(python, ['-c', 'import torchvision'], { timeout: 120_000 }).status === 0;
  return vision;
}

export function requireTorch(t, { torchvision = false } = {}) {
  const python = findTorchPython();
  if (python && (!torchvision || hasTorchvision(python))) return python;
  const [why, pkg] = python
    ? [`${python} imports torch but not torchvision`, 'python3-torchvision']
    : ['no python3 here can import torch ($LAYERWISE_PYTHON, /usr/bin/python3, python3)', torchvision ? 'python3-torch python3-torchvision' : 'python3-torch'];
  if (process.env.LAYERWISE_NO_TORCH === '1') {
    const reason = `LAYERWISE_NO_TORCH=1 and ${why}: this test did not run`;
    console.log(reason);
    t.skip(reason);
    return null;
  }
  throw new Error(`${why}; install Debian's ${pkg} (sudo apt-get install --no-install-recommends ${pkg}, `
    + 'or bash scripts/setup.sh), or set LAYERWISE_NO_TORCH=1 to skip the tests that need it');
}
