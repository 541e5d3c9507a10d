// wasm/random.mjs as shipped (web/engine/): the one seeded generator, mulberry32, and the seeded
// shuffle over it. The stream is checked against a transcription written here in BigInt
// arithmetic on unsigned 32-bit words (no Math.imul, no int32 tricks), and against mulberry32's
// well-known first number for seed 0; the shuffle against a Fisher–Yates written here over that
// transcription. The training worker's batch order and the web layer's seeded pictures depend
// on these exact numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { random, shuffled } from '../../web/engine/random.mjs';
import * as entry from '../../web/engine/layerwise.mjs';

const MASK = (1n << 32n) - 1n;

// mulberry32 by its definition: the state steps by 0x6D2B79F5; the output mixes it.
function* words(seed) {
  let s = BigInt.asUintN(32, BigInt(seed));
  for (;;) {
    s = (s + 0x6d2b79f5n) & MASK;
    let t = ((s ^ (s >> 15n)) * (s | 1n)) & MASK;
    t ^= (t + (((t ^ (t >> 7n)) * (t | 61n)) & MASK)) & MASK;
    yield (t ^ (t >> 14n)) & MASK;
  }
}

const take = (iterator, n) => Array.from({ length: n }, () => iterator.next().value);

test('random(seed) is mulberry32: each number is the next 32-bit word / 2^32', () => {
  assert.equal(random(0)(), 0.26642920868471265, "mulberry32's first number for seed 0");
  // The first words for two seeds, written out: a change of the stream cannot go unseen.
  assert.deepEqual(take(words(0), 5), [0x4434b462n, 0x00159c37n, 0x39285b08n, 0x256d8104n, 0x77a2cbd4n]);
  assert.deepEqual(take(words(42), 5), [0x99e1ef7cn, 0x72c32b8an, 0xda3b32c0n, 0xab73b0adn, 0x2cc09a8an]);
  for (const seed of [0, 1, 42, 7919 * 3 + 17, 0x9e3779b9, 2 ** 32 - 1, 2 ** 40 + 3]) {
    const next = random(seed);
    const expected = take(words(seed), 1000);
    for (const [i, word] of expected.entries()) {
      const u = next();
      assert.ok(u >= 0 && u < 1, `seed ${seed}, number ${i}: ${u} in [0, 1)`);
      assert.equal(u * 2 ** 32, Number(word), `seed ${seed}, number ${i}`);
    }
  }
});

test('random takes its seed mod 2^32, and each generator has its own state', () => {
  const first = (seed) => {
    const next = random(seed);
    return [next(), next(), next(), next()];
  };
  assert.deepEqual(first(2 ** 32 + 5), first(5));
  assert.deepEqual(first(-1), first(2 ** 32 - 1));
  assert.notDeepEqual(first(1), first(2));
  const a = random(9);
  const b = random(9);
  const fromA = [a(), a(), a()];
  assert.deepEqual([b(), b(), b()], fromA, 'a second generator of the same seed starts over');
});

test('shuffled(n, seed) is a seeded permutation of 0 .. n−1: Fisher–Yates over random(seed)', () => {
  for (const n of [0, 1, 2, 3, 10, 100, 1000]) {
    for (const seed of [0, 42, 0x9e3779b9 ^ 42]) {
      const order = shuffled(n, seed);
      assert.ok(order instanceof Uint32Array && order.length === n, `n ${n}: a Uint32Array of n`);
      assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i), `n ${n}, seed ${seed}: a permutation`);
      // Fisher–Yates from the last index down: swap i with j = floor(u·(i + 1)).
      const expected = Array.from({ length: n }, (_, i) => i);
      const stream = words(seed);
      for (let i = n - 1; i > 0; i--) {
        const j = Number((stream.next().value * BigInt(i + 1)) >> 32n);
        [expected[i], expected[j]] = [expected[j], expected[i]];
      }
      assert.deepEqual([...order], expected, `n ${n}, seed ${seed}`);
      assert.deepEqual(shuffled(n, seed), order, 'the same seed, the same order');
    }
  }
  assert.notDeepEqual(shuffled(50, 1), shuffled(50, 2), 'another seed, another order');
  const moved = [...shuffled(1000, 3)].filter((v, i) => v !== i).length;
  assert.ok(moved > 950, `a shuffle moves nearly every index (${moved} of 1000 moved)`);
});

test("the engine's entry exports the same random and shuffled", () => {
  assert.equal(entry.random, random);
  assert.equal(entry.shuffled, shuffled);
});
