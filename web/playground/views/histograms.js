// Per-layer histograms, as small multiples: one row per layer (each hidden layer, then the
// output), three histograms per row: its weights, its outputs (after the activation) and the
// gradient of the loss with respect to its weights, all over the training set at the current
// weights (snapshot.stats, one entry per spec layer; every summary has `histogram` bins spread
// evenly over [min, max]).
//
// These are the pictures of the initialisation lesson: with a bad initialiser the outputs of
// deep layers collapse to 0 or pile up at ±1 (saturated), and the gradients shrink layer by
// layer (vanishing) or grow (exploding). Badges count dead ReLU units (0 for every sample)
// and saturated tanh/sigmoid outputs. Bars left of 0 are orange, right of 0 blue, as weights
// are everywhere; a thin line marks 0 and a tick the mean.
//
// Hover or tap a histogram (or focus the panel and use the arrow keys) for its mean, std,
// min, max and the bar under the pointer.
import { NEGATIVE, POSITIVE } from '../../lib/palette.js';
import { el } from '../../lib/dom.js';
import { fitCanvas, watchSize } from '../../lib/canvas.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { Readout, activationLabel, themeOf, translator } from './common.js';

const ACTIVATIONS = new Set(['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity', 'softmax']);
const KINDS = ['weights', 'activations', 'gradients'];
const BAR_H = 46;
const LABEL_H = 14;

export class HistogramsView {
  constructor(container, { t } = {}) {
    this.t = translator(t);
    this.root = el('div', { class: 'lw-view lw-histograms' }, container);
    this.body = el('div', { class: 'lw-focusable lw-rel', tabindex: '0', role: 'group' }, this.root);
    this.heads = el('div', { class: 'lw-hist-heads' }, this.body);
    this.rowsBox = el('div', {}, this.body);
    this.message = el('div', { class: 'lw-empty' }, this.root);
    this.frame = el('div', { class: 'lw-hist-frame' }, this.body);
    this.frame.hidden = true;
    this.readout = new Readout(this.body);
    this.rows = [];
    this.width = 0;
    this.stats = undefined; // none yet; null: the worker found a value that is not finite
    this.context = null;
    this.shapeKey = '';
    this.cursor = null; // {r, k} being read
    this.cursorSource = null;
    this.stopWatch = watchSize(this.root, (w) => {
      this.width = w;
      this.shapeKey = '';
      this.#render();
    });
    this.#listen();
  }

  update(snapshot, context) {
    if (context?.t) this.t = translator(context.t);
    this.context = context;
    if (snapshot && 'stats' in snapshot) this.stats = snapshot.stats;
    this.#render();
  }

  destroy() {
    this.stopWatch();
    this.root.remove();
  }

  // One row per linear layer: its weights and weight gradients, the output of the activation
  // after it (dead and saturated counted there).
  #layers() {
    const stats = this.stats;
    const rows = [];
    for (let k = 0; k < stats.length; k++) {
      if (stats[k].type !== 'linear') continue;
      let show = k;
      if (k + 1 < stats.length && ACTIVATIONS.has(stats[k + 1].type)) show = k + 1;
      rows.push({
        linear: k,
        activation: show === k ? 'identity' : stats[show].type,
        weights: stats[k].weights,
        activations: stats[show].activations,
        gradients: stats[k].weightGrads,
        dead: stats[show].dead,
        saturated: stats[show].saturated,
      });
    }
    return rows;
  }

  #render() {
    if (!this.context || !this.width) return;
    const t = this.t;
    if (!this.stats) {
      this.body.hidden = true;
      this.message.hidden = false;
      this.message.textContent = t(this.stats === null ? 'hist.unavailable' : 'hist.empty');
      return;
    }
    this.body.hidden = false;
    this.message.hidden = true;
    const layers = this.#layers();
    const key = `${layers.map((l) => l.activation).join(',')}|${this.width}|${this.context.lang}`;
    if (key !== this.shapeKey) {
      this.shapeKey = key;
      this.#build(layers);
    }
    this.theme ??= themeOf(this.root);
    layers.forEach((layer, r) => this.#drawRow(this.rows[r], layer));
    if (this.cursor) this.#read();
  }

  #build(layers) {
    const t = this.t;
    this.body.setAttribute('aria-label', t('hist.label'));
    this.heads.replaceChildren(...KINDS.map((k) => el('div', { text: t(`hist.${k}`) })));
    this.rows = layers.map((layer, r) => {
      const row = el('div', { class: 'lw-hist-row' });
      const head = el('div', { class: 'lw-hist-head' }, row);
      const name = r === layers.length - 1
        ? t('hist.output', { activation: activationLabel(t, layer.activation) })
        : t('hist.layer', { n: r + 1, activation: activationLabel(t, layer.activation) });
      el('span', { class: 'lw-muted', text: name }, head);
      const badge = el('span', { class: 'lw-badge' }, head);
      const canvas = el('canvas', { class: 'lw-pan-y' }, row);
      return { row, badge, canvas, name };
    });
    this.rowsBox.replaceChildren(...this.rows.map((r) => r.row));
    if (this.cursor && this.cursor.r >= this.rows.length) this.cursor = null;
  }

  #cellWidth() {
    return (this.width - 24) / 3;
  }

  #drawRow(row, layer) {
    const t = this.t;
    row.layer = layer;
    // badge: dead ReLU units or saturated outputs
    let text = '';
    let warn = false;
    let help = '';
    const output = row === this.rows[this.rows.length - 1]; // saturated there means sure, not stuck
    if (output) {
      // no badge
    } else if (layer.activation === 'relu') {
      text = t('hist.dead', { p: formatPercent(layer.dead) });
      warn = layer.dead > 0;
      help = t('hist.deadHelp');
    } else if (layer.activation === 'tanh' || layer.activation === 'sigmoid') {
      text = t('hist.saturated', { p: formatPercent(layer.saturated) });
      warn = layer.saturated > 0.05;
      help = t('hist.saturatedHelp');
    }
    if (row.badge.textContent !== text) row.badge.textContent = text;
    row.badge.hidden = !text;
    row.badge.className = `lw-badge${warn ? ' lw-warn' : ''}`;
    row.badge.title = help;

    const W = this.width;
    const H = BAR_H + LABEL_H;
    const ctx = fitCanvas(row.canvas, W, H);
    ctx.clearRect(0, 0, W, H);
    const cw = this.#cellWidth();
    const th = this.theme;
    ctx.font = `10px ${th.font}`;
    KINDS.forEach((kind, k) => {
      const s = layer[kind];
      const x = k * (cw + 12);
      this.#histogram(ctx, th, s, x, cw);
    });
  }

  #histogram(ctx, th, s, x, w) {
    ctx.fillStyle = '#f4f4f2';
    ctx.fillRect(x, 0, w, BAR_H);
    if (!s || !s.count || !s.histogram?.length) return;
    const bins = s.histogram;
    const n = bins.length;
    let top = 0;
    for (const c of bins) top = Math.max(top, c);
    const bw = w / n;
    const span = s.max - s.min;
    for (let b = 0; b < n; b++) {
      if (!bins[b]) continue;
      const h = Math.max(1, (bins[b] / top) * (BAR_H - 4));
      const centre = span > 0 ? s.min + ((b + 0.5) / n) * span : s.min;
      ctx.fillStyle = centre < 0 ? NEGATIVE : POSITIVE;
      ctx.globalAlpha = centre === 0 ? 0.5 : 0.85;
      ctx.fillRect(x + b * bw + 0.5, BAR_H - h, Math.max(1, bw - 1), h);
    }
    ctx.globalAlpha = 1;
    const xOf = (v) => (span > 0 ? x + ((v - s.min) / span) * w : x + w / 2);
    if (s.min < 0 && s.max > 0) {
      ctx.fillStyle = th.ink;
      ctx.globalAlpha = 0.55;
      ctx.fillRect(Math.round(xOf(0)) - 0.5, 0, 1, BAR_H);
      ctx.globalAlpha = 1;
    }
    // the mean: a small triangle under the baseline
    const mx = xOf(s.mean);
    ctx.fillStyle = th.ink;
    ctx.beginPath();
    ctx.moveTo(mx, BAR_H);
    ctx.lineTo(mx - 3.5, BAR_H + 5);
    ctx.lineTo(mx + 3.5, BAR_H + 5);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = th.muted;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText(formatNumber(s.min, 2), x, BAR_H + 3);
    ctx.textAlign = 'right';
    ctx.fillText(formatNumber(s.max, 2), x + w, BAR_H + 3);
  }

  // ---- reading ----

  #read(bin = null) {
    const { r, k } = this.cursor;
    const row = this.rows[r];
    const s = row?.layer?.[KINDS[k]];
    if (!row || !s) return;
    const t = this.t;
    const lines = [t('hist.head', { layer: row.name, what: t(`hist.${KINDS[k]}`) })];
    if (s.count) {
      lines.push(t('hist.summary', { mean: formatNumber(s.mean), std: formatNumber(s.std) }),
        t('hist.minmax', { min: formatNumber(s.min), max: formatNumber(s.max), count: s.count }));
      if (bin !== null && s.histogram?.[bin] !== undefined) {
        const n = s.histogram.length;
        const span = s.max - s.min;
        lines.push(t('hist.bin', { lo: formatNumber(s.min + (bin / n) * span), hi: formatNumber(s.min + ((bin + 1) / n) * span), count: s.histogram[bin] }));
      }
    }
    const cw = this.#cellWidth();
    const x = k * (cw + 12) + cw / 2;
    const y = row.canvas.offsetTop;
    this.#ring(r, k);
    this.readout.show(lines, x, y);
  }

  // A frame around the histogram being read.
  #ring(r, k) {
    const canvas = this.rows[r].canvas;
    const cw = this.#cellWidth();
    Object.assign(this.frame.style, {
      left: `${canvas.offsetLeft + k * (cw + 12) - 3}px`,
      top: `${canvas.offsetTop - 3}px`,
      width: `${cw + 6}px`,
      height: `${BAR_H + 6}px`,
    });
    this.frame.hidden = false;
  }

  #clear() {
    this.cursor = null;
    this.cursorSource = null;
    this.readout.hide();
    this.frame.hidden = true;
  }

  #listen() {
    const at = (e) => {
      for (let r = 0; r < this.rows.length; r++) {
        const box = this.rows[r].canvas.getBoundingClientRect();
        if (e.clientY < box.top || e.clientY > box.bottom) continue;
        const x = e.clientX - box.left;
        const cw = this.#cellWidth();
        const k = Math.floor(x / (cw + 12));
        const inCell = x - k * (cw + 12);
        if (k < 0 || k > 2 || inCell > cw) return null;
        const bins = this.rows[r].layer?.[KINDS[k]]?.histogram?.length ?? 0;
        return { r, k, bin: bins ? Math.min(bins - 1, Math.floor((inCell / cw) * bins)) : null };
      }
      return null;
    };
    const move = (e) => {
      const hit = at(e);
      if (!hit) {
        if (this.cursorSource === 'pointer') this.#clear();
        return;
      }
      this.cursor = { r: hit.r, k: hit.k };
      this.cursorSource = 'pointer';
      this.#read(hit.bin);
    };
    this.body.addEventListener('pointermove', move);
    this.body.addEventListener('pointerdown', move);
    this.body.addEventListener('pointerleave', (e) => e.pointerType === 'mouse' && this.cursorSource === 'pointer' && this.#clear());
    this.body.addEventListener('focus', () => {
      if (!this.cursor && this.rows.length) {
        this.cursor = { r: 0, k: 0 };
        this.cursorSource = 'keys';
        this.#read();
      }
    });
    this.body.addEventListener('blur', () => this.cursorSource === 'keys' && this.#clear());
    this.body.addEventListener('keydown', (e) => {
      if (!this.rows.length) return;
      const c = this.cursor ?? { r: 0, k: 0 };
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (e.key === 'Escape') return this.#clear();
      if (!moves[e.key]) return;
      e.preventDefault();
      this.cursor = {
        r: Math.max(0, Math.min(this.rows.length - 1, c.r + moves[e.key][0])),
        k: Math.max(0, Math.min(2, c.k + moves[e.key][1])),
      };
      this.cursorSource = 'keys';
      this.#read();
    });
  }
}
