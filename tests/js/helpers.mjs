// Shared by the tests in this folder (not a test itself: node --test runs *.test.mjs only).
// The library under test is the built one, web/engine/layerwise.mjs (scripts/build.sh).
import assert from 'node:assert/strict';

export const engineUrl = new URL('../../web/engine/layerwise.mjs', import.meta.url);
export const rootUrl = new URL('../../', import.meta.url);

let loading;

/** The module and one loaded engine per test process: { mod, lw, LayerwiseError }. */
export function loadEngine() {
  loading ??= (async () => {
    let mod;
    try {
      mod = await import(engineUrl);
    } catch (err) {
      throw new Error(`cannot import ${engineUrl.pathname} (${err.message}); build it with: bash scripts/build.sh`);
    }
    return { mod, lw: await mod.loadLayerwise(), LayerwiseError: mod.LayerwiseError };
  })();
  return loading;
}

export function assertClose(actual, expected, tol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}[${i}]: ${actual[i]} vs ${expected[i]} (tolerance ${tol})`);
  }
}

/** Parameters as {name: [...values]}. */
export function paramMap(list) {
  return Object.fromEntries(list.map(({ name, data }) => [name, [...data]]));
}

/** The spec of an MLP: input features, tanh hidden layers of `widths`, `out` outputs, then `last` (an activation type) if given. */
export const mlpSpec = (input, widths, out, last) => ({
  input: [input],
  layers: [...widths.flatMap((w) => [{ type: 'linear', out: w }, { type: 'tanh' }]), { type: 'linear', out }, ...(last ? [{ type: last }] : [])],
  seed: 3,
});

/** A trainer init of 200 xor points (half for training: 10 batches of 10 an epoch), 2-8-1 tanh, Adam. */
export const xorConfig = Object.freeze({
  spec: mlpSpec(2, [8], 1, 'sigmoid'),
  data: { dataset: 'xor', n: 200, noise: 0.1, seed: 1 },
  loss: 'bce',
  optimizer: { name: 'adam', options: { lr: 0.03 } },
  batch: 10,
});
