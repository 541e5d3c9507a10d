// The "draw your own data" pad: a square over the input plane [-6, 6]² where a learner clicks,
// taps or drags to add points of the chosen class (or erase them). It owns its canvas and its
// class buttons; the points live in the element (`drawn` = {x, y, classes}), which this pad
// shows and changes through onchange(next) only. Keyboard: the arrow keys move a cursor, Enter
// or Space adds a point there (Delete erases), so the pad works without a pointer too.
import { CLASS_COLORS } from '../palette.js';
import { h, newId, relabel } from './dom.js';

const EXTENT = 6;
const MAX_CLASSES = 8;
const MAX_POINTS = 2000;
const ERASE_RADIUS = 0.6; // in data units
const SPRAY_GAP = 0.35; // while dragging, a new point at least this far from the last one

export class DrawPad {
  constructor(onchange) {
    this.onchange = onchange;
    this.drawn = null;
    this.klass = 0;
    this.erase = false;
    this.cursor = { x: 0, y: 0 };
    this.last = null;
    this.canvas = h('canvas', { class: 'pad', tabindex: '0', role: 'application', 't-label': 'draw.hint' });
    this.classBar = h('div', { class: 'pad-classes', role: 'radiogroup', 't-label': 'draw.title' });
    this.count = h('span', { class: 'pad-count', 'aria-live': 'polite' });
    this.root = h('div', { class: 'drawpad' },
      h('p', { class: 'pad-title', t: 'draw.title' }),
      h('p', { class: 'pad-hint', t: 'draw.hint' }),
      this.classBar,
      this.canvas,
      h('div', { class: 'row' },
        this.count,
        h('button', { type: 'button', class: 'btn small', t: 'draw.clear', onclick: () => this.#set([], [], 2) })));
    this.#listen();
    new ResizeObserver(() => this.#draw()).observe(this.canvas);
  }

  /** Shows these points ({x, y, classes} or null). */
  update(drawn, t) {
    this.drawn = drawn;
    this.t = t;
    this.#buildClasses();
    this.count.textContent = t('draw.count', { count: drawn?.y.length ?? 0 });
    this.#draw();
  }

  #classes() {
    return Math.max(2, this.drawn?.classes ?? 2);
  }

  #buildClasses() {
    const n = this.#classes();
    const buttons = [];
    for (let k = 0; k < n; k++) {
      buttons.push(h('button', {
        type: 'button', role: 'radio', class: 'pad-class', 'aria-checked': String(!this.erase && this.klass === k),
        style: `--swatch: ${CLASS_COLORS[k]}`, t: 'draw.class', params: { n: k },
        onclick: () => { this.klass = k; this.erase = false; this.#buildClasses(); },
      }));
    }
    if (n < MAX_CLASSES) {
      buttons.push(h('button', { type: 'button', class: 'btn small', 't-label': 'draw.addClass', 't-title': 'draw.addClass',
        onclick: () => { this.klass = n; this.erase = false; this.#set(this.#xs(), this.#ys(), n + 1); } }, '+'));
    }
    buttons.push(h('button', { type: 'button', role: 'radio', class: 'pad-class eraser', 'aria-checked': String(this.erase), t: 'draw.eraser',
      onclick: () => { this.erase = true; this.#buildClasses(); } }));
    this.classBar.replaceChildren(...buttons);
    if (this.t) relabel(this.classBar, this.t);
  }

  #xs() {
    return Array.from(this.drawn?.x ?? []);
  }

  #ys() {
    return Array.from(this.drawn?.y ?? []);
  }

  #set(x, y, classes) {
    this.onchange(y.length || classes > 2 ? { x: Float32Array.from(x), y: Float32Array.from(y), classes } : null);
  }

  // Adds a point of the chosen class at (px, py), or erases those near it.
  #apply(px, py) {
    const x = this.#xs();
    const y = this.#ys();
    if (this.erase) {
      const keep = y.map((_, i) => Math.hypot(x[2 * i] - px, x[2 * i + 1] - py) > ERASE_RADIUS);
      if (keep.every(Boolean)) return;
      this.#set(x.filter((_, j) => keep[j >> 1]), y.filter((_, i) => keep[i]), this.#classes());
      return;
    }
    if (y.length >= MAX_POINTS) return;
    x.push(px, py);
    y.push(this.klass);
    this.#set(x, y, Math.max(this.#classes(), this.klass + 1));
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
      c.setPointerCapture(e.pointerId);
      const p = this.#toData(e);
      this.last = p;
      this.#apply(p.x, p.y);
      e.preventDefault();
    });
    c.addEventListener('pointermove', (e) => {
      if (!this.last) return;
      const p = this.#toData(e);
      if (Math.hypot(p.x - this.last.x, p.y - this.last.y) < SPRAY_GAP) return;
      this.last = p;
      this.#apply(p.x, p.y);
    });
    const end = () => (this.last = null);
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? 2 : 0.5;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (moves[e.key]) {
        this.cursor.x = Math.max(-EXTENT, Math.min(EXTENT, this.cursor.x + moves[e.key][0]));
        this.cursor.y = Math.max(-EXTENT, Math.min(EXTENT, this.cursor.y + moves[e.key][1]));
        this.#draw();
      } else if (e.key === 'Enter' || e.key === ' ') {
        this.#apply(this.cursor.x, this.cursor.y);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const erase = this.erase;
        this.erase = true;
        this.#apply(this.cursor.x, this.cursor.y);
        this.erase = erase;
      } else {
        return;
      }
      e.preventDefault();
    });
    c.addEventListener('focus', () => this.#draw());
    c.addEventListener('blur', () => this.#draw());
  }

  #draw() {
    const c = this.canvas;
    const size = c.clientWidth;
    if (!size) return;
    const dpr = globalThis.devicePixelRatio || 1;
    if (c.width !== Math.round(size * dpr)) {
      c.width = Math.round(size * dpr);
      c.height = Math.round(size * dpr);
    }
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    ctx.fillStyle = '#f7f8fa';
    ctx.fillRect(0, 0, size, size);
    const at = (v) => ((v / EXTENT + 1) / 2) * size;
    ctx.strokeStyle = '#e3e7ec';
    ctx.lineWidth = 1;
    for (let g = -EXTENT; g <= EXTENT; g += 2) {
      ctx.beginPath();
      ctx.moveTo(at(g), 0);
      ctx.lineTo(at(g), size);
      ctx.moveTo(0, size - at(g));
      ctx.lineTo(size, size - at(g));
      ctx.stroke();
    }
    const { x, y } = this.drawn ?? { x: [], y: [] };
    for (let i = 0; i < y.length; i++) {
      ctx.beginPath();
      ctx.arc(at(x[2 * i]), size - at(x[2 * i + 1]), 4, 0, 2 * Math.PI);
      ctx.fillStyle = CLASS_COLORS[y[i] % CLASS_COLORS.length];
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.2;
      ctx.stroke();
    }
    if (document.activeElement === c || c.getRootNode().activeElement === c) {
      ctx.strokeStyle = '#1f2933';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(at(this.cursor.x), size - at(this.cursor.y), 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
}
