// The playground's state: one declarative table, the single source of truth for every panel.
//
// Each key is at once a URL-hash parameter (#dataset=spiral&layers=8,8&lr=0.03&seed=1), an
// attribute of <layerwise-playground> (dataset="xor" layers="4" lang="ko"), and a field of the
// element's `state` property. A state is a plain frozen object; every change makes a new one
// through `withChanges`, which validates each value against this table and keeps the old value
// (reporting why) when one is bad, so a hand-edited URL can never break the page.
//
// Units are the ones a learner sees: noise and trainRatio in percent (0-50, 10-90), learning
// rate as a number, layers as hidden-layer sizes ("" for none).
import { LANGS } from '../lib/i18n.js';
import { SettingProblem, mustBeOneOf } from '../lib/refusals.js';
import { hashOf, hashPairs } from '../lib/hash.js';

export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs3', 'plane', 'sine', 'drawn'];
export const REGRESSION = new Set(['plane', 'sine']);
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'linear'];
export const LOSSES = ['auto', 'bce', 'bce_with_logits', 'cross_entropy', 'mse'];
export const INITS = ['xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal',
  'zeros', 'normal', 'default'];
export const OPTIMIZERS = ['sgd', 'adam', 'adamw', 'rmsprop'];
export const MAX_LAYERS = 8;
export const MAX_NEURONS = 64;

const int = (min, max, dflt) => ({ kind: 'int', min, max, default: dflt });
const num = (min, max, dflt) => ({ kind: 'number', min, max, default: dflt });
const oneOf = (values, dflt) => ({ kind: 'enum', values, default: dflt });
const bool = (dflt) => ({ kind: 'bool', default: dflt });

/** key → how it is parsed and checked, and its default. The order is the URL's order. */
export const FIELDS = Object.freeze({
  dataset: oneOf(DATASETS, 'circle'),
  noise: int(0, 50, 0),
  trainRatio: int(10, 90, 50),
  points: int(50, 2000, 400),
  features: { kind: 'list', values: FEATURES, default: ['x1', 'x2'], min: 1 },
  standardize: bool(true),
  layers: { kind: 'sizes', max: MAX_LAYERS, maxSize: MAX_NEURONS, default: [4, 2] },
  activation: { kind: 'activations', values: ACTIVATIONS, default: ['tanh'] },
  loss: oneOf(LOSSES, 'auto'),
  init: oneOf(INITS, 'xavier_uniform'),
  initStd: num(0.0001, 10, 0.1),
  optimizer: oneOf(OPTIMIZERS, 'sgd'),
  lr: num(0, 10, 0.03),
  momentum: num(0, 0.999, 0),
  nesterov: bool(false),
  beta1: num(0, 0.999, 0.9),
  beta2: num(0, 0.9999, 0.999),
  alpha: num(0, 1, 0.99),
  batch: int(1, 100, 10),
  l1: num(0, 1, 0),
  l2: num(0, 1, 0),
  // AdamW's decoupled weight decay (PyTorch's weight_decay, default 0.01); l2 is the others'
  weightDecay: num(0, 1, 0.01),
  dropout: num(0, 0.9, 0),
  seed: int(0, 2 ** 31 - 1, 1),
  discretize: bool(false),
  showTest: bool(false),
  lang: oneOf(LANGS, 'en'),
});

export const KEYS = Object.freeze(Object.keys(FIELDS));

export const DEFAULTS = Object.freeze(Object.fromEntries(
  KEYS.map((k) => [k, FIELDS[k].default])));

/** Parses one value from its text form (URL or attribute); throws a SettingProblem. */
function parseValue(key, text) {
  const f = fieldOf(key);
  const s = String(text).trim();
  switch (f.kind) {
    case 'int':
    case 'number': {
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) throw new SettingProblem(key, s, 'setting.number');
      return checkValue(key, v);
    }
    case 'bool':
      if (['1', 'true', 'on', 'yes', ''].includes(s)) return true;
      if (['0', 'false', 'off', 'no'].includes(s)) return false;
      throw new SettingProblem(key, s, 'setting.bool');
    case 'enum':
      return checkValue(key, s);
    case 'list':
    case 'activations':
      return checkValue(key, s === '' ? [] : s.split(',').map((x) => x.trim()));
    case 'sizes':
      return checkValue(key, s === '' ? [] : s.split(',').map((x) => Number(x.trim())));
  }
  throw new Error(`cannot parse ${key}`);
}

// Own keys only: "__proto__", "toString" and the like are unknown settings, not Object's.
function fieldOf(key) {
  const f = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
  if (!f) throw new SettingProblem(key, '', 'setting.unknown', { allowed: KEYS.join(', ') });
  return f;
}

/** Checks a value of the right JS type; returns it (arrays frozen) or throws a SettingProblem. */
function checkValue(key, v) {
  const f = fieldOf(key);
  const allowed = f.values?.join(', ');
  switch (f.kind) {
    case 'int':
      if (!Number.isInteger(v)) throw new SettingProblem(key, v, 'setting.whole');
    // fall through
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < f.min || v > f.max) {
        throw new SettingProblem(key, v, 'setting.range', { min: f.min, max: f.max });
      }
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw new SettingProblem(key, v, 'setting.bool');
      return v;
    case 'enum':
      return mustBeOneOf(key, v, f.values);
    case 'list': {
      if (!Array.isArray(v)) throw new SettingProblem(key, v, 'setting.list', { allowed });
      const bad = v.find((x) => !f.values.includes(x));
      if (bad !== undefined) throw new SettingProblem(key, bad, 'setting.listUnknown', { allowed });
      const twice = v.find((x, i) => v.indexOf(x) !== i);
      if (twice !== undefined) throw new SettingProblem(key, twice, 'setting.listTwice');
      if (v.length < f.min) throw new SettingProblem(key, v.join(','), 'setting.listShort', { min: f.min, allowed });
      return Object.freeze(FIELDS[key].values.filter((x) => v.includes(x)));
    }
    case 'activations': {
      if (!Array.isArray(v) || v.length === 0) throw new SettingProblem(key, Array.isArray(v) ? '' : v, 'setting.activations', { allowed });
      const bad = v.find((x) => !f.values.includes(x));
      if (bad !== undefined) throw new SettingProblem(key, bad, 'setting.listUnknown', { allowed });
      return Object.freeze([...v]);
    }
    case 'sizes': {
      if (!Array.isArray(v)) throw new SettingProblem(key, v, 'setting.layerCount', { max: f.max });
      if (v.length > f.max) throw new SettingProblem(key, v.length, 'setting.layerCount', { max: f.max });
      const bad = v.find((n) => !Number.isInteger(n) || n < 1 || n > f.maxSize);
      if (bad !== undefined) throw new SettingProblem(key, bad, 'setting.layerSize', { max: f.maxSize });
      return Object.freeze([...v]);
    }
  }
  throw new Error(`cannot check ${key}`);
}

/**
 * A new state: `base` with `changes` applied (values of the right type, or text to parse).
 * Bad values are skipped and reported in `problems` (SettingProblems, web/lib/refusals.js);
 * unknown keys are reported too.
 */
export function withChanges(base, changes) {
  const next = { ...base };
  const problems = [];
  for (const [key, value] of Object.entries(changes)) {
    try {
      next[key] = typeof value === 'string' && fieldOf(key).kind !== 'enum'
        ? parseValue(key, value) : checkValue(key, value);
    } catch (err) {
      if (!(err instanceof SettingProblem)) throw err;
      problems.push(err);
    }
  }
  return { state: Object.freeze(next), problems };
}

/** The activation of hidden layer i (one name applies to every layer). */
export function activationOf(state, i) {
  const a = state.activation;
  return a[Math.min(i, a.length - 1)];
}

export function isRegression(state) {
  return REGRESSION.has(state.dataset);
}

function textOf(key, v) {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** The URL hash of a state: every key, in table order (a link reproduces the run). */
export function toHash(state) {
  return hashOf(KEYS.map((k) => [k, textOf(k, state[k])]));
}

/**
 * A state's settings as [key, text] pairs, in table order, as an attribute or a URL hash writes
 * them: the keys whose value is not the default, and every key of `always`.
 */
export function settingsOf(state, always = []) {
  return KEYS.filter((k) => always.includes(k) || textOf(k, state[k]) !== textOf(k, DEFAULTS[k]))
    .map((k) => [k, textOf(k, state[k])]);
}

/** A state from a URL hash: defaults for what it does not say; problems for what it gets wrong. */
export function fromHash(hash, base = DEFAULTS) {
  const changes = {};
  const malformed = [];
  const pairs = hashPairs(hash, malformed);
  const problems = malformed.map((part) => new SettingProblem('address', part, 'setting.escape'));
  for (const [key, value] of pairs) {
    if (!Object.hasOwn(FIELDS, key)) {
      problems.push(new SettingProblem(key, value, 'setting.unknown', { allowed: KEYS.join(', ') }));
      continue;
    }
    changes[key] = value;
  }
  const r = withChanges(base, changes);
  return { state: r.state, problems: problems.concat(r.problems) };
}

/** A state as plain JSON (for export files); readJSONState reverses it. */
export function toJSONState(state) {
  return Object.fromEntries(KEYS.map((k) => [k, Array.isArray(state[k]) ? [...state[k]] : state[k]]));
}

export function readJSONState(obj, base = DEFAULTS) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error('the settings must be an object');
  }
  return withChanges(base, obj);
}
