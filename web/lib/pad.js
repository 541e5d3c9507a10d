// The drawing pad of the sketch pad and of lesson 1: a square canvas that records what a mouse,
// a finger or a pen draws, as strokes in pad units (the pad is the unit square, x right, y down;
// one flat list [x0, y0, x1, y1, …] per stroke). It draws them with the pen preprocess.js
// assumes (PEN of the pad's side, round ends), and outlines the box the preprocessing crops to.
//
//   const pad = new SketchPad({ change: (strokes, drawing) => … });   // on every new point
//   pad.strokes; pad.clear(); pad.undo(); pad.set(strokes);
//   pad.root                                                          // the framed canvas
//
// change(strokes, drawing) runs on every point added (drawing = true while the pen is down) and
// when strokes are cleared or undone (drawing = false); its user throttles what it does with
// them. Pointer events cover all three devices; a pen's coalesced events give every sample the
// hardware saw, not just one per frame. The canvas's aria-label is its user's text for the key
// pad.label (dom.js's relabel).
import { PEN, flatStrokes, layout } from './preprocess.js';
import { fitSquare } from './canvas.js';
import { h } from './dom.js';

const MIN_STEP = 0.004; // a new point at least this far (pad units) from the last one
const INK = '#1f2933';

export class SketchPad {
  constructor({ change }) {
    this.change = change;
    this.strokes = [];
    this.active = null; // {pointerId, stroke}
    this.canvas = h('canvas', { class: 'pad', 't-label': 'pad.label', role: 'img' });
    this.root = h('div', { class: 'pad-frame' }, this.canvas);
    this.#listen();
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  get drawing() {
    return this.active !== null;
  }

  /** Replaces the strokes (e.g. a script's drawing) and redraws. */
  set(strokes) {
    this.active = null;
    this.strokes = strokes.map((s) => Array.from(s));
    this.draw();
    this.change(this.strokes, false);
  }

  clear() {
    this.set([]);
  }

  undo() {
    if (!this.strokes.length) return;
    this.set(this.strokes.slice(0, -1));
  }

  #point(event) {
    const r = this.canvas.getBoundingClientRect();
    const clamp = (v) => Math.min(1, Math.max(0, v));
    return [clamp((event.clientX - r.left) / r.width), clamp((event.clientY - r.top) / r.height)];
  }

  #add(stroke, [x, y]) {
    const n = stroke.length;
    if (n >= 2 && Math.hypot(x - stroke[n - 2], y - stroke[n - 1]) < MIN_STEP) return false;
    stroke.push(Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000);
    return true;
  }

  #listen() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      if (this.active) return; // one pen at a time: a second finger does not draw
      e.preventDefault();
      try {
        c.setPointerCapture(e.pointerId); // the stroke goes on outside the pad
      } catch {
        // a synthetic event's pointer cannot be captured; the stroke works without
      }
      const stroke = [];
      this.#add(stroke, this.#point(e));
      this.active = { pointerId: e.pointerId, stroke };
      this.strokes.push(stroke);
      this.draw();
      this.change(this.strokes, true);
    });
    c.addEventListener('pointermove', (e) => {
      if (!this.active || e.pointerId !== this.active.pointerId) return;
      const events = e.getCoalescedEvents?.() ?? [];
      let added = false;
      for (const ev of events.length ? events : [e]) added = this.#add(this.active.stroke, this.#point(ev)) || added;
      if (!added) return;
      this.draw();
      this.change(this.strokes, true);
    });
    const end = (e) => {
      if (!this.active || e.pointerId !== this.active.pointerId) return;
      if (e.type === 'pointerup') this.#add(this.active.stroke, this.#point(e));
      this.active = null;
      this.draw();
      this.change(this.strokes, false);
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('lostpointercapture', end);
  }

  draw() {
    const fit = fitSquare(this.canvas);
    if (!fit) return;
    const { ctx, size } = fit;
    ctx.clearRect(0, 0, size, size);
    const flat = flatStrokes(this.strokes);
    const place = layout(flat);
    if (place && !this.drawing) {
      // the box the preprocessing crops to: the ink's bounding box, pen included
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const s of flat) {
        for (let i = 0; i < s.length; i += 2) {
          minX = Math.min(minX, s[i]); maxX = Math.max(maxX, s[i]);
          minY = Math.min(minY, s[i + 1]); maxY = Math.max(maxY, s[i + 1]);
        }
      }
      const pad = PEN / 2;
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = '#8fa3b8';
      ctx.lineWidth = 1;
      ctx.strokeRect((minX - pad) * size + 0.5, (minY - pad) * size + 0.5, (maxX - minX + PEN) * size, (maxY - minY + PEN) * size);
      ctx.setLineDash([]);
    }
    drawStrokes(ctx, flat, size, INK);
  }
}

/** Draws strokes (pad units) into a size × size square of ctx with the preprocessing's pen. */
export function drawStrokes(ctx, flat, size, color, pen = PEN) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = pen * size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of flat) {
    if (s.length === 2) {
      ctx.beginPath();
      ctx.arc(s[0] * size, s[1] * size, (pen * size) / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(s[0] * size, s[1] * size);
    for (let i = 2; i < s.length; i += 2) ctx.lineTo(s[i] * size, s[i + 1] * size);
    ctx.stroke();
  }
}
