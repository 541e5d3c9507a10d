// The bundled example set: circles, triangles and crosses drawn by a seeded generator the way a
// hand draws them, so that sketch mode can be tried with one click. No DOM.
//
// Each drawing varies the way hands vary: its size (35–85 % of the pad) and position, its
// proportions and tilt, a slow wobble along the line plus a little tremor, where the pen starts
// and which way it goes, and how many strokes it takes (a triangle in one stroke or in three, a
// cross's two lines in either order and direction). Points are in pad units (the unit square,
// y down), one flat list [x0, y0, x1, y1, …] per stroke, as the pad records them.
import { random } from '../lib/random.js';

export const SHAPES = Object.freeze(['circle', 'triangle', 'cross']);
export const PER_CLASS = 20;

const TAU = 2 * Math.PI;

/** Strokes of one drawing of `shape` ("circle", "triangle" or "cross"), drawn with rand. */
export function drawShape(shape, rand) {
  const between = (a, b) => a + (b - a) * rand();
  const size = between(0.35, 0.85);
  const half = size / 2;
  const cx = between(half + 0.04, 1 - half - 0.04);
  const cy = between(half + 0.04, 1 - half - 0.04);
  const tilt = between(-0.25, 0.25);
  const squash = between(0.8, 1.15);
  const tremor = size * 0.008;
  // a slow wobble: two low-frequency sines with random phases
  const w1 = between(0, TAU), w2 = between(0, TAU), wobble = size * between(0.005, 0.03);
  const wob = (t) => wobble * (Math.sin(TAU * t * 2 + w1) + 0.5 * Math.sin(TAU * t * 3 + w2));
  const place = (x, y, t) => {
    // (x, y) in [-1, 1]² shape units → pad units, tilted, squashed, wobbled, trembling
    const xs = x * half;
    const ys = y * half * squash;
    const c = Math.cos(tilt), s = Math.sin(tilt);
    const dx = xs * c - ys * s + wob(t) + (rand() - 0.5) * tremor;
    const dy = xs * s + ys * c + wob(t + 0.37) + (rand() - 0.5) * tremor;
    return [clamp(cx + dx), clamp(cy + dy)];
  };
  // a polyline through corners (shape units), points every ~step, as one stroke
  const line = (corners, t0 = 0) => {
    const pts = [];
    let t = t0;
    for (let k = 0; k + 1 < corners.length; k++) {
      const [ax, ay] = corners[k];
      const [bx, by] = corners[k + 1];
      const n = Math.max(4, Math.round(Math.hypot(bx - ax, by - ay) * 9));
      for (let i = k === 0 ? 0 : 1; i <= n; i++) {
        const f = i / n;
        pts.push(...place(ax + (bx - ax) * f, ay + (by - ay) * f, t));
        t += 0.02;
      }
    }
    return pts;
  };

  if (shape === 'circle') {
    const start = between(0, TAU);
    const dir = rand() < 0.5 ? 1 : -1;
    const sweep = TAU + between(-0.25, 0.45); // a small gap or an overlap where the ends meet
    const n = 44;
    const pts = [];
    for (let i = 0; i <= n; i++) {
      const a = start + dir * sweep * (i / n);
      pts.push(...place(Math.cos(a), Math.sin(a), i / n));
    }
    return [pts];
  }
  if (shape === 'triangle') {
    // apex up; corners moved a little, the base sometimes wider than the sides
    const spread = between(0.8, 1.1);
    let corners = [[between(-0.15, 0.15), -1], [spread, between(0.65, 0.9)], [-spread, between(0.65, 0.9)]];
    corners = corners.map(([x, y]) => [x + between(-0.08, 0.08), y + between(-0.08, 0.08)]);
    const first = Math.floor(rand() * 3);
    const order = rand() < 0.5 ? [0, 1, 2] : [0, 2, 1];
    const path = order.map((k) => corners[(first + k) % 3]);
    if (rand() < 0.7) return [line([...path, path[0]])];
    return [0, 1, 2].map((k) => line([path[k], path[(k + 1) % 3]], k / 3));
  }
  if (shape === 'cross') {
    const a = between(0.75, 1);
    const b = between(0.75, 1);
    let one = [[-a, -a], [a, a]];
    let two = [[b, -b], [-b, b]];
    if (rand() < 0.3) one.reverse();
    if (rand() < 0.3) two.reverse();
    const strokes = [line(one), line(two, 0.5)];
    return rand() < 0.25 ? strokes.reverse() : strokes;
  }
  throw new Error(`drawShape: unknown shape ${JSON.stringify(shape)}; the shapes are ${SHAPES.join(', ')}`);
}

function clamp(v) {
  return Math.min(1, Math.max(0, Math.round(v * 10000) / 10000));
}

/**
 * The example set: {classes: [{name, samples: [{strokes}]}]}, perClass drawings of each shape
 * from `seed`; `names` maps a shape to the class name shown (e.g. the UI's language).
 */
export function exampleSet({ perClass = PER_CLASS, seed = 1, shapes = SHAPES, names = {} } = {}) {
  const rand = random(seed * 7919 + 17);
  return {
    classes: shapes.map((shape) => ({
      name: names[shape] ?? shape,
      samples: Array.from({ length: perClass }, () => ({ strokes: drawShape(shape, rand) })),
    })),
  };
}
