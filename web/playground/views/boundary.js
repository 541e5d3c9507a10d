// The output view: what the model predicts at every point of the input plane, with the data
// over it. For classification it is the decision boundary, a heatmap of the grid the worker
// evaluates (snapshot.grid: size × size cells over extent², row 0 at the top):
//
//   output "probability"  one sigmoid output p = P(class 1)      orange (0) … pale … blue (1)
//   output "logit"        one raw output z; p = σ(z)              the same map
//   output "logits"       C raw outputs; p = softmax(z)           the classes' colours mixed by
//                                                                 p, paler where unsure
//   output "value"        regression ŷ                            orange (−) … blue (+), scaled
//                                                                 to the targets' largest |y|
//
// `discretize` (context.state.discretize) paints hard class regions (regression: ten bands).
// Training points are marked by their class's colour and shape (palette.js CLASS_SHAPES: circle,
// square, triangle, diamond, cross; regression targets are dots) outlined in white; test points
// (context.state.showTest) have a dark outline, as in TensorFlow Playground. For data on a line
// (the "sine" set: x2 = 0) the view draws the fitted curve instead: the targets and the model's
// output along x2 = 0, read from the grid by interpolating between the two rows around it.
//
// Hover, tap, or focus and use the arrow keys, to read the prediction at a point.
//
// showNeuron(map): while the diagram's reader is on a neuron (network.js's inspect), the heatmap
// is that neuron's output instead ({values, size, center, scale, caption}: orange below
// center … blue above, at center ± scale), captioned with its name, the points over it as
// ever; showNeuron(null) goes back to the model's output. The plot's data-map attribute says
// which is shown ('output', or 'neuron c j').
import {
  CLASS_COLORS, DIVERGING, DIVERGING_STRONG, classMarker, classMixInto, classShape, divergingCss, fillDiverging,
  markerPath, packTable, rgbToCss, sigmoid, softmaxInto, NEUTRAL,
} from '../../lib/palette.js';
import { el, svg } from '../../lib/dom.js';
import { fitCanvas, watchSize } from '../../lib/canvas.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { Readout, niceTicks, targetScale, themeOf, translator } from './common.js';

const M = { left: 30, right: 6, top: 6, bottom: 24 }; // room for the axes, CSS pixels
const TOP = 256; // the last entry of the diverging tables
const CURVE_POINTS = '#0072B2';
const VALUE_STEPS = 33; // colours of regression points
const FINE = 192; // the heatmap is drawn at about this many pixels a side (4× a 48-cell grid)

export class BoundaryView {
  constructor(container, { t, pick } = {}) {
    this.container = container;
    this.t = translator(t);
    this.pick = pick; // pick(index): a training point was clicked or tapped (the stepper's example)
    this.root = el('div', { class: 'lw-view lw-boundary' }, container);
    this.plot = el('div', {
      class: 'lw-plot lw-focusable lw-rel lw-pan-y', tabindex: '0', role: 'img',
    }, this.root);
    this.canvas = el('canvas', { class: 'lw-pin', style: `left: ${M.left}px; top: ${M.top}px; border-radius: 2px;` }, this.plot);
    this.axes = svg('svg', { 'aria-hidden': 'true', class: 'lw-pin' }, this.plot);
    this.legend = el('div', { class: 'lw-legend' }, this.root);
    this.readout = new Readout(this.plot);
    this.caption = el('div', { class: 'lw-map-caption', hidden: true }, this.plot);
    this.neuronMap = null;

    this.cells = document.createElement('canvas'); // size × size, one pixel per grid cell
    this.image = null;
    this.probs = new Float32Array(8);
    this.width = 0;
    this.layoutKey = '';
    this.legendKey = '';
    this.grid = null;
    this.context = null;
    this.pointer = null; // {x1, x2} being read, or null
    this.pointerSource = null; // 'pointer' | 'keys'

    this.stopWatch = watchSize(this.root, (w) => {
      this.width = w;
      this.layoutKey = '';
      this.#draw();
    });
    this.#listen();
  }

  update(snapshot, context) {
    if (context?.t) this.t = translator(context.t);
    if (snapshot?.grid) this.grid = snapshot.grid;
    this.context = context;
    this.#draw();
  }

  destroy() {
    this.stopWatch();
    this.root.remove();
  }

  /** A neuron's map drawn instead of the output (see the header), or null for the output. */
  showNeuron(map) {
    this.neuronMap = map?.values ? map : null;
    this.#draw();
  }

  // ---- drawing ----

  #mode() {
    const c = this.context;
    if (!c) return 'heat';
    if (c.output === 'value' && (c.state?.dataset === 'sine' || onLine(c.data))) return 'curve';
    return 'heat';
  }

  #draw() {
    const c = this.context;
    if (!c || !this.width) return;
    const mode = this.#mode();
    const extent = this.grid?.extent ?? [-6, 6];
    const S = Math.max(80, this.width - M.left - M.right);
    const H = mode === 'curve' ? Math.round(S * 0.62) : S;
    this.geom = { mode, S, H, lo: extent[0], hi: extent[1] };
    this.valueScale = targetScale(c.data);
    if (mode === 'curve') this.yRange = curveRange(this.valueScale);

    const key = `${mode}|${S}|${H}|${extent}|${c.lang}|${mode === 'curve' ? this.yRange : ''}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.plot.style.height = `${H + M.top + M.bottom}px`;
      this.#drawAxes();
    }
    this.#updateLegend();
    this.plot.setAttribute('aria-label', this.t(mode === 'curve' ? 'boundary.labelCurve' : 'boundary.label'));

    const ctx = fitCanvas(this.canvas, S, H);
    this.theme ??= themeOf(this.root);
    if (!this.grid) {
      ctx.fillStyle = NEUTRAL;
      ctx.fillRect(0, 0, S, H);
      if (typeof c.data?.features === 'number') {
        ctx.fillStyle = this.theme.muted;
        ctx.font = `12px ${this.theme.font}`;
        ctx.textAlign = 'center';
        ctx.fillText(this.t('boundary.noGrid'), S / 2, H / 2, S - 16);
      }
      return;
    }
    const map = mode === 'heat' ? this.neuronMap : null;
    this.caption.hidden = !map;
    this.plot.dataset.map = map ? `neuron ${map.c} ${map.j}` : 'output';
    if (map) {
      this.caption.textContent = this.t('boundary.neuronMap', { name: map.caption });
      this.caption.style.left = `${M.left + 4}px`;
      this.caption.style.top = `${M.top + 4}px`;
      this.caption.style.maxWidth = `${S - 8}px`;
    }
    if (mode === 'curve') this.#drawCurve(ctx);
    else if (map) this.#drawNeuron(ctx, map);
    else this.#drawHeat(ctx);
    if (this.pointer) this.#read();
  }

  // The grid as an image, scaled smoothly onto the plot. The outputs are first interpolated
  // about FINE pixels a side (probabilities as logits, which vary smoothly where a
  // probability jumps from 0 to 1), so a sharp boundary is a smooth line rather than the
  // grid's staircase; then coloured, or classified when discretized.
  #drawHeat(ctx) {
    const { S } = this.geom;
    const discrete = !!this.context.state?.discretize;
    const { outputs } = this.grid;
    let kind = this.context.output;
    let data = this.grid.data;
    if (kind === 'probability') {
      data = this.#logits(data);
      kind = 'logit';
    }
    const up = Math.max(1, Math.round(FINE / this.grid.size));
    data = this.#upsample(data, this.grid.size, outputs, up);
    const size = this.grid.size * up;
    if (this.cells.width !== size) {
      this.cells.width = size;
      this.cells.height = size;
      this.image = null;
    }
    if (!this.image) {
      this.image = this.cells.getContext('2d').createImageData(size, size);
      this.pixels = new Uint32Array(this.image.data.buffer); // one store per pixel
    }
    this.#paintCells(this.image.data, data, size, outputs, discrete, kind);
    this.cells.getContext('2d').putImageData(this.image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.cells, 0, 0, S, S);
    this.#drawPoints(ctx);
  }

  // A neuron's map (showNeuron), smoothed like the output's, with the points over it.
  #drawNeuron(ctx, map) {
    const up = Math.max(1, Math.round(FINE / map.size));
    const data = this.#upsample(map.values, map.size, 1, up);
    const size = map.size * up;
    const image = this.cells.width === size && this.image ? this.image : null;
    if (!image) {
      this.cells.width = size;
      this.cells.height = size;
      this.image = this.cells.getContext('2d').createImageData(size, size);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    fillDiverging(this.image.data, 0, data, 0, size * size, map.center, map.scale);
    this.cells.getContext('2d').putImageData(this.image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.cells, 0, 0, this.geom.S, this.geom.S);
    this.#drawPoints(ctx);
  }

  // Bilinear interpolation between cell centres (clamped at the border), every output.
  #upsample(data, size, outputs, UP) {
    if (UP === 1) return data;
    const up = size * UP;
    const n = up * up * outputs;
    const out = this.upBuffer?.length === n ? this.upBuffer : (this.upBuffer = new Float32Array(n));
    if (outputs === 1) return upsampleOne(data, size, UP, out);
    for (let r = 0; r < up; r++) {
      const fy = Math.max(0, Math.min(size - 1, (r + 0.5) / UP - 0.5));
      const r0 = Math.floor(fy);
      const r1 = Math.min(size - 1, r0 + 1);
      const wy = fy - r0;
      for (let c = 0; c < up; c++) {
        const fx = Math.max(0, Math.min(size - 1, (c + 0.5) / UP - 0.5));
        const c0 = Math.floor(fx);
        const c1 = Math.min(size - 1, c0 + 1);
        const wx = fx - c0;
        for (let k = 0; k < outputs; k++) {
          const a = data[(r0 * size + c0) * outputs + k];
          const b = data[(r0 * size + c1) * outputs + k];
          const d = data[(r1 * size + c0) * outputs + k];
          const e = data[(r1 * size + c1) * outputs + k];
          out[(r * up + c) * outputs + k] = (a + (b - a) * wx) * (1 - wy) + (d + (e - d) * wx) * wy;
        }
      }
    }
    return out;
  }

  // log(p / (1 − p)) of every value (p clamped to [1e−6, 1 − 1e−6]).
  #logits(data) {
    const out = this.logitBuffer?.length === data.length ? this.logitBuffer : (this.logitBuffer = new Float32Array(data.length));
    for (let i = 0; i < data.length; i++) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, data[i]));
      out[i] = Math.log(p / (1 - p));
    }
    return out;
  }

  // One RGBA pixel per cell of data (size × size × outputs), by the output's kind.
  #paintCells(rgba, data, size, outputs, discrete, kind) {
    const n = size * size;
    if (kind === 'logits' && outputs > 1) {
      const p = this.probs.length >= outputs ? this.probs : (this.probs = new Float32Array(outputs));
      for (let i = 0; i < n; i++) {
        softmaxInto(data, i * outputs, outputs, p);
        classMixInto(rgba, 4 * i, p, outputs, discrete);
      }
      return;
    }
    if (kind === 'value') {
      const scale = this.valueScale;
      if (!discrete) {
        if (outputs === 1) fillDiverging(rgba, 0, data, 0, n, 0, scale);
        else for (let i = 0; i < n; i++) fillDiverging(rgba, i, data, i * outputs, 1, 0, scale);
        return;
      }
      for (let i = 0; i < n; i++) {
        const t = Math.max(-1, Math.min(1, data[i * outputs] / scale));
        this.pixels[i] = PACKED[Math.round((Math.round(t * 5) / 5 + 1) * 128)];
      }
      return;
    }
    // one output: a probability, or a logit to squash
    const logit = kind === 'logit';
    if (!logit && !discrete && outputs === 1) {
      fillDiverging(rgba, 0, data, 0, n, 0.5, 0.5);
      return;
    }
    for (let i = 0; i < n; i++) {
      const v = data[i * outputs];
      let j;
      if (discrete) j = (logit ? v >= 0 : v >= 0.5) ? TOP : 0;
      else if (logit) j = SIGMOID_INDEX[Math.max(0, Math.min(SIGMOID_STEPS, Math.round((v + Z_MAX) * (SIGMOID_STEPS / (2 * Z_MAX)))))];
      else j = Math.round(2 * v * 128);
      this.pixels[i] = PACKED[j];
    }
  }

  #toPx(x1, x2) {
    const { S, H, lo, hi, mode } = this.geom;
    const px = ((x1 - lo) / (hi - lo)) * S;
    if (mode === 'curve') {
      const [y0, y1] = this.yRange;
      return [px, ((y1 - x2) / (y1 - y0)) * H];
    }
    return [px, ((hi - x2) / (hi - lo)) * S];
  }

  #pointSets() {
    const d = this.context.data;
    if (!d?.train) return [];
    const sets = [{ set: d.train, test: false }];
    if (this.context.state?.showTest && d.test) sets.push({ set: d.test, test: true });
    return sets;
  }

  #radius() {
    return Math.max(2.6, Math.min(4.5, this.geom.S / 95));
  }

  // Points batched by colour, one path per colour and marker, so 2,000 points are a few fills:
  // a class each (its colour and shape), or (regression) the target's value in 33 steps of the
  // diverging map, as dots. The canvas's data-shapes lists the training points' shapes drawn.
  #drawPoints(ctx) {
    const r = this.#radius();
    const regression = this.context.output === 'value';
    const { S, lo, hi } = this.geom;
    const k = S / (hi - lo);
    const shapes = [];
    for (const { set, test } of this.#pointSets()) {
      const { points, y } = set;
      const n = y.length;
      const groups = regression ? this.#valueGroups(set) : null;
      const count = regression ? VALUE_STEPS : Math.max(2, this.context.classes || 2);
      // white rims part class dots from their own colour; a value's pale dots need a dark rim
      ctx.lineWidth = test ? 1.6 : 1;
      ctx.strokeStyle = test ? this.theme.ink : regression ? 'rgba(31, 41, 51, 0.45)' : '#ffffff';
      for (let g = 0; g < count; g++) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < n; i++) {
          if ((regression ? groups[i] : y[i]) !== g) continue;
          const px = (points[2 * i] - lo) * k;
          const py = (hi - points[2 * i + 1]) * k;
          markerPath(ctx, regression ? 'circle' : classShape(g), px, py, r);
          any = true;
        }
        if (!any) continue;
        if (!test && !regression) shapes.push(classShape(g));
        ctx.fillStyle = regression
          ? divergingCss((2 * g) / (VALUE_STEPS - 1) - 1)
          : CLASS_COLORS[g % CLASS_COLORS.length];
        ctx.fill();
        ctx.stroke();
      }
    }
    const drawn = shapes.join(' ');
    if (this.canvas.dataset.shapes !== drawn) this.canvas.dataset.shapes = drawn;
  }

  // Each target's colour step (0 .. VALUE_STEPS − 1), kept while the data and scale stay.
  #valueGroups(set) {
    this.groupCache ??= new WeakMap();
    let entry = this.groupCache.get(set);
    if (!entry || entry.scale !== this.valueScale) {
      const groups = new Uint8Array(set.y.length);
      for (let i = 0; i < groups.length; i++) {
        const t = Math.max(-1, Math.min(1, set.y[i] / this.valueScale));
        groups[i] = Math.round(((t + 1) / 2) * (VALUE_STEPS - 1));
      }
      entry = { scale: this.valueScale, groups };
      this.groupCache.set(set, entry);
    }
    return entry.groups;
  }

  // The curve of a 1-D regression: targets as dots, the model's output along x2 = 0.
  #drawCurve(ctx) {
    const { S, H } = this.geom;
    const th = this.theme;
    ctx.fillStyle = th.card;
    ctx.fillRect(0, 0, S, H);
    // grid lines at the ticks
    ctx.strokeStyle = th.line;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const v of niceTicks(this.yRange[0], this.yRange[1], 4)) {
      const y = Math.round(this.#toPx(0, v)[1]) + 0.5;
      ctx.moveTo(0, y);
      ctx.lineTo(S, y);
    }
    for (let v = Math.ceil(this.geom.lo); v <= this.geom.hi; v += 2) {
      const x = Math.round(this.#toPx(v, 0)[0]) + 0.5;
      ctx.moveTo(x, 0);
      ctx.lineTo(x, H);
    }
    ctx.stroke();
    // targets: the height already says the value, so one colour
    const r = this.#radius();
    for (const { set, test } of this.#pointSets()) {
      ctx.beginPath();
      for (let i = 0; i < set.y.length; i++) {
        const [px, py] = this.#toPx(set.points[2 * i], set.y[i]);
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = test ? '#ffffff' : CURVE_POINTS;
      ctx.fill();
      ctx.lineWidth = test ? 1.6 : 1;
      ctx.strokeStyle = test ? CURVE_POINTS : '#ffffff';
      ctx.stroke();
    }
    // the model
    const { size } = this.grid;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, S, H);
    ctx.clip();
    ctx.beginPath();
    for (let c = 0; c < size; c++) {
      const x1 = this.geom.lo + ((c + 0.5) * (this.geom.hi - this.geom.lo)) / size;
      const [px, py] = this.#toPx(x1, this.#onLine(c));
      if (c === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 5;
    ctx.stroke();
    ctx.strokeStyle = th.ink;
    ctx.lineWidth = 2.5;
    ctx.stroke();
    ctx.restore();
  }

  // The model's output at column c of the grid, interpolated to x2 = 0 between two rows.
  #onLine(c) {
    const { size, outputs, data, extent } = this.grid;
    const [lo, hi] = extent;
    const at = Math.max(0, Math.min(size - 1, (hi - 0) / ((hi - lo) / size) - 0.5));
    const r0 = Math.floor(at);
    const r1 = Math.min(size - 1, r0 + 1);
    const w = at - r0;
    return (1 - w) * data[(r0 * size + c) * outputs] + w * data[(r1 * size + c) * outputs];
  }

  #drawAxes() {
    const { S, H, lo, hi, mode } = this.geom;
    const a = this.axes;
    a.replaceChildren();
    a.setAttribute('width', S + M.left + M.right);
    a.setAttribute('height', H + M.top + M.bottom);
    const g = svg('g', { transform: `translate(${M.left},${M.top})`, class: 'lw-muted', 'font-size': '10.5' }, a);
    svg('rect', { x: -0.5, y: -0.5, width: S + 1, height: H + 1, fill: 'none', stroke: 'currentColor', 'stroke-opacity': '0.35' }, g);
    for (let v = Math.ceil(lo); v <= hi; v++) {
      if (v % 2 !== 0) continue;
      const x = this.#toPx(v, 0)[0];
      svg('line', { x1: x, x2: x, y1: H, y2: H + 4, stroke: 'currentColor', 'stroke-opacity': '0.5' }, g);
      svg('text', { x, y: H + 14, 'text-anchor': 'middle', text: formatNumber(v) }, g);
    }
    const yTicks = mode === 'curve' ? niceTicks(this.yRange[0], this.yRange[1], 4) : [];
    if (mode !== 'curve') for (let v = Math.ceil(lo); v <= hi; v++) if (v % 2 === 0) yTicks.push(v);
    for (const v of yTicks) {
      const y = this.#toPx(0, v)[1];
      svg('line', { x1: -4, x2: 0, y1: y, y2: y, stroke: 'currentColor', 'stroke-opacity': '0.5' }, g);
      svg('text', { x: -6, y: y + 3.5, 'text-anchor': 'end', text: formatNumber(v) }, g);
    }
    svg('text', { x: S, y: H + 23, 'text-anchor': 'end', 'font-style': 'italic', text: this.t('boundary.axisX') }, g);
    svg('text', {
      x: -M.left + 2, y: -1, 'font-style': 'italic', 'dominant-baseline': 'hanging',
      text: this.t(mode === 'curve' ? 'boundary.axisValue' : 'boundary.axisY'),
    }, g).setAttribute('transform', 'translate(0, 0)');
    this.marker = svg('g', { visibility: 'hidden' }, g);
    svg('circle', { r: 7, fill: 'none', stroke: '#ffffff', 'stroke-width': 3.5 }, this.marker);
    svg('circle', { r: 7, fill: 'none', stroke: '#1f2933', 'stroke-width': 1.5 }, this.marker);
    this.rule = svg('line', { y1: 0, y2: H, stroke: '#1f2933', 'stroke-opacity': '0.5', 'stroke-dasharray': '3 3', visibility: 'hidden' }, g);
  }

  #updateLegend() {
    const c = this.context;
    const classes = c.classes || 0;
    const showTest = !!c.state?.showTest && !!c.data?.test;
    const key = `${c.output}|${classes}|${showTest}|${c.lang}|${this.#mode()}|${this.valueScale}`;
    if (key === this.legendKey) return;
    this.legendKey = key;
    const t = this.t;
    const items = [];
    const swatch = (color, label, test = false, marker = null) => {
      const item = el('span', { class: 'lw-key' });
      if (marker) item.append(marker);
      else el('span', { class: `lw-swatch${test ? ' lw-test' : ''}`, style: `background:${color}` }, item);
      item.append(label);
      return item;
    };
    if (this.#mode() === 'curve') {
      items.push(swatch(CURVE_POINTS, t('boundary.legendTarget')));
      const line = el('span', { class: 'lw-key' });
      el('span', { class: 'lw-swatch lw-line lw-ink' }, line);
      line.append(t('boundary.legendModel'));
      items.push(line);
    } else if (c.output === 'value') {
      const s = this.valueScale;
      const ramp = el('span', { class: 'lw-key' });
      ramp.append(formatNumber(-s, 2));
      el('span', { class: 'lw-ramp', style: `background:${rampCss(DIVERGING_STRONG)}` }, ramp);
      ramp.append(formatNumber(s, 2));
      items.push(el('span', { class: 'lw-key', text: t('boundary.legendValue') }), ramp);
    } else {
      for (let k = 0; k < Math.max(2, classes); k++) {
        items.push(swatch(null, t('boundary.class', { k, color: t(`color.${k % 8}`) }), false, classMarker(k)));
      }
    }
    if (showTest) items.push(swatch('#fff', t('boundary.testPoints'), true));
    this.legend.replaceChildren(...items);
  }

  // ---- reading the prediction ----

  #listen() {
    const p = this.plot;
    const fromEvent = (e) => {
      const r = this.canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    this.onMove = (e) => {
      if (!this.geom) return;
      const [x, y] = fromEvent(e);
      const { S, H, lo, hi, mode } = this.geom;
      if (x < 0 || y < 0 || x > S || y > H) {
        if (this.pointerSource === 'pointer') this.#clear();
        return;
      }
      const x1 = lo + (x / S) * (hi - lo);
      const x2 = mode === 'curve' ? 0 : hi - (y / S) * (hi - lo);
      this.pointer = { x1, x2, py: y };
      this.pointerSource = 'pointer';
      this.#read();
    };
    this.onLeave = (e) => {
      if (e.pointerType === 'mouse' && this.pointerSource === 'pointer') this.#clear();
    };
    this.onKey = (e) => {
      if (!this.geom) return;
      const step = ((this.geom.hi - this.geom.lo) / (this.grid?.size ?? 48)) * (e.shiftKey ? 4 : 1);
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (e.key === 'Escape') return this.#clear();
      if (!moves[e.key]) return;
      e.preventDefault();
      const cur = this.pointer ?? { x1: 0, x2: 0 };
      const clamp = (v) => Math.max(this.geom.lo, Math.min(this.geom.hi, v));
      this.pointer = { x1: clamp(cur.x1 + moves[e.key][0]), x2: this.geom.mode === 'curve' ? 0 : clamp(cur.x2 + moves[e.key][1]) };
      this.pointerSource = 'keys';
      this.#read();
    };
    this.onFocus = () => {
      if (!this.pointer) {
        this.pointer = { x1: 0, x2: 0 };
        this.pointerSource = 'keys';
        this.#read();
      }
    };
    this.onBlur = () => this.pointerSource === 'keys' && this.#clear();
    // A click or tap on a training point picks it (for the stepper), when the owner asks.
    this.onClick = (e) => {
      if (!this.pick || !this.geom) return;
      const [x, y] = fromEvent(e);
      const hit = this.#pointAt(x, y);
      if (hit && !hit.test) this.pick(hit.index);
    };
    p.addEventListener('click', this.onClick);
    p.addEventListener('pointermove', this.onMove);
    p.addEventListener('pointerdown', this.onMove);
    p.addEventListener('pointerleave', this.onLeave);
    p.addEventListener('keydown', this.onKey);
    p.addEventListener('focus', this.onFocus);
    p.addEventListener('blur', this.onBlur);
  }

  #clear() {
    this.pointer = null;
    this.pointerSource = null;
    this.readout.hide();
    this.marker?.setAttribute('visibility', 'hidden');
    this.rule?.setAttribute('visibility', 'hidden');
  }

  // The model's output at (x1, x2): the grid cell under it.
  #cellAt(x1, x2) {
    const { size, extent } = this.grid;
    const [lo, hi] = extent;
    const c = Math.max(0, Math.min(size - 1, Math.floor(((x1 - lo) / (hi - lo)) * size)));
    const r = Math.max(0, Math.min(size - 1, Math.floor(((hi - x2) / (hi - lo)) * size)));
    return { r, c };
  }

  #read() {
    if (!this.grid || !this.pointer || !this.geom) return;
    const t = this.t;
    const { x1, x2 } = this.pointer;
    const { size, outputs, data } = this.grid;
    const { r, c } = this.#cellAt(x1, x2);
    const lines = [];
    let px;
    let py;
    if (this.geom.mode === 'curve') {
      const v = this.#onLine(c);
      lines.push(t('boundary.atX', { x1: formatNumber(x1, 2) }), t('boundary.predValue', { value: formatNumber(v) }));
      [px, py] = this.#toPx(x1, v);
      this.rule.setAttribute('x1', px);
      this.rule.setAttribute('x2', px);
      this.rule.setAttribute('visibility', 'visible');
    } else {
      lines.push(t('boundary.at', { x1: formatNumber(x1, 2), x2: formatNumber(x2, 2) }));
      const o = (r * size + c) * outputs;
      const kind = this.context.output;
      if (kind === 'value') {
        lines.push(t('boundary.predValue', { value: formatNumber(data[o]) }));
      } else {
        let k;
        let p;
        if (kind === 'logits' && outputs > 1) {
          const probs = softmaxInto(data, o, outputs, new Float32Array(outputs));
          k = probs.indexOf(Math.max(...probs));
          p = probs[k];
        } else {
          const p1 = kind === 'logit' ? sigmoid(data[o]) : data[o];
          k = p1 >= 0.5 ? 1 : 0;
          p = k === 1 ? p1 : 1 - p1;
        }
        lines.push(t('boundary.predClass', { k, color: t(`color.${k % 8}`), p: formatPercent(p) }));
      }
      [px, py] = this.#toPx(x1, x2);
      this.rule?.setAttribute('visibility', 'hidden');
    }
    const near = this.#nearestPoint(px, this.geom.mode === 'curve' ? this.pointer.py ?? py : py);
    if (near) lines.push(near);
    this.marker.setAttribute('transform', `translate(${px},${py})`);
    this.marker.setAttribute('visibility', 'visible');
    this.readout.show(lines, px + M.left, py + M.top);
  }

  // The data point nearest (px, py) within reach: {test, index, y}, or null.
  #pointAt(px, py) {
    const reach = this.#radius() + 3;
    let best = null;
    let bestD = reach * reach;
    for (const { set, test } of this.#pointSets()) {
      for (let i = 0; i < set.y.length; i++) {
        const [qx, qy] = this.#toPx(set.points[2 * i], this.geom.mode === 'curve' ? set.y[i] : set.points[2 * i + 1]);
        const d = (qx - px) ** 2 + (qy - py) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = { test, index: i, y: set.y[i] };
        }
      }
    }
    return best;
  }

  // A line about the data point under (px, py), if one is within reach.
  #nearestPoint(px, py) {
    const best = this.#pointAt(px, py);
    if (!best) return null;
    const t = this.t;
    const which = t(best.test ? 'boundary.testPoint' : 'boundary.trainPoint');
    return this.context.output === 'value'
      ? t('boundary.pointValue', { which, value: formatNumber(best.y) })
      : t('boundary.pointClass', { which, k: best.y, color: t(`color.${best.y % 8}`) });
  }
}

// The common case of #upsample, one output: the same interpolation without the inner loop.
function upsampleOne(data, size, UP, out) {
  const up = size * UP;
  for (let r = 0; r < up; r++) {
    const fy = Math.max(0, Math.min(size - 1, (r + 0.5) / UP - 0.5));
    const r0 = Math.floor(fy);
    const r1 = Math.min(size - 1, r0 + 1);
    const wy = fy - r0;
    const row0 = r0 * size;
    const row1 = r1 * size;
    for (let c = 0; c < up; c++) {
      const fx = Math.max(0, Math.min(size - 1, (c + 0.5) / UP - 0.5));
      const c0 = Math.floor(fx);
      const c1 = c0 + 1 < size ? c0 + 1 : c0;
      const wx = fx - c0;
      const top = data[row0 + c0] + (data[row0 + c1] - data[row0 + c0]) * wx;
      const bottom = data[row1 + c0] + (data[row1 + c1] - data[row1 + c0]) * wx;
      out[r * up + c] = top + (bottom - top) * wy;
    }
  }
  return out;
}

const PACKED = packTable(DIVERGING); // the heatmap map as 32-bit pixels

// σ(z) as a diverging-table entry for z ∈ [−Z_MAX, Z_MAX] in SIGMOID_STEPS steps (beyond,
// σ is 0 or 1 to the table's precision): one lookup per pixel instead of an exp.
const Z_MAX = 12;
const SIGMOID_STEPS = 4096;
const SIGMOID_INDEX = Uint16Array.from({ length: SIGMOID_STEPS + 1 },
  (_, i) => Math.round(2 * sigmoid(((2 * i) / SIGMOID_STEPS - 1) * Z_MAX) * 128));

// True when every point has x2 = 0 (1-D data such as "sine").
function onLine(data) {
  const p = data?.train?.points;
  if (!p || p.length === 0 || data.features?.length === undefined) return false;
  for (let i = 1; i < p.length; i += 2) if (p[i] !== 0) return false;
  return true;
}


function curveRange(scale) {
  const r = niceTicks(0, scale * 1.3, 3).find((v) => v >= scale * 1.2) ?? scale * 1.3;
  return [-r, r];
}

function rampCss(table) {
  const stops = [0, 64, 128, 192, 256].map((i) => rgbToCss(table.subarray(3 * i, 3 * i + 3)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
