// The dataset picker: one small button per dataset, each drawing that dataset's points (as
// TensorFlow Playground's thumbnails do), under the headings Classification and Regression;
// the last classification one is "Your drawing" (the point painter), drawn from the learner's
// own points with a pencil over them. The dataset shown is the pressed one (aria-pressed).
// Every button is a plain button (Tab, Enter, Space); the arrow keys, Home and End also move
// between them. Choosing one calls onpick(name), as the old dataset menu's change did.
//
// The points are made by the engine's own generators (lw.data.generate, what the training
// worker uses) with THUMBNAIL's settings — no noise, a fixed seed, so a thumbnail shows the
// shape of the problem — by scripts/build-thumbnails.mjs into thumbnail-data.js, packed with
// packThumbnail (tests/js/thumbnails.test.mjs checks the file against the engine). Classes
// are drawn in their colours and marker shapes (palette.js), values on the orange ↔ blue map;
// data on a line (sine: x2 = 0) as the boundary view draws it, the value against x1.
import { h, icon } from '../../lib/dom.js';
import { fitCanvas } from '../../lib/canvas.js';
import { CLASS_COLORS, classShape, divergingCss, markerPath } from '../../lib/palette.js';
import { THUMBNAIL_POINTS } from './thumbnail-data.js';

/** The generator's settings for thumbnails: lw.data.generate(name, THUMBNAIL). */
export const THUMBNAIL = Object.freeze({ n: 80, noise: 0, seed: 1 });
/** The pencil of "edit these points" and of the drawing's thumbnail (24 × 24). */
export const PENCIL = 'M4 17.2V20h2.8l8.3-8.3-2.8-2.8zM19.7 7.3a1 1 0 0 0 0-1.4l-1.6-1.6a1 1 0 0 0-1.4 0l-1.3 1.3 2.8 2.8z';

const SIZE = 52; // CSS pixels a side
const EXTENT = 6; // the input plane is [-6, 6]²
const DOT = 2.3; // a point's marker radius, CSS pixels

// ---- packing: x1, x2 to 0.1 and the label (a class, or a value to 0.01) as int8, base64 ----

const base64 = (bytes) => btoa(String.fromCharCode(...bytes));
const unbase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Points (x: pairs) and labels (y) as a short text; classes 0: y are values in [−1.27, 1.27]. */
export function packThumbnail(x, y, classes) {
  const bytes = new Int8Array(3 * y.length);
  for (let i = 0; i < y.length; i++) {
    bytes[3 * i] = Math.round(10 * x[2 * i]);
    bytes[3 * i + 1] = Math.round(10 * x[2 * i + 1]);
    bytes[3 * i + 2] = classes === 0 ? Math.round(100 * y[i]) : y[i];
  }
  return base64(new Uint8Array(bytes.buffer));
}

/** packThumbnail reversed: {x, y, classes} (x pairs, as the engine gives them). */
export function unpackThumbnail({ classes, points }) {
  const bytes = new Int8Array(unbase64(points).buffer);
  const n = bytes.length / 3;
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = bytes[3 * i] / 10;
    x[2 * i + 1] = bytes[3 * i + 1] / 10;
    y[i] = classes === 0 ? bytes[3 * i + 2] / 100 : bytes[3 * i + 2];
  }
  return { x, y, classes };
}

// Points on x2 = 0: a curve to fit (the boundary view shows the value against x1).
const onLine = (x) => x.length > 0 && x.every((v, i) => i % 2 === 0 || v === 0);

/** Draws points ({x, y, classes}, or null) into a thumbnail's canvas. */
function drawPoints(canvas, data) {
  const ctx = fitCanvas(canvas, SIZE, SIZE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  if (!data?.y.length) return;
  const { x, y, classes } = data;
  const at = (v) => ((v / EXTENT + 1) / 2) * SIZE;
  const line = classes === 0 && onLine(x);
  let scale = 1;
  if (classes === 0) for (const v of y) scale = Math.max(scale, Math.abs(v));
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = classes === 0 ? 'rgba(31, 41, 51, 0.45)' : '#ffffff';
  for (let i = 0; i < y.length; i++) {
    const px = at(x[2 * i]);
    const py = SIZE - (line ? at(((0.8 * y[i]) / scale) * EXTENT) : at(x[2 * i + 1]));
    ctx.beginPath();
    markerPath(ctx, classes === 0 ? 'circle' : classShape(y[i]), px, py, DOT);
    ctx.fillStyle = classes === 0 ? divergingCss(y[i] / scale) : CLASS_COLORS[y[i] % CLASS_COLORS.length];
    ctx.fill();
    ctx.stroke();
  }
}

export class DatasetPicker {
  /** groups: [{key, names}] (a heading's string key, the datasets under it); onpick(name). */
  constructor(groups, onpick) {
    this.buttons = new Map();
    this.drawn = undefined; // the points the drawing's thumbnail shows
    const thumb = (name) => {
      const canvas = h('canvas', { class: 'thumb-plot', 'aria-hidden': 'true' });
      const button = h('button', { type: 'button', class: 'thumb', 'data-dataset': name, 'aria-pressed': 'false',
        't-title': `dataset.${name}.tip`, onclick: () => onpick(name) },
      h('span', { class: 'thumb-frame' }, canvas, name === 'drawn' ? icon(PENCIL) : null),
      h('span', { class: 'thumb-name', t: `dataset.${name}` }));
      this.buttons.set(name, { button, canvas });
      if (THUMBNAIL_POINTS[name]) drawPoints(canvas, unpackThumbnail(THUMBNAIL_POINTS[name]));
      return button;
    };
    this.root = h('div', { class: 'thumbs', role: 'group', 't-label': 'data.dataset' },
      groups.map(({ key, names }) => h('div', { class: 'thumb-group' },
        h('p', { class: 'thumb-head', t: key }),
        h('div', { class: 'thumb-row' }, names.map(thumb)))));
    this.root.addEventListener('keydown', (e) => this.#key(e));
  }

  /** Marks the dataset shown and draws the learner's points ({x, y, classes} or null). */
  update(dataset, drawn) {
    for (const [name, { button }] of this.buttons) button.setAttribute('aria-pressed', String(name === dataset));
    const mine = this.buttons.get('drawn');
    if (mine && drawn !== this.drawn) {
      this.drawn = drawn;
      drawPoints(mine.canvas, drawn);
    }
  }

  // Arrow keys, Home and End move the focus along the buttons, in reading order.
  #key(e) {
    const list = [...this.buttons.values()].map((b) => b.button);
    const i = list.indexOf(e.target);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: list.length - 1 };
    if (!(e.key in moves)) return;
    list[(moves[e.key] + list.length) % list.length].focus();
    e.preventDefault();
  }
}
