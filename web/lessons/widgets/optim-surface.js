// The optimisers lesson's loss surfaces: a heat map of f(x, y) with contour bands, and the
// paths of SGD, SGD with momentum, RMSprop and Adam from the same start. JavaScript computes each
// gradient from the formula; the engine's optimisers take the steps
// (lw.optim.Adam([w], {lr}).step([g])). The reader picks the surface, the learning rate (log
// slider, shared by all four), the number of steps and the start (click or tap the map; arrow
// keys move it, Shift for small moves).
//
// One surface is made of data: the mean squared error of a line y = w·x + b over FIT_POINTS
// points, so each point has its own loss and its own gradient and the surface is their mean.
// There the reader also picks the batch size: every step takes the gradient of the next
// mini-batch of a seeded shuffle (a new shuffle each epoch, the same batches for all four
// optimisers), a sample of the full gradient whose spread shrinks like 1/√B; the full batch
// gives the exact gradient. "New batches" draws another shuffle.
//
//   { widget: 'surface', make: optimSurface() }
//   { widget: 'noisy', make: optimSurface('fit', { show: ['sgd'] }) }   (the other paths start hidden)
// The widget: { root, setLang, result, onRun(fn) → unsubscribe, set({surface, lr, steps, start, batch, seed}) }.
// result: { surface, lr, steps, start: [x, y], batch (null on a surface without data), seed,
//   paths: { <optimiser id>: { points, hit, f, diverged, left, noise } } }
// where hit is the number of steps to come within 0.05 of a minimum (null if it never did), left
// says the path came that close but was farther at the end, and noise is the root mean square
// of (batch gradient − full gradient) over the path's steps (0 with exact gradients).
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { random, shuffled } from '../../lib/random.js';
import { addStyle, getEngine, wordsFor } from './common.js';
import { OPTIMISERS, listeners, lrText, swatch } from './optim-common.js';

/** How close to a minimum counts as "there". */
const NEAR = 0.05;

const rot = (x, y) => [(x + y) / Math.SQRT2, (x - y) / Math.SQRT2];

/** How many points the line is fitted to. */
const FIT_POINTS = 64;
/** The batch sizes on offer: 1, a few, a quarter, all of them. */
const BATCHES = Object.freeze([1, 4, 16, FIT_POINTS]);

/**
 * The line-fit data: FIT_POINTS points (x, y) with x uniform in [−0.5, 2.5] and
 * y = 0.5·x − 0.5 plus Gaussian noise of standard deviation 0.4, rounded to 2 decimals, seeded.
 */
export const FIT_DATA = (() => {
  const next = random(5);
  const round = (v) => Math.round(v * 100) / 100;
  return Object.freeze(Array.from({ length: FIT_POINTS }, () => {
    const x = -0.5 + 3 * next();
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()); // Box–Muller
    return Object.freeze([round(x), round(0.5 * x - 0.5 + 0.4 * z)]);
  }));
})();

/**
 * A surface made of data: the mean over the points of (w·x + b − y)², PyTorch's MSELoss of a
 * line, as a function of the line's slope w and intercept b. batchGrad(ids, w, b) is the mean
 * of the points' own gradients 2·(w·x + b − y)·(x, 1) over the points ids; all of them give
 * the full gradient. The minimum is the least-squares line.
 */
function fitSurface(points) {
  const n = points.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const batchGrad = (ids, w, b) => {
    let gw = 0;
    let gb = 0;
    for (const i of ids) {
      const [x, y] = points[i];
      const r = 2 * (w * x + b - y);
      gw += r * x;
      gb += r;
    }
    return [gw / ids.length, gb / ids.length];
  };
  const mean = (fn) => points.reduce((sum, p) => sum + fn(p), 0) / n;
  const mx = mean(([x]) => x);
  const my = mean(([, y]) => y);
  const slope = mean(([x, y]) => (x - mx) * (y - my)) / mean(([x]) => (x - mx) ** 2);
  return {
    f: (w, b) => mean(([x, y]) => (w * x + b - y) ** 2),
    grad: (w, b) => batchGrad(all, w, b),
    batchGrad,
    points,
    axes: ['w', 'b'],
    minima: [[slope, my - slope * mx]],
  };
}

/** The surfaces: f, its gradient, the square shown, minima, and the preset of each. */
const SURFACES = Object.freeze({
  valley: {
    name: { en: 'Narrow valley', ko: '좁은 골짜기' },
    // 0.5·(u² + 25·v²) with u, v the diagonals: 25 times steeper across the valley than along it.
    f: (x, y) => { const [u, v] = rot(x, y); return 0.5 * (u * u + 25 * v * v); },
    grad: (x, y) => { const [u, v] = rot(x, y); return [(u + 25 * v) / Math.SQRT2, (u - 25 * v) / Math.SQRT2]; },
    view: [-2, 2, -2, 2],
    minima: [[0, 0]],
    preset: { start: [-1.5, -0.5], lr: 0.01, steps: 200 },
  },
  saddle: {
    name: { en: 'Saddle', ko: '안장점' },
    // x²/2 + y⁴/4 − y²/2: a saddle at (0, 0), minima at (0, ±1); the ridge is the line y = 0.
    f: (x, y) => x * x / 2 + y ** 4 / 4 - y * y / 2,
    grad: (x, y) => [x, y ** 3 - y],
    view: [-2, 2, -2, 2],
    minima: [[0, 1], [0, -1]],
    preset: { start: [-1.5, 0], lr: 0.05, steps: 50 },
  },
  banana: {
    name: { en: 'Banana (Rosenbrock)', ko: '바나나 (로젠브록)' },
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    view: [-2, 2, -1, 3],
    minima: [[1, 1]],
    preset: { start: [-1.5, 2], lr: 0.01, steps: 1000 },
  },
  fit: {
    name: { en: 'Line fit (64 points)', ko: '직선 맞추기 (점 64개)' },
    ...fitSurface(FIT_DATA),
    view: [-2, 2, -2, 2],
    preset: { start: [-1.5, 1.5], lr: 0.1, steps: 200, batch: 1 },
  },
});

const STEP_CHOICES = [50, 100, 200, 500, 1000, 2000];
const DATA_W = 480; // the line-fit data's drawing, in SVG units
const DATA_H = 220;
const DATA_VIEW = [-0.7, 2.7, -2.2, 1.8]; // x from, to; y from, to
const LIMIT = 50; // a path that leaves |x|, |y| ≤ 50 has diverged
const MAP = 200; // heat map resolution (drawn scaled)
const SIZE = 480; // canvas pixels

const CSS = `
.optim-surface .surface-layout { display: grid; grid-template-columns: minmax(0, 480px) minmax(0, 1fr); gap: 1rem; align-items: start; }
.optim-surface canvas { width: 100%; height: auto; aspect-ratio: 1; display: block; border: 1px solid var(--line); border-radius: 6px; cursor: crosshair; touch-action: manipulation; }
.optim-surface canvas:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.optim-surface .lw-controls { flex-direction: column; align-items: stretch; margin-top: 0; }
.optim-surface .lw-controls label { justify-content: space-between; }
.optim-surface input[type="range"] { flex: 1; min-width: 8rem; }
.optim-surface .lr-value { min-width: 4.5rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.optim-surface .paths { list-style: none; padding: 0; margin: .5rem 0; font-size: 15px; }
.optim-surface .paths li { padding: .2rem 0; }
.optim-surface .paths label { display: flex; align-items: center; gap: .4rem; font-weight: 600; }
.optim-surface .paths .out { display: block; margin-left: 1.6rem; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 14px; }
.optim-surface .start, .optim-surface .noise { font-size: 14px; color: var(--muted); }
.optim-surface .noise:empty { display: none; }
.optim-surface [hidden] { display: none !important; } /* the batch controls and the data off a data surface */
.optim-surface .fit-data { width: 100%; height: auto; display: block; margin-top: .5rem; }
.optim-surface .fit-data text { font-size: 15px; fill: var(--muted); }
/* finger-sized controls */
.optim-surface select { font: inherit; font-size: 15px; min-height: 40px; padding: 0 .4rem; }
.optim-surface input[type="range"] { height: 32px; }
.optim-surface .paths input[type="checkbox"] { width: 20px; height: 20px; margin: 0; }
.optim-surface .paths label { min-height: 32px; }
@media (max-width: 760px) { .optim-surface .surface-layout { grid-template-columns: minmax(0, 1fr); } }
`;

/** Light (low) to slate (high), in bands. */
function shade(t) {
  const band = Math.min(13, Math.floor(t * 14));
  const k = band / 13;
  const even = band % 2 === 0 ? 0 : 8;
  return [248 - 150 * k - even, 250 - 130 * k - even, 252 - 100 * k - even];
}

export function optimSurface(initial = 'valley', { show = OPTIMISERS.map((o) => o.id) } = {}) {
  return (ctx) => {
    addStyle('optim-surface', CSS);
    const words = wordsFor(ctx.lang);
    const runs = listeners();
    const state = { surface: initial, batch: 1, seed: 1, ...structuredClone(SURFACES[initial].preset), shown: Object.fromEntries(OPTIMISERS.map((o) => [o.id, show.includes(o.id)])) };

    const canvas = h('canvas', { width: SIZE, height: SIZE, tabindex: '0' });
    const g = canvas.getContext('2d');
    const surfaceSelect = h('select', {}, ...Object.keys(SURFACES).map((id) => words.bind(h('option', { value: id }), SURFACES[id].name)));
    surfaceSelect.addEventListener('change', () => set({ surface: surfaceSelect.value }));
    const lrSlider = h('input', { type: 'range', min: '-4', max: '0', step: '0.1' });
    const lrValue = h('output', { class: 'lr-value' });
    lrSlider.addEventListener('input', () => set({ lr: Number(lrText(10 ** Number(lrSlider.value))) }));
    const stepsSelect = h('select', {}, ...STEP_CHOICES.map((n) => h('option', { value: String(n) }, String(n))));
    stepsSelect.addEventListener('change', () => set({ steps: Number(stepsSelect.value) }));
    // batch size and shuffle: shown on a surface made of data only
    const batchSelect = h('select', {}, ...BATCHES.map((n) => words.bind(h('option', { value: String(n) }),
      n === FIT_POINTS ? { en: `${n} (all)`, ko: `${n} (전체)` } : { en: String(n), ko: String(n) })));
    batchSelect.addEventListener('change', () => set({ batch: Number(batchSelect.value) }));
    const batchLabel = h('label', {}, words.bind(h('span'), { en: 'Batch size', ko: '배치 크기' }), batchSelect);
    const reshuffle = h('button', { type: 'button', class: 'lw-button', onclick: () => set({ seed: state.seed + 1 }) },
      words.bind(h('span'), { en: 'New batches', ko: '배치 새로 뽑기' }));
    const noiseText = h('p', { class: 'noise' });
    const dataPlot = h('svg', { class: 'fit-data', viewBox: `0 0 ${DATA_W} ${DATA_H}`, role: 'img' });
    const startText = h('p', { class: 'start', id: `optim-start-${Math.random().toString(36).slice(2)}` });
    const resetStart = h('button', { type: 'button', class: 'lw-button', onclick: () => set({ start: [...SURFACES[state.surface].preset.start] }) },
      words.bind(h('span'), { en: 'Back to the preset start', ko: '처음 출발점으로' }));
    const outs = {};
    const boxes = {};
    const pathList = h('ul', { class: 'paths' }, ...OPTIMISERS.map((o) => {
      boxes[o.id] = h('input', { type: 'checkbox', checked: state.shown[o.id], onchange: () => { state.shown[o.id] = boxes[o.id].checked; paint(); } });
      outs[o.id] = h('span', { class: 'out' });
      return h('li', {}, h('label', {}, boxes[o.id], swatch(o.color), words.bind(h('span'), o.name)), outs[o.id]);
    }));
    canvas.setAttribute('aria-describedby', startText.id);
    const root = h('div', { class: 'lw-card optim-surface' },
      h('div', { class: 'surface-layout' },
        h('div', {}, canvas, startText, dataPlot),
        h('div', {},
          h('div', { class: 'lw-controls' },
            h('label', {}, words.bind(h('span'), { en: 'Surface', ko: '곡면' }), surfaceSelect),
            h('label', {}, words.bind(h('span'), { en: 'Learning rate', ko: '학습률' }), lrSlider, lrValue),
            h('label', {}, words.bind(h('span'), { en: 'Steps', ko: '스텝 수' }), stepsSelect),
            batchLabel),
          pathList,
          noiseText,
          h('div', { class: 'lw-controls' }, resetStart, reshuffle))));

    let lw = null;
    let heat = null; // the heat map of the current surface, an offscreen canvas
    let reveal = 1; // fraction of each path drawn (animates after a run)
    let frame = 0;

    const widget = {
      root,
      result: null,
      onRun: runs.on,
      set: (changes) => set(changes),
      setLang(lang) { words.setLang(lang); describe(); },
    };

    const toPx = ([x, y]) => {
      const [x0, x1, y0, y1] = SURFACES[state.surface].view;
      return [((x - x0) / (x1 - x0)) * SIZE, ((y1 - y) / (y1 - y0)) * SIZE];
    };

    function drawHeat() {
      const s = SURFACES[state.surface];
      const [x0, x1, y0, y1] = s.view;
      const fmin = Math.min(...s.minima.map(([x, y]) => s.f(x, y)));
      const vals = new Float64Array(MAP * MAP);
      let hi = -Infinity;
      for (let j = 0; j < MAP; ++j) {
        for (let i = 0; i < MAP; ++i) {
          const v = Math.log1p((s.f(x0 + ((i + 0.5) / MAP) * (x1 - x0), y1 - ((j + 0.5) / MAP) * (y1 - y0)) - fmin) * 4);
          vals[j * MAP + i] = v;
          hi = Math.max(hi, v);
        }
      }
      heat = document.createElement('canvas');
      heat.width = heat.height = MAP;
      const img = heat.getContext('2d').createImageData(MAP, MAP);
      vals.forEach((v, k) => {
        const [r, gg, b] = shade(v / hi);
        img.data.set([r, gg, b, 255], k * 4);
      });
      heat.getContext('2d').putImageData(img, 0, 0);
    }

    function paint() {
      if (!heat) return;
      g.imageSmoothingEnabled = true;
      g.drawImage(heat, 0, 0, SIZE, SIZE);
      const s = SURFACES[state.surface];
      // minima: a white cross
      g.lineWidth = 3;
      for (const m of s.minima) {
        const [px, py] = toPx(m);
        g.strokeStyle = '#fff';
        g.beginPath(); g.moveTo(px - 8, py - 8); g.lineTo(px + 8, py + 8); g.moveTo(px + 8, py - 8); g.lineTo(px - 8, py + 8); g.stroke();
        g.strokeStyle = '#1f2933'; g.lineWidth = 1.5;
        g.beginPath(); g.moveTo(px - 7, py - 7); g.lineTo(px + 7, py + 7); g.moveTo(px + 7, py - 7); g.lineTo(px - 7, py + 7); g.stroke();
        g.lineWidth = 3;
      }
      const r = widget.result;
      if (r) {
        for (const o of OPTIMISERS) {
          const p = r.paths[o.id];
          if (!state.shown[o.id] || !p) continue;
          const n = Math.max(1, Math.ceil(p.points.length * reveal));
          g.strokeStyle = o.color;
          g.lineWidth = 2.5;
          g.lineJoin = 'round';
          g.beginPath();
          for (let k = 0; k < n; ++k) {
            const [px, py] = toPx(p.points[k]).map((c) => Math.max(-SIZE, Math.min(2 * SIZE, c)));
            if (k === 0) g.moveTo(px, py); else g.lineTo(px, py);
          }
          g.stroke();
          const [ex, ey] = toPx(p.points[n - 1]);
          g.fillStyle = o.color;
          g.beginPath(); g.arc(ex, ey, 4.5, 0, 2 * Math.PI); g.fill();
        }
      }
      drawData();
      const [sx, sy] = toPx(state.start);
      g.fillStyle = '#fff';
      g.strokeStyle = '#1f2933';
      g.lineWidth = 2;
      g.beginPath(); g.arc(sx, sy, 6, 0, 2 * Math.PI); g.fill(); g.stroke();
    }

    /** The line-fit data: its points, the start's line (dashed) and each shown path's line where its drawing has got to. */
    function drawData() {
      const s = SURFACES[state.surface];
      if (!s.points) return;
      const [x0, x1, y0, y1] = DATA_VIEW;
      const px = (x) => ((x - x0) / (x1 - x0)) * DATA_W;
      const py = (y) => ((y1 - y) / (y1 - y0)) * DATA_H;
      const line = ([w, b], attrs) => h('line', { x1: px(x0), y1: py(w * x0 + b), x2: px(x1), y2: py(w * x1 + b), 'stroke-width': 2, ...attrs });
      const r = widget.result;
      const lines = OPTIMISERS.filter((o) => state.shown[o.id] && r?.paths[o.id] && !r.paths[o.id].diverged).map((o) => {
        const p = r.paths[o.id].points;
        return line(p[Math.max(0, Math.ceil(p.length * reveal) - 1)], { stroke: o.color });
      });
      dataPlot.replaceChildren(
        h('rect', { x: 0, y: 0, width: DATA_W, height: DATA_H, fill: 'none', stroke: 'var(--line)' }),
        h('line', { x1: px(x0), x2: px(x1), y1: py(0), y2: py(0), stroke: '#e3e7ec' }),
        h('line', { x1: px(0), x2: px(0), y1: 0, y2: DATA_H, stroke: '#e3e7ec' }),
        ...s.points.map(([x, y]) => h('circle', { cx: px(x), cy: py(y), r: 2.6, fill: '#52606d' })),
        line(state.start, { stroke: '#9aa5b1', 'stroke-dasharray': '5 4' }),
        ...lines,
        h('text', { x: DATA_W - 4, y: py(0) - 4, 'text-anchor': 'end' }, 'x'),
        h('text', { x: px(0) + 4, y: 12 }, 'y'));
    }

    function describe() {
      const [x, y] = state.start;
      const s = SURFACES[state.surface];
      const [xName, yName] = s.axes ?? ['x', 'y'];
      startText.textContent = words.t({
        en: 'Start {xName} = {x}, {yName} = {y}, f = {f}. Click or tap the map to move it; arrow keys move it by 0.1, with Shift by 0.01.',
        ko: '출발점 {xName} = {x}, {yName} = {y}, f = {f}. 지도를 클릭하거나 탭해서 옮기고, 화살표 키로 0.1씩, Shift와 함께 0.01씩 옮길 수 있습니다.',
      }, { xName, yName, x: formatReadout(x, 3), y: formatReadout(y, 3), f: formatReadout(s.f(x, y), 3) });
      dataPlot.setAttribute('aria-label', words.t({
        en: 'The {n} points, the start\'s line (dashed) and the line at the end of each path', ko: '점 {n}개, 출발점의 직선(점선), 각 경로 끝의 직선' }, { n: FIT_POINTS }));
      const sgd = widget.result?.paths.sgd;
      noiseText.textContent = !s.batchGrad || !sgd ? ''
        : state.batch === FIT_POINTS ? words.t({ en: 'Full batch: every step takes the exact gradient.', ko: '전체 배치: 매 스텝 정확한 기울기를 씁니다.' })
          : words.t({
            en: 'Batches of {b}: along plain SGD\'s path a batch\'s gradient missed the full gradient by {noise} (root mean square).',
            ko: '배치 크기 {b}: 기본 SGD의 경로에서 배치 기울기는 전체 기울기와 평균 {noise}만큼 어긋났습니다(제곱평균제곱근).',
          }, { b: state.batch, noise: formatReadout(sgd.noise, 3) });
      canvas.setAttribute('aria-label', words.t({ en: 'Loss surface: {name}, with the paths of the four optimisers', ko: '손실 곡면: {name}, 네 옵티마이저의 경로' }, { name: words.t(s.name) }));
      lrValue.textContent = lrText(state.lr);
      lrSlider.setAttribute('aria-valuetext', lrText(state.lr));
      lrSlider.setAttribute('aria-label', words.t({ en: 'Learning rate', ko: '학습률' }));
      const r = widget.result;
      for (const o of OPTIMISERS) {
        const p = r?.paths[o.id];
        outs[o.id].textContent = !p ? '–'
          : p.diverged ? words.t({ en: 'diverged after {n} steps', ko: '{n} 스텝 만에 발산' }, { n: p.points.length - 1 })
            : p.left ? words.t({ en: 'reached a minimum after {n} steps but did not stay: f = {f}', ko: '{n} 스텝 만에 최솟값에 닿았지만 머물지 못함: f = {f}' }, { n: p.hit, f: formatReadout(p.f, 3) })
            : p.hit !== null ? words.t({ en: 'at a minimum after {n} steps', ko: '{n} 스텝 만에 최솟값 도착' }, { n: p.hit })
              : words.t({ en: 'not there after {n} steps: f = {f}', ko: '{n} 스텝 뒤에도 도착 못 함: f = {f}' }, { n: r.steps, f: formatReadout(p.f, 3) });
      }
    }

    /**
     * The gradient of each step, gradient(t, x, y) for t = 1, 2, …: the formula's, or on a surface
     * made of data the mean over step t's mini-batch (the same batches for every optimiser).
     */
    function gradients() {
      const s = SURFACES[state.surface];
      const exact = (t, x, y) => s.grad(x, y);
      if (!s.batchGrad) return { batch: null, gradient: exact };
      const n = s.points.length;
      const b = state.batch;
      if (b >= n) return { batch: b, gradient: exact }; // the full batch, in the formula's order
      const perEpoch = Math.ceil(n / b);
      const orders = new Map();
      return {
        batch: b,
        gradient(t, x, y) {
          const epoch = Math.floor((t - 1) / perEpoch);
          if (!orders.has(epoch)) orders.set(epoch, shuffled(n, state.seed * 10007 + epoch));
          const at = ((t - 1) % perEpoch) * b;
          return s.batchGrad(orders.get(epoch).subarray(at, at + b), x, y);
        },
      };
    }

    function runAll() {
      const s = SURFACES[state.surface];
      const { batch, gradient } = gradients();
      const paths = {};
      for (const o of OPTIMISERS) {
        const w = new Float32Array(state.start);
        const opt = o.make(lw, [w], state.lr);
        const points = [[w[0], w[1]]];
        let hit = null;
        let diverged = false;
        let noise = 0; // sum of squared gaps between the step's gradient and the full one
        const near = () => s.minima.some(([mx, my]) => Math.hypot(w[0] - mx, w[1] - my) < NEAR);
        if (near()) hit = 0;
        try {
          for (let t = 1; t <= state.steps; ++t) {
            const g = gradient(t, w[0], w[1]);
            if (batch !== null) {
              const full = s.grad(w[0], w[1]);
              noise += (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2;
            }
            opt.step([g]);
            points.push([w[0], w[1]]);
            if (!(Math.abs(w[0]) <= LIMIT && Math.abs(w[1]) <= LIMIT)) { diverged = true; break; }
            if (hit === null && near()) hit = t;
          }
        } catch {
          diverged = true; // a gradient too large for float32
        } finally {
          opt.dispose();
        }
        const [x, y] = points.at(-1);
        // left: it came within NEAR of a minimum but is no longer there at the end
        paths[o.id] = {
          points, hit: diverged ? null : hit, f: diverged ? Infinity : s.f(x, y), diverged, left: !diverged && hit !== null && !near(),
          noise: Math.sqrt(noise / Math.max(1, points.length - 1)),
        };
      }
      widget.result = { surface: state.surface, lr: state.lr, steps: state.steps, start: [...state.start], batch, seed: state.seed, paths };
      describe();
      runs.emit(widget.result);
      // show the paths growing, about a second
      cancelAnimationFrame(frame);
      const t0 = performance.now();
      const grow = (now) => {
        reveal = Math.min(1, (now - t0) / 900);
        paint();
        if (reveal < 1) frame = requestAnimationFrame(grow);
      };
      frame = requestAnimationFrame(grow);
    }

    function set(changes) {
      if (changes.surface && changes.surface !== state.surface) {
        Object.assign(state, { surface: changes.surface }, structuredClone(SURFACES[changes.surface].preset));
        drawHeat();
      }
      for (const k of ['lr', 'steps', 'batch', 'seed']) if (changes[k] !== undefined) state[k] = changes[k];
      if (changes.start) {
        const [x0, x1, y0, y1] = SURFACES[state.surface].view;
        state.start = [Math.min(x1, Math.max(x0, changes.start[0])), Math.min(y1, Math.max(y0, changes.start[1]))]
          .map((v) => Math.round(v * 1000) / 1000);
      }
      surfaceSelect.value = state.surface;
      lrSlider.value = String(Math.log10(state.lr));
      stepsSelect.value = String(state.steps);
      batchSelect.value = String(state.batch);
      const fromData = Boolean(SURFACES[state.surface].batchGrad);
      for (const node of [batchLabel, reshuffle, dataPlot]) node.toggleAttribute('hidden', !fromData); // an attribute: SVG has no .hidden
      describe();
      if (lw) runAll();
      return widget.result;
    }

    canvas.addEventListener('pointerdown', (e) => {
      const box = canvas.getBoundingClientRect();
      const [x0, x1, y0, y1] = SURFACES[state.surface].view;
      set({ start: [x0 + ((e.clientX - box.left) / box.width) * (x1 - x0), y1 - ((e.clientY - box.top) / box.height) * (y1 - y0)] });
    });
    canvas.addEventListener('keydown', (e) => {
      const d = e.shiftKey ? 0.01 : 0.1;
      const move = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] }[e.key];
      if (!move) return;
      e.preventDefault();
      set({ start: [state.start[0] + move[0], state.start[1] + move[1]] });
    });

    drawHeat();
    set({});
    paint();
    getEngine().then((engine) => { lw = engine; runAll(); });
    return widget;
  };
}
