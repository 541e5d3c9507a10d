// The one seeded random generator of the project: mulberry32 (Tommy Ettinger's 32-bit
// generator), and a seeded shuffle over it. The engine's own random numbers (data, initial
// weights, dropout, trainEpoch's order) come from the core; these are for JavaScript: the
// training worker's batch order for step requests, and the web layer's seeded pictures
// (augmentation, example drawings). The same seed gives the same numbers in every browser and
// in Node. No engine needed: this module imports nothing.

/** A generator of numbers in [0, 1): each call returns the next of mulberry32's stream from seed (taken mod 2^32). */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** 0 .. n−1 in a seeded order: a Uint32Array, Fisher–Yates (from the end) over random(seed). */
export function shuffled(n, seed) {
  const next = random(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
