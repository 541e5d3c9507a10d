// The network diagram: one column per layer, each neuron a small heatmap of its output over the
// input plane, and the weights between them as lines.
//
//   input column    the features (context.state.features): each one's value over the grid,
//                   computed here, standardised as the model sees it when the data are
//   hidden columns  for each linear layer of the spec, the output of the activation after it
//                   (snapshot.neurons has one entry per spec layer; dropout is skipped)
//   output column   the model's output: a probability, σ(logit), a class's share of the
//                   softmax, or the regression value, coloured like the boundary view
//
// Colours: orange negative … pale 0 … blue positive, at full strength (no points go over
// these small tiles, unlike the boundary's tinted map). tanh outputs are drawn on [−1, 1],
// sigmoid on [0, 1] (pale at 0.5), ReLU and linear outputs relative to the largest |output| in
// their layer. A ReLU neuron that is 0 over the whole plane is dead (it passes no gradient, so
// it cannot recover): it is greyed and struck through.
//
// Edges: weight W[i, j] of layer k ("<k>.weight", shape [out, in]) joins input j to neuron i;
// orange when negative, blue when positive, thicker and more opaque when larger. Between two
// layers wider than 16 × 16 only the 256 largest |w| are drawn (4,096 lines are a solid block);
// a neuron being read shows all of its own. Hover or tap
// an edge or a neuron to read its weight or bias with its gradient (snapshot.gradients); a
// finger or a pen reads with its first tap, and only a second tap on the same edge or input
// tile edits the weight or switches the feature. The
// diagram is one tab stop: arrow keys move between neurons; Enter steps through the weights
// coming into the current neuron (up/down), Escape steps back.
//
// Interactions the element wires in (constructor options; each optional):
//   setWeight(name, index, value) → Promise   clicking an edge (or Enter on a weight reached
//                   by the keys) opens a small editor; Enter or its Set button sets
//                   "<k>.weight"[index] to the number typed (checked here: a number,
//                   |w| ≤ MAX_WEIGHT), Escape or Cancel cancels; a
//                   rejected promise's message is shown in the editor. Not while the timeline
//                   shows a past epoch (context.timeline): its weights are not the network's.
//   inspect(map | null)   the neuron being read (hover, tap or focus; not the output column):
//                   {c, j, caption, size, extent, values (size² cells, row 0 at the top),
//                   center, scale}, coloured as center ± scale; null when none is.
//   features(list)   with context.featureToggles, the input column shows every feature, the
//                   ones switched off washed out and without edges; clicking a tile (or Enter
//                   on it) asks for the new list; the last feature on stays on.
//
// Drawing: the neuron images go into one ImageData "atlas" (a pixel per grid cell, or per
// 2nd or 3rd cell when tiles are small), put once and then scaled onto the canvas; edges are batched by sign and thickness (16 strokes
// whatever the width); the SVG overlay (labels, frames, focus) is rebuilt only when the
// network's shape changes. Layers wider than 16 neurons fold into a compact grid; when the
// neurons would be smaller than 14 px the diagram scrolls sideways.
import {
  CLASS_COLORS, DIVERGING_STRONG, NEGATIVE, NEUTRAL, NEUTRAL_RGB, POSITIVE, hexToRGB, packTable, sigmoid,
} from '../../lib/palette.js';
import { el, svg } from '../../lib/dom.js';
import { fitCanvas, pixelRatio, watchSize } from '../../lib/canvas.js';
import { formatNumber } from '../../lib/format.js';
import {
  Readout, activationLabel, targetScale, themeOf, translator,
} from './common.js';
import { FEATURE_SYMBOLS } from './strings.js';

const ALL_FEATURES = Object.keys(FEATURE_SYMBOLS); // the data panel's order
/** The largest |weight| the editor takes: beyond it every tanh or sigmoid is saturated. */
export const MAX_WEIGHT = 100;
const CLASS_RGB = CLASS_COLORS.map(hexToRGB);
const featureSymbol = (name) => FEATURE_SYMBOLS[name] ?? name;
const TILE_COLORS = packTable(DIVERGING_STRONG);
const ACTIVATIONS = new Set(['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity', 'softmax']);
const FOLD = 16; // neurons per sub-column of a wide layer
const MAX_EDGES = 256; // lines drawn between two layers (16 × 16); wider pairs show their largest
const MIN_TILE = 14;
const MAX_TILE = 44;
const MAX_HEIGHT = 440; // CSS px the tiles may take before they shrink
const HEADER = 34; // two lines of column header; a third (dead units) when a layer is ReLU
const LABELS = 44; // room for the input names
const HIT = 5; // px from an edge that still counts as on it

export class NetworkView {
  constructor(container, { t, setWeight, inspect, features } = {}) {
    this.t = translator(t);
    this.setWeight = setWeight;
    this.inspect = inspect;
    this.setFeatures = features;
    this.editor = null; // the weight editor while open: {box, input, note, c, i, from, keys}
    this.inspected = null; // what inspect() was last given: 'c:j' or null
    this.root = el('div', { class: 'lw-view lw-network' }, container);
    this.scroller = el('div', { class: 'lw-scroll' }, this.root);
    this.stage = el('div', { class: 'lw-rel lw-pan-xy' }, this.scroller);
    this.canvas = el('canvas', { class: 'lw-pin' }, this.stage);
    this.overlay = svg('svg', { class: 'lw-pin' }, this.stage);
    this.legend = el('div', { class: 'lw-legend' }, this.root);
    this.empty = el('div', { class: 'lw-empty', text: this.t('net.empty') }, this.root);
    this.readout = new Readout(this.root);

    this.width = 0;
    this.shapeKey = '';
    this.layoutKey = '';
    this.columns = null; // [{kind, n, layer, linear, activation, name, tiles: [{x, y}]}]
    this.last = {}; // the snapshot parts last seen: grid, neurons, parameters, gradients
    this.context = null;
    this.atlas = document.createElement('canvas');
    this.image = null;
    this.inputKey = '';
    this.dead = []; // per column, per neuron: dead?
    this.deadKey = '';
    this.active = null; // {kind: 'neuron', c, j} | {kind: 'edge', c, j, i} (c: target column)
    this.focus = { c: 0, j: 0, edge: -1 };
    this.activeSource = null;
    this.range = [];

    this.stopWatch = watchSize(this.root, (w) => {
      this.width = w;
      this.layoutKey = '';
      this.#render();
    });
    this.#listen();
  }

  update(snapshot, context) {
    if (context?.t) this.t = translator(context.t);
    // an editor opened on another network (a reset, new data, a new seed) would write its
    // weight into this one
    if (context?.network !== this.context?.network) this.#closeEditor();
    this.context = context;
    for (const part of ['grid', 'neurons', 'parameters', 'gradients']) {
      if (snapshot?.[part]) this.last[part] = snapshot[part];
    }
    this.#render();
  }

  destroy() {
    this.stopWatch();
    this.root.remove();
  }

  // ---- structure: which spec layer each column shows ----

  #structure() {
    const { neurons, parameters } = this.last;
    // the features the data were made with (the state's may have changed since the init)
    const d = this.context?.data?.features;
    const names = Array.isArray(d) ? d : Array.isArray(this.context?.state?.features) ? this.context.state.features : [];
    const cols = [];
    const types = neurons ? neurons.map((n) => n.type) : null;
    const widths = neurons ? neurons.map((n) => n.width) : null;
    const inputs = names.length || (parameters?.[0]?.shape?.[1] ?? 0);
    // every feature, the ones off washed out, when the learner may switch them here
    const all = this.setFeatures && this.context?.featureToggles && names.length > 0 && names.every((n) => ALL_FEATURES.includes(n));
    const tiles = all ? ALL_FEATURES : names;
    cols.push({
      kind: 'input', n: tiles.length || inputs, names: tiles, layer: -1, linear: -1, activation: '',
      units: inputs, // the model's inputs; tile j is input unitOf[j] (−1: off), input k is tile tileOf[k]
      unitOf: all ? tiles.map((n) => names.indexOf(n)) : null,
      tileOf: all ? names.map((n) => tiles.indexOf(n)) : null,
    });
    if (types) {
      for (let k = 0; k < types.length; k++) {
        if (types[k] !== 'linear') continue;
        let show = k;
        if (k + 1 < types.length && ACTIVATIONS.has(types[k + 1])) show = k + 1;
        cols.push({ kind: 'hidden', n: widths[k], units: widths[k], layer: show, linear: k, activation: show === k ? 'linear' : types[show] });
      }
    } else if (parameters) {
      for (const p of parameters) {
        const m = /^(\d+)\.weight$/.exec(p.name);
        if (m && p.shape.length === 2) cols.push({ kind: 'hidden', n: p.shape[0], units: p.shape[0], layer: -1, linear: Number(m[1]), activation: '' });
      }
    }
    if (cols.length > 1) cols[cols.length - 1].kind = 'output';
    return cols;
  }

  // ---- layout: tile size, positions; rebuilt when the shape or the width changes ----

  #layout(cols) {
    const avail = Math.max(200, this.width);
    const C = cols.length;
    for (const col of cols) {
      col.sub = col.n > FOLD ? Math.ceil(col.n / FOLD) : 1;
      col.rows = Math.max(1, Math.ceil(col.n / col.sub));
    }
    const maxRows = Math.max(...cols.map((c) => c.rows));
    const measure = (s) => {
      const gap = Math.max(3, Math.round(s * 0.22));
      const subGap = Math.max(2, Math.round(s * 0.12));
      const edge = Math.max(22, Math.round(s * 1.5));
      let w = LABELS;
      for (const col of cols) w += col.sub * s + (col.sub - 1) * subGap;
      w += (C - 1) * edge + 4;
      return { s, gap, subGap, edge, w, h: maxRows * (s + gap) - gap };
    };
    let m = measure(MIN_TILE);
    for (let s = MAX_TILE; s >= MIN_TILE; s--) {
      const t = measure(s);
      if (t.w <= avail && (t.h <= MAX_HEIGHT || s === MIN_TILE)) {
        m = t;
        break;
      }
    }
    // Spread the columns over the width when the tiles have hit their maximum size.
    const spare = Math.max(0, avail - m.w);
    if (spare > 0 && C > 1) m.edge += Math.min(spare / (C - 1), m.s * 2.5);
    const width = Math.max(avail, LABELS + cols.reduce((a, c) => a + c.sub * m.s + (c.sub - 1) * m.subGap, 0) + (C - 1) * m.edge + 4);
    let x = LABELS;
    const top = HEADER + (cols.some((c) => c.activation === 'relu') ? 14 : 0) + 4;
    for (const col of cols) {
      col.x = x;
      col.w = col.sub * m.s + (col.sub - 1) * m.subGap;
      const blockH = col.rows * (m.s + m.gap) - m.gap;
      const y0 = top + (m.h - blockH) / 2;
      col.tiles = [];
      for (let j = 0; j < col.n; j++) {
        const sc = Math.floor(j / col.rows);
        const r = j % col.rows;
        col.tiles.push({ x: x + sc * (m.s + m.subGap), y: y0 + r * (m.s + m.gap) });
      }
      x += col.w + m.edge;
    }
    this.geom = { ...m, width: Math.round(width), height: Math.round(top + m.h + 6) };
  }

  // ---- rendering ----

  #render() {
    const c = this.context;
    if (!c || !this.width) return;
    const cols = this.#structure();
    const ok = cols.length > 1 && cols[0].n > 0;
    this.empty.hidden = ok;
    this.scroller.hidden = !ok;
    this.legend.hidden = !ok;
    if (!ok) {
      this.empty.textContent = this.t('net.empty');
      return;
    }
    const shapeKey = cols.map((col) => `${col.kind}:${col.n}:${col.activation}:${col.layer}`).join('|') + `|${cols[0].names.join(',')}|${cols[0].unitOf ?? ''}`;
    const layoutKey = `${shapeKey}|${this.width}|${c.lang}|${c.output}|${c.classes}`;
    if (layoutKey !== this.layoutKey) {
      this.layoutKey = layoutKey;
      // the keyboard's place is kept over a change of shape where it still exists (a feature
      // switched on or off by Enter keeps its tile)
      const focused = this.overlay.contains(this.root.getRootNode().activeElement);
      if (shapeKey !== this.shapeKey) {
        this.shapeKey = shapeKey;
        this.active = null;
        this.#closeEditor();
        const { c, j } = this.focus;
        if (!(cols[c]?.kind === this.columns?.[c]?.kind && j < cols[c].n)) this.focus = { c: 0, j: 0, edge: -1 };
        this.focus.edge = -1;
        this.readout.hide();
      }
      this.columns = cols;
      this.#layout(cols);
      this.#buildOverlay();
      this.refocus = focused;
      this.#buildLegend();
      this.deadKey = '';
    }
    const { width, height } = this.geom;
    this.stage.style.width = `${width}px`;
    this.stage.style.height = `${height}px`;
    const ctx = fitCanvas(this.canvas, width, height);
    this.theme ??= themeOf(this.root);
    ctx.clearRect(0, 0, width, height);
    this.#paintAtlas();
    this.#drawEdges(ctx);
    this.#drawTiles(ctx);
    this.#markDead();
    this.#drawActive();
    if (this.refocus) {
      this.refocus = false;
      this.#moveFocus(this.focus.c, this.focus.j, -1);
    }
    if (this.active) this.#read();
    this.#inspect(true);
  }

  // The atlas: tile q (in column order over the network) at (q % A, ⌊q / A⌋) × res pixels,
  // res = the grid's size, or a half or a third of it when the tiles are drawn smaller than
  // that on screen (every stride-th cell: the 8 × 64 network paints 9 times fewer pixels).
  #paintAtlas() {
    const { grid, neurons } = this.last;
    const cols = this.columns;
    const size = grid?.size ?? (neurons?.[0] ? Math.round(Math.sqrt(neurons[0].data.length / neurons[0].width)) : 0);
    this.tileSize = size || 0;
    if (!size) return;
    const screen = this.geom.s * pixelRatio();
    const stride = Math.max(1, Math.floor(size / Math.max(1, screen)));
    const res = Math.ceil(size / stride);
    let total = 0;
    for (const col of cols) {
      col.first = total;
      total += col.n;
    }
    const A = Math.ceil(Math.sqrt(total));
    const W = A * res;
    const H = Math.ceil(total / A) * res;
    if (this.atlas.width !== W || this.atlas.height !== H || this.stride !== stride) {
      this.atlas.width = W;
      this.atlas.height = H;
      this.image = null;
    }
    if (!this.image) {
      this.image = this.atlas.getContext('2d').createImageData(W, H);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.inputKey = '';
    }
    this.atlasCols = A;
    this.stride = stride;
    this.res = res;
    this.scratch = this.scratch?.length === size * size ? this.scratch : new Float32Array(size * size);
    this.range = cols.map(() => []);
    this.dead = cols.map((col) => new Array(col.n).fill(false));
    this.#paintInputs(cols[0], size);
    for (let ci = 1; ci < cols.length; ci++) {
      const col = cols[ci];
      const layer = neurons?.[col.layer];
      if (!layer || layer.width !== col.n) continue;
      this.#paintColumn(ci, col, layer, size);
    }
    this.atlas.getContext('2d').putImageData(this.image, 0, 0);
  }

  // Tile q of the atlas ← the colours of (values[start + cell] − center) / scale.
  #tile(q, values, start, center, scale) {
    const size = this.tileSize;
    const { res, stride, atlasCols: A, pixels } = this;
    const W = A * res;
    const base = Math.floor(q / A) * res * W + (q % A) * res;
    const k = 128 / (scale > 0 ? scale : 1);
    for (let r = 0; r < res; r++) {
      const row = start + r * stride * size;
      const o = base + r * W;
      for (let c = 0; c < res; c++) {
        const v = values[row + c * stride];
        let j = v === v ? Math.round((v - center) * k) + 128 : 128;
        j = j < 0 ? 0 : j > 256 ? 256 : j;
        pixels[o + c] = TILE_COLORS[j];
      }
    }
  }

  // The features over the grid (as the model sees them), painted once per data and grid.
  #paintInputs(col, size) {
    const grid = this.last.grid;
    const extent = grid?.extent ?? [-6, 6];
    const st = this.context.data?.standardization;
    const key = `${col.names.join(',')}|${col.unitOf}|${size}|${extent}|${st ? [...st.mean, ...st.std].join(',') : ''}|${this.image.width}|${this.stride}`;
    if (key === this.inputKey) {
      this.range[0] = this.inputRanges;
      return;
    }
    this.inputKey = key;
    this.inputRanges = this.range[0];
    const vals = this.scratch;
    for (let j = 0; j < col.n; j++) {
      const [min, max] = this.#featureValues(col, j, size, vals);
      this.range[0][j] = [min, max];
      this.#tile(col.first + j, vals, 0, 0, Math.max(Math.abs(min), Math.abs(max)) || 1);
    }
  }

  // Input tile j's feature at the grid's cells into out (size²), standardised as the model
  // sees it (a feature switched off: as it is); returns [min, max].
  #featureValues(col, j, size, out) {
    const [lo, hi] = this.last.grid?.extent ?? [-6, 6];
    const step = (hi - lo) / size;
    const name = col.names[j];
    const unit = col.unitOf ? col.unitOf[j] : j;
    const st = unit >= 0 ? this.context.data?.standardization : null;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < size; r++) {
      const x2 = hi - (r + 0.5) * step;
      for (let c = 0; c < size; c++) {
        const x1 = lo + (c + 0.5) * step;
        let v = feature(name, x1, x2);
        if (st) v = (v - st.mean[unit]) / (st.std[unit] || 1);
        out[r * size + c] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return [min, max];
  }

  #paintColumn(ci, col, layer, size) {
    const cells = size * size;
    const data = layer.data;
    const kind = col.kind === 'output' ? this.context.output : null;
    // tanh on [−1, 1], sigmoid on [0, 1]; unbounded outputs (ReLU, linear) relative to their
    // own largest |value|, so every neuron's pattern shows (the read-out gives the range)
    const fixed = kind === 'value' || col.activation === 'tanh' || col.activation === 'sigmoid';
    const center = col.activation === 'sigmoid' && kind !== 'value' ? 0.5 : 0;
    const fixedScale = kind === 'value' ? targetScale(this.context.data) : center ? 0.5 : 1;
    for (let j = 0; j < col.n; j++) {
      const start = j * cells;
      let min = Infinity;
      let max = -Infinity;
      for (let i = start; i < start + cells; i++) {
        const v = data[i];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      this.range[ci][j] = [min, max];
      this.dead[ci][j] = col.activation === 'relu' && max <= 0;
      const q = col.first + j;
      if (kind === 'logit') {
        const s = this.scratch;
        for (let i = 0; i < cells; i++) s[i] = sigmoid(data[start + i]);
        this.#tile(q, s, 0, 0.5, 0.5);
      } else if (kind === 'logits' && col.n > 1) {
        this.#classTile(q, data, j, col.n, cells);
      } else {
        this.#tile(q, data, start, center, fixed ? fixedScale : Math.max(Math.abs(min), Math.abs(max)) || 1);
      }
    }
  }

  // Output j of a softmax head: P(class j) from pale (0) to the class's colour (1).
  #classTile(q, data, j, C, cells) {
    const size = this.tileSize;
    const { res, stride, atlasCols: A } = this;
    const W = A * res;
    const base = Math.floor(q / A) * res * W + (q % A) * res;
    const rgba = this.image.data;
    const tint = CLASS_RGB[j % CLASS_RGB.length];
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) {
        const i = r * stride * size + c * stride;
        let max = -Infinity;
        for (let k = 0; k < C; k++) max = Math.max(max, data[k * cells + i]);
        let sum = 0;
        for (let k = 0; k < C; k++) sum += Math.exp(data[k * cells + i] - max);
        const p = Math.exp(data[j * cells + i] - max) / sum;
        const o = 4 * (base + r * W + c);
        rgba[o] = NEUTRAL_RGB[0] + (tint[0] - NEUTRAL_RGB[0]) * p;
        rgba[o + 1] = NEUTRAL_RGB[1] + (tint[1] - NEUTRAL_RGB[1]) * p;
        rgba[o + 2] = NEUTRAL_RGB[2] + (tint[2] - NEUTRAL_RGB[2]) * p;
        rgba[o + 3] = 255;
      }
    }
  }

  #params() {
    const map = new Map();
    for (const p of this.last.parameters ?? []) map.set(p.name, p);
    const grads = new Map();
    for (const p of this.last.gradients ?? []) grads.set(p.name, p);
    return { map, grads };
  }

  // Which edges each pair of columns draws: all of them, or (between wide layers, where
  // thousands of lines would be a solid block) the MAX_EDGES largest |w|.
  #selectEdges(map) {
    const cols = this.columns;
    this.shown = [];
    for (let c = 1; c < cols.length; c++) {
      const a = cols[c - 1];
      const w = map.get(`${cols[c].linear}.weight`)?.data;
      if (!w || w.length !== a.units * cols[c].n) continue;
      const total = w.length;
      const list = this.shownBuffers?.[c]?.length === total ? this.shownBuffers[c] : new Int32Array(total);
      (this.shownBuffers ??= [])[c] = list;
      let count = 0;
      if (total <= MAX_EDGES) {
        for (let k = 0; k < total; k++) list[count++] = k;
      } else {
        const mags = this.magBuffer?.length === total ? this.magBuffer : (this.magBuffer = new Float32Array(total));
        for (let k = 0; k < total; k++) mags[k] = Math.abs(w[k]);
        mags.sort();
        const threshold = mags[total - MAX_EDGES];
        for (let k = 0; k < total && count < MAX_EDGES; k++) if (Math.abs(w[k]) >= threshold) list[count++] = k;
      }
      this.shown[c] = { list, count, w };
    }
  }

  // Edges under the tiles: 2 signs × 8 thickness levels, one path each.
  #drawEdges(ctx) {
    const cols = this.columns;
    const { map } = this.#params();
    this.params = map;
    this.#selectEdges(map);
    let big = 0.25;
    for (const sh of this.shown) {
      if (!sh) continue;
      for (let i = 0; i < sh.count; i++) big = Math.max(big, Math.abs(sh.w[sh.list[i]]));
    }
    const s = this.geom.s;
    const crowd = Math.max(...cols.map((c) => c.n)) > FOLD; // many lines: thinner, fainter
    const maxWidth = crowd ? 1.8 : Math.max(1.2, Math.min(5, (s + this.geom.gap) / 2.2));
    const focus = this.active; // its neuron's edges are drawn over the faded rest
    const LEVELS = 8;
    for (let sign = 0; sign < 2; sign++) {
      for (let level = 0; level < LEVELS; level++) {
        const lo = level / LEVELS;
        const hi = (level + 1) / LEVELS;
        ctx.beginPath();
        let any = false;
        for (let c = 1; c < cols.length; c++) {
          const sh = this.shown[c];
          if (!sh) continue;
          const a = cols[c - 1];
          const b = cols[c];
          for (let e = 0; e < sh.count; e++) {
            const k = sh.list[e];
            const v = sh.w[k];
            if ((v < 0) !== (sign === 0)) continue;
            const m = Math.abs(v) / big;
            if (m < lo || (m >= hi && level < LEVELS - 1)) continue;
            this.#edgePath(ctx, c, Math.floor(k / a.units), k % a.units);
            any = true;
          }
        }
        if (!any) continue;
        const m = (level + 0.5) / LEVELS;
        ctx.strokeStyle = sign === 0 ? NEGATIVE : POSITIVE;
        ctx.lineWidth = 0.6 + (maxWidth - 0.6) * m;
        ctx.globalAlpha = (crowd ? 0.1 + 0.5 * m : 0.18 + 0.72 * m) * (focus ? 0.3 : 1);
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    // The edges of the neuron being read, over the faded rest.
    if (focus) {
      const { c, j } = focus;
      const draw = (ai, bi, jj, ii) => {
        const a = cols[ai];
        const b = cols[bi];
        const v = map.get(`${b.linear}.weight`)?.data?.[ii * a.units + jj];
        if (v === undefined) return;
        const m = Math.min(1, Math.abs(v) / big);
        ctx.beginPath();
        this.#edgePath(ctx, bi, ii, jj);
        ctx.strokeStyle = v < 0 ? NEGATIVE : POSITIVE;
        ctx.lineWidth = 0.8 + (maxWidth - 0.6) * m;
        ctx.globalAlpha = 0.35 + 0.65 * m;
        ctx.stroke();
      };
      if (c > 0) for (let jj = 0; jj < cols[c - 1].units; jj++) draw(c - 1, c, jj, j);
      const u = unitOf(cols[c], j); // an input switched off has no edges
      if (c + 1 < cols.length && u >= 0) for (let ii = 0; ii < cols[c + 1].n; ii++) draw(c, c + 1, u, ii);
      ctx.globalAlpha = 1;
    }
  }

  // The ends of the edge from neuron j of column c − 1 to neuron i of column c: the right and
  // left sides of the two columns (not of the tiles, so a folded layer's lines stay out of
  // its block), at the tiles' heights. Each edge is the cubic Bézier with control points
  // half-way across at either end's height.
  #ends(c, i, j) {
    const a = this.columns[c - 1];
    const b = this.columns[c];
    const h = this.geom.s / 2;
    return [a.x + a.w, a.tiles[tileOf(a, j)].y + h, b.x, b.tiles[i].y + h];
  }

  #edgePath(ctx, c, i, j) {
    const [x0, y0, x1, y1] = this.#ends(c, i, j);
    const d = (x1 - x0) / 2;
    ctx.moveTo(x0, y0);
    ctx.bezierCurveTo(x0 + d, y0, x1 - d, y1, x1, y1);
  }

  #drawTiles(ctx) {
    const s = this.geom.s;
    const { res, atlasCols: A } = this;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    this.columns.forEach((col, ci) => {
      for (let j = 0; j < col.n; j++) {
        const { x, y } = col.tiles[j];
        if (this.tileSize && this.range[ci]?.[j]) {
          const q = col.first + j;
          ctx.drawImage(this.atlas, (q % A) * res, Math.floor(q / A) * res, res, res, x, y, s, s);
        } else {
          ctx.fillStyle = NEUTRAL;
          ctx.fillRect(x, y, s, s);
        }
        if (unitOf(col, j) < 0) {
          ctx.fillStyle = 'rgba(255, 255, 255, 0.75)'; // a feature switched off: washed out
          ctx.fillRect(x, y, s, s);
        }
      }
    });
  }

  // ---- the SVG overlay: headers, names, frames (the focus targets), dead marks ----

  #buildOverlay() {
    const { width, height, s } = this.geom;
    const o = this.overlay;
    const t = this.t;
    o.replaceChildren();
    o.setAttribute('width', width);
    o.setAttribute('height', height);
    const group = svg('g', { role: 'group', 'aria-label': t('net.label') }, o);
    this.frames = [];
    const font = getComputedStyle(this.root).fontFamily;
    this.columns.forEach((col, ci) => {
      // the long header if it fits between the neighbouring columns, else the short one
      const room = col.w + this.geom.edge - 6;
      const long = [
        col.kind === 'input' ? t('net.input') : col.kind === 'output' ? t('net.output') : t('net.layer', { n: ci }),
        col.kind === 'input' ? t('net.features', { n: col.units }) : t('net.width', { n: col.n, activation: activationLabel(t, col.activation) }),
      ];
      const fits = textWidth(long[0], `600 11.5px ${font}`) <= room && textWidth(long[1], `10.5px ${font}`) <= room;
      const [title, sub] = fits ? long : [
        col.kind === 'input' ? t('net.inputShort') : col.kind === 'output' ? t('net.outputShort') : t('net.layerShort', { n: ci }),
        String(col.units ?? col.n),
      ];
      const place = (text, y, attrs, fontSpec) => {
        const node = svg('text', { y, ...attrs, text }, o);
        this.#placeHeader(node, col, text, fontSpec);
        return node;
      };
      place(title, 12, { 'font-weight': '600', 'font-size': '11.5' }, `600 11.5px ${font}`);
      place(sub, 26, { 'font-size': '10.5', class: 'lw-muted' }, `10.5px ${font}`);
      col.deadLabel = svg('text', { y: 40, 'font-size': '10.5', fill: '#8A5A00', 'font-weight': '600' }, o);
      col.narrow = !fits;
      col.font = `600 10.5px ${font}`;
      if (col.kind === 'input') {
        col.names.forEach((name, j) => {
          const tile = col.tiles[j];
          svg('text', {
            x: col.x - 5, y: tile.y + s / 2 + 3.5, 'text-anchor': 'end', 'font-size': s < 20 ? '10' : '11.5',
            text: featureSymbol(name), ...(unitOf(col, j) < 0 ? { class: 'lw-muted', opacity: 0.6 } : {}),
          }, o);
        });
      }
      this.frames[ci] = col.tiles.map((tile, j) => {
        const r = svg('rect', {
          x: tile.x - 0.5, y: tile.y - 0.5, width: s + 1, height: s + 1, rx: 2,
          fill: 'none', stroke: 'rgba(0,0,0,0.18)', 'stroke-width': 1,
          tabindex: ci === this.focus.c && j === this.focus.j ? 0 : -1,
          class: 'lw-focusable', // the keyboard's focus gets the views' outline, as well as the drawn ring
          role: 'img', 'aria-label': this.#neuronLabel(ci, j),
          'data-c': ci, 'data-j': j,
        }, group);
        return r;
      });
    });
    this.deadPath = svg('path', { fill: 'none', stroke: '#4a4a4a', 'stroke-width': 1.5, 'stroke-linecap': 'round', 'pointer-events': 'none' }, o);
    this.deadWash = svg('path', { fill: 'rgba(255,255,255,0.55)', 'pointer-events': 'none' }, o);
    this.highlight = svg('g', { 'pointer-events': 'none' }, o);
    this.edgeCasing = svg('path', { fill: 'none', stroke: '#ffffff', 'stroke-width': 6, visibility: 'hidden' }, this.highlight);
    this.edgeLine = svg('path', { fill: 'none', 'stroke-width': 3, visibility: 'hidden' }, this.highlight);
    this.ring = svg('rect', { fill: 'none', stroke: 'var(--ink, #1f2933)', 'stroke-width': 2, rx: 3, visibility: 'hidden' }, this.highlight);
    this.ring2 = svg('rect', { fill: 'none', stroke: 'var(--ink, #1f2933)', 'stroke-width': 2, rx: 3, visibility: 'hidden' }, this.highlight);
  }

  // Centres a header text on its column, kept inside the stage.
  #placeHeader(node, col, text, fontSpec) {
    const w = textWidth(text, fontSpec);
    const x = Math.max(w / 2 + 1, Math.min(this.geom.width - w / 2 - 1, col.x + col.w / 2));
    node.setAttribute('x', x);
    node.setAttribute('text-anchor', 'middle');
  }

  #neuronLabel(ci, j) {
    const col = this.columns[ci];
    const t = this.t;
    if (col.kind === 'input') return t(unitOf(col, j) < 0 ? 'net.inputOffHead' : 'net.inputHead', { name: featureSymbol(col.names[j]) });
    if (col.kind === 'output') return t('net.outputHead', { j: j + 1, activation: activationLabel(t, col.activation) });
    return t('net.neuronHead', { n: ci, j: j + 1, activation: activationLabel(t, col.activation) });
  }

  #markDead() {
    const key = this.dead.map((d) => d.map((x) => (x ? 1 : 0)).join('')).join('|');
    if (key === this.deadKey) return;
    this.deadKey = key;
    const s = this.geom.s;
    let strike = '';
    let wash = '';
    this.columns.forEach((col, ci) => {
      let n = 0;
      for (let j = 0; j < col.n; j++) {
        if (!this.dead[ci]?.[j]) continue;
        n++;
        const { x, y } = col.tiles[j];
        strike += `M${x + 2},${y + s - 2}L${x + s - 2},${y + 2}`;
        wash += `M${x},${y}h${s}v${s}h${-s}z`;
      }
      for (let j = 0; j < col.n; j++) {
        const dead = !!this.dead[ci]?.[j];
        const frame = this.frames[ci][j];
        if (dead === (frame.getAttribute('stroke-dasharray') !== null)) continue;
        frame.setAttribute('stroke', dead ? '#4a4a4a' : 'rgba(0,0,0,0.18)');
        if (dead) frame.setAttribute('stroke-dasharray', '3 2');
        else frame.removeAttribute('stroke-dasharray');
        const label = this.#neuronLabel(ci, j);
        frame.setAttribute('aria-label', dead ? `${label}. ${this.t('net.isDead')}` : label);
      }
      if (col.deadLabel) {
        const text = n > 0 ? this.t(col.narrow ? 'net.deadShort' : 'net.dead', { n }) : '';
        col.deadLabel.textContent = text;
        if (text) this.#placeHeader(col.deadLabel, col, text, col.font);
      }
    });
    this.deadPath.setAttribute('d', strike);
    this.deadWash.setAttribute('d', wash);
  }

  #buildLegend() {
    const t = this.t;
    const line = (color, label) => {
      const k = el('span', { class: 'lw-key' });
      el('span', { class: 'lw-swatch lw-line lw-thick', style: `border-color:${color}` }, k);
      k.append(label);
      return k;
    };
    const items = [
      el('span', { class: 'lw-key', text: t('net.legendWeights') }),
      line(NEGATIVE, t('net.legendNegative')),
      line(POSITIVE, t('net.legendPositive')),
      el('span', { class: 'lw-key', text: t('net.legendThickness') }),
    ];
    if (this.columns.some((c, i) => i > 0 && c.n * this.columns[i - 1].n > MAX_EDGES)) {
      items.push(el('span', { class: 'lw-key', text: t('net.legendStrongest', { n: MAX_EDGES }) }));
    }
    if (this.columns.some((c) => c.activation === 'relu')) {
      const k = el('span', { class: 'lw-key' });
      const icon = svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, k);
      svg('rect', { x: 0.5, y: 0.5, width: 11, height: 11, fill: '#eee', stroke: '#4a4a4a', 'stroke-dasharray': '3 2' }, icon);
      svg('path', { d: 'M2.5,9.5L9.5,2.5', stroke: '#4a4a4a', 'stroke-width': 1.5 }, icon);
      k.append(t('net.legendDead'));
      items.push(k);
    }
    this.legend.replaceChildren(...items);
  }

  // ---- what is being read: a neuron or an edge ----

  #drawActive() {
    const a = this.active;
    const hide = (n) => n.setAttribute('visibility', 'hidden');
    hide(this.edgeLine);
    hide(this.edgeCasing);
    hide(this.ring);
    hide(this.ring2);
    if (!a) return;
    const s = this.geom.s;
    const ringAt = (node, tile) => {
      node.setAttribute('x', tile.x - 2);
      node.setAttribute('y', tile.y - 2);
      node.setAttribute('width', s + 4);
      node.setAttribute('height', s + 4);
      node.setAttribute('visibility', 'visible');
    };
    ringAt(this.ring, this.columns[a.c].tiles[a.j]);
    if (a.kind === 'edge') {
      ringAt(this.ring2, this.columns[a.c - 1].tiles[tileOf(this.columns[a.c - 1], a.from)]);
      const [x0, y0, x1, y1] = this.#ends(a.c, a.j, a.from);
      const d = (x1 - x0) / 2;
      const path = `M${x0},${y0}C${x0 + d},${y0} ${x1 - d},${y1} ${x1},${y1}`;
      const w = this.#weight(a.c, a.j, a.from).w;
      this.edgeCasing.setAttribute('d', path);
      this.edgeLine.setAttribute('d', path);
      this.edgeLine.setAttribute('stroke', w < 0 ? NEGATIVE : POSITIVE);
      this.edgeCasing.setAttribute('visibility', 'visible');
      this.edgeLine.setAttribute('visibility', 'visible');
    }
  }

  #weight(c, i, j) {
    const col = this.columns[c];
    const prev = this.columns[c - 1];
    const name = `${col.linear}.weight`;
    const k = i * prev.units + j;
    const grads = this.last.gradients?.find((p) => p.name === name);
    return { w: this.params?.get(name)?.data?.[k], g: grads?.data?.[k] };
  }

  #bias(c, j) {
    const name = `${this.columns[c].linear}.bias`;
    const p = this.params?.get(name);
    const g = this.last.gradients?.find((q) => q.name === name);
    return { b: p?.data?.[j], g: g?.data?.[j] };
  }

  #nameOf(c, j) {
    const col = this.columns[c];
    const t = this.t;
    if (col.kind === 'input') return featureSymbol(col.names[j]);
    if (col.kind === 'output') return `${t('net.output')} ${col.n > 1 ? j + 1 : ''}`.trim();
    return `${t('net.layerShort', { n: c })} #${j + 1}`;
  }

  #read() {
    const a = this.active;
    if (!a) return;
    const t = this.t;
    const col = this.columns[a.c];
    const tile = col.tiles[a.j];
    const s = this.geom.s;
    const lines = [];
    let ax;
    let ay;
    if (a.kind === 'edge') {
      const { w, g } = this.#weight(a.c, a.j, a.from);
      lines.push(t('net.edgeHead', { from: this.#nameOf(a.c - 1, tileOf(this.columns[a.c - 1], a.from)), to: this.#nameOf(a.c, a.j) }),
        t('net.weight', { w: formatNumber(w) }), t('net.gradient', { g: formatNumber(g) }));
      if (this.setWeight && this.context?.timeline) lines.push(t('net.editPast'));
      else if (this.setWeight) lines.push(t(this.activeSource === 'keys' ? 'net.edgeHintEdit' : 'net.editClick'));
      else if (this.activeSource === 'keys') lines.push(t('net.edgeHint'));
      const [x0, y0, x1, y1] = this.#ends(a.c, a.j, a.from);
      ax = (x0 + x1) / 2;
      ay = (y0 + y1) / 2;
    } else {
      lines.push(this.#neuronLabel(a.c, a.j));
      const range = this.range[a.c]?.[a.j];
      if (col.kind === 'input') {
        const on = unitOf(col, a.j) >= 0;
        if (range && on) {
          const st = this.context.data?.standardization;
          lines.push(t(st ? 'net.inputStandardized' : 'net.inputRange', { min: formatNumber(range[0]), max: formatNumber(range[1]) }));
        }
        if (col.unitOf) {
          const last = on && col.unitOf.filter((u) => u >= 0).length === 1;
          lines.push(t(last ? 'net.featureLast' : on ? 'net.featureOnHint' : 'net.featureOffHint'));
        }
      } else {
        const { b, g } = this.#bias(a.c, a.j);
        lines.push(t('net.bias', { b: formatNumber(b), g: formatNumber(g) }));
        if (range) lines.push(t('net.range', { min: formatNumber(range[0]), max: formatNumber(range[1]) }));
        if (this.dead[a.c]?.[a.j]) lines.push(t('net.isDead'));
      }
      ax = tile.x + s / 2;
      ay = tile.y;
    }
    // stage coordinates → root coordinates (the stage may be scrolled sideways)
    this.readout.show(lines, ax - this.scroller.scrollLeft + this.scroller.offsetLeft, ay + this.scroller.offsetTop);
  }

  #setActive(active, source) {
    const same = JSON.stringify(active) === JSON.stringify(this.active);
    this.active = active;
    this.activeSource = source;
    if (!active) this.readout.hide();
    if (!same && this.last.parameters) {
      // redraw the faded edges without waiting for the next snapshot
      const ctx = this.canvas.getContext('2d');
      const { width, height } = this.geom;
      ctx.clearRect(0, 0, width, height);
      this.#drawEdges(ctx);
      this.#drawTiles(ctx);
    }
    this.#drawActive();
    if (active) this.#read();
    this.#inspect();
  }

  // ---- the neuron being read, shown large by the boundary view (inspect) ----

  #inspect(fresh = false) {
    if (!this.inspect || !this.columns) return;
    const a = this.active;
    const col = a?.kind === 'neuron' ? this.columns[a.c] : null;
    const key = col && col.kind !== 'output' ? `${a.c}:${a.j}` : null;
    if (key === this.inspected && !(fresh && key)) return;
    this.inspected = key;
    this.inspect(key ? this.#mapOf(a.c, a.j) : null);
  }

  // Neuron j of column c over the grid, coloured as its tile is: tanh on [−1, 1], sigmoid on
  // [0, 1], the rest (and the features) on ± their largest |value|.
  #mapOf(c, j) {
    const col = this.columns[c];
    const size = this.tileSize;
    if (!size) return null;
    const map = { c, j, caption: this.#neuronLabel(c, j), size, extent: this.last.grid?.extent ?? [-6, 6] };
    const cells = size * size;
    let values;
    let range;
    if (col.kind === 'input') {
      values = new Float32Array(cells);
      range = this.#featureValues(col, j, size, values);
    } else {
      const layer = this.last.neurons?.[col.layer];
      if (!layer || layer.width !== col.n || layer.data.length !== col.n * cells) return null;
      values = layer.data.subarray(j * cells, (j + 1) * cells);
      range = this.range[c]?.[j] ?? [0, 0];
    }
    const center = col.activation === 'sigmoid' ? 0.5 : 0;
    const scale = col.activation === 'tanh' ? 1 : center ? 0.5 : Math.max(Math.abs(range[0]), Math.abs(range[1])) || 1;
    return { ...map, values, center, scale };
  }

  // ---- switching a feature from its input tile ----

  #toggleFeature(j) {
    const col = this.columns?.[0];
    if (!col?.unitOf || !this.setFeatures) return;
    const on = col.unitOf[j] >= 0;
    if (on && col.unitOf.filter((u) => u >= 0).length === 1) return; // the last one stays (the read-out says so)
    this.setFeatures(col.names.filter((_, k) => (k === j ? !on : col.unitOf[k] >= 0)));
  }

  // ---- the weight editor ----

  #openEditor(c, i, from, keys) {
    this.#closeEditor();
    const col = this.columns?.[c];
    const prev = this.columns?.[c - 1];
    const { w } = col && prev ? this.#weight(c, i, from) : {};
    if (w === undefined || this.context?.timeline) return; // the read-out says why (net.editPast)
    const t = this.t;
    const title = t('net.editTitle', { from: this.#nameOf(c - 1, tileOf(prev, from)), to: this.#nameOf(c, i) });
    const box = el('div', { class: 'lw-edit', role: 'group', 'aria-label': title }, this.root);
    el('div', { class: 'lw-tip-head', text: title }, box);
    // a text box: a phone's number pad may lack the minus sign and the return key
    const input = el('input', {
      class: 'lw-edit-input', type: 'text', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'done', 'aria-label': t('net.editLabel'),
    }, box);
    input.value = String(Number(w.toPrecision(6)));
    const shown = input.value;
    el('div', { class: 'lw-edit-hint', text: t('net.editHint') }, box);
    // buttons as well as Enter and Escape, for a touch screen
    const buttons = el('div', { class: 'lw-edit-buttons' }, box);
    el('button', { type: 'button', class: 'lw-edit-set', text: t('net.editSet') }, buttons).addEventListener('click', () => this.#applyEdit(ed));
    el('button', { type: 'button', class: 'lw-edit-cancel', text: t('net.editCancel') }, buttons).addEventListener('click', () => this.#closeEditor(ed.keys));
    const note = el('div', { class: 'lw-edit-note', role: 'alert' }, box);
    const ed = { box, input, note, c, i, from, keys, name: `${col.linear}.weight`, index: i * prev.units + from, busy: false };
    this.editor = ed;
    input.addEventListener('keydown', (e) => {
      e.stopPropagation(); // the element's and the diagram's keys are not the editor's
      if (e.key === 'Enter') {
        e.preventDefault();
        this.#applyEdit(ed);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.#closeEditor(ed.keys);
      }
    });
    input.addEventListener('input', () => {
      note.textContent = '';
      input.removeAttribute('aria-invalid');
    });
    // leaving it closes it, unless it holds a value not set yet (a phone's "done" key blurs)
    box.addEventListener('focusout', (e) => {
      if (this.editor === ed && !ed.busy && !box.contains(e.relatedTarget) && input.value === shown) this.#closeEditor();
    });
    // beside the edge's middle, inside the diagram
    const [x0, y0, x1, y1] = this.#ends(c, i, from);
    const x = (x0 + x1) / 2 - this.scroller.scrollLeft + this.scroller.offsetLeft;
    const y = (y0 + y1) / 2 + this.scroller.offsetTop;
    const left = Math.max(2, Math.min(this.root.clientWidth - box.offsetWidth - 2, x - box.offsetWidth / 2));
    box.style.transform = `translate(${Math.round(left)}px, ${Math.round(y + 10)}px)`;
    this.readout.hide();
    input.focus();
    input.select();
  }

  async #applyEdit(ed) {
    if (ed.busy) return;
    const { value, problem } = readWeight(ed.input.value);
    if (problem) {
      ed.note.textContent = this.t(problem, { max: MAX_WEIGHT });
      ed.input.setAttribute('aria-invalid', 'true');
      return;
    }
    ed.busy = true;
    ed.input.readOnly = true;
    try {
      await this.setWeight(ed.name, ed.index, value);
    } catch (err) {
      ed.busy = false;
      ed.input.readOnly = false;
      ed.note.textContent = this.t('net.editFailed', { reason: err.message });
      return;
    }
    if (this.editor === ed) this.#closeEditor(ed.keys);
  }

  // Closes the editor; back to the weight it edited when the keys opened it.
  #closeEditor(refocus = false) {
    const ed = this.editor;
    if (!ed) return;
    this.editor = null;
    ed.box.remove();
    if (refocus && this.columns?.[ed.c]?.n > ed.i) this.#moveFocus(ed.c, ed.i, ed.from);
  }

  // ---- pointer and keys ----

  #hit(x, y) {
    const { s, gap } = this.geom;
    const cols = this.columns;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      if (x < col.x - 2 || x > col.x + col.w + 2) continue;
      for (let j = 0; j < col.n; j++) {
        const tile = col.tiles[j];
        if (x >= tile.x - 2 && x <= tile.x + s + 2 && y >= tile.y - 2 && y <= tile.y + s + 2) {
          return { kind: 'neuron', c, j };
        }
      }
      return null;
    }
    // between two columns: the nearest edge, measured vertically at x along each curve
    for (let c = 1; c < cols.length; c++) {
      const a = cols[c - 1];
      const b = cols[c];
      if (x <= a.x + a.w || x >= b.x) continue;
      let best = null;
      let bestD = HIT + Math.min(4, gap / 2);
      const sh = this.shown?.[c];
      for (let e = 0; e < (sh?.count ?? 0); e++) {
        const k = sh.list[e];
        const i = Math.floor(k / a.units);
        const j = k % a.units;
        const [x0, y0, x1, y1] = this.#ends(c, i, j);
        const u = bezierT((x - x0) / (x1 - x0));
        const ey = y0 + (y1 - y0) * (3 * u * u - 2 * u * u * u);
        // the distance to the curve, from the vertical offset and the curve's slope
        const dy = (y1 - y0) * (6 * u - 6 * u * u);
        const dx = (x1 - x0) * (1.5 - 3 * u + 3 * u * u);
        const d = (Math.abs(ey - y) * Math.abs(dx)) / Math.hypot(dx, dy);
        if (d < bestD) {
          bestD = d;
          best = { kind: 'edge', c, j: i, from: j };
        }
      }
      return best;
    }
    return null;
  }

  #listen() {
    const stagePoint = (e) => {
      const r = this.stage.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    this.stage.addEventListener('pointermove', (e) => {
      if (!this.geom || (e.pointerType !== 'mouse' && e.buttons === 0)) return;
      const hit = this.#hit(...stagePoint(e));
      if (hit || this.activeSource === 'pointer') this.#setActive(hit, 'pointer');
    });
    this.stage.addEventListener('pointerdown', (e) => {
      if (!this.geom) return;
      const hit = this.#hit(...stagePoint(e));
      // the same edge or tile as the last touch (a tap also moves the focus, so `active` may
      // have become the tile the focus went to)
      this.tapOnActive = hit !== null && JSON.stringify(hit) === JSON.stringify(this.lastTouch);
      this.lastTouch = hit;
      this.#setActive(hit, 'pointer');
    });
    // a click on an edge edits its weight; on an input tile, switches its feature. A finger or
    // a pen first reads what it touched (there is no hover): the second tap on it acts
    this.stage.addEventListener('click', (e) => {
      if (!this.geom) return;
      if (e.pointerType && e.pointerType !== 'mouse' && !this.tapOnActive) return;
      this.lastTouch = null; // after acting, the next tap reads again
      const hit = this.#hit(...stagePoint(e));
      if (hit?.kind === 'edge' && this.setWeight) this.#openEditor(hit.c, hit.j, hit.from, false);
      else if (hit?.kind === 'neuron' && hit.c === 0) this.#toggleFeature(hit.j);
    });
    this.stage.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse' && this.activeSource === 'pointer') this.#setActive(null, null);
    });
    this.scroller.addEventListener('scroll', () => this.active && this.#read());
    this.overlay.addEventListener('focusin', (e) => {
      const c = Number(e.target.getAttribute?.('data-c'));
      const j = Number(e.target.getAttribute?.('data-j'));
      if (this.moving || !Number.isInteger(c) || !this.columns?.[c]) return;
      this.focus = { c, j, edge: -1 };
      this.#setActive({ kind: 'neuron', c, j }, 'keys');
    });
    this.overlay.addEventListener('focusout', (e) => {
      if (!this.overlay.contains(e.relatedTarget) && this.activeSource === 'keys') this.#setActive(null, null);
    });
    this.overlay.addEventListener('keydown', (e) => this.#key(e));
  }

  #key(e) {
    const cols = this.columns;
    if (!cols) return;
    let { c, j, edge } = this.focus;
    const n = cols[c].n;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const d = e.key === 'ArrowUp' ? -1 : 1;
        if (edge >= 0) edge = (edge + d + cols[c - 1].units) % cols[c - 1].units;
        else j = Math.max(0, Math.min(n - 1, j + d));
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (edge >= 0) return;
        const nc = Math.max(0, Math.min(cols.length - 1, c + (e.key === 'ArrowLeft' ? -1 : 1)));
        if (nc !== c) {
          const m = cols[nc].n;
          j = n > 1 ? Math.round((j / (n - 1)) * (m - 1)) : Math.floor((m - 1) / 2);
          c = nc;
        }
        break;
      }
      case 'Home': j = 0; edge = edge >= 0 ? 0 : -1; break;
      case 'End': j = edge >= 0 ? j : n - 1; edge = edge >= 0 ? cols[c - 1].units - 1 : -1; break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (edge >= 0 && this.setWeight) {
          this.#openEditor(c, j, edge, true); // the weight reached: edit it
          return;
        }
        if (edge >= 0) edge = -1;
        else if (c > 0) edge = 0;
        else {
          this.#toggleFeature(j);
          return;
        }
        break;
      case 'Escape':
        if (edge < 0) return;
        edge = -1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.#moveFocus(c, j, edge);
  }

  #moveFocus(c, j, edge) {
    const prev = this.frames[this.focus.c]?.[this.focus.j];
    this.focus = { c, j, edge };
    const node = this.frames[c][j];
    if (prev && prev !== node) prev.setAttribute('tabindex', -1);
    node.setAttribute('tabindex', 0);
    this.moving = true; // focusin below must not reset the edge being read
    node.focus();
    this.moving = false;
    this.#setActive(edge >= 0 ? { kind: 'edge', c, j, from: edge } : { kind: 'neuron', c, j }, 'keys');
  }
}

// Model input k of a column ↔ its tile (they differ in an input column showing features off).
const tileOf = (col, k) => (col.tileOf ? col.tileOf[k] : k);
const unitOf = (col, j) => (col.unitOf ? col.unitOf[j] : j);

// The editor's text → {value} or {problem: a string key}: a finite number, |v| ≤ MAX_WEIGHT
// (a true minus sign − reads as -).
export function readWeight(text) {
  const s = String(text).trim().replace(/\u2212/g, '-');
  if (s === '') return { problem: 'net.editEmpty' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { problem: Number.isNaN(value) ? 'net.editNotNumber' : 'net.editTooBig' };
  if (Math.abs(value) > MAX_WEIGHT) return { problem: 'net.editTooBig' };
  return { value };
}

// The fraction u along a horizontal cubic Bézier (control points at the half-way x) whose x
// is a fraction `p` of the way: x(u) = 1.5u − 1.5u² + u³ is monotone; a few Newton steps.
function bezierT(p) {
  let u = p;
  for (let k = 0; k < 4; k++) {
    const x = 1.5 * u - 1.5 * u * u + u * u * u - p;
    const dx = 1.5 - 3 * u + 3 * u * u;
    u = Math.max(0, Math.min(1, u - x / dx));
  }
  return u;
}

let measurer = null;
function textWidth(text, font) {
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = font;
  return measurer.measureText(text).width;
}

function feature(name, x1, x2) {
  switch (name) {
    case 'x1': return x1;
    case 'x2': return x2;
    case 'x1sq': return x1 * x1;
    case 'x2sq': return x2 * x2;
    case 'x1x2': return x1 * x2;
    case 'sinx1': return Math.sin(x1);
    case 'sinx2': return Math.sin(x2);
    default: return 0;
  }
}


