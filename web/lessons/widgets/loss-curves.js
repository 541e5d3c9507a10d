// Binary cross-entropy and squared error for one example whose target is 1, drawn against the
// predicted probability p = σ(z), with their gradients with respect to the logit z. Every value
// comes from the engine: a one-output model (weight 0, bias z, then a sigmoid) takes one
// training step with learning rate 0; the step's loss and the bias's gradient are L and ∂L/∂z.
//
// Widget: { root, setLang, p, set(p), values: {p, bce, mse, gBce, gMse}, series, on(fn) }
//   series: {bce, mse, gBce, gMse}: [[p, value]] as plotted.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine } from './common.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, legend, num, slider, plotWidth } from './output-kit.js';

addStyle('loss-curves', `.lw-loss-curves .lw-grid2 { margin-top: .5rem; }`);

const CURVE_P = Array.from({ length: 199 }, (_, i) => (i + 1) / 200);
const COLORS = { bce: '#0072b2', mse: '#d55e00' };
const LOSS_TOP = 4;

// A curve cut where it leaves the plot through its top (the plot does not clip): the point where
// it crosses the top edge, by linear interpolation, and nothing above.
function underTop(points, top) {
  const out = [];
  points.forEach(([x, y], i) => {
    const prev = points[i - 1];
    if (prev && (prev[1] > top) !== (y > top)) {
      const t = (top - prev[1]) / (y - prev[1]);
      out.push([prev[0] + t * (x - prev[0]), top]);
    }
    out.push([x, y > top ? NaN : y]);
  });
  return out;
}

/** Loss and ∂L/∂z at p for target 1, from the engine (see the header). */
function lossProbe(lw) {
  const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1, init: { weight: 'zeros', bias: 'zeros' } }, { type: 'sigmoid' }] });
  const opt = lw.optim.SGD(model, { lr: 0 });
  return (p, loss) => {
    model.setParameters([{ name: '0.weight', data: [0] }, { name: '0.bias', data: [Math.log(p / (1 - p))] }]);
    const value = model.trainStep([0], [1], 1, loss, opt);
    return { loss: value, grad: model.gradients()[1].data[0] };
  };
}

export function lossCurvesWidget({ p = 0.8 } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    let probe = null;
    let values = null;
    let series = null;

    const width = plotWidth(360);
    const lossPlot = new LinePlot({ width, height: 240, xDomain: [0, 1], yDomain: [0, LOSS_TOP] });
    const gradPlot = new LinePlot({ width, height: 240, xDomain: [0, 1], yDomain: [-1, 0.05] });
    words.attr(lossPlot.root, 'aria-label', { en: 'Loss against the predicted probability', ko: '예측 확률에 따른 손실' });
    words.attr(gradPlot.root, 'aria-label', { en: 'Gradient with respect to the logit against the predicted probability', ko: '예측 확률에 따른, 로짓에 대한 기울기' });
    const pSlider = slider(words, {
      label: { en: 'Predicted probability of the true class, p', ko: '정답 클래스의 예측 확률 p' },
      text: { en: 'p', ko: 'p' },
      min: 0.001, max: 0.999, step: 0.001, value: p,
      onInput: () => update(),
    });
    const cells = {};
    const cell = (key) => (cells[key] = h('td'));
    const table = h('table', { class: 'lw-kit-table' },
      h('thead', {}, h('tr', {}, words.bind(h('th'), { en: 'loss (target 1)', ko: '손실 (목표 1)' }),
        words.bind(h('th'), { en: 'L at p', ko: 'p에서의 L' }), words.bind(h('th'), { en: '∂L/∂z', ko: '∂L/∂z' }))),
      h('tbody', {},
        h('tr', {}, words.bind(h('td'), { en: 'BCE  −log p', ko: 'BCE  −log p' }), cell('bce'), cell('gBce')),
        h('tr', {}, words.bind(h('td'), { en: 'MSE  (1 − p)²', ko: 'MSE  (1 − p)²' }), cell('mse'), cell('gMse'))));
    const ratio = h('p', { class: 'lw-readout', 'aria-live': 'polite' });
    const refreshRatio = words.live(ratio, {
      en: 'MSE pushes the logit {r} times as hard as BCE does.',
      ko: 'MSE는 BCE의 {r}배만큼 로짓을 밉니다.',
    }, { r: () => (values ? formatReadout(values.gMse / values.gBce, 3) : '–') });
    const titles = [
      words.bind(h('p', { class: 'lw-kit-plot-title' }), { en: 'Loss L', ko: '손실 L' }),
      words.bind(h('p', { class: 'lw-kit-plot-title' }), { en: 'Gradient ∂L/∂z (the push on the logit)', ko: '기울기 ∂L/∂z (로짓을 미는 힘)' }),
    ];
    const root = h('div', { class: 'lw-card lw-loss-curves' },
      pSlider.root,
      legend(words, [{ color: COLORS.bce, text: { en: 'BCE', ko: 'BCE' } }, { color: COLORS.mse, text: { en: 'MSE', ko: 'MSE' } }]),
      h('div', { class: 'lw-grid2' }, h('div', {}, titles[0], lossPlot.root), h('div', {}, titles[1], gradPlot.root)),
      h('div', { class: 'lw-kit-scroll' }, table), ratio);

    function draw() {
      if (!series) return;
      const named = (key) => ({ color: COLORS[key.replace(/^g/, '').toLowerCase()], points: underTop(series[key], LOSS_TOP) });
      // a loss above the plot shows as a marker on its top edge (the table has the number)
      const atTop = (v) => Math.min(v, LOSS_TOP);
      lossPlot.update([named('bce'), named('mse')], {
        markers: values ? [[values.p, atTop(values.bce), COLORS.bce], [values.p, values.mse, COLORS.mse]] : [],
      });
      gradPlot.update([named('gBce'), named('gMse')], {
        markers: values ? [[values.p, values.gBce, COLORS.bce], [values.p, values.gMse, COLORS.mse]] : [],
      });
    }

    function update() {
      if (!probe) return;
      const at = pSlider.value;
      const b = probe(at, 'bce');
      const m = probe(at, 'mse');
      values = { p: at, bce: b.loss, mse: m.loss, gBce: b.grad, gMse: m.grad };
      for (const key of ['bce', 'mse', 'gBce', 'gMse']) cells[key].textContent = num(values[key]);
      refreshRatio();
      draw();
      events.emit({ ...values });
    }

    getEngine().then((lw) => {
      probe = lossProbe(lw);
      const bce = CURVE_P.map((q) => probe(q, 'bce'));
      const mse = CURVE_P.map((q) => probe(q, 'mse'));
      series = {
        bce: CURVE_P.map((q, i) => [q, bce[i].loss]),
        mse: CURVE_P.map((q, i) => [q, mse[i].loss]),
        gBce: CURVE_P.map((q, i) => [q, bce[i].grad]),
        gMse: CURVE_P.map((q, i) => [q, mse[i].grad]),
      };
      update();
    }).catch((error) => console.error('loss curves: engine', error));

    return {
      root,
      setLang: words.setLang,
      get p() { return pSlider.value; },
      set: (v) => pSlider.set(v),
      get values() { return values && { ...values }; },
      get series() { return series; },
      on: events.on,
    };
  };
}
