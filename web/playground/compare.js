// A/B runs: run B is the playground's run A with one setting changed, on the same data and
// seed, trained epoch for epoch beside it. This file owns B: its state (A's, with the change),
// its TrainingRun (a second worker), its panel (the change, the list of differences, B's
// metrics and decision boundary). The element drives it: build() when A is built, catchUp()
// after A trains, render() with A's frames; A's curves view draws B's history beside A's.
import { h, relabel, setText } from '../lib/dom.js';
import { formatNumber } from '../lib/format.js';
import { TrainingRun } from '../lib/run.js';
import { BoundaryView } from './views/boundary.js';
import { trainerConfig } from './config.js';
import { FIELDS, withChanges } from './state.js';

/** The settings B may change (the model and its training; the data and seed stay A's). */
export const COMPARABLE = Object.freeze({
  lr: 'training.lr', optimizer: 'optimizer.title', batch: 'training.batch', momentum: 'training.momentum',
  beta1: 'training.beta1', beta2: 'training.beta2', alpha: 'training.alpha', l1: 'training.l1', l2: 'training.l2',
  weightDecay: 'training.weightDecay',
  dropout: 'network.dropout', activation: 'network.activation', layers: 'network.hiddenLayers', init: 'init.title',
  initStd: 'init.std', loss: 'loss.title', features: 'features.title', standardize: 'features.standardize',
});

// What B's snapshots carry: the metrics (after every epoch too, so that B's curve has A's
// points when A trains many epochs a request) and the boundary grid, nothing heavier.
const B_SNAPSHOT = Object.freeze({ metrics: true, grid: true, neurons: false, parameters: false, gradients: false, stats: false, curve: true });
const text = (v) => (Array.isArray(v) ? v.join(',') : typeof v === 'number' ? formatNumber(v, 4) : String(v));

/** The settings where b differs from a: [{key, a, b}] (values as text), in the state's order. */
export function differences(a, b) {
  return Object.keys(FIELDS).filter((k) => text(a[k]) !== text(b[k])).map((key) => ({ key, a: text(a[key]), b: text(b[key]) }));
}

export class Comparison {
  #run;
  #change = {}; // {key: value} applied to A's state, at most one key
  #disposed = false;
  #grid;
  #t;

  /**
   * host: the element where B's panel goes; options.grid: the boundary grid A uses;
   * options.onChange(changes): called when the learner picks B's setting (the element then
   * builds both runs again); options.createTrainer: for tests.
   */
  constructor(host, { t, grid, onChange, onStop, createTrainer }) {
    this.#t = t;
    this.#grid = grid;
    this.#run = new TrainingRun(createTrainer ? { createTrainer } : {});
    this.stateB = null;
    this.problem = null;
    const keys = Object.keys(COMPARABLE);
    this.key = h('select', { class: 'ab-key', 't-label': 'ab.setting' },
      keys.map((k) => h('option', { value: k, t: COMPARABLE[k] })));
    this.value = h('input', { type: 'text', class: 'ab-value', 't-label': 'ab.value', spellcheck: 'false', autocomplete: 'off' });
    const apply = () => onChange({ [this.key.value]: this.value.value.trim() });
    this.value.addEventListener('keydown', (e) => e.key === 'Enter' && apply());
    this.diffs = h('ul', { class: 'ab-diffs', 't-label': 'ab.differences' });
    this.metrics = h('p', { class: 'ab-metrics', 'aria-live': 'polite' });
    this.problemNode = h('p', { class: 'ab-problem', role: 'alert', hidden: true });
    this.slot = h('div', { class: 'slot ab-boundary' });
    this.root = h('section', { class: 'panel ab', 'data-panel': 'compare' },
      h('div', { class: 'ab-head' },
        h('h2', { t: 'ab.title' }),
        h('button', { type: 'button', class: 'btn small ab-stop', t: 'ab.stop', onclick: () => onStop() })),
      h('p', { class: 'ab-intro', t: 'ab.intro' }),
      h('div', { class: 'ab-form' }, this.key, this.value,
        h('button', { type: 'button', class: 'btn small ab-apply', t: 'ab.apply', onclick: apply })),
      this.problemNode,
      h('div', { class: 'ab-body' },
        h('div', { class: 'ab-side' }, h('h3', { t: 'ab.differences' }), this.diffs, this.metrics),
        this.slot));
    host.append(this.root);
    this.view = new BoundaryView(this.slot, { t });
    this.key.addEventListener('change', () => this.#fillValue());
  }

  get run() {
    return this.#run;
  }

  /** The change B makes to A ({key: value}, or {} for none). */
  get change() {
    return { ...this.#change };
  }

  /** The change the next build() makes ({key: value}); checked first with check(). */
  setChange(changes) {
    this.#change = { ...changes };
  }

  /** Checks a change ({key: text}); returns the problems' messages (nothing changes on one). */
  check(stateA, changes) {
    const problems = [];
    for (const key of Object.keys(changes)) if (!Object.hasOwn(COMPARABLE, key)) problems.push(`${key}: ${this.#t('ab.notComparable')}`);
    if (problems.length) return problems;
    return withChanges(stateA, changes).problems.map((p) => p.message);
  }

  /** Builds B from A's state with B's change (replacing what it had); its first snapshot. */
  async build(stateA, drawn, changes = this.#change) {
    this.#change = { ...changes };
    this.stateB = withChanges(stateA, this.#change).state;
    const { config } = trainerConfig(this.stateB, { drawn, grid: this.#grid });
    const run = this.#run;
    await run.enqueue(async () => run.receive(await run.build({ ...config, snapshot: B_SNAPSHOT })));
  }

  /**
   * Trains B until it has trained as many epochs as A since their builds (in slices, so that
   * it stays responsive). Never rejects: B's trouble is said in B's panel, and A trains on.
   */
  async catchUp(epoch) {
    const run = this.#run;
    await this.#quietly(async () => {
      while (!this.#disposed && run.workerEpoch < epoch && !run.diverged) {
        const before = run.workerEpoch;
        const snap = await run.enqueue(() => run.trainFor(24, { maxEpochs: epoch - run.workerEpoch, snapshot: B_SNAPSHOT }));
        if (!snap || run.workerEpoch === before) break;
      }
    });
  }

  /** B's batches, when A steps by batches; never rejects, as catchUp. */
  stepBatch(n) {
    const run = this.#run;
    return this.#quietly(() => run.enqueue(() => run.step(n, { snapshot: B_SNAPSHOT })));
  }

  // Runs B's job unless the comparison is over; B's trouble goes to B's panel, never to A.
  async #quietly(job) {
    if (this.#disposed) return;
    try {
      await job();
    } catch (err) {
      if (!this.#disposed) this.showProblem([err.message]);
    }
  }

  /**
   * A's settings changed in place (the weights stay): B takes the same change, keeping its own
   * setting, at the same point of training. `settingsOf(state)` gives what the trainer's set takes.
   */
  follow(stateA, settingsOf) {
    if (this.#disposed || !this.stateB) return;
    this.stateB = withChanges(stateA, this.#change).state;
    const run = this.#run;
    run.enqueue(() => run.set(settingsOf(this.stateB))).catch((err) => this.showProblem([err.message]));
  }

  /** Draws B: its differences from A, its metrics, its boundary (context: A's, with B's state). */
  render(stateA, context) {
    const t = this.#t;
    if (!this.stateB) return;
    const diffs = differences(stateA, this.stateB).filter((d) => d.key !== 'lang');
    this.diffs.replaceChildren(...(diffs.length ? diffs.map((d) => h('li', { 'data-key': d.key },
      h('span', { class: 'ab-diff-name', t: COMPARABLE[d.key] ?? d.key }), `: A ${d.a} → B ${d.b}`)) : [h('li', { t: 'ab.same' })]));
    relabel(this.diffs, t);
    const d = this.#run.detail;
    setText(this.metrics, 'ab.metrics', {
      epoch: this.#run.epoch, train: formatNumber(d.trainLoss), test: formatNumber(d.testLoss),
      accuracy: d.testAccuracy === null ? '–' : `${(100 * d.testAccuracy).toFixed(1)}%`,
    }, t);
    if (this.#run.snap) this.view.update(this.#run.snap, { ...context, state: this.stateB });
    if (this.key.value && !this.value.value) this.#fillValue();
  }

  showProblem(messages) {
    this.problemNode.hidden = !messages.length;
    this.problemNode.textContent = messages.join('; ');
  }

  relabel(t) {
    this.#t = t;
    relabel(this.root, t);
  }

  // The value box starts at B's current value of the chosen setting.
  #fillValue() {
    if (this.stateB) this.value.value = text(this.stateB[this.key.value]);
  }

  dispose() {
    this.#disposed = true;
    this.view.destroy?.();
    this.#run.detach();
    this.root.remove();
  }
}
