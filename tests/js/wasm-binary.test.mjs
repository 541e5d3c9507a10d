// The shipped web/engine/layerwise.wasm: SIMD128 really is in it (a build-flag change cannot
// switch it off silently; docs/toolchain.md, trap 2), and it stays small enough for a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const wasmPath = fileURLToPath(new URL('../../web/engine/layerwise.wasm', import.meta.url));
// Tripwires for accidental growth (<sstream> alone would add ~70 KB), with some room. At the
// close of issue 12 the module was 295.8 KB, 120.5 KB gzipped; Model::trace_step (the backprop
// stepper's numbers, issue 13) then added 12.6 KB (6.4 KB the step itself, 3 KB its binding,
// the rest optimiser copies), taking it to 308.5 KB, 124.0 KB gzipped. Issue 16's speed work
// (register blocks of four widths for small GEMMs, four-row dot products for batch 1, 4×4
// transposes in packing, our own tanh, the plain exports of the hot path) added 8.5 KB: 318.8
// KB, 128.0 KB gzipped.
const maxBytes = 324 * 1024;
const maxGzipBytes = 132 * 1024;

test('the kernels are compiled to f32x4 instructions', (t) => {
  const dump = spawnSync('wasm-objdump', ['-d', wasmPath], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (dump.error?.code === 'ENOENT') assert.fail('wasm-objdump is missing: install wabt (bash scripts/setup.sh)');
  assert.equal(dump.status, 0, dump.stderr);
  // each instruction is one line: "offset: bytes | op immediates"
  const count = (op) => dump.stdout.match(new RegExp(`\\|\\s+${op.replace('.', '\\.')}(?= |$)`, 'gm'))?.length ?? 0;
  const counts = Object.fromEntries(['f32x4.mul', 'f32x4.add', 'f32x4.sub', 'f32x4.max', 'v128.load', 'v128.store']
    .map((op) => [op, count(op)]));
  t.diagnostic(`SIMD instructions in layerwise.wasm: ${JSON.stringify(counts)}`);
  assert.ok(counts['f32x4.mul'] > 0, 'no f32x4.mul: SIMD is off');
  assert.ok(counts['f32x4.add'] > 0, 'no f32x4.add: SIMD is off');
});

test(`layerwise.wasm is at most ${maxBytes / 1024} KB, and ${maxGzipBytes / 1024} KB gzipped`, (t) => {
  const bytes = readFileSync(wasmPath);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  t.diagnostic(`layerwise.wasm: ${bytes.length} B (${(bytes.length / 1024).toFixed(1)} KB), ` +
    `gzip -9: ${gzipped} B (${(gzipped / 1024).toFixed(1)} KB)`);
  assert.ok(bytes.length <= maxBytes, `${bytes.length} B > ${maxBytes} B`);
  assert.ok(gzipped <= maxGzipBytes, `${gzipped} B gzipped > ${maxGzipBytes} B`);
});
