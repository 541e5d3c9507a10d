// The seeded random generator every page uses, the engine's own (web/engine/random.mjs, built
// from wasm/random.mjs): random(seed) → () => a number in [0, 1) (mulberry32), and
// shuffled(n, seed) → 0 … n − 1 in a seeded order (Fisher–Yates), the order the training
// worker uses. One seed, one stream, on every machine.
export { random, shuffled } from '../engine/random.mjs';
