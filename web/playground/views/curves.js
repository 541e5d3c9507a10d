// Learning curves: train and test loss over the epochs (linear or log scale) and, for
// classification, train and test accuracy below it, sharing the epoch axis.
//
// The element keeps the history and passes it in the context; one entry per snapshot it
// received, in order, all arrays of the same length (plain or typed arrays):
//
//   context.history = {
//     epochs:        number[]            epoch of each entry (whole epochs since init/reset)
//     trainLoss:     number[]            snapshot.trainLoss
//     testLoss:      (number | null)[]   snapshot.testLoss (null: no test set)
//     trainAccuracy: (number | null)[]   snapshot.trainAccuracy in [0, 1] (null: regression)
//     testAccuracy:  (number | null)[]   snapshot.testAccuracy
//   }
//
// Train is a solid dark line, test a dashed purple one (told apart by pattern as well as
// colour). Long histories are drawn as one min/max segment per pixel column, so ten thousand
// epochs cost what a few hundred do. Hover or touch to read the values at an epoch under a
// crosshair; when focused, the arrow keys move the read-out (Shift: 10 at a time, Home/End).
import { el } from '../../lib/dom.js';
import { fitCanvas, watchSize } from '../../lib/canvas.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { Readout, niceTicks, themeOf, translator } from './common.js';

const TEST = '#B04A8A'; // Okabe–Ito reddish purple, darkened for thin lines on white
const RUN_B = '#D55E00'; // Okabe–Ito vermillion: run B of an A/B comparison (context.compare)
const M = { left: 40, right: 10, top: 24, gap: 16, bottom: 22 };

export class CurvesView {
  constructor(container, { t } = {}) {
    this.t = translator(t);
    this.root = el('div', { class: 'lw-view lw-curves' }, container);
    this.head = el('div', { class: 'lw-legend lw-curves-head' }, this.root);
    this.keys = el('span', { class: 'lw-keys' }, this.head);
    const toggle = el('label', { class: 'lw-toggle' }, this.head);
    this.logBox = el('input', { type: 'checkbox' }, toggle);
    this.logText = el('span', {}, toggle);
    this.logBox.addEventListener('change', () => this.#draw());
    this.plot = el('div', {
      class: 'lw-focusable lw-rel lw-pan-y', tabindex: '0', role: 'img',
    }, this.root);
    this.canvas = el('canvas', {}, this.plot);
    this.readout = new Readout(this.plot);
    this.width = 0;
    this.history = null;
    this.context = null;
    this.cursor = null; // index being read, or null
    this.cursorSource = null;
    this.pointerX = 0;
    this.langKey = '';
    this.stopWatch = watchSize(this.root, (w) => {
      this.width = w;
      this.#draw();
    });
    this.#listen();
  }

  update(snapshot, context) {
    if (context?.t) this.t = translator(context.t);
    this.context = context;
    this.history = context?.history ?? null;
    this.#draw();
  }

  destroy() {
    this.stopWatch();
    this.root.remove();
  }

  get #n() {
    return this.history?.epochs?.length ?? 0;
  }

  #hasAccuracy() {
    const h = this.history;
    if (!h || this.context?.output === 'value') return false;
    const a = h.trainAccuracy;
    return !!a && a.length > 0 && a[a.length - 1] !== null && a[a.length - 1] !== undefined;
  }

  #labels() {
    const key = `${this.context?.lang ?? ''}|${Boolean(this.context?.compare)}`;
    if (key === this.langKey && this.keys.childElementCount) return;
    this.langKey = key;
    const t = this.t;
    const line = (color, dashed, label) => {
      const k = el('span', { class: 'lw-key' });
      el('span', { class: `lw-swatch lw-line${dashed ? ' lw-dashed' : ''}`, style: `border-color:${color}` }, k);
      k.append(label);
      return k;
    };
    const keys = [line('var(--ink, #1f2933)', false, t('curves.train')), line(TEST, true, t('curves.test'))];
    if (this.context?.compare) keys.push(line(RUN_B, false, t('curves.trainB')), line(RUN_B, true, t('curves.testB')));
    this.keys.replaceChildren(...keys);
    this.logText.textContent = t('curves.logScale');
    this.plot.setAttribute('aria-label', t('curves.label'));
  }

  // ---- drawing ----

  #draw() {
    if (!this.width || !this.context) return;
    this.#labels();
    const th = (this.theme ??= themeOf(this.root));
    const W = this.width;
    const acc = this.#hasAccuracy();
    const lossH = acc ? 118 : 150;
    const accH = acc ? 78 : 0;
    const H = M.top + lossH + (acc ? M.gap + M.top + accH : 0) + M.bottom;
    const ctx = fitCanvas(this.canvas, W, H);
    ctx.clearRect(0, 0, W, H);
    ctx.font = `10.5px ${th.font}`;
    const x0 = M.left;
    const x1 = W - M.right;
    const n = this.#n;
    const h = this.history;
    const e0 = n ? h.epochs[0] : 0;
    const e1 = n ? Math.max(h.epochs[n - 1], e0 + 1) : 1;
    const xOf = (e) => x0 + ((e - e0) / (e1 - e0)) * (x1 - x0);
    this.frame = { x0, x1, e0, e1, xOf, panels: [] };

    const log = this.logBox.checked;
    const b = this.context.compare?.history ?? null; // run B's curves, on A's axes
    const losses = n ? [h.trainLoss, h.testLoss] : [];
    let lo = Infinity;
    let hi = -Infinity;
    const lossSeries = b ? [...losses.map((s) => [s, n]), [b.trainLoss, b.epochs.length], [b.testLoss, b.epochs.length]] : losses.map((s) => [s, n]);
    for (const [s, count] of lossSeries) {
      if (!s) continue;
      for (let i = 0; i < count; i++) {
        const v = s[i];
        if (v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(hi >= lo)) [lo, hi] = log ? [0.01, 1] : [0, 1];
    let ticks;
    let yOfLoss;
    const top1 = M.top;
    if (log) {
      const a = Math.floor(Math.log10(lo));
      const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
      ticks = [];
      for (let p = a; p <= b; p++) ticks.push(10 ** p);
      if (b - a === 1) ticks.splice(1, 0, 2 * 10 ** a, 5 * 10 ** a);
      yOfLoss = (v) => top1 + lossH - ((Math.log10(Math.max(v, 10 ** a)) - a) / (b - a)) * lossH;
    } else {
      ticks = niceTicks(0, hi * 1.05, 4);
      const top = Math.max(ticks[ticks.length - 1], hi);
      yOfLoss = (v) => top1 + lossH - (v / top) * lossH;
    }
    this.#panel(ctx, th, top1, lossH, this.t('curves.loss'), ticks, yOfLoss, formatNumber);
    this.frame.panels.push({ series: [h?.trainLoss, h?.testLoss], yOf: yOfLoss, top: top1, h: lossH });
    if (n) {
      this.#series(ctx, h.epochs, h.trainLoss, xOf, yOfLoss, th.ink, false, log);
      this.#series(ctx, h.epochs, h.testLoss, xOf, yOfLoss, TEST, true, log);
      if (b) {
        this.#series(ctx, b.epochs, b.trainLoss, xOf, yOfLoss, RUN_B, false, log);
        this.#series(ctx, b.epochs, b.testLoss, xOf, yOfLoss, RUN_B, true, log);
      }
    } else {
      ctx.fillStyle = th.muted;
      ctx.textAlign = 'center';
      ctx.fillText(this.t('curves.empty'), (x0 + x1) / 2, top1 + lossH / 2);
    }
    let bottom = top1 + lossH;
    if (acc) {
      const top2 = bottom + M.gap + M.top;
      let amin = 1;
      for (const s of [h.trainAccuracy, h.testAccuracy]) {
        if (!s) continue;
        for (let i = 0; i < n; i++) if (s[i] !== null && s[i] !== undefined && s[i] < amin) amin = s[i];
      }
      const aLo = Math.max(0, Math.min(0.5, Math.floor(amin * 10) / 10));
      const yOfAcc = (v) => top2 + accH - ((v - aLo) / (1 - aLo)) * accH;
      const aTicks = niceTicks(aLo, 1, 3);
      this.#panel(ctx, th, top2, accH, this.t('curves.accuracy'), aTicks, yOfAcc, (v) => `${Math.round(100 * v)}%`);
      this.#series(ctx, h.epochs, h.trainAccuracy, xOf, yOfAcc, th.ink, false, false);
      this.#series(ctx, h.epochs, h.testAccuracy, xOf, yOfAcc, TEST, true, false);
      if (b) {
        this.#series(ctx, b.epochs, b.trainAccuracy, xOf, yOfAcc, RUN_B, false, false);
        this.#series(ctx, b.epochs, b.testAccuracy, xOf, yOfAcc, RUN_B, true, false);
      }
      this.frame.panels.push({ series: [h.trainAccuracy, h.testAccuracy], yOf: yOfAcc, top: top2, h: accH });
      bottom = top2 + accH;
    }
    // epoch axis
    ctx.fillStyle = th.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const eTicks = niceTicks(e0, e1, Math.max(2, Math.floor((x1 - x0) / 70))).filter((v) => Number.isInteger(v));
    const title = this.t('curves.epochs');
    const room = x1 - ctx.measureText(title).width - 8; // tick labels stop short of the title
    for (const v of eTicks) {
      const label = formatNumber(v, 6);
      if (xOf(v) + ctx.measureText(label).width / 2 < room) ctx.fillText(label, xOf(v), bottom + 5);
    }
    ctx.textAlign = 'right';
    ctx.fillText(title, x1, bottom + 5);
    this.frame.bottom = bottom;
    // The epoch the timeline shows (context.timeline): a marker across both panels.
    const kept = this.context.timeline?.epoch;
    if (kept !== undefined && kept !== null && n) {
      const x = Math.round(xOf(Math.max(e0, Math.min(e1, kept)))) + 0.5;
      ctx.save();
      ctx.strokeStyle = th.accent;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, M.top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    }
    if (this.cursor !== null && n) {
      if (this.cursorSource === 'pointer') this.cursor = this.#indexAtX(this.pointerX);
      else if (this.follow) this.cursor = n - 1;
      this.#readAt(Math.min(this.cursor, n - 1));
    }
  }

  #panel(ctx, th, top, h, title, ticks, yOf, label) {
    const { x0, x1 } = this.frame;
    ctx.strokeStyle = th.line;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.fillStyle = th.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of ticks) {
      const y = Math.round(yOf(v)) + 0.5;
      if (y < top - 1 || y > top + h + 1) continue;
      ctx.moveTo(x0, y);
      ctx.lineTo(x1, y);
      ctx.fillText(label(v), x0 - 5, y);
    }
    ctx.stroke();
    ctx.strokeStyle = th.muted;
    ctx.beginPath();
    ctx.moveTo(x0, top + h + 0.5);
    ctx.lineTo(x1, top + h + 0.5);
    ctx.stroke();
    ctx.fillStyle = th.ink;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.font = `600 11.5px ${th.font}`;
    ctx.fillText(title, 2, top - 12);
    ctx.font = `10.5px ${th.font}`;
  }

  // One curve; several entries in one pixel column become one vertical min–max stroke.
  #series(ctx, epochs, values, xOf, yOf, color, dashed, log) {
    if (!values) return;
    const n = Math.min(epochs.length, values.length);
    ctx.beginPath();
    let started = false;
    let col = NaN;
    let yMin = 0;
    let yMax = 0;
    let yLast = 0;
    const flush = () => {
      if (yMax - yMin > 1) {
        ctx.lineTo(col, yMin);
        ctx.lineTo(col, yMax);
      }
      ctx.lineTo(col, yLast);
    };
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0)) continue;
      const x = Math.round(xOf(epochs[i]) * 2) / 2;
      const y = yOf(v);
      if (!started) {
        ctx.moveTo(x, y);
        started = true;
        col = x;
        yMin = yMax = yLast = y;
        continue;
      }
      if (x === col) {
        yMin = Math.min(yMin, y);
        yMax = Math.max(yMax, y);
        yLast = y;
        continue;
      }
      flush();
      col = x;
      yMin = yMax = yLast = y;
    }
    if (!started) return;
    flush();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.setLineDash(dashed ? [5, 3] : []);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // ---- reading ----

  #indexAtX(x) {
    const n = this.#n;
    if (!n) return null;
    const { x0, x1, e0, e1 } = this.frame;
    const e = e0 + ((x - x0) / (x1 - x0)) * (e1 - e0);
    const ep = this.history.epochs;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ep[mid] < e) lo = mid;
      else hi = mid;
    }
    return Math.abs(ep[lo] - e) <= Math.abs(ep[hi] - e) ? lo : hi;
  }

  #readAt(i) {
    if (i === null || i < 0 || !this.frame) return;
    this.cursor = i;
    const h = this.history;
    const t = this.t;
    const x = this.frame.xOf(h.epochs[i]);
    const ctx = this.canvas.getContext('2d');
    const th = this.theme;
    ctx.strokeStyle = th.ink;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, M.top - 4);
    ctx.lineTo(Math.round(x) + 0.5, this.frame.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    let topY = Infinity;
    for (const p of this.frame.panels) {
      p.series.forEach((s, k) => {
        const v = s?.[i];
        if (v === null || v === undefined || !Number.isFinite(v)) return;
        const y = Math.max(p.top, Math.min(p.top + p.h, p.yOf(v)));
        topY = Math.min(topY, y);
        ctx.beginPath();
        ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
        ctx.fillStyle = k === 0 ? th.ink : TEST;
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1.5;
        ctx.fill();
        ctx.stroke();
      });
    }
    const lines = [t('curves.epoch', { epoch: h.epochs[i] })];
    const add = (key, v, f) => v !== null && v !== undefined && lines.push(t(key, { v: f(v) }));
    add('curves.trainLoss', h.trainLoss?.[i], formatNumber);
    add('curves.testLoss', h.testLoss?.[i], formatNumber);
    if (this.#hasAccuracy()) {
      add('curves.trainAccuracy', h.trainAccuracy?.[i], formatPercent);
      add('curves.testAccuracy', h.testAccuracy?.[i], formatPercent);
    }
    this.readout.show(lines, x, Number.isFinite(topY) ? topY : M.top);
  }

  #listen() {
    const p = this.plot;
    const move = (e) => {
      if (!this.frame || !this.#n) return;
      const r = this.canvas.getBoundingClientRect();
      const x = e.clientX - r.left;
      if (x < this.frame.x0 - 6 || x > this.frame.x1 + 6) return this.#clear();
      this.pointerX = x;
      this.cursorSource = 'pointer';
      this.cursor = this.#indexAtX(x);
      this.#draw();
    };
    p.addEventListener('pointermove', move);
    p.addEventListener('pointerdown', move);
    p.addEventListener('pointerleave', (e) => e.pointerType === 'mouse' && this.cursorSource === 'pointer' && this.#clear());
    p.addEventListener('focus', () => {
      if (this.cursor === null && this.#n) {
        this.cursor = this.#n - 1;
        this.follow = true;
        this.cursorSource = 'keys';
        this.#draw();
      }
    });
    p.addEventListener('blur', () => this.cursorSource === 'keys' && this.#clear());
    p.addEventListener('keydown', (e) => {
      const n = this.#n;
      if (!n) return;
      const i = this.cursor ?? n - 1;
      const step = e.shiftKey ? 10 : 1;
      const to = { ArrowLeft: i - step, ArrowRight: i + step, Home: 0, End: n - 1 }[e.key];
      if (e.key === 'Escape') return this.#clear();
      if (to === undefined) return;
      e.preventDefault();
      this.cursor = Math.max(0, Math.min(n - 1, to));
      this.follow = this.cursor === n - 1; // at the newest epoch: stay there as training goes on
      this.cursorSource = 'keys';
      this.#draw();
    });
  }

  #clear() {
    if (this.cursor === null) return;
    this.cursor = null;
    this.cursorSource = null;
    this.readout.hide();
    this.#draw();
  }
}
