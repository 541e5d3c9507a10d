// <layerwise-playground>: the whole playground as one custom element, so that the main page,
// a lesson and a teacher's course page all hold the same thing.
//
//   <layerwise-playground dataset="spiral" layers="8,8" activation="tanh" optimizer="adam"
//                         hide="code,histograms" lang="ko"></layerwise-playground>
//
// Attributes: every key of the state table (state.js; trainRatio may be written train-ratio or
// trainratio), plus
//   hide="..."      panels to leave out, comma-separated: controls, brand, settings, data,
//                   features, network, diagram, output, boundary, curves, histograms, code,
//                   files, embed, lang
//   url-state       keep the state in the page's URL hash (the main page; one element per page)
//   autosave="key"  keep the state in localStorage under key and restore it on reload
//   open="stepper"  panels that start open (the backprop stepper)
//   speed="..."     slow | normal | fast | max: epochs per second while playing
//   tour            offer a newcomer the five-step tour on the first visit (tour.js), with a
//                   Tour button to take it again
// Where a setting comes from, last wins: defaults, attributes, autosave, the URL hash. The
// language is an attribute's or the hash's when they give one, else the site's (web/lib/i18n.js
// siteLang: the page's ?lang=, the learner's last pick on any page, the autosaved one, the
// browser's); a pick in the element's language menu is kept as the site's.
//
// Script API: play(), pause(), step(n = 1) → Promise (after n epochs; resolves with the epoch
// event's detail), stepBatch(n = 1), reset() → Promise, property `state` (the frozen table;
// assigning an object changes those keys), `ready` (a Promise: the first network is built;
// it rejects, with the cause, when the engine itself cannot start),
// `playing`, `epoch`, `steps` (optimiser steps, i.e. batches, since the network was built),
// `history`, snapshot(options) → Promise<Snapshot>, exportJSON() →
// Promise<object>, importJSON(textOrObject) → Promise (rejects, changing nothing, on a bad file),
// `drawn` ({x, y, classes} of the "drawn" dataset: classes 2 to 5, or 0 for values to regress),
// drawFrom(dataset) → Promise (copies a generated dataset into the drawing and draws on it),
// exportCSV() → text, importCSV(text, name) → {count, problems} (throws, changing nothing, when
// no line is good), embedCode(where) → {url, iframe, script} (the Embed button's snippets,
// embed.js). Events: `epoch` (detail {epoch, trainLoss,
// testLoss, trainAccuracy, testAccuracy}; accuracy null for regression) after each slice of
// training that completed an epoch; `statechange` (detail {state}); `error` (detail {problems:
// [{setting, value, key, params, message}]}: the attribute or URL values refused, each naming
// the setting, the value and what is allowed, `message` in English; the rest of the state
// applies, and a dismissible note on the page says the same in the element's language).
//
// Training runs in a Web Worker (engine/trainer.mjs) through a training run (lib/run.js: the
// request queue, merged snapshots, the history, divergence). While playing, the element sends
// one request after another (at speed "max" the next as soon as a reply is in, fewer at a
// capped speed): trainFor a few milliseconds with a light snapshot (metrics, the boundary grid
// and the metrics after each epoch for the curves), and the heavy parts (every neuron's image,
// weights, gradients, statistics) only as often as the views can draw them; views draw at most
// once per frame from the latest snapshot, so the page stays smooth whatever the worker does.
import { DATASETS, DEFAULTS, FIELDS, KEYS, MAX_LAYERS, MAX_NEURONS, activationOf, fromHash, isRegression, toHash, toJSONState, withChanges } from './state.js';
import { optimizerConfig, trainerConfig } from './config.js';
import { DEFAULT_EPOCHS, layerwiseCode, pytorchCode } from './codegen.js';
import { TrainingRun } from '../lib/run.js';
import { t as translate } from './i18n.js';
import { FileProblem, fileOf, readFile, readSaved, savedOf } from './controls/file.js';
import { checkPoints, fromCSV, toCSV } from './controls/csv.js';
import { HIDE_TOKENS as PANELS, SPEEDS, buildPanels } from './controls/panels.js';
import { relabel } from '../lib/dom.js';
import { RefusalNote, SettingProblem, problemText, readTokens } from '../lib/refusals.js';
import { Autosave, download } from '../lib/files.js';
import { keepSiteLang, siteLang } from '../lib/i18n.js';
import { hashPairs } from '../lib/hash.js';
import { located } from '../lib/embedded.js';
import { openEmbedDialog } from '../lib/embed.js';
import { playgroundSnippets } from './embed.js';
import { LESSON_OF, diagnose } from './diagnose.js';
import { Timeline } from '../lib/timeline.js';
import { Comparison } from './compare.js';
import { ChallengesPanel } from './controls/challenges-panel.js';
import { ChallengeProblem } from './challenges.js';
import { Tour } from './tour.js';
import { formatNumber } from '../lib/format.js';

const STYLESHEET = new URL('./playground.css', import.meta.url).href;
const LESSON_PAGE = located('lessons/lesson.html', new URL('../lessons/lesson.html', import.meta.url));
// A diagnosis's fix: the message of i18n.js that existed before the diagnoses, or its own.
const DIAGNOSIS_FIX = {
  dead: 'deadRelu', saturated: 'saturated', overfitting: 'overfitting',
  vanishing: 'diag.vanishing.fix', exploding: 'diag.exploding.fix', flat: 'diag.flat.fix',
};

// Where each view lives; loaded on demand so a view that fails does not take the rest down.
// Literal import() calls, so that a bundler (the one-file build) finds them.
const VIEWS = {
  boundary: [() => import('./views/boundary.js'), 'BoundaryView'],
  network: [() => import('./views/network.js'), 'NetworkView'],
  curves: [() => import('./views/curves.js'), 'CurvesView'],
  histograms: [() => import('./views/histograms.js'), 'HistogramsView'],
  stepper: [() => import('./views/stepper.js'), 'StepperView'],
};
// The panel (hide token) whose absence makes a view unnecessary.
const VIEW_PANEL = { boundary: 'boundary', network: 'diagram', curves: 'curves', histograms: 'histograms', stepper: 'stepper' };

// Keys the views read (no retraining), keys the trainer changes in place, and the rest,
// which build a new network.
const VIEW_ONLY = new Set(['discretize', 'showTest', 'lang']);
const IN_PLACE = new Set(['lr', 'optimizer', 'momentum', 'nesterov', 'beta1', 'beta2', 'alpha', 'batch', 'l1', 'l2', 'weightDecay']);

// Epochs per second while playing (Infinity: as many as fit).
const SPEED_RATE = { slow: 4, normal: 20, fast: 120, max: Infinity };
const SLICE_MS = 12; // training per request: short enough that a change applies quickly
// At "max" a request trains longer: each reply costs the worker a snapshot and the page a
// merge, which at 12 ms slices took more than half of the time on a small network
// (bench/README.md, "The playground at max"); 40 ms still lets a change apply at once.
const MAX_SLICE_MS = 40;
const GRID = { size: 48, extent: 6 };
const CURVE_POINTS = 100; // at least this many points over any run (see #curveStep)
/** The panels the `open` attribute can open at the start. */
const OPEN_TOKENS = ['stepper'];
const CSV_MAX_BYTES = 5 * 1024 * 1024;
const MIN_DRAWN = 4; // drawn points needed (in two classes at least, or values) to train

const attributeKey = new Map();
for (const key of KEYS) {
  attributeKey.set(key.toLowerCase(), key);
  attributeKey.set(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), key);
}

const sameValue = (a, b) => (Array.isArray(a) ? Array.isArray(b) && a.join() === b.join() : a === b);

export class LayerwisePlayground extends HTMLElement {
  static get observedAttributes() {
    return [...attributeKey.keys(), 'hide', 'open', 'url-state', 'autosave', 'speed', 'challenge'];
  }

  /**
   * The URL hash of the default settings with `changes` (keys of the state table, values typed
   * or as text, e.g. {dataset: 'spiral', layers: [16, 16], lang: 'ko'}): '#dataset=…&…', every
   * key, so a link opens the full playground set up so. Throws an Error naming every bad value
   * and unknown key.
   */
  static hashOf(changes) {
    const { state, problems } = withChanges(DEFAULTS, changes);
    if (problems.length) throw new Error(`hashOf: ${problems.map((p) => p.message).join('; ')}`);
    return toHash(state);
  }

  #state = DEFAULTS;
  #goodState = null; // the state of the network the worker has (a failed init goes back to it)
  #info = null; // {loss, classes, output, notes}: what config.js made of the state
  #drawn = null; // {x, y, classes} for the "drawn" dataset
  #ui = null;
  #views = {};
  #run = new TrainingRun(); // the trainer, its network and what came of it (web/lib/run.js)
  #ready;
  #resolveReady;
  #rejectReady;
  #engineError = null; // why the engine could not start, once it has failed to
  #refusal = null; // the note listing refused settings (web/lib/refusals.js)
  #playing = false;
  #loopRunning = false;
  #speed = 'fast';
  #tokens = 0; // epochs the speed allows now
  #lastTick = 0;
  #message = null;
  // What an autosave could not restore: shown whenever no other message needs the place (a
  // loading note, a "too few points" hint) until the learner changes something.
  #note = null;
  #hidden = new Set();
  #frame = 0;
  #lastFull = -Infinity;
  #fullCost = 30; // ms a full snapshot costs to make, move and draw (measured)
  #lastStats = -Infinity; // when the last snapshot with statistics came
  #codeTab = 'pytorch';
  #onHashChange = () => this.#readHash();
  #connected = false;
  #initialized = false;
  #drawTimer = 0;
  #drawPending = false; // drawn points changed and their network is not built yet
  #built = false; // the worker's network is the state's (not one kept while drawn points are too few)
  #autosave = new Autosave(this, 'layerwise-playground');
  #compare = null; // run B of an A/B comparison (compare.js), or null
  #challenges = null; // the challenges panel (controls/challenges-panel.js)
  #timeline = new Timeline(); // the weights at kept epochs (web/lib/timeline.js)
  #timelineFor = -1; // the network (#network) the timeline belongs to
  #network = 0; // counts the networks built (a failed or skipped build is not one)
  #scrub = null; // the kept entry shown instead of now, or null
  #scrubSnap = null; // what the worker says the views show for it
  #dismissed = new Set(); // diagnoses the learner closed, for this network
  #diagnosesFor = -1; // the run's generation they belong to
  #diagnosesKey = '';
  #diagnosesIds = '';
  #diagnosesAt = 0;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#ready.catch(() => {}); // a page that never asks for `ready` still sees the message
    this.#run.addEventListener('snapshot', (e) => this.#received(e.detail.snapshot));
    this.#run.addEventListener('diverged', () => {
      this.pause();
      this.#say('diverged', null, 'error');
    });
    this.#run.addEventListener('epoch', (e) => this.dispatchEvent(new CustomEvent('epoch', { detail: e.detail })));
  }

  // ---- lifecycle ----

  connectedCallback() {
    this.#run.attach();
    this.#compare?.run.attach();
    if (this.#connected) return;
    this.#connected = true;
    if (this.#initialized) this.#ui.refs.dock.attach(); // the first build attaches it
    if (!this.#initialized) {
      this.#initialized = true;
      this.#build();
      this.#state = this.#initialState();
      this.#setHidden(this.getAttribute('hide'));
      this.#setOpen(this.getAttribute('open'));
      const { speed } = this.#refusal.checked(this, { speed: this.getAttribute('speed') }, { speed: SPEEDS });
      if (speed) this.#speed = speed;
      if (this.hasAttribute('challenge')) this.#setChallenge(this.getAttribute('challenge'));
      if (this.hasAttribute('tour')) this.#setUpTour();
    }
    if (this.hasAttribute('url-state')) addEventListener('hashchange', this.#onHashChange);
    this.#persist();
    this.#syncControls();
    this.#start();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#ui?.refs.dock.detach();
    removeEventListener('hashchange', this.#onHashChange);
    this.pause();
    this.#run.detach(); // a move in the document disconnects and connects at once: the run stays
    this.#compare?.run.detach();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#connected || old === value) return;
    if (name === 'hide') {
      this.#setHidden(value);
      this.#scheduleRender(true);
    } else if (name === 'open') {
      this.#setOpen(value);
    } else if (name === 'speed') {
      const { speed } = this.#refusal.checked(this, { speed: value }, { speed: SPEEDS });
      if (speed) this.#setSpeed(speed);
    } else if (name === 'challenge') {
      this.#setChallenge(value);
    } else if (name === 'url-state') {
      if (value === null) removeEventListener('hashchange', this.#onHashChange);
      else addEventListener('hashchange', this.#onHashChange);
    } else if (attributeKey.has(name)) {
      const key = attributeKey.get(name);
      this.#change({ [key]: value !== null ? value : key === 'lang' ? siteLang() : DEFAULTS[key] });
    }
  }

  // Defaults, then attributes, then the autosaved state, then the URL hash.
  #initialState() {
    const fromAttributes = {};
    for (const attr of this.attributes) {
      const key = attributeKey.get(attr.name);
      if (key) fromAttributes[key] = attr.value;
    }
    let { state, problems } = withChanges(DEFAULTS, fromAttributes);
    const ownLang = 'lang' in fromAttributes && !problems.some((p) => p.setting === 'lang') ? state.lang : null;
    const saved = this.#autosave.read((text) => {
      const r = readSaved(text, state);
      return { value: r, lost: r.lost };
    });
    if (saved?.value) {
      state = saved.value.state;
      this.#drawn = saved.value.drawn;
    }
    // the language: a `lang` attribute's, else the site's (web/lib/i18n.js siteLang), where
    // the autosaved one counts only until the learner has picked one; a hash's (below) wins
    state = withChanges(state, { lang: ownLang ?? siteLang(saved?.value ? state.lang : null) }).state;
    if (saved?.lost.length) {
      const t = (key, params) => translate(state.lang, key, params);
      this.#note = { key: saved.copy ? 'state.notRestored' : 'state.notRestoredHeld', kind: 'warn',
        params: { reason: saved.lost.map((p) => problemText(p, t)).join('; '), copy: saved.copy } };
      this.#say(null);
    }
    if (this.hasAttribute('url-state') && location.hash.length > 1) {
      const r = fromHash(location.hash, state);
      state = r.state;
      problems = problems.concat(r.problems);
    }
    this.#refusal.refuse(this, problems);
    return state;
  }

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = located('playground/playground.css', STYLESHEET);
    this.#ui = buildPanels({
      change: (changes) => {
        if ('lang' in changes) keepSiteLang(changes.lang); // the learner's pick: the site's language from now on
        this.#change(changes);
      },
      layers: (how) => this.#editLayers(how),
      neurons: (i, delta) => this.#editNeurons(i, delta),
      layerActivation: (i, name) => this.#editActivation(i, name),
      togglePlay: () => (this.#playing ? this.pause() : this.play()),
      stepEpoch: () => this.step(1).catch(() => {}),
      stepBatch: () => this.stepBatch(1).catch(() => {}),
      reset: () => this.reset().catch(() => {}),
      regenerate: () => this.#change({ seed: (this.#state.seed + 1) % (FIELDS.seed.max + 1) }),
      speed: (name) => this.#setSpeed(name),
      exportFile: () => this.#download(),
      importFile: (file) => this.#openFile(file),
      embed: () => openEmbedDialog(this.shadowRoot, this.embedCode(), this.#tr),
      copyCode: () => this.#copyCode(),
      drawn: (points) => (this.drawn = points),
      drawFrom: (dataset) => this.drawFrom(dataset).catch(() => {}),
      importCSV: (file) => this.#openCSV(file),
      exportCSV: () => this.#downloadCSV(),
      codeTab: (name) => {
        this.#codeTab = name;
        this.#renderCode();
      },
      codeWeights: (which) => {
        this.#codeWeights = which === 'trained' ? 'trained' : 'initial';
        this.#renderCode();
      },
      downloadCode: () => this.#downloadCode(),
      stepper: (open) => open && this.#scheduleRender(true),
      plot: () => (this.#hidden.has('boundary') ? null : this.#views.boundary?.canvas),
      tour: () => this.#tour?.start(),
      compare: () => (this.#compare ? this.#stopCompare() : this.#startCompare()),
      scrub: (i) => this.#scrubTo(i),
      live: () => this.#leaveScrub(),
      resumeHere: () => this.#resumeHere().catch((err) => this.#say('initFailed', { reason: err.message }, 'error')),
      dismiss: (id) => {
        this.#dismissed.add(id);
        this.#diagnosesKey = '';
        this.#scheduleRender();
      },
    });
    // unstyled controls would flash for a moment: show them once the stylesheet is in
    this.#ui.root.style.visibility = 'hidden';
    const show = () => this.#ui.root.style.removeProperty('visibility');
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    this.#refusal = new RefusalNote(this.#tr);
    this.#ui.refs.message.after(this.#refusal.root);
    this.#challenges = new ChallengesPanel({ t: this.#tr });
    this.#ui.slots.challenges.append(this.#challenges.root);
    shadow.append(link, this.#ui.root);
  }

  // ---- public API ----

  /**
   * Resolves once the element can take commands: the engine is loaded and the first network
   * built (or, if it could not be, the reason is on screen and training does nothing).
   */
  get ready() {
    return this.#ready;
  }

  get state() {
    return this.#state;
  }

  set state(value) {
    if (value === null || typeof value !== 'object') throw new TypeError('state must be an object of settings, e.g. {dataset: "xor"}');
    this.#change({ ...value });
  }

  get playing() {
    return this.#playing;
  }

  /** Epochs trained since the network was built (or the imported run's count). */
  get epoch() {
    return this.#run.epoch;
  }

  /** Optimiser steps (batches) the network has taken since it was built (the toolbar's count). */
  get steps() {
    return this.#run.steps;
  }

  /** The curves' history: [{epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}]. */
  get history() {
    return this.#run.rows;
  }

  get drawn() {
    return this.#drawn;
  }

  /**
   * New drawn points ({x, y, classes}, checked by controls/csv.js; null for none). Their network
   * is built once painting rests, or at once by the next step(), play() or snapshot(). Throws
   * an Error naming the problem, and keeps the points, when value is not valid.
   */
  set drawn(value) {
    this.#drawn = value ? checkPoints(value) : null;
    this.#dropNote();
    this.#persist();
    this.#syncControls();
    if (this.#state.dataset !== 'drawn') return;
    // painting adds points quickly: build once the hand rests (or a command needs the network)
    clearTimeout(this.#drawTimer);
    this.#drawPending = true;
    this.#drawTimer = setTimeout(() => this.#flushDrawn(), 200);
  }

  // Builds the network of changed drawn points now, if that is still to do.
  #flushDrawn() {
    if (this.#drawPending) this.#rebuild();
  }

  /**
   * Copies a generated dataset (by default the one shown) into the drawing: the training and
   * the test points alike, with their classes (or values, for regression), made with the
   * state's points, noise and seed. Then the "drawn" dataset is on, to edit them. Resolves
   * with the new `drawn` once its network is built.
   */
  async drawFrom(dataset = this.#state.dataset) {
    const generators = DATASETS.filter((d) => d !== 'drawn');
    if (!generators.includes(dataset)) throw new RangeError(`drawFrom(dataset): dataset must be one of ${generators.join(', ')}, got "${dataset}"`);
    this.pause();
    await this.#ready;
    const data = await this.#run.enqueue(async () => {
      const state = this.#state;
      if (this.#built && this.#goodState === state && state.dataset === dataset && this.#run.data) return this.#run.data;
      // the worker makes the points (with that dataset's network, which the drawing's replaces,
      // so the run's is no longer the worker's)
      const made = trainerConfig(withChanges(state, { dataset }).state, { grid: null });
      const snap = await (await this.#run.start()).init({ ...made.config, snapshot: NOTHING });
      this.#run.invalidate();
      this.#built = false;
      return snap.data;
    });
    const sets = [data.train, data.test].filter(Boolean);
    const clamp = (v) => Math.max(-GRID.extent, Math.min(GRID.extent, v)); // noise may push a point off the plane
    this.#drawn = checkPoints({
      x: sets.flatMap((s) => Array.from(s.points, clamp)),
      y: sets.flatMap((s) => Array.from(s.y)),
      classes: data.classes,
    });
    if (this.#state.dataset !== 'drawn') {
      this.#change({ dataset: 'drawn' }); // saves, builds, shows
    } else {
      this.#persist();
      this.#syncControls();
      this.#rebuild();
    }
    await this.#run.enqueue(() => {});
    return this.#drawn;
  }

  /**
   * The snippets that put this playground, as it is now, into another page (embed.js): {url,
   * iframe, script}; where = {lesson, widget} gives a lesson widget's address.
   */
  embedCode(where = null) {
    const preset = [...this.attributes].map((a) => attributeKey.get(a.name)).filter(Boolean);
    return playgroundSnippets(this.#state, { preset, hide: this.getAttribute('hide'), open: this.getAttribute('open') ?? '', speed: this.#speed }, where);
  }

  /** The drawn points as CSV text (controls/csv.js): x,y,label or x,y,value lines. */
  exportCSV() {
    return toCSV(this.#drawn);
  }

  /**
   * Reads drawn points from CSV text (controls/csv.js) in place of the current ones, keeping
   * every good line, and shows under the pad which lines were skipped and why. Returns
   * {count, classes, problems: [{line, reason}]}; throws, changing nothing, when no line is good.
   */
  importCSV(text, name = 'points.csv') {
    const read = fromCSV(text, { regression: this.#drawn?.classes === 0 });
    const count = read.drawn.y.length;
    const problems = read.problems.map((p) => ({ line: p.line, reason: this.#t(p.key, p.params) }));
    const report = { problems: read.problems, params: { name, count, skipped: problems.length } };
    const pad = this.#ui?.refs.pad;
    if (count === 0) {
      pad?.report({ ...report, kind: 'error', key: 'csv.nothing' });
      const lines = problems.map((p) => this.#t('csv.line', { line: p.line }) + ' ' + p.reason);
      throw new Error([this.#t('csv.nothing', report.params), ...lines].join(' '));
    }
    this.drawn = read.drawn;
    if (this.#state.dataset !== 'drawn') this.#change({ dataset: 'drawn' });
    pad?.report({ ...report, kind: problems.length ? 'warn' : 'info', key: problems.length ? 'csv.readSome' : 'csv.read' });
    return { count, classes: read.drawn.classes, problems };
  }

  play() {
    if (this.#playing || this.#run.diverged) return;
    this.#leaveScrub();
    this.#flushDrawn();
    this.#playing = true;
    this.#ui.setPlaying(true, this.#tr);
    this.#runLoop();
  }

  pause() {
    if (!this.#playing) return;
    this.#playing = false;
    this.#ui?.setPlaying(false, this.#tr);
    this.#scheduleRender(); // the code panel catches up with the epochs trained
    const run = this.#run;
    run.enqueue(() => this.#completeViews(run.generation)).catch(() => {}); // the views of the last epoch, whole
  }

  /** Trains n epochs (pausing play first); resolves with the last epoch event's detail. */
  async step(n = 1) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`step(n): n must be a whole number ≥ 1, got ${n}`);
    this.pause();
    this.#leaveScrub();
    this.#flushDrawn();
    await this.#ready;
    const run = this.#run;
    return run.enqueue(async () => {
      const generation = run.generation;
      const target = run.workerEpoch + n;
      while (run.workerEpoch < target && !run.diverged && this.#built && generation === run.generation) {
        const maxEpochs = target - run.workerEpoch;
        if (!(await run.trainFor(SLICE_MS * 2, { maxEpochs, snapshot: this.#sliceOptions() }))) break;
      }
      await this.#compare?.catchUp(run.workerEpoch);
      await this.#completeViews(generation);
      return run.detail;
    });
  }

  /** Trains n batches (one optimiser step each). */
  async stepBatch(n = 1) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`stepBatch(n): n must be a whole number ≥ 1, got ${n}`);
    this.pause();
    this.#leaveScrub();
    this.#flushDrawn();
    await this.#ready;
    const run = this.#run;
    return run.enqueue(async () => {
      if (!run.diverged && this.#built) {
        this.#offScript = this.#network; // single batches: another order than trainEpoch's
        await run.step(n, { snapshot: this.#snapshotOptions(true) });
      }
      await this.#compare?.stepBatch(n);
      return run.detail;
    });
  }

  /**
   * Fresh weights from the seed, counters and curves cleared; the settings stay. The network is
   * built again (cheap), which also brings back a run whose weights came from a file.
   */
  async reset() {
    this.pause();
    await this.#ready;
    await this.#rebuild();
  }

  /** A snapshot of the network now (wasm/trainer.d.ts); options pick its parts. */
  async snapshot(options = {}) {
    const opts = { ...NOTHING, metrics: true, grid: true, parameters: true, ...options };
    this.#flushDrawn();
    await this.#ready;
    return this.#run.enqueue(async () => (await this.#run.start()).snapshot(opts)); // the caller's, not the views'
  }

  /** The export file's object: the state, the weights, the curves (controls/file.js). */
  async exportJSON() {
    this.#flushDrawn();
    await this.#ready;
    return this.#run.enqueue(async () => {
      const snap = await (await this.#run.start()).snapshot({ metrics: false, grid: false, neurons: false, parameters: true, gradients: false, stats: false });
      return fileOf({
        state: this.#state,
        epoch: this.epoch,
        step: this.steps,
        parameters: snap.parameters,
        history: this.history,
        drawn: this.#drawn, // the drawing is the learner's work, whichever dataset is on
      });
    });
  }

  /**
   * Opens an export file (its text or its parsed object). Rejects with an Error whose message
   * says what is wrong, and changes nothing, when the file is malformed or does not fit.
   */
  async importJSON(file, name = 'file') {
    let read;
    try {
      read = readFile(typeof file === 'string' ? file : JSON.stringify(file));
    } catch (err) {
      // an object JSON cannot write (a cycle, a BigInt) is refused out loud like a bad file
      const reason = err instanceof FileProblem ? problemText(err, this.#tr) : err.message;
      this.#say('importRefused', { name, reason }, 'error');
      throw new Error(this.#t('importRefused', { name, reason }));
    }
    this.pause();
    await this.#ready;
    const run = this.#run;
    return run.enqueue(async () => {
      const made = trainerConfig(read.state, { drawn: read.drawn, grid: GRID });
      let snap;
      try {
        // the weights go with the network, so the engine takes both or neither
        const parameters = read.parameters ?? undefined;
        snap = await run.build({ ...made.config, parameters, snapshot: INIT_SNAPSHOT });
      } catch (err) {
        // the worker keeps the network it had; so do we
        this.#say('importRefused', { name, reason: err.message }, 'error');
        throw new Error(this.#t('importRefused', { name, reason: err.message }));
      }
      this.#state = read.state;
      this.#goodState = read.state;
      this.#built = true;
      this.#drawn = read.drawn ?? this.#drawn;
      this.#info = made;
      this.#network++;
      this.#stopCompare(); // B cannot start where a file's run stands
      this.#dropNote();
      if (this.#message?.kind === 'error') this.#say(null);
      if (read.parameters) run.resume({ epoch: read.epoch, step: read.step, history: read.history });
      run.receive(snap);
      this.#challenges.startRun(read.state, { ownWeights: !read.parameters });
      await this.#completeViews(run.generation);
      const how = read.parameters ? 'state.imported' : 'importNoWeights';
      this.#persist();
      this.#syncControls();
      this.#relabel();
      this.#say(how, { name }, how === 'state.imported' ? 'info' : 'warn');
      this.dispatchEvent(new CustomEvent('statechange', { detail: { state: this.#state } }));
      return run.detail;
    });
  }

  // ---- state changes ----

  #change(changes) {
    this.#dropNote(); // the learner has moved on from what the restore could not bring back
    const { state, problems } = withChanges(this.#state, changes);
    this.#refusal.refuse(this, problems);
    this.#refusal.settled(Object.keys(changes).filter((k) => !problems.some((p) => p.setting === k)));
    const changed = KEYS.filter((k) => !sameValue(state[k], this.#state[k]));
    if (changed.length === 0) {
      this.#syncControls(); // puts a refused value back in its control
      return;
    }
    this.#state = state;
    if (!problems.length && this.#message?.key === 'badSetting') this.#say(null);
    this.#persist();
    if (!this.#connected || !this.#ui) return;
    if (changed.includes('lang')) this.#relabel();
    const rebuild = changed.some((k) => !VIEW_ONLY.has(k) && !IN_PLACE.has(k));
    if (rebuild) this.#rebuild();
    else if (changed.some((k) => IN_PLACE.has(k))) {
      if (this.epoch > 0 || this.steps > 0) this.#offScript = this.#network; // the code's settings hold for the whole run
      this.#applySettings();
    }
    this.#syncControls();
    this.#scheduleRender(true);
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state } }));
  }

  #editLayers(how) {
    const { layers, activation } = this.#state;
    if (how === 'add' && layers.length < MAX_LAYERS) {
      const acts = activation.length > 1 ? [...activation, activationOf(this.#state, layers.length - 1)] : activation;
      this.#change({ layers: [...layers, layers.at(-1) ?? 4], activation: acts });
    } else if (how === 'remove' && layers.length > 0) {
      const acts = activation.length > 1 ? activation.slice(0, Math.max(1, layers.length - 1)) : activation;
      this.#change({ layers: layers.slice(0, -1), activation: acts });
    }
  }

  #editNeurons(i, delta) {
    const layers = [...this.#state.layers];
    layers[i] = Math.min(MAX_NEURONS, Math.max(1, layers[i] + delta));
    this.#change({ layers });
  }

  #editActivation(i, name) {
    const acts = this.#state.layers.map((_, j) => activationOf(this.#state, j));
    acts[i] = name;
    this.#change({ activation: acts.every((a) => a === acts[0]) ? [acts[0]] : acts });
  }

  #setSpeed(name) {
    this.#speed = name;
    this.#tokens = 0;
    if (this.#ui) this.#ui.refs.speed.value = name;
  }

  #setHidden(text) {
    const { tokens, problems } = readTokens('hide', text, PANELS);
    this.#refusal.refuse(this, problems);
    if (!problems.length) this.#refusal.settled(['hide']);
    this.#hidden = new Set(tokens);
    if (this.#hidden.has('output')) ['boundary', 'curves'].forEach((p) => this.#hidden.add(p));
    if (this.#hidden.has('network')) this.#hidden.add('diagram');
    this.#ui?.setHidden(this.#hidden);
  }

  // The panels that start open (open="stepper"); taking a token away later closes nothing the
  // learner has opened.
  #setOpen(text) {
    const { tokens, problems } = readTokens('open', text, OPEN_TOKENS);
    this.#refusal.refuse(this, problems);
    if (!problems.length) this.#refusal.settled(['open']);
    if (tokens.includes('stepper')) this.#ui.refs.stepper.open = true;
  }

  // ---- the trainer ----

  #start() {
    this.#run.start().catch((err) => {
      this.#engineError = err;
      this.#say('engineFailed', { reason: err.message }, 'error');
      this.#rejectReady(err);
    });
    this.#say('app.loading', null, 'info');
    this.#loadViews();
    this.#rebuild();
  }

  #rebuild() {
    this.#run.invalidate(); // the play loop's reply in flight belongs to the old network
    this.#leaveScrub();
    clearTimeout(this.#drawTimer); // the new network takes the drawn points as they are now
    this.#drawPending = false;
    return this.#run.enqueue(() => this.#build0());
  }

  // Builds the network of the current state; on failure goes back to the last one that worked.
  async #build0() {
    const state = this.#state;
    const values = this.#drawn?.classes === 0;
    if (state.dataset === 'drawn' && !(this.#drawn?.y.length >= MIN_DRAWN && (values || new Set(this.#drawn.y).size >= 2))) {
      this.#built = false;
      this.pause();
      this.#say(values ? 'tooFewValues' : 'tooFewPoints', { min: MIN_DRAWN }, 'warn');
      this.#resolveReady();
      return;
    }
    const made = trainerConfig(state, { drawn: this.#drawn, grid: GRID });
    let snap;
    try {
      snap = await this.#run.build({ ...made.config, snapshot: INIT_SNAPSHOT });
    } catch (err) {
      if (this.#engineError) {
        // no engine: the settings are not to blame, so they stay and the message says why
        this.#say('engineFailed', { reason: this.#engineError.message }, 'error');
        this.#rejectReady(this.#engineError);
        return;
      }
      this.#say('initFailed', { reason: err.message }, 'error');
      if (this.#goodState && this.#goodState !== state) {
        this.#state = this.#goodState;
        this.#persist();
        this.#syncControls();
      }
      this.#resolveReady();
      return;
    }
    this.#goodState = state;
    this.#built = true;
    this.#info = made;
    this.#network++;
    if (this.#message?.kind === 'error') this.#say(null);
    this.#run.receive(snap);
    this.#challenges.startRun(state);
    await this.#compare?.build(state, this.#drawn).catch((err) => this.#compare?.showProblem([err.message]));
    if (made.notes.includes('lossMismatch')) this.#say('lossMismatch', null, 'warn');
    else if (['lossMismatch', 'app.loading', 'tooFewPoints', 'tooFewValues'].includes(this.#message?.key)) this.#say(null);
    this.#syncControls();
    await this.#completeViews(this.#run.generation);
    this.#resolveReady();
  }

  // The settings the trainer changes in place, as its `set` takes them.
  #trainerSettings(state) {
    return { optimizer: optimizerConfig(state), batch: state.batch, l1: state.l1 };
  }

  #applySettings() {
    this.#challenges.settingsChanged(this.#state);
    this.#compare?.follow(this.#state, (stateB) => this.#trainerSettings(stateB));
    const settings = this.#trainerSettings(this.#state);
    this.#run.enqueue(async () => {
      if (this.#built) await this.#run.set(settings); // else the next network takes them from the state
    }).catch((err) => this.#say('badSetting', { problem: err.message }, 'error'));
  }

  // What the next snapshot holds: the cheap parts always, the heavy ones when due.
  #snapshotOptions(full = false) {
    const wants = (view) => !this.#hidden.has(VIEW_PANEL[view]);
    const due = full || performance.now() - this.#lastFull >= Math.max(120, 6 * this.#fullCost);
    const network = due && wants('network');
    const histograms = due && wants('histograms');
    return {
      metrics: true,
      grid: wants('boundary') || network,
      neurons: network,
      parameters: true, // small; the timeline keeps them (web/lib/timeline.js)
      gradients: network || histograms,
      // the diagnoses read them too, but once a second is often enough for them
      stats: histograms || (!this.#hidden.has('output') && (full || performance.now() - this.#lastStats >= 1000)),
    };
  }

  #runLoop() {
    if (this.#loopRunning) return;
    this.#loopRunning = true;
    this.#lastTick = performance.now();
    this.#tokens = 1;
    const loop = async () => {
      try {
        await this.#ready;
        while (this.#playing) {
          const rate = SPEED_RATE[this.#speed];
          if (rate !== Infinity) {
            const now = performance.now();
            this.#tokens = Math.min(this.#tokens + ((now - this.#lastTick) / 1000) * rate, Math.max(1, rate / 10));
            this.#lastTick = now;
            if (this.#tokens < 1) {
              await new Promise((r) => setTimeout(r, ((1 - this.#tokens) / rate) * 1000));
              continue;
            }
          }
          // "max" never waits: the next slice is asked for as soon as the last one is in (the
          // views draw at the next frame, whatever the worker does meanwhile); but in a tab
          // no one looks at, it waits to be seen again rather than keep a core busy
          if (rate === Infinity && document.hidden) {
            await new Promise((r) => document.addEventListener('visibilitychange', r, { once: true }));
            continue;
          }
          const trained = await this.#run.enqueue(() => this.#slice(rate === Infinity ? undefined : Math.floor(this.#tokens)));
          if (!trained) this.pause();
        }
      } catch (err) {
        this.pause();
        this.#say('initFailed', { reason: err.message }, 'error');
      } finally {
        this.#loopRunning = false;
      }
    };
    loop();
  }

  // One slice of play; false when there is nothing to train (diverged, or no network).
  async #slice(maxEpochs) {
    if (!this.#playing) return true;
    if (this.#run.diverged || !this.#built) return false;
    const before = this.#run.workerEpoch;
    const ms = maxEpochs === undefined ? MAX_SLICE_MS : SLICE_MS;
    const snap = await this.#run.trainFor(ms, { maxEpochs: maxEpochs ?? Infinity, snapshot: this.#sliceOptions() });
    if (snap && SPEED_RATE[this.#speed] !== Infinity) this.#tokens -= snap.epoch - before;
    await this.#compare?.catchUp(this.#run.workerEpoch);
    return true;
  }

  // A training request's snapshot: the light one, the learning curve of its epochs (the
  // worker's `curve`) and the weights of every epoch the timeline keeps among them (`keep`),
  // so that a slice of many epochs still leaves a curve point and a timeline entry for each:
  // a slice is bounded by time only, and "max" runs at full speed from its first request.
  // The grid is left out while the last one waits to be drawn (replies can come faster than
  // frames at speed "max"): the worker does not compute a boundary nobody would see.
  #sliceOptions() {
    const timeline = this.#timelineFor === this.#network ? this.#timeline.schedule : { next: 0, thinned: 0 };
    const options = { ...this.#snapshotOptions(), curve: this.#curveStep(), keep: timeline };
    if (this.#run.fresh.has('grid') && !options.neurons) options.grid = false;
    return options;
  }

  // Epochs between curve points: every epoch early on (where the curves move fastest), and at
  // least CURVE_POINTS points over any run.
  #curveStep() {
    return Math.max(1, Math.floor(this.#run.epoch / CURVE_POINTS));
  }

  // A training point clicked on the boundary plot becomes the stepper's example while the
  // stepper is open.
  #pickExample = (index) => {
    if (this.#ui.refs.stepper.open && !this.#hidden.has('stepper')) this.#views.stepper?.choose(index);
  };

  // The stepper's requests: a look-ahead of training example `index`, or (apply) the step
  // itself, which pauses play first; null when there is no network to trace.
  #trace = (index, apply) => {
    if (apply) {
      this.pause();
      this.#leaveScrub();
    }
    const run = this.#run;
    return run.enqueue(async () => {
      if (!this.#built || run.diverged) return null;
      if (apply) this.#offScript = this.#network;
      return run.trace(index, apply ? { apply: true, snapshot: this.#snapshotOptions(true) } : undefined);
    });
  };

  // A weight edited on the diagram (views/network.js): play pauses (the learner sees what the
  // one change does), the timeline goes back to now, and the worker takes the network's
  // current weights with that one changed (setParameters); every view redraws from its reply.
  #setWeight = (name, index, value) => {
    this.pause();
    this.#leaveScrub();
    const run = this.#run;
    return run.enqueue(async () => {
      if (!this.#built) return;
      const { parameters } = await (await run.start()).snapshot({ ...NOTHING, parameters: true });
      const target = parameters.find((p) => p.name === name);
      if (!target || !(index >= 0 && index < target.data.length)) throw new RangeError(`no weight ${name}[${index}]`);
      target.data = Float32Array.from(target.data);
      target.data[index] = value;
      this.#offScript = this.#network;
      await run.setParameters(parameters, { snapshot: this.#snapshotOptions(true) });
    });
  };

  // A paused network's views want the heavy parts too; fetch them if the last slice had none.
  async #completeViews(generation) {
    const run = this.#run;
    if (generation !== run.generation || !run.snap) return;
    const wanted = this.#snapshotOptions(true);
    const missing = (part) => wanted[part] && !run.latest.has(part); // a slice may leave out the grid (#sliceOptions)
    if (missing('grid') || missing('neurons') || missing('stats')) await run.snapshot(wanted);
  }

  // A snapshot the run took in (merged, history kept): the counter at once, the views at the
  // next frame.
  #received(snap) {
    this.#ui.setEpoch(this.epoch, this.#run.steps); // now, not at the next frame: the counters never lag the property
    this.#keepInTimeline(snap);
    if (snap.neurons || snap.stats) this.#lastFull = performance.now();
    if (snap.stats) this.#lastStats = performance.now();
    if (this.#message?.key === 'app.loading') this.#say(null);
    this.#scheduleRender();
  }

  // ---- drawing ----

  #scheduleRender(all = false) {
    if (all) ['grid', 'neurons', 'stats'].forEach((p) => this.#run.fresh.add(p));
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render() {
    const ui = this.#ui;
    const { fresh } = this.#run;
    const snap = this.#scrubSnap ?? this.#run.snap;
    ui.setEpoch(this.epoch, this.#run.steps);
    ui.setMetrics(this.#scrubSnap ?? this.#run.detail, this.#regression(), this.#tr);
    if (!snap) return;
    const context = this.#context();
    const start = performance.now();
    const full = fresh.has('neurons') || fresh.has('stats');
    const draw = (name, when) => {
      const view = this.#views[name];
      if (!view || this.#hidden.has(VIEW_PANEL[name]) || !when) return;
      try {
        view.update(snap, context);
      } catch (err) {
        console.warn(`layerwise-playground: the ${name} view failed`, err);
      }
    };
    draw('boundary', fresh.has('grid'));
    if (fresh.has('grid')) ui.refs.dock.paint();
    draw('curves', true);
    draw('network', fresh.has('neurons'));
    draw('histograms', fresh.has('stats'));
    // The stepper traces its example again after every change; while playing, with the full
    // snapshots only (a few times a second), and only while it is open.
    draw('stepper', this.#ui.refs.stepper.open && !this.#scrub && (fresh.has('neurons') || !this.#playing));
    if (full) {
      const took = performance.now() - start + (snap.timing?.snapshotMs ?? 0);
      this.#fullCost = 0.7 * this.#fullCost + 0.3 * took;
    }
    fresh.clear();
    this.#compare?.render(this.#state, context);
    if (!this.#scrub && this.#built && !this.#hidden.has('challenges')) this.#challenges.update(this.#state, { ...this.#run.detail, epoch: this.epoch }, this.#state.lang);
    this.#renderDiagnoses(snap, context);
    this.#renderCode();
  }

  // ---- the first visit's tour (tour.js), for an element with the `tour` attribute ----

  #tour = null;

  #setUpTour() {
    const { refs, slots, root } = this.#ui;
    const panel = (name) => () => root.querySelector(`[data-panel="${name}"]`);
    const steps = [
      { key: 'tour.play', target: () => refs.play.parentElement },
      { key: 'tour.data', target: panel('data') },
      { key: 'tour.network', target: panel('network') },
      { key: 'tour.output', target: () => slots.boundary },
      { key: 'tour.settings', target: panel('settings') },
    ];
    this.#tour = new Tour({
      // the parts the element hides are left out of the tour
      steps: () => steps.filter((s) => s.target() && !s.target().closest('[hidden]')),
      t: this.#tr, host: root, after: refs.message, fallback: refs.tour,
      onActive: (on) => refs.dock.suppress(on),
    });
    refs.tour.hidden = false;
    this.#tour.offer(); // now, before the first paint: an offer appearing later would move what is under the pointer
  }

  // ---- challenges ----

  // A course author's challenge (the `challenge` attribute): followed at once; a text the
  // panel cannot read is said, and the built-in ones stay.
  #setChallenge(text) {
    if (!this.#challenges) return;
    try {
      this.#challenges.setCustom(text);
    } catch (err) {
      if (!(err instanceof ChallengeProblem)) throw err;
      this.#challenges.setCustom(null);
      this.#refusal.refuse(this, [new SettingProblem('challenge', text, 'setting.challenge', { problem: err.message })]);
    }
  }

  // ---- A/B runs ----

  // Run B starts as a copy of A (same data, seed and settings); both start again at epoch 0.
  async #startCompare() {
    if (this.#compare || !this.#ui) return;
    this.pause();
    this.#leaveScrub();
    this.#compare = new Comparison(this.#ui.slots.compare, {
      t: this.#tr, grid: GRID, onChange: (changes) => this.#changeB(changes), onStop: () => this.#stopCompare(),
    });
    this.#compare.run.addEventListener('snapshot', () => this.#scheduleRender()); // B's numbers and curves
    this.#ui.refs.compare.setAttribute('aria-pressed', 'true');
    this.#compare.relabel(this.#tr);
    await this.reset();
  }

  // B's one setting: checked against A's state, then both runs start again from epoch 0.
  #changeB(changes) {
    const problems = this.#compare.check(this.#state, changes);
    this.#compare.showProblem(problems);
    if (problems.length) return;
    this.#compare.setChange(changes);
    this.reset().catch(() => {});
  }

  #stopCompare() {
    if (!this.#compare) return;
    this.#compare.dispose();
    this.#compare = null;
    this.#ui.refs.compare.setAttribute('aria-pressed', 'false');
    this.#scheduleRender(true);
  }

  // ---- the timeline ----

  // Keeps the weights of a snapshot when its epoch is due; a new network starts a new timeline
  // (but "continue from here" carries the old one over: #resumeHere sets #timelineFor).
  #keepInTimeline(snap) {
    const run = this.#run;
    if (this.#timelineFor !== this.#network) {
      this.#timelineFor = this.#network;
      this.#timeline.clear();
      this.#scrub = null;
      this.#scrubSnap = null;
    }
    if (!snap.diverged) {
      for (const { epoch, parameters } of snap.kept ?? []) if (this.#timeline.due(epoch)) this.#timeline.keep(epoch, parameters);
      if (snap.parameters && this.#timeline.due(this.epoch)) this.#timeline.keep(this.epoch, snap.parameters);
    }
    this.#showTimeline();
  }

  #showTimeline() {
    const { entries } = this.#timeline;
    const index = this.#scrub ? entries.indexOf(this.#scrub) : entries.length;
    this.#ui.setTimeline({ count: entries.length, index, epoch: this.#scrub?.epoch ?? this.epoch, live: !this.#scrub }, this.#tr);
  }

  // Shows kept entry i (the last stop, i = the number of entries, is now): the worker works out
  // what every view showed with its weights, and the views draw that until the learner leaves.
  #scrubTo(i) {
    const entry = this.#timeline.entries[i];
    if (!entry) {
      this.#leaveScrub();
      return;
    }
    this.pause();
    this.#scrub = entry;
    this.#showTimeline();
    const run = this.#run;
    run.enqueue(async () => {
      if (this.#scrub !== entry) return;
      const view = await run.view(entry.parameters, { snapshot: this.#snapshotOptions(true) });
      if (!view || this.#scrub !== entry) return;
      this.#scrubSnap = { ...run.snap, ...view, type: 'snapshot', epoch: entry.epoch, diverged: false };
      this.#scheduleRender(true);
    }).catch((err) => this.#say('trainingFailed', { reason: err.message }, 'error'));
  }

  #leaveScrub() {
    if (!this.#scrub) return;
    this.#scrub = null;
    this.#scrubSnap = null;
    this.#showTimeline();
    this.#scheduleRender(true);
  }

  // "Continue from here": the network built again with the kept weights, the epochs counted on
  // from the kept one and the curves cut there; the timeline forgets the later entries.
  async #resumeHere() {
    const entry = this.#scrub;
    if (!entry) return;
    this.pause();
    await this.#ready;
    const run = this.#run;
    return run.enqueue(async () => {
      // a change queued before this job built another network: these weights are not its
      if (this.#scrub !== entry || this.#timelineFor !== this.#network || !this.#built) return null;
      const made = trainerConfig(this.#state, { drawn: this.#drawn, grid: GRID });
      const rows = run.rows.filter((r) => r.epoch <= entry.epoch);
      const snap = await run.build({ ...made.config, parameters: entry.parameters, snapshot: INIT_SNAPSHOT });
      this.#info = made;
      this.#built = true;
      run.resume({ epoch: entry.epoch, history: rows });
      this.#timeline.truncate(entry.epoch);
      this.#offScript = this.#network; // the optimiser starts afresh at the kept epoch
      this.#stopCompare(); // B cannot start from A's kept epoch
      this.#scrub = null;
      this.#scrubSnap = null;
      run.receive(snap);
      this.#challenges.settingsChanged(this.#state); // the same run, continued: its standing stays
      await this.#completeViews(run.generation);
      return run.detail;
    });
  }

  // The notes of diagnose.js, redrawn when what they say changes (at most once a second while
  // playing, so the numbers in them do not flicker); a new network forgets the dismissed ones.
  #renderDiagnoses(snap, context) {
    const run = this.#run;
    if (this.#diagnosesFor !== this.#network) {
      this.#diagnosesFor = this.#network;
      this.#dismissed.clear();
    }
    const found = snap.diverged || this.#hidden.has('output') ? [] : diagnose({
      spec: context.spec, stats: snap.stats ?? null, history: run.history, classification: context.classes > 0,
    });
    const lang = this.#state.lang;
    const notes = found.filter((f) => !this.#dismissed.has(f.id)).map(({ id, params }) => {
      const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? formatNumber(v, k === 'ratio' ? 2 : 3) : v]));
      if (shown.activation) shown.activation = this.#t(`activation.${shown.activation}`);
      const [lesson, section] = LESSON_OF[id];
      return {
        id,
        text: [`diag.${id}`, shown],
        fix: DIAGNOSIS_FIX[id],
        link: LESSON_PAGE && { href: `${LESSON_PAGE}?id=${lesson}&lang=${lang}#${section}`, where: this.#t(`diag.where.${id}`) },
      };
    });
    const ids = notes.map((n) => n.id).join();
    const key = `${lang}|${JSON.stringify(notes)}`;
    const now = performance.now();
    if (key === this.#diagnosesKey || (this.#playing && ids === this.#diagnosesIds && now - this.#diagnosesAt < 1000)) return;
    this.#diagnosesKey = key;
    this.#diagnosesIds = ids;
    this.#diagnosesAt = now;
    this.#ui.setDiagnoses(notes, this.#tr);
  }

  #context() {
    const info = this.#info ?? trainerConfig(this.#state, { drawn: this.#drawn });
    return {
      state: this.#state,
      spec: info.config.spec,
      timeline: this.#scrub ? { epoch: this.#scrub.epoch } : null, // the kept epoch shown, if any
      compare: this.#compare && { history: this.#compare.run.history }, // run B's curves, drawn beside A's
      network: this.#network, // counts the networks built: a new one is new even at epoch 0
      classes: info.classes,
      output: info.output,
      loss: info.loss,
      data: this.#run.data,
      history: this.#run.history,
      t: this.#tr,
      lang: this.#state.lang,
      // the diagram's input tiles switch features too, where the chips are shown
      featureToggles: !this.#hidden.has('features') && !this.#hidden.has('data'),
    };
  }

  async #loadViews() {
    await Promise.all(Object.entries(VIEWS).map(async ([name, [load, className]]) => {
      if (this.#views[name]) return;
      try {
        const module = await load();
        this.#views[name] = new module[className](this.#ui.slots[name], {
          t: this.#tr, trace: this.#trace, pick: this.#pickExample,
          // the diagram's interactions (views/network.js): a weight edited, a neuron shown large
          // on the boundary plot, a feature switched from its input tile
          setWeight: this.#setWeight, inspect: (map) => this.#views.boundary?.showNeuron(map), features: (features) => this.#change({ features }),
        });
      } catch (err) {
        console.warn(`layerwise-playground: no ${name} view (${err.message})`);
      }
    }));
    this.#relabel();
    this.#scheduleRender(true);
  }

  // ---- text ----

  // i18n.js holds every string (the i18n test fails on a missing one).
  #t(key, params) {
    return translate(this.#state.lang, key, params);
  }

  #tr = (key, params) => this.#t(key, params); // #t as a function to hand out

  // The restore's note goes, from the screen too when it is what the message shows.
  #dropNote() {
    const shown = this.#note && this.#message?.key === this.#note.key;
    this.#note = null;
    if (shown) this.#say(null);
  }

  #say(key, params = null, kind = 'info') {
    if (this.#note && (!key || ['app.loading', 'tooFewPoints', 'tooFewValues'].includes(key))) ({ key, params, kind } = this.#note);
    this.#message = key ? { key, params, kind } : null;
    this.#ui?.setMessage(this.#message, this.#tr);
  }

  #relabel() {
    if (!this.#ui) return;
    this.#ui.root.lang = this.#state.lang;
    relabel(this.#ui.root, this.#tr);
    this.#refusal.relabel(this.#tr);
    this.#compare?.relabel(this.#tr);
    this.#challenges?.relabel(this.#tr);
    this.#ui.setMessage(this.#message, this.#tr);
    this.#codeText = null;
    this.#scheduleRender(true);
  }

  // A regression problem: a generated one (plane, sine) or drawn values.
  #regression() {
    return this.#state.dataset === 'drawn' ? this.#drawn?.classes === 0 : isRegression(this.#state);
  }

  #syncControls() {
    if (!this.#ui) return;
    const info = this.#info && this.#goodState === this.#state ? this.#info : trainerConfig(this.#state, { drawn: this.#drawn });
    this.#ui.sync(this.#state, {
      t: this.#tr,
      loss: info.loss,
      output: info.output,
      classes: info.classes,
      regression: info.classes === 0,
      drawn: this.#drawn,
    });
    this.#ui.refs.speed.value = this.#speed;
    this.#ui.setHidden(this.#hidden);
  }

  // ---- code panel ----

  #codeText = null;
  #codeKey = '';
  #codeEpochs = DEFAULT_EPOCHS;
  #codeWeights = 'initial'; // the PyTorch code carries the initial weights (epoch 0) or the trained ones
  #codeRunShown = null; // the data and weights the code shown was made with
  #offScript = -1; // the network whose run took a turn the code cannot replay (a setting changed while training, single batches, an edited weight, continued from a kept epoch)

  // The run's own numbers for the PyTorch code (codegen.js): the data as the worker made them,
  // and the weights the learner chose: those of epoch 0 (the timeline's first entry, or the
  // network now if it has not trained) or those now. Without them the code draws its own.
  #codeRun() {
    const data = this.#built ? this.#run.data : null;
    const now = this.#run.snap?.parameters ?? null;
    if (!data || !now) return {};
    if (this.#codeWeights === 'trained') return { data, parameters: now, weights: 'trained', epoch: this.epoch };
    const first = this.#timelineFor === this.#network ? this.#timeline.entries[0] : null;
    const initial = this.epoch === 0 && this.steps === 0 ? now : first?.epoch === 0 ? first.parameters : null;
    const replays = this.#offScript !== this.#network || (this.epoch === 0 && this.steps === 0);
    return initial ? { data, parameters: initial, weights: 'initial', replays } : {};
  }

  // The code of this run: as many epochs as trained so far (the default before training). While
  // playing the text stays as it was, so the panel neither flickers nor costs a frame.
  #renderCode() {
    if (this.#hidden.has('code')) return;
    if (!this.#playing) this.#codeEpochs = this.epoch || DEFAULT_EPOCHS;
    // while playing, the weights shown stay those of the text shown
    const run = this.#codeTab !== 'pytorch' ? null : this.#playing && this.#codeRunShown ? this.#codeRunShown : this.#codeRun();
    this.#codeRunShown = run;
    const key = `${toHash(this.#state)}|${this.#codeTab}|${this.#codeEpochs}|${this.#codeWeights}|${this.#network}|${idOf(run?.parameters)}|${run?.replays}`;
    if (key === this.#codeKey && this.#codeText !== null) return;
    this.#codeKey = key;
    const options = { lang: this.#state.lang, drawn: this.#drawn, epochs: this.#codeEpochs, ...run };
    try {
      this.#codeText = this.#codeTab === 'pytorch' ? pytorchCode(this.#state, options) : layerwiseCode(this.#state, options);
    } catch (err) {
      this.#codeText = `// ${err.message}`;
    }
    this.#ui.setCode(this.#codeText, this.#codeTab, this.#codeWeights);
  }

  #downloadCode() {
    const python = this.#codeTab === 'pytorch';
    download(this.shadowRoot, this.#codeText ?? '', python ? 'layerwise_playground.py' : 'layerwise-playground.mjs',
      python ? 'text/x-python' : 'text/javascript');
  }

  async #copyCode() {
    const button = this.#ui.refs.copy;
    const label = button.querySelector('.btn-text');
    try {
      await navigator.clipboard.writeText(this.#codeText ?? '');
      label.textContent = this.#t('code.copied');
    } catch {
      this.#say('copyFailed', null, 'warn');
    }
    setTimeout(() => (label.textContent = this.#t('code.copy')), 1500);
  }

  // ---- files, URL hash, autosave ----

  async #download() {
    const file = await this.exportJSON();
    download(this.shadowRoot, JSON.stringify(file), `layerwise-${this.#state.dataset}-epoch${this.epoch}.json`);
  }

  #downloadCSV() {
    download(this.shadowRoot, this.exportCSV(), 'layerwise-points.csv', 'text/csv');
  }

  async #openCSV(file) {
    if (file.size > CSV_MAX_BYTES) {
      this.#ui.refs.pad.report({ kind: 'error', key: 'csv.tooBig', params: { name: file.name, size: CSV_MAX_BYTES / 1024 / 1024 }, problems: [] });
      return;
    }
    try {
      this.importCSV(await file.text(), file.name);
    } catch {
      // the report is under the pad already
    }
  }

  async #openFile(file) {
    try {
      await this.importJSON(await file.text(), file.name);
    } catch {
      // the message is on screen already
    }
  }

  // A hash edited by hand: keys it leaves out go back to their defaults; a bad value keeps the
  // current one (and says why).
  #readHash() {
    const named = new Set(hashPairs(location.hash).map(([key]) => key));
    const base = Object.fromEntries(KEYS.map((k) => [k, named.has(k) ? this.#state[k] : DEFAULTS[k]]));
    const { state, problems } = fromHash(location.hash, base);
    const changes = {};
    for (const k of KEYS) if (!sameValue(state[k], this.#state[k])) changes[k] = state[k];
    this.#change(changes);
    this.#refusal.refuse(this, problems);
  }

  #persist() {
    if (!this.#connected) return;
    if (this.hasAttribute('url-state')) {
      const hash = toHash(this.#state);
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    }
    // saving held back (see lib/files.js) is what the note of the restore says already
    if (!this.#autosave.write(savedOf(this.#state, this.#drawn)) && !this.#autosave.held) this.#say('storageFailed', null, 'warn');
  }
}

const NOTHING = { metrics: false, grid: false, neurons: false, parameters: false, gradients: false, stats: false };
// A number per object (the weights a code text was made with), for the code panel's cache key.
const objectIds = new WeakMap();
let lastObjectId = 0;
const idOf = (o) => (o ? objectIds.get(o) ?? (objectIds.set(o, ++lastObjectId), lastObjectId) : 0);
// An init's own snapshot (and the defaults of later ones): the cheap parts; the views' heavy
// parts come in a snapshot of their own once the network is up.
const INIT_SNAPSHOT = { ...NOTHING, metrics: true, grid: true };

if (!customElements.get('layerwise-playground')) customElements.define('layerwise-playground', LayerwisePlayground);
