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
// readFile is the one check of this file kind (importJSON and the file picker use it): what it
// accepts the page can show and train, and what it refuses changes nothing.
import { KEYS, readJSONState, toJSONState } from '../state.js';
import { trainerConfig } from '../config.js';
import { PointsProblem, checkPoints } from './csv.js';
import { SettingProblem, problemText } from '../../lib/refusals.js';
import { t as translate } from '../i18n.js';

export const FORMAT = 'layerwise-playground';
export const VERSION = 1;
export const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A refusal: `key` names the reason's string, `params` fill it. A reason with specifics
 * (which weight, which point) has them in `params.details`, each a string key with its params,
 * and their English text in `params.message`; problemText() (web/lib/refusals.js) says it in
 * the page's language.
 */
export class FileProblem extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.key = key;
    this.params = params;
  }
}

// A FileProblem whose specifics are [key, params] pairs of the playground's strings.
function problem(key, ...details) {
  const list = details.map(([k, params]) => ({ key: k, params }));
  const english = (k, params) => translate('en', k, params);
  return new FileProblem(key, { message: list.map((d) => problemText(d, english)).join('; '), details: list });
}

/**
 * The file's object (JSON.stringify it). Weights that are not all finite (a run that diverged)
 * are left out: JSON would write them as null, and the file would not open. Without them it
 * opens with its settings, points and curves, and training starts again.
 */
export function fileOf({ state, epoch, step, parameters, history, drawn }) {
  const finite = parameters.every((p) => Array.prototype.every.call(p.data, Number.isFinite));
  return {
    format: FORMAT,
    version: VERSION,
    state: toJSONState(state),
    epoch,
    step,
    ...(finite ? { parameters: parameters.map((p) => ({ name: p.name, shape: [...p.shape], data: Array.from(p.data) })) } : {}),
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
  if (unknown.length) {
    const { key, params } = new SettingProblem(unknown[0], '', 'setting.unknown', { allowed: KEYS.join(', ') });
    throw problem('file.settings', [key, params]);
  }
  if (obj.state === null || typeof obj.state !== 'object' || Array.isArray(obj.state)) throw problem('file.settings', ['file.settingsObject']);
  const r = readJSONState(obj.state);
  if (r.problems.length) throw problem('file.settings', ...r.problems.map((p) => [p.key, p.params]));
  const { state } = r;

  const drawn = obj.drawn === undefined ? null : readDrawn(obj.drawn);
  if (state.dataset === 'drawn' && !drawn) throw problem('file.drawn', ['file.noDrawn']);

  const count = (v, what) => {
    if (v === undefined) return 0;
    if (!Number.isSafeInteger(v) || v < 0) throw problem('file.settings', ['file.count', { what }]);
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
  const fail = (key, params) => { throw problem('file.weights', [key, params]); };
  if (!Array.isArray(list)) fail('weights.notList');
  if (list.length !== expected.length) fail('weights.count', { want: expected.length, got: list.length });
  return list.map((p, i) => {
    const want = expected[i];
    if (p === null || typeof p !== 'object') fail('weights.notObject', { index: i });
    if (p.name !== want.name) fail('weights.name', { index: i, got: String(p.name), want: want.name });
    if (!Array.isArray(p.shape) || p.shape.join(',') !== want.shape.join(',')) {
      fail('weights.shape', { name: want.name, got: String(p.shape), want: String(want.shape) });
    }
    const size = want.shape.reduce((a, b) => a * b, 1);
    if (!Array.isArray(p.data) || p.data.length !== size) fail('weights.size', { name: want.name, size });
    // the engine keeps float32: 1e39 is finite here and infinite there
    const bad = p.data.findIndex((v) => typeof v !== 'number' || !Number.isFinite(Math.fround(v)));
    if (bad >= 0) fail('weights.float32', { name: want.name, index: bad, value: JSON.stringify(p.data[bad]) });
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

// The points pass the same check as those the pad draws (csv.js), so a file holds only points
// the page can show and train; the JSON types are checked first (checkPoints would turn "1" into 1).
function readDrawn(d) {
  const fail = (key, params) => { throw problem('file.drawn', [key, params]); };
  if (d === null || typeof d !== 'object') fail('drawn.notObject');
  if (!Number.isInteger(d.classes)) fail('drawn.classes');
  if (!Array.isArray(d.x) || !Array.isArray(d.y)) fail('drawn.lists');
  if (![...d.x, ...d.y].every((v) => typeof v === 'number')) fail('drawn.numbers');
  try {
    return checkPoints({ x: d.x, y: d.y, classes: d.classes });
  } catch (err) {
    if (!(err instanceof PointsProblem)) throw err;
    return fail(err.key, err.params);
  }
}

/** The autosave's object (JSON.stringify it): the settings and the drawn points, if any. */
export function savedOf(state, drawn) {
  return { version: 1, state: toJSONState(state), drawn: drawn && { x: Array.from(drawn.x), y: Array.from(drawn.y), classes: drawn.classes } };
}

/**
 * The playground's autosave (localStorage: {version: 1, state, drawn}): the one check of that
 * kind, with the same rules for points as the export file. Returns {state, drawn, lost} where
 * state is `base` (the page's settings before the autosave) with the saved settings that are good,
 * drawn the saved points (null for none, or when they were refused) and lost what could not be
 * restored (empty when all of it was): FileProblems and SettingProblems, each a `key` and `params`. Throws a FileProblem when the entry
 * is not an autosave at all.
 */
export function readSaved(text, base) {
  let saved;
  try {
    saved = JSON.parse(text);
  } catch (err) {
    throw new FileProblem('file.notJson', { message: err.message });
  }
  if (saved === null || typeof saved !== 'object' || saved.state === null || typeof saved.state !== 'object' || Array.isArray(saved.state)) {
    throw new FileProblem('file.notPlayground');
  }
  const { state, problems } = readJSONState(saved.state, base);
  const lost = [...problems];
  let drawn = null;
  if (saved.drawn != null) {
    try {
      drawn = readDrawn(saved.drawn);
    } catch (err) {
      lost.push(err);
    }
  }
  return { state, drawn, lost };
}
