// Binary cross-entropy after a sigmoid layer versus binary cross-entropy with logits, for one
// example with target 1 and a logit z that can be made very negative (a confident mistake).
// Both columns come from the engine in float32: a one-output model with bias z, with or
// without a sigmoid layer, takes a training step with learning rate 0 ('bce' or
// 'bce_with_logits'); its loss and the bias's gradient are L and ∂L/∂z. The exact values,
// log(1 + e^(−z)) and σ(z) − 1, are worked out here in double precision.
// A dashed line marks z = −ln(largest float32) ≈ −88.72: left of it e^(−z) overflows to ∞ in
// float32, so σ(z) = 1/(1 + e^(−z)) is exactly 0 and the clamped log gives a loss of 100.
//
// Widget: { root, setLang, z, set(z), values: {z, p, bce, gBce, logits, gLogits, exact, gExact},
//           curve: [values at z = −120, −119, …, 10], overflowZ, on(fn) }
import { h } from '../../lib/dom.js';
import { addStyle, getEngine } from './common.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, legend, num, slider, plotWidth } from './output-kit.js';

addStyle('loss-saturation', `.lw-saturation .lw-grid2 { margin-top: .5rem; }`);

const Z_RANGE = [-120, 10];
const CURVE_Z = Array.from({ length: 131 }, (_, i) => Z_RANGE[0] + i);
const COLORS = { bce: '#d55e00', logits: '#0072b2' };
const log10abs = (v) => (v === 0 ? NaN : Math.log10(Math.abs(v)));
/** Below this logit e^(−z) is more than the largest float32 (3.4028235e38): σ(z) becomes 0. */
export const OVERFLOW_Z = -Math.log(3.4028234663852886e38);
const MARK = '#7b8794';

/** Exact −log σ(z) and its derivative σ(z) − 1, in double precision. */
const exactLoss = (z) => Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const exactGrad = (z) => 1 / (1 + Math.exp(-z)) - 1;

function probes(lw) {
  const make = (sigmoid) => {
    const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1, init: { weight: 'zeros', bias: 'zeros' } }, ...(sigmoid ? [{ type: 'sigmoid' }] : [])] });
    return { model, opt: lw.optim.SGD(model, { lr: 0 }) };
  };
  const withSigmoid = make(true);
  const logits = make(false);
  const step = ({ model, opt }, z, loss) => {
    model.setParameters([{ name: '0.weight', data: [0] }, { name: '0.bias', data: [z] }]);
    const value = model.trainStep([0], [1], 1, loss, opt);
    return [value, model.gradients()[1].data[0]];
  };
  return (z) => {
    const [bce, gBce] = step(withSigmoid, z, 'bce');
    const p = withSigmoid.model.forward([0], 1)[0];
    const [lg, gLogits] = step(logits, z, 'bce_with_logits');
    return { z, p, bce, gBce, logits: lg, gLogits, exact: exactLoss(z), gExact: exactGrad(z) };
  };
}

export function saturationWidget({ z = -2 } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    let probe = null;
    let values = null;
    let curve = null;

    const width = plotWidth(360);
    const lossPlot = new LinePlot({ width, height: 240, xDomain: Z_RANGE, yDomain: [0, 125] });
    const gradPlot = new LinePlot({ width, height: 240, xDomain: Z_RANGE, yDomain: [-30, 2] });
    words.attr(lossPlot.root, 'aria-label', { en: 'Loss against the logit z', ko: '로짓 z에 따른 손실' });
    words.attr(gradPlot.root, 'aria-label', { en: 'Base-10 logarithm of the size of the gradient against the logit z', ko: '로짓 z에 따른 기울기 크기의 상용로그' });
    const zSlider = slider(words, {
      label: { en: 'Logit z of an example whose target is 1', ko: '목표가 1인 샘플의 로짓 z' },
      text: { en: 'z', ko: 'z' },
      min: Z_RANGE[0], max: Z_RANGE[1], step: 0.5, value: z,
      onInput: () => update(),
    });
    const cells = {};
    const cell = (key) => (cells[key] = h('td'));
    const table = h('table', { class: 'lw-kit-table' },
      h('thead', {}, h('tr', {}, h('th'),
        words.bind(h('th'), { en: 'σ(z) seen', ko: '계산된 σ(z)' }),
        words.bind(h('th'), { en: 'loss', ko: '손실' }),
        words.bind(h('th'), { en: '∂L/∂z', ko: '∂L/∂z' }))),
      h('tbody', {},
        h('tr', {}, words.bind(h('td'), { en: 'sigmoid, then BCE', ko: '시그모이드 뒤 BCE' }), cell('p'), cell('bce'), cell('gBce')),
        h('tr', {}, words.bind(h('td'), { en: 'BCE with logits', ko: '로짓을 받는 BCE' }), h('td', {}, '–'), cell('logits'), cell('gLogits')),
        h('tr', {}, words.bind(h('td'), { en: 'exact', ko: '정확한 값' }), h('td', {}, '–'), cell('exact'), cell('gExact'))));
    const titles = [
      words.bind(h('p', { class: 'lw-kit-plot-title' }), { en: 'Loss L', ko: '손실 L' }),
      words.bind(h('p', { class: 'lw-kit-plot-title' }), { en: 'log₁₀ |∂L/∂z| (a gradient of exactly 0 is off the chart)', ko: 'log₁₀ |∂L/∂z| (기울기가 정확히 0이면 그래프에 나타나지 않음)' }),
    ];
    const names = {
      bce: { en: 'sigmoid, then BCE', ko: '시그모이드 뒤 BCE' },
      logits: { en: 'BCE with logits', ko: '로짓을 받는 BCE' },
    };
    const root = h('div', { class: 'lw-card lw-saturation' },
      zSlider.root,
      h('div', { class: 'lw-kit-scroll' }, table),
      legend(words, ['bce', 'logits'].map((key) => ({ color: COLORS[key], dash: key === 'logits', text: names[key] }))),
      h('div', { class: 'lw-grid2' }, h('div', {}, titles[0], lossPlot.root), h('div', {}, titles[1], gradPlot.root)));

    /** The overflow line across a plot, labelled σ(z) = 0 on its left. */
    const overflowLine = ([lo, hi]) => ({ color: MARK, dash: true, width: 1, points: [[OVERFLOW_Z, lo], [OVERFLOW_Z, hi]] });
    const labelOverflow = (plot, y) => {
      const { sx, sy } = plot.scale;
      plot.marker.append(h('text', { x: sx(OVERFLOW_Z) - 5, y: sy(y), 'text-anchor': 'end', fill: MARK, 'font-size': 12 }, 'σ(z) = 0'));
    };

    function draw() {
      if (!curve) return;
      const line = (key, pick) => ({ color: COLORS[key], dash: key === 'logits', points: curve.map((c) => [c.z, pick(c)]) });
      lossPlot.update([overflowLine(lossPlot.yDomain), line('bce', (c) => c.bce), line('logits', (c) => c.logits)], {
        markers: values ? [[values.z, values.bce, COLORS.bce], [values.z, values.logits, COLORS.logits]] : [],
      });
      labelOverflow(lossPlot, 15);
      gradPlot.update([overflowLine(gradPlot.yDomain), line('bce', (c) => log10abs(c.gBce)), line('logits', (c) => log10abs(c.gLogits))], {
        markers: values ? [[values.z, log10abs(values.gBce), COLORS.bce], [values.z, log10abs(values.gLogits), COLORS.logits]] : [],
      });
      labelOverflow(gradPlot, -27);
    }

    function update() {
      if (!probe) return;
      values = probe(zSlider.value);
      for (const key of Object.keys(cells)) cells[key].textContent = num(values[key]);
      draw();
      events.emit({ ...values });
    }

    getEngine().then((lw) => {
      probe = probes(lw);
      curve = CURVE_Z.map(probe);
      update();
    }).catch((error) => console.error('saturation widget: engine', error));

    return {
      root,
      setLang: words.setLang,
      get z() { return zSlider.value; },
      set: (v) => zSlider.set(v),
      get values() { return values && { ...values }; },
      get curve() { return curve; },
      overflowZ: OVERFLOW_Z,
      on: events.on,
    };
  };
}
