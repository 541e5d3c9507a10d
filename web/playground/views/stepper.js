// The backprop stepper: one training example followed through the network, a phase at a time,
// with every number on the diagram and the formula of the phase beside it.
//
//   phases    the example (its features) → forward, one layer at a time (each neuron's
//             weighted sum z and activation a) → the loss (and ∂L/∂output) → backward, from the
//             last layer to the first (each neuron's δ = ∂L/∂z, each weight's ∂L/∂w on the
//             edges) → the optimiser's update (each weight before and after, with the state
//             terms of momentum, Adam or RMSprop). "Apply this step" then makes the update.
//   numbers   all from the engine (the worker's trace request, Model.traceStep): the view
//             computes none of them, it only lays them out. The formula box works the
//             current neuron's numbers through the phase's formula, so a learner can check one.
//   size      up to MAX_NEURONS neurons (inputs included) the diagram shows every neuron;
//             larger networks get a table of per-layer summaries instead.
//   example   previous / next / random, or a training point clicked on the boundary plot
//             (the playground passes it to choose())
//   input     buttons for everything (mouse, touch, keyboard); the diagram is one tab stop
//             whose arrow keys move the current neuron; Page Up/Down or [ ] change the phase.
//
// The view asks for traces through the `trace(index, apply)` function its owner gives it (the
// playground's, which queues it with the run's other requests); update(snapshot, context)
// re-traces the chosen example when the network has changed since.
import { el, svg } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { NEGATIVE, POSITIVE } from '../../lib/palette.js';
import { activationLabel, translator } from './common.js';
import { FEATURE_SYMBOLS } from './strings.js';

export const MAX_NEURONS = 40;
const ACTIVATIONS = new Set(['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity', 'softmax']);
const MAX_BOX_W = 70;
const MIN_BOX_W = 60;
const BOX_H = 46;
const ROW = 54;
const MAX_TERMS = 6; // terms of a sum written out in the formula box; the rest as "+ …"
const STATE_SYMBOL = {
  momentum_buffer: 'buf', exp_avg: 'm', exp_avg_sq: 'v', max_exp_avg_sq: 'v_max', square_avg: 'v', grad_avg: 'ḡ',
};

const fmt = (v) => formatNumber(v, 3);
const paren = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));

// f'(z) from z and a = f(z), for the activations a hidden layer can have.
function slope(type, z, a, negativeSlope = 0.01) {
  switch (type) {
    case 'tanh': return 1 - a * a;
    case 'sigmoid': return a * (1 - a);
    case 'relu': return z > 0 ? 1 : 0;
    case 'leaky_relu': return z > 0 ? 1 : negativeSlope;
    default: return 1;
  }
}

const SLOPE_TEXT = {
  tanh: "f′(z) = 1 − a²", sigmoid: "f′(z) = a(1 − a)", relu: "f′(z) = 1 if z > 0, else 0",
  leaky_relu: "f′(z) = 1 if z > 0, else {slope}", identity: "f′(z) = 1",
};

/**
 * The network as the stepper draws it, from the spec and a trace: columns of neurons, the input
 * first; for each linear layer, the spec indices of its output z and of its activation a.
 */
export function columnsOf(spec, features) {
  const cols = [{ kind: 'input', n: spec.input.reduce((a, b) => a * b, 1), names: features }];
  spec.layers.forEach((layer, i) => {
    if (layer.type === 'linear') cols.push({ kind: 'layer', n: layer.out, linear: i, act: null, actType: 'identity', param: `${i}.` });
    else if (ACTIVATIONS.has(layer.type) && cols.length > 1 && cols.at(-1).act === null) {
      Object.assign(cols.at(-1), { act: i, actType: layer.type, slope: layer.slope });
    }
  });
  cols.at(-1).kind = 'output';
  return cols;
}

/** The phases of a network of m linear layers: input, m forward, loss, m backward, update. */
export function phasesOf(m) {
  const list = [{ kind: 'input' }];
  for (let k = 1; k <= m; k++) list.push({ kind: 'forward', k });
  list.push({ kind: 'loss' });
  for (let k = m; k >= 1; k--) list.push({ kind: 'backward', k });
  list.push({ kind: 'update' });
  return list;
}

export class StepperView {
  constructor(container, { t, trace } = {}) {
    this.t = translator(t);
    this.traceFn = trace;
    this.root = el('div', { class: 'lw-view lw-stepper' }, container);
    const bar = el('div', { class: 'lw-step-bar' }, this.root);
    this.prevExample = this.#button(bar, 'step.prevExample', '‹', () => this.pick(this.index - 1));
    this.exampleText = el('span', { class: 'lw-step-example', 'aria-live': 'polite' }, bar);
    this.nextExample = this.#button(bar, 'step.nextExample', '›', () => this.pick(this.index + 1));
    this.randomExample = this.#button(bar, 'step.randomExample', null, () => this.pick(Math.floor(Math.random() * this.count)));
    this.phaseList = el('ol', { class: 'lw-step-phases' }, this.root);
    const nav = el('div', { class: 'lw-step-nav' }, this.root);
    this.back = this.#button(nav, 'step.back', null, () => this.go(this.phase - 1));
    this.next = this.#button(nav, 'step.next', null, () => this.go(this.phase + 1));
    this.apply = this.#button(nav, 'step.apply', null, () => this.applyStep());
    this.apply.classList.add('lw-step-apply');
    this.status = el('span', { class: 'lw-step-status lw-muted', role: 'status', 'aria-live': 'polite' }, nav);
    this.stage = el('div', { class: 'lw-scroll lw-step-stage' }, this.root);
    this.diagram = svg('svg', { class: 'lw-step-diagram lw-focusable', tabindex: '0', role: 'group' }, this.stage);
    this.table = el('table', { class: 'lw-step-table', hidden: '' }, this.root);
    this.formula = el('div', { class: 'lw-step-formula', 'aria-live': 'polite' }, this.root);
    this.empty = el('div', { class: 'lw-empty' }, this.root);

    this.index = 0;
    this.count = 0;
    this.phase = 0;
    this.focus = null; // {c, j}: the current neuron
    this.trace = null; // the worker's trace reply shown
    this.context = null;
    this.key = ''; // the network and data the trace belongs to
    this.version = -1; // snapshot step/epoch the trace was taken at
    this.pending = null;
    this.diagram.addEventListener('keydown', (e) => this.#key(e));
    this.diagram.addEventListener('click', (e) => {
      const node = e.target.closest?.('[data-c]');
      if (node) this.#setFocus(Number(node.dataset.c), Number(node.dataset.j));
    });
    this.#render();
  }

  #button(parent, key, glyph, onclick) {
    const b = el('button', { type: 'button', class: 'lw-step-button' }, parent);
    b.dataset.key = key;
    b.dataset.glyph = glyph ?? '';
    b.addEventListener('click', onclick);
    return b;
  }

  /** Called with every snapshot the owner draws: re-traces when the network changed. */
  update(snapshot, context) {
    this.context = context;
    const count = context.data?.train?.y?.length ?? 0;
    const key = `${context.network}|${JSON.stringify(context.spec)}|${count}`;
    // a new trace after training, and after settings changed in place (the update would differ)
    const st = context.state ?? {};
    const version = [snapshot.step, snapshot.epoch, st.optimizer, st.lr, st.momentum, st.nesterov, st.beta1, st.beta2,
      st.alpha, st.l1, st.l2, st.loss].join('|');
    if (key !== this.key) {
      this.key = key;
      this.version = -1;
      this.count = count;
      this.index = Math.min(this.index, Math.max(0, count - 1));
      this.trace = null;
      this.phase = 0;
      this.focus = null;
    }
    if (version !== this.version && count > 0 && !snapshot.diverged) {
      this.version = version;
      this.#load(this.index);
    }
    this.#render();
  }

  /** Training example i, chosen elsewhere (a point clicked on the boundary plot). */
  choose(i) {
    if (this.count) this.pick(i);
    else this.index = i; // traced once the network's data are known
  }

  /** Chooses training example i (wrapping around) and traces it. */
  pick(i) {
    if (!this.count) return;
    this.index = ((i % this.count) + this.count) % this.count;
    return this.#load(this.index);
  }

  /** Moves to phase p (clamped). */
  go(p) {
    if (!this.trace) return;
    this.phase = Math.max(0, Math.min(this.phases.length - 1, p));
    const ph = this.phases[this.phase];
    const c = ph.kind === 'forward' || ph.kind === 'backward' ? ph.k : ph.kind === 'input' ? 0 : this.cols.length - 1;
    if (!this.focus || this.focus.c !== c) this.focus = { c, j: 0 };
    this.#render();
  }

  /** Makes the traced update (the optimiser's step on this example) and shows the next one. */
  async applyStep() {
    if (!this.trace || !this.traceFn) return;
    this.#say('step.applying');
    const reply = await this.traceFn(this.index, true);
    if (!reply) return;
    this.#say('step.applied', { n: reply.step });
    this.keepStatus = true; // through the re-trace the step itself brings, so it can be read
  }

  async #load(index) {
    if (!this.traceFn) return;
    const ticket = {};
    this.pending = ticket;
    try {
      const reply = await this.traceFn(index, false);
      if (this.pending !== ticket || !reply) return;
      this.trace = reply;
      this.index = reply.index;
      if (!this.keepStatus) this.status.textContent = '';
      this.keepStatus = false;
    } catch (err) {
      if (this.pending !== ticket) return;
      this.trace = null;
      this.status.textContent = err.message;
    }
    this.#render();
  }

  #say(key, params) {
    this.status.textContent = this.t(key, params);
  }

  // The columns and phases of the current network, worked out once per network.
  get cols() {
    const { spec, state } = this.context;
    if (this.colsFor !== spec) {
      this.colsFor = spec;
      this.colsMemo = columnsOf(spec, state?.features ?? []);
      this.phasesMemo = phasesOf(this.colsMemo.length - 1);
    }
    return this.colsMemo;
  }

  get phases() {
    return this.cols && this.phasesMemo;
  }

  // ---- the numbers of a neuron ----

  #values(c, j) {
    const { trace } = this;
    const col = this.cols[c];
    if (col.kind === 'input') return { a: trace.input[j] };
    const z = trace.layers[col.linear].output[j];
    const a = col.act === null ? z : trace.layers[col.act].output[j];
    const delta = trace.layers[col.linear].gradOutput[j];
    return { z, a, delta };
  }

  #param(c, which) {
    return this.trace.params.find((p) => p.name === `${this.cols[c].linear}.${which}`);
  }

  // ---- drawing ----

  #render() {
    const t = this.t;
    for (const b of this.root.querySelectorAll('.lw-step-button')) {
      const label = t(b.dataset.key);
      b.textContent = b.dataset.glyph || label;
      b.setAttribute('aria-label', label);
      b.title = label;
    }
    const ready = Boolean(this.trace && this.context?.spec);
    this.empty.hidden = ready;
    this.empty.textContent = t('step.empty');
    for (const node of [this.phaseList, this.stage, this.formula]) node.hidden = !ready;
    for (const b of [this.prevExample, this.nextExample, this.randomExample]) b.disabled = !this.count;
    this.back.disabled = !ready || this.phase === 0;
    this.next.disabled = !ready || this.phase >= (ready ? this.phases.length - 1 : 0);
    this.apply.disabled = !ready;
    this.apply.hidden = !ready || this.phases[this.phase].kind !== 'update';
    if (!ready) {
      this.exampleText.textContent = '';
      this.table.hidden = true;
      return;
    }
    this.exampleText.textContent = this.#exampleText();
    this.#renderPhases();
    const cols = this.cols;
    const total = cols.reduce((s, c) => s + c.n, 0);
    const small = total <= MAX_NEURONS;
    this.stage.hidden = !small;
    this.table.hidden = small;
    if (small) this.#renderDiagram(cols);
    else this.#renderTable(cols);
    this.#renderFormula(cols);
  }

  #exampleText() {
    const { trace, context } = this;
    const [x1, x2] = trace.point;
    const y = trace.target;
    const target = context.classes > 0
      ? this.t('step.targetClass', { k: y.length > 1 ? y.indexOf(1) : y[0] })
      : this.t('step.targetValue', { v: fmt(y[0]) });
    return this.t('step.example', { i: trace.index + 1, n: this.count, x1: fmt(x1), x2: fmt(x2), target });
  }

  #phaseName(ph) {
    const cols = this.cols;
    if (ph.kind === 'forward' || ph.kind === 'backward') {
      const which = cols[ph.k].kind === 'output' ? this.t('step.outputLayer') : this.t('step.hiddenLayer', { n: ph.k });
      return this.t(`step.phase.${ph.kind}`, { layer: which });
    }
    return this.t(`step.phase.${ph.kind}`);
  }

  #renderPhases() {
    const phases = this.phases;
    const items = phases.map((ph, p) => {
      const li = el('li', {});
      const b = el('button', { type: 'button', class: 'lw-step-phase', text: this.#phaseName(ph) }, li);
      b.dataset.kind = ph.kind;
      if (p === this.phase) b.setAttribute('aria-current', 'step');
      b.addEventListener('click', () => this.go(p));
      return li;
    });
    this.phaseList.replaceChildren(...items);
  }

  // What phase p has revealed of column c: z and a (forward), δ (backward), the update.
  #shown(c) {
    const ph = this.phases[this.phase];
    const m = this.cols.length - 1;
    const forwardDone = ph.kind === 'forward' ? ph.k : ph.kind === 'input' ? 0 : m;
    const backwardFrom = ph.kind === 'backward' ? ph.k : ph.kind === 'update' ? 1 : m + 1;
    return { forward: c <= forwardDone, backward: c >= backwardFrom && c > 0, update: ph.kind === 'update' };
  }

  #renderDiagram(cols) {
    const t = this.t;
    // Boxes narrow down to MIN_BOX_W so that a phone fits a small network without scrolling.
    const avail = this.stage.clientWidth || 600;
    const BOX_W = Math.max(MIN_BOX_W, Math.min(MAX_BOX_W, (avail - 14 * (cols.length - 1)) / cols.length));
    const width = Math.max(avail, cols.length * (BOX_W + 14));
    const rows = Math.max(...cols.map((c) => c.n));
    const height = rows * ROW + 28;
    const gap = (width - BOX_W - 4) / Math.max(1, cols.length - 1); // 2 px for the focus frame each side
    const place = (c, j) => ({
      x: 2 + c * gap,
      y: 24 + (rows - cols[c].n) * ROW / 2 + j * ROW,
    });
    const d = this.diagram;
    d.replaceChildren();
    d.setAttribute('width', width);
    d.setAttribute('height', height);
    d.setAttribute('viewBox', `0 0 ${width} ${height}`);
    d.setAttribute('aria-label', t('step.label'));
    const ph = this.phases[this.phase];
    const focus = this.focus ?? { c: 0, j: 0 };

    // Edges, into each layer column: coloured by the weight (forward), its gradient (once the
    // backward pass has reached the layer) or its new value (update).
    const edges = svg('g', { class: 'lw-step-edges' }, d);
    const labels = svg('g', { class: 'lw-step-edge-labels' }, d);
    for (let c = 1; c < cols.length; c++) {
      const w = this.#param(c, 'weight');
      const shown = this.#shown(c);
      const values = shown.update ? w.updated : shown.backward ? w.grad : w.value;
      let scale = 0;
      for (const v of values) scale = Math.max(scale, Math.abs(v));
      const nIn = cols[c - 1].n;
      for (let j = 0; j < cols[c].n; j++) {
        for (let i = 0; i < nIn; i++) {
          const v = values[j * nIn + i];
          const a = place(c - 1, i);
          const b = place(c, j);
          const line = svg('line', {
            x1: a.x + BOX_W, y1: a.y + BOX_H / 2, x2: b.x, y2: b.y + BOX_H / 2,
            stroke: v < 0 ? NEGATIVE : POSITIVE,
            'stroke-width': (0.5 + 3 * (scale > 0 ? Math.abs(v) / scale : 0)).toFixed(2),
            class: focus.c === c && focus.j === j ? 'lw-step-edge lw-on' : 'lw-step-edge',
          }, edges);
          line.dataset.edge = `${c}:${j}:${i}`;
          if (focus.c === c && focus.j === j && nIn <= 12) {
            const text = shown.update ? `${fmt(w.value[j * nIn + i])}→${fmt(w.updated[j * nIn + i])}` : fmt(v);
            const at = 0.3;
            const label = svg('text', {
              x: (a.x + BOX_W) * (1 - at) + b.x * at, y: (a.y + BOX_H / 2) * (1 - at) + (b.y + BOX_H / 2) * at - 3,
              class: 'lw-step-edge-label', 'text-anchor': 'middle', text,
            }, labels);
            label.dataset.edge = `${c}:${j}:${i}`;
            label.dataset.kind = shown.update ? 'update' : shown.backward ? 'grad' : 'weight';
          }
        }
      }
    }

    // Neurons: a box with up to three lines (z, a, δ), or the feature and its value.
    const nodes = svg('g', { class: 'lw-step-nodes' }, d);
    cols.forEach((col, c) => {
      const head = c === 0 ? t('step.inputs') : col.kind === 'output' ? t('step.outputLayer') : t('step.hiddenLayer', { n: c });
      svg('text', { x: place(c, 0).x + BOX_W / 2, y: 12, class: 'lw-step-head', 'text-anchor': 'middle', text: head }, nodes);
      const shown = this.#shown(c);
      for (let j = 0; j < col.n; j++) {
        const { x, y } = place(c, j);
        const g = svg('g', { class: focus.c === c && focus.j === j ? 'lw-step-node lw-on' : 'lw-step-node' }, nodes);
        g.dataset.c = c;
        g.dataset.j = j;
        svg('rect', { x, y, width: BOX_W, height: BOX_H, rx: 6 }, g);
        const v = this.#values(c, j);
        const lines = [];
        if (c === 0) {
          const name = col.names[j];
          lines.push(['name', FEATURE_SYMBOLS[name] ?? name], ['x', fmt(v.a)]);
        } else {
          lines.push(['z', shown.forward ? fmt(v.z) : '…']);
          if (col.act !== null) lines.push(['a', shown.forward ? fmt(v.a) : '…']);
          lines.push(['delta', shown.backward ? fmt(v.delta) : '']);
        }
        lines.forEach(([kind, text], r) => {
          const symbol = { z: 'z ', a: 'a ', delta: 'δ ', name: '', x: '' }[kind];
          const node = svg('text', { x: x + 6, y: y + 14 + r * 13, class: `lw-step-value lw-step-${kind}`, text: text ? `${symbol}${text}` : '' }, g);
          node.dataset.value = kind;
        });
      }
    });
  }

  // Per-layer summaries when the network is too large to draw neuron by neuron.
  #renderTable(cols) {
    const t = this.t;
    const rms = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / Math.max(1, v.length));
    const head = el('tr', {});
    for (const key of ['step.table.layer', 'step.table.z', 'step.table.a', 'step.table.delta', 'step.table.grad', 'step.table.change']) el('th', { text: t(key) }, head);
    const rows = [head];
    for (let c = 1; c < cols.length; c++) {
      const col = cols[c];
      const shown = this.#shown(c);
      const z = this.trace.layers[col.linear].output;
      const a = col.act === null ? z : this.trace.layers[col.act].output;
      const w = this.#param(c, 'weight');
      const change = w.updated.map((v, i) => v - w.value[i]);
      const row = el('tr', {});
      el('th', { text: col.kind === 'output' ? t('step.outputLayer') : t('step.hiddenLayer', { n: c }) }, row);
      for (const text of [
        shown.forward ? fmt(rms(z)) : '…', shown.forward ? fmt(rms(a)) : '…',
        shown.backward ? fmt(rms(this.trace.layers[col.linear].gradOutput)) : '…',
        shown.backward ? fmt(rms(w.grad)) : '…', shown.update ? fmt(rms(change)) : '…',
      ]) el('td', { text }, row);
      rows.push(row);
    }
    this.table.replaceChildren(...rows);
    this.table.setAttribute('aria-label', t('step.tableLabel'));
  }

  // The formula of the phase, then the current neuron's numbers worked through it.
  #renderFormula(cols) {
    const t = this.t;
    const ph = this.phases[this.phase];
    const focus = this.focus ?? { c: ph.kind === 'input' ? 0 : cols.length - 1, j: 0 };
    const lines = [];
    const add = (text, cls = '') => lines.push(el('div', { class: `lw-step-line ${cls}`, text }));
    add(this.#phaseName(ph), 'lw-step-title');
    const { c, j } = focus;
    const col = cols[c];
    const small = cols.reduce((s, x) => s + x.n, 0) <= MAX_NEURONS;
    if (ph.kind === 'input') {
      add(t('step.formula.input'));
      const names = cols[0].names.map((n) => FEATURE_SYMBOLS[n] ?? n);
      add(names.map((n, i) => `${n} = ${fmt(this.trace.input[i])}`).join(',  '), 'lw-step-worked');
      if (this.context.state?.standardize) add(t('step.standardized'), 'lw-muted');
    } else if (ph.kind === 'forward') {
      add(t('step.formula.forward'));
      add(t(`step.formula.activation.${cols[ph.k].act === null ? 'none' : 'some'}`, {
        activation: activationLabel(t, cols[ph.k].actType),
      }));
      if (small && c === ph.k) this.#workForward(add, c, j);
    } else if (ph.kind === 'loss') {
      this.#workLoss(add);
    } else if (ph.kind === 'backward') {
      add(t(col.kind === 'output' && c === ph.k ? 'step.formula.backwardOutput' : 'step.formula.backward'));
      add(t('step.formula.gradient'));
      if (small && c === ph.k) this.#workBackward(add, c, j);
    } else {
      this.#workUpdate(add, small && c > 0 ? focus : { c: cols.length - 1, j: 0 });
    }
    if (small && ph.kind !== 'loss') add(t('step.hint'), 'lw-muted');
    this.formula.replaceChildren(...lines);
  }

  #inputs(c) {
    const prev = this.cols[c - 1];
    return Array.from({ length: prev.n }, (_, i) => this.#values(c - 1, i).a);
  }

  #workForward(add, c, j) {
    const col = this.cols[c];
    const w = this.#param(c, 'weight').value;
    const b = this.#param(c, 'bias').value[j];
    const a = this.#inputs(c);
    const terms = a.slice(0, MAX_TERMS).map((ai, i) => `${paren(w[j * a.length + i])}·${paren(ai)}`);
    if (a.length > MAX_TERMS) terms.push('…');
    const v = this.#values(c, j);
    add(`z${sub(j + 1)} = ${terms.join(' + ')} + ${paren(b)} = ${fmt(v.z)}`, 'lw-step-worked');
    if (col.act !== null) add(`a${sub(j + 1)} = ${activationLabel(this.t, col.actType)}(${fmt(v.z)}) = ${fmt(v.a)}`, 'lw-step-worked');
  }

  #workLoss(add) {
    const t = this.t;
    const { trace, context } = this;
    const cols = this.cols;
    const out = cols.at(-1);
    const z = trace.layers[out.linear].output;
    const y = trace.target;
    const loss = context.loss;
    add(t(`step.formula.loss.${loss}`));
    if (loss === 'bce_with_logits') {
      const p = 1 / (1 + Math.exp(-z[0]));
      add(`p = σ(${fmt(z[0])}) = ${fmt(p)},  y = ${fmt(y[0])}`, 'lw-step-worked');
    } else if (loss === 'cross_entropy') {
      add(`y = ${y[0]},  z = (${Array.from(z, fmt).join(', ')})`, 'lw-step-worked');
    } else {
      const a = out.act === null ? z : trace.layers[out.act].output;
      add(`ŷ = (${Array.from(a, fmt).join(', ')}),  y = (${Array.from(y, fmt).join(', ')})`, 'lw-step-worked');
    }
    add(`L = ${fmt(trace.loss)}${trace.penalty ? `  (+ L1 ${fmt(trace.penalty)})` : ''}`, 'lw-step-worked lw-step-loss');
    add(t('step.formula.outputDelta'));
    const delta = trace.layers[out.linear].gradOutput;
    add(`δ = ∂L/∂z = (${Array.from(delta, fmt).join(', ')})`, 'lw-step-worked');
  }

  #workBackward(add, c, j) {
    const cols = this.cols;
    const col = cols[c];
    const v = this.#values(c, j);
    if (col.kind !== 'output') {
      const next = this.#param(c + 1, 'weight').value;
      const nextCol = cols[c + 1];
      const terms = [];
      for (let k = 0; k < Math.min(nextCol.n, MAX_TERMS); k++) {
        terms.push(`${paren(next[k * col.n + j])}·${paren(this.#values(c + 1, k).delta)}`);
      }
      if (nextCol.n > MAX_TERMS) terms.push('…');
      const f = slope(col.actType, v.z, v.a, col.slope ?? 0.01);
      add(this.t('step.formula.slope', { rule: SLOPE_TEXT[col.actType]?.replace('{slope}', String(col.slope ?? 0.01)) ?? '' }));
      add(`δ${sub(j + 1)} = ${fmt(f)}·(${terms.join(' + ')}) = ${fmt(v.delta)}`, 'lw-step-worked');
    } else {
      add(`δ${sub(j + 1)} = ${fmt(v.delta)}`, 'lw-step-worked');
    }
    const a = this.#inputs(c);
    const g = this.#param(c, 'weight').grad;
    const parts = a.slice(0, MAX_TERMS).map((ai, i) => `∂L/∂w${sub(j + 1)}${sub(i + 1)} = ${fmt(v.delta)}·${paren(ai)} = ${fmt(g[j * a.length + i])}`);
    for (const p of parts) add(p, 'lw-step-worked');
    if (a.length > MAX_TERMS) add('…', 'lw-step-worked');
    add(`∂L/∂b${sub(j + 1)} = δ${sub(j + 1)} = ${fmt(this.#param(c, 'bias').grad[j])}`, 'lw-step-worked');
  }

  #workUpdate(add, { c, j }) {
    const t = this.t;
    const { settings } = this.trace;
    const name = settings.optimizer.name;
    const o = settings.optimizer.options;
    const w = this.#param(c, 'weight');
    const nIn = this.cols[c - 1].n;
    const key = name === 'sgd' ? (o.momentum > 0 ? (o.nesterov ? 'sgdNesterov' : 'sgdMomentum') : 'sgd') : name;
    add(t(`step.formula.update.${key}`, {
      lr: fmt(o.lr), momentum: fmt(o.momentum), beta1: fmt(o.betas?.[0]), beta2: fmt(o.betas?.[1]),
      alpha: fmt(o.alpha), eps: fmt(o.eps),
    }));
    if (o.weightDecay > 0) add(t(name === 'adamw' ? 'step.formula.decayDecoupled' : 'step.formula.decay', { wd: fmt(o.weightDecay) }));
    if (settings.l1 > 0) add(t('step.formula.l1', { l1: fmt(settings.l1) }));
    add(t('step.formula.stepNumber', { t: this.trace.step }), 'lw-muted');
    for (let i = 0; i < Math.min(nIn, MAX_TERMS); i++) {
      const at = j * nIn + i;
      const state = Object.entries(w.state).map(([s, data]) => `${STATE_SYMBOL[s] ?? s} = ${fmt(data[at])}`);
      const change = key === 'sgd' && !(o.weightDecay > 0) && !(settings.l1 > 0)
        ? `${fmt(w.value[at])} − ${fmt(o.lr)}·${paren(w.grad[at])} = ${fmt(w.updated[at])}`
        : `${fmt(w.value[at])} → ${fmt(w.updated[at])}`;
      add(`w${sub(j + 1)}${sub(i + 1)}: g = ${fmt(w.grad[at])}${state.length ? `, ${state.join(', ')}` : ''};  ${change}`, 'lw-step-worked');
    }
    if (nIn > MAX_TERMS) add('…', 'lw-step-worked');
    const b = this.#param(c, 'bias');
    add(`b${sub(j + 1)}: g = ${fmt(b.grad[j])};  ${fmt(b.value[j])} → ${fmt(b.updated[j])}`, 'lw-step-worked');
  }

  // ---- keyboard ----

  #setFocus(c, j) {
    const cols = this.cols;
    c = Math.max(0, Math.min(cols.length - 1, c));
    j = Math.max(0, Math.min(cols[c].n - 1, j));
    this.focus = { c, j };
    this.#render();
  }

  #key(e) {
    if (!this.trace) return;
    const f = this.focus ?? { c: 0, j: 0 };
    const moves = {
      ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0],
    };
    if (moves[e.key]) {
      const [dc, dj] = moves[e.key];
      this.#setFocus(f.c + dc, dc ? 0 : f.j + dj);
    } else if (e.key === 'PageDown' || e.key === ']') this.go(this.phase + 1);
    else if (e.key === 'PageUp' || e.key === '[') this.go(this.phase - 1);
    else return;
    e.preventDefault();
  }

  destroy() {
    this.pending = null;
    this.root.remove();
  }
}

function sub(n) {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
}
