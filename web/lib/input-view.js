// "A picture is a grid of numbers": the 28 × 28 input the network reads, drawn cell by cell,
// with the numbers themselves under a lens wherever the pointer (or the keyboard's cursor) is.
// The read-out names the cell, its value and its place among the 784 inputs (x[r·28 + c]: the
// grid read row by row, as nn.Linear(784, …) takes it).
//
//   const view = new InputView({ t });   view.update(image);   view.relabel(t);
//
// One tab stop; the arrow keys move the lens, Escape hides it. Used by the sketch pad and by
// lesson 1, each with its own texts for the keys input.label, input.summary ({ink}) and
// input.cell ({row}, {col}, {index}, {value}), read through the t it is given.
import { SIZE } from './preprocess.js';
import { fitSquare } from './canvas.js';
import { h, relabel } from './dom.js';
import { formatPixel } from './format.js';

const LENS = 5; // cells per side under the lens
const INK = [31, 41, 51];
const PAPER = [255, 255, 255];

export class InputView {
  constructor({ t }) {
    this.t = t;
    this.image = new Float32Array(SIZE * SIZE);
    this.cursor = null; // {r, c} under the lens
    this.canvas = h('canvas', { class: 'grid', tabindex: '0', role: 'img', 't-label': 'input.label' });
    this.readout = h('p', { class: 'grid-readout', 'aria-live': 'polite' });
    this.root = h('div', { class: 'input-view' }, this.canvas, this.readout);
    this.#listen();
    new ResizeObserver(() => this.draw()).observe(this.canvas);
    this.#say();
  }

  update(image) {
    this.image = image;
    this.draw();
    this.#say();
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
    this.#say();
  }

  #cellAt(event) {
    const r = this.canvas.getBoundingClientRect();
    const c = Math.floor(((event.clientX - r.left) / r.width) * SIZE);
    const row = Math.floor(((event.clientY - r.top) / r.height) * SIZE);
    return c >= 0 && c < SIZE && row >= 0 && row < SIZE ? { r: row, c } : null;
  }

  #listen() {
    const c = this.canvas;
    c.addEventListener('pointermove', (e) => this.#moveTo(this.#cellAt(e)));
    c.addEventListener('pointerdown', (e) => this.#moveTo(this.#cellAt(e)));
    c.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.#moveTo(null);
    });
    c.addEventListener('keydown', (e) => {
      const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      if (e.key === 'Escape') {
        this.#moveTo(null);
      } else if (moves[e.key]) {
        const at = this.cursor ?? { r: 14, c: 14 };
        const [dr, dc] = moves[e.key];
        const step = e.shiftKey ? 4 : 1;
        this.#moveTo({ r: clamp(at.r + dr * step), c: clamp(at.c + dc * step) });
      } else {
        return;
      }
      e.preventDefault();
    });
    c.addEventListener('focus', () => {
      if (!this.cursor) this.#moveTo({ r: 14, c: 14 });
    });
  }

  #moveTo(cell) {
    if (cell?.r === this.cursor?.r && cell?.c === this.cursor?.c) return;
    this.cursor = cell;
    this.draw();
    this.#say();
  }

  #say() {
    if (!this.t) return;
    const at = this.cursor;
    if (!at) {
      let ink = 0;
      for (const v of this.image) if (v > 0) ink++;
      this.readout.textContent = this.t('input.summary', { ink });
      return;
    }
    const index = at.r * SIZE + at.c;
    this.readout.textContent = this.t('input.cell', { row: at.r, col: at.c, index, value: formatPixel(this.image[index]) });
  }

  draw() {
    const fit = fitSquare(this.canvas);
    if (!fit) return;
    const { ctx, px, dpr } = fit;
    ctx.setTransform(1, 0, 0, 1, 0, 0); // the grid is drawn in device pixels
    const cell = px / SIZE;
    for (let r = 0; r < SIZE; r++) {
      for (let col = 0; col < SIZE; col++) {
        const v = this.image[r * SIZE + col];
        ctx.fillStyle = grey(v);
        ctx.fillRect(Math.floor(col * cell), Math.floor(r * cell), Math.ceil(cell), Math.ceil(cell));
      }
    }
    // the grid: faint lines between cells, stronger every 7, and the 20 px box in the middle
    ctx.lineWidth = Math.max(1, dpr * 0.5);
    for (let k = 0; k <= SIZE; k++) {
      ctx.strokeStyle = k % 7 === 0 ? 'rgba(90, 110, 130, 0.45)' : 'rgba(90, 110, 130, 0.16)';
      const at = Math.round(k * cell) + 0.5;
      ctx.beginPath();
      ctx.moveTo(at, 0);
      ctx.lineTo(at, px);
      ctx.moveTo(0, at);
      ctx.lineTo(px, at);
      ctx.stroke();
    }
    if (this.cursor) this.#drawLens(ctx, cell, px, dpr);
  }

  // The lens: LENS × LENS cells around the cursor, magnified, each with its number.
  #drawLens(ctx, cell, px, dpr) {
    const { r, c } = this.cursor;
    ctx.strokeStyle = '#0072b2';
    ctx.lineWidth = 2 * dpr;
    ctx.strokeRect(c * cell, r * cell, cell, cell);
    const big = Math.max(cell * 2.2, 30 * dpr);
    const side = big * LENS;
    const half = Math.floor(LENS / 2);
    // beside the cursor, on the side with room
    let x = (c + 1.5) * cell;
    if (x + side > px) x = c * cell - side - 0.5 * cell;
    let y = (r - half) * cell;
    y = Math.max(0, Math.min(px - side, y));
    x = Math.max(0, Math.min(px - side, x));
    ctx.fillStyle = '#fff';
    ctx.shadowColor = 'rgba(0, 0, 0, 0.25)';
    ctx.shadowBlur = 8 * dpr;
    ctx.fillRect(x - 2 * dpr, y - 2 * dpr, side + 4 * dpr, side + 4 * dpr);
    ctx.shadowBlur = 0;
    ctx.font = `${Math.round(big * 0.34)}px ui-monospace, Menlo, Consolas, monospace`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < LENS; i++) {
      for (let j = 0; j < LENS; j++) {
        const rr = r - half + i;
        const cc = c - half + j;
        const bx = x + j * big;
        const by = y + i * big;
        if (rr < 0 || cc < 0 || rr >= SIZE || cc >= SIZE) {
          ctx.fillStyle = '#eef1f4';
          ctx.fillRect(bx, by, big, big);
          continue;
        }
        const v = this.image[rr * SIZE + cc];
        ctx.fillStyle = grey(v);
        ctx.fillRect(bx, by, big, big);
        ctx.fillStyle = v > 0.5 ? '#fff' : '#1f2933';
        ctx.fillText(formatPixel(v), bx + big / 2, by + big / 2);
      }
    }
    ctx.strokeStyle = '#0072b2';
    ctx.lineWidth = 2 * dpr;
    ctx.strokeRect(x + half * big, y + half * big, big, big);
    ctx.strokeStyle = 'rgba(90, 110, 130, 0.5)';
    ctx.lineWidth = dpr;
    ctx.strokeRect(x, y, side, side);
  }
}

const clamp = (v) => Math.max(0, Math.min(SIZE - 1, v));

function grey(v) {
  const m = (k) => Math.round(PAPER[k] + (INK[k] - PAPER[k]) * v);
  return `rgb(${m(0)},${m(1)},${m(2)})`;
}
