// <layerwise-sketch>: the sketch pad. A learner names classes (circle, triangle, cross, digits:
// their choice), draws examples of each, trains a network on them in a Web Worker, then draws
// something new and watches the class probabilities change while drawing.
//
//   <layerwise-sketch lang="ko" autosave></layerwise-sketch>
//
// Attributes: lang ("en" | "ko"; without it, the site's language (web/lib/i18n.js siteLang: the
// page's ?lang=, else the learner's last pick on any page of the site, else the autosaved
// language, else the browser's); a pick in the element's language menu is kept as the site's),
// autosave (keep the drawings
// and settings in localStorage under "layerwise-sketch:<value or main>" and bring them back on
// reload, checked as an imported file is; an entry that cannot be restored is kept as a copy and
// named on screen; storage too small for the set keeps what fits and says what it did not).
//
// Script API:
//   ready                      Promise: the engine is loaded (or the reason it is not is on screen)
//   train(epochs = settings.epochs) → Promise<detail>   builds a network when the drawings or
//                              settings changed since the last one, then trains that many epochs
//   stop()                     ends a training run after its current slice
//   predict(input) → Promise<{probabilities, best, name, names, image}>  input: strokes
//                              ([[x0, y0, x1, y1, …], …] in pad units, the pad being 1 × 1, y down)
//                              or the 784 values of a 28 × 28 picture
//   addSample(cls, strokes) → {class, index}   cls: a class index, or a name (a new class if none
//                              has it); strokes in pad units
//   addClass(name) → index, renameClass(i, name), removeClass(i), removeSample(i, k)
//   loadExamples() → the bundled example set (circles, triangles, crosses) replaces the drawings
//   exportJSON() → the file's object (dataset.js); importJSON(textOrObject, fileName?) → Promise
//                              (rejects, changing nothing, on a malformed or foreign file)
//   strokes (get/set)          what is on the pad now
//   classes                    [{name, count}]; settings (get/set {hidden, activation, augment,
//                              testEvery, epochs}); epoch; training (a run is going); history
//                              [{epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}]
// Events: `epoch` (detail {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}, as
// <layerwise-playground>'s) after each slice of training; `prediction` (detail {probabilities,
// best, name, drawing, strokes}) each time the live guess changes, drawing = true while the pen
// is down, strokes = how many strokes the guessed picture holds (guesses arrive in order, each
// one for the picture as it was when asked);
// `datachange` (detail {classes}) when drawings or classes change; `error` (detail {problems},
// as <layerwise-playground>'s: web/lib/refusals.js) when an attribute's value is refused.
//
// Data flow: drawings (strokes) → lib/preprocess.js (28 × 28, as MNIST) → [augment.js copies] →
// the worker's init (engine/trainer.mjs, through the training run of lib/run.js) → trainFor
// slices → snapshots → the panels. The pad's strokes go through the same preprocessing on every
// animation frame while drawing, then to the worker's predict request (eval mode), one in
// flight at a time.
import { TrainingRun } from '../lib/run.js';
import { CLASS_COLORS } from '../lib/palette.js';
import { INPUTS, BATCH, OPTIMIZER, autoHidden, sketchSpec, softmax } from './network.js';
import { preprocess } from '../lib/preprocess.js';
import { random } from '../lib/random.js';
import { COPIES, augment } from './augment.js';
import { PER_CLASS, SHAPES, exampleSet } from './examples.js';
import { DEFAULT_SETTINGS, MAX_CLASSES, MAX_SAMPLES, SketchFileProblem, cleanName, cleanStrokes, fileOf, readFile, readSaved, readSettings, savedOf, split } from './dataset.js';
import { LANGS, keepSiteLang, linkLang, siteLang } from '../lib/i18n.js';
import { t as translate } from './strings.js';
import { ICONS, attachStyled, h, icon, relabel, setText, showMessage } from '../lib/dom.js';
import { RefusalNote, problemText } from '../lib/refusals.js';
import { Autosave, download } from '../lib/files.js';
import { SketchPad } from '../lib/pad.js';
import { LiveTask } from '../lib/live.js';
import { InputView } from '../lib/input-view.js';
import { GuessView } from '../lib/guesses.js';
import { DrawingsView } from './drawings.js';
import { LayerEditor } from './layers.js';
import { TrainingPanel } from './training.js';
import { WeightsView } from '../lib/weights.js';

const STYLESHEET = new URL('./sketch.css', import.meta.url).href;
const SLICE_MS = 40; // training per request, so a live guess waits at most about this long
const CURVE_POINTS = 60; // chart points per press of Train, at most
const AUGMENT_SEED = 101;
const WEIGHTS_EVERY_MS = 400; // the first layer's pictures while training, at most this often
const CHOICES = { lang: LANGS }; // the attributes with a fixed set of values (web/lib/refusals.js)
const METRICS = { metrics: true, grid: false, neurons: false, parameters: false, gradients: false, stats: false };

export class LayerwiseSketch extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'autosave'];
  }

  #lang = 'en';
  #refusal = new RefusalNote((key, params) => this.#t(key, params)); // refused attribute values
  #classes = []; // [{id, name, samples: [{strokes}]}]
  #nextId = 1;
  #settings = { ...DEFAULT_SETTINGS };
  #ui = null; // the DOM parts the element updates
  #run = new TrainingRun(); // the trainer, its network and what came of it (web/lib/run.js)
  #ready;
  #resolveReady;
  #version = 0; // bumped by every change that a network trained before would not know
  #net = null; // {version, classIds, hidden, trainSize, testSize}: what the worker holds
  #weights = null; // {data, rows, start}: the first linear layer's weights now and at epoch 0
  #weightsAt = -Infinity;
  #training = false;
  #stopping = false;
  #images = new WeakMap(); // drawing -> its 28 × 28 picture
  #probabilities = null;
  #live = new LiveTask({ frame: () => this.#padPicture(), request: (image) => this.#livePredict(image) });
  #message = null;
  #undo = null;
  #connected = false;
  #initialized = false;
  #autosave = new Autosave(this, 'layerwise-sketch');
  #storageNote = null; // {key, params, kind}: see #say

  constructor() {
    super();
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
    this.#run.addEventListener('snapshot', (e) => this.#received(e.detail.snapshot));
    this.#run.addEventListener('diverged', () => this.#say('msg.diverged', null, 'error'));
    this.#run.addEventListener('epoch', (e) => this.dispatchEvent(new CustomEvent('epoch', { detail: e.detail })));
    this.#run.addEventListener('disposed', () => (this.#net = null));
  }

  // ---- lifecycle ----

  connectedCallback() {
    this.#run.attach();
    if (this.#connected) return;
    this.#connected = true;
    if (!this.#initialized) {
      this.#initialized = true;
      const restored = this.#autosave.read((text) => ({ value: readSaved(text), lost: [] }));
      const saved = restored?.value;
      const asked = this.#refusal.checked(this, { lang: this.getAttribute('lang') }, CHOICES).lang;
      this.#lang = asked ?? siteLang(saved?.lang); // the autosaved language only until the learner picks one (web/lib/i18n.js)
      if (saved) {
        this.#classes = saved.classes.map((c) => this.#newClass(c.name, c.samples));
        this.#settings = saved.settings;
      } else {
        this.#classes = SHAPES.map((s) => this.#newClass(this.#t(`shape.${s}`)));
      }
      this.#build();
      const count = this.#count();
      if (restored?.lost.length) {
        const [err] = restored.lost;
        const reason = err instanceof SketchFileProblem ? problemText(err, (key, params) => this.#t(key, params)) : err.message;
        this.#storageNote = { key: restored.copy ? 'msg.notRestored' : 'msg.notRestoredHeld', params: { reason, copy: restored.copy }, kind: 'warn' };
        this.#say(null);
      } else if (saved?.unsaved) {
        this.#storageNote = { key: 'msg.restoredPartly', params: { count, unsaved: saved.unsaved }, kind: 'warn' };
        this.#say(null);
      } else if (saved && count > 0) this.#say('msg.restored', { count });
      else this.#say('msg.loading');
      this.#render();
    }
    this.#run.start().then(
      () => {
        if (this.#message?.key === 'msg.loading') this.#say(null);
        this.#resolveReady();
      },
      (err) => {
        this.#say('msg.engineFailed', { reason: err.message }, 'error');
        this.#resolveReady();
      });
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#stopping = true;
    this.#run.detach(); // a move in the document disconnects and connects at once: the run stays
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#initialized || old === value) return;
    const values = this.#refusal.checked(this, { [name]: CHOICES[name] ? value : null }, CHOICES);
    if (name === 'lang' && values.lang && value !== this.#lang) {
      // classes still called by a default shape name take that name in the new language
      const renamed = this.#classes.filter((c) => {
        const shape = SHAPES.find((s) => c.name === this.#t(`shape.${s}`));
        if (shape) c.name = translate(value, `shape.${shape}`);
        return Boolean(shape);
      });
      this.#lang = value;
      this.#relabel();
      this.#persist();
      if (renamed.length) this.#emitData();
    }
    if (name === 'autosave') this.#persist();
  }

  // ---- public API ----

  get ready() {
    return this.#ready;
  }

  get classes() {
    return this.#classes.map((c) => ({ name: c.name, count: c.samples.length }));
  }

  get settings() {
    return { ...this.#settings, hidden: this.#settings.hidden && [...this.#settings.hidden] };
  }

  set settings(changes) {
    if (changes === null || typeof changes !== 'object') throw new TypeError('settings must be an object such as {augment: true}');
    this.#changeSettings(changes);
  }

  get epoch() {
    return this.#run.epoch;
  }

  /** True while a training run is going. */
  get training() {
    return this.#training;
  }

  get history() {
    return this.#run.rows;
  }

  get strokes() {
    return this.#ui ? this.#ui.pad.strokes.map((s) => [...s]) : [];
  }

  set strokes(strokes) {
    this.#ui.pad.set(strokes.length ? cleanStrokes(strokes) : []);
  }

  addSample(cls, strokes) {
    const ci = this.#classIndex(cls, true);
    const clean = cleanStrokes(strokes);
    const samples = this.#classes[ci].samples;
    if (samples.length >= MAX_SAMPLES) throw new RangeError(this.#t('msg.tooMany', { max: MAX_SAMPLES }));
    samples.push({ strokes: clean });
    this.#dataChanged();
    return { class: ci, index: samples.length - 1 };
  }

  addClass(name) {
    if (this.#classes.length >= MAX_CLASSES) throw new RangeError(`addClass: at most ${MAX_CLASSES} classes`);
    const label = name === undefined ? this.#t('classes.newName', { n: this.#classes.length + 1 }) : cleanName(name);
    this.#classes.push(this.#newClass(label));
    this.#dataChanged();
    return this.#classes.length - 1;
  }

  renameClass(i, name) {
    const ci = this.#classIndex(i);
    let label;
    try {
      label = cleanName(name);
    } catch {
      this.#render(); // an empty name: the old one comes back
      return;
    }
    this.#classes[ci].name = label;
    this.#persist();
    this.#render();
    this.#emitData();
  }

  removeClass(i) {
    const ci = this.#classIndex(i);
    this.#remember();
    const [gone] = this.#classes.splice(ci, 1);
    this.#dataChanged();
    this.#say('msg.deletedClass', { name: gone.name }, 'info', true);
  }

  removeSample(i, k) {
    const ci = this.#classIndex(i);
    const samples = this.#classes[ci].samples;
    if (!Number.isInteger(k) || k < 0 || k >= samples.length) throw new RangeError(`removeSample: class ${ci} has no drawing ${k}`);
    this.#remember();
    samples.splice(k, 1);
    this.#dataChanged();
    this.#say('msg.deletedDrawing', { name: this.#classes[ci].name }, 'info', true);
  }

  /** Replaces the drawings with the bundled example set (undo brings them back). */
  loadExamples({ perClass = PER_CLASS, seed = 1 } = {}) {
    this.#remember();
    const names = Object.fromEntries(SHAPES.map((s) => [s, this.#t(`shape.${s}`)]));
    this.#classes = exampleSet({ perClass, seed, names }).classes.map((c) => this.#newClass(c.name, c.samples));
    this.#dataChanged();
    this.#say('msg.examples', { count: this.#count() }, 'info', true);
  }

  exportJSON() {
    return fileOf(this.#classes, this.#settings);
  }

  async importJSON(input, fileName = '') {
    let read;
    try {
      read = readFile(input);
    } catch (err) {
      const reason = err instanceof SketchFileProblem ? problemText(err, (key, params) => this.#t(key, params)) : err.message;
      this.#say('msg.importFailed', { reason }, 'error');
      throw new Error(this.#t('msg.importFailed', { reason }));
    }
    this.#remember();
    this.#classes = read.classes.map((c) => this.#newClass(c.name, c.samples));
    this.#settings = read.settings;
    this.#dataChanged();
    this.#say('msg.imported', { count: this.#count(), file: fileName || 'JSON' }, 'info', true);
  }

  async train(epochs = this.#settings.epochs) {
    if (!Number.isSafeInteger(epochs) || epochs < 1) throw new RangeError(`train(epochs): epochs must be a whole number ≥ 1, got ${epochs}`);
    await this.#ready;
    return this.#run.enqueue(() => this.#train(epochs));
  }

  stop() {
    if (this.#training) this.#stopping = true;
  }

  async predict(input) {
    const image = isPicture(input) ? Float32Array.from(input) : preprocess(cleanStrokes(input));
    await this.#ready;
    const net = this.#usableNet();
    if (!net) throw new Error('predict: there is no network trained on these classes yet; call train() first');
    const reply = await this.#run.predict(image, 1);
    if (!reply) throw new Error('predict: a new network was built while predicting; call predict() again');
    return this.#guess(reply.outputs, image);
  }

  // ---- data ----

  #newClass(name, samples = []) {
    return { id: this.#nextId++, name, samples: samples.map((s) => ({ strokes: s.strokes })) };
  }

  #count() {
    return this.#classes.reduce((n, c) => n + c.samples.length, 0);
  }

  #classIndex(cls, create = false) {
    if (typeof cls === 'number') {
      if (!Number.isInteger(cls) || cls < 0 || cls >= this.#classes.length) {
        throw new RangeError(`no class ${cls}: the classes are 0 to ${this.#classes.length - 1}`);
      }
      return cls;
    }
    const name = cleanName(cls);
    const found = this.#classes.findIndex((c) => c.name === name);
    if (found >= 0) return found;
    if (!create) throw new RangeError(`no class is named ${JSON.stringify(name)}`);
    return this.addClass(name);
  }

  // Keeps the drawings and settings as they are, for the message's Undo.
  #remember() {
    this.#undo = {
      classes: this.#classes.map((c) => ({ ...c, samples: [...c.samples] })),
      settings: this.settings,
    };
  }

  #restore() {
    if (!this.#undo) return;
    this.#classes = this.#undo.classes;
    this.#settings = this.#undo.settings;
    this.#undo = null;
    this.#dataChanged();
    this.#say('msg.undone');
  }

  #dataChanged() {
    this.#version++;
    if (this.#message?.undo) this.#say(null); // an Undo offered earlier would now skip this change
    this.#persist();
    this.#render();
    this.#emitData();
    this.#schedulePredict();
  }

  #emitData() {
    this.dispatchEvent(new CustomEvent('datachange', { detail: { classes: this.classes } }));
  }

  #changeSettings(changes) {
    const next = readSettings({ ...this.#settings, ...changes });
    const rebuilds = ['hidden', 'activation', 'augment', 'testEvery'].some((k) => JSON.stringify(next[k]) !== JSON.stringify(this.#settings[k]));
    this.#settings = next;
    if (rebuilds) this.#version++;
    this.#persist();
    this.#render();
  }

  // ---- training ----

  async #train(epochs) {
    const run = this.#run;
    try {
      if (!this.#net || this.#net.version !== this.#version || run.diverged) await this.#buildNetwork();
    } catch (err) {
      this.#say(err.key ?? 'msg.trainFailed', err.key ? null : { reason: err.message }, 'warn');
      throw err;
    }
    this.#training = true;
    this.#stopping = false;
    this.#render();
    const target = run.epoch + epochs;
    const perSlice = Math.max(1, Math.ceil(epochs / CURVE_POINTS));
    try {
      let fresh = false;
      while (run.epoch < target && !this.#stopping && !run.diverged) {
        fresh = performance.now() - this.#weightsAt >= WEIGHTS_EVERY_MS;
        const snapshot = { ...METRICS, parameters: fresh };
        if (!(await run.trainFor(SLICE_MS, { maxEpochs: Math.min(perSlice, target - run.epoch), snapshot }))) break;
      }
      if (!fresh && !run.diverged) await run.snapshot({ ...METRICS, metrics: false, parameters: true });
    } finally {
      this.#training = false;
      this.#stopping = false;
      this.#render();
    }
    return run.detail;
  }

  // The drawings as the worker takes them: 784 values per picture, augmented copies of the
  // training pictures when augmentation is on, the held-out ones as the test set.
  async #buildNetwork() {
    const { train, test } = split(this.#classes, this.#settings.testEvery);
    if (this.#classes.length < 2 || new Set(train.map(([ci]) => ci)).size < 2) {
      const err = new Error(this.#t('train.needData'));
      err.key = 'train.needData';
      throw err;
    }
    const copies = this.#settings.augment ? COPIES : 0;
    const rand = random(AUGMENT_SEED);
    const trainSize = train.length * (1 + copies);
    const x = new Float32Array(trainSize * INPUTS);
    const y = new Float32Array(trainSize);
    let row = 0;
    for (const [ci, sample] of train) {
      const image = this.#image(sample);
      x.set(image, row * INPUTS);
      y[row++] = ci;
      for (let k = 0; k < copies; k++) {
        x.set(augment(image, rand), row * INPUTS);
        y[row++] = ci;
      }
    }
    const data = { x, y, classes: this.#classes.length, features: INPUTS, trainRatio: 1 };
    if (test.length) {
      data.testX = new Float32Array(test.length * INPUTS);
      data.testY = Float32Array.from(test, ([ci]) => ci);
      test.forEach(([, sample], i) => data.testX.set(this.#image(sample), i * INPUTS));
    }
    const hidden = this.#hidden(train.length);
    const spec = sketchSpec({ hidden, activation: this.#settings.activation, classes: this.#classes.length });
    const version = this.#version;
    const snap = await this.#run.build({ spec, data, loss: 'cross_entropy', optimizer: OPTIMIZER, batch: BATCH, grid: null, snapshot: { ...METRICS, parameters: true } });
    this.#net = { version, classIds: this.#classes.map((c) => c.id), hidden, trainSize, testSize: test.length };
    if (this.#message?.kind === 'error' || this.#message?.key === 'train.needData') this.#say(null);
    this.#run.receive(snap);
  }

  #image(sample) {
    let image = this.#images.get(sample);
    if (!image) {
      image = preprocess(sample.strokes);
      this.#images.set(sample, image);
    }
    return image;
  }

  #hidden(trainCount) {
    return this.#settings.hidden ?? autoHidden(trainCount);
  }

  // A snapshot the run took in: the first layer's weights when it carries them, then the metrics.
  #received(snap) {
    if (snap.parameters) {
      const first = snap.parameters.find((p) => p.name === '0.weight');
      const start = snap.epoch === 0 && snap.step === 0 ? first.data : this.#weights?.start;
      this.#weights = { data: first.data, rows: first.shape[0], start };
      this.#weightsAt = performance.now();
      this.#renderWeights();
    }
    if (snap.trainLoss === null) return; // only the weights
    this.#renderTraining();
    if (this.#ui.pad.strokes.length) this.#schedulePredict(); // the guess follows the training
  }

  // The worker's network, if it has an output for each class as they are now (in order).
  #usableNet() {
    const net = this.#net;
    if (!net || !this.#run.trainer || this.#run.diverged) return null;
    const ids = this.#classes.map((c) => c.id);
    return ids.length === net.classIds.length && ids.every((id, k) => id === net.classIds[k]) ? net : null;
  }

  #guess(outputs, image) {
    const probabilities = softmax(outputs);
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
    const names = this.#classes.map((c) => c.name);
    return { probabilities, best, name: names[best], names, image };
  }

  // ---- the live guess: at most one preprocessing per frame, one predict request in flight ----

  #schedulePredict() {
    this.#live.schedule();
  }

  // Each frame: the pad's picture, drawn at once in the input view.
  #padPicture() {
    const image = preprocess(this.#ui.pad.strokes);
    this.#ui.input.update(image);
    return image;
  }

  async #livePredict(image) {
    const pad = this.#ui.pad;
    const net = this.#usableNet();
    const ink = image.some((v) => v > 0);
    if (!net || !ink) {
      this.#probabilities = null;
      this.#renderGuess();
      return;
    }
    const drawing = pad.drawing;
    const strokes = pad.strokes.length;
    const reply = await this.#run.predict(image, 1);
    if (reply && this.#usableNet() === net) {
      const guess = this.#guess(reply.outputs, image);
      this.#probabilities = guess.probabilities;
      this.#renderGuess();
      this.dispatchEvent(new CustomEvent('prediction', { detail: { probabilities: guess.probabilities, best: guess.best, name: guess.name, drawing, strokes } }));
    }
  }

  // ---- the layout ----

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    const tr = (key, params) => this.#t(key, params);
    const ui = {};
    ui.pad = new SketchPad({
      change: (strokes, drawing) => {
        this.#schedulePredict();
        if (!drawing) this.#renderChips();
      },
    });
    ui.input = new InputView({ t: tr });
    ui.guesses = new GuessView({ t: tr });
    ui.weights = new WeightsView({ t: tr });
    ui.weightsTitle = h('h2', { t: 'panel.weights' });
    ui.drawings = new DrawingsView({
      t: tr,
      rename: (i, name) => this.renameClass(i, name),
      removeClass: (i) => this.removeClass(i),
      removeSample: (i, k) => this.removeSample(i, k),
      addClass: () => this.#addClassAndFocus(),
    });
    ui.layers = new LayerEditor({
      t: tr,
      change: ({ hidden, auto, activation }) => this.#changeSettings({ hidden: auto ? null : hidden, activation }),
    });
    ui.training = new TrainingPanel({
      t: tr,
      train: () => (this.#training ? this.stop() : this.train().catch(() => {})),
      restart: () => {
        this.#version++;
        this.train().catch(() => {});
      },
      change: (changes) => this.#changeSettings(changes),
    });

    const file = h('input', { type: 'file', accept: '.json,application/json', hidden: true, onchange: () => this.#openFile(file) });
    const lang = h('select', { class: 'lang', 't-label': 'app.language', onchange: () => this.#pickLang(lang.value) },
      ...LANGS.map((l) => h('option', { value: l, t: `lang.${l}` })));
    ui.lang = lang;
    ui.chips = h('div', { class: 'chips', role: 'group', 't-label': 'pad.saveAs' });
    ui.padGuess = h('p', { class: 'pad-guess', 'aria-hidden': 'true' }); // the guess beside the pad, for phones
    ui.message = h('div', { class: 'message', role: 'status', hidden: true });
    const panel = (cls, title, ...children) => h('section', { class: `panel panel-${cls}` }, h('h2', { t: title }), ...children);
    ui.root = h('div', { class: 'lws' },
      h('header', { class: 'bar' },
        h('p', { class: 'brand' }, h('span', { class: 'brand-name', t: 'app.title' }), h('span', { class: 'brand-sub', t: 'app.subtitle' })),
        ui.nav = h('nav', { class: 'nav' },
          h('a', { href: new URL('../index.html', import.meta.url).href, t: 'nav.playground' }),
          h('a', { href: new URL('../images.html', import.meta.url).href, t: 'nav.images' }),
          h('a', { href: new URL('../lessons/index.html', import.meta.url).href, t: 'nav.lessons' })),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'btn examples', 't-title': 'app.examples.tip', onclick: () => this.loadExamples() }, icon(ICONS.sparkle), h('span', { t: 'app.examples' })),
        h('div', { class: 'files' },
          h('button', { type: 'button', class: 'btn export', 't-title': 'app.export.tip', onclick: () => this.#download() }, icon(ICONS.download), h('span', { class: 'btn-text', t: 'app.export' })),
          h('button', { type: 'button', class: 'btn import', 't-title': 'app.import.tip', onclick: () => file.click() }, icon(ICONS.upload), h('span', { class: 'btn-text', t: 'app.import' })),
          file),
        lang),
      h('p', { class: 'intro', t: 'app.intro' }),
      ui.message,
      this.#refusal.root,
      h('main', { class: 'main' },
        h('div', { class: 'col col-draw' },
          panel('draw', 'panel.draw',
            h('p', { class: 'hint', t: 'panel.draw.hint' }),
            ui.pad.root,
            ui.padGuess,
            h('div', { class: 'row pad-tools' },
              h('button', { type: 'button', class: 'btn small', onclick: () => ui.pad.undo() }, icon(ICONS.undo), h('span', { t: 'pad.undo' })),
              h('button', { type: 'button', class: 'btn small', onclick: () => ui.pad.clear() }, icon(ICONS.clear), h('span', { t: 'pad.clear' }))),
            h('p', { class: 'save-label', t: 'pad.saveAs' }),
            ui.chips)),
        h('div', { class: 'col col-see' },
          panel('see', 'panel.input', h('p', { class: 'hint', t: 'panel.input.hint' }), ui.input.root),
          panel('guess', 'panel.guess', ui.guesses.root),
          h('section', { class: 'panel panel-weights' }, ui.weightsTitle, h('p', { class: 'hint', t: 'weights.hint' }), ui.weights.root)),
        h('div', { class: 'col col-train' },
          panel('train', 'panel.train', ui.training.root),
          panel('network', 'panel.network', ui.layers.root)),
        h('div', { class: 'col col-drawings' },
          panel('drawings', 'panel.drawings', ui.drawings.root))));
    attachStyled(shadow, STYLESHEET, ui.root);
    this.#ui = ui;
    this.#relabel();
  }

  #addClassAndFocus() {
    const i = this.addClass();
    const inputs = this.shadowRoot.querySelectorAll('.class-name');
    inputs[i]?.focus();
    inputs[i]?.select();
  }

  // ---- rendering ----

  #t(key, params) {
    return translate(this.#lang, key, params);
  }

  #relabel() {
    const ui = this.#ui;
    if (!ui) return;
    const tr = (key, params) => this.#t(key, params);
    this.#refusal.relabel(tr);
    ui.root.lang = this.#lang;
    relabel(ui.root, tr);
    ui.input.relabel(tr);
    ui.guesses.relabel(tr);
    ui.weights.relabel(tr);
    ui.drawings.relabel(tr);
    ui.layers.relabel(tr);
    ui.training.relabel(tr);
    ui.lang.value = this.#lang;
    linkLang(ui.nav.querySelectorAll('a'), this.#lang);
    this.#renderMessage();
    this.#render();
  }

  // The learner's pick in the language menu: the element's language, and the site's from now on.
  #pickLang(lang) {
    keepSiteLang(lang);
    this.setAttribute('lang', lang);
  }

  #render() {
    if (!this.#ui) return;
    const colors = this.#classes.map((_, k) => CLASS_COLORS[k % CLASS_COLORS.length]);
    this.#ui.drawings.update(this.#classes, { testEvery: this.#settings.testEvery, colors, maxClasses: MAX_CLASSES });
    const { train } = split(this.#classes, this.#settings.testEvery);
    this.#ui.layers.update({
      hidden: this.#hidden(train.length),
      auto: this.#settings.hidden === null,
      activation: this.#settings.activation,
      classes: this.#classes.length,
    });
    this.#renderChips();
    this.#renderTraining();
    this.#renderGuess();
    this.#renderWeights();
  }

  #renderWeights() {
    const ui = this.#ui;
    const net = this.#net;
    const outputs = net && net.hidden.length === 0;
    setText(ui.weightsTitle, outputs ? 'panel.weightsOutput' : 'panel.weights', null, (key, params) => this.#t(key, params));
    const labels = outputs && this.#usableNet() ? this.#classes.map((c) => c.name) : null;
    const w = net ? this.#weights : null;
    ui.weights.update({ weights: w?.data ?? null, start: w?.start ?? null, rows: w?.rows ?? 0, labels });
  }

  #renderChips() {
    const ui = this.#ui;
    const empty = ui.pad.strokes.length === 0;
    const focused = this.shadowRoot.activeElement;
    const focusKey = ui.chips.contains(focused) ? focused.dataset.key : null;
    ui.chips.replaceChildren(...this.#classes.map((c, k) => h('button', {
      type: 'button', class: 'chip', 'data-key': String(c.id), style: `--swatch: ${CLASS_COLORS[k % CLASS_COLORS.length]}`,
      disabled: empty, t: 'pad.save', 't-label': 'pad.saveLabel', params: { name: c.name, count: c.samples.length },
      onclick: () => this.#save(k),
    })));
    relabel(ui.chips, (key, params) => this.#t(key, params));
    if (focusKey) ui.chips.querySelector(`[data-key="${focusKey}"]`)?.focus();
  }

  #save(k) {
    const strokes = this.#ui.pad.strokes;
    if (!strokes.length) {
      this.#say('msg.emptyPad', null, 'warn');
      return;
    }
    try {
      this.addSample(k, strokes);
    } catch (err) {
      this.#say('msg.trainFailed', { reason: err.message }, 'warn');
      return;
    }
    if (this.#message?.kind === 'warn') this.#say(null);
    this.#ui.pad.clear();
  }

  #renderTraining() {
    const { train, test } = split(this.#classes, this.#settings.testEvery);
    const trainable = this.#classes.length >= 2 && new Set(train.map(([ci]) => ci)).size >= 2;
    const net = this.#net;
    const current = net && net.version === this.#version;
    let note = null;
    if (!trainable) note = { key: 'train.needData' };
    else if (net && !current && !this.#training) note = { key: 'train.stale' };
    else if (current && net.testSize === 0) note = { key: 'train.noTest' };
    this.#ui.training.update({
      training: this.#training,
      canTrain: trainable,
      epochs: this.#settings.epochs,
      augment: this.#settings.augment,
      testEvery: this.#settings.testEvery,
      epoch: this.#run.epoch,
      detail: net ? this.#run.detail : null,
      history: net ? this.#run.rows : [],
      counts: current ? { train: net.trainSize, test: net.testSize } : { train: train.length * (this.#settings.augment ? 1 + COPIES : 1), test: test.length },
      note,
    });
  }

  #renderGuess() {
    const names = this.#classes.map((c) => c.name);
    const colors = names.map((_, k) => CLASS_COLORS[k % CLASS_COLORS.length]);
    let hint = null;
    if (!this.#net) hint = 'guess.untrained';
    else if (!this.#usableNet()) hint = 'guess.changed';
    else if (!this.#ui.pad.strokes.length) hint = 'guess.draw';
    const probabilities = this.#usableNet() ? this.#probabilities : null;
    this.#ui.guesses.update({ names, colors, probabilities, hint });
    const pad = this.#ui.padGuess;
    pad.hidden = !probabilities;
    if (probabilities) {
      const best = probabilities.indexOf(Math.max(...probabilities));
      pad.style.setProperty('--swatch', colors[best]);
      setText(pad, 'guess.best', { name: names[best], percent: Math.round(probabilities[best] * 100) }, (key, params) => this.#t(key, params));
    }
  }

  // ---- messages ----

  // The storage note (what the autosave could not keep or restore) takes the place of any
  // message that is not an error or a warning, keeping its Undo, until a save keeps everything.
  #say(key, params = null, kind = 'info', undo = false) {
    if (this.#storageNote && (!key || kind === 'info')) ({ key, params, kind } = this.#storageNote);
    this.#message = key ? { key, params, kind, undo } : null;
    this.#renderMessage();
  }

  #renderMessage() {
    const box = this.#ui?.message;
    if (!box) return;
    const m = this.#message;
    const undo = m?.undo && this.#undo ? { key: 'msg.undo', name: 'undo', onclick: () => this.#restore() } : null;
    showMessage(box, m, (key, params) => this.#t(key, params), undo);
  }

  // ---- files and storage ----

  #download() {
    download(this.shadowRoot, JSON.stringify(this.exportJSON()), 'layerwise-sketch.json');
  }

  async #openFile(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await this.importJSON(await file.text(), file.name);
    } catch {
      // the message is on screen already
    }
  }

  // Saves the set; when storage cannot hold all of it, as many drawings as fit (dataset.js:
  // savedOf), and says how many were not kept. A failed write changes nothing stored, so the
  // entry left is the last write that worked.
  #persist() {
    if (!this.#initialized) return;
    const total = this.#count();
    const save = (keep) => this.#autosave.write(savedOf(this.#classes, this.#settings, this.#lang, keep));
    const noted = this.#storageNote;
    if (save(total)) {
      this.#storageNote = null;
      if (noted && this.#message?.key === noted.key) this.#say(null);
      return;
    }
    if (this.#autosave.held) return; // the restore's note says already that nothing is saved
    if (total === 0 || !save(0)) {
      this.#storageNote = { key: 'msg.storageFailed', params: null, kind: 'warn' };
      this.#say(null);
      return;
    }
    let fits = 0; // saved; total drawings do not fit
    let over = total;
    while (over - fits > 1) {
      const mid = Math.floor((fits + over) / 2);
      if (save(mid)) fits = mid;
      else over = mid;
    }
    this.#storageNote = { key: 'msg.storagePartial', params: { saved: fits, unsaved: total - fits }, kind: 'warn' };
    this.#say(null);
  }
}

// 784 numbers (a picture) rather than strokes.
function isPicture(input) {
  return (ArrayBuffer.isView(input) || Array.isArray(input)) && input.length === INPUTS && typeof input[0] === 'number';
}

if (!customElements.get('layerwise-sketch')) customElements.define('layerwise-sketch', LayerwiseSketch);
