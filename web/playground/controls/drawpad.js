// The point painter of the "drawn" dataset: a square over the input plane [-6, 6]² where a
// learner clicks, taps or drags to add points, and the tools around it.
//
//   Classes | Values   what a point carries: a class (2 to 5, Okabe–Ito colours) or, for
//                      regression, a value in [−1, 1] set with the brush's slider and shown on
//                      the boundary view's orange (−) … blue (+) map (drawn.classes = 0)
//   brush              the class (or value) to paint, or the eraser; − and + remove the last
//                      class (and its points) or add one; each class's button shows its colour
//                      and marker shape (palette.js), as the boundary view draws its points
//   brush size         1 to 5 (BRUSH_SIZES): how many points one click, tap, Enter or dab of a
//                      stroke puts down (1, 3, 6, 10, 15), spread evenly over a disc of radius
//                      0, 0.3, 0.6, 0.9 or 1.2 data units around it (a sunflower pattern, turned
//                      at random each dab; points that would fall off the plane are left out)
//   Undo, Redo, Clear  every edit is one step (a whole drag stroke is one step); a change from
//                      outside (a file, "start from") is one too
//   Start from         a generated dataset, copied in to be edited
//   Open/Save CSV      x,y,label (or x,y,value) lines (csv.js); a report lists skipped lines
//
// The points live in the element (`drawn` = {x, y, classes}); the pad shows them (update) and
// changes them through actions.change(next) only. Keyboard on the plot: the arrow keys move a
// cursor, Enter or Space adds a point there, Delete erases, 0–4 pick a class, E the eraser,
// Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes; so the pad works without a pointer too.
import { fitSquare } from '../../lib/canvas.js';
import { CLASS_COLORS, classMarker, classShape, divergingCss, markerPath } from '../../lib/palette.js';
import { DATASETS } from '../state.js';
import { EXTENT, MAX_CLASSES, MAX_POINTS } from './csv.js';
import { ICONS, h, icon, newId, relabel, setText } from '../../lib/dom.js';

const ERASE_RADIUS = 0.6; // in data units
const SPRAY_GAP = 0.35; // while dragging, a new dab at least this far (plus the brush's radius) from the last one
/** Brush size s (1 ..): {points, radius}: points per dab, over a disc of radius (data units). */
export const BRUSH_SIZES = Object.freeze([1, 3, 6, 10, 15].map((points, i) => Object.freeze({ points, radius: (3 * i) / 10 })));
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const UNDO_DEPTH = 200;
const VALUE_STEPS = 33; // colours of values, as in the boundary view
const MAX_REPORTED = 8; // skipped lines listed by a CSV report; the rest are counted
const GENERATORS = DATASETS.filter((d) => d !== 'drawn');
const UNDO = 'M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.95 7.95 0 0 1 12.5 10c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.02 10.02 0 0 0 12.5 8z';
const REDO = 'M18.4 10.6A10 10 0 0 0 11.5 8c-4.65 0-8.58 3.03-9.96 7.22L3.9 16a8 8 0 0 1 7.6-5.5c1.95 0 3.73.72 5.12 1.88L13 16h9V7z';

const EMPTY = Object.freeze({ x: new Float32Array(0), y: new Float32Array(0), classes: 2 });

/** Same points, labels, order and classes (null is an empty set of two classes). */
function samePoints(a, b) {
  a ??= EMPTY;
  b ??= EMPTY;
  if (a.classes !== b.classes || a.y.length !== b.y.length) return false;
  for (let i = 0; i < a.y.length; i++) if (a.y[i] !== b.y[i]) return false;
  for (let i = 0; i < a.x.length; i++) if (a.x[i] !== b.x[i]) return false;
  return true;
}

export class DrawPad {
  /** actions: {change(drawn), drawFrom(dataset), importCSV(file), exportCSV()}. */
  constructor(actions) {
    this.actions = actions;
    this.drawn = EMPTY; // what the pad shows: the element's points
    this.t = (key) => key;
    this.klass = 0;
    this.value = 1;
    this.size = 1; // the brush size (BRUSH_SIZES[size - 1])
    this.erase = false;
    this.cursor = { x: 0, y: 0 };
    this.hover = null;
    this.last = null; // the stroke's last point while a pointer is down
    this.stroke = false; // the stroke has made its undo step already
    this.past = [];
    this.future = [];
    this.shown = false;
    this.brushFor = null; // the classes the brush buttons were built for

    const radio = (key, onclick) => h('button', { type: 'button', role: 'radio', class: 'pad-mode-btn', t: key, onclick });
    this.modeButtons = {
      classes: radio('draw.mode.classes', () => this.#setMode(false)),
      values: radio('draw.mode.values', () => this.#setMode(true)),
    };
    this.mode = h('div', { class: 'pad-mode', role: 'radiogroup', 't-label': 'draw.mode' },
      this.modeButtons.classes, this.modeButtons.values);
    this.classBar = h('div', { class: 'pad-classes', role: 'radiogroup', 't-label': 'draw.brush' });
    this.valueInput = h('input', { type: 'range', min: -1, max: 1, step: 0.1, value: 1, id: newId('value'),
      oninput: () => {
        this.value = Number(this.valueInput.value);
        this.erase = false;
        this.#showValue();
        this.#buildBrush();
      } });
    this.valueOut = h('output', { class: 'readout pad-value-out', 'aria-hidden': 'true' });
    this.valueRow = h('div', { class: 'field slider pad-value' },
      h('label', { for: this.valueInput.id, t: 'draw.value', 't-title': 'draw.value.tip' }), this.valueInput, this.valueOut);
    this.sizeInput = h('input', { type: 'range', min: 1, max: BRUSH_SIZES.length, step: 1, value: 1, id: newId('size'), class: 'pad-size-input',
      oninput: () => {
        this.size = Number(this.sizeInput.value);
        this.#showSize();
      } });
    this.sizeOut = h('output', { class: 'readout pad-size-out', 'aria-hidden': 'true' });
    this.sizeRow = h('div', { class: 'field slider pad-size' },
      h('label', { for: this.sizeInput.id, t: 'draw.size', 't-title': 'draw.size.tip' }), this.sizeInput, this.sizeOut);
    this.canvas = h('canvas', { class: 'pad', tabindex: '0', role: 'application', 't-label': 'draw.canvas' });
    this.undoButton = h('button', { type: 'button', class: 'btn round small', 't-label': 'draw.undo', 't-title': 'draw.undo.tip', onclick: () => this.undo() }, icon(UNDO));
    this.redoButton = h('button', { type: 'button', class: 'btn round small', 't-label': 'draw.redo', 't-title': 'draw.redo.tip', onclick: () => this.redo() }, icon(REDO));
    this.count = h('span', { class: 'pad-count', 'aria-live': 'polite' });
    this.startFrom = h('select', { class: 'pad-start', 't-label': 'draw.startFrom', 't-title': 'draw.startFrom.tip',
      onchange: () => {
        const name = this.startFrom.value;
        this.startFrom.value = '';
        if (name) this.actions.drawFrom(name);
      } },
    h('option', { value: '', t: 'draw.startFrom', disabled: true }),
    ...GENERATORS.map((d) => h('option', { value: d, t: `dataset.${d}` })));
    this.startFrom.value = '';
    this.fileInput = h('input', { type: 'file', accept: '.csv,.txt,.tsv,text/csv,text/plain', hidden: true, class: 'pad-file',
      onchange: () => {
        const file = this.fileInput.files?.[0];
        this.fileInput.value = '';
        if (file) this.actions.importCSV(file);
      } });
    this.note = h('div', { class: 'pad-note', role: 'status', 'aria-live': 'polite', hidden: true });
    this.root = h('div', { class: 'drawpad' },
      h('div', { class: 'pad-head' }, h('p', { class: 'pad-title', t: 'draw.title' }), this.count),
      h('p', { class: 'pad-hint', t: 'draw.hint' }),
      this.mode,
      this.classBar,
      this.valueRow,
      this.sizeRow,
      this.canvas,
      h('div', { class: 'pad-actions' },
        this.undoButton, this.redoButton,
        h('button', { type: 'button', class: 'btn small', t: 'draw.clear', 't-title': 'draw.clear.tip', onclick: () => this.#clear() })),
      h('div', { class: 'pad-files' },
        this.startFrom,
        h('div', { class: 'pad-csv' },
          h('button', { type: 'button', class: 'btn small', 't-title': 'draw.openCsv.tip', onclick: () => this.fileInput.click() },
            icon(ICONS.upload), h('span', { t: 'draw.openCsv' })),
          h('button', { type: 'button', class: 'btn small', 't-title': 'draw.saveCsv.tip', onclick: () => this.actions.exportCSV() },
            icon(ICONS.download), h('span', { t: 'draw.saveCsv' })),
          this.fileInput)),
      this.note);
    this.#listen();
    this.#showValue();
    new ResizeObserver(() => this.#draw()).observe(this.canvas);
  }

  /** Shows these points ({x, y, classes} or null); a change not made here is an undo step. */
  update(drawn, t) {
    const next = drawn ?? EMPTY;
    if (this.shown && !samePoints(next, this.drawn)) {
      this.#remember(this.drawn);
      this.report(null); // a file's report is about the points it brought
    }
    this.shown = true; // the first points shown (a reload's) are where the history starts
    this.drawn = next;
    this.t = t;
    this.#showSize();
    this.klass = Math.min(this.klass, this.#classes() - 1);
    if (this.brushFor !== this.#classes()) this.#buildBrush();
    this.#syncHistory();
    this.count.textContent = t('draw.count', { count: next.y.length });
    this.#draw();
  }

  /**
   * Shows a CSV report under the pad (null hides it): {kind: 'info' | 'warn' | 'error', key,
   * params, problems: [{line, key, params}]}. Its text follows the language (data-t keys).
   */
  report(r) {
    this.note.hidden = !r;
    if (!r) return this.note.replaceChildren();
    this.note.className = `pad-note ${r.kind ?? 'info'}`;
    const items = r.problems.slice(0, MAX_REPORTED).map((p) => h('li', {},
      h('span', { class: 'pad-line', t: 'csv.line', params: { line: p.line } }), ' ',
      h('span', { t: p.key, params: p.params })));
    if (r.problems.length > MAX_REPORTED) items.push(h('li', { t: 'csv.more', params: { count: r.problems.length - MAX_REPORTED } }));
    this.note.replaceChildren(h('p', { t: r.key, params: r.params }), items.length ? h('ul', {}, items) : null);
    relabel(this.note, this.t);
  }

  undo() {
    if (!this.past.length) return;
    this.future.push(this.drawn);
    this.#emit(this.past.pop());
  }

  redo() {
    if (!this.future.length) return;
    this.past.push(this.drawn);
    this.#emit(this.future.pop());
  }

  #classes() {
    return this.drawn.classes === 0 ? 0 : Math.max(2, this.drawn.classes);
  }

  #regression() {
    return this.drawn.classes === 0;
  }

  #remember(drawn) {
    this.past.push(drawn);
    if (this.past.length > UNDO_DEPTH) this.past.shift();
    this.future = [];
  }

  // An edit made here: one undo step (a stroke's later points join its first step).
  #edit(x, y, classes, { stroke = false } = {}) {
    if (!(stroke && this.stroke)) this.#remember(this.drawn);
    if (stroke) this.stroke = true;
    this.#emit({ x: Float32Array.from(x), y: Float32Array.from(y), classes });
  }

  #emit(next) {
    this.drawn = next; // so that update() sees no change from outside
    this.report(null);
    this.actions.change(next);
    this.#syncHistory();
  }

  #syncHistory() {
    this.undoButton.disabled = this.past.length === 0;
    this.redoButton.disabled = this.future.length === 0;
  }

  // Classes ↔ values keeps the points: class k of C becomes the value −1 + 2k/(C − 1) (so two
  // classes keep their colours, orange −1 and blue +1); a value becomes class 0 below 0, else 1.
  #setMode(values) {
    if (values === this.#regression()) return;
    const { x, y } = this.drawn;
    const C = this.#classes();
    const next = values ? Array.from(y, (k) => -1 + (2 * k) / (C - 1)) : Array.from(y, (v) => (v < 0 ? 0 : 1));
    this.erase = false;
    this.#edit(x, next, values ? 0 : 2);
  }

  #addClass() {
    const n = this.#classes();
    if (n >= MAX_CLASSES) return;
    this.klass = n;
    this.erase = false;
    this.#edit(this.drawn.x, this.drawn.y, n + 1);
  }

  // Removes the last class and its points.
  #removeClass() {
    const n = this.#classes();
    if (n <= 2) return;
    const { x, y } = this.drawn;
    const keep = Array.from(y, (k) => k < n - 1);
    this.#edit(x.filter((_, j) => keep[j >> 1]), y.filter((_, i) => keep[i]), n - 1);
  }

  #clear() {
    if (this.drawn.y.length === 0) return;
    this.#edit([], [], this.drawn.classes);
  }

  #pick(k) {
    this.klass = k;
    this.erase = false;
    this.#buildBrush();
  }

  #buildBrush() {
    this.brushFor = this.#classes();
    const regression = this.#regression();
    this.modeButtons.classes.setAttribute('aria-checked', String(!regression));
    this.modeButtons.values.setAttribute('aria-checked', String(regression));
    this.valueRow.hidden = !regression;
    const buttons = [];
    if (regression) {
      buttons.push(h('button', { type: 'button', role: 'radio', class: 'pad-class', 'aria-checked': String(!this.erase), 'data-key': 'paint',
        style: `--swatch: ${divergingCss(this.value)}`, t: 'draw.paint', onclick: () => { this.erase = false; this.#buildBrush(); } }));
    } else {
      const n = this.#classes();
      for (let k = 0; k < n; k++) {
        buttons.push(h('button', {
          type: 'button', role: 'radio', class: 'pad-class marked', 'aria-checked': String(!this.erase && this.klass === k), 'data-key': `class${k}`,
          't-label': 'draw.class', 't-title': 'draw.class.tip', params: { n: k },
          onclick: () => this.#pick(k),
        }, classMarker(k, { size: 16 }), String(k)));
      }
      buttons.push(h('span', { class: 'pad-class-count' },
        h('button', { type: 'button', class: 'btn round small', 'data-key': 'remove', 't-label': 'draw.removeClass', 't-title': 'draw.removeClass.tip',
          disabled: n <= 2, onclick: () => this.#removeClass() }, icon(ICONS.minus)),
        h('button', { type: 'button', class: 'btn round small', 'data-key': 'add', 't-label': 'draw.addClass', 't-title': 'draw.addClass',
          disabled: n >= MAX_CLASSES, onclick: () => this.#addClass() }, icon(ICONS.plus))));
    }
    buttons.push(h('button', { type: 'button', role: 'radio', class: 'pad-class eraser', 'data-key': 'eraser', 'aria-checked': String(this.erase), t: 'draw.eraser',
      onclick: () => { this.erase = true; this.#buildBrush(); } }));
    // the button that had the focus keeps it (rebuilt in place)
    const focused = this.root.getRootNode().activeElement;
    const key = this.classBar.contains(focused) ? focused.dataset.key : null;
    this.classBar.replaceChildren(...buttons);
    relabel(this.classBar, this.t);
    if (key) {
      const same = this.classBar.querySelector(`[data-key="${key}"]`);
      (same && !same.disabled ? same : this.classBar.querySelector('[aria-checked="true"]'))?.focus();
    }
    this.#syncHistory();
  }

  #showSize() {
    const { points, radius } = BRUSH_SIZES[this.size - 1];
    setText(this.sizeOut, 'draw.size.value', { count: points }, this.t);
    this.sizeInput.setAttribute('aria-valuetext', this.t('draw.size.text', { count: points, radius: radius.toFixed(1) }));
  }

  #showValue() {
    const v = this.value;
    this.valueOut.textContent = `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
    this.valueOut.style.setProperty('--swatch', divergingCss(v));
    this.valueInput.setAttribute('aria-valuetext', this.valueOut.textContent);
  }

  // Adds a point of the brush at (px, py), or erases those near it.
  #apply(px, py, stroke) {
    const { x, y } = this.drawn;
    if (this.erase) {
      const keep = Array.from(y, (_, i) => Math.hypot(x[2 * i] - px, x[2 * i + 1] - py) > ERASE_RADIUS);
      if (keep.every(Boolean)) return;
      this.#edit(x.filter((_, j) => keep[j >> 1]), y.filter((_, i) => keep[i]), this.drawn.classes, { stroke });
      return;
    }
    const label = this.#regression() ? Math.fround(this.value) : this.klass;
    const dab = this.#dab(px, py).slice(0, 2 * (MAX_POINTS - y.length));
    if (!dab.length) return;
    this.#edit([...x, ...dab], [...y, ...Array(dab.length / 2).fill(label)], this.drawn.classes, { stroke });
  }

  // The brush's points around (px, py), as x, y pairs: BRUSH_SIZES[size − 1].points spread over
  // its disc (point i at radius R·√((i + ½)/n), turned by the golden angle), the pattern turned
  // at random; those off the plane are left out.
  #dab(px, py) {
    const { points, radius } = BRUSH_SIZES[this.size - 1];
    if (points === 1) return [px, py];
    const turn = Math.random() * 2 * Math.PI;
    const out = [];
    for (let i = 0; i < points; i++) {
      const r = radius * Math.sqrt((i + 0.5) / points);
      const a = turn + i * GOLDEN_ANGLE;
      const qx = px + r * Math.cos(a);
      const qy = py + r * Math.sin(a);
      if (Math.abs(qx) <= EXTENT && Math.abs(qy) <= EXTENT) out.push(qx, qy);
    }
    return out;
  }

  #toData(event) {
    const r = this.canvas.getBoundingClientRect();
    const u = (event.clientX - r.left) / r.width;
    const v = (event.clientY - r.top) / r.height;
    const clamp = (a) => Math.max(-EXTENT, Math.min(EXTENT, a));
    return { x: clamp((2 * u - 1) * EXTENT), y: clamp((1 - 2 * v) * EXTENT) };
  }

  #listen() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      c.setPointerCapture?.(e.pointerId);
      const p = this.#toData(e);
      this.last = p;
      this.stroke = false;
      this.#apply(p.x, p.y, true);
      e.preventDefault();
    });
    c.addEventListener('pointermove', (e) => {
      const p = this.#toData(e);
      if (this.erase || this.size > 1) {
        this.hover = p;
        this.#draw();
      }
      if (!this.last) return;
      const gap = SPRAY_GAP + (this.erase ? 0 : BRUSH_SIZES[this.size - 1].radius);
      if (Math.hypot(p.x - this.last.x, p.y - this.last.y) < gap) return;
      this.last = p;
      this.#apply(p.x, p.y, true);
    });
    const end = () => {
      this.last = null;
      this.stroke = false;
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('pointerleave', () => {
      this.hover = null;
      this.#draw();
    });
    c.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? 2 : 0.5;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (e.ctrlKey || e.metaKey || e.altKey) return; // undo and redo: the pad's own listener
      if (moves[e.key]) {
        this.cursor.x = Math.max(-EXTENT, Math.min(EXTENT, this.cursor.x + moves[e.key][0]));
        this.cursor.y = Math.max(-EXTENT, Math.min(EXTENT, this.cursor.y + moves[e.key][1]));
        this.#draw();
      } else if (e.key === 'Enter' || e.key === ' ') {
        this.#apply(this.cursor.x, this.cursor.y, false);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const erase = this.erase;
        this.erase = true;
        this.#apply(this.cursor.x, this.cursor.y, false);
        this.erase = erase;
      } else if (/^[0-9]$/.test(e.key) && !this.#regression() && Number(e.key) < this.#classes()) {
        this.#pick(Number(e.key));
      } else if (e.key === 'e' || e.key === 'E') {
        this.erase = !this.erase;
        this.#buildBrush();
        this.#draw();
      } else {
        return;
      }
      e.preventDefault();
    });
    this.root.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.target.localName === 'select') return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) this.undo();
      else if (key === 'y' || (key === 'z' && e.shiftKey)) this.redo();
      else return;
      e.preventDefault();
    });
    c.addEventListener('focus', () => this.#draw());
    c.addEventListener('blur', () => this.#draw());
  }

  #draw() {
    const fit = fitSquare(this.canvas);
    if (!fit) return;
    const { ctx, size } = fit;
    ctx.fillStyle = '#f7f8fa';
    ctx.fillRect(0, 0, size, size);
    const at = (v) => ((v / EXTENT + 1) / 2) * size;
    ctx.strokeStyle = '#e3e7ec';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let g = -EXTENT + 2; g < EXTENT; g += 2) {
      ctx.moveTo(at(g), 0);
      ctx.lineTo(at(g), size);
      ctx.moveTo(0, size - at(g));
      ctx.lineTo(size, size - at(g));
    }
    ctx.stroke();
    ctx.strokeStyle = '#cfd6de'; // the axes
    ctx.beginPath();
    ctx.moveTo(at(0), 0);
    ctx.lineTo(at(0), size);
    ctx.moveTo(0, at(0));
    ctx.lineTo(size, at(0));
    ctx.stroke();

    const { x, y } = this.drawn;
    const regression = this.#regression();
    let scale = 1;
    if (regression) for (const v of y) scale = Math.max(scale, Math.abs(v));
    const r = Math.max(3.5, Math.min(5, size / 60));
    // one path per colour (a class, or one of VALUE_STEPS steps of a value): 2,000 points are a
    // few fills, not 2,000
    const groups = regression ? VALUE_STEPS : this.#classes();
    const group = regression ? (v) => Math.round(((Math.max(-1, Math.min(1, v / scale)) + 1) / 2) * (VALUE_STEPS - 1)) : (k) => k;
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = regression ? 'rgba(31, 41, 51, 0.45)' : '#ffffff';
    for (let g = 0; g < groups; g++) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < y.length; i++) {
        if (group(y[i]) !== g) continue;
        const px = at(x[2 * i]);
        const py = size - at(x[2 * i + 1]);
        markerPath(ctx, regression ? 'circle' : classShape(g), px, py, r);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = regression ? divergingCss((2 * g) / (VALUE_STEPS - 1) - 1) : CLASS_COLORS[g % CLASS_COLORS.length];
      ctx.fill();
      ctx.stroke();
    }
    const ring = (p, radius, dash) => {
      ctx.strokeStyle = '#1f2933';
      ctx.lineWidth = 1.5;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.arc(at(p.x), size - at(p.y), radius, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
    };
    // the eraser's reach, or a big brush's disc, around the pointer and the keyboard's cursor
    const reach = ((this.erase ? ERASE_RADIUS : BRUSH_SIZES[this.size - 1].radius) / (2 * EXTENT)) * size;
    if (this.hover && (this.erase || this.size > 1)) ring(this.hover, reach, [3, 3]);
    const c = this.canvas;
    if (c.getRootNode().activeElement === c || document.activeElement === c) {
      ring(this.cursor, Math.max(7, reach), []);
    }
  }
}
