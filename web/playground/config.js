// From the playground's state to what the engine runs: the model spec, the data, the loss and
// the optimiser, as the training worker (wasm/trainer.mjs) takes them.
//
// The output head follows the problem, as a PyTorch user would build it:
//   two classes       linear → 1, sigmoid, BCE             (bce_with_logits: no sigmoid layer)
//   several classes   linear → C logits, cross-entropy     (softmax only for display)
//   regression        linear → 1, MSE
// The loss can be switched to show what a mismatch does (MSE on probabilities, cross-entropy
// with two logits); a loss that cannot work with the data at all (BCE on three classes,
// cross-entropy on a regression target) is replaced by the natural one, with a note saying so.
import { activationOf, isRegression } from './state.js';

/** Number of classes the state's data has (0 for regression); drawn data says its own. */
export function classesOf(state, drawn) {
  if (state.dataset === 'drawn') return drawn?.classes ?? 2;
  if (isRegression(state)) return 0;
  return state.dataset === 'blobs3' ? 3 : 2;
}

/** The loss actually used and, if the state's choice could not be, a note (a message key). */
export function resolveLoss(state, classes) {
  const natural = classes === 0 ? 'mse' : classes === 2 ? 'bce' : 'cross_entropy';
  const want = state.loss;
  if (want === 'auto') return { loss: natural };
  const fits = classes === 0 ? want === 'mse'
    : classes === 2 ? true
      : want === 'cross_entropy';
  return fits ? { loss: want } : { loss: natural, note: 'lossMismatch' };
}

/**
 * How to read the model's output on the grid: "probability" (one sigmoid output),
 * "logit" (one raw output; sigmoid it), "logits" (one per class; softmax them), "value".
 */
export function outputKind(loss, classes) {
  if (classes === 0) return 'value';
  if (loss === 'cross_entropy') return 'logits';
  if (loss === 'bce_with_logits') return 'logit';
  return 'probability';
}

function initSpec(state) {
  if (state.init === 'default') return { weight: 'default', bias: 'default' };
  if (state.init === 'normal') return { weight: { type: 'normal', std: state.initStd }, bias: 'zeros' };
  if (state.init.startsWith('kaiming')) {
    return { weight: { type: state.init, nonlinearity: 'relu' }, bias: 'zeros' };
  }
  return { weight: state.init, bias: 'zeros' };
}

/** The model spec (docs/model-spec.md) for this state, with `inputs` features and the loss's head. */
export function modelSpec(state, inputs, classes, loss) {
  const layers = [];
  state.layers.forEach((out, i) => {
    layers.push({ type: 'linear', out });
    const act = activationOf(state, i);
    layers.push({ type: act === 'linear' ? 'identity' : act });
    if (state.dropout > 0) layers.push({ type: 'dropout', p: state.dropout });
  });
  const outputs = loss === 'cross_entropy' ? Math.max(classes, 2) : 1;
  layers.push({ type: 'linear', out: outputs });
  if (classes > 0 && (loss === 'bce' || loss === 'mse')) layers.push({ type: 'sigmoid' });
  return { input: [inputs], layers, init: initSpec(state), seed: state.seed };
}

/** The optimiser as lw.optim takes it: {name, options} with PyTorch's names in camelCase. */
export function optimizerConfig(state) {
  const weightDecay = state.l2;
  switch (state.optimizer) {
    case 'adam':
      return { name: 'adam', options: { lr: state.lr, betas: [state.beta1, state.beta2], weightDecay } };
    case 'adamw': // its weight decay is decoupled: w ← w·(1 − lr·λ) before Adam's step
      return { name: 'adamw', options: { lr: state.lr, betas: [state.beta1, state.beta2], weightDecay: state.weightDecay } };
    case 'rmsprop':
      return { name: 'rmsprop', options: { lr: state.lr, alpha: state.alpha, momentum: state.momentum, weightDecay } };
    default:
      return {
        name: 'sgd',
        options: { lr: state.lr, momentum: state.momentum, nesterov: state.nesterov && state.momentum > 0, weightDecay },
      };
  }
}

/**
 * Everything the trainer's init takes. `drawn` ({x, y, classes}) supplies the points of the
 * "drawn" dataset. Returns {config, loss, classes, output, notes}.
 */
export function trainerConfig(state, { drawn, grid = { size: 48, extent: 6 } } = {}) {
  const classes = classesOf(state, drawn);
  const { loss, note } = resolveLoss(state, classes);
  const common = {
    trainRatio: state.trainRatio / 100,
    features: [...state.features],
    standardize: state.standardize,
    seed: state.seed,
  };
  const data = state.dataset === 'drawn'
    ? { ...common, x: drawn?.x ?? [], y: drawn?.y ?? [], classes }
    : { ...common, dataset: state.dataset, n: state.points, noise: state.noise / 100 };
  return {
    config: {
      spec: modelSpec(state, state.features.length, classes, loss),
      data,
      loss,
      optimizer: optimizerConfig(state),
      batch: state.batch,
      l1: state.l1,
      grid,
    },
    loss,
    classes,
    output: outputKind(loss, classes),
    notes: note ? [note] : [],
  };
}
