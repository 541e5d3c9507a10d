// A small picture for each lesson's card on the index, drawn as inline SVG from numbers (no
// image files; colours by class in lessons.css, so the pages keep their strict Content Security
// Policy): each shows what its lesson is about.
//
//   lessonPicture('input')  → <svg class="pic" viewBox="0 0 120 80" aria-hidden="true">…</svg>
import { h, svg } from '../lib/dom.js';

const W = 120;
const H = 80;

const r2 = (v) => Math.round(v * 100) / 100;
/** An SVG path through [x, y] points. */
const through = (points) => `M${points.map(([x, y]) => `${r2(x)} ${r2(y)}`).join('L')}`;
/** points of f over [a, b], n steps, mapped to the picture by x(t) and y(f(t)). */
const sample = (f, a, b, n, x, y) => Array.from({ length: n + 1 }, (_, i) => {
  const t = a + ((b - a) * i) / n;
  return [x(t), y(f(t))];
});
const bell = (t) => Math.exp(-t * t / 2);

/** Circles for a network's layers (sizes), spread over the picture's width; [[x, y], …] per layer. */
function layerPoints(sizes, left, right, gap) {
  return sizes.map((n, li) => Array.from({ length: n }, (_, i) => [
    left + ((right - left) * li) / (sizes.length - 1),
    H / 2 + (i - (n - 1) / 2) * gap,
  ]));
}

function network(sizes, { left = 14, right = 106, gap = 15, edge = 'pic-edge' } = {}) {
  const layers = layerPoints(sizes, left, right, gap);
  const edges = [];
  for (let l = 1; l < layers.length; l++) {
    for (const [x1, y1] of layers[l - 1]) for (const [x2, y2] of layers[l]) edges.push(h('line', { x1, y1, x2, y2, class: edge }));
  }
  const nodes = layers.flatMap((layer, l) => layer.map(([cx, cy]) => h('circle', {
    cx, cy, r: 5, class: l === 0 || l === layers.length - 1 ? 'pic-node' : 'pic-node pic-hidden',
  })));
  return { layers, parts: [...edges, ...nodes] };
}

/** A left-pointing (or right-pointing) arrowhead at [x, y]. */
const arrowhead = (x, y, dir, cls) => h('polygon', {
  points: `${x},${y} ${x - 5 * dir},${y - 3} ${x - 5 * dir},${y + 3}`, class: cls,
});

// A handwritten 7 on a 6 × 6 grid (0 paper … 1 ink): the grid, then the same numbers in a column.
const SEVEN = [
  [0.1, 0.8, 0.9, 0.9, 0.8, 0.2],
  [0, 0.1, 0.1, 0.3, 0.9, 0.1],
  [0, 0, 0, 0.7, 0.6, 0],
  [0, 0, 0.3, 0.9, 0.1, 0],
  [0, 0, 0.8, 0.5, 0, 0],
  [0, 0.1, 0.9, 0.1, 0, 0],
];

const DRAW = {
  input() {
    const cell = 9;
    const grid = SEVEN.flatMap((row, r) => row.map((v, c) => h('rect', {
      x: 6 + c * cell, y: 13 + r * cell, width: cell - 1, height: cell - 1, class: 'pic-pixel', 'fill-opacity': r2(0.08 + 0.92 * v),
    })));
    // the first rows, flattened into one column of inputs
    const column = SEVEN.flat().slice(0, 11).map((v, i) => h('rect', {
      x: 96, y: 6 + i * 6, width: 10, height: 5, class: 'pic-pixel', 'fill-opacity': r2(0.08 + 0.92 * v),
    }));
    return [...grid, h('line', { x1: 66, y1: 40, x2: 86, y2: 40, class: 'pic-arrow' }), arrowhead(90, 40, 1, 'pic-ink'),
      ...column, h('text', { x: 101, y: 78, class: 'pic-dots' }, '⋮')];
  },
  hidden() {
    return network([3, 4, 4, 2], { gap: 14 }).parts;
  },
  output() {
    const p = [0.05, 0.1, 0.62, 0.15, 0.08];
    const base = 70;
    const bars = p.map((v, i) => h('rect', {
      x: 16 + i * 19, y: r2(base - v * 90), width: 13, height: r2(v * 90), class: i === 2 ? 'pic-bar pic-top' : 'pic-bar',
    }));
    return [...bars, h('line', { x1: 10, y1: base + 0.5, x2: 110, y2: base + 0.5, class: 'pic-axis' })];
  },
  init() {
    // a layer's activations at a good start keep their spread (blue); too small a start shrinks
    // them layer after layer (grey)
    const curves = [0, 1, 2].flatMap((l) => {
      const cx = 22 + l * 38;
      const shrunk = (s) => sample((t) => bell(t / s), -3, 3, 60, (t) => cx + t * 5.5, (v) => 68 - v * Math.min(56, 36 / s));
      const keep = sample(bell, -3, 3, 30, (t) => cx + t * 5.5, (v) => 68 - v * 36);
      return [h('path', { d: through(shrunk(0.55 ** (l + 1))), class: 'pic-line pic-faint' }), h('path', { d: through(keep), class: 'pic-line pic-blue' })];
    });
    return [h('line', { x1: 4, y1: 68.5, x2: 116, y2: 68.5, class: 'pic-axis' }), ...curves];
  },
  loss() {
    // cross-entropy −log p against the probability p of the right class, and a prediction on it
    const x = (p) => 12 + p * 98;
    const y = (v) => 68 - v * 14;
    const ce = sample((p) => -Math.log(p), 0.02, 1, 40, x, y);
    const mse = sample((p) => (1 - p) ** 2 * 4, 0, 1, 20, x, y);
    return [
      h('line', { x1: 12, y1: 68.5, x2: 112, y2: 68.5, class: 'pic-axis' }),
      h('line', { x1: 11.5, y1: 8, x2: 11.5, y2: 69, class: 'pic-axis' }),
      h('path', { d: through(mse), class: 'pic-line pic-faint' }),
      h('path', { d: through(ce), class: 'pic-line pic-blue' }),
      h('circle', { cx: r2(x(0.2)), cy: r2(y(-Math.log(0.2))), r: 4, class: 'pic-dot' }),
    ];
  },
  backprop() {
    // a 2-2-1 network; the blame flows back from the output (orange arrows)
    const net = network([2, 2, 1], { left: 16, right: 104, gap: 30, edge: 'pic-edge pic-faint-edge' });
    const back = [];
    for (let l = 1; l < net.layers.length; l++) {
      for (const [x2, y2] of net.layers[l]) {
        for (const [x1, y1] of net.layers[l - 1]) {
          const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
          // a third of the way back along the edge (crossing edges cross at their middles)
          back.push(h('g', { transform: `translate(${r2(x2 + (x1 - x2) / 3)} ${r2(y2 + (y1 - y2) / 3)}) rotate(${r2(angle)})` },
            arrowhead(-2.5, 0, -1, 'pic-orange')));
        }
      }
    }
    return [...net.parts, ...back];
  },
  optim() {
    // contours of a stretched bowl, and noisy steps down into it
    const rings = [1, 2, 3].map((k) => svg('ellipse', { cx: 60, cy: 40, rx: 17 * k, ry: 7.5 * k, class: 'pic-ring' }));
    const path = [[12, 26], [22, 52], [32, 31], [41, 48], [49, 35], [55, 44], [59, 38], [60, 40]];
    return [...rings, h('polyline', { points: path.map((p) => p.join(',')).join(' '), class: 'pic-path' }),
      h('circle', { cx: 12, cy: 26, r: 3, class: 'pic-orange' }), h('circle', { cx: 60, cy: 40, r: 3.5, class: 'pic-dot' })];
  },
  together() {
    // the learning curves of a network that overfits: training loss falls on, test loss turns back up
    const x = (t) => 12 + t * 100;
    const y = (v) => 68 - v * 56;
    const train = sample((t) => 0.95 * Math.exp(-3.2 * t) + 0.04, 0, 1, 30, x, y);
    const test = sample((t) => 0.95 * Math.exp(-3.2 * t) + 0.14 + 0.35 * Math.max(0, t - 0.35) ** 2 * 2.2, 0, 1, 30, x, y);
    const best = test.reduce((a, b) => (b[1] > a[1] ? b : a));
    return [
      h('line', { x1: 12, y1: 68.5, x2: 112, y2: 68.5, class: 'pic-axis' }),
      h('line', { x1: 11.5, y1: 8, x2: 11.5, y2: 69, class: 'pic-axis' }),
      h('path', { d: through(test), class: 'pic-line pic-orange-line' }),
      h('path', { d: through(train), class: 'pic-line pic-blue' }),
      h('line', { x1: best[0], y1: 10, x2: best[0], y2: 68, class: 'pic-mark' }),
    ];
  },
};

/** The picture of a lesson (an empty one for an id without a drawing). */
export function lessonPicture(id) {
  return h('svg', { class: 'pic', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', focusable: 'false', 'data-picture': id },
    ...(DRAW[id]?.() ?? []));
}

/** The lessons that have a picture. */
export const PICTURES = Object.freeze(Object.keys(DRAW));
