// The learner's drawings: classes, their drawings, the held-out split, the settings, and the
// file they are saved in (localStorage and export files share it). No DOM.
//
// File (version 1):
//   {
//     "format": "layerwise-sketch", "version": 1,
//     "classes": [{"name": "circle", "samples": [{"strokes": [[x0, y0, x1, y1, …], …]}, …]}, …],
//     "settings": {"hidden": [64, 32, 16] | null, "activation": "relu", "augment": false,
//                  "testEvery": 4, "epochs": 30}                                  (optional)
//   }
// Points are in pad units (the pad is the unit square, y down), rounded to 4 decimals. A file
// is read completely and checked before anything changes; a malformed or foreign one is
// refused with a SketchFileProblem whose key names the reason (strings.js: file.*), and the
// learner's current set stays as it was.
//
// Held out: with testEvery = n, the n-th, 2n-th, … drawing of every class (in the order drawn)
// is kept out of training and only tested on, so each class gives its share and a new drawing
// never moves an old one between the sets. testEvery 0 holds nothing out.
import { ACTIVATIONS, checkHidden } from './network.js';
import { t } from './strings.js';
import { problemText } from '../lib/refusals.js';

export const FORMAT = 'layerwise-sketch';
export const VERSION = 1;
export const MAX_CLASSES = 8;
export const MAX_SAMPLES = 400; // per class
const MAX_STROKES = 60; // per drawing
export const MAX_POINTS = 5000; // per drawing
const MAX_NAME = 40;
export const MAX_BYTES = 20 * 1024 * 1024;
export const TEST_EVERY = Object.freeze([0, 2, 3, 4, 5]);
export const EPOCHS = Object.freeze([10, 30, 100]);
export const DEFAULT_SETTINGS = Object.freeze({ hidden: null, activation: 'relu', augment: false, testEvery: 4, epochs: 30 });

/** A refusal: `key` names the reason's string (strings.js), `params` fill it. */
export class SketchFileProblem extends Error {
  constructor(key, params = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'SketchFileProblem';
    this.key = key;
    this.params = params;
  }
}

/** Strokes refused by cleanStrokes: a RangeError with a string key of strings.js and its params; the message is the English. */
export class StrokesProblem extends RangeError {
  constructor(key, params) {
    super(t('en', key, params));
    this.name = 'StrokesProblem';
    this.key = key;
    this.params = params;
  }
}

/** Checked strokes, as the set keeps them: plain arrays of rounded numbers. Throws a StrokesProblem. */
export function cleanStrokes(strokes, what = 'strokes') {
  const fail = (key, params) => { throw new StrokesProblem(key, { what, ...params }); };
  if (!Array.isArray(strokes)) fail('strokes.list');
  if (strokes.length > MAX_STROKES) fail('strokes.tooMany', { max: MAX_STROKES, got: strokes.length });
  let points = 0;
  const out = [];
  for (const [i, stroke] of strokes.entries()) {
    let flat;
    if (Array.isArray(stroke) && stroke.length && Array.isArray(stroke[0])) flat = stroke.flat();
    else if (Array.isArray(stroke) && stroke.length && stroke[0] !== null && typeof stroke[0] === 'object') flat = stroke.flatMap((p) => [p?.x, p?.y]);
    else if (Array.isArray(stroke) || ArrayBuffer.isView(stroke)) flat = Array.from(stroke);
    else fail('strokes.stroke', { index: i });
    if (flat.length % 2) fail('strokes.pairs', { index: i });
    for (const v of flat) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail('strokes.number', { index: i, value: String(JSON.stringify(v)) });
      if (v < -1e-6 || v > 1 + 1e-6) fail('strokes.range', { index: i, value: v });
    }
    points += flat.length / 2;
    if (flat.length) out.push(flat.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000));
  }
  if (points > MAX_POINTS) fail('strokes.points', { max: MAX_POINTS, got: points });
  if (points === 0) fail('strokes.empty');
  return out;
}

/** A class name: trimmed, at most MAX_NAME characters; throws a RangeError when empty. */
export function cleanName(name) {
  if (typeof name !== 'string' || name.trim() === '') throw new RangeError('a class name must be some text, e.g. "circle"');
  return [...name.trim()].slice(0, MAX_NAME).join('');
}

/** Whether the k-th drawing of a class (from 0) is held out. */
export function isTest(k, testEvery) {
  return testEvery > 0 && (k + 1) % testEvery === 0;
}

/** The set's drawings split: {train: [[classIndex, sample], …], test: […]}. */
export function split(classes, testEvery) {
  const train = [];
  const test = [];
  classes.forEach((c, ci) => c.samples.forEach((s, k) => (isTest(k, testEvery) ? test : train).push([ci, s])));
  return { train, test };
}

/** Settings from an object (unknown keys or bad values fall back to the defaults). */
export function readSettings(obj) {
  const s = { ...DEFAULT_SETTINGS };
  if (obj === null || typeof obj !== 'object') return s;
  if (obj.hidden === null || checkHidden(obj.hidden)) s.hidden = obj.hidden === null ? null : [...obj.hidden];
  if (ACTIVATIONS.includes(obj.activation)) s.activation = obj.activation;
  if (typeof obj.augment === 'boolean') s.augment = obj.augment;
  if (TEST_EVERY.includes(obj.testEvery)) s.testEvery = obj.testEvery;
  if (Number.isInteger(obj.epochs) && obj.epochs >= 1 && obj.epochs <= 1000) s.epochs = obj.epochs;
  return s;
}

/** The file's object (JSON.stringify it). */
export function fileOf(classes, settings) {
  return {
    format: FORMAT,
    version: VERSION,
    classes: classes.map((c) => ({ name: c.name, samples: c.samples.map((s) => ({ strokes: s.strokes })) })),
    settings: { ...settings, hidden: settings.hidden && [...settings.hidden] },
  };
}

/**
 * A file's text or parsed object → {classes: [{name, samples: [{strokes}]}], settings}, or a
 * SketchFileProblem (file.tooBig, file.notJson, file.playground, file.foreign, file.version,
 * file.bad {message}).
 */
export function readFile(input) {
  let obj = input;
  if (typeof input === 'string') {
    if (input.length > MAX_BYTES) throw new SketchFileProblem('file.tooBig', { size: MAX_BYTES / 1024 / 1024 });
    try {
      obj = JSON.parse(input);
    } catch (err) {
      throw new SketchFileProblem('file.notJson', { message: err.message });
    }
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new SketchFileProblem('file.foreign');
  if (obj.format === 'layerwise-playground') throw new SketchFileProblem('file.playground');
  if (obj.format !== FORMAT) throw new SketchFileProblem('file.foreign');
  if (!Number.isInteger(obj.version) || obj.version < 1) throw new SketchFileProblem('file.foreign');
  if (obj.version > VERSION) throw new SketchFileProblem('file.version', { version: obj.version });

  // what is damaged, as a string of strings.js (the page says it in its language)
  const bad = (key, params) => {
    const detail = { key, params };
    return new SketchFileProblem('file.bad', { message: problemText(detail, (k, p) => t('en', k, p)), details: [detail] });
  };
  if (!Array.isArray(obj.classes)) throw bad('bad.classes');
  if (obj.classes.length > MAX_CLASSES) throw bad('bad.tooManyClasses', { max: MAX_CLASSES, got: obj.classes.length });
  const classes = obj.classes.map((c, ci) => {
    if (c === null || typeof c !== 'object') throw bad('bad.class', { index: ci + 1 });
    let name;
    try {
      name = cleanName(c.name);
    } catch {
      throw bad('bad.noName', { index: ci + 1 });
    }
    if (!Array.isArray(c.samples)) throw bad('bad.samples', { name });
    if (c.samples.length > MAX_SAMPLES) throw bad('bad.tooManySamples', { name, max: MAX_SAMPLES, got: c.samples.length });
    const samples = c.samples.map((s, si) => {
      const drawing = (detail) => bad('bad.drawing', { name, index: si + 1, detail });
      if (s === null || typeof s !== 'object') throw drawing({ key: 'bad.sample' });
      try {
        return { strokes: cleanStrokes(s.strokes, 'strokes') };
      } catch (err) {
        if (!(err instanceof StrokesProblem)) throw err;
        throw drawing({ key: err.key, params: err.params });
      }
    });
    return { name, samples };
  });
  if (obj.settings !== undefined && (obj.settings === null || typeof obj.settings !== 'object')) throw bad('bad.settings');
  return { classes, settings: readSettings(obj.settings) };
}

/**
 * The autosave's object (localStorage): the file of the set, the page's language, and, when
 * `keep` is less than the number of drawings, only the first `keep` of them, taken in turn from
 * each class (every class's oldest first), with "unsaved": how many were left out. A browser
 * whose storage cannot hold the whole set keeps what fits, and the saved copy says what it lacks.
 */
export function savedOf(classes, settings, lang, keep = Infinity) {
  const quota = classes.map(() => 0);
  let left = keep;
  for (let round = 0; left > 0; round++) {
    let took = false;
    classes.forEach((c, ci) => {
      if (left > 0 && round < c.samples.length) {
        quota[ci]++;
        left--;
        took = true;
      }
    });
    if (!took) break;
  }
  const kept = classes.map((c, ci) => ({ name: c.name, samples: c.samples.slice(0, quota[ci]) }));
  const unsaved = classes.reduce((n, c, ci) => n + c.samples.length - quota[ci], 0);
  return { ...fileOf(kept, settings), lang, ...(unsaved ? { unsaved } : {}) };
}

/**
 * Reads the autosave's text, with the file's checks (readFile): {classes, settings, lang,
 * unsaved} (unsaved: the drawings the saving browser could not hold, 0 when none), or a
 * SketchFileProblem.
 */
export function readSaved(text) {
  const read = readFile(text);
  const { lang, unsaved } = JSON.parse(text);
  return { ...read, lang, unsaved: Number.isSafeInteger(unsaved) && unsaved > 0 ? unsaved : 0 };
}
