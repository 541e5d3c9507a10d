// The sketch network: a multilayer perceptron shaped like the seed article's MNIST classifier,
//
//   784 → 256 → 128 → 64 → 10     (nn.Linear layers, ReLU between them, logits out)
//
// with one output per class the learner made, and hidden layers scaled to the amount of data:
// the first is about two neurons per training drawing (a power of two from 16 up to the
// seed's 256), and each next one half the one before (at least 8), as in the seed. Thirty
// drawings get 784 → 64 → 32 → 16 → 3; a hundred and more get the seed's own sizes. The
// learner can change the sizes and the activation (the layer editor); the output layer gives
// logits, trained with cross-entropy (softmax for display), and the weights start as the seed's
// weight_init does: Xavier-uniform weights, zero biases. No DOM.
import { SIZE } from '../lib/preprocess.js';

export const INPUTS = SIZE * SIZE;
export const SEED_HIDDEN = Object.freeze([256, 128, 64]);
export const ACTIVATIONS = Object.freeze(['relu', 'leaky_relu', 'tanh', 'sigmoid']);
export const MAX_LAYERS = 4;
export const MIN_NEURONS = 1;
export const MAX_NEURONS = 512;
export const OPTIMIZER = Object.freeze({ name: 'adam', options: Object.freeze({ lr: 0.001 }) });
export const BATCH = 16;
export const SEED = 1;

/** Hidden sizes for `drawings` training drawings: [w, w/2, w/4], w = 2·drawings to a power of two in [16, 256]. */
export function autoHidden(drawings) {
  const want = Math.max(1, 2 * drawings);
  const first = Math.min(SEED_HIDDEN[0], Math.max(16, 2 ** Math.round(Math.log2(want))));
  return [first, Math.max(8, first / 2), Math.max(8, first / 4)];
}

/** The model spec (docs/model-spec.md) of a sketch network. */
export function sketchSpec({ hidden, activation = 'relu', classes, seed = SEED }) {
  const layers = [];
  for (const out of hidden) layers.push({ type: 'linear', out }, { type: activation });
  layers.push({ type: 'linear', out: classes });
  return { input: [INPUTS], layers, init: { weight: 'xavier_uniform', bias: 'zeros' }, seed };
}

/** Weights and biases of the network: Σ (in + 1)·out over its linear layers. */
export function parameterCount(hidden, classes) {
  let inputs = INPUTS;
  let count = 0;
  for (const out of [...hidden, classes]) {
    count += (inputs + 1) * out;
    inputs = out;
  }
  return count;
}

/** Checked hidden sizes: a list of 0..MAX_LAYERS whole numbers in [MIN_NEURONS, MAX_NEURONS], or null. */
export function checkHidden(hidden) {
  if (!Array.isArray(hidden) || hidden.length > MAX_LAYERS) return null;
  return hidden.every((n) => Number.isInteger(n) && n >= MIN_NEURONS && n <= MAX_NEURONS) ? [...hidden] : null;
}

/** softmax(logits) as a new array of numbers. */
export function softmax(logits) {
  const max = Math.max(...logits);
  const e = Array.from(logits, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
