// The playground's export file: the state table, the trained weights and the curves. A file is
// read completely and checked (every weight against the shapes its own settings give) before
// anything changes, so a malformed one is refused with a reason and the current work stays.
//
//   {
//     "format": "layerwise-playground", "version": 1,
//     "state":      { ...every key of state.js },
//     "epoch": 120, "step": 2400,
//     "parameters": [{"name": "0.weight", "shape": [8, 2], "data": [...]}, ...],   (PyTorch names)
//     "history":    [[epoch, trainLoss, testLoss, trainAccuracy, testAccuracy], ...],
//     "drawn":      {"x": [x1, x2, ...], "y": [...], "classes": 2}                  (dataset "drawn")
//   }
//
// Weights are float32 values written as JSON numbers, which read back to the same float32.
import { KEYS, readJSONState, toJSONState } from '../state.js';
import { trainerConfig } from '../config.js';

export const FORMAT = 'layerwise-playground';
export const VERSION = 1;
export const MAX_BYTES = 20 * 1024 * 1024;

/** A refusal: `key` names the reason's string, `params` fill it. */
export class FileProblem extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.key = key;
    this.params = params;
  }
}

/** The file's object (JSON.stringify it). */
export function fileOf({ state, epoch, step, parameters, history, drawn }) {
  return {
    format: FORMAT,
    version: VERSION,
    state: toJSONState(state),
    epoch,
    step,
    parameters: parameters.map((p) => ({ name: p.name, shape: [...p.shape], data: Array.from(p.data) })),
    history: history.map((r) => [r.epoch, r.trainLoss, r.testLoss, r.trainAccuracy, r.testAccuracy]),
    ...(drawn ? { drawn: { x: Array.from(drawn.x), y: Array.from(drawn.y), classes: drawn.classes } } : {}),
  };
}

/** The shapes a state's network has, in order: [{name, shape}] (PyTorch's state_dict names). */
function parameterShapes(state, drawn) {
  const { spec } = trainerConfig(state, { drawn }).config;
  const shapes = [];
  let inputs = spec.input[0];
  spec.layers.forEach((layer, i) => {
    if (layer.type !== 'linear') return;
    shapes.push({ name: `${i}.weight`, shape: [layer.out, inputs] }, { name: `${i}.bias`, shape: [layer.out] });
    inputs = layer.out;
  });
  return shapes;
}

/**
 * Reads a file's text; returns {state, epoch, step, parameters, history, drawn} or throws a
 * FileProblem. A key the file's settings leave out gets its default (files of older versions).
 */
export function readFile(text) {
  if (text.length > MAX_BYTES) throw new FileProblem('file.tooBig', { size: MAX_BYTES / 1024 / 1024 });
  let obj;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    throw new FileProblem('file.notJson', { message: err.message });
  }
  if (obj === null || typeof obj !== 'object' || obj.format !== FORMAT) throw new FileProblem('file.notPlayground');
  if (!Number.isInteger(obj.version) || obj.version < 1) throw new FileProblem('file.notPlayground');
  if (obj.version > VERSION) throw new FileProblem('file.version', { version: obj.version });

  const unknown = obj.state && typeof obj.state === 'object' ? Object.keys(obj.state).filter((k) => !KEYS.includes(k)) : [];
  if (unknown.length) throw new FileProblem('file.settings', { message: `unknown setting "${unknown[0]}"` });
  let state;
  try {
    const r = readJSONState(obj.state);
    if (r.problems.length) throw new Error(r.problems.map((p) => p.message).join('; '));
    state = r.state;
  } catch (err) {
    throw new FileProblem('file.settings', { message: err.message });
  }

  const drawn = obj.drawn === undefined ? null : readDrawn(obj.drawn);
  if (state.dataset === 'drawn' && !drawn) throw new FileProblem('file.drawn', { message: 'the file has none' });

  const count = (v, what) => {
    if (v === undefined) return 0;
    if (!Number.isSafeInteger(v) || v < 0) throw new FileProblem('file.settings', { message: `${what} must be a whole number ≥ 0` });
    return v;
  };
  const epoch = count(obj.epoch, 'epoch');
  const step = count(obj.step, 'step');
  const parameters = obj.parameters === undefined ? null : readParameters(obj.parameters, parameterShapes(state, drawn));
  return {
    state,
    epoch,
    step,
    parameters,
    history: readHistory(obj.history),
    drawn,
  };
}

function readParameters(list, expected) {
  const fail = (message) => { throw new FileProblem('file.weights', { message }); };
  if (!Array.isArray(list)) fail('"parameters" must be a list');
  if (list.length !== expected.length) fail(`the network has ${expected.length} weight tensors, the file ${list.length}`);
  return list.map((p, i) => {
    const want = expected[i];
    if (p === null || typeof p !== 'object') fail(`entry ${i} is not an object`);
    if (p.name !== want.name) fail(`entry ${i} is "${p.name}", expected "${want.name}"`);
    if (!Array.isArray(p.shape) || p.shape.join(',') !== want.shape.join(',')) {
      fail(`${want.name} has shape [${p.shape}], expected [${want.shape}]`);
    }
    const size = want.shape.reduce((a, b) => a * b, 1);
    if (!Array.isArray(p.data) || p.data.length !== size) fail(`${want.name} needs ${size} numbers`);
    if (!p.data.every((v) => typeof v === 'number' && Number.isFinite(v))) fail(`${want.name} holds a value that is not a finite number`);
    return { name: want.name, shape: [...want.shape], data: Float32Array.from(p.data) };
  });
}

// Optional: a bad history is dropped, not refused (it only decorates the run).
function readHistory(rows) {
  if (!Array.isArray(rows)) return [];
  const num = (v) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined);
  const out = [];
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== 5 || !Number.isSafeInteger(r[0]) || r.slice(1).some((v) => num(v) === undefined)) return [];
    out.push({ epoch: r[0], trainLoss: r[1], testLoss: r[2], trainAccuracy: r[3], testAccuracy: r[4] });
  }
  return out;
}

function readDrawn(d) {
  const fail = (message) => { throw new FileProblem('file.drawn', { message }); };
  if (d === null || typeof d !== 'object') fail('"drawn" must be an object {x, y, classes}');
  const { x, y, classes } = d;
  if (!Number.isInteger(classes) || classes < 0 || classes > 10) fail('classes must be 0 (regression) to 10');
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== 2 * y.length) fail('x must hold two numbers per value of y');
  if (![...x, ...y].every((v) => typeof v === 'number' && Number.isFinite(v))) fail('every value must be a finite number');
  if (classes > 0 && !y.every((v) => Number.isInteger(v) && v >= 0 && v < classes)) fail(`each y must be a class from 0 to ${classes - 1}`);
  return { x: Float32Array.from(x), y: Float32Array.from(y), classes };
}
