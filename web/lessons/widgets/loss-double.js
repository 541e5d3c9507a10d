// Cross-entropy fed softmax outputs instead of logits (softmax applied twice), against the
// right way, on the three-class blobs. Each run trains a fresh 2 → 8 → 3 network (same seed)
// with SGD in the engine, with or without a softmax layer at the end, and draws its training
// loss per epoch; a dashed line marks the lowest loss cross-entropy can reach on inputs in [0, 1].
//
// Widget: { root, setLang, softmax, setSoftmax(bool), train() → Promise<run>, runs, bound, on(fn) }
//   run = {softmax, losses: [per epoch], final, accuracy}; runs = {bug: run|null, right: run|null}.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine } from './common.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, inSlices, legend, plotWidth } from './output-kit.js';

addStyle('loss-double', `.lw-double label.check { display: inline-flex; gap: .4rem; align-items: center; min-height: 36px; }`);

const DOUBLE = { classes: 3, epochs: 100, perFrame: 5, lr: 0.1, batch: 10 };
/** −log(e / (e + K − 1)): cross-entropy's floor when its inputs lie in [0, 1] and sum to 1. */
const floorFor = (k) => Math.log(Math.E + k - 1) - 1;
const COLORS = { bug: '#d55e00', right: '#0072b2', bound: '#5b6776' };
const AXES = { x: { en: 'epoch', ko: '에포크' }, y: { en: 'training loss', ko: '학습 손실' } };

function doubleSpec(softmax) {
  return {
    input: [2],
    layers: [{ type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: DOUBLE.classes }, ...(softmax ? [{ type: 'softmax' }] : [])],
    seed: 1,
  };
}

export function doubleSoftmaxWidget({ softmax = true } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    const bound = floorFor(DOUBLE.classes);
    const runs = { bug: null, right: null };
    let live = null;
    let sets = null;
    let running = false;

    const box = h('input', { type: 'checkbox', checked: softmax });
    const train = h('button', { type: 'button', class: 'lw-button primary', onclick: () => run() });
    words.bind(train, { en: `Train ${DOUBLE.epochs} epochs`, ko: `${DOUBLE.epochs} 에포크 학습` });
    const plot = new LinePlot({ width: plotWidth(880), height: 300, xDomain: [0, DOUBLE.epochs], yDomain: [0.001, 2], logY: true });
    words.attr(plot.root, 'aria-label', { en: 'Training loss per epoch, log scale', ko: '에포크별 학습 손실 (로그 눈금)' });
    const readout = h('p', { class: 'lw-readout', 'aria-live': 'polite' });
    const describe = (r) => (r ? `${formatReadout(r.final, 4)} (${formatReadout(r.accuracy * 100, 3)}%)` : '–');
    const refresh = words.live(readout, {
      en: 'Final training loss (test accuracy) — with the extra softmax: {bug} · on logits: {right} · floor: {bound}',
      ko: '마지막 학습 손실 (테스트 정확도) — 소프트맥스를 한 번 더: {bug} · 로짓 그대로: {right} · 하한: {bound}',
    }, { bug: () => describe(runs.bug), right: () => describe(runs.right), bound: () => formatReadout(bound, 4) });
    const names = {
      bug: { en: 'softmax, then cross-entropy', ko: '소프트맥스 뒤 교차 엔트로피' },
      right: { en: 'logits into cross-entropy', ko: '로짓을 바로 교차 엔트로피에' },
      bound: { en: 'floor for inputs in [0, 1]', ko: '입력이 [0, 1]일 때의 하한' },
    };
    const root = h('div', { class: 'lw-card lw-double' },
      h('div', { class: 'lw-controls' },
        h('label', { class: 'check' }, box, words.bind(h('span'), { en: 'Softmax layer at the end of the model', ko: '모델 끝에 소프트맥스 층' })),
        train),
      legend(words, ['bug', 'right', 'bound'].map((key) => ({ color: COLORS[key], dash: key === 'bound', text: names[key] }))),
      plot.root, readout);

    function draw() {
      const series = [];
      for (const key of ['bug', 'right']) {
        const r = live?.key === key ? live : runs[key];
        if (r) series.push({ color: COLORS[key], points: r.losses.map((l, i) => [i + 1, l]) });
      }
      series.push({ color: COLORS.bound, dash: true, width: 1.5, points: [[0, bound], [DOUBLE.epochs, bound]] });
      plot.setLabels(words.t(AXES.x), words.t(AXES.y));
      plot.update(series);
      refresh();
    }

    async function data(lw) {
      if (!sets) {
        const all = lw.data.generate('blobs3', { n: 300, noise: 0.2, seed: 1 });
        sets = all.split(0.5, 1);
        all.dispose();
        const stats = sets[0].standardize();
        sets[1].standardize(stats);
      }
      return sets;
    }

    async function run() {
      if (running) return null;
      running = true;
      train.disabled = true;
      box.disabled = true;
      const withSoftmax = box.checked;
      const key = withSoftmax ? 'bug' : 'right';
      try {
        const lw = await getEngine();
        const [trainSet, testSet] = await data(lw);
        const model = lw.Model.fromSpec(doubleSpec(withSoftmax));
        const opt = lw.optim.SGD(model, { lr: DOUBLE.lr });
        live = { key, softmax: withSoftmax, losses: [] };
        await inSlices(DOUBLE.epochs, DOUBLE.perFrame,
          () => live.losses.push(model.trainEpoch(trainSet, DOUBLE.batch, 'cross_entropy', opt)), draw);
        const result = {
          softmax: withSoftmax,
          losses: live.losses,
          final: live.losses[live.losses.length - 1],
          accuracy: model.evaluate(testSet, 'cross_entropy').accuracy,
        };
        model.dispose();
        opt.dispose();
        runs[key] = result;
        live = null;
        draw();
        events.emit({ ...result, bound });
        return result;
      } finally {
        running = false;
        train.disabled = false;
        box.disabled = false;
      }
    }

    draw();
    return {
      root,
      setLang(lang) { words.setLang(lang); draw(); },
      get softmax() { return box.checked; },
      setSoftmax(v) { box.checked = Boolean(v); },
      train: run,
      runs,
      bound,
      on: events.on,
    };
  };
}
