// Lesson 4's widget: one batch through a 10-layer MLP (256 inputs, 10 hidden layers of 256 units,
// tanh or ReLU, one linear output) with the initialisation the reader picks, one forward and one
// backward pass (a training step with lr 0, so nothing moves), and per layer:
//   - a histogram of the hidden layer's outputs h_l and of the gradients ∂L/∂h_l, all layers of a
//     row on one common x range, so a shrinking spread shows as a spike and a growing one as a
//     spill into the edge bins;
//   - the standard deviations of both on a log scale (log₁₀ std against layer).
// The engine runs on the main thread (getEngine()); one pass takes some tens of milliseconds.
//
// Widget object: { root, setLang, result, onChange(fn) → unsubscribe, set({activation, init}) → Promise }.
// result: { activation, init, seed, actStd[10], gradStd[10], flat[10] } (flat: tanh saturated or
// ReLU dead share per layer), null before the first pass.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine, wordsFor } from './common.js';
import { LinePlot } from './plot.js';
import { plotWidth } from './output-kit.js';

const DEPTH = 10;
const WIDTH = 256;
export const BATCH = 256;
const SOURCE_BINS = 40; // the engine's histogram, re-binned onto each row's common range
const BINS = 15;

/** The initialisers offered, as model-spec init choices (bias zeros, as in the seed's weight_init). */
export const INITS = {
  zeros: { weight: 'zeros', bias: 'zeros' },
  small: { weight: { type: 'normal', std: 0.01 }, bias: 'zeros' },
  large: { weight: { type: 'normal', std: 1 }, bias: 'zeros' },
  xavier: { weight: 'xavier_uniform', bias: 'zeros' },
  xavier_tanh: { weight: { type: 'xavier_uniform', gain: 'tanh' }, bias: 'zeros' },
  he: { weight: { type: 'kaiming_normal', nonlinearity: 'relu' }, bias: 'zeros' },
};

const INIT_NAMES = {
  zeros: { en: 'zeros', ko: '0으로 채우기' },
  small: { en: 'normal, std 0.01 (too small)', ko: '정규분포, 표준편차 0.01 (너무 작음)' },
  large: { en: 'normal, std 1 (too large)', ko: '정규분포, 표준편차 1 (너무 큼)' },
  xavier: { en: 'Xavier uniform', ko: 'Xavier 균등분포' },
  xavier_tanh: { en: 'Xavier uniform, gain 5/3 (tanh)', ko: 'Xavier 균등분포, gain 5/3 (tanh)' },
  he: { en: 'He (Kaiming normal, ReLU)', ko: 'He (Kaiming 정규분포, ReLU)' },
};

const W = {
  activation: { en: 'Activation', ko: '활성화 함수' },
  init: { en: 'Initialisation', ko: '초기화' },
  reseed: { en: 'Draw new weights', ko: '가중치 새로 뽑기' },
  layer: { en: 'layer', ko: '층' },
  logStd: { en: 'log₁₀ std', ko: 'log₁₀ 표준편차' },
  actSeries: { en: 'outputs', ko: '출력' },
  gradSeries: { en: 'gradients', ko: '기울기' },
  working: { en: 'Computing…', ko: '계산 중…' },
  allZero: {
    en: 'Every output and every gradient is exactly 0: no layer can learn anything.',
    ko: '모든 출력과 모든 기울기가 정확히 0입니다. 어느 층도 아무것도 배울 수 없습니다.',
  },
  summary: {
    en: 'Output std, layer 10 ÷ layer 1: {act}. Gradient std, layer 1 ÷ layer 10: {grad}. {flatName} in layer 10: {flat}.',
    ko: '출력 표준편차, 10층 ÷ 1층: {act}. 기울기 표준편차, 1층 ÷ 10층: {grad}. 10층의 {flatName}: {flat}.',
  },
  saturated: { en: 'Saturated tanh units', ko: '포화된 tanh 유닛' },
  dead: { en: 'Dead ReLU units', ko: '죽은 ReLU 유닛' },
  cell: { en: 'layer {n}, std {std}', ko: '{n}층, 표준편차 {std}' },
  failed: { en: 'The engine could not run: {message}', ko: '엔진을 실행하지 못했습니다: {message}' },
};

addStyle('init-depth', `
.init-depth .cells { display: grid; grid-template-columns: 5.5rem repeat(${DEPTH}, 1fr); gap: 4px; align-items: end; margin: .25rem 0; }
.init-depth .cells .row-title { font-size: 13px; color: var(--muted); line-height: 1.25; align-self: center; }
.init-depth .cells .num { font-size: 12px; color: var(--muted); text-align: center; }
.init-depth .cells svg { width: 100%; height: 40px; display: block; background: #f7f9fb; border-bottom: 1px solid #9aa5b1; }
.init-depth .summary { margin: .5rem 0; min-height: 3em; }
.init-depth .legend { display: flex; gap: 1.25rem; margin: .75rem 0 0; }
.init-depth .key { display: inline-flex; align-items: center; gap: .4rem; }
.init-depth .key svg { width: 24px; height: 8px; }
.init-depth select { font: inherit; font-size: 15px; max-width: 100%; min-height: 40px; padding: 0 .4rem; }
.init-depth .lw-controls label { flex-wrap: wrap; }
@media (max-width: 600px) {
  .init-depth .cells { grid-template-columns: repeat(${DEPTH}, 1fr); gap: 2px; }
  .init-depth .cells .row-title { grid-column: 1 / -1; }
  .init-depth .cells svg { height: 32px; }
  .init-depth .lw-plot text { font-size: 13px; }
}
`);

// A seeded normal sample (xorshift + Box–Muller): the same batch on every pass.
function normals(n, seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  return out;
}

const X = normals(BATCH * WIDTH, 7);
const Y = normals(BATCH, 11);

/** The spec of the 10-layer network. */
export function depthSpec(activation, init, seed) {
  const layers = [];
  for (let i = 0; i < DEPTH; i++) layers.push({ type: 'linear', out: WIDTH }, { type: activation });
  layers.push({ type: 'linear', out: 1 });
  return { input: [WIDTH], layers, init: INITS[init], seed };
}

/** One forward and backward pass; per hidden layer the engine's statistics of h_l and ∂L/∂h_l. */
export function measure(lw, activation, init, seed) {
  const model = lw.Model.fromSpec(depthSpec(activation, init, seed));
  const opt = lw.optim.SGD(model, { lr: 0 });
  try {
    model.trainStep(X, Y, BATCH, 'mse', opt);
    const layers = model.stats(SOURCE_BINS).filter((s) => s.type === activation);
    return {
      activation, init, seed,
      actStd: layers.map((s) => s.activations.std),
      gradStd: layers.map((s) => s.activationGrads.std),
      flat: layers.map((s) => (activation === 'relu' ? s.dead : s.saturated)),
      layers,
    };
  } finally {
    opt.dispose();
    model.dispose();
  }
}

// A summary's histogram (equal bins over [min, max]) moved onto BINS bins over [lo, hi]; values
// outside land in the edge bins.
function rebin(summary, lo, hi) {
  const out = new Array(BINS).fill(0);
  const { histogram, min, max } = summary;
  const n = histogram.length;
  histogram.forEach((count, i) => {
    if (!count) return;
    const v = n > 1 ? min + ((i + 0.5) / n) * (max - min) : min;
    const k = Math.floor(((v - lo) / (hi - lo)) * BINS);
    out[Math.min(BINS - 1, Math.max(0, Number.isFinite(k) ? k : 0))] += count;
  });
  return out;
}

// The common x range of a row: tanh outputs [-1, 1], ReLU outputs [0, R], gradients [-R, R],
// R = 3 × the row's largest std.
function rowRange(summaries, kind) {
  const top = Math.max(...summaries.map((s) => s.std).filter(Number.isFinite), 0);
  const r = top > 0 ? 3 * top : 1;
  if (kind === 'tanh') return [-1, 1];
  if (kind === 'relu') return [0, r];
  return [-r, r];
}

export function initDepth({ activation = 'tanh', init = 'xavier' } = {}) {
  return (ctx) => {
    const words = wordsFor(ctx.lang);
    const listeners = new Set();
    let seed = 1;
    let result = null;
    let pending = Promise.resolve();

    const option = (value, text) => words.bind(h('option', { value }), text);
    const actSelect = h('select', { 'data-role': 'activation' },
      option('tanh', { en: 'tanh', ko: 'tanh' }), option('relu', { en: 'ReLU', ko: 'ReLU' }));
    const initSelect = h('select', { 'data-role': 'init' },
      ...Object.keys(INITS).map((k) => option(k, INIT_NAMES[k])));
    actSelect.value = activation;
    initSelect.value = init;
    const reseed = h('button', { type: 'button', class: 'lw-button', 'data-role': 'reseed' }, words.bind(h('span'), W.reseed));
    const summary = h('p', { class: 'summary lw-readout', role: 'status', 'aria-live': 'polite' });

    const cellRow = (title) => {
      const cells = Array.from({ length: DEPTH }, () => h('svg', { viewBox: `0 0 ${BINS} 40`, preserveAspectRatio: 'none', role: 'img' }));
      return { title: words.bind(h('span', { class: 'row-title' }), title), cells };
    };
    const actRow = cellRow({ en: 'outputs h', ko: '출력 h' });
    const gradRow = cellRow({ en: 'gradients ∂L/∂h', ko: '기울기 ∂L/∂h' });
    const nums = Array.from({ length: DEPTH }, (_, i) => h('span', { class: 'num', 'aria-hidden': 'true' }, String(i + 1)));
    const cells = h('div', { class: 'cells' },
      h('span', { class: 'row-title' }, words.bind(h('span'), W.layer)), ...nums,
      actRow.title, ...actRow.cells, gradRow.title, ...gradRow.cells);

    const plot = new LinePlot({ width: plotWidth(860), height: 220, xDomain: [1, DEPTH] });
    const key = (color, dash, text) => h('span', { class: 'key' },
      h('svg', { viewBox: '0 0 24 8', 'aria-hidden': 'true' }, h('line', { x1: 0, x2: 24, y1: 4, y2: 4, stroke: color, 'stroke-width': 3, 'stroke-dasharray': dash ? '6 4' : null })),
      words.bind(h('span'), text));
    const legend = h('p', { class: 'legend lw-readout' }, key('#0072b2', false, W.actSeries), key('#e69f00', true, W.gradSeries));
    const root = h('div', { class: 'lw-card init-depth' },
      h('div', { class: 'lw-controls' },
        h('label', {}, words.bind(h('span'), W.activation), actSelect),
        h('label', {}, words.bind(h('span'), W.init), initSelect),
        reseed),
      summary, cells, legend, h('div', { class: 'plot' }, plot.root));

    const drawRow = (row, summaries, kind) => {
      const [lo, hi] = rowRange(summaries, kind);
      summaries.forEach((s, i) => {
        const counts = rebin(s, lo, hi);
        const top = Math.max(...counts, 1);
        row.cells[i].replaceChildren(...counts.map((c, k) => {
          const height = c ? Math.max(1.5, 38 * Math.sqrt(c / top)) : 0;
          return h('rect', { x: k + 0.08, width: 0.84, y: 40 - height, height, fill: kind === 'grad' ? '#e69f00' : '#0072b2' });
        }));
        row.cells[i].setAttribute('aria-label', words.t(W.cell, { n: i + 1, std: formatReadout(s.std, 2) }));
      });
    };

    const draw = () => {
      if (!result) return;
      const { actStd, gradStd, flat, layers } = result;
      drawRow(actRow, layers.map((s) => s.activations), result.activation);
      drawRow(gradRow, layers.map((s) => s.activationGrads), 'grad');
      const log = (v) => (v > 0 ? Math.log10(v) : NaN);
      plot.setLabels(words.t(W.layer), words.t(W.logStd));
      plot.root.setAttribute('aria-label', `${words.t(W.logStd)}: ${words.t(W.actSeries)} ${actStd.map((v) => formatReadout(v, 2)).join(', ')}; ${words.t(W.gradSeries)} ${gradStd.map((v) => formatReadout(v, 2)).join(', ')}`);
      const logs = [...actStd, ...gradStd].map(log).filter(Number.isFinite);
      plot.yDomain = logs.length ? [Math.floor(Math.min(...logs)) - 0.5, Math.ceil(Math.max(...logs)) + 0.5] : [-1, 1];
      plot.update([
        { color: '#0072b2', points: actStd.map((v, i) => [i + 1, log(v)]) },
        { color: '#e69f00', dash: true, points: gradStd.map((v, i) => [i + 1, log(v)]) },
      ]);
      if (actStd[0] === 0 && gradStd.every((v) => v === 0)) {
        summary.textContent = words.t(W.allZero);
        return;
      }
      const ratio = (a, b) => (b > 0 ? `${formatReadout(a / b, 2)}×` : '–');
      summary.textContent = words.t(W.summary, {
        act: ratio(actStd[DEPTH - 1], actStd[0]),
        grad: ratio(gradStd[0], gradStd[DEPTH - 1]),
        flatName: words.t(result.activation === 'relu' ? W.dead : W.saturated),
        flat: `${Math.round(100 * flat[DEPTH - 1])}%`,
      });
    };

    const run = () => {
      const act = actSelect.value;
      const which = initSelect.value;
      const s = seed;
      pending = pending.then(async () => {
        summary.textContent = words.t(W.working);
        try {
          const lw = await getEngine();
          result = measure(lw, act, which, s);
          draw();
          for (const fn of listeners) fn(result);
        } catch (error) {
          console.error('init-depth:', error);
          summary.textContent = words.t(W.failed, { message: error.message });
        }
      });
      return pending;
    };

    actSelect.addEventListener('change', run);
    initSelect.addEventListener('change', run);
    reseed.addEventListener('click', () => { seed += 1; run(); });
    run();

    return {
      root,
      get result() { return result; },
      onChange(fn) {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      set({ activation: a, init: i } = {}) {
        if (a) actSelect.value = a;
        if (i) initSelect.value = i;
        return run();
      },
      setLang(lang) {
        words.setLang(lang);
        draw();
      },
    };
  };
}
