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
