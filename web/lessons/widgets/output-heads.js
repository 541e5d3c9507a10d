// The same small network fitted to y = sin(x) with three different output heads: nothing after
// the last Linear (right for regression), a sigmoid (outputs only in (0, 1)) or a ReLU
// (outputs only ≥ 0). Each run starts from the same initial weights and trains with MSE and
// Adam in the engine on the main thread; the plot shows the targets and the prediction.
//
// Widget: { root, setLang, head, setHead(name), train() → Promise<result>, result, floor, on(fn) }
//   result = {head, epochs, mse}; floor = the lowest MSE any output ≥ 0 can reach on this data.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine } from './common.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, choice, inSlices, legend, plotWidth } from './output-kit.js';

addStyle('output-heads', `.lw-heads .lw-plot { max-width: 720px; }`);

const HEAD_LAYERS = { identity: [], sigmoid: [{ type: 'sigmoid' }], relu: [{ type: 'relu' }] };
const HEAD_EPOCHS = 300;
const PER_FRAME = 15;
const CURVE = Array.from({ length: 121 }, (_, i) => -6 + i * 0.1);

/** The spec the widget trains: 1 input, two tanh layers of 16, one output, then the head. */
function headSpec(head) {
  return {
    input: [1],
    layers: [{ type: 'linear', out: 16 }, { type: 'tanh' }, { type: 'linear', out: 16 }, { type: 'tanh' },
      { type: 'linear', out: 1 }, ...HEAD_LAYERS[head]],
    seed: 1,
  };
}

export function headsWidget({ head = 'sigmoid' } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    const state = { result: null, floor: null, running: false, curve: null, epoch: 0, mse: null };
    let data = null;
    let stats = null;
    let targets = [];

    const plot = new LinePlot({ width: plotWidth(), height: 280, xDomain: [-6, 6], yDomain: [-1.25, 1.25] });
    words.attr(plot.root, 'aria-label', { en: 'Targets sin(x) and the network’s prediction', ko: '목표값 sin(x)와 네트워크의 예측' });
    const picker = choice(words, {
      legend: { en: 'Output head', ko: '출력층 뒤의 함수' },
      name: `head-${Math.random().toString(36).slice(2, 8)}`,
      options: [
        ['identity', { en: 'nothing (linear)', ko: '없음 (선형)' }],
        ['sigmoid', { en: 'sigmoid', ko: '시그모이드' }],
        ['relu', { en: 'ReLU', ko: 'ReLU' }],
      ],
      value: head,
      onChange: () => { state.curve = null; draw(); },
    });
    const train = h('button', { type: 'button', class: 'lw-button primary', onclick: () => run() });
    words.bind(train, { en: `Train ${HEAD_EPOCHS} epochs`, ko: `${HEAD_EPOCHS} 에포크 학습` });
    const readout = h('p', { class: 'lw-readout', 'aria-live': 'polite' });
    const refresh = words.live(readout, {
      en: 'Epoch {e} · MSE {m} · best possible for outputs that cannot go below 0: {f}',
      ko: '에포크 {e} · MSE {m} · 0 아래로 못 내려가는 출력이 낼 수 있는 최선: {f}',
    }, { e: () => state.epoch, m: () => formatReadout(state.mse, 3), f: () => formatReadout(state.floor, 3) });
    const root = h('div', { class: 'lw-card lw-heads' },
      h('div', { class: 'lw-controls' }, picker.root, train),
      legend(words, [{ color: '#9aa5b1', dash: true, text: { en: 'target sin(x)', ko: '목표 sin(x)' } }, { color: '#0072b2', text: { en: 'prediction', ko: '예측' } }]),
      plot.root, readout);

    function draw() {
      const series = [{ color: '#9aa5b1', dash: true, points: CURVE.map((x) => [x, Math.sin(x)]) }];
      if (state.curve) series.push({ color: '#0072b2', points: state.curve });
      plot.update(series);
      refresh();
    }

    async function setup() {
      const lw = await getEngine();
      if (!data) {
        data = lw.data.generate('sine', { n: 200, seed: 1 }).featureMap(['x1']);
        stats = data.standardize();
        targets = Array.from(data.toArrays().y);
        state.floor = targets.reduce((s, y) => s + (y < 0 ? y * y : 0), 0) / targets.length;
      }
      return lw;
    }

    async function run() {
      if (state.running) return state.result;
      state.running = true;
      train.disabled = true;
      const chosen = picker.value;
      try {
        const lw = await setup();
        const model = lw.Model.fromSpec(headSpec(chosen));
        const opt = lw.optim.Adam(model, { lr: 0.01 });
        const xs = CURVE.map((x) => (x - stats.mean[0]) / stats.std[0]);
        state.epoch = 0;
        await inSlices(HEAD_EPOCHS, PER_FRAME, () => { model.trainEpoch(data, 20, 'mse', opt); state.epoch += 1; }, () => {
          state.mse = model.evaluate(data, 'mse').loss;
          const ys = model.forward(xs, xs.length);
          state.curve = CURVE.map((x, i) => [x, ys[i]]);
          draw();
        });
        model.dispose();
        opt.dispose();
        state.result = { head: chosen, epochs: HEAD_EPOCHS, mse: state.mse };
        events.emit(state.result);
        return state.result;
      } finally {
        state.running = false;
        train.disabled = false;
      }
    }

    draw();
    setup().then(draw).catch((error) => console.error('heads widget: engine', error));
    return {
      root,
      setLang: words.setLang,
      get head() { return picker.value; },
      setHead: picker.set,
      train: run,
      get result() { return state.result; },
      get floor() { return state.floor; },
      on: events.on,
    };
  };
}
