// What the images page trains and how it reads the results, with no DOM: the two preset
// networks, the layer list a learner edits turned into a model spec (docs/model-spec.md), the
// training settings, and the arithmetic of the views (softmax, top-k guesses, the confusion
// matrix, the gallery's order). tests/js/images-model.test.mjs checks it.
//
//   const spec = imagesSpec({ layers: PRESETS.mlp.layers, init: 'default', seed: 1 });
//   const { matrix, predicted } = confusion(outputs, labels, CLASSES);
//   const order = galleryOrder(predicted, labels);      // mistakes first
import { softmaxInto } from '../lib/palette.js';
import { SIZE } from '../lib/preprocess.js';

export { SIZE };
export const PIXELS = SIZE * SIZE;
export const CLASSES = 10;
/** Fashion-MNIST's classes in label order; their names are the strings `class.<key>`. */
export const CLASS_KEYS = Object.freeze(['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot']);

/** Layer types the editor offers, and which of them have a size and what it is called. */
export const LAYER_TYPES = Object.freeze(['linear', 'conv2d', 'maxpool2d', 'avgpool2d', 'flatten', 'relu', 'leaky_relu', 'tanh', 'sigmoid', 'dropout']);
export const SIZED = Object.freeze({ linear: 'out', conv2d: 'out', maxpool2d: 'kernel', avgpool2d: 'kernel', dropout: 'p' });
const SPATIAL = new Set(['conv2d', 'maxpool2d', 'avgpool2d', 'flatten']);
export const MAX_LAYERS = 24;
/** The weights' seed of a new network (the learner's own choice in settings.seed). */
export const SEED = 1;

/**
 * The two presets: the seed article's 784-256-128-64-10 ReLU network, and a small CNN
 * (conv 8@5×5 → relu → maxpool 2 → conv 16@5×5 → relu → maxpool 2 → flatten → linear 10, both
 * convolutions padded by 2 so they keep the picture's size: 7·7·16 = 784 features reach the last
 * layer instead of 4·4·16 = 256, which is what takes it past 0.90 on the full set; bench/README.md,
 * "The small CNN"). Each lists the layers before the output layer (linear 10, always there).
 * Both train in batches of 64, as PyTorch's own Fashion-MNIST quick-start does (batch 32 was
 * measured too: no better after five epochs in the page, and slower; bench/README.md).
 */
export const PRESETS = Object.freeze({
  mlp: Object.freeze({
    layers: [{ type: 'linear', out: 256 }, { type: 'relu' }, { type: 'linear', out: 128 }, { type: 'relu' }, { type: 'linear', out: 64 }, { type: 'relu' }],
    settings: { optimizer: 'adam', lr: 0.001, batch: 64, init: 'default', seed: SEED },
  }),
  cnn: Object.freeze({
    layers: [
      { type: 'conv2d', out: 8, kernel: 5, padding: 2 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
      { type: 'conv2d', out: 16, kernel: 5, padding: 2 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
      { type: 'flatten' },
    ],
    settings: { optimizer: 'adam', lr: 0.001, batch: 64, init: 'default', seed: SEED },
  }),
});
export const PRESET_NAMES = Object.freeze(Object.keys(PRESETS));

export const OPTIMIZERS = Object.freeze(['adam', 'adamw', 'sgd', 'rmsprop']);
export const LEARNING_RATES = Object.freeze([0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]);
export const BATCHES = Object.freeze([16, 32, 64, 128, 256]);
/** Initialisers of every weight (biases keep PyTorch's default), by spec name. */
export const INITS = Object.freeze(['default', 'xavier_uniform', 'kaiming_uniform', 'kaiming_normal']);
/**
 * How many training pictures the menu offers (the first so many, in the dataset's order; null
 * is all of them). A number above the file's count trains on all of its pictures; the full
 * Fashion-MNIST has 60,000, the most the `pictures` attribute takes.
 */
export const PICTURE_CHOICES = Object.freeze([100, 500, 1000, 2000, 5000]);
export const MAX_PICTURES = 60000;

/** The first `n` of a set's pictures ({x, y, count}, x row-major 784 floats a picture); n null: all. */
export function firstPictures(set, n) {
  const count = n === null ? set.count : Math.min(n, set.count);
  if (count === set.count) return set;
  return { x: set.x.slice(0, count * PIXELS), y: set.y.slice(0, count), count };
}

/**
 * The sizes a picture passes through when every layer is linear, an activation or dropout
 * ([784, 256, 128, 64, 10] for the article's network); null when a layer works on pictures.
 */
export function linearSizes(layers) {
  if (layers.some((l) => SPATIAL.has(l.type))) return null;
  return [PIXELS, ...layers.filter((l) => l.type === 'linear').map((l) => l.out), CLASSES];
}

/** A copy of a preset's layers and settings. */
export function preset(name) {
  const p = PRESETS[name];
  if (!p) throw new RangeError(`no preset ${JSON.stringify(name)}; the presets are ${PRESET_NAMES.join(', ')}`);
  return { layers: p.layers.map((l) => ({ ...l })), settings: { ...p.settings } };
}

/** A new layer of a type, with the size the editor starts it at. */
export function newLayer(type) {
  switch (type) {
    case 'linear': return { type, out: 64 };
    case 'conv2d': return { type, out: 8, kernel: 3 };
    case 'maxpool2d':
    case 'avgpool2d': return { type, kernel: 2 };
    case 'dropout': return { type, p: 0.2 };
    default: return { type };
  }
}

/**
 * The model spec of a layer list: pictures go in as [1, 28, 28] when a layer works on pictures
 * (conv, pool, flatten), else as 784 values; the output layer (linear 10) comes last. The
 * engine checks the rest and names the layer that does not fit.
 */
export function imagesSpec({ layers, init = 'default', seed = SEED }) {
  const pictures = layers.some((l) => SPATIAL.has(l.type));
  const spec = { input: pictures ? [1, SIZE, SIZE] : [PIXELS], layers: [...layers.map((l) => ({ ...l })), { type: 'linear', out: CLASSES }], seed };
  if (init !== 'default') spec.init = { weight: init };
  return spec;
}

/** softmax of n values of `logits` from `at`, as a new array (web/lib/palette.js's). */
export function softmax(logits, at = 0, n = logits.length - at) {
  return Array.from(softmaxInto(logits, at, n, new Float64Array(n)));
}

/** The index of the largest of n values from `at` (the first of equals). */
export function argmax(values, at = 0, n = values.length - at) {
  let best = 0;
  for (let k = 1; k < n; k++) if (values[at + k] > values[at + best]) best = k;
  return best;
}

/** The k largest values: [{index, value}], largest first (equal values: lower index first). */
export function topK(values, k) {
  return Array.from(values, (value, index) => ({ index, value }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, k);
}

/**
 * The confusion matrix of a batch of outputs (count × classes logits, sample-major) against
 * the labels: matrix[true · classes + predicted] counts the samples; predicted holds each
 * sample's class; right the count on the diagonal.
 */
export function confusion(outputs, labels, classes) {
  const count = labels.length;
  if (outputs.length !== count * classes) throw new RangeError(`confusion: ${outputs.length} outputs for ${count} labels of ${classes} classes`);
  const matrix = new Uint32Array(classes * classes);
  const predicted = new Uint8Array(count);
  let right = 0;
  for (let i = 0; i < count; i++) {
    const p = argmax(outputs, i * classes, classes);
    predicted[i] = p;
    matrix[labels[i] * classes + p]++;
    if (p === labels[i]) right++;
  }
  return { matrix, predicted, right };
}

/**
 * The samples in the gallery's order: the mistakes first, then the right ones, each group in
 * sample order. With `cell` ([true, predicted]), only the samples of that confusion cell.
 */
export function galleryOrder(predicted, labels, cell = null) {
  const wrong = [];
  const right = [];
  for (let i = 0; i < labels.length; i++) {
    if (cell && (labels[i] !== cell[0] || predicted[i] !== cell[1])) continue;
    (predicted[i] === labels[i] ? right : wrong).push(i);
  }
  return [...wrong, ...right];
}

/** Bytes 0–255 of `count` pictures → floats in [0, 1] (what the network takes). */
export function toFloats(bytes) {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}
