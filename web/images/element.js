// <layerwise-images>: the real-images mode. The seed article's 784-256-128-64-10 network (or a
// small CNN, or what the learner makes of either) trains on Fashion-MNIST pictures in the
// training worker, live: learning curves, a confusion matrix over the test pictures (a square
// opens its pictures), a gallery of test pictures with the top-3 guesses (mistakes first), the
// first layer's weights as 28 × 28 pictures or the first convolution's filters, every layer's
// outputs for one picked picture, a drawing pad whose picture gets the network's guess as it is
// drawn, and the PyTorch script of the network.
//
//   <layerwise-images preset="cnn" lang="ko"></layerwise-images>
//   <layerwise-images pictures="500" hide="brand,lang,intro,confusion,draw,layers,weights,code"></layerwise-images>
//
// Attributes: preset ("mlp", the default, or "cnn"), lang ("en" | "ko"; without it, the site's
// language, web/lib/i18n.js siteLang: the page's ?lang=, else the learner's last pick on any
// page of the site, else the browser's; a pick in the element's language menu is kept as the
// site's), src (the data file, read when the element connects; default
// web/data/fashion-mnist.bin, made by scripts/build-data.mjs), pictures (train on the first so
// many training pictures, a whole number 1 to 60,000; more than the file has: all of them, the
// default; the learner can change it in the network panel), gallery (how many test pictures the
// gallery shows, 1 to 24, default 24), hide (parts to leave out, comma-separated: HIDE_TOKENS;
// the training panel always stays; with the network panel hidden, the training panel names the
// network, its parameters and the training pictures in one line). Elements of one page share
// one download and one copy of the pictures.
//
// Script API:
//   ready               Promise: the pictures are loaded, the engine started and the network
//                       built (or why not is on screen)
//   play(), pause()     train on, epoch after epoch, in short slices / stop after the slice
//   step(n = 1) → Promise<detail>   trains n epochs
//   reset() → Promise   new random weights (the spec's seed), curves cleared
//   layers (get/set)    the layers before the output layer (spec layer objects); settings
//                       (get/set {optimizer, lr, batch, init, seed, pictures}: a new init, seed
//                       or pictures builds a new network at the next training; pictures null is
//                       all); preset(name) loads a preset's layers and settings (pictures stay)
//   pictureCount        the training pictures the network trains on (null until loaded)
//   epoch, steps (batches trained), history, detail, training (playing now),
//                       secondsPerEpoch (training time of the last epoch, in the worker),
//                       parameterCount
//   confusion           {matrix (10 × 10, row = true class), right, count, epoch} or null
//   predict(pixels) → Promise<{probabilities, top: [{index, value}], name}>   784 values in [0, 1]
//   strokes (get/set)   what is on the drawing pad (pad units)
// Events: `epoch` (detail {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}) after
// each epoch; `prediction` (detail {probabilities, top, name}) when the pad's guess changes;
// `confusion` (detail {matrix, right, count, epoch}) when the test pictures were guessed again;
// `error` (detail {problems}, as <layerwise-playground>'s: web/lib/refusals.js) when an
// attribute's value is refused.
//
// Data flow: web/lib/fashion.js (download, progress, cache) → floats in [0, 1] → the worker's
// init (engine/trainer.mjs through web/lib/run.js's TrainingRun; ArrayData of 784 features,
// 10 classes, the test set given) → step slices of about SLICE_MS, metrics only when a slice
// ends an epoch → after each epoch one predict over the test pictures (the confusion matrix
// and the gallery), one predict with layers for the picked picture, and the parameters the
// weight views draw. Snapshots never ask for gradients, stats or a grid: a full backward pass
// over 10,000 pictures per snapshot would cost as much as training.
import { TrainingRun } from '../lib/run.js';
import { loadFashionMnist } from '../lib/fashion.js';
import { LANGS, keepSiteLang, linkLang, siteLang } from '../lib/i18n.js';
import { ICONS, attachStyled, h, icon, relabel, setText, showMessage } from '../lib/dom.js';
import { RefusalNote, SettingProblem, readTokens } from '../lib/refusals.js';
import { CLASS_COLORS } from '../lib/palette.js';
import { SketchPad } from '../lib/pad.js';
import { LiveTask } from '../lib/live.js';
import { preprocess } from '../lib/preprocess.js';
import { GuessView } from '../lib/guesses.js';
import { WeightsView } from '../lib/weights.js';
import { download } from '../lib/files.js';
import { CurvesView } from '../playground/views/curves.js';
import { TABLES, t as translate } from './strings.js';
import {
  BATCHES, CLASSES, CLASS_KEYS, INITS, LAYER_TYPES, LEARNING_RATES, MAX_LAYERS, MAX_PICTURES, OPTIMIZERS, PICTURE_CHOICES, PIXELS,
  PRESET_NAMES, SIZED, confusion, firstPictures, galleryOrder, imagesSpec, linearSizes, newLayer, preset, softmax, toFloats, topK,
} from './model.js';
import { ConfusionView, FiltersView, GalleryView, LayersView } from './views.js';
import { imagesPytorchCode } from './codegen.js';

const STYLESHEET = new URL('./images.css', import.meta.url).href;
const SLICE_MS = 60; // training per request, so a guess or a click waits at most about this long
const GALLERY_MAX = 24;
const MB = 1024 * 1024;
const CHOICES = { lang: LANGS, preset: PRESET_NAMES }; // the attributes with a fixed set of values (web/lib/refusals.js)
const LIGHT = { metrics: false, grid: false, neurons: false, parameters: false, gradients: false, stats: false, data: false };
/** The parts the `hide` attribute can leave out (the training panel always stays). */
export const HIDE_TOKENS = Object.freeze(['brand', 'lang', 'intro', 'network', 'confusion', 'gallery', 'draw', 'layers', 'weights', 'code']);
/** The attributes that take a whole number, and its range. */
const COUNTS = { pictures: [1, MAX_PICTURES], gallery: [1, GALLERY_MAX] };

/** A whole-number attribute's value, or null when it is not set; throws a SettingProblem for a bad one. */
function countAttribute(name, text) {
  if (text === null) return null;
  const [min, max] = COUNTS[name];
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new SettingProblem(name, text, 'setting.number');
  if (!Number.isInteger(v)) throw new SettingProblem(name, text, 'setting.whole');
  if (v < min || v > max) throw new SettingProblem(name, text, 'setting.range', { min, max });
  return v;
}

// Elements of one page share the pictures of one file: one download, one copy as floats.
// A failed load is forgotten, so Try again downloads anew; every element waiting on a download
// hears its progress.
const shared = new Map(); // url (or '' for the site's file) → {promise, listeners: Set}
function sharedPictures(url, onProgress) {
  let entry = shared.get(url ?? '');
  if (!entry) {
    const listeners = new Set();
    const promise = loadFashionMnist({ url, onProgress: (loaded, total) => listeners.forEach((fn) => fn(loaded, total)) }).then((set) => ({
      train: { bytes: set.train.images, x: toFloats(set.train.images), y: Float32Array.from(set.train.labels), labels: set.train.labels, count: set.train.count },
      test: { bytes: set.test.images, x: toFloats(set.test.images), y: Float32Array.from(set.test.labels), labels: set.test.labels, count: set.test.count },
    }));
    entry = { promise, listeners };
    shared.set(url ?? '', entry);
    promise.catch(() => shared.delete(url ?? ''));
  }
  entry.listeners.add(onProgress);
  const done = () => entry.listeners.delete(onProgress);
  entry.promise.then(done, done);
  return entry.promise;
}

export class LayerwiseImages extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'preset', 'pictures', 'gallery', 'hide'];
  }

  #lang = 'en';
  #refusal = new RefusalNote((key, params) => this.#t(key, params)); // refused attribute values
  #layers = [];
  #settings = {};
  #applied = null; // the settings the worker trains with now: {optimizer, lr, batch}
  #run = new TrainingRun();
  #ui = null;
  #ready;
  #resolveReady;
  #initialized = false;
  #data = null; // {train: {x, y, count, bytes}, test: {...}}
  #loading = null; // AbortController of the download in progress
  #version = 0; // bumped by every change of layers or initialiser
  #net = null; // {version, spec, params, firstLinear, firstConv}
  #cursor = 0; // samples of the current epoch trained
  #perSlice = 4; // batches a slice trains, adapted to SLICE_MS
  #epochMs = 0; // worker training time of the epoch in progress
  #secondsPerEpoch = null;
  #playing = false;
  #busy = 0; // step()/play() jobs queued or running
  #test = null; // {outputs, matrix, predicted, right, count, epoch}
  #cell = null; // [truth, guess] the gallery shows, or null for all
  #picked = null; // {kind: 'test', index} | {kind: 'drawing'}
  #pickedLayers = null;
  #weights = null; // {data, rows, start}
  #filters = null; // {weight, shape}
  #guess = null;
  #live = new LiveTask({ request: () => this.#livePredict() }); // the pad's guess: once a frame, one in flight
  #message = null;
  #hidden = new Set(); // hide tokens in force
  #galleryMax = GALLERY_MAX;

  constructor() {
    super();
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
    this.#run.addEventListener('epoch', (e) => this.dispatchEvent(new CustomEvent('epoch', { detail: e.detail })));
    this.#run.addEventListener('diverged', () => {
      this.#playing = false;
      this.#say('train.diverged', null, 'error');
    });
    this.#run.addEventListener('disposed', () => (this.#net = null));
    const { layers, settings } = preset('mlp');
    this.#layers = layers;
    this.#settings = { ...settings, pictures: null };
  }

  // ---- lifecycle ----

  connectedCallback() {
    this.#run.attach();
    if (this.#initialized) return;
    this.#initialized = true;
    const values = this.#refusal.checked(this, { lang: this.getAttribute('lang'), preset: this.getAttribute('preset') }, CHOICES);
    this.#lang = values.lang ?? siteLang();
    if (values.preset) {
      const p = preset(values.preset);
      this.#layers = p.layers;
      this.#settings = { ...this.#settings, ...p.settings };
    }
    this.#readCount('pictures', this.getAttribute('pictures'));
    this.#readCount('gallery', this.getAttribute('gallery'));
    this.#build();
    this.#setHidden(this.getAttribute('hide'));
    this.#start();
  }

  disconnectedCallback() {
    this.#playing = false;
    this.#run.detach();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#initialized || old === value) return;
    if (name === 'hide') return this.#setHidden(value);
    if (COUNTS[name]) {
      this.#readCount(name, value);
      return this.#render();
    }
    const values = this.#refusal.checked(this, { [name]: CHOICES[name] ? value : null }, CHOICES);
    if (values.lang && values.lang !== this.#lang) {
      this.#lang = values.lang;
      this.#relabel();
    }
    if (values.preset) this.preset(values.preset);
  }

  // A whole-number attribute (pictures, gallery): a good value applies, a bad one is refused
  // (and the value in force stays); removing the attribute puts the default back.
  #readCount(name, text) {
    let v;
    try {
      v = countAttribute(name, text);
    } catch (problem) {
      this.#refusal.refuse(this, [problem]);
      return;
    }
    this.#refusal.settled([name]);
    if (name === 'gallery') this.#galleryMax = v ?? GALLERY_MAX;
    else this.#changeSettings({ pictures: v }, this.#initialized);
  }

  #setHidden(text) {
    const { tokens, problems } = readTokens('hide', text, HIDE_TOKENS);
    this.#refusal.refuse(this, problems);
    if (!problems.length) this.#refusal.settled(['hide']);
    this.#hidden = new Set(tokens);
    const ui = this.#ui;
    for (const [token, parts] of Object.entries(ui.parts)) for (const part of parts) part.hidden = this.#hidden.has(token);
    ui.bar.hidden = this.#hidden.has('brand') && this.#hidden.has('lang');
    // a column with nothing left in it goes, and the others share the width
    for (const [col, names] of ui.columns) col.hidden = names.every((token) => this.#hidden.has(token));
    ui.main.classList.toggle('trimmed', ui.columns.some(([col]) => col.hidden));
    // a hint that sends the reader to a hidden panel says less
    const tr = (key, params) => this.#t(key, params);
    setText(ui.confusionHint, this.#hidden.has('gallery') ? 'confusion.hintAlone' : 'confusion.hint', null, tr);
    setText(ui.galleryHint, this.#hidden.has('layers') ? 'gallery.hintAlone' : 'gallery.hint', null, tr);
    this.#render();
  }

  // Downloads the pictures (with the progress bar), starts the engine, builds the network.
  async #start() {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    const engine = this.#run.start();
    try {
      this.#progress(0, 0);
      const url = this.getAttribute('src') ? new URL(this.getAttribute('src'), document.baseURI).href : undefined; // the loader's default: the site's own file
      const data = await sharedPictures(url, (loaded, total) => controller.signal.aborted || this.#progress(loaded, total));
      if (controller.signal.aborted) return;
      this.#data = data;
      this.#say('load.engine');
      await engine;
    } catch (err) {
      if (controller.signal.aborted) return;
      this.#ui.progress.hidden = true;
      this.#say('load.failed', { reason: err.message }, 'error', () => this.#start());
      this.#resolveReady();
      return;
    }
    this.#ui.progress.hidden = true;
    this.#say(null);
    try {
      await this.#run.enqueue(() => this.#buildNetwork());
    } catch {
      // the reason is on screen; the learner's layers stay
    }
    this.#render();
    this.#resolveReady();
  }

  #progress(loaded, total) {
    const bar = this.#ui.progress;
    bar.hidden = false;
    if (total > 0) {
      bar.max = total;
      bar.value = loaded;
    } else bar.removeAttribute('value');
    const mb = (v) => (v / MB).toFixed(1);
    this.#say(total > 0 ? 'load.progress' : 'load.progressUnknown', { loaded: mb(loaded), total: mb(total) });
  }

  // ---- public API ----

  get ready() {
    return this.#ready;
  }

  get epoch() {
    return this.#run.epoch;
  }

  get history() {
    return this.#run.rows;
  }

  get detail() {
    return this.#run.detail;
  }

  get training() {
    return this.#playing;
  }

  /** Batches (optimiser steps) the network has trained since it was built. */
  get steps() {
    return this.#run.snap?.step ?? 0;
  }

  get secondsPerEpoch() {
    return this.#secondsPerEpoch;
  }

  get parameterCount() {
    return this.#net?.params ?? null;
  }

  get pictureCount() {
    return this.#net?.pictures ?? null;
  }

  get confusion() {
    const c = this.#test;
    return c && { matrix: Array.from(c.matrix), right: c.right, count: c.count, epoch: c.epoch };
  }

  get layers() {
    return this.#layers.map((l) => ({ ...l }));
  }

  set layers(layers) {
    if (!Array.isArray(layers) || layers.length > MAX_LAYERS) throw new TypeError(`layers must be a list of at most ${MAX_LAYERS} layer objects`);
    this.#layers = layers.map((l) => ({ ...l }));
    this.#networkChanged();
  }

  get settings() {
    return { ...this.#settings };
  }

  set settings(changes) {
    this.#changeSettings(changes);
  }

  get strokes() {
    return this.#ui ? this.#ui.pad.strokes.map((s) => [...s]) : [];
  }

  set strokes(strokes) {
    this.#ui.pad.set(strokes);
  }

  /** Loads a preset's layers and settings; the network is built at the next training. */
  preset(name) {
    const p = preset(name);
    this.#layers = p.layers;
    this.#changeSettings(p.settings, false);
    this.#networkChanged();
  }

  play() {
    if (this.#playing) return;
    this.#playing = true;
    this.#render();
    this.#busy++;
    this.#loop().catch(() => {}).finally(() => {
      this.#busy--;
      this.#playing = false;
      this.#render();
    });
  }

  pause() {
    this.#playing = false;
    this.#render();
  }

  async step(n = 1) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`step(n): n must be a whole number ≥ 1, got ${n}`);
    await this.#ready;
    this.#busy++;
    this.#render();
    try {
      await this.#ensureNetwork();
      const target = this.#run.epoch + n;
      while (this.#run.epoch < target && !this.#run.diverged && this.#net) await this.#run.enqueue(() => this.#slice());
    } finally {
      this.#busy--;
      this.#render();
    }
    return this.#run.detail;
  }

  async reset() {
    await this.#ready;
    this.#playing = false;
    await this.#run.enqueue(() => this.#buildNetwork());
    this.#render();
  }

  async predict(pixels) {
    if (!pixels || pixels.length !== PIXELS) throw new TypeError(`predict: a picture is ${PIXELS} values in [0, 1]`);
    await this.#ready;
    const reply = await this.#run.predict(Float32Array.from(pixels), 1);
    if (!reply) throw new Error('predict: the network was rebuilt while predicting; call predict() again');
    return this.#guessOf(reply.outputs);
  }

  // ---- the network ----

  #networkChanged() {
    this.#version++;
    this.#render();
  }

  #changeSettings(changes, live = true) {
    const next = { ...this.#settings, ...changes };
    if (!OPTIMIZERS.includes(next.optimizer)) throw new RangeError(`settings.optimizer must be one of ${OPTIMIZERS.join(', ')}`);
    if (!(next.lr > 0)) throw new RangeError('settings.lr must be a number > 0');
    if (!Number.isInteger(next.batch) || next.batch < 1) throw new RangeError('settings.batch must be a whole number ≥ 1');
    if (!INITS.includes(next.init)) throw new RangeError(`settings.init must be one of ${INITS.join(', ')}`);
    if (!Number.isSafeInteger(next.seed) || next.seed < 0) throw new RangeError('settings.seed must be a whole number ≥ 0');
    if (next.pictures !== null && !(Number.isInteger(next.pictures) && next.pictures >= 1 && next.pictures <= MAX_PICTURES)) {
      throw new RangeError(`settings.pictures must be null (all) or a whole number from 1 to ${MAX_PICTURES}`);
    }
    const initChanged = next.init !== this.#settings.init || next.seed !== this.#settings.seed || next.pictures !== this.#settings.pictures;
    this.#settings = next;
    if (initChanged) this.#version++;
    if (live && this.#net && (next.optimizer !== this.#applied.optimizer || next.lr !== this.#applied.lr || next.batch !== this.#applied.batch)) {
      // in line with the slices, so the cursor's count of samples knows the batch in force
      this.#run.enqueue(() => this.#apply()).catch((err) => this.#say('train.failed', { reason: err.message }, 'error'));
    }
    this.#render();
  }

  async #apply() {
    const s = this.#settings;
    if (!this.#net) return;
    await this.#run.set({ optimizer: { name: s.optimizer, options: { lr: s.lr } }, batch: s.batch });
    this.#applied = { optimizer: s.optimizer, lr: s.lr, batch: s.batch };
  }

  async #ensureNetwork() {
    if (!this.#data) throw new Error('the pictures are not loaded');
    if (!this.#net || this.#net.version !== this.#version || this.#run.diverged) await this.#run.enqueue(() => this.#buildNetwork());
  }

  async #buildNetwork() {
    if (!this.#data) return;
    const s = this.#settings;
    const spec = imagesSpec({ layers: this.#layers, init: s.init, seed: s.seed });
    const version = this.#version;
    const { test } = this.#data;
    const train = firstPictures(this.#data.train, s.pictures);
    this.#say('train.building');
    let snap;
    try {
      snap = await this.#run.build({
        spec,
        data: { x: train.x, y: train.y, classes: CLASSES, features: PIXELS, testX: test.x, testY: test.y },
        loss: 'cross_entropy',
        optimizer: { name: s.optimizer, options: { lr: s.lr } },
        batch: s.batch,
        grid: null,
        snapshot: { ...LIGHT, metrics: true, parameters: true },
      });
    } catch (err) {
      this.#playing = false;
      this.#say('train.failed', { reason: err.message }, 'error');
      throw err;
    }
    this.#say(null);
    const names = spec.layers.map((l, i) => `${i}.weight`);
    const firstLinear = spec.layers.findIndex((l) => l.type === 'linear');
    const firstConv = spec.layers.findIndex((l) => l.type === 'conv2d');
    const before = spec.layers.slice(0, firstLinear);
    this.#net = {
      version,
      spec,
      pictures: train.count,
      params: snap.parameters.reduce((n, p) => n + p.data.length, 0),
      // the first linear layer sees the 784 pixels when only flatten (or nothing) comes before it
      firstLinear: before.every((l) => l.type === 'flatten') ? names[firstLinear] : null,
      firstConv: firstConv >= 0 ? names[firstConv] : null,
    };
    this.#applied = { optimizer: s.optimizer, lr: s.lr, batch: s.batch };
    this.#cursor = 0;
    this.#epochMs = 0;
    this.#secondsPerEpoch = null;
    this.#test = null;
    this.#cell = null;
    this.#weights = null;
    this.#filters = null;
    this.#run.receive(snap);
    this.#takeParameters(snap.parameters, true);
    await this.#afterEpoch();
    this.#render();
  }

  // Trains one slice: batches up to SLICE_MS (measured on the slices before), ending exactly at
  // the epoch's end so that the snapshot that ends an epoch carries its metrics.
  async #slice() {
    const run = this.#run;
    if (!this.#net || run.diverged) return;
    const n = this.#net.pictures;
    const batch = this.#applied.batch;
    const left = Math.ceil((n - this.#cursor) / batch);
    const k = Math.min(this.#perSlice, left);
    const ends = k === left;
    // the weights only for a panel that draws them
    const snap = await run.step(k, { snapshot: { ...LIGHT, metrics: ends, parameters: ends && !this.#hidden.has('weights') } });
    if (!snap) return;
    this.#cursor = ends ? 0 : this.#cursor + k * batch;
    this.#epochMs += snap.timing.trainMs;
    const perBatch = snap.timing.trainMs / k;
    if (perBatch > 0) this.#perSlice = Math.max(1, Math.min(500, Math.round(SLICE_MS / perBatch)));
    if (ends) {
      this.#secondsPerEpoch = this.#epochMs / 1000;
      this.#epochMs = 0;
      if (snap.parameters) this.#takeParameters(snap.parameters, false);
      await this.#afterEpoch();
    }
    this.#renderTraining();
  }

  async #loop() {
    await this.#ready;
    await this.#ensureNetwork();
    while (this.#playing && this.#net && !this.#run.diverged && this.isConnected) {
      await this.#run.enqueue(() => this.#slice());
    }
  }

  // After an epoch (and at build): the test pictures guessed again, and the picked picture;
  // not while neither the matrix nor the gallery is shown (then `confusion` stays null).
  async #afterEpoch() {
    if (this.#hidden.has('confusion') && this.#hidden.has('gallery')) {
      if (this.#picked?.kind === 'drawing') this.#schedulePredict();
      return;
    }
    const { test } = this.#data;
    const reply = await this.#run.predict(test.x, test.count);
    if (!reply) return;
    const { matrix, predicted, right } = confusion(reply.outputs, test.labels, CLASSES);
    this.#test = { outputs: reply.outputs, matrix, predicted, right, count: test.count, epoch: this.#run.epoch };
    this.dispatchEvent(new CustomEvent('confusion', { detail: this.confusion }));
    if (this.#picked?.kind === 'test') await this.#pickTest(this.#picked.index, false);
    else if (this.#picked?.kind === 'drawing') this.#schedulePredict();
    this.#renderResults();
  }

  #takeParameters(parameters, start) {
    const net = this.#net;
    const w = net.firstLinear && parameters.find((p) => p.name === net.firstLinear);
    this.#weights = w ? { data: w.data, rows: w.shape[0], start: start ? w.data : this.#weights?.start ?? null } : null;
    const f = net.firstConv && parameters.find((p) => p.name === net.firstConv);
    this.#filters = f ? { weight: f.data, shape: f.shape } : null;
    this.#renderWeights();
  }

  #guessOf(outputs) {
    const probabilities = softmax(outputs, 0, CLASSES);
    const top = topK(probabilities, 3);
    return { probabilities, top, name: this.#className(top[0].index) };
  }

  // ---- picking a picture, the pad ----

  async #pickTest(index, render = true) {
    this.#picked = { kind: 'test', index };
    const { test } = this.#data;
    const x = test.x.subarray(index * PIXELS, (index + 1) * PIXELS);
    const reply = await this.#run.predict(x.slice(), 1, { layers: true });
    if (!reply || this.#picked?.kind !== 'test' || this.#picked.index !== index) return;
    this.#pickedLayers = { input: x, layers: reply.layers };
    this.#renderLayers();
    if (render) this.#renderResults();
  }

  #schedulePredict() {
    this.#live.schedule();
  }

  async #livePredict() {
    const image = preprocess(this.#ui.pad.strokes);
    if (!this.#net || !image.some((v) => v > 0)) {
      this.#guess = null;
      this.#renderGuess();
      return;
    }
    const reply = await this.#run.predict(image, 1, { layers: true });
    if (!reply) return;
    this.#guess = this.#guessOf(reply.outputs);
    const was = this.#picked?.kind;
    this.#picked = { kind: 'drawing' };
    this.#pickedLayers = { input: image, layers: reply.layers };
    this.#renderGuess();
    this.#renderLayers();
    if (was === 'test') this.#renderResults(); // the gallery's picked picture is no longer picked
    this.dispatchEvent(new CustomEvent('prediction', { detail: { probabilities: this.#guess.probabilities, top: this.#guess.top, name: this.#guess.name } }));
  }

  // ---- the layout ----

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    const tr = (key, params) => this.#t(key, params);
    const ui = {};
    ui.pad = new SketchPad({ change: () => this.#schedulePredict() });
    ui.guesses = new GuessView({ t: tr });
    ui.weights = new WeightsView({ t: tr });
    ui.filters = new FiltersView({ t: tr });
    ui.confusion = new ConfusionView({ t: tr, pick: (truth, guess) => this.#showCell([truth, guess]) });
    ui.gallery = new GalleryView({ t: tr, pick: (index) => this.#pickTest(index), showAll: () => this.#showCell(null) });
    ui.layersView = new LayersView({ t: tr });
    ui.curvesBox = h('div', { class: 'curves' });
    ui.curves = new CurvesView(ui.curvesBox, { t: tr });
    ui.progress = h('progress', { class: 'progress', 't-label': 'load.bar', hidden: true });
    ui.message = h('div', { class: 'message', role: 'status', hidden: true });
    ui.lang = h('select', { class: 'lang', 't-label': 'app.language', onchange: () => {
      keepSiteLang(ui.lang.value); // the learner's pick: the site's language from now on
      this.setAttribute('lang', ui.lang.value);
    } },
      ...LANGS.map((l) => h('option', { value: l, t: `lang.${l}` })));

    // the network: preset, layers, settings
    ui.preset = h('select', { class: 'preset', onchange: () => this.preset(ui.preset.value) },
      ...PRESET_NAMES.map((p) => h('option', { value: p, t: `preset.${p}` })));
    ui.layerList = h('ol', { class: 'layer-editor' });
    ui.inputRow = h('p', { class: 'layer-fixed' });
    ui.paramCount = h('p', { class: 'hint params' });
    ui.stale = h('p', { class: 'note', t: 'layers.stale', hidden: true });
    const choice = (key, values, label, set) => {
      const control = h('select', { onchange: () => this.#changeSettings({ [key]: set(control.value) }) },
        ...values.map((v) => h('option', { value: String(v), ...label(v) })));
      return control;
    };
    ui.optimizer = choice('optimizer', OPTIMIZERS, (v) => ({ t: `optimizer.${v}` }), String);
    ui.lr = choice('lr', LEARNING_RATES, () => ({}), Number);
    [...ui.lr.options].forEach((o) => (o.textContent = o.value));
    ui.batch = choice('batch', BATCHES, () => ({}), Number);
    [...ui.batch.options].forEach((o) => (o.textContent = o.value));
    ui.init = choice('init', INITS, (v) => ({ t: `init.${v}` }), String);
    // the first so many training pictures; '' is all of them (the option's text says how many)
    ui.pictures = choice('pictures', ['', ...PICTURE_CHOICES], (v) => (v === '' ? { class: 'all' } : {}), (v) => (v === '' ? null : Number(v)));
    ui.pictures.classList.add('pictures');
    const setting = (key, control) => h('label', { class: 'setting' }, h('span', { t: key }), control);

    // training
    ui.playLabel = h('span', {});
    ui.playIcon = h('span', { class: 'icon-slot' });
    ui.play = h('button', { type: 'button', class: 'btn primary play', onclick: () => (this.#playing ? this.pause() : this.play()) }, ui.playIcon, ui.playLabel);
    ui.step = h('button', { type: 'button', class: 'btn small step', onclick: () => this.step(1).catch(() => {}) }, icon(ICONS.stepEpoch), h('span', { t: 'train.step' }));
    ui.reset = h('button', { type: 'button', class: 'btn small reset', 't-title': 'train.reset.tip', onclick: () => this.reset().catch(() => {}) }, icon(ICONS.reset), h('span', { t: 'train.reset' }));
    ui.epoch = h('span', { class: 'epoch' });
    ui.trainAcc = h('span', { class: 'metric-value train-acc' }, '–');
    ui.testAcc = h('span', { class: 'metric-value test-acc' }, '–');
    ui.speed = h('span', { class: 'hint speed' });
    ui.summary = h('p', { class: 'hint summary' });

    ui.code = h('pre', { class: 'code' });
    ui.copied = h('span', { class: 'hint', t: 'code.copied', hidden: true });

    const panel = (cls, title, ...children) => h('section', { class: `panel panel-${cls}` }, h('h2', { t: title }), ...children);
    ui.weightsPanel = panel('weights', 'panel.weights', h('p', { class: 'hint', t: 'weights.hint' }), ui.weights.root);
    ui.filtersPanel = panel('filters', 'panel.filters', h('p', { class: 'hint', t: 'filters.hint' }), ui.filters.root);
    ui.brand = h('p', { class: 'brand' }, h('span', { class: 'brand-name', t: 'app.title' }), h('span', { class: 'brand-sub', t: 'app.subtitle' }));
    ui.nav = h('nav', { class: 'nav' },
      h('a', { href: new URL('../index.html', import.meta.url).href, t: 'nav.playground' }),
      h('a', { href: new URL('../sketch.html', import.meta.url).href, t: 'nav.sketch' }),
      h('a', { href: new URL('../lessons/index.html', import.meta.url).href, t: 'nav.lessons' }));
    ui.intro = h('p', { class: 'intro', t: 'app.intro' });
    ui.root = h('div', { class: 'lwi' },
      ui.bar = h('header', { class: 'bar' }, ui.brand, ui.nav, h('span', { class: 'spacer' }), ui.lang),
      ui.intro,
      ui.message,
      this.#refusal.root,
      ui.progress,
      ui.main = h('main', { class: 'main' },
        ui.colNet = h('div', { class: 'col col-net' },
          panel('train', 'panel.train',
            h('div', { class: 'row' }, ui.play, ui.step, ui.reset),
            h('div', { class: 'metrics' },
              h('span', { class: 'metric' }, ui.epoch, ui.speed),
              h('span', { class: 'metric' }, h('span', { class: 'metric-label', t: 'train.trainAcc' }), ui.trainAcc),
              h('span', { class: 'metric' }, h('span', { class: 'metric-label', t: 'train.testAcc' }), ui.testAcc)),
            ui.summary,
            ui.curvesBox),
          ui.networkPanel = panel('network', 'panel.network',
            h('label', { class: 'setting' }, h('span', { t: 'preset.label' }), ui.preset),
            ui.inputRow, ui.layerList,
            h('button', { type: 'button', class: 'btn small add-layer', onclick: () => this.#addLayer() }, icon(ICONS.plus), h('span', { t: 'layers.add' })),
            h('p', { class: 'layer-fixed', t: 'layers.output' }),
            ui.paramCount,
            ui.stale,
            h('div', { class: 'settings' },
              setting('settings.optimizer', ui.optimizer), setting('settings.lr', ui.lr),
              setting('settings.batch', ui.batch), setting('settings.init', ui.init),
              setting('settings.pictures', ui.pictures)))),
        ui.colResults = h('div', { class: 'col col-results' },
          ui.confusionPanel = panel('confusion', 'panel.confusion', ui.confusionHint = h('p', { class: 'hint', t: 'confusion.hint' }), ui.confusion.root),
          ui.galleryPanel = panel('gallery', 'panel.gallery', ui.galleryHint = h('p', { class: 'hint', t: 'gallery.hint' }), ui.gallery.root)),
        ui.colInside = h('div', { class: 'col col-inside' },
          ui.drawPanel = panel('draw', 'panel.draw',
            h('p', { class: 'hint', t: 'draw.hint' }),
            h('div', { class: 'draw-row' },
              h('div', { class: 'pad-box' }, ui.pad.root,
                h('div', { class: 'row pad-tools' },
                  h('button', { type: 'button', class: 'btn small', onclick: () => ui.pad.undo() }, icon(ICONS.undo), h('span', { t: 'pad.undo' })),
                  h('button', { type: 'button', class: 'btn small clear', onclick: () => ui.pad.clear() }, icon(ICONS.clear), h('span', { t: 'pad.clear' })))),
              ui.guesses.root)),
          ui.layersPanel = panel('layers', 'panel.layers', h('p', { class: 'hint', t: 'layers.hint' }), ui.layersView.root),
          ui.weightsPanel,
          ui.filtersPanel),
        ui.codePanel = h('details', { class: 'panel panel-code' },
          h('summary', {}, h('h2', { t: 'panel.code' })),
          h('p', { class: 'hint', t: 'code.hint' }),
          h('div', { class: 'row' },
            h('button', { type: 'button', class: 'btn small', onclick: () => this.#copyCode() }, icon(ICONS.copy), h('span', { t: 'code.copy' })),
            h('button', { type: 'button', class: 'btn small', onclick: () => download(this.shadowRoot, ui.code.textContent, 'layerwise_fashion_mnist.py') }, icon(ICONS.download), h('span', { t: 'code.download' })),
            ui.copied),
          ui.code)));
    // what each hide token leaves out (the weights panels also hide while they have nothing to
    // show: #renderWeights), and the columns that go when all their parts are out
    ui.parts = {
      brand: [ui.brand, ui.nav], lang: [ui.lang], intro: [ui.intro], network: [ui.networkPanel],
      confusion: [ui.confusionPanel], gallery: [ui.galleryPanel], draw: [ui.drawPanel], layers: [ui.layersPanel], weights: [], code: [ui.codePanel],
    };
    ui.columns = [[ui.colResults, ['confusion', 'gallery']], [ui.colInside, ['draw', 'layers', 'weights']]];
    attachStyled(shadow, STYLESHEET, ui.root);
    this.#ui = ui;
    this.#relabel();
  }

  #addLayer() {
    if (this.#layers.length >= MAX_LAYERS) return;
    this.#layers.push(newLayer('linear'), newLayer('relu'));
    this.#networkChanged();
  }

  #showCell(cell) {
    this.#cell = cell;
    this.#renderResults();
  }

  async #copyCode() {
    try {
      await navigator.clipboard.writeText(this.#ui.code.textContent);
      this.#ui.copied.hidden = false;
      setTimeout(() => (this.#ui.copied.hidden = true), 1500);
    } catch {
      // no clipboard (an insecure page): the code stays selectable
    }
  }

  // ---- rendering ----

  // A string in the page's language; a key without a text in it is reported as a console error
  // (the browser test fails on any), and shows in English or as the key.
  #t(key, params) {
    if (!TABLES.some((table) => table[this.#lang]?.[key] !== undefined)) console.error(`<layerwise-images>: no ${this.#lang} text for "${key}"`);
    return translate(this.#lang, key, params);
  }

  #className(k) {
    return this.#t(`class.${CLASS_KEYS[k]}`);
  }

  #relabel() {
    const ui = this.#ui;
    const tr = (key, params) => this.#t(key, params);
    ui.root.lang = this.#lang;
    relabel(ui.root, tr);
    this.#refusal.relabel(tr);
    for (const view of [ui.guesses, ui.weights, ui.filters, ui.confusion, ui.gallery, ui.layersView]) view.relabel(tr);
    ui.lang.value = this.#lang;
    linkLang(ui.nav.querySelectorAll('a'), this.#lang);
    this.#renderMessage();
    this.#render();
  }

  #render() {
    if (!this.#ui) return;
    this.#renderNetwork();
    this.#renderTraining();
    this.#renderResults();
    this.#renderGuess();
    this.#renderWeights();
    this.#renderLayers();
    this.#renderCode();
  }

  #renderNetwork() {
    const ui = this.#ui;
    const tr = (key, params) => this.#t(key, params);
    const spec = imagesSpec({ layers: this.#layers, init: this.#settings.init, seed: this.#settings.seed });
    setText(ui.inputRow, 'layers.input', { shape: `[${spec.input.join(', ')}]` }, tr);
    const focused = this.shadowRoot.activeElement;
    const focusKey = ui.layerList.contains(focused) ? focused.dataset.key : null;
    ui.layerList.replaceChildren(...this.#layers.map((layer, i) => {
      const n = i + 1;
      const type = h('select', { class: 'layer-type', 'data-key': `type-${i}`, 't-label': 'layers.type', params: { n },
        onchange: () => {
          this.#layers[i] = newLayer(type.value);
          this.#networkChanged();
        } }, ...LAYER_TYPES.map((ty) => h('option', { value: ty, t: `type.${ty}` })));
      type.value = layer.type;
      // One number field per size the layer has: its width (or p, or a pool's kernel), and a
      // convolution's kernel and padding too. A value out of range puts the old one back.
      const field = (key, unitKey, [min, max, step], valid) => {
        const input = h('input', { type: 'number', class: `layer-size ${key}`, 'data-key': `${key}-${i}`, 't-label': 'layers.size', params: { n },
          min: String(min), max: String(max), step: String(step), value: String(layer[key] ?? 0),
          onchange: () => {
            const v = Number(input.value);
            if (!valid(v)) {
              input.value = String(layer[key] ?? 0);
              return;
            }
            this.#layers[i] = { ...layer, [key]: v };
            this.#networkChanged();
          } });
        return h('span', { class: 'size-field' }, input, h('span', { class: 'unit', t: `size.${unitKey}` }));
      };
      const count = (min) => (v) => Number.isInteger(v) && v >= min;
      const key = SIZED[layer.type];
      const fields = [];
      if (key === 'p') fields.push(field('p', 'p', [0, 0.95, 0.05], (v) => v >= 0 && v < 1));
      else if (key) fields.push(field(key, layer.type === 'conv2d' ? 'filters' : key, [1, 1024, 1], count(1)));
      if (layer.type === 'conv2d') {
        fields.push(field('kernel', 'kernel', [1, 28, 1], count(1)), field('padding', 'padding', [0, 14, 1], count(0)));
      }
      return h('li', { class: `layer-row-edit${fields.length > 1 ? ' two' : ''}` },
        h('span', { class: 'layer-n' }, String(n)), type,
        h('span', { class: 'sizes' }, ...fields),
        h('button', { type: 'button', class: 'btn round tiny remove', 't-label': 'layers.remove', params: { n },
          onclick: () => {
            this.#layers.splice(i, 1);
            this.#networkChanged();
          } }, icon(ICONS.close)));
    }));
    relabel(ui.layerList, tr);
    if (focusKey) ui.layerList.querySelector(`[data-key="${focusKey}"]`)?.focus();
    const net = this.#net;
    ui.stale.hidden = !net || net.version === this.#version;
    ui.paramCount.hidden = !net;
    if (net) setText(ui.paramCount, 'layers.params', { count: net.params.toLocaleString(this.#locale()) }, tr);
    const s = this.#settings;
    ui.optimizer.value = s.optimizer;
    ui.lr.value = String(s.lr);
    ui.batch.value = String(s.batch);
    ui.init.value = s.init;
    ui.pictures.value = s.pictures === null ? '' : String(s.pictures);
    if (ui.pictures.value !== (s.pictures === null ? '' : String(s.pictures))) {
      // a count the menu does not list (from the attribute or the script API): it gets an option
      ui.pictures.append(h('option', { value: String(s.pictures) }, s.pictures.toLocaleString(this.#locale())));
      ui.pictures.value = String(s.pictures);
    }
    const all = this.#data?.train.count;
    setText(ui.pictures.querySelector('.all'), all ? 'pictures.allCount' : 'pictures.all', { count: all?.toLocaleString(this.#locale()) }, tr);
    for (const o of ui.pictures.options) if (o.value !== '') o.textContent = Number(o.value).toLocaleString(this.#locale());
    this.#renderSummary();
    const name = PRESET_NAMES.find((p) => JSON.stringify(preset(p).layers) === JSON.stringify(this.#layers));
    ui.preset.value = name ?? '';
  }

  #locale() {
    return this.#lang === 'ko' ? 'ko-KR' : 'en-US';
  }

  // With the network panel hidden, one line in the training panel says what trains: the sizes
  // (784 → 256 → 128 → 64 → 10 for a network of linear layers), its parameters and pictures.
  #renderSummary() {
    const ui = this.#ui;
    const net = this.#net;
    ui.summary.hidden = !this.#hidden.has('network') || !net;
    if (ui.summary.hidden) return;
    const sizes = linearSizes(this.#layers);
    const n = (v) => v.toLocaleString(this.#locale());
    setText(ui.summary, sizes ? 'summary.sizes' : 'summary.other', { sizes: sizes?.join(' → '), params: n(net.params), pictures: n(net.pictures) }, (key, params) => this.#t(key, params));
  }

  #renderTraining() {
    const ui = this.#ui;
    const tr = (key, params) => this.#t(key, params);
    const playing = this.#playing;
    ui.playIcon.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
    setText(ui.playLabel, playing ? 'train.pause' : 'train.play', null, tr);
    ui.play.classList.toggle('running', playing);
    const loaded = Boolean(this.#data);
    ui.play.disabled = !loaded;
    ui.step.disabled = !loaded || playing || this.#busy > 0;
    ui.reset.disabled = !loaded;
    setText(ui.epoch, 'train.epoch', { epoch: this.#run.epoch }, tr);
    const d = this.#run.detail;
    const pct = (v) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
    ui.trainAcc.textContent = this.#net ? pct(d.trainAccuracy) : '–';
    ui.testAcc.textContent = this.#net ? pct(d.testAccuracy) : '–';
    ui.speed.hidden = this.#secondsPerEpoch === null;
    if (this.#secondsPerEpoch !== null) setText(ui.speed, 'train.speed', { seconds: this.#secondsPerEpoch.toFixed(2) }, tr);
    ui.curves.update(null, { history: this.#run.history, t: tr, lang: this.#lang, output: 'logits' });
  }

  #renderResults() {
    const ui = this.#ui;
    const names = Array.from({ length: CLASSES }, (_, k) => this.#className(k));
    const c = this.#test;
    ui.confusion.update({ matrix: c?.matrix ?? null, classes: CLASSES, names, count: c?.count, right: c?.right, selected: this.#cell });
    if (!c) {
      ui.gallery.update({ items: null, names, total: 0, cell: null });
      return;
    }
    const { test } = this.#data;
    const order = galleryOrder(c.predicted, test.labels, this.#cell);
    const items = order.slice(0, this.#galleryMax).map((index) => ({
      index,
      pixels: test.bytes,
      at: index * PIXELS,
      truth: test.labels[index],
      top: topK(softmax(c.outputs, index * CLASSES, CLASSES), 3),
    }));
    const picked = this.#picked?.kind === 'test' ? this.#picked.index : null;
    ui.gallery.update({ items, names, total: order.length, cell: this.#cell, picked });
  }

  #renderGuess() {
    const ui = this.#ui;
    const g = this.#guess;
    let hint = null;
    if (!this.#net) hint = 'guess.untrained';
    else if (!ui.pad.strokes.length) hint = 'guess.draw';
    const shown = g && ui.pad.strokes.length ? g : null;
    const top = shown ? shown.top : [];
    ui.guesses.update({
      names: top.map((e) => this.#className(e.index)),
      colors: top.map((e) => CLASS_COLORS[e.index % CLASS_COLORS.length]),
      probabilities: shown ? top.map((e) => e.value) : null,
      hint,
    });
  }

  #renderWeights() {
    const ui = this.#ui;
    const w = this.#weights;
    const hidden = this.#hidden.has('weights');
    ui.weightsPanel.hidden = hidden || !w;
    ui.weights.update({ weights: w?.data ?? null, start: w?.start ?? null, rows: w?.rows ?? 0 });
    ui.filtersPanel.hidden = hidden || !this.#filters;
    ui.filters.update(this.#filters ?? { weight: null });
  }

  #renderLayers() {
    const p = this.#pickedLayers;
    const picked = this.#picked;
    let what = '';
    if (picked?.kind === 'test') what = this.#t('layers.pickedTest', { n: picked.index + 1, truth: this.#className(this.#data.test.labels[picked.index]) });
    else if (picked?.kind === 'drawing') what = this.#t('layers.pickedDrawing');
    this.#ui.layersView.update({ input: p?.input, layers: p?.layers ?? null, typeName: (type) => this.#t(`type.${type}`), what });
  }

  #renderCode() {
    const s = this.#settings;
    try {
      // the pictures the run trains on: a number only when fewer than the file has
      const all = this.#data?.train.count;
      const pictures = s.pictures !== null && (!all || s.pictures < all) ? s.pictures : null;
      this.#ui.code.textContent = imagesPytorchCode({ spec: imagesSpec({ layers: this.#layers, init: s.init, seed: s.seed }), settings: { ...s, pictures }, lang: this.#lang });
    } catch (err) {
      this.#ui.code.textContent = `# ${err.message}`;
    }
  }

  // ---- messages ----

  #say(key, params = null, kind = 'info', retry = null) {
    this.#message = key ? { key, params, kind, retry } : null;
    this.#renderMessage();
  }

  #renderMessage() {
    const box = this.#ui?.message;
    if (!box) return;
    const m = this.#message;
    showMessage(box, m, (key, params) => this.#t(key, params), m?.retry ? { key: 'load.retry', name: 'retry', onclick: m.retry } : null);
  }
}

if (!customElements.get('layerwise-images')) customElements.define('layerwise-images', LayerwiseImages);
