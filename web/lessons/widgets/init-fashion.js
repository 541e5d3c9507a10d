// Lesson 4's race on real pictures: the 784-256-128-64-10 ReLU network of lesson 2 trained on
// Fashion-MNIST (the site's 10,000 training and 2,000 test pictures, web/lib/fashion.js) from
// three starts at once: Xavier uniform (the common recipe), He (Kaiming normal for ReLU) and
// PyTorch's own nn.Linear default (U(−1/√fan_in, 1/√fan_in) for weights and biases). The three
// get the same seed, the same mini-batches in the same order and the same optimiser, so the
// start is the only difference. Shown:
//   - at the start, the standard deviation of each hidden layer's outputs (after ReLU) and of
//     the output layer's logits, over the first SPREAD_PICTURES training pictures;
//   - while they train, each one's training loss, the mean of its last WINDOW batches, against
//     the step, with the loss of a uniform guess (ln 10) for reference; at the end, the loss and
//     accuracy on the 2,000 test pictures.
// The pictures (a 5 MB download, cached) are fetched when the widget comes near the screen or
// Train is pressed, not with the page. Training runs on the main thread (getEngine()), about
// FRAME_MS of it per animation frame; a step of the three networks takes some milliseconds.
//
// Widget object: { root, setLang, result, onChange(fn) → unsubscribe, load() → Promise (the
// pictures in and the start measured), train() → Promise (resolves when the run ends or is
// stopped), stop(), set({ optimizer, epochs }) }.
// result: { optimizer, epochs, seed, spread ({xavier, he, default}: 4 stds each, or null before
// the pictures are in), step, steps (of the run), loss ({xavier, he, default}: the running mean
// after every step), running, finished, test ({xavier, he, default}: {loss, accuracy} after a
// finished run, else null) }.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { shuffled } from '../../lib/random.js';
import { addStyle } from './common.js';
import { fashionOnce } from './fashion-load.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, legend, plotWidth } from './output-kit.js';

export const PIXELS = 784;
export const HIDDEN = [256, 128, 64];
export const CLASSES = 10;
export const BATCH = 64;
export const WINDOW = 10;
export const SPREAD_PICTURES = 500;
const FRAME_MS = 12;

/** The three starts, as model-spec init choices (no init: the engine's `default`, PyTorch's). */
export const STARTS = Object.freeze([
  { key: 'xavier', init: { weight: 'xavier_uniform', bias: 'zeros' }, color: '#0072b2', name: { en: 'Xavier uniform', ko: 'Xavier 균등분포' } },
  { key: 'he', init: { weight: { type: 'kaiming_normal', nonlinearity: 'relu' }, bias: 'zeros' }, color: '#d55e00', name: { en: 'He (Kaiming normal)', ko: 'He (Kaiming 정규분포)' } },
  { key: 'default', init: null, color: '#009e73', dash: true, name: { en: 'PyTorch default', ko: 'PyTorch 기본값' } },
]);

/** The two optimisers on offer: the common plain-SGD and Adam settings. */
export const OPTIMIZERS = Object.freeze({
  sgd: { name: { en: 'plain SGD, lr 0.01', ko: '기본 SGD, 학습률 0.01' }, make: (lw, model) => lw.optim.SGD(model, { lr: 0.01 }) },
  adam: { name: { en: 'Adam, lr 0.001', ko: 'Adam, 학습률 0.001' }, make: (lw, model) => lw.optim.Adam(model, { lr: 0.001 }) },
});

/** The network's spec from one start (STARTS[i].init) and a seed. */
export function raceSpec(init, seed) {
  const layers = HIDDEN.flatMap((out) => [{ type: 'linear', out }, { type: 'relu' }]);
  layers.push({ type: 'linear', out: CLASSES });
  return init ? { input: [PIXELS], layers, init, seed } : { input: [PIXELS], layers, seed };
}

/** Pictures `ids` (indices into bytes of 784 grey levels each) as floats in [0, 1]. */
export function pictures(bytes, ids) {
  const out = new Float32Array(ids.length * PIXELS);
  for (let i = 0; i < ids.length; i++) {
    const from = ids[i] * PIXELS;
    for (let j = 0; j < PIXELS; j++) out[i * PIXELS + j] = bytes[from + j] / 255;
  }
  return out;
}

/** The first n indices, 0 … n − 1. */
const first = (n) => Uint32Array.from({ length: n }, (_, i) => i);

const std = (values) => {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return Math.sqrt(sq / values.length);
};

/**
 * The spread at the start of a model: the std of every hidden layer's ReLU output and of the
 * logits, over the pictures x (count of them).
 */
export function spreadOf(model, x, count) {
  model.forward(x, count);
  const outputs = model.layerOutputs();
  return model.spec.layers.flatMap((layer, i) => (layer.type === 'relu' || i === outputs.length - 1 ? [std(outputs[i])] : []));
}

const W = {
  optimizer: { en: 'Optimiser', ko: '옵티마이저' },
  epochs: { en: 'Epochs', ko: '에포크' },
  train: { en: 'Train the three', ko: '세 네트워크 학습' },
  stop: { en: 'Stop', ko: '멈춤' },
  reseed: { en: 'Draw new weights', ko: '가중치 새로 뽑기' },
  waiting: { en: 'The pictures load when you reach this widget or press Train (5 MB, kept for later visits).', ko: '이 위젯까지 내려오거나 학습 버튼을 누르면 그림을 불러옵니다(5MB, 다음 방문을 위해 저장해 둡니다).' },
  loading: { en: 'Loading the pictures… {done} of {total} MB', ko: '그림을 불러오는 중… {total}MB 중 {done}MB' },
  ready: { en: 'Ready: the three networks are built. Press Train.', ko: '세 네트워크를 만들었습니다. 학습 버튼을 누르세요.' },
  running: { en: 'Epoch {epoch} of {epochs}, step {step} of {steps}…', ko: '에포크 {epoch}/{epochs}, 스텝 {step}/{steps}…' },
  stopped: { en: 'Stopped at step {step} of {steps}.', ko: '스텝 {step}/{steps}에서 멈췄습니다.' },
  finished: { en: 'Done: {steps} steps of {batch} pictures. Test loss and accuracy on the 2,000 test pictures are beside each name.', ko: '끝났습니다: {batch}장씩 {steps}스텝. 이름 옆의 값은 테스트 그림 2,000장에서 잰 손실과 정확도입니다.' },
  failed: { en: 'Could not load the pictures: {message}. Press Train to try again.', ko: '그림을 불러오지 못했습니다: {message}. 학습 버튼을 누르면 다시 시도합니다.' },
  spreadCaption: { en: 'At the start: standard deviation of each layer\'s outputs over {n} training pictures', ko: '학습 전: 훈련 그림 {n}장에서 잰 층별 출력의 표준편차' },
  start: { en: 'start', ko: '초기화' },
  layer: { en: 'layer {n}', ko: '{n}층' },
  logits: { en: 'output', ko: '출력층' },
  chance: { en: 'guessing uniformly (ln 10)', ko: '균등하게 찍을 때 (ln 10)' },
  xLabel: { en: 'step (batch of 64)', ko: '스텝 (64장씩)' },
  yLabel: { en: 'training loss', ko: '훈련 손실' },
  plotLabel: { en: 'Training loss of the three starts, mean of the last 10 batches, against the step', ko: '세 초기화의 훈련 손실(최근 10개 배치의 평균)을 스텝에 따라 그린 그래프' },
  outcome: { en: 'loss {loss} · accuracy {acc}%', ko: '손실 {loss} · 정확도 {acc}%' },
  now: { en: 'loss now {loss}', ko: '현재 손실 {loss}' },
};

addStyle('init-fashion', `
.init-fashion select { font: inherit; font-size: 15px; min-height: 40px; padding: 0 .4rem; max-width: 100%; }
.init-fashion .status { margin: .5rem 0; min-height: 1.5em; }
.init-fashion table { margin: .25rem 0 .75rem; }
.init-fashion caption { text-align: left; font-size: 14px; color: var(--muted); padding-bottom: .25rem; }
.init-fashion td .bar { display: block; height: 4px; margin-top: 2px; border-radius: 2px; margin-left: auto; }
.init-fashion .starts { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; font-size: 15px; margin: .25rem 0; }
.init-fashion .starts .name { display: inline-flex; align-items: center; gap: .4rem; font-weight: 600; }
.init-fashion .starts .name i { display: inline-block; width: 22px; height: 0; border-top: 3px solid; }
.init-fashion .starts .name i.dash { border-top-style: dashed; }
.init-fashion .starts .out { font-variant-numeric: tabular-nums; color: var(--muted); }
@media (max-width: 560px) {
  .init-fashion .starts { grid-template-columns: 1fr; }
  .init-fashion .starts .out { margin: -.2rem 0 .3rem; font-size: 14px; }
  .init-fashion .lw-kit-table th, .init-fashion .lw-kit-table td { padding: .25rem .3rem; font-size: 14px; }
}
`);

const nextFrame = () => new Promise((resolve) => (document.hidden ? setTimeout(resolve, 0) : requestAnimationFrame(() => resolve())));

export function initFashion({ optimizer = 'sgd', epochs = 1, seed = 1 } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const changed = changes();
    const state = { optimizer, epochs, seed };
    let env = null; // { lw, train, test } once loaded
    let spread = null;
    let run = null; // { token, step, steps, loss: {key: []}, finished, stopped, test }
    let status = { text: W.waiting, params: {} };

    const option = (value, text) => words.bind(h('option', { value }), text);
    const optSelect = h('select', { 'data-role': 'optimizer' }, ...Object.entries(OPTIMIZERS).map(([k, o]) => option(k, o.name)));
    const epochSelect = h('select', { 'data-role': 'epochs' }, option('1', { en: '1', ko: '1' }), option('3', { en: '3', ko: '3' }));
    optSelect.value = optimizer;
    epochSelect.value = String(epochs);
    const trainLabel = h('span');
    const trainButton = h('button', { type: 'button', class: 'lw-button primary', 'data-role': 'train' }, trainLabel);
    const reseed = h('button', { type: 'button', class: 'lw-button', 'data-role': 'reseed' }, words.bind(h('span'), W.reseed));
    const statusLine = h('p', { class: 'status lw-readout', role: 'status', 'aria-live': 'polite' });

    // the start: one row per initialiser, one column per layer
    const cols = HIDDEN.length + 1;
    const cells = Object.fromEntries(STARTS.map((s) => [s.key, Array.from({ length: cols }, () => h('td', {}, '–'))]));
    const table = h('table', { class: 'lw-kit-table' },
      words.bind(h('caption'), W.spreadCaption, { n: SPREAD_PICTURES }),
      h('thead', {}, h('tr', {}, words.bind(h('th', { scope: 'col' }), W.start),
        ...HIDDEN.map((_, i) => words.bind(h('th', { scope: 'col' }), W.layer, { n: i + 1 })),
        words.bind(h('th', { scope: 'col' }), W.logits))),
      h('tbody', {}, ...STARTS.map((s) => h('tr', { 'data-start': s.key }, words.bind(h('th', { scope: 'row' }), s.name), ...cells[s.key]))));

    const plot = new LinePlot({ width: plotWidth(720), height: 260, yDomain: [0, 3], xDomain: [0, 1] });
    const outs = Object.fromEntries(STARTS.map((s) => [s.key, h('span', { class: 'out', 'data-start': s.key }, '–')]));
    const starts = h('div', { class: 'starts' }, ...STARTS.flatMap((s) => [
      h('span', { class: 'name' }, h('i', { class: s.dash ? 'dash' : null, style: `border-color:${s.color}` }), words.bind(h('span'), s.name)),
      outs[s.key],
    ]));
    const root = h('div', { class: 'lw-card init-fashion' },
      h('div', { class: 'lw-controls' },
        h('label', {}, words.bind(h('span'), W.optimizer), optSelect),
        h('label', {}, words.bind(h('span'), W.epochs), epochSelect),
        trainButton, reseed),
      statusLine,
      h('div', { class: 'lw-kit-scroll' }, table),
      starts,
      legend(words, [{ color: '#7b8794', dash: true, text: W.chance }]),
      plot.root);
    words.attr(plot.root, 'aria-label', W.plotLabel);

    const stepsOf = (e) => e * Math.ceil((env?.train.count ?? 10000) / BATCH);
    const result = () => ({
      ...state,
      spread,
      step: run?.step ?? 0,
      steps: run?.steps ?? stepsOf(state.epochs),
      loss: Object.fromEntries(STARTS.map((s) => [s.key, run ? [...run.loss[s.key]] : []])),
      running: Boolean(run && !run.finished && !run.stopped),
      finished: Boolean(run?.finished),
      test: run?.test ?? null,
    });
    const setStatus = (text, params = {}) => {
      status = { text, params };
      statusLine.textContent = words.t(text, params);
    };

    function draw() {
      const live = Boolean(run && !run.finished && !run.stopped);
      trainLabel.textContent = words.t(live ? W.stop : W.train);
      const top = Math.max(...STARTS.map((s) => spread?.[s.key]?.[0] ?? 0), 1e-9);
      for (const s of STARTS) {
        cells[s.key].forEach((td, i) => {
          const v = spread?.[s.key]?.[i];
          td.replaceChildren(v === undefined ? '–' : formatReadout(v, 2));
          if (v !== undefined && i < HIDDEN.length) td.append(h('span', { class: 'bar', style: `width:${Math.max(2, Math.round(100 * Math.min(1, v / top)))}%;background:${s.color}` }));
        });
        const curve = run?.loss[s.key] ?? [];
        outs[s.key].textContent = run?.test
          ? words.t(W.outcome, { loss: formatReadout(run.test[s.key].loss, 3), acc: Math.round(100 * run.test[s.key].accuracy) })
          : curve.length ? words.t(W.now, { loss: formatReadout(curve[curve.length - 1], 3) }) : '–';
      }
      const steps = run?.steps ?? stepsOf(state.epochs);
      plot.xDomain = [0, steps];
      plot.setLabels(words.t(W.xLabel), words.t(W.yLabel));
      plot.update([
        { color: '#7b8794', dash: true, width: 1.5, points: [[0, Math.LN10], [steps, Math.LN10]] },
        ...STARTS.map((s) => ({ color: s.color, dash: s.dash, points: (run?.loss[s.key] ?? []).map((v, i) => [i + 1, v]) })),
      ]);
      statusLine.textContent = words.t(status.text, status.params);
    }

    const emit = () => { draw(); changed.emit(result()); };

    /** The start's spread for the seed now, from three fresh models. */
    function measure() {
      const { lw, train } = env;
      const x = pictures(train.images, first(SPREAD_PICTURES));
      spread = Object.fromEntries(STARTS.map((s) => {
        const model = lw.Model.fromSpec(raceSpec(s.init, state.seed));
        try {
          return [s.key, spreadOf(model, x, SPREAD_PICTURES)];
        } finally {
          model.dispose();
        }
      }));
    }

    function stop() {
      if (run && !run.finished && !run.stopped) {
        run.stopped = true;
        setStatus(W.stopped, { step: run.step, steps: run.steps });
        emit();
      }
    }

    async function train() {
      stop();
      try {
        await load();
      } catch {
        return result();
      }
      const { lw, train: data, test } = env;
      const perEpoch = Math.ceil(data.count / BATCH);
      const me = { step: 0, steps: state.epochs * perEpoch, loss: Object.fromEntries(STARTS.map((s) => [s.key, []])), finished: false, stopped: false, test: null };
      run = me;
      const racers = STARTS.map((s) => {
        const model = lw.Model.fromSpec(raceSpec(s.init, state.seed)); // same seed for the three
        return { key: s.key, model, opt: OPTIMIZERS[state.optimizer].make(lw, model), batches: [] };
      });
      const labels = Float32Array.from(data.labels);
      let order = null;
      try {
        while (me.step < me.steps && !me.stopped) {
          const start = performance.now();
          do {
            const epoch = Math.floor(me.step / perEpoch);
            const at = (me.step % perEpoch) * BATCH;
            if (at === 0) order = shuffled(data.count, epoch + 1); // the same order for the three
            const ids = order.subarray(at, at + BATCH);
            const x = pictures(data.images, ids);
            const y = Float32Array.from(ids, (k) => labels[k]);
            for (const r of racers) {
              r.batches.push(r.model.trainStep(x, y, ids.length, 'cross_entropy', r.opt));
              const recent = r.batches.slice(-WINDOW);
              me.loss[r.key].push(recent.reduce((a, b) => a + b, 0) / recent.length);
            }
            me.step += 1;
          } while (me.step < me.steps && performance.now() - start < FRAME_MS);
          if (me.step < me.steps) setStatus(W.running, { epoch: Math.floor(me.step / perEpoch) + 1, epochs: state.epochs, step: me.step, steps: me.steps });
          emit();
          await nextFrame();
        }
        if (!me.stopped) {
          me.test = Object.fromEntries(racers.map((r) => [r.key, r.model.evaluate(test, 'cross_entropy')]));
          me.finished = true;
          setStatus(W.finished, { steps: me.steps, batch: BATCH });
          emit();
        }
      } finally {
        for (const r of racers) { r.opt.dispose(); r.model.dispose(); }
      }
      return result();
    }

    // a new setting or new weights: the run so far no longer matches, so it is stopped and cleared
    const restart = () => {
      stop();
      run = null;
      if (env) { measure(); setStatus(W.ready); }
      emit();
    };
    optSelect.addEventListener('change', () => { state.optimizer = optSelect.value; restart(); });
    epochSelect.addEventListener('change', () => { state.epochs = Number(epochSelect.value); restart(); });
    reseed.addEventListener('click', () => { state.seed += 1; restart(); });
    trainButton.addEventListener('click', () => {
      if (run && !run.finished && !run.stopped) stop();
      else train();
    });

    // The pictures and the engine, once (when the widget comes near the screen or Train is
    // pressed); a failure is shown and the next call tries again.
    const load = fashionOnce(root, {
      progress: (done, total) => setStatus(W.loading, { done, total }),
      ready: ({ lw, data }) => {
        const testX = pictures(data.test.images, first(data.test.count));
        const test = lw.data.fromArrays(testX, Float32Array.from(data.test.labels), { features: PIXELS, classes: CLASSES });
        env = { lw, train: data.train, test };
        measure();
        if (!run) setStatus(W.ready);
        emit();
        return env;
      },
      failed: (error) => {
        setStatus(W.failed, { message: error.message });
        emit();
      },
    });
    draw();

    return {
      root,
      get result() { return result(); },
      onChange: changed.on,
      load,
      train,
      stop,
      set({ optimizer: o, epochs: e } = {}) {
        if (o) { optSelect.value = o; state.optimizer = o; }
        if (e) { epochSelect.value = String(e); state.epochs = e; }
        restart();
      },
      setLang(lang) {
        words.setLang(lang);
        draw();
      },
    };
  };
}
